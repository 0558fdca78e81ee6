"""设置 › 组织关系转接: the branch's local practice for transfers (``TransferSettings``): how long a
letter of introduction is valid (at most three months), from which month a member transferred in
owes dues here, and what the letter prints of the committee that seals it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.transfers import MAX_VALID_DAYS, MIN_VALID_DAYS, DuesStartRule, TransferSettings
from app.services import transfer_settings
from app.services.workspace import Workspace
from ui.common.styles import HINT_STYLE
from ui.settings.branch import MAX_FIELD_LENGTH, _write


class TransferSettingsBox(QGroupBox):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Transfers of membership"), parent)
        self._workspace = workspace
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(MIN_VALID_DAYS, MAX_VALID_DAYS)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setMaximumWidth(160)
        self.rule_combo = QComboBox()
        self.rule_combo.addItem(self.tr("the month after the paid-up month on the letter"),
                                DuesStartRule.AFTER_PAID_UP)
        self.rule_combo.addItem(self.tr("the month the member arrives"),
                                DuesStartRule.TRANSFER_MONTH)
        self.issuer_edit = QLineEdit()
        self.issuer_edit.setPlaceholderText(self.tr("empty: the higher party organization"))
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.postcode_edit = QLineEdit()
        for edit in (self.issuer_edit, self.address_edit, self.phone_edit, self.postcode_edit):
            edit.setMaxLength(MAX_FIELD_LENGTH)
            edit.textEdited.connect(lambda _t: self.feedback.clear())
        form = QFormLayout(self)
        form.addRow(self.tr("A letter of introduction is valid for:"), self.days_spin)
        form.addRow(self.tr("Dues of a member transferred in start from:"), self.rule_combo)
        form.addRow(self.tr("Committee sealing the letters:"), self.issuer_edit)
        form.addRow(self.tr("Its address:"), self.address_edit)
        form.addRow(self.tr("Its phone:"), self.phone_edit)
        form.addRow(self.tr("Its postcode:"), self.postcode_edit)
        hint = QLabel(self.tr(
            "The national rule: dues are owed from the month after the month the letter says "
            "they are paid up to; months charged by no branch or by both are pointed out when a "
            "member is transferred in. The committee's address and phone print on each letter."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form.addRow(hint)
        self.save_button = QPushButton(self.tr("Save transfer settings"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.feedback, 1)
        form.addRow("", row)

    def refresh(self) -> None:
        with self._workspace.unit_of_work(read_only=True) as uow:
            settings = transfer_settings.load(uow)
        self.days_spin.setValue(settings.valid_days)
        self.rule_combo.setCurrentIndex(max(self.rule_combo.findData(settings.dues_start), 0))
        self.issuer_edit.setText(settings.issuer)
        self.address_edit.setText(settings.issuer_address)
        self.phone_edit.setText(settings.issuer_phone)
        self.postcode_edit.setText(settings.issuer_postcode)
        self.feedback.clear()

    def clear(self) -> None:
        for edit in (self.issuer_edit, self.address_edit, self.phone_edit, self.postcode_edit):
            edit.clear()
        self.feedback.clear()

    def settings(self) -> TransferSettings:
        return TransferSettings(
            valid_days=self.days_spin.value(), dues_start=self.rule_combo.currentData(),
            issuer=self.issuer_edit.text().strip(), issuer_address=self.address_edit.text().strip(),
            issuer_phone=self.phone_edit.text().strip(),
            issuer_postcode=self.postcode_edit.text().strip(),
        )

    def save(self) -> bool:
        settings = self.settings()
        return _write(self._workspace, self.feedback,
                      lambda uow: transfer_settings.save(uow, settings))

"""The member form (新增党员 / 编辑党员): every field of a member record, checked as it is typed.

Fields are grouped as the paper forms group them: 基本信息, 党籍与组织, 发展党员各阶段. The rules
are the services' (``check_member``): after each change the form asks them about the whole record
and shows each problem beside its field, errors in red (they block saving) and warnings in brown
(they do not). A valid resident ID number fills in the date of birth and the gender when those
are empty, so nothing is typed twice. Saving goes through ``create_member`` / ``update_member``;
their InvalidInputError lands beside the fields as well.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import codes
from app.domain.development import STAGES
from app.domain.dues import PersonCategory
from app.domain.id_numbers import Gender, IdType, validate_id
from app.domain.members import BranchPost, Classification, Issue, Severity
from app.errors import BranchDeskError, InvalidInputError
from app.services import members
from app.services.members import MemberInput
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.members.form_fields import CodeCombo, FieldRow, connect_changes, field_group
from ui.widgets.background_list import WARNING_STYLE  # warnings beside a field
from ui.widgets.date_field import DateField
from ui.widgets.editor_dialog import EditorDialog
from ui.widgets.enum_combo import EnumCombo

CHECK_DELAY_MS = 200
"""Pause after the last keystroke before the record is checked again."""

Today = Callable[[], date]


class MemberForm(EditorDialog):
    """Add a member (``member_id`` None) or edit one. ``saved(member_id)`` after a save."""

    saved = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        member_id: str | None = None,
        today: Today = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._member_id = member_id
        self._today = today
        self._rows: dict[str, FieldRow] = {}
        self._touched: set[str] = set()
        self._save_attempted = False
        self._filled_from_id: set[str] = set()  # fields the ID number filled in
        self._loading = False
        self.issues: list[Issue] = []

        self.setWindowTitle(self.tr("New member") if member_id is None else self.tr("Edit member"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 920, 720)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)

        not_filled = self.tr("(not filled in)")
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.id_type_combo = EnumCombo(IdType)
        self.id_number_edit = QLineEdit()
        self.id_number_edit.setMaxLength(40)
        self.id_number_edit.setPlaceholderText(self.tr("18 characters; birth date and gender "
                                                       "are read from it"))
        self.gender_combo = EnumCombo(Gender, not_filled)
        self.birth_date_edit = DateField()
        self.ethnic_combo = CodeCombo(codes.ethnic_groups(), not_filled)
        self.native_place_edit = QLineEdit()
        self.education_combo = CodeCombo(codes.education_levels(), not_filled)
        self.degree_combo = CodeCombo(codes.degrees(), not_filled)
        self.work_unit_edit = QLineEdit()
        self.job_title_edit = QLineEdit()
        self.occupation_combo = CodeCombo(codes.occupations(), not_filled)
        self.occupation_combo.setToolTip(self.tr(
            "Occupation as the annual party statistics group it; not the category of person "
            "used for dues."))
        self.phone_edit = QLineEdit()
        self.category_combo = EnumCombo(PersonCategory)
        self.category_combo.setToolTip(self.tr(
            "A new category applies to dues from the month it is saved in; the months before "
            "keep the former one. For another month: Party dues › the member's dues › Change "
            "of category."))

        self.stage_combo = EnumCombo(reversed(STAGES))
        self.party_group_combo = QComboBox()
        self.branch_post_combo = EnumCombo(BranchPost)
        self.classification_combo = EnumCombo(Classification)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(60)

        self.application_edit = DateField()
        self.talk_edit = DateField()
        self.activist_edit = DateField()
        self.contacts_edit = QLineEdit()
        self.contacts_edit.setPlaceholderText(self.tr("names, separated by 、"))
        self.last_review_edit = DateField()
        self.candidate_edit = DateField()
        self.training_spin = QSpinBox()
        self.training_spin.setRange(0, 999)
        self.training_spin.setSpecialValueText(not_filled)
        self.sponsors_edit = QLineEdit()
        self.sponsors_edit.setPlaceholderText(self.tr("names, separated by 、"))
        self.admission_edit = DateField()
        self.approval_edit = DateField()
        self.extension_spin = QSpinBox()
        self.extension_spin.setRange(0, 24)
        self.extension_spin.setSpecialValueText(self.tr("not extended"))
        self.full_date_edit = DateField()

        basic = field_group(self.tr("Basic information"), [
            ("name", self.name_edit), ("id_type", self.id_type_combo),
            ("id_number", self.id_number_edit), ("gender", self.gender_combo),
            ("birth_date", self.birth_date_edit), ("ethnic_group", self.ethnic_combo),
            ("native_place", self.native_place_edit), ("education", self.education_combo),
            ("degree", self.degree_combo), ("work_unit", self.work_unit_edit),
            ("job_title", self.job_title_edit), ("occupation", self.occupation_combo),
            ("phone", self.phone_edit),
            ("category", self.category_combo),
        ], self._rows)
        party = field_group(self.tr("Party standing and organization"), [
            ("stage", self.stage_combo), ("party_group_id", self.party_group_combo),
            ("branch_post", self.branch_post_combo),
            ("classification", self.classification_combo), ("notes", self.notes_edit),
        ], self._rows)
        self.milestones_message = QLabel()
        self.milestones_message.setWordWrap(True)
        development = field_group(self.tr("Stages of development"), [
            ("application_date", self.application_edit), ("talk_date", self.talk_edit),
            ("activist_date", self.activist_edit), ("contacts", self.contacts_edit),
            ("last_review_date", self.last_review_edit),
            ("candidate_date", self.candidate_edit), ("training_hours", self.training_spin),
            ("sponsors", self.sponsors_edit), ("admission_date", self.admission_edit),
            ("approval_date", self.approval_edit),
            ("probation_extension_months", self.extension_spin),
            ("full_date", self.full_date_edit),
        ], self._rows, self.milestones_message)

        content = QWidget()
        column = QVBoxLayout(content)
        hint = QLabel(self.tr(
            "Fields marked in red must be corrected before saving; brown notes are warnings "
            "and do not prevent saving. Dates may be left empty when unknown."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        column.addWidget(hint)
        column.addWidget(basic)
        column.addWidget(party)
        column.addWidget(development)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self._load()
        self._connect_changes()
        if member_id is not None:
            self._touched = set(self._rows)
            self.check_now()
        self.name_edit.setFocus()

    # ---------------------------------------------------------------- building
    def _connect_changes(self) -> None:
        connect_changes(self._rows, self._changed)
        self.id_number_edit.textChanged.connect(self._fill_from_id_number)
        self.id_type_combo.currentIndexChanged.connect(self._fill_from_id_number)

    def _load(self) -> None:
        """Party groups for the combo; the member's values when editing."""
        self._loading = True
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                groups = members.party_groups(uow)
                member = (
                    members.get_member(uow, self._member_id)
                    if self._member_id is not None else None
                )
            self.party_group_combo.addItem(self.tr("(none)"), None)
            for group in groups:
                self.party_group_combo.addItem(group.name, group.id)
            # A new member starts from the record's defaults (内部, 正式党员, 在职…).
            self.set_input(member.data if member is not None else MemberInput(name=""))
        finally:
            self._loading = False

    # ---------------------------------------------------------------- values
    def set_input(self, data: MemberInput) -> None:
        self.name_edit.setText(data.name)
        self.id_type_combo.set_value(data.id_type)
        self.id_number_edit.setText(data.id_number)
        self.gender_combo.set_value(data.gender)
        self.birth_date_edit.set_date(data.birth_date)
        self.ethnic_combo.set_code(data.ethnic_group)
        self.native_place_edit.setText(data.native_place)
        self.education_combo.set_code(data.education)
        self.degree_combo.set_code(data.degree)
        self.work_unit_edit.setText(data.work_unit)
        self.job_title_edit.setText(data.job_title)
        self.occupation_combo.set_code(data.occupation)
        self.phone_edit.setText(data.phone)
        self.category_combo.set_value(data.category)
        self.stage_combo.set_value(data.stage)
        index = self.party_group_combo.findData(data.party_group_id)
        self.party_group_combo.setCurrentIndex(max(index, 0))
        self.branch_post_combo.set_value(data.branch_post)
        self.classification_combo.set_value(data.classification)
        self.notes_edit.setPlainText(data.notes)
        self.application_edit.set_date(data.application_date)
        self.talk_edit.set_date(data.talk_date)
        self.activist_edit.set_date(data.activist_date)
        self.contacts_edit.setText(data.contacts)
        self.last_review_edit.set_date(data.last_review_date)
        self.candidate_edit.set_date(data.candidate_date)
        self.training_spin.setValue(data.training_hours or 0)
        self.sponsors_edit.setText(data.sponsors)
        self.admission_edit.set_date(data.admission_date)
        self.approval_edit.set_date(data.approval_date)
        self.extension_spin.setValue(data.probation_extension_months or 0)
        self.full_date_edit.set_date(data.full_date)

    def _date_fields(self) -> dict[str, DateField]:
        return {
            name: row.widget for name, row in self._rows.items()
            if isinstance(row.widget, DateField)
        }

    def collect(self) -> tuple[MemberInput, list[Issue]]:
        """The record as entered, and the problems found before the rules are asked (dates
        that cannot be read)."""
        unreadable = [
            Issue(name, "not_a_date") for name, field in self._date_fields().items()
            if not field.is_valid()
        ]
        data = MemberInput(
            name=self.name_edit.text().strip(),
            id_number=self.id_number_edit.text().strip(),
            id_type=self.id_type_combo.value(),
            gender=self.gender_combo.value(),
            birth_date=self.birth_date_edit.date_value(),
            ethnic_group=self.ethnic_combo.code(),
            native_place=self.native_place_edit.text().strip(),
            education=self.education_combo.code(),
            degree=self.degree_combo.code(),
            work_unit=self.work_unit_edit.text().strip(),
            job_title=self.job_title_edit.text().strip(),
            occupation=self.occupation_combo.code(),
            phone=self.phone_edit.text().strip(),
            category=self.category_combo.value(),
            stage=self.stage_combo.value(),
            party_group_id=self.party_group_combo.currentData(),
            branch_post=self.branch_post_combo.value(),
            classification=self.classification_combo.value(),
            application_date=self.application_edit.date_value(),
            talk_date=self.talk_edit.date_value(),
            activist_date=self.activist_edit.date_value(),
            contacts=self.contacts_edit.text().strip(),
            last_review_date=self.last_review_edit.date_value(),
            candidate_date=self.candidate_edit.date_value(),
            training_hours=self.training_spin.value() or None,
            sponsors=self.sponsors_edit.text().strip(),
            admission_date=self.admission_edit.date_value(),
            approval_date=self.approval_edit.date_value(),
            probation_extension_months=self.extension_spin.value() or None,
            full_date=self.full_date_edit.date_value(),
            notes=self.notes_edit.toPlainText().strip(),
        )
        return data, unreadable

    # ---------------------------------------------------------------- reacting to input
    def _changed(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self._filled_from_id.discard(name)  # the user's own value from now on
        self._check_timer.start()

    def _fill_from_id_number(self) -> None:
        """Take the birth date and gender from a valid resident ID number when they are empty
        (or were themselves taken from an earlier version of the number)."""
        if self._loading:
            return
        result = validate_id(
            self.id_number_edit.text(), self.id_type_combo.value(), today=self._today()
        )
        self._loading = True  # these are not the user's edits
        try:
            if result.ok and result.birth_date is not None:
                if self.birth_date_edit.is_empty() or "birth_date" in self._filled_from_id:
                    self.birth_date_edit.set_date(result.birth_date)
                    self._filled_from_id.add("birth_date")
                if result.gender is not None and (
                    self.gender_combo.value() is None or "gender" in self._filled_from_id
                ):
                    self.gender_combo.set_value(result.gender)
                    self._filled_from_id.add("gender")
            else:
                if "birth_date" in self._filled_from_id:
                    self.birth_date_edit.set_date(None)
                if "gender" in self._filled_from_id:
                    self.gender_combo.set_value(None)
                self._filled_from_id.clear()
        finally:
            self._loading = False

    def check_now(self) -> list[Issue]:
        """Ask the rules about the record as it stands and show every problem beside its field."""
        self._check_timer.stop()
        data, unreadable = self.collect()
        unreadable_fields = {i.field for i in unreadable}
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                found = members.check_member(uow, data, self._today(), self._member_id)
        except BranchDeskError as error:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(message_for(error))
            return []
        # A date that cannot be read is left out of the record; its own problem is the one to
        # show, not the consequences of its absence.
        issues = unreadable + [i for i in found if i.field not in unreadable_fields]
        self.issues = issues
        self._show(issues)
        return issues

    def _visible(self, issue: Issue) -> bool:
        """Before the first save, "required" waits until its field has been touched."""
        if self._save_attempted or issue.field in self._touched:
            return True
        return issue.code not in ("required", "required_for_stage")

    def _show(self, issues: list[Issue]) -> None:
        by_field: dict[str, list[Issue]] = {}
        for issue in issues:
            if self._visible(issue):
                by_field.setdefault(issue.field, []).append(issue)
        for name, row in self._rows.items():
            self._set_message(row.message, by_field.pop(name, []), with_field=False)
        # Problems about no single field (or a field without a row) go above the milestones.
        rest = [i for found in by_field.values() for i in found]
        self._set_message(self.milestones_message, rest, with_field=True)
        if not any(i.severity is Severity.ERROR for i in issues):
            self.status_label.clear()

    def _set_message(self, label: QLabel, issues: list[Issue], with_field: bool) -> None:
        issues = sorted(issues, key=lambda i: i.severity is not Severity.ERROR)
        words = [member_texts.describe(i) if with_field else member_texts.issue_text(i.code)
                 for i in issues]
        label.setText(self.tr("; ").join(dict.fromkeys(words)))
        is_error = any(i.severity is Severity.ERROR for i in issues)
        label.setStyleSheet(ERROR_STYLE if is_error else WARNING_STYLE)

    def message_for_field(self, name: str) -> str:
        """The text shown beside field ``name`` (for tests and accessibility)."""
        return self._rows[name].message.text()

    # ---------------------------------------------------------------- saving
    def save(self) -> bool:
        """Check, then create or update the member; False if something must be corrected."""
        self._save_attempted = True
        for field in self._date_fields().values():
            field.editingFinished.emit()
        issues = self.check_now()
        errors = [i for i in issues if i.severity is Severity.ERROR]
        if errors:
            self._refuse(errors)
            return False
        data, _ = self.collect()
        try:
            with self._workspace.unit_of_work() as uow:
                if self._member_id is None:
                    member_id = members.create_member(uow, data, self._today())
                else:
                    member_id = self._member_id
                    members.update_member(uow, member_id, data, self._today())
                uow.commit()
        except InvalidInputError as error:
            problems = [Issue(p.field, p.code) for p in error.problems]
            self._show(problems)
            self._refuse(problems)
            return False
        except BranchDeskError as error:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(message_for(error))
            return False
        self.saved.emit(member_id)
        self.accept()
        return True

    # ---------------------------------------------------------------- unsaved work (quitting)
    def has_unsaved_work(self) -> bool:
        return bool(self._touched)

    def unsaved_work_title(self) -> str:
        return self.windowTitle()

    def save_unsaved_work(self) -> bool:
        return self.save()

    def _refuse(self, errors: list[Issue]) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(
            self.tr("Not saved: correct the {count} entries marked in red.").format(
                count=len({i.field for i in errors})
            )
        )
        first = next((self._rows[i.field] for i in errors if i.field in self._rows), None)
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first.widget)
            first.widget.setFocus()

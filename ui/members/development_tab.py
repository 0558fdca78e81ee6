"""党员 → 发展党员: applicants, activists, candidates and probationary members on the roll, by
stage, with the deadlines that fall due (the talk, the half-yearly review, the approval, the end of
probation)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.development import STAGES, Deadline, Stage
from app.services import members
from app.services.members import DevelopmentItem
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.styles import HINT_STYLE

HORIZONS = (30, 60, 90)

Today = Callable[[], date]


def deadline_words(deadline: Deadline, today: date) -> str:
    """How far away a deadline is: 还有 12 天 / 今天到期 / 已逾期 3 天."""
    days = (deadline.due_date - today).days
    if days > 0:
        return QCoreApplication.translate("MembersPage", "in {days} days").format(days=days)
    if days == 0:
        return QCoreApplication.translate("MembersPage", "due today")
    return QCoreApplication.translate("MembersPage", "{days} days overdue").format(days=-days)


class DevelopmentTab(QWidget):
    """``member_opened(member_id)`` when a name is double-clicked: the page opens the record."""

    member_opened = Signal(str)

    def __init__(self, workspace: Workspace, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.horizon_combo = QComboBox()
        for days in HORIZONS:
            self.horizon_combo.addItem(self.tr("next {days} days").format(days=days), days)
        self.horizon_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([
            self.tr("Name"), self.tr("Deadline"), self.tr("Due date"), self.tr("When"),
        ])
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(self._item_opened)
        hint = QLabel(self.tr(
            "Applicants, activists, development candidates and probationary members on the "
            "roll, by stage, with what falls due: the talk with an applicant (within a month), "
            "the half-yearly review of an activist, the committee's approval and the end of "
            "probation. Double-click a name to open the record."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show deadlines due in the:")))
        top.addWidget(self.horizon_combo)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

    def refresh(self) -> None:
        if not self._workspace.is_unlocked:
            return
        today = self._today()
        with self._workspace.unit_of_work(read_only=True) as uow:
            items = members.development_overview(uow, today, self.horizon_combo.currentData())
        self._show(items, today)

    def _show(self, items: list[DevelopmentItem], today: date) -> None:
        tree = self.tree
        tree.clear()
        by_stage: dict[Stage, list[DevelopmentItem]] = {}
        for item in items:
            by_stage.setdefault(item.stage, []).append(item)
        due = overdue = 0
        for stage in STAGES:
            if stage is Stage.FULL:
                continue
            found = by_stage.get(stage, [])
            parent = QTreeWidgetItem([
                self.tr("{stage} ({count})").format(
                    stage=member_texts.label(stage), count=len(found)
                )
            ])
            parent.setFirstColumnSpanned(True)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            tree.addTopLevelItem(parent)
            for item in found:
                deadlines = item.deadlines or (None,)
                for deadline in deadlines:
                    child = QTreeWidgetItem([item.name, "", "", ""])
                    child.setData(0, Qt.ItemDataRole.UserRole, item.member_id)
                    if deadline is not None:
                        due += 1
                        child.setText(1, member_texts.label(deadline.kind))
                        child.setText(2, deadline.due_date.isoformat())
                        child.setText(3, deadline_words(deadline, today))
                        if deadline.is_overdue(today):
                            overdue += 1
                            child.setForeground(3, Qt.GlobalColor.red)
                    else:
                        child.setText(1, self.tr("nothing due"))
                    parent.addChild(child)
            parent.setExpanded(True)
        self.summary.setText(
            self.tr("{due} deadlines, {overdue} of them overdue").format(
                due=due, overdue=overdue
            )
        )

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(name, deadline, due date, when) of every member row shown, for tests."""
        rows = []
        tree = self.tree
        for i in range(tree.topLevelItemCount()):
            parent = tree.topLevelItem(i)
            for j in range(parent.childCount()):
                child = parent.child(j)
                rows.append(tuple(child.text(c) for c in range(4)))
        return rows  # type: ignore[return-value]

    def _item_opened(self, item: QTreeWidgetItem, _column: int) -> None:
        member_id = item.data(0, Qt.ItemDataRole.UserRole)
        if member_id:
            self.member_opened.emit(str(member_id))

    def clear(self) -> None:
        """Forget what was shown (the workspace was locked)."""
        self.tree.clear()
        self.summary.clear()

"""指标设置 as a secretary uses it from the 考核评价 view, on a demo branch in a real SQLCipher
workspace: a weight and a target changed and an indicator unticked are kept and counted; a
negative weight is refused with the Chinese reason and keeps nothing; 恢复默认 brings back
DOMAIN.md's set. Screenshots go to /tmp/assess-settings-shots/."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.domain.assessment import DEFAULT_SETTINGS, DEFINITIONS, Code
from app.services import assessment
from app.services.workspace import Workspace
from tests.ui.assessment.conftest import shot as shown
from tests.ui.assessment.conftest import view_of
from tests.ui.screen_fit import problems
from ui.assessment.settings_dialog import AssessmentSettingsDialog
from ui.assessment.view import AssessmentView

SHOTS = Path("/tmp/assess-settings-shots")


def shot(widget: QWidget, name: str) -> None:
    shown(widget, SHOTS, name)


def stored(workspace: Workspace) -> tuple:
    with workspace.unit_of_work(read_only=True) as uow:
        return assessment.load_settings(uow)


def row_of(view: AssessmentView, code: Code) -> int:
    for row in range(view.table.rowCount()):
        if view.table.item(row, 0).text() == DEFINITIONS[code].name:
            return row
    return -1


def open_dialog(view: AssessmentView) -> AssessmentSettingsDialog:
    assert view.settings_button.text() == "指标设置…"
    view.settings_button.click()
    dialog = view.settings_dialog
    assert dialog is not None
    assert dialog.isVisible()  # open(), not exec(): the call returned
    return dialog


def test_a_changed_set_is_kept_and_counted(qtbot, branch):
    view = view_of(qtbot, branch)
    dialog = open_dialog(view)
    assert dialog.windowTitle() == "考核指标设置"
    rows = dialog.rows
    assert list(rows) == list(DEFINITIONS)  # every indicator the app knows
    assert all(row.used.isChecked() for row in rows.values())
    attendance = rows[Code.ATTENDANCE]
    assert (attendance.sign.text(), attendance.target.text(), attendance.unit_label.text(),
            attendance.weight.text()) == ("≥", "90", "%", "10")
    assert rows[Code.DUES_ARREARS].sign.text() == "≤"
    assert rows[Code.DISCLOSURES].unit_label.text() == "项"
    assert "÷ 应到人次之和" in attendance.formula.text()
    assert dialog.total_label.text() == "所选指标权重合计：100"
    found = problems(dialog)
    assert found == [], "\n".join(found)
    shot(dialog, "settings-dialog")

    attendance.target.setText("80")
    rows[Code.STUDY].weight.setText("20")
    rows[Code.DEVELOPMENT].used.setChecked(False)
    assert not rows[Code.DEVELOPMENT].weight.isEnabled()
    assert dialog.total_label.text() == "所选指标权重合计：105"
    with qtbot.waitSignal(view.refreshed, timeout=30_000):
        dialog.save_button.click()
    assert not dialog.isVisible()

    kept = {s.code: s for s in stored(branch)}
    assert Code.DEVELOPMENT not in kept
    assert len(kept) == 10
    assert kept[Code.ATTENDANCE].target == Decimal(80)
    assert kept[Code.STUDY].weight == Decimal(20)
    assert view.table.rowCount() == 10
    assert row_of(view, Code.DEVELOPMENT) == -1
    assert view.table.item(row_of(view, Code.ATTENDANCE), 3).text() == "≥ 80%"
    assert view.table.item(row_of(view, Code.STUDY), 4).text() == "20"
    shot(view, "view-after-saving")

    again = open_dialog(view)  # the dialog shows what is kept
    assert again.rows[Code.ATTENDANCE].target.text() == "80"
    assert not again.rows[Code.DEVELOPMENT].used.isChecked()
    assert again.rows[Code.DEVELOPMENT].weight.text() == "5"  # its default, to tick again
    again.reject()


def test_a_negative_weight_is_refused_and_nothing_is_kept(qtbot, branch):
    view = view_of(qtbot, branch)
    dialog = open_dialog(view)
    dialog.rows[Code.ATTENDANCE].target.setText("85")
    dialog.rows[Code.STUDY].weight.setText("-5")
    with qtbot.assertNotEmitted(dialog.saved):
        assert not dialog.save()
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "考核指标设置未保存：指标“学习培训学时达标”的权重为负数。")
    assert dialog.focusWidget() is dialog.rows[Code.STUDY].weight
    assert stored(branch) == DEFAULT_SETTINGS
    shot(dialog, "settings-refused")

    dialog.rows[Code.STUDY].weight.setText("五")
    assert not dialog.save()
    assert dialog.error_label.text() == (
        "考核指标设置未保存：指标“学习培训学时达标”的目标值或权重不是数字。")
    for row in dialog.rows.values():
        row.used.setChecked(False)
    assert not dialog.save()
    assert "未选择任何指标" in dialog.error_label.text()
    assert stored(branch) == DEFAULT_SETTINGS
    dialog.reject()
    assert view.table.rowCount() == 11


def test_restore_defaults_brings_back_the_domain_set(qtbot, branch):
    with branch.unit_of_work() as uow:
        assessment.save_settings(uow, DEFAULT_SETTINGS[:3])
        uow.commit()
    view = view_of(qtbot, branch)
    assert view.table.rowCount() == 3
    dialog = open_dialog(view)
    assert [c for c, row in dialog.rows.items() if row.used.isChecked()] == [
        Code.THREE_MEETINGS, Code.THEME_DAY, Code.ATTENDANCE]
    dialog.rows[Code.THEME_DAY].target.setText("50")
    dialog.restore_defaults()
    assert dialog.rows[Code.THEME_DAY].target.text() == "100"
    assert all(row.used.isChecked() for row in dialog.rows.values())
    assert stored(branch) == DEFAULT_SETTINGS[:3]  # the fields only, until saved
    with qtbot.waitSignal(view.refreshed, timeout=30_000):
        assert dialog.save()
    assert stored(branch) == DEFAULT_SETTINGS
    assert view.table.rowCount() == 11


def test_locking_closes_the_dialog(qtbot, branch):
    view = view_of(qtbot, branch)
    dialog = open_dialog(view)
    view.clear()
    assert not dialog.isVisible()

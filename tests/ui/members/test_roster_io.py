"""The roster import dialog and export, driven as a secretary would (file dialogs bypassed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.id_numbers import check_character
from app.domain.members import Classification
from app.services import members
from app.services.members import MemberFilter, StatusFilter
from app.services.workspace import Workspace
from ui.members.roster_io import (
    RosterImportDialog,
    confirm_secret_export,
    export_roster_interactively,
)

Screenshot = Callable[[QWidget, str], Path]
TODAY = date(2026, 7, 1)


def id_number(birth: str, seq: str) -> str:
    first17 = f"420102{birth}{seq}"
    return first17 + check_character(first17)


def roster(path: Path, second_id: object, extra_header: str = "户籍地址") -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "花名册"
    ws.append(["机关第一党支部党员花名册（2026年6月）"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "姓名", "性别", "民族", "公民身份号码", "入党时间", "党小组", extra_header])
    ws.append([1, "周新", "男", "汉族", id_number("19950305", "113"), "2020.07.01", "第一党小组",
               "湖北武汉"])
    ws.append([2, "吴敏", "女", "汉族", second_id, "2021年7月1日", "第二党小组", "湖北宜昌"])
    ws.append([3, "郑华", "男", "土家族", id_number("19970505", "135"), "2022.07", "第一党小组",
               "湖北恩施"])
    book.save(path)
    return path


def wait(qtbot: QtBot, dialog: RosterImportDialog) -> None:
    task = dialog.last_task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass


def test_a_bad_row_blocks_the_import_then_the_fixed_file_imports(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, screenshot: Screenshot
) -> None:
    bad = roster(tmp_path / "花名册.xlsx", float(id_number("19960405", "124")))
    good = roster(tmp_path / "花名册（改）.xlsx", id_number("19960405", "124"))
    chosen = [bad, good]
    dialog = RosterImportDialog(workspace, None, choose_file=lambda _parent: chosen.pop(0),
                                today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog)
    assert not dialog.import_button.isEnabled()
    rows = [
        [dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
        for r in range(dialog.table.rowCount())
    ]
    errors = [r for r in rows if r[4] == "错误"]
    assert len(errors) == 1
    sheet, row, column, field, _kind, reason = errors[0]
    assert (sheet, row, column) == ("花名册", "4", "E")
    assert field == "公民身份号码"
    assert "Excel" in reason
    assert any(r[2] == "H" and "户籍地址" in r[5] for r in rows)  # the unknown column, a warning
    assert "未导入" in dialog.summary.text() or "没有导入" in dialog.summary.text()
    assert dialog.mapping_box.isVisible()
    qtbot.wait(100)  # let the layout take the new texts
    screenshot(dialog, "roster-import-errors")

    # The unknown column is 籍贯: map it, check again (still the bad file: still blocked).
    combo = dialog._combos["户籍地址"]
    combo.setCurrentIndex(combo.findData("native_place"))
    dialog.check_again()
    wait(qtbot, dialog)
    assert not any(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, 2).text() == "H")
    assert not dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 0  # the corrected file, with 户籍地址 still mapped
    qtbot.wait(100)  # let the layout take the new texts
    screenshot(dialog, "roster-import-ready")
    with qtbot.waitSignal(dialog.imported, timeout=30_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [3]
    assert "3" in dialog.summary.text()
    qtbot.wait(100)  # let the layout take the new texts
    screenshot(dialog, "roster-import-done")
    with workspace.unit_of_work() as uow:
        assert members.count_members(uow, MemberFilter(status=StatusFilter.ALL)) == 3
        groups = [g.name for g in members.party_groups(uow)]
        places = {
            members.get_member(uow, i).data.native_place
            for i in members.member_ids(uow, MemberFilter(status=StatusFilter.ALL))
        }
    assert groups == ["第一党小组", "第二党小组"]
    assert places == {"湖北武汉", "湖北宜昌", "湖北恩施"}


def test_not_a_workbook_is_said_in_the_dialog(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    text = tmp_path / "名单.xlsx"
    text.write_text("姓名", encoding="utf-8")
    dialog = RosterImportDialog(workspace, None, choose_file=lambda _parent: text)
    qtbot.addWidget(dialog)
    dialog.check_file(text)
    wait(qtbot, dialog)
    assert "名单.xlsx" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_export_asks_where_and_tells_the_result(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    with workspace.unit_of_work() as uow:
        members.create_member(
            uow, members.MemberInput(name="周新", id_number=id_number("19950305", "113")), TODAY
        )
        uow.commit()
    parent = QWidget()
    qtbot.addWidget(parent)
    suggested: list[str] = []

    def choose(_parent: QWidget, name: str) -> Path:
        suggested.append(name)
        return tmp_path / "导出.xlsx"

    task = export_roster_interactively(parent, workspace, choose, today=lambda: TODAY)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert suggested[0].endswith(".xlsx")
    sheet = load_workbook(tmp_path / "导出.xlsx").active
    assert sheet["B4"].value == "周新"
    boxes = [w for w in parent.findChildren(QMessageBox)]
    assert boxes
    assert "导出.xlsx" in boxes[-1].text()
    assert export_roster_interactively(parent, workspace, lambda _p, _n: None) is None


def test_export_with_secret_members_asks_first_and_marks_the_file(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    # DESIGN.md, "Security model": secret members leave the PC only when the user agrees.
    with workspace.unit_of_work() as uow:
        members.create_member(uow, members.MemberInput(
            name="秦密", id_number=id_number("19950305", "113"),
            classification=Classification.SECRET), TODAY)
        uow.commit()
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[int] = []

    def refuse(_parent: QWidget, count: int) -> bool:
        asked.append(count)
        return False

    def choose(_parent: QWidget, _name: str) -> Path:
        return tmp_path / "导出.xlsx"

    assert export_roster_interactively(parent, workspace, choose, lambda: TODAY, refuse) is None
    assert asked == [1]
    assert not (tmp_path / "导出.xlsx").exists()
    task = export_roster_interactively(parent, workspace, choose, lambda: TODAY,
                                       lambda _p, _n: True)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    sheet = load_workbook(tmp_path / "导出.xlsx").active
    assert sheet.oddHeader.left.text == "秘密"
    assert sheet["B4"].value == "秦密"


def test_the_secret_export_question_defaults_to_cancel(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        assert "1" in box.text()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        assert box.defaultButton().text() == "取消"
        box.defaultButton().click()

    QTimer.singleShot(0, answer)
    assert not confirm_secret_export(parent, 1)

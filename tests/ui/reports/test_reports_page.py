"""报表 lists every report and takes the secretary to the page that makes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES


def test_each_report_leads_to_its_page(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show_page(PAGES.index("reports"))
    assert window.pages.currentWidget() is window.reports
    labels = window.reports.findChildren(QLabel)
    texts = " ".join(label.text() for label in labels)
    assert "花名册" in texts
    assert "会议记录" in texts
    assert "党费" in texts
    assert "学时统计表" in texts
    assert "民主评议党员结果表" in texts
    assert "意见建议" in texts
    assert "谈心谈话" in texts
    assert "整改台账" in texts
    assert "党务公开" in texts
    pages = (window.members, window.meetings, window.dues, window.study, window.talks,
             window.rectification, window.appraisal, window.opinions, window.disclosures)
    for button, page in zip(window.reports.buttons, pages, strict=True):
        window.show_page(PAGES.index("reports"))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.pages.currentWidget() is page
        assert window.navigation.currentItem().text() != "报表"

"""Qt's own texts are Chinese: the file dialog, a line edit's context menu (issue 13)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton, QTreeView

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def open_dialog(folder: Path) -> tuple[QFileDialog, QTreeView]:
    dialog = QFileDialog(None, "选择文件", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    view = dialog.findChild(QTreeView)
    assert view is not None
    return dialog, view


def test_file_dialog_in_chinese(qtbot, tmp_path):
    (tmp_path / "会议记录").mkdir()
    (tmp_path / "名册.txt").write_text("x", encoding="utf-8")
    dialog, view = open_dialog(tmp_path)
    qtbot.addWidget(dialog)
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2)

    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    texts += [button.text() for button in dialog.findChildren(QPushButton) if button.text()]
    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    types = {model.index(r, 0, view.rootIndex()).data():
             model.index(r, 2, view.rootIndex()).data() for r in range(2)}
    assert texts
    for text in [*texts, types["会议记录"]]:
        assert CJK.search(text), text
        assert not ENGLISH.search(text), text
    assert types["会议记录"] == "文件夹"


def test_a_text_no_catalog_has_stays_as_written():
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("Nowhere", "{a} / {b}") == "{a} / {b}"


def test_line_edit_context_menu_in_chinese(qtbot):
    edit = QLineEdit("文字")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    actions = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    assert len(actions) >= 6
    for text in actions:
        assert CJK.search(text), text
        assert not ENGLISH.search(text), text  # a mnemonic such as "(&U)" is one letter
    menu.deleteLater()


DIALOG_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QFileDialog, QTreeView
from ui.shell.app import create_application

app = create_application(["branchdesk"])
dialog = QFileDialog(None, "", sys.argv[1])
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
dialog.show()
view = dialog.findChild(QTreeView)
model = view.model()
while model.rowCount(view.rootIndex()) < 1:
    app.processEvents()
row = [model.index(0, c, view.rootIndex()).data() for c in range(4)]
print("|".join(row))
"""


def test_file_dialog_dates_and_sizes_in_chinese_on_an_english_session(tmp_path):
    """The system locale Qt formats the dialog's dates with is Chinese even where LANG=C."""
    (tmp_path / "名册.txt").write_text("x", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG="C", QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", DIALOG_SCRIPT, str(tmp_path)],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    name, size, _kind, modified = result.stdout.strip().split("|")
    assert name == "名册.txt"
    assert size == "1 字节"
    assert not ENGLISH.search(modified), modified
    assert re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}", modified), modified

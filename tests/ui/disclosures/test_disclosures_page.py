"""党务公开 page with the real widgets: a 发展 公示 drafted from the pipeline, edited, reviewed,
approved, published, printed; a 秘密 member's item refused with a message naming the member."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.development import Stage
from app.domain.members import Classification
from app.services import disclosures as d
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number
from ui.disclosures import dialogs
from ui.disclosures.page import DisclosuresPage

TODAY = date(2026, 11, 25)


def add_candidate(ws: Workspace, name: str, i: int, secret: bool = False) -> str:
    with ws.unit_of_work() as uow:
        member_id = m.create_member(uow, m.MemberInput(
            name=name, id_number=id_number(i), stage=Stage.CANDIDATE,
            application_date=date(2024, 3, 1), activist_date=date(2024, 6, 1),
            candidate_date=date(2025, 8, 1),
            classification=Classification.SECRET if secret else Classification.INTERNAL,
        ), TODAY)
        uow.commit()
    return member_id


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace) -> DisclosuresPage:
    widget = DisclosuresPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def _draft_for(page: DisclosuresPage, name: str, screenshot=None) -> None:
    chooser = page.new_item()
    if screenshot is not None:
        screenshot(chooser, "disclosures-draft-dialog")
    chooser.source.setCurrentIndex(dialogs.FROM_PIPELINE)
    chooser.member.setCurrentIndex(next(
        i for i in range(chooser.member.count()) if name in chooser.member.itemText(i)))
    chooser.accept()


def test_from_pipeline_to_published_and_printed(qtbot, page, workspace, screenshot, tmp_path):
    add_candidate(workspace, "林晓", 1)
    _draft_for(page, "林晓", screenshot)
    editor = page.editor
    assert editor is not None
    assert "林晓" in editor.title_edit.text()
    assert editor.end.date_value() == date(2026, 12, 1)
    editor.content.setPlainText(editor.content.toPlainText() + "\n该同志表现良好。")
    screenshot(editor, "disclosures-editor")
    assert editor.save_unsaved_work()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 4).text() == "拟稿"
    page.table.selectRow(0)
    for step in ("review", "approve"):
        dialog = page._step(step)
        assert dialog is not None
        dialog.who.setText("支部委员会")
        screenshot(dialog, f"disclosures-{step}-dialog")
        dialog.accept()
    page._step("publish")
    assert page.table.item(0, 4).text() == "已公开"
    assert "该同志表现良好" in page.detail.toPlainText()
    screenshot(page, "disclosures-page")
    page.print_notice(tmp_path / "notice.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "notice.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "该同志表现良好" in text
    assert "公示期" in text
    feedback = page.record_feedback()
    assert feedback is not None
    feedback.content.setPlainText("无异议")
    feedback.accept()
    assert "无异议" in page.detail.toPlainText()
    assert not page.note_button.isVisible()  # a response entered here is noted at once
    page.export_year(tmp_path / "y.xlsx")
    assert Path(tmp_path / "y.xlsx").exists()


def test_secret_member_item_is_refused_naming_the_member(qtbot, page, workspace):
    add_candidate(workspace, "机密对象", 2, secret=True)
    _draft_for(page, "机密对象")
    assert page.editor is not None
    assert page.editor.save_unsaved_work()
    page.table.selectRow(0)
    dialog = page._step("review")
    assert dialog is not None
    dialog.accept()
    assert page.message_box is not None
    text = page.message_box.text()
    assert "机密对象" in text
    assert "秘密" in text
    with workspace.unit_of_work() as uow:
        assert d.list_items(uow)[0].status is d.Status.DRAFT


def test_dashboard_reminders(qtbot, workspace):
    from ui.disclosures.reminders import DisclosureReminders

    member_id = add_candidate(workspace, "林晓", 1)
    with workspace.unit_of_work() as uow:
        ending = d.create(uow, d.draft_development(uow, member_id, date(2026, 11, 20)),
                          "王书记", date(2026, 11, 20))
        waiting = d.create(uow, d.draft_development(uow, member_id, TODAY), "王书记", TODAY)
        for item_id in (ending, waiting):
            d.review(uow, item_id, "李红", TODAY)
            d.approve(uow, item_id, "支委会", TODAY)
        d.publish(uow, ending, TODAY)
        uow.commit()
    widget = DisclosureReminders(workspace, today=lambda: TODAY)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.refresh()
    text = "\n".join(label.text() for label in widget.labels)
    assert "2026-11-26" in text  # the period of the first ends tomorrow
    assert "尚未发布" in text
    assert "党费" in text  # November, no 党费 公开 this year


def test_appraisal_results_drafted_or_a_message_when_none_are_recorded(qtbot, page, workspace):
    from app.domain.appraisal import Decider, Grade
    from app.services import appraisal

    def draft_appraisal() -> None:
        chooser = page.new_item()
        chooser.source.setCurrentIndex(dialogs.FROM_APPRAISAL)
        chooser.appraisal_year.setValue(2026)
        chooser.accept()

    draft_appraisal()
    assert "没有已评定等次的民主评议记录" in page.feedback_label.text()
    page.message_box.close()
    with workspace.unit_of_work() as uow:
        member_id = m.create_member(uow, m.MemberInput(
            name="周红", id_number=id_number(40), stage=Stage.FULL), TODAY)
        appraisal.save(uow, member_id, 2026, appraisal.AppraisalInput(
            self_assessed=True, votes=(1, 0, 0, 0), grade=Grade.QUALIFIED,
            decided_by=Decider.ASSEMBLY, decided_on=date(2026, 11, 20)), TODAY)
        uow.commit()
    draft_appraisal()
    assert page.editor is not None
    assert page.editor.title_edit.text().endswith("2026年度民主评议党员结果公开")
    assert "合格1名" in page.editor.content.toPlainText()

"""Stored meetings printed: minutes and sign-in sheets from a real encrypted database, read back
with pdftotext."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.documents import fonts
from app.domain.development import Decision, Stage
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost, Classification
from app.errors import FileAccessError, InvalidInputError, MissingGlyphsError, RecordNotFoundError
from app.services import meeting_documents as md
from app.services import meetings as mt
from app.services import members as m
from app.storage.models import AuditEntry
from tests.conftest import id_number

TODAY = date(2026, 11, 25)
RARE = "𠀾"  # CJK extension B: not in the bundled font


def number(i: int) -> str:
    return id_number(i, first_year=1960)


def add_member(uow, i: int, name: str, post: BranchPost = BranchPost.NONE,
               stage: Stage = Stage.FULL) -> str:
    return m.create_member(uow, m.MemberInput(
        name=name, id_number=number(i), stage=stage, branch_post=post,
        admission_date=date(2026, 3, 1) if stage is Stage.PROBATIONARY else None,
    ), TODAY)


@pytest.fixture
def people(workspace) -> dict[str, str]:
    with workspace.unit_of_work() as uow:
        ids = {
            "王建国": add_member(uow, 1, "王建国", BranchPost.SECRETARY),
            "李秀英": add_member(uow, 2, "李秀英", BranchPost.ORGANIZATION),
            "赵志强": add_member(uow, 3, "赵志强", BranchPost.PROPAGANDA),
            "孙丽": add_member(uow, 4, "孙丽"),
            "周明": add_member(uow, 5, "周明"),
            "吴芳": add_member(uow, 6, "吴芳", stage=Stage.PROBATIONARY),
        }
        uow.commit()
    return ids


def committee_meeting(workspace, people: dict[str, str]) -> str:
    with workspace.unit_of_work() as uow:
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.COMMITTEE, held_on=date(2026, 11, 20), start_time="14:30",
            end_time="16:05", place="办公楼三楼第二会议室",
            topics=("研究第四季度发展党员工作", "部署年度组织生活会"),
            host="王建国", recorder="李秀英", guests=("钱进",),
            discussion="王建国同志通报了第四季度发展党员工作情况。\n李秀英同志提出组织生活会的安排。",
            resolutions="1. 同意将孙丽同志列为发展对象。\n2. 十二月中旬召开组织生活会。",
            classification=Classification.INTERNAL,
        ))
        mt.set_attendance(uow, meeting_id, people["赵志强"], mt.Attendance.LEAVE, "出差在外")
        mt.finalize(uow, meeting_id, date(2026, 11, 21))
        mt.add_amendment(uow, meeting_id, date(2026, 11, 24), "李秀英",
                         "第二项决议的时间更正为十二月下旬。")
        uow.commit()
    return meeting_id


def text_of(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"],
                          capture_output=True, check=True, text=True)
    return done.stdout


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def exports(workspace) -> list[tuple[str, str, dict[str, object]]]:
    with workspace.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "meeting.export").order_by(AuditEntry.seq)
        )
        return [(r.entity, r.entity_id, json.loads(r.detail)) for r in rows]


def test_committee_minutes_print_every_required_item(workspace, people, tmp_path):
    meeting_id = committee_meeting(workspace, people)
    path = tmp_path / "minutes.pdf"
    with workspace.unit_of_work() as uow:
        pages = md.write_minutes(uow, meeting_id, path)
        uow.commit()
    raw = text_of(path)
    text = compact(raw)
    required = [
        "机关第一党支部会议记录",
        "会议名称", "2026年11月支部委员会会议",
        "会议类型", "支部委员会会议",
        "会议时间", "2026年11月20日（星期五）14:30至16:05",
        "会议地点", "办公楼三楼第二会议室",
        "主持人王建国", "记录人李秀英",
        "应到人数3人", "实到人数2人",
        "出席人员李秀英、王建国",
        "缺席人员及原因赵志强（请假：出差在外）",
        "列席人员钱进",
        "会议议题", "1.研究第四季度发展党员工作", "2.部署年度组织生活会",
        "讨论记录", "王建国同志通报了第四季度发展党员工作情况。",
        "表决情况", "本次会议未进行表决。",
        "会议决议", "1.同意将孙丽同志列为发展对象。", "2.十二月中旬召开组织生活会。",
        "本记录于2026年11月21日定稿。",
        "主持人（签字）：", "记录人（签字）：",
        "更正记录", "更正一2026年11月24日更正人：李秀英", "第二项决议的时间更正为十二月下旬。",
        "内部",
        f"第1页共{pages}页",
    ]
    for item in required:
        assert item in text, item
    # The typed numbers of the resolutions are not printed twice; no draft mark once finalized.
    assert "1.1." not in text
    assert "草稿" not in text
    # Amendments print after the original, after its signature lines.
    assert text.index("记录人（签字）：") < text.index("更正记录") < text.index("十二月下旬")
    assert raw.count("\f") == pages
    assert exports(workspace) == [
        ("meeting", meeting_id, {"document": "minutes", "path": str(path), "pages": pages})
    ]


def test_members_assembly_minutes_print_the_votes(workspace, people, tmp_path):
    with workspace.unit_of_work() as uow:
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.MEMBERS_ASSEMBLY, held_on=date(2026, 9, 16), start_time="09:00",
            place="党员活动室", topics=("讨论接收吴芳同志为预备党员",), host="王建国",
            recorder="李秀英", resolutions="同意接收吴芳同志为中共预备党员。",
        ))
        mt.set_attendance(uow, meeting_id, people["周明"], mt.Attendance.ABSENT, "未说明原因")
        mt.record_vote(uow, meeting_id, "接收吴芳同志为预备党员", 4, 0, 0)
        uow.commit()
    path = tmp_path / "assembly.pdf"
    with workspace.unit_of_work() as uow:
        md.write_minutes(uow, meeting_id, path)
        uow.commit()
    text = compact(text_of(path))
    for item in ("支部党员大会", "2026年9月16日（星期三）9:00", "应到人数6人", "实到人数5人",
                 "周明（缺席：未说明原因）", "表决情况", "接收吴芳同志为预备党员",
                 "已达到", "通过", "草稿（未定稿）", "同意接收吴芳同志为中共预备党员。"):
        assert item in text, item
    # 5 full members entitled (the probationary member attends but does not vote), 4 present.
    # (The subject wraps in its cell: its end prints after the counts of its row.)
    assert "接收吴芳同志为预备54400已达到通过党员" in text


def test_minutes_name_the_person_a_decision_vote_is_about(workspace, people, tmp_path):
    # 细则第三十三条: the minutes of a 转正 vote say whom it decided about, even when the subject
    # typed by hand does not name the person.
    with workspace.unit_of_work() as uow:
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.MEMBERS_ASSEMBLY, held_on=date(2026, 9, 16), start_time="09:00",
            place="党员活动室", topics=("预备党员转正",), host="王建国", recorder="李秀英",
        ))
        mt.record_vote(uow, meeting_id, "转正表决", 5, 0, 0,
                       decision=Decision.FULL_MEMBERSHIP, member_id=people["吴芳"])
        uow.commit()
    path = tmp_path / "assembly.pdf"
    with workspace.unit_of_work() as uow:
        md.write_minutes(uow, meeting_id, path)
        uow.commit()
    # Read without -layout: the subject's cell is narrow and wraps beside the counts.
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                         text=True).stdout
    assert "转正表决（表决事项：预备党员转为正式党员；对象：吴芳）" in compact(raw)


def test_minutes_list_written_opinions_as_such(workspace, people, tmp_path):
    # 发展党员工作细则 第二十一条: two entitled members absent with written opinions; their votes
    # count (5 entitled, 3 present, 5 in favour) and the minutes say so.
    with workspace.unit_of_work() as uow:
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.MEMBERS_ASSEMBLY, held_on=date(2026, 9, 16), start_time="09:00",
            place="党员活动室", topics=("讨论接收吴芳同志为预备党员",), host="王建国",
            recorder="李秀英", resolutions="同意接收吴芳同志为中共预备党员。",
        ))
        for name in ("孙丽", "周明"):
            mt.set_attendance(uow, meeting_id, people[name], mt.Attendance.WRITTEN, "出差")
        result = mt.record_vote(uow, meeting_id, "接收吴芳同志为预备党员", 5, 0, 0)
        uow.commit()
    assert (result.present, result.written, result.passed) == (3, 2, True)
    path = tmp_path / "assembly.pdf"
    with workspace.unit_of_work() as uow:
        md.write_minutes(uow, meeting_id, path)
        sheet = md.sign_in_sheet(uow, meeting_id)
        uow.commit()
    text = compact(text_of(path))
    for item in ("实到人数4人", "孙丽（书面意见：出差）", "周明（书面意见：出差）",
                 "书面意见孙丽、周明（共2人，书面意见计入票数）", "含书面意见2份",
                 "统计在票数内，不计入到会人数"):
        assert item in text, item
    assert {e.name: e.note for e in sheet.expected}["孙丽"] == "书面意见"


def test_sign_in_sheet_lists_everyone_expected(workspace, people, tmp_path):
    meeting_id = committee_meeting(workspace, people)
    path = tmp_path / "sign-in.pdf"
    with workspace.unit_of_work() as uow:
        pages = md.write_sign_in_sheet(uow, meeting_id, path)
        uow.commit()
    text = compact(text_of(path))
    assert "机关第一党支部会议签到表" in text
    assert "2026年11月支部委员会会议" in text
    for name in ("王建国", "李秀英", "赵志强", "钱进"):
        assert name in text
    assert "孙丽" not in text  # not on the committee: not expected at a 支委会
    assert exports(workspace)[-1][2] == {
        "document": "sign_in_sheet", "path": str(path), "pages": pages
    }


def test_a_name_the_font_cannot_print_is_named_and_nothing_is_written(workspace, tmp_path):
    assert fonts.missing_characters(f"王{RARE}") == [RARE]
    with workspace.unit_of_work() as uow:
        add_member(uow, 7, f"王{RARE}", BranchPost.SECRETARY)
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.COMMITTEE, held_on=date(2026, 11, 2), start_time="10:00",
            topics=("学习",), host=f"王{RARE}", recorder="李红",
        ))
        uow.commit()
    path = tmp_path / "minutes.pdf"
    with workspace.unit_of_work() as uow:
        with pytest.raises(MissingGlyphsError) as caught:
            md.write_minutes(uow, meeting_id, path)
        with pytest.raises(MissingGlyphsError):
            md.write_sign_in_sheet(uow, meeting_id, path)
        uow.commit()
    assert caught.value.characters == RARE
    assert not path.exists()
    assert exports(workspace) == []


def test_unknown_meeting_missing_time_and_unwritable_file(workspace, people, tmp_path):
    with workspace.unit_of_work() as uow:
        with pytest.raises(RecordNotFoundError):
            md.write_minutes(uow, "no-such-meeting", tmp_path / "x.pdf")
        timeless = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.THEME_DAY, held_on=date(2026, 11, 3), topics=("参观",)))
        with pytest.raises(InvalidInputError) as caught:
            md.minutes_document(uow, timeless)
        assert [p.field for p in caught.value.problems] == ["start_time"]
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.THEME_DAY, held_on=date(2026, 11, 3), start_time="08:30",
            topics=("参观",)))
        with pytest.raises(FileAccessError):
            md.write_minutes(uow, meeting_id, tmp_path / "no-folder" / "x.pdf")
    assert exports(workspace) == []


def test_minutes_in_memory_for_printing(workspace, people):
    meeting_id = committee_meeting(workspace, people)
    with workspace.unit_of_work() as uow:
        data = md.minutes_pdf(uow, meeting_id)
        document = md.minutes_document(uow, meeting_id)
    assert data.startswith(b"%PDF")
    assert document.meeting_type == "支部委员会会议"
    assert document.classification == "内部"
    assert document.absentees[0].reason == "请假：出差在外"
    assert exports(workspace) == []  # a preview is not an export


def test_resolutions_drop_numbers_typed_by_hand():
    assert md.resolutions_of("1. 同意\n（二）通过\n三、决定\n\n三会一课要规范\n2025年计划") == (
        "同意", "通过", "决定", "三会一课要规范", "2025年计划",
    )

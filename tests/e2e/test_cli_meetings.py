"""``meetings list``, ``meetings minutes`` / ``sign-in`` and a secret ``members export`` as an
administrator runs them: real processes, real files, exit codes, one Chinese line on error."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.domain.development import Stage
from app.domain.id_numbers import check_character
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost, Classification
from app.services import meetings as mt
from app.services import members as m
from app.services.workspace import BranchProfile, KdfParams, Workspace
from app.storage.models import AuditEntry

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "cli passphrase 2026"
CJK = re.compile(r"[\u4e00-\u9fff]")
RARE = "𠀾"  # CJK extension B: not in the bundled font


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BRANCHDESK_PASSPHRASE"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["BRANCHDESK_PASSPHRASE"] = PASSPHRASE
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )


def one_chinese_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert CJK.search(lines[0]), lines[0]
    return lines[0]


def workspace_of(data_dir: Path) -> Workspace:
    return Workspace(data_dir, keyring=None, kdf=KdfParams(n=2**10, r=8, p=1))


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A branch with a finalized 支委会 (one member on leave), a 2025 党课 and a meeting whose
    host's name the font cannot print."""
    data_dir = tmp_path_factory.mktemp("meetings") / "data"
    ws = workspace_of(data_dir)
    ws.create(BranchProfile("第三党支部", "BR-3", "机关党委", "周明"), PASSPHRASE)
    with ws.unit_of_work() as uow:
        ids = []
        for i, (name, post) in enumerate([("周明", BranchPost.SECRETARY),
                                          ("陈静", BranchPost.ORGANIZATION),
                                          ("郑伟", BranchPost.PROPAGANDA)], start=1):
            first17 = f"110105{1975 + i}0101{i:03d}"
            ids.append(m.create_member(uow, m.MemberInput(
                name=name, id_number=first17 + check_character(first17), stage=Stage.FULL,
                branch_post=post), date(2026, 1, 1)))
        committee = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.COMMITTEE, held_on=date(2026, 4, 8), start_time="15:00",
            end_time="16:30", place="二楼小会议室", topics=("研究党费收缴工作", "其他事项"),
            host="周明", recorder="陈静", resolutions="按月收缴党费。"))
        mt.set_attendance(uow, committee, ids[2], mt.Attendance.LEAVE, "病假")
        mt.finalize(uow, committee, date(2026, 4, 9))
        lecture = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.PARTY_LECTURE, held_on=date(2025, 6, 30), start_time="09:00",
            topics=("学习党章",), host="周明", recorder="陈静", lecturer="周明"))
        rare = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.THEME_DAY, held_on=date(2026, 5, 4), start_time="09:00",
            topics=("参观",), host=f"王{RARE}", recorder="陈静"))
        uow.commit()
    ws.lock()
    return data_dir, {"committee": committee, "lecture": lecture, "rare": rare}


def test_meetings_list_names_every_meeting_oldest_first(branch):
    data_dir, ids = branch
    result = run(data_dir, "meetings", "list")
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(line[0], line[1], line[3]) for line in lines] == [
        (ids["lecture"], "2025-06-30", "学习党章"),
        (ids["committee"], "2026-04-08", "研究党费收缴工作"),
        (ids["rare"], "2026-05-04", "参观"),
    ]
    assert all(len(line) == 4 and line[2] for line in lines)

    result = run(data_dir, "meetings", "list", "--year", "2025")
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [ids["lecture"]]

    result = run(data_dir, "meetings", "list", "--year", "1999")
    assert result.returncode == 0
    assert result.stdout == ""
    assert "1999" in one_chinese_line(result.stderr)


def test_meetings_minutes_writes_the_pdf_and_audits_it(branch, tmp_path):
    data_dir, ids = branch
    target = tmp_path / "会议记录"  # ".pdf" is added
    result = run(data_dir, "meetings", "minutes", ids["committee"], str(target))
    assert result.returncode == 0, result.stderr
    path = target.with_name("会议记录.pdf")
    assert str(path) in result.stdout
    assert CJK.search(result.stdout)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    compact = re.sub(r"\s+", "", text)
    for item in ("第三党支部会议记录", "支部委员会会议", "二楼小会议室", "郑伟（请假：病假）",
                 "研究党费收缴工作", "按月收缴党费。", "本记录于2026年4月9日定稿。"):
        assert item in compact, item
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout
    assert "yes" in fonts.splitlines()[-1]  # the CJK font is embedded

    ws = workspace_of(data_dir)
    ws.unlock(PASSPHRASE)
    try:
        with ws.unit_of_work() as uow:
            exports = [
                (e.entity_id, json.loads(e.detail)["path"])
                for e in uow.session.scalars(
                    select(AuditEntry).where(AuditEntry.action == "meeting.export"))
            ]
    finally:
        ws.lock()
    assert (ids["committee"], str(path)) in exports


@pytest.mark.parametrize(
    ("meeting", "file", "expected"),
    [
        ("unknown", "x.pdf", "meetings list"),
        ("rare", "rare.pdf", RARE),
        ("committee", "no-such-folder/x.pdf", "x.pdf"),
    ],
)
def test_meetings_minutes_user_errors_exit_1_with_one_chinese_line(
    branch, tmp_path, meeting, file, expected
):
    data_dir, ids = branch
    meeting_id = ids.get(meeting, "01234567-0000-7000-8000-000000000000")
    target = tmp_path / file
    result = run(data_dir, "meetings", "minutes", meeting_id, str(target))
    assert result.returncode == 1, result.stdout
    assert expected in one_chinese_line(result.stderr)
    assert not target.exists()
    assert result.stdout == ""


def test_meetings_usage_errors_exit_2(branch):
    data_dir, _ids = branch
    assert run(data_dir, "meetings").returncode == 2
    assert run(data_dir, "meetings", "minutes", "only-an-id").returncode == 2
    assert run(data_dir, "meetings", "list", "--year", "abc").returncode == 2


def test_meetings_sign_in_writes_the_sheet_the_window_prints(branch, tmp_path):
    # Issue 15: `meetings sign-in MEETING_ID FILE.pdf`, the same sheet as the window's.
    data_dir, ids = branch
    target = tmp_path / "签到表"
    result = run(data_dir, "meetings", "sign-in", ids["committee"], str(target))
    assert result.returncode == 0, result.stderr
    path = target.with_name("签到表.pdf")
    assert str(path) in result.stdout
    assert CJK.search(result.stdout)
    compact = re.sub(r"\s+", "", subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)
    for item in ("第三党支部会议签到表", "周明", "陈静", "郑伟", "请假"):
        assert item in compact, item

    result = run(data_dir, "meetings", "sign-in", "no-such-id", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "meetings list" in one_chinese_line(result.stderr)
    assert not (tmp_path / "x.pdf").exists()


def test_members_export_with_secret_members_needs_include_secret(branch, tmp_path):
    # DESIGN.md "Security model": the roster holding 秘密 members leaves the PC only when asked.
    data_dir, _ids = branch
    ws = workspace_of(data_dir)
    ws.unlock(PASSPHRASE)
    try:
        with ws.unit_of_work() as uow:
            first17 = "11010519800101099"
            m.create_member(uow, m.MemberInput(
                name="秦密", id_number=first17 + check_character(first17),
                classification=Classification.SECRET), date(2026, 1, 1))
            uow.commit()
    finally:
        ws.lock()
    target = tmp_path / "花名册.xlsx"
    result = run(data_dir, "members", "export", str(target))
    assert result.returncode == 1
    assert "--include-secret" in one_chinese_line(result.stderr)
    assert not target.exists()
    result = run(data_dir, "members", "export", "--include-secret", str(target))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(target).active
    assert sheet.oddHeader.left.text == "秘密"
    assert sheet["A1"].value.startswith("【秘密】")

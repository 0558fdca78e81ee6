"""Opening and filtering the meeting list with 5,000 meetings (issue 4; goal <= 30 ms per change).

A branch of 40 members with 5,000 meetings over twenty years in a real SQLCipher database,
attendance rows as the services write them (everyone expected, a few on leave or absent). The
rows are bulk-inserted in one transaction (the services' one-meeting-at-a-time writes with audit
and outbox would take minutes), with the same columns and values the services store.

Measured as the meeting list sees it: ``MeetingTableModel.set_filter`` (the ids in SQL order and
the first page of rows) when the meetings page's model is there, else the same two service calls
(``meeting_ids`` + ``meeting_rows`` of the first 50) in one unit of work. The changes: opening
(no filter), each year, each month of a year, each type, and search text typed character by
character. The reference is the same statements as raw SQL on the workspace's sqlcipher3
connection. Figures: median and 95th percentile over every change, three rounds.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import insert

from app.domain.development import Stage
from app.domain.id_numbers import check_character
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost
from app.services import meetings, members
from app.services.meetings import MeetingFilter
from app.services.workspace import BranchProfile, Workspace
from app.storage.ids import utc_iso, uuid7
from app.storage.keyslots import KdfParams
from app.storage.models import AttendanceRow, MeetingRow

MEETINGS = 5_000
MEMBERS = 40
PAGE = 50
GOAL_MS = 30.0
ROUNDS = 3
FIRST_DAY = date(2006, 1, 1)

TOPICS = ("学习贯彻党的二十大精神", "讨论发展党员工作", "研究党费收缴情况", "部署主题党日活动",
          "开展批评与自我批评", "民主评议党员", "学习党章党规", "研究支部年度工作计划")
PLACES = ("三楼会议室", "党员活动室", "二楼小会议室", "红色教育基地")
WEIGHTS = {MeetingType.COMMITTEE: 12, MeetingType.PARTY_GROUP: 12, MeetingType.THEME_DAY: 12,
           MeetingType.MEMBERS_ASSEMBLY: 4, MeetingType.PARTY_LECTURE: 4,
           MeetingType.ORGANIZATIONAL_LIFE: 1, MeetingType.DEMOCRATIC_APPRAISAL: 1,
           MeetingType.OTHER: 2}

RAW_IDS = "SELECT meeting.id FROM meeting WHERE meeting.deleted_at IS NULL{where} " \
          "ORDER BY meeting.held_on DESC, meeting.start_time, meeting.id"
RAW_ROWS = "SELECT * FROM meeting WHERE id IN ({marks})"
RAW_COUNTS = ("SELECT meeting_id, count(id), sum(CASE WHEN status = 'present' THEN 1 ELSE 0 END) "
              "FROM meeting_attendance WHERE meeting_id IN ({marks}) GROUP BY meeting_id")


def _populate(workspace: Workspace) -> None:
    rng = random.Random(4)
    with workspace.unit_of_work() as uow:
        committee, everyone = [], []
        for i in range(MEMBERS):
            first17 = f"110105{1960 + i}0101{i:03d}"
            member_id = members.create_member(uow, members.MemberInput(
                name=f"党员{i:02d}", id_number=first17 + check_character(first17),
                stage=Stage.PROBATIONARY if i >= 35 else Stage.FULL,
                admission_date=date(2025, 3, 1) if i >= 35 else None,
                branch_post=BranchPost.ORGANIZATION if i < 7 else BranchPost.NONE,
            ), date(2026, 1, 1))
            everyone.append(member_id)
            if i < 7:
                committee.append(member_id)
        kinds = list(WEIGHTS)
        weights = list(WEIGHTS.values())
        span = (date(2025, 12, 31) - FIRST_DAY).days
        meeting_rows: list[dict[str, Any]] = []
        attendance_rows: list[dict[str, Any]] = []
        for _ in range(MEETINGS):
            kind = rng.choices(kinds, weights)[0]
            meeting_id = uuid7()
            now = utc_iso()
            topics = rng.sample(TOPICS, rng.randint(1, 3))
            meeting_rows.append(dict(
                id=meeting_id, created_at=now, updated_at=now, server_version=0,
                deleted_at=None, type=kind.value,
                held_on=FIRST_DAY + timedelta(days=rng.randrange(span)),
                start_time=rng.choice(("09:00", "14:30", "15:00")), end_time="",
                place=rng.choice(PLACES), topics=json.dumps(topics, ensure_ascii=False),
                host="党员00", recorder="党员01", lecturer="", party_group_id=None,
                guests="[]", discussion="会议认为……" * 20, resolutions="同意。",
                classification="internal", finalized_on=None,
            ))
            expected = committee if kind is MeetingType.COMMITTEE else (
                rng.sample(everyone, 10) if kind is MeetingType.PARTY_GROUP else everyone)
            for member_id in expected:
                status = rng.choices(("present", "leave", "absent"), (90, 8, 2))[0]
                attendance_rows.append(dict(
                    id=uuid7(), created_at=now, updated_at=now, server_version=0,
                    deleted_at=None, meeting_id=meeting_id, member_id=member_id, status=status,
                    reason="" if status == "present" else "出差",
                ))
        uow.session.execute(insert(MeetingRow), meeting_rows)
        uow.session.execute(insert(AttendanceRow), attendance_rows)
        uow.commit()


def _changes() -> list[MeetingFilter]:
    """What a secretary does on the page: open it, pick years, months, types, type a search."""
    changes = [MeetingFilter()]
    changes += [MeetingFilter(year=y) for y in range(2025, 2005, -1)]
    changes += [MeetingFilter(year=2024, month=m) for m in range(1, 13)]
    changes += [MeetingFilter(year=2024, type=t) for t in MeetingType]
    changes += [MeetingFilter(type=t) for t in MeetingType]
    for word in ("发展党员", "党员活动室", "民主评议"):
        changes += [MeetingFilter(text=word[: n + 1]) for n in range(len(word))]
    return changes


def _raw_where(flt: MeetingFilter) -> tuple[str, list[Any]]:
    where, params = "", []
    if flt.year is not None:
        where += " AND CAST(STRFTIME('%Y', meeting.held_on) AS INTEGER) = ?"
        params.append(flt.year)
        if flt.month is not None:
            where += " AND CAST(STRFTIME('%m', meeting.held_on) AS INTEGER) = ?"
            params.append(flt.month)
    if flt.type is not None:
        where += " AND meeting.type = ?"
        params.append(flt.type.value)
    if flt.text.strip():
        where += " AND (meeting.topics LIKE ? OR meeting.place LIKE ?)"
        params += [f"%{flt.text.strip()}%"] * 2
    return where, params


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _time(step: Callable[[MeetingFilter], Any], changes: list[MeetingFilter]) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        for flt in changes:
            start = time.perf_counter()
            step(flt)
            samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(Path(folder) / "data", keyring=None, kdf=KdfParams(n=2**10))
        workspace.create(BranchProfile("基准测试党支部", "BENCH", "上级党委", "书记"), "bench pass")
        start = time.perf_counter()
        _populate(workspace)
        print(f"meeting_list: {MEETINGS} meetings of {MEMBERS} members inserted in "
              f"{time.perf_counter() - start:.1f} s")
        changes = _changes()
        try:
            from ui.meetings.table_model import MeetingTableModel
        except ImportError:
            MeetingTableModel = None  # type: ignore[assignment,misc]  # noqa: N806
        if MeetingTableModel is not None:
            model = MeetingTableModel(workspace, page_size=PAGE)
            how = "MeetingTableModel.set_filter"

            def as_the_list(flt: MeetingFilter) -> None:
                model.set_filter(flt)
        else:
            how = "meeting_ids + meeting_rows (first page)"

            def as_the_list(flt: MeetingFilter) -> None:
                with workspace.unit_of_work() as uow:
                    ids = meetings.meeting_ids(uow, flt)
                    meetings.meeting_rows(uow, ids[:PAGE])

        with workspace.unit_of_work() as uow:
            raw = uow.session.connection().connection.driver_connection

            def raw_ids(flt: MeetingFilter) -> list[str]:
                where, params = _raw_where(flt)
                return [r[0] for r in raw.execute(RAW_IDS.format(where=where), params)]

            def raw_ids_and_page(flt: MeetingFilter) -> None:
                page = raw_ids(flt)[:PAGE]
                if page:
                    marks = ",".join("?" * len(page))
                    raw.execute(RAW_ROWS.format(marks=marks), page).fetchall()
                    raw.execute(RAW_COUNTS.format(marks=marks), page).fetchall()

            as_the_list(MeetingFilter())  # warm the caches the same way for all three
            raw_ids_and_page(MeetingFilter())
            list_ms = _percentiles(_time(as_the_list, changes))
            raw_ms = _percentiles(_time(raw_ids, changes))
            raw_page_ms = _percentiles(_time(raw_ids_and_page, changes))
            plan = raw.execute(
                "EXPLAIN QUERY PLAN "
                + RAW_IDS.format(where=_raw_where(MeetingFilter(year=2024))[0]),
                [2024],
            ).fetchall()
        workspace.lock()
    del app
    print(f"meeting_list: {len(changes)} filter changes x {ROUNDS} ({how}): median "
          f"{list_ms[0]:.1f} ms, p95 {list_ms[1]:.1f} ms (goal <= {GOAL_MS:.0f} ms) "
          f"{'OK' if list_ms[1] <= GOAL_MS else 'OVER'}")
    print(f"meeting_list: raw SQL ids median {raw_ms[0]:.1f} ms, p95 {raw_ms[1]:.1f} ms; "
          f"raw ids + first page median {raw_page_ms[0]:.1f} ms, p95 {raw_page_ms[1]:.1f} ms")
    print(f"meeting_list: ratio {list_ms[0] / raw_page_ms[0]:.2f}x raw ids + first page "
          f"({list_ms[0] / raw_ms[0]:.2f}x the raw id query alone)")
    print("meeting_list: plan of a year filter: " + "; ".join(str(row[-1]) for row in plan))


if __name__ == "__main__":
    main()

"""The year's assessment (考核评价) for 10,000 members (issue 18; goal <= 1 s).

The figure: ``assessment.assess`` — every indicator of the default set counted from the
encrypted database: the meetings' compliance and attendance, the dues fold (on time, arrears),
the study table, the talks' pairs, the 整改台账, the opinions, the 党务公开 items and the
development steps — what the 考核评价 view shows and the PDF prints. Also printed, for context:
the PDF written (``assessment_report.export_pdf``, as ``assessment --year`` runs it).

The dues indicators read each member's dues fold as kept in the database
(``app.services.dues_folds``); after the setup's writes every member is stale, so the setup
ends as the app does after a change: one count that folds them from the ledger and the folds
kept (``dues_folds.keep_current``, what 工作台's dues reminder runs after every change). Both
are printed, not counted in the figure.

Setup (not measured): the dues branch of ``bench.dues_branch`` (demo members, bases, a year of
amounts due and payments), the year's required meetings through ``meetings.create_meeting``
(everyone expected marked present; 党课 and 主题党日 make study entries), study entries, talks
between the committee and members, 整改 items of the 组织生活会, opinions and 党务公开 items.
``python -m bench assessment [MEMBERS]``.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MEMBERS = 10_000
RUNS = 3
GOAL = 1.0  # seconds
TALKS = 400
STUDY_ENTRIES = 3  # per member, besides the meetings'


def _year(workspace: Any, year: int) -> None:
    from sqlalchemy import select

    from app.domain.calendar import Month
    from app.domain.members import BranchPost
    from app.domain.opinions import Category, Channel
    from app.domain.study import StudyForm
    from app.domain.talks import TalkKind
    from app.services import disclosures, meetings, opinions, rectification, study, talks
    from app.storage.models import MemberRow, PartyGroupRow

    rng = random.Random(year)
    with workspace.unit_of_work() as uow:
        ids = list(uow.session.scalars(select(MemberRow.id).order_by(MemberRow.sort_key)))
        committee = ids[:5]
        for post, member_id in zip((BranchPost.SECRETARY, BranchPost.ORGANIZATION,
                                    BranchPost.PROPAGANDA, BranchPost.DISCIPLINE,
                                    BranchPost.DEPUTY_SECRETARY), committee, strict=True):
            uow.session.get(MemberRow, member_id).branch_post = post.value  # type: ignore[union-attr]
        groups = list(uow.session.scalars(select(PartyGroupRow.id)))
        plans: list[tuple[Any, date, str | None]] = []
        for month in range(1, 13):
            plans.append((meetings.MeetingType.COMMITTEE, date(year, month, 5), None))
            plans.append((meetings.MeetingType.THEME_DAY, date(year, month, 20), None))
            plans += [(meetings.MeetingType.PARTY_GROUP, date(year, month, 12), g) for g in groups]
            if month % 3 == 0:
                plans.append((meetings.MeetingType.MEMBERS_ASSEMBLY, date(year, month, 15), None))
                plans.append((meetings.MeetingType.PARTY_LECTURE, date(year, month, 25), None))
        plans.append((meetings.MeetingType.ORGANIZATIONAL_LIFE, date(year, 1, 18), None))
        life = ""
        for kind, on, group in plans:
            meeting_id = meetings.create_meeting(uow, meetings.MeetingInput(
                type=kind, held_on=on, topics=("学习贯彻",), party_group_id=group))
            if kind is meetings.MeetingType.ORGANIZATIONAL_LIFE:
                life = meeting_id
        first = date(year, 1, 1)
        study.add_entries(uow, [
            study.EntryInput(member_id, first + timedelta(days=rng.randint(0, 360)),
                             StudyForm.ONLINE, "在线学习", Decimal(rng.choice((2, 4, 8))))
            for member_id in ids for _ in range(STUDY_ENTRIES)
        ])
        for number in range(TALKS):
            talks.create_talk(uow, talks.TalkInput(
                on_date=first + timedelta(days=rng.randint(0, 360)), kind=TalkKind.HEART_TO_HEART,
                topic="谈心", people=(committee[number % 5], rng.choice(ids[5:]))))
        for number in range(20):
            rectification.create_item(uow, rectification.ItemInput(
                meeting_id=life, problem=f"问题{number}", owner_id=committee[number % 5],
                measures="整改措施", due_on=date(year, 6, 30)))
        for number in range(30):
            opinions.record_opinion(uow, opinions.OpinionInput(
                received_on=first + timedelta(days=10 * number), channel=Channel.WRITTEN,
                category=Category.BUSINESS, content=f"建议{number}", member_id=ids[number]))
        for quarter in range(1, 5):
            last = Month(year, 3 * quarter)
            item = disclosures.create(uow, disclosures.draft_meetings(
                uow, Month(year, 3 * quarter - 2).first_day, last.last_day, last.last_day),
                "书记", last.last_day)
            disclosures.review(uow, item, "组织委员", last.last_day)
            disclosures.approve(uow, item, "书记", last.last_day)
            disclosures.publish(uow, item, last.last_day)
        uow.commit()


def main(members: int = MEMBERS) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    from app.services import assessment, assessment_report, dues_folds
    from bench.dues_branch import TODAY, YEAR, add_year, make_branch

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        setup = time.perf_counter()
        workspace: Any = make_branch(folder, members)
        events = add_year(workspace)
        _year(workspace, YEAR)
        setup = time.perf_counter() - setup
        as_of = assessment.as_of_for(YEAR, TODAY)
        # Right after the year's writes every member is marked stale: the first count folds
        # them all from the ledger. Then the folds are kept, as 工作台 does after every change.
        stale = time.process_time()
        with workspace.unit_of_work(read_only=True) as uow:
            assessment.assess(uow, YEAR, as_of)
        stale = time.process_time() - stale
        kept = time.process_time()
        dues_folds.keep_current(workspace)
        kept = time.process_time() - kept
        runs, cpus, pdfs = [], [], []
        found = None
        for _ in range(RUNS):
            start, cpu = time.perf_counter(), time.process_time()
            with workspace.unit_of_work(read_only=True) as uow:
                found = assessment.assess(uow, YEAR, as_of)
            runs.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
            start = time.perf_counter()
            with workspace.unit_of_work() as uow:
                assessment_report.export_pdf(uow, YEAR, folder / "assessment.pdf", TODAY)
                uow.commit()
            pdfs.append(time.perf_counter() - start)
        workspace.lock()
    figure, pdf = statistics.median(runs), statistics.median(pdfs)
    ratio = figure / GOAL
    assert found is not None
    counted = ", ".join(f"{i.code.value} {i.count.done}/{i.count.due}" for i in found.indicators)
    print(f"assessment: {members} members, {events} dues events; setup {setup:.0f} s")
    print(f"assessment: counted {counted}")
    print(f"assessment: the year's indicators {figure * 1000:.0f} ms (median of {RUNS}; CPU "
          f"{statistics.median(cpus) * 1000:.0f} ms: on a loaded machine the CPU time is the "
          f"better guide); the PDF written {pdf * 1000:.0f} ms")
    print(f"assessment: not counted in the figure: the first count after every member's dues "
          f"changed, before their folds are kept, {stale * 1000:.0f} ms CPU; keeping the folds "
          f"of all {members} members (工作台 does it after every change) {kept * 1000:.0f} ms CPU")
    print(f"assessment: ratio {ratio:.2f}x of the {GOAL:.0f} s goal "
          f"{'OK' if ratio <= 1 else 'OVER'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else MEMBERS)

"""考核评价 on a demo branch: every figure of the assessment is counted again here, independently,
from the stored rows (plain SQL and the rules as DOMAIN.md states them), and must agree; the
settings (set, targets, weights, meeting frequencies) change the result; the self-assessment
report is a draft until submitted, then read-only; its PDF read back with pdftotext."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from itertools import combinations
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.assessment import Code, IndicatorSetting
from app.domain.calendar import Month
from app.domain.development import add_months
from app.domain.meetings import Frequency, MeetingType
from app.errors import AssessmentSettingsError, AssessmentSubmittedError, InvalidInputError
from app.services import assessment, assessment_report, demo, meetings
from app.services.assessment_report import Sections
from app.services.workspace import Workspace
from app.storage.unit_of_work import UnitOfWork
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 12, 31)
YEAR = 2026
AS_OF = date(2026, 12, 31)


def demo_branch(folder: Path, members: int) -> Iterator[Workspace]:
    workspace = Workspace(folder / "data", kdf=FAST_KDF)
    workspace.create(demo.PROFILE, PASSPHRASE)
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, members)
        uow.commit()
    yield workspace
    workspace.lock()


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A demo branch with a year of work: 2026 (meetings, dues Jan–Nov, study, talks, 整改,
    opinions, 党务公开, development)."""
    yield from demo_branch(tmp_path_factory.mktemp("assess"), 60)


@pytest.fixture
def edited(tmp_path: Path) -> Iterator[Workspace]:
    """A demo branch of its own, for the tests that change settings or write the report."""
    yield from demo_branch(tmp_path, 30)


def rows(uow: UnitOfWork, sql: str, **params: object) -> list[tuple]:
    return [tuple(r) for r in uow.session.execute(text(sql), params)]


def day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


# ---------------------------------------------------------------- the independent counts
PERIODS = {"monthly": [(m, m) for m in range(1, 13)],
           "quarterly": [(q, q + 2) for q in (1, 4, 7, 10)]}
DEFAULT = {"members_assembly": "quarterly", "committee": "monthly", "party_group": "monthly",
           "party_lecture": "quarterly", "theme_day": "monthly"}


def held_periods(uow: UnitOfWork, types: list[str]) -> tuple[int, int]:
    held = defaultdict(set)
    for kind, on in rows(uow, "SELECT type, held_on FROM meeting WHERE deleted_at IS NULL"):
        on = day(on)
        if on.year == YEAR:
            held[kind].add(on.month)
    done = due = 0
    for kind in types:
        for first, last in PERIODS[DEFAULT[kind]]:
            due += 1
            done += any(first <= m <= last for m in held[kind])
    return done, due


def attendance(uow: UnitOfWork) -> tuple[int, int]:
    found = rows(uow, """
        SELECT count(a.id), sum(a.status = 'present') FROM meeting_attendance a
        JOIN meeting m ON m.id = a.meeting_id
        WHERE m.deleted_at IS NULL AND a.deleted_at IS NULL
          AND m.held_on BETWEEN :first AND :last""", first="2026-01-01", last="2026-12-31")
    expected, present = found[0]
    return int(present), int(expected)


def dues_on_time(uow: UnitOfWork) -> tuple[int, int]:
    assert rows(uow, "SELECT count(*) FROM dues_quarterly")[0][0] == 0  # monthly payers only
    reversed_ids = {r[0] for r in rows(
        uow, "SELECT reverses_id FROM dues_event WHERE kind = 'reversal'")}
    owed = {(member, month) for eid, member, month, fen in rows(
        uow, "SELECT id, member_id, month, amount_fen FROM dues_event WHERE kind = 'due'")
        if eid not in reversed_ids and fen > 0 and month.startswith("2026-")}
    first_paid: dict[tuple[str, str], date] = {}
    for eid, member, months, on in rows(
            uow, "SELECT id, member_id, months, on_date FROM dues_event WHERE kind = 'payment'"):
        if eid in reversed_ids:
            continue
        for month in json.loads(months):
            key = (member, month)
            first_paid[key] = min(first_paid.get(key, day(on)), day(on))
    done = due = 0
    for member, month in owed:
        # DOMAIN.md's monthly payment, with the month after it to pay in.
        deadline = (Month.parse(month) + 1).last_day
        paid = first_paid.get((member, month))
        if paid is None and deadline > AS_OF:
            continue
        due += 1
        done += paid is not None and paid <= deadline
    return done, due


def members_in_arrears(uow: UnitOfWork) -> int:
    """Active members whose months due up to the month before AS_OF's end with 3 or more
    unpaid (第十三条: the demo's members who stopped paying)."""
    active = {r[0] for r in rows(uow, "SELECT id FROM member WHERE status = 'active'")}
    due = defaultdict(set)
    for member, month, fen in rows(
            uow, "SELECT member_id, month, amount_fen FROM dues_event WHERE kind = 'due'"):
        if fen > 0:
            due[member].add(month)
    paid = defaultdict(set)
    for member, months in rows(
            uow, "SELECT member_id, months FROM dues_event WHERE kind = 'payment'"):
        paid[member].update(json.loads(months))
    count = 0
    for member, months in due.items():
        if member not in active:
            continue
        run = 0
        for month in sorted(months, reverse=True):
            if month in paid[member]:
                break
            run += 1
        count += run >= 3
    return count


def study(uow: UnitOfWork) -> tuple[int, int]:
    hours = defaultdict(int)
    for member, hundredths in rows(uow, """
            SELECT member_id, hours_hundredths FROM study_entry
            WHERE deleted_at IS NULL AND withdrawn = 0
              AND on_date BETWEEN '2026-01-01' AND '2026-12-31'"""):
        hours[member] += hundredths
    exempt = {r[0] for r in rows(uow, "SELECT member_id FROM study_exemption "
                                      "WHERE deleted_at IS NULL AND reason != ''")}
    done = due = 0
    for member, post in rows(uow, """
            SELECT id, branch_post FROM member WHERE deleted_at IS NULL AND status = 'active'
              AND stage IN ('full', 'probationary')"""):
        if member in exempt:
            continue
        target = 56 if post != "" else 32  # 第20条; the training plan for the committee
        due += 1
        done += hours[member] >= target * 100
    return done, due


def talk_pairs(uow: UnitOfWork) -> tuple[int, int]:
    people = rows(uow, """SELECT id, branch_post FROM member WHERE deleted_at IS NULL
        AND status = 'active' AND stage IN ('full', 'probationary')""")
    committee = {m for m, post in people if post != ""}
    others = {m for m, post in people if post == ""}
    required = {frozenset(p) for p in combinations(sorted(committee), 2)}
    required |= {frozenset((c, m)) for c in committee for m in others}
    talks = defaultdict(set)
    for talk, member in rows(uow, """
            SELECT p.talk_id, p.member_id FROM talk_participant p JOIN talk t ON t.id = p.talk_id
            WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
              AND t.on_date BETWEEN '2026-01-01' AND '2026-12-31'"""):
        talks[talk].add(member)
    covered = {frozenset(p) for ids in talks.values() for p in combinations(sorted(ids), 2)}
    return len(required & covered), len(required)


def rectification(uow: UnitOfWork) -> tuple[int, int]:
    done = due = 0
    for status, due_on, done_on, held_on in rows(uow, """
            SELECT r.status, r.due_on, r.done_on, m.held_on FROM rectification_item r
            JOIN meeting m ON m.id = r.meeting_id WHERE r.deleted_at IS NULL"""):
        found_in, deadline = day(held_on).year, day(due_on)
        finished = day(done_on) if status == "done" and done_on else None
        in_ledger = found_in == YEAR or (found_in < YEAR and (
            finished is None or finished.year >= YEAR))
        if not in_ledger or (finished is None and deadline > AS_OF):
            continue
        due += 1
        done += finished is not None and finished <= deadline
    return done, due


def opinions(uow: UnitOfWork) -> tuple[int, int]:
    assert rows(uow, "SELECT count(*) FROM setting WHERE key LIKE '%opinion%limit%'")[0][0] == 0
    done = due = 0
    for received, answered, status in rows(uow, """
            SELECT received_on, answered_on, status FROM opinion
            WHERE deleted_at IS NULL AND kind = 'opinion'
              AND received_on BETWEEN '2026-01-01' AND '2026-12-31'"""):
        limit = day(received) + timedelta(days=30)  # the default time limit (a setting)
        if answered is None and not (status in ("pending", "forwarded") and limit < AS_OF):
            continue
        due += 1
        done += answered is not None and day(answered) <= limit
    return done, due


def published(uow: UnitOfWork) -> int:
    return rows(uow, """SELECT count(*) FROM disclosure WHERE deleted_at IS NULL
        AND published_on BETWEEN '2026-01-01' AND '2026-12-31'""")[0][0]


def development_steps(uow: UnitOfWork) -> tuple[int, int]:
    """Each stage dated in 2026, on time by the 细则's intervals (谈话 within a month of the
    application, 1 year as activist, a review every 6 months, 转正 on the day probation ends),
    and a probation ended in 2026 without its 转正 meeting."""
    done = due = 0
    for (application, talk, activist, review, candidate, admitted, extension,
         full, stage) in rows(uow, """
            SELECT application_date, talk_date, activist_date, last_review_date, candidate_date,
                   admission_date, probation_extension_months, full_date, stage
            FROM member WHERE deleted_at IS NULL"""):
        dates = {k: day(v) if v else None for k, v in (
            ("application", application), ("talk", talk), ("activist", activist),
            ("review", review), ("candidate", candidate), ("admitted", admitted),
            ("full", full))}
        end = (add_months(dates["admitted"], 12 + (extension or 0))
               if dates["admitted"] else None)
        checks = {
            "application": True,
            "activist": not (dates["application"] and dates["talk"]
                             and dates["talk"] > add_months(dates["application"], 1)),
            "candidate": dates["activist"] is None or dates["candidate"] is None or (
                dates["candidate"] >= add_months(dates["activist"], 12)
                and dates["candidate"] <= add_months(dates["review"] or dates["activist"], 6)),
            "admitted": True,
            "full": end is None or dates["full"] is None or dates["full"] == end,
        }
        for step, on_time in checks.items():
            on = dates[step]
            if on is not None and on.year == YEAR:
                due += 1
                done += on_time
        if (stage == "probationary" and dates["full"] is None and end is not None
                and end.year == YEAR and end < AS_OF):
            due += 1
    return done, due


# ---------------------------------------------------------------- the tests
def test_every_figure_is_reproduced_from_the_records(branch: Workspace):
    with branch.unit_of_work(read_only=True) as uow:
        found = assessment.assess(uow, YEAR, AS_OF)
        expected = {
            Code.THREE_MEETINGS: held_periods(
                uow, ["members_assembly", "committee", "party_group", "party_lecture"]),
            Code.THEME_DAY: held_periods(uow, ["theme_day"]),
            Code.ATTENDANCE: attendance(uow),
            Code.DUES_ON_TIME: dues_on_time(uow),
            Code.DUES_ARREARS: (members_in_arrears(uow), None),
            Code.STUDY: study(uow),
            Code.TALKS: talk_pairs(uow),
            Code.RECTIFICATION: rectification(uow),
            Code.OPINIONS: opinions(uow),
            Code.DISCLOSURES: (published(uow), None),
            Code.DEVELOPMENT: development_steps(uow),
        }
    assert [i.code for i in found.indicators] == list(expected)  # DOMAIN.md's default set
    for indicator in found.indicators:
        done, due = expected[indicator.code]
        assert (indicator.count.done, indicator.count.due) == (done, due), indicator.code
        if due is None:
            assert indicator.value == done
        elif due:
            share = (Decimal(100 * done) / due).quantize(Decimal("0.1"))
            assert indicator.value == share, indicator.code
    # The demo is a real branch's year: most counts are not empty, and not all perfect.
    assert all(i.count.due != 0 for i in found.indicators), found
    assert any(i.met is False for i in found.indicators)
    weights_met = sum(i.weight for i in found.indicators if i.met)
    weights = sum(i.weight for i in found.indicators if i.met is not None)
    assert found.weighted_share == (100 * weights_met / weights).quantize(Decimal("0.1"))


def test_the_drill_down_lists_the_records_counted(branch: Workspace):
    with branch.unit_of_work(read_only=True) as uow:
        found = assessment.assess(uow, YEAR, AS_OF)
        theme = found.indicator(Code.THEME_DAY)
        held = rows(uow, """SELECT id FROM meeting WHERE type = 'theme_day'
            AND deleted_at IS NULL AND held_on BETWEEN '2026-01-01' AND '2026-12-31'""")
        assert {r.id for r in theme.records if r.entity == "meeting"} == {h[0] for h in held}
        assert all(r.label.startswith("主题党日") for r in theme.records)
        talks = found.indicator(Code.TALKS)
        assert {r.entity for r in talks.records} == {"talk"}
        assert len(talks.records) == rows(uow, """SELECT count(*) FROM talk WHERE deleted_at
            IS NULL AND on_date BETWEEN '2026-01-01' AND '2026-12-31'""")[0][0]
        arrears = found.indicator(Code.DUES_ARREARS)
        assert len(arrears.records) == arrears.count.done
        assert all(r.entity == "member" and "个月未交" in r.note for r in arrears.records)
        rect = found.indicator(Code.RECTIFICATION)
        assert len(rect.records) == rect.count.due
        assert sum(r.note == "按期完成" for r in rect.records) == rect.count.done
        dues = found.indicator(Code.DUES_ON_TIME)
        keys = dict(rows(uow, "SELECT id, sort_key FROM member"))
        order = [keys[r.id] for r in dues.records]  # the roster's order, never by the figure
        assert order == sorted(order)
    assert "÷" in theme.formula
    assert "主题党日每月" in theme.formula


def test_a_missed_month_is_named_in_the_drill_down(edited: Workspace):
    with edited.unit_of_work() as uow:
        meeting_id, held_on = rows(uow, """SELECT id, held_on FROM meeting
            WHERE type = 'theme_day' AND finalized_on IS NULL
              AND held_on BETWEEN '2026-01-01' AND '2026-12-31' ORDER BY held_on""")[0]
        month = day(held_on).month
        data = meetings.get_meeting(uow, meeting_id).data
        from dataclasses import replace
        meetings.update_meeting(uow, meeting_id, replace(data, type=MeetingType.OTHER))
        uow.commit()
    with edited.unit_of_work(read_only=True) as uow:
        theme = assessment.assess(uow, YEAR, AS_OF).indicator(Code.THEME_DAY)
    assert (theme.count.done, theme.count.due) == (11, 12)
    assert theme.value == Decimal("91.7")
    assert theme.met is False
    missing = [r for r in theme.records if r.entity == ""]
    assert [(r.label, r.note) for r in missing] == [(f"2026年{month}月主题党日", "未召开")]


def test_settings_change_the_result(edited: Workspace):
    with edited.unit_of_work() as uow:
        before = assessment.assess(uow, YEAR, AS_OF)
        assessment.save_settings(uow, (
            IndicatorSetting(Code.STUDY, Decimal(80), Decimal(40)),
            IndicatorSetting(Code.THREE_MEETINGS, Decimal(100), Decimal(60)),
        ))
        frequencies = meetings.load_frequencies(uow)
        frequencies[MeetingType.PARTY_LECTURE] = Frequency.YEARLY
        meetings.save_frequencies(uow, frequencies)
        uow.commit()
    with edited.unit_of_work(read_only=True) as uow:
        after = assessment.assess(uow, YEAR, AS_OF)
    assert [i.code for i in after.indicators] == [Code.STUDY, Code.THREE_MEETINGS]
    study_before = before.indicator(Code.STUDY)
    study_after = after.indicator(Code.STUDY)
    assert study_after.count == study_before.count
    assert study_after.target == 80
    assert study_after.met is (study_after.value is not None and study_after.value >= 80)
    three_before = before.indicator(Code.THREE_MEETINGS).count
    three_after = after.indicator(Code.THREE_MEETINGS).count
    assert three_after.due == three_before.due - 3  # 党课 once a year, not four times
    assert "党课每年" in after.indicator(Code.THREE_MEETINGS).formula
    met = [i for i in after.indicators if i.met]
    assert after.weighted_share == (
        Decimal(100) * sum(i.weight for i in met) / 100).quantize(Decimal("0.1"))


@pytest.mark.parametrize(("items", "problem", "indicator"), [
    ([{"code": "ranking", "target": 1, "weight": 1}], "unknown_indicator", "ranking"),
    ([{"code": "study", "target": 100, "weight": -5}], "negative_weight", "study"),
    ([{"code": "study", "target": 120, "weight": 5}], "share_over_100", "study"),
    ([{"code": "talks", "target": "x", "weight": 5}], "not_a_number", "talks"),
    ([{"code": "talks", "target": 1, "weight": 1}] * 2, "duplicate_indicator", "talks"),
    ([], "empty", ""),
])
def test_a_bad_setting_is_refused_and_nothing_changes(workspace, items, problem, indicator):
    with workspace.unit_of_work() as uow:
        with pytest.raises(AssessmentSettingsError) as raised:
            assessment.save_settings(uow, assessment.parse_settings(items))
        assert (raised.value.problem, raised.value.indicator) == (problem, indicator)
        assert assessment.load_settings(uow) == assessment.rules.DEFAULT_SETTINGS


def test_the_report_is_a_draft_until_submitted_then_read_only(edited: Workspace, tmp_path):
    sections = Sections("全支部党员30名。", "按时召开三会一课。\n开展主题党日。", "学习不够深入。",
                        "加强学习。")
    with edited.unit_of_work() as uow:
        with pytest.raises(InvalidInputError) as empty:
            assessment_report.submit(uow, YEAR, TODAY)
        assert {p.field for p in empty.value.problems} == {
            "situation", "achievements", "problems", "plans"}
        report_id = assessment_report.save(uow, YEAR, sections, TODAY)
        uow.commit()
    with edited.unit_of_work() as uow:
        draft = assessment_report.get(uow, YEAR)
        assert draft is not None
        assert not draft.submitted
        assert draft.sections == sections
        assessment_report.submit(uow, YEAR, date(2027, 1, 5))
        uow.commit()
    with edited.unit_of_work() as uow:
        done = assessment_report.get(uow, YEAR)
        assert done is not None
        assert done.id == report_id
        assert done.submitted_on == date(2027, 1, 5)
        codes = [f["code"] for f in done.figures["indicators"]]
        assert codes == [c.value for c in Code]
        assert "records" not in json.dumps(done.figures)  # counts only, never who
        with pytest.raises(AssessmentSubmittedError):
            assessment_report.save(uow, YEAR, Sections("改"), TODAY)
        outbox = rows(uow, "SELECT entity, patch FROM sync_outbox WHERE entity = "
                           "'assessment_report' ORDER BY seq")
    assert [e for e, _p in outbox] == ["assessment_report"] * 2
    assert json.loads(outbox[-1][1])["status"] == "submitted"


def test_the_pdf_reads_back_with_the_figures_and_sections(edited: Workspace, tmp_path):
    with edited.unit_of_work() as uow:
        assessment_report.save(uow, YEAR, Sections(
            "本支部现有党员30名。", "全年按时召开支部党员大会。", "谈心谈话覆盖不全。",
            "下一年度补齐谈心谈话。"), TODAY)
        found = assessment.assess(uow, YEAR, AS_OF)
        target = tmp_path / "年度工作情况.pdf"
        pages = assessment_report.export_pdf(uow, YEAR, target, TODAY)
        uow.commit()
    assert pages >= 1
    words = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                           check=True).stdout
    flat = "".join(words.split())
    assert "党支部年度工作情况" in flat
    for heading in ("基本情况", "考核指标完成情况", "主要工作和成效", "存在的问题", "下一步打算"):
        assert heading in flat
    assert "谈心谈话覆盖不全。" in flat
    assert "草稿" in flat
    talks = found.indicator(Code.TALKS)
    assert f"{talks.count.done}/{talks.count.due}" in flat
    assert f"{talks.value}%" in flat
    assert "已谈话的委员–委员、委员–党员对数÷应谈对数" in flat
    # Issue 18: the charts a secretary would rather look at, after the figures.
    for chart in (f"{YEAR}年组织生活应开与已开", "党费", "学时"):
        assert chart in flat, chart


def test_overlapping_assessments_turn_the_collector_back_on_only_when_the_last_ends():
    """Review: the pause is the process's; the first of two overlapping counts to end turned
    the collector on under the other, or the other left it off for good."""
    import gc

    from app.services.assessment import _collector_paused

    was_enabled = gc.isenabled()  # off in a process whose Qt app collects on the GUI thread
    try:
        gc.enable()  # the command line's state
        first, second = _collector_paused(), _collector_paused()
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)
        assert not gc.isenabled()
        second.__exit__(None, None, None)
        assert gc.isenabled()

        gc.disable()  # the window's state (ui.common.collector): left off afterwards
        with _collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()

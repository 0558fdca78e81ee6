"""The demo branch (``main.py demo``): a year of work that looks like a real branch's and keeps the
books consistent — ``check`` passes, the compliance grid is met, the ledger folds, deadlines of
the development pipeline are coming up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.calendar import Month
from app.domain.development import DeadlineKind
from app.domain.meetings import DEFAULT_FREQUENCIES, MeetingType
from app.errors import InvalidInputError, RecordNotFoundError
from app.services import demo, dues, meetings, members
from app.services.meetings import Attendance, MeetingFilter
from app.services.workspace import Workspace
from app.storage.models import DuesEventRow, SyncNoticeRow
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 11, 25)
MEMBERS = 60


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One demo branch for the module (the tests only read, or write nothing)."""
    workspace = Workspace(tmp_path_factory.mktemp("demo") / "data", kdf=FAST_KDF)
    workspace.create(demo.PROFILE, PASSPHRASE)
    with workspace.unit_of_work() as uow:
        workspace.summary = demo.populate(uow, TODAY, MEMBERS)
        uow.commit()
    yield workspace
    workspace.lock()


def test_the_demo_database_passes_check(branch: Workspace):
    report = branch.check()
    assert report.ok, report


def test_every_required_meeting_was_held_in_the_closed_periods(branch: Workspace):
    with branch.unit_of_work(read_only=True) as uow:
        report = meetings.compliance_report(uow, TODAY.year, as_of=TODAY)
        ids = meetings.meeting_ids(uow, MeetingFilter(year=TODAY.year))
        held = {meetings.get_meeting(uow, i).data.type for i in ids}
    assert report.missed == []  # the grid shows no ✗
    assert sum(1 for p in report.periods if p.held) >= 11
    required = {t for t, f in DEFAULT_FREQUENCIES.items() if f is not None}
    assert required <= held


def test_meetings_have_attendance_absences_votes_and_finalized_minutes(branch: Workspace):
    with branch.unit_of_work(read_only=True) as uow:
        ids = meetings.meeting_ids(uow, MeetingFilter())
        found = [meetings.get_meeting(uow, i) for i in ids]
    assert len(found) == branch.summary.meetings >= 70
    statuses = {a.status for m in found for a in m.attendance}
    assert statuses == {Attendance.PRESENT, Attendance.LEAVE, Attendance.ABSENT}
    assert all(a.reason for m in found for a in m.attendance if a.status is not Attendance.PRESENT)
    assemblies = [m for m in found if m.data.type is MeetingType.MEMBERS_ASSEMBLY]
    assert assemblies
    assert all(m.votes for m in assemblies)
    assert all(v.result.passed for m in assemblies for v in m.votes)
    finalized = [m for m in found if m.finalized_on is not None]
    assert len(finalized) == branch.summary.finalized
    assert all(Month.of(m.data.held_on) != Month.of(TODAY) for m in finalized)
    assert all(m.data.held_on <= TODAY for m in found)


def test_eleven_months_of_dues_that_fold_with_a_few_arrears_and_remittances(branch: Workspace):
    with branch.unit_of_work(read_only=True) as uow:
        months = set(uow.session.scalars(
            select(DuesEventRow.month).where(DuesEventRow.kind == "due").distinct()
        ))
        ledger = dues.ledger(uow)
        fen = dues.fen_ledger(uow)
        arrears = dues.arrears_list(uow, TODAY)
        summary = dues.remittance_summary(uow, TODAY.year)
        paying = len(dues.base_lines(uow, TODAY.year))
    assert months == {str(Month.of(TODAY) - k) for k in range(1, 12)}
    assert ledger is not None
    assert fen is not None
    assert 1 <= len(arrears) <= max(3, paying // 10)  # a few, not everyone
    assert len(summary.remittances) == branch.summary.remittances >= 2
    assert summary.collected > Decimal(0)


def test_the_development_pipeline_has_deadlines_coming_up(branch: Workspace):
    with branch.unit_of_work(read_only=True) as uow:
        items = members.development_overview(uow, TODAY, within_days=30)
    kinds = {d.kind for item in items for d in item.deadlines}
    assert {DeadlineKind.PROBATION_ENDS, DeadlineKind.REVIEW_DUE, DeadlineKind.TALK_DUE} <= kinds


def test_a_notice_from_the_platform(branch: Workspace):
    with branch.unit_of_work(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(SyncNoticeRow)) == 1


def test_the_opinions_register_has_every_step_and_one_report_handed_over(branch: Workspace):
    from app.domain.opinions import Kind, Status
    from app.services import opinions

    with branch.unit_of_work(read_only=True) as uow:
        entries = opinions.register(uow, TODAY)
        assert opinions.units(uow)
        assert opinions.discipline_contact(uow)
    kinds = [e.kind for e in entries]
    assert kinds.count(Kind.MISCONDUCT) == 1
    assert {e.status for e in entries if e.kind is Kind.OPINION} == set(Status)
    assert any(e.overdue for e in entries)


def test_bulk_payments_write_nothing_when_one_is_refused(branch: Workspace):
    with branch.unit_of_work(read_only=True) as uow:
        before = uow.session.scalar(select(func.count()).select_from(DuesEventRow))
        member_id = members.member_ids(uow, members.MemberFilter())[0]
    good = dues.NewPayment(member_id, TODAY, (Month.of(TODAY),), Decimal("10.00"))
    too_old = dues.NewPayment(member_id, TODAY, (Month.of(TODAY) - 9,), Decimal("1.00"))
    unknown = dues.NewPayment("no-such-member", TODAY, (Month.of(TODAY),), Decimal("1.00"))
    for wrong, error in ((too_old, InvalidInputError), (unknown, RecordNotFoundError)):
        with branch.unit_of_work() as uow, pytest.raises(error):
            dues.record_payments(uow, [good, wrong])
    with branch.unit_of_work(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(DuesEventRow)) == before


def test_a_year_of_study_with_some_members_behind_and_one_exempt(branch: Workspace):
    """教育管理条例 第20条 / 第23条 in the demo: lectures and theme days attended count, most
    members studied online, the committee went to a training course, an old member is exempt,
    and 工作台 has members behind the pace to show."""
    from app.domain.study import StudyForm
    from app.services import study

    with branch.unit_of_work(read_only=True) as uow:
        table = study.year_table(uow, TODAY.year, TODAY)
        behind = study.behind_pace(uow, TODAY)
    forms = {form for line in table.lines for form in line.hours}
    assert {StudyForm.PARTY_LECTURE, StudyForm.THEME_DAY, StudyForm.ONLINE,
            StudyForm.TRAINING} <= forms
    assert table.reached > 0
    assert 0 < len(behind) < len(table.lines)
    assert sum(1 for line in table.lines if line.exempt is not None) <= 1


def test_last_years_appraisal_has_one_unqualified_member_on_correction(branch: Workspace):
    from app.domain.appraisal import Grade, Handling
    from app.services import appraisal

    with branch.unit_of_work() as uow:
        lines = appraisal.year_lines(uow, TODAY.year - 1)
        found = appraisal.summary(uow, TODAY.year - 1, lines)
    assert found.recorded == len(lines) > 0
    assert 0 < found.counts[Grade.EXCELLENT] <= found.excellent_limit  # 第18条
    unqualified = [line for line in lines
                   if line.data is not None and line.data.grade is Grade.UNQUALIFIED]
    assert len(unqualified) == 1
    assert unqualified[0].data is not None
    assert unqualified[0].data.handling is Handling.CORRECTION
    assert all(line.data is not None and line.data.grade is Grade.NONE
               for line in lines if line.probationary)


def test_the_demo_has_a_year_of_talks_with_a_few_pairs_left(branch: Workspace):
    """支部工作条例 第19条: the committee and most committee–member pairs talked; the pairs left
    show on 工作台 in the last quarter."""
    from app.services import demo_books, talks

    with branch.unit_of_work(read_only=True) as uow:
        coverage = talks.coverage(uow, TODAY.year)
        assert len(talks.talks_of_year(uow, TODAY.year)) == coverage.covered
        reminder = talks.reminder(uow, TODAY)
    assert len(coverage.missing) == demo_books.LEFT_OUT
    assert reminder is not None


def test_the_demo_organizational_life_meeting_has_five_items_two_overdue(branch: Workspace):
    from app.services import rectification

    with branch.unit_of_work(read_only=True) as uow:
        ledger = rectification.ledger(uow, TODAY.year, TODAY)
        overdue = rectification.overdue(uow, TODAY)
    assert len(ledger) == 5
    assert len(overdue) == 2
    assert sum(1 for i in ledger if i.evidence) == 1


def test_disclosures_one_open_one_over_one_waiting(branch: Workspace):
    from app.services import disclosures

    with branch.unit_of_work(read_only=True) as uow:
        items = {i.data.category: i for i in disclosures.list_items(uow)}
    development = items[disclosures.Category.DEVELOPMENT]
    assert development.is_open(TODAY)
    assert "发展对象" in development.data.title
    dues_item = items[disclosures.Category.DUES]
    assert dues_item.status is disclosures.Status.PUBLISHED
    assert not dues_item.is_open(TODAY)
    assert "2026年第3季度" in dues_item.data.title
    assert items[disclosures.Category.MEETINGS].status is disclosures.Status.DRAFT

"""The terms a member's dues are owed on, beside the base (``dues.set_base``): dated changes of the
category of person, quarterly payment with the branch's consent (第十二条), hardship reliefs
(第七条, ``dues.add_relief`` records them) as listed for a member, and the local dues settings
(the rounding and the fixed amounts of 第六条, national defaults).

Every write runs in the caller's unit of work with its audit entry and its sync-outbox op (the
settings are local, like the bases' plausibility thresholds: not synced).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from app.domain import dues as rules
from app.domain.calendar import Month
from app.domain.dues import (
    CategoryChange,
    DuesSettings,
    HardshipRelief,
    PersonCategory,
    QuarterlyConsent,
    ReliefKind,
)
from app.domain.members import Classification
from app.domain.money import Precision, RoundingMode, RoundingSetting, from_fen
from app.errors import FieldProblem, InvalidInputError, RecordNotFoundError
from app.storage.ids import natural_id, utc_iso
from app.storage.models import (
    DuesCategoryRow,
    DuesEventRow,
    DuesQuarterlyRow,
    DuesReliefRow,
    MemberRow,
    Setting,
)
from app.storage.unit_of_work import UnitOfWork

# ---------------------------------------------------------------- dated categories


@dataclass(frozen=True)
class CategoryChangeResult:
    """What ``change_category`` recorded (None: a change of that month was withdrawn, the
    category there being the one before it), and the months from ``effective`` on whose amounts
    were already recorded (a recorded amount is never edited: the secretary reverses it and
    generates the month again)."""

    change: CategoryChange | None
    already_generated: tuple[Month, ...]


def change_category(
    uow: UnitOfWork,
    member_id: str,
    effective: Month,
    category: PersonCategory,
    today: date,
) -> CategoryChangeResult:
    """From ``effective`` (the first month in the new category: retired in July, July) the
    member is ``category``: the months before keep the category they had (第二条 / 第五条 /
    第六条 apply month by month). The member's record shows the category in force this month.
    A second change for the same month corrects it (or withdraws it, back to the category
    before). Refused when nothing changes."""
    row = _member(uow, member_id)
    change = date_category_change(
        uow, member_id, effective, category, PersonCategory(row.category),
        Classification(row.classification), strict=True,
    )
    changes = categories_by_member(uow, [member_id]).get(member_id, ())
    now = rules.category_for_month(changes, Month.of(today), PersonCategory(row.category))
    if now.value != row.category:
        row.category = now.value
        uow.session.flush()
        uow.audit("member.update", "member", member_id, {"fields": ["category"]})
        uow.outbox("member", member_id, {"category": now.value},
                   base_version=row.server_version)
    generated = uow.session.scalars(
        select(DuesEventRow.month).where(
            DuesEventRow.kind == "due", DuesEventRow.member_id == member_id,
            DuesEventRow.month >= str(effective),
            DuesEventRow.id.not_in(
                select(DuesEventRow.reverses_id).where(DuesEventRow.reverses_id.is_not(None))
            ),
        ).order_by(DuesEventRow.month)
    )
    return CategoryChangeResult(change, tuple(Month.parse(m) for m in generated if m))


def date_category_change(
    uow: UnitOfWork,
    member_id: str,
    effective: Month,
    category: PersonCategory,
    current: PersonCategory,
    classification: Classification = Classification.INTERNAL,
    *,
    strict: bool = False,
) -> CategoryChange | None:
    """Keep that the member is ``category`` from ``effective`` (``current``: the member's record
    before this change; the member's record itself is the caller's business). One change per
    member and month (``natural_id``: the same change entered on two PCs is one record).

    When ``category`` is already the one in force the month before, a change recorded for
    ``effective`` is withdrawn (tombstoned) and None returned; with nothing to withdraw,
    ``strict`` refuses (InvalidInputError "unchanged")."""
    code = str(effective)
    others = [c for c in categories_by_member(uow, [member_id]).get(member_id, ())
              if c.effective != effective]
    row = uow.session.scalars(select(DuesCategoryRow).where(
        DuesCategoryRow.member_id == member_id, DuesCategoryRow.effective_month == code
    )).one_or_none()
    live = row is not None and row.deleted_at is None
    earlier = [c for c in others if c.effective < effective]
    if earlier or not live:
        previous = rules.category_for_month(others, effective - 1, current)
    else:  # the category before this month's change, as that change recorded it
        previous = PersonCategory(row.previous) if row is not None else current
    if previous is category:
        if row is None or not live:
            if strict:
                raise InvalidInputError([FieldProblem("category", "unchanged")])
            return None
        row.deleted_at = utc_iso()
        uow.session.flush()
        uow.audit("dues.category_withdrawn", "member", member_id, {"month": code})
        uow.outbox("dues_category", row.id, {"deleted_at": row.deleted_at},
                   base_version=row.server_version)
        return None
    change = CategoryChange(effective, category, previous)
    if row is None:
        row = DuesCategoryRow(
            id=natural_id("dues_category", member_id, code), member_id=member_id,
            effective_month=code, server_version=0, classification=classification.value,
        )
        uow.session.add(row)
    row.category, row.previous = category.value, previous.value
    row.deleted_at = None
    uow.session.flush()
    uow.audit("dues.category", "member", member_id, {"month": code, "category": category.value})
    uow.outbox("dues_category", row.id, {
        "member_id": member_id, "effective_month": code, "category": row.category,
        "previous": row.previous, "classification": row.classification,
        **({} if live or row.server_version == 0 else {"deleted_at": None}),
    }, base_version=row.server_version)
    return change


def categories_by_member(
    uow: UnitOfWork, member_ids: Iterable[str] | None = None
) -> dict[str, tuple[CategoryChange, ...]]:
    """The dated category changes of the members named (all when None), oldest first."""
    query = select(DuesCategoryRow.member_id, DuesCategoryRow.effective_month,
                   DuesCategoryRow.category, DuesCategoryRow.previous).where(
        DuesCategoryRow.deleted_at.is_(None)
    )
    if member_ids is not None:
        query = query.where(DuesCategoryRow.member_id.in_(list(member_ids)))
    found: dict[str, list[CategoryChange]] = {}
    for member_id, code, category, previous in uow.session.execute(query.order_by(
        DuesCategoryRow.effective_month
    )):
        found.setdefault(member_id, []).append(CategoryChange(
            Month.parse(code), PersonCategory(category), PersonCategory(previous)
        ))
    return {k: tuple(v) for k, v in found.items()}


# ---------------------------------------------------------------- quarterly payers (第十二条)


@dataclass(frozen=True)
class QuarterlyLine:
    consent_id: str
    consent: QuarterlyConsent


def agree_quarterly(
    uow: UnitOfWork, member_id: str, agreed_on: date, valid_from: Month,
    valid_until: Month | None = None,
) -> str:
    """第十二条: the branch agreed on ``agreed_on`` that the member pays by the quarter, for the
    quarters from ``valid_from`` to ``valid_until`` (None: until withdrawn). Refused when the
    months are not whole quarters or overlap another consent of the member."""
    row = _member(uow, member_id)
    consent = _consent(agreed_on, valid_from, valid_until)
    existing = [line.consent for line in quarterly_consents(uow, member_id)]
    if rules.overlapping_consents([*existing, consent]):
        raise InvalidInputError([FieldProblem("valid_from", "overlaps_quarterly")])
    consent_row = DuesQuarterlyRow(
        id=uow.new_id(), member_id=member_id, agreed_on=agreed_on, valid_from=str(valid_from),
        valid_until=str(valid_until) if valid_until else None,
        classification=row.classification,
    )
    uow.session.add(consent_row)
    uow.session.flush()
    uow.audit("dues.quarterly", "member", member_id, {"from": str(valid_from)})
    uow.outbox("dues_quarterly", consent_row.id, {
        "member_id": member_id, "agreed_on": agreed_on.isoformat(),
        "valid_from": consent_row.valid_from, "valid_until": consent_row.valid_until,
        "classification": consent_row.classification,
    })
    return consent_row.id


def end_quarterly(uow: UnitOfWork, consent_id: str, last: Month) -> None:
    """The member pays monthly again after the quarter ending at ``last`` (第十二条)."""
    row = uow.session.get(DuesQuarterlyRow, consent_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFoundError("dues_quarterly", consent_id)
    _consent(row.agreed_on, Month.parse(row.valid_from), last)
    row.valid_until = str(last)
    uow.session.flush()
    uow.audit("dues.quarterly_end", "member", row.member_id, {"until": str(last)})
    uow.outbox("dues_quarterly", row.id, {"valid_until": row.valid_until},
               base_version=row.server_version)


def quarterly_consents(uow: UnitOfWork, member_id: str) -> list[QuarterlyLine]:
    """A member's consents to pay by the quarter, the earliest first."""
    return [
        QuarterlyLine(consent_id, consent)
        for consent_id, consent in _quarterly_rows(uow, [member_id]).get(member_id, ())
    ]


def quarterly_by_member(uow: UnitOfWork) -> dict[str, tuple[QuarterlyConsent, ...]]:
    """Every member's consents to pay by the quarter (for the arrears list)."""
    return {k: tuple(c for _, c in v) for k, v in _quarterly_rows(uow, None).items()}


def _quarterly_rows(
    uow: UnitOfWork, member_ids: list[str] | None
) -> dict[str, list[tuple[str, QuarterlyConsent]]]:
    query = select(DuesQuarterlyRow).where(DuesQuarterlyRow.deleted_at.is_(None))
    if member_ids is not None:
        query = query.where(DuesQuarterlyRow.member_id.in_(member_ids))
    found: dict[str, list[tuple[str, QuarterlyConsent]]] = {}
    for row in uow.session.scalars(query.order_by(DuesQuarterlyRow.valid_from)):
        found.setdefault(row.member_id, []).append((row.id, QuarterlyConsent(
            row.agreed_on, Month.parse(row.valid_from),
            Month.parse(row.valid_until) if row.valid_until else None,
        )))
    return found


def _consent(agreed_on: date, valid_from: Month, valid_until: Month | None) -> QuarterlyConsent:
    if valid_from.month % 3 != 1:
        raise InvalidInputError([FieldProblem("valid_from", "not_a_quarter_start")])
    if valid_until is not None and valid_until.month % 3 != 0:
        raise InvalidInputError([FieldProblem("valid_until", "not_a_quarter_end")])
    if valid_until is not None and valid_until < valid_from:
        raise InvalidInputError([FieldProblem("valid_until", "ends_before_start")])
    return QuarterlyConsent(agreed_on, valid_from, valid_until)


# ---------------------------------------------------------------- reliefs (第七条), as listed


@dataclass(frozen=True)
class ReliefLine:
    relief_id: str
    relief: HardshipRelief


def relief_from(
    kind: ReliefKind, approved_by: str, approved_on: date, valid_from: Month,
    valid_until: Month, reduced_amount: Decimal | None = None,
) -> HardshipRelief:
    """A relief as typed (the member's dues dialog, the command line): every bad field named
    (InvalidInputError) instead of the first ``ValueError``."""
    problems: list[FieldProblem] = []
    if not approved_by.strip():
        problems.append(FieldProblem("approved_by", "required"))
    if valid_until < valid_from:
        problems.append(FieldProblem("valid_until", "ends_before_start"))
    if kind is ReliefKind.REDUCED:
        try:
            rules.HardshipRelief(kind, "-", approved_on, valid_from, valid_from, reduced_amount)
        except (TypeError, ValueError):
            problems.append(FieldProblem("reduced_amount", "not_an_amount"))
    if problems:
        raise InvalidInputError(problems)
    return HardshipRelief(kind, approved_by.strip(), approved_on, valid_from, valid_until,
                          reduced_amount if kind is ReliefKind.REDUCED else None)


def reliefs_of(uow: UnitOfWork, member_id: str) -> list[ReliefLine]:
    """A member's hardship reliefs (第七条), the earliest first."""
    rows = uow.session.scalars(select(DuesReliefRow).where(
        DuesReliefRow.member_id == member_id, DuesReliefRow.deleted_at.is_(None)
    ).order_by(DuesReliefRow.valid_from))
    return [ReliefLine(row.id, relief_of(row)) for row in rows]


def relief_of(row: DuesReliefRow) -> HardshipRelief:
    return HardshipRelief(
        kind=ReliefKind(row.kind), approved_by=row.approved_by, approved_on=row.approved_on,
        valid_from=Month.parse(row.valid_from), valid_until=Month.parse(row.valid_until),
        reduced_amount=from_fen(row.reduced_fen) if row.reduced_fen is not None else None,
    )


def excused_months(reliefs: Iterable[HardshipRelief]) -> frozenset[int]:
    """第十三条 with 第七条: the months (``Month.index``) the branch excused — exempt, or reduced
    to 0.00. They end a run of unpaid months (``rules.arrears``)."""
    return frozenset(
        month
        for r in reliefs
        if r.kind is ReliefKind.EXEMPT or r.reduced_amount == 0
        for month in range(r.valid_from.index, r.valid_until.index + 1)
    )


# ---------------------------------------------------------------- settings


_SETTING_KEYS = {
    "rounding_mode": "dues.rounding.mode",
    "rounding_precision": "dues.rounding.precision",
    "farmer_amount": "dues.fixed.farmer",
    "student_amount": "dues.fixed.student",
    "unemployed_amount": "dues.fixed.unemployed",
    "relief_amount": "dues.fixed.relief",
}


def dues_settings(uow: UnitOfWork) -> DuesSettings:
    """The branch's dues settings: the rounding and the fixed amounts of 第六条, each the national
    default until set. A value that no longer reads (a setting from a damaged file) is the
    default."""
    values = dict(uow.session.execute(
        select(Setting.key, Setting.value).where(Setting.key.in_(_SETTING_KEYS.values()))
    ).tuples().all())

    def get(name: str) -> str | None:
        return values.get(_SETTING_KEYS[name]) or None

    defaults = rules.DEFAULT_SETTINGS
    try:
        rounding = RoundingSetting(
            RoundingMode(get("rounding_mode") or defaults.rounding.mode.value),
            Precision(get("rounding_precision") or defaults.rounding.precision.value),
        )
    except ValueError:
        rounding = defaults.rounding
    amounts: dict[str, Decimal] = {}
    for name in ("farmer_amount", "student_amount", "unemployed_amount", "relief_amount"):
        text = get(name)
        if text:
            try:
                amounts[name] = Decimal(text)
            except InvalidOperation:
                continue
    try:
        return DuesSettings(rounding=rounding, **amounts)
    except ValueError:
        return DuesSettings(rounding=rounding)


def save_dues_settings(uow: UnitOfWork, settings: DuesSettings) -> None:
    """Keep the dues settings (local: not synced); audited. ``DuesSettings`` validated them."""
    values = {
        "rounding_mode": settings.rounding.mode.value,
        "rounding_precision": settings.rounding.precision.value,
        "farmer_amount": str(settings.farmer_amount),
        "student_amount": str(settings.student_amount),
        "unemployed_amount": str(settings.unemployed_amount),
        "relief_amount": str(settings.relief_amount),
    }
    for name, value in values.items():
        uow.session.merge(Setting(key=_SETTING_KEYS[name], value=value))
    uow.audit("preferences.update", "settings", "dues.settings")


def settings_from_text(
    rounding_mode: str, rounding_precision: str, farmer: str, student: str, unemployed: str,
    relief: str,
) -> DuesSettings:
    """``DuesSettings`` from typed values (the settings page, the command line); every bad
    field is named (InvalidInputError)."""
    problems: list[FieldProblem] = []
    amounts: dict[str, Decimal] = {}
    for name, text, check in (
        ("farmer_amount", farmer, rules.validate_farmer_amount),
        ("student_amount", student, rules.validate_fixed_amount),
        ("unemployed_amount", unemployed, rules.validate_fixed_amount),
        ("relief_amount", relief, rules.validate_fixed_amount),
    ):
        try:
            amounts[name] = check(Decimal(text.strip()))
        except (InvalidOperation, ValueError):
            problems.append(FieldProblem(name, "farmer_amount" if name == "farmer_amount"
                                         else "fixed_amount"))
    try:
        rounding = RoundingSetting(RoundingMode(rounding_mode), Precision(rounding_precision))
    except ValueError:
        problems.append(FieldProblem("rounding", "not_a_choice"))
    if problems:
        raise InvalidInputError(problems)
    return DuesSettings(rounding=rounding, **amounts)


# ---------------------------------------------------------------- helpers


def _member(uow: UnitOfWork, member_id: str) -> MemberRow:
    row = uow.session.get(MemberRow, member_id)
    if row is None:
        raise RecordNotFoundError("member", member_id)
    return row

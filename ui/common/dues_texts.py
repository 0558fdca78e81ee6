"""Chinese words for party dues: months, payment flags, methods, arrears levels, problem codes.

One place, shared by the 党费 page, the member's dues history and the 工作台 reminders, so a flag
or a level is worded the same everywhere. Money is shown with ``format_yuan`` (two decimals, no
locale surprises); this module only words things.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from app.domain.calendar import Month
from app.domain.dues import (
    Arrears,
    ArrearsLevel,
    CategoryChange,
    HardshipRelief,
    PaymentFlag,
    PaymentMethod,
    QuarterlyConsent,
    ReliefKind,
)
from app.domain.dues_bases import BaseCheckSettings, BaseWarning
from app.domain.money import Precision, RoundingMode, format_yuan
from ui.common import member_texts


def month_text(month: Month) -> str:
    """``2025年3月``."""
    return QCoreApplication.translate("DuesTexts", "{month}/{year}").format(
        year=month.year, month=month.month
    )


def months_text(months: Iterable[Month]) -> str:
    """The months a payment covers: one month, a run ``2025年1月至2025年6月``, or a list."""
    ordered = sorted(months)
    if not ordered:
        return ""
    if len(ordered) == 1:
        return month_text(ordered[0])
    if all(b - a == 1 for a, b in itertools.pairwise(ordered)):
        return QCoreApplication.translate("DuesTexts", "{first} to {last}").format(
            first=month_text(ordered[0]), last=month_text(ordered[-1])
        )
    return "、".join(month_text(m) for m in ordered)


def period_text(first: Month, last: Month) -> str:
    """A period of months, both included: ``2025年1月至2025年6月`` (one month: ``2025年3月``)."""
    if first == last:
        return month_text(first)
    return QCoreApplication.translate("DuesTexts", "{first} to {last}").format(
        first=month_text(first), last=month_text(last)
    )


def yuan_text(amount: Decimal) -> str:
    """An amount as the ledgers show it: ``1234.50`` (two decimals, no currency sign)."""
    return format_yuan(amount)


def flag_text(flag: PaymentFlag) -> str:
    """A flag in a sentence (tooltips, messages)."""
    match flag:
        case PaymentFlag.REMIT_WHOLLY_TO_CENTRE:
            return QCoreApplication.translate(
                "DuesTexts",
                "A voluntary payment of 1000 yuan or more goes wholly to the centre (art. 11).",
            )
        case PaymentFlag.BACK_PAYMENT_OVER_LIMIT:
            return QCoreApplication.translate(
                "DuesTexts", "Back payment of more than 6 months (art. 12)."
            )
        case PaymentFlag.PAID_BY_OTHER:
            return QCoreApplication.translate(
                "DuesTexts", "Paid on the member's behalf by a relative or another member."
            )


def flag_short(flag: PaymentFlag) -> str:
    """A word or two for a table cell."""
    match flag:
        case PaymentFlag.REMIT_WHOLLY_TO_CENTRE:
            return QCoreApplication.translate("DuesTexts", "remit to the centre")
        case PaymentFlag.BACK_PAYMENT_OVER_LIMIT:
            return QCoreApplication.translate("DuesTexts", "back payment over 6 months")
        case PaymentFlag.PAID_BY_OTHER:
            return QCoreApplication.translate("DuesTexts", "paid by another")


FLAG_ORDER = (
    PaymentFlag.REMIT_WHOLLY_TO_CENTRE,
    PaymentFlag.PAID_BY_OTHER,
    PaymentFlag.BACK_PAYMENT_OVER_LIMIT,
)


def flags_short(flags: Iterable[PaymentFlag]) -> list[str]:
    present = set(flags)
    return [flag_short(f) for f in FLAG_ORDER if f in present]


def method_text(method: PaymentMethod) -> str:
    match method:
        case PaymentMethod.CASH:
            return QCoreApplication.translate("DuesTexts", "Cash")
        case PaymentMethod.TRANSFER:
            return QCoreApplication.translate("DuesTexts", "Bank transfer")
        case PaymentMethod.ONLINE:
            return QCoreApplication.translate("DuesTexts", "Online payment")
        case PaymentMethod.OTHER:
            return QCoreApplication.translate("DuesTexts", "Other")


def problem_text(code: str) -> str:
    """A problem code of an ``InvalidInputError`` from the dues services."""
    texts = {
        "note_required_for_back_payment": QCoreApplication.translate(
            "DuesTexts",
            "Back payment of more than 6 months: write the reason in the note (art. 12).",
        ),
        "not_an_amount": QCoreApplication.translate("DuesTexts", "Not a valid amount."),
        "cannot_prepay": QCoreApplication.translate(
            "DuesTexts", "No following month can be paid ahead (no base, or the member leaves): "
            "correct the amount or record the rest as voluntary dues."),
        "required": QCoreApplication.translate("DuesTexts", "Required."),
        "already_reversed": QCoreApplication.translate(
            "DuesTexts", "This payment has already been reversed."
        ),
        "cannot_reverse_a_reversal": QCoreApplication.translate(
            "DuesTexts", "A reversal cannot be reversed."
        ),
    }
    return texts.get(code, QCoreApplication.translate("DuesTexts", "Not valid."))


def level_text(level: ArrearsLevel) -> str:
    match level:
        case ArrearsLevel.NONE:
            return ""
        case ArrearsLevel.WARNING:
            return QCoreApplication.translate("DuesTexts", "Remind")
        case ArrearsLevel.SEVERE:
            return QCoreApplication.translate("DuesTexts", "Urgent: 5 months")
        case ArrearsLevel.LAPSED:
            return QCoreApplication.translate("DuesTexts", "6 months or more")


def arrears_text(name: str, arrears: Arrears) -> str:
    """One line of the arrears reminders: who, how many months, which months."""
    run = arrears.longest_run
    return QCoreApplication.translate(
        "DuesTexts", "{name}: {count} consecutive months unpaid ({months})"
    ).format(name=name, count=len(run), months=months_text(run))


def arrears_advice(level: ArrearsLevel) -> str:
    """What the secretary should do, by level (第十三条)."""
    match level:
        case ArrearsLevel.NONE:
            return ""
        case ArrearsLevel.WARNING:
            return QCoreApplication.translate("DuesTexts", "Remind the member to pay.")
        case ArrearsLevel.SEVERE:
            return QCoreApplication.translate(
                "DuesTexts",
                "One more unpaid month makes six (art. 13): talk to the member now.",
            )
        case ArrearsLevel.LAPSED:
            return QCoreApplication.translate(
                "DuesTexts",
                "Six months or more unpaid (art. 13): the branch looks into it and decides.",
            )


def article_13_note() -> str:
    return QCoreApplication.translate(
        "DuesTexts",
        "Art. 13 of the 2008 regulation: a member who does not pay dues for six consecutive "
        "months without good reason is treated as having left the party of their own accord. "
        "BranchDesk only reminds; the branch looks into each case and decides.",
    )


def article_13_counting_note() -> str:
    """How months with nothing to pay count for 第十三条 (``app.domain.dues.arrears``)."""
    return QCoreApplication.translate(
        "DuesTexts",
        "A month exempted under art. 7 (approved by the branch) is a good reason: it ends a run "
        "of unpaid months. A month whose amount came out as 0.00 without an exemption is not "
        "unpaid, but it does not end the run either: it is counted through. A member paying by "
        "the quarter with the branch's consent (art. 12) is counted by whole quarters.",
    )


def arrears_notes(arrears: Arrears, exempt: Iterable[Month] = ()) -> str:
    """What the run of a member on the arrears list went through (第七条, 第十二条, 第十三条)."""
    notes = []
    if arrears.by_quarter:
        notes.append(QCoreApplication.translate(
            "DuesTexts", "pays by the quarter (art. 12): counted by quarters"))
    if arrears.bridged:
        notes.append(QCoreApplication.translate(
            "DuesTexts", "{months} at 0.00: counted through"
        ).format(months=months_text(arrears.bridged)))
    exempt = tuple(exempt)
    if exempt:
        notes.append(QCoreApplication.translate(
            "DuesTexts", "{months} exempted (art. 7): ends the run"
        ).format(months=months_text(exempt)))
    return "；".join(notes)


def already_generated_text(months: Iterable[Month]) -> str:
    """The months whose amounts were recorded before a dated category change (window, CLI)."""
    return QCoreApplication.translate(
        "DuesTexts",
        "The amounts of {months} were already recorded at the former category's rate: open "
        "each of those months under “Monthly collection” and press “Check amounts…” to work "
        "them out again.",
    ).format(months=months_text(months))


def category_change_text(change: CategoryChange) -> str:
    """A dated change of category in one line: ``自2025年7月起：离退休（此前：在职）``."""
    return QCoreApplication.translate(
        "DuesTexts", "From {month}: {category} (before: {previous})"
    ).format(month=month_text(change.effective), category=member_texts.label(change.category),
             previous=member_texts.label(change.previous))


def category_withdrawn_text(month: Month) -> str:
    return QCoreApplication.translate(
        "DuesTexts", "The change of category of {month} was withdrawn: the category before it "
        "stands."
    ).format(month=month_text(month))


def relief_kind_text(kind: ReliefKind) -> str:
    match kind:
        case ReliefKind.REDUCED:
            return QCoreApplication.translate("DuesTexts", "Reduced")
        case ReliefKind.EXEMPT:
            return QCoreApplication.translate("DuesTexts", "Exempt")


def relief_text(relief: HardshipRelief) -> str:
    """A relief in one line: kind (and amount), months, who approved it and when (第七条)."""
    kind = relief_kind_text(relief.kind)
    if relief.reduced_amount is not None:
        kind = QCoreApplication.translate("DuesTexts", "{kind} to {amount} yuan a month").format(
            kind=kind, amount=format_yuan(relief.reduced_amount))
    return QCoreApplication.translate(
        "DuesTexts", "{kind}, {months}; approved by {approver} on {date}"
    ).format(kind=kind, months=period_text(relief.valid_from, relief.valid_until),
             approver=relief.approved_by, date=relief.approved_on.isoformat())


def quarterly_text(consent: QuarterlyConsent) -> str:
    """A consent to pay by the quarter in one line (第十二条)."""
    if consent.valid_until is None:
        months = QCoreApplication.translate("DuesTexts", "from {month}").format(
            month=month_text(consent.valid_from))
    else:
        months = period_text(consent.valid_from, consent.valid_until)
    return QCoreApplication.translate(
        "DuesTexts", "By the quarter {months}; agreed by the branch on {date}"
    ).format(months=months, date=consent.agreed_on.isoformat())


def rounding_mode_text(mode: RoundingMode) -> str:
    match mode:
        case RoundingMode.HALF_UP:
            return QCoreApplication.translate("DuesTexts", "half up")
        case RoundingMode.HALF_EVEN:
            return QCoreApplication.translate("DuesTexts", "half to even")
        case RoundingMode.DOWN:
            return QCoreApplication.translate("DuesTexts", "down")
        case RoundingMode.UP:
            return QCoreApplication.translate("DuesTexts", "up")


def precision_text(precision: Precision) -> str:
    match precision:
        case Precision.FEN:
            return QCoreApplication.translate("DuesTexts", "to the fen (0.01)")
        case Precision.JIAO:
            return QCoreApplication.translate("DuesTexts", "to the jiao (0.1)")
        case Precision.YUAN:
            return QCoreApplication.translate("DuesTexts", "to the yuan (1)")


def base_warning_text(
    warning: BaseWarning, settings: BaseCheckSettings, previous: Decimal | None
) -> str:
    """Why a typed base looks like a slip (``app.domain.dues_bases``)."""
    if warning is BaseWarning.BELOW_MINIMUM:
        return QCoreApplication.translate(
            "DuesTexts", "below {amount} yuan, the lowest plausible wage"
        ).format(amount=format_yuan(settings.wage_minimum))
    if warning is BaseWarning.ABOVE_MAXIMUM:
        return QCoreApplication.translate(
            "DuesTexts", "above {amount} yuan, the highest plausible base"
        ).format(amount=format_yuan(settings.maximum))
    return QCoreApplication.translate(
        "DuesTexts", "more than {share}% away from the base in force, {amount} yuan"
    ).format(share=int(settings.change_share * 100),
             amount=format_yuan(previous) if previous is not None else "")

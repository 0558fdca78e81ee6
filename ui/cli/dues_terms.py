"""``dues relief``, ``dues quarterly``, ``dues quarterly-end``, ``dues category``, ``dues terms``
and ``dues settings``: the terms a member's dues are owed on (第六条, 第七条, 第十二条, dated
categories) from the command line, as in the member's dues dialog and 设置 › 党费.

A member is named by ID number (身份证号), as in the roster workbook.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from app.domain.dues import DuesSettings, PersonCategory, ReliefKind
from app.domain.money import Precision, RoundingMode
from app.errors import FieldProblem, InvalidInputError
from app.services.workspace import UnitOfWork, Workspace
from ui.cli.console import ChoiceArgument, date_argument, month_argument
from ui.common import dues_texts, member_texts

COMMANDS = ("relief", "quarterly", "quarterly-end", "category", "terms", "settings")


class Terminal(Protocol):
    def say(self, text: str) -> None: ...






def _amount(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise argparse.ArgumentTypeError(
            QCoreApplication.translate("Cli", "not an amount: {text}").format(text=text)
        )
    return value


def add_commands(dues: argparse._SubParsersAction[Any]) -> None:
    """The commands under ``dues``."""
    member_help = QCoreApplication.translate("Cli", "the member's ID number")
    id_metavar = QCoreApplication.translate("Cli", "ID_NUMBER")
    month_metavar, date_metavar = (
        QCoreApplication.translate("Cli", "YYYY-MM"),
        QCoreApplication.translate("Cli", "YYYY-MM-DD"),
    )
    category_choice = ChoiceArgument(PersonCategory, member_texts.label)
    rounding = ChoiceArgument(RoundingMode, dues_texts.rounding_mode_text)
    precision = ChoiceArgument(Precision, dues_texts.precision_text)

    relief = dues.add_parser(
        "relief",
        help=QCoreApplication.translate(
            "Cli", "record a hardship reduction or exemption approved by the branch (art. 7)"
        ),
    )
    relief.add_argument("member", metavar=id_metavar, help=member_help)
    kind = relief.add_mutually_exclusive_group(required=True)
    kind.add_argument(
        "--exempt",
        action="store_true",
        help=QCoreApplication.translate("Cli", "exempt: nothing is owed"),
    )
    kind.add_argument(
        "--reduced",
        type=_amount,
        metavar=QCoreApplication.translate("Cli", "AMOUNT"),
        help=QCoreApplication.translate("Cli", "reduced to this monthly amount (yuan)"),
    )
    relief.add_argument(
        "--approved-by",
        required=True,
        metavar=QCoreApplication.translate("Cli", "COMMITTEE"),
        help=QCoreApplication.translate("Cli", "the committee that approved it"),
    )
    relief.add_argument(
        "--approved-on",
        type=date_argument,
        required=True,
        metavar=date_metavar,
        help=QCoreApplication.translate("Cli", "the date it was approved"),
    )
    relief.add_argument(
        "--from",
        dest="first",
        type=month_argument,
        required=True,
        metavar=month_metavar,
        help=QCoreApplication.translate("Cli", "the first month it covers"),
    )
    relief.add_argument(
        "--until",
        dest="last",
        type=month_argument,
        required=True,
        metavar=month_metavar,
        help=QCoreApplication.translate("Cli", "the last month it covers"),
    )

    quarterly = dues.add_parser(
        "quarterly",
        help=QCoreApplication.translate(
            "Cli", "record the branch's consent that the member pays by the quarter (art. 12)"
        ),
    )
    quarterly.add_argument("member", metavar=id_metavar, help=member_help)
    quarterly.add_argument(
        "--agreed-on",
        type=date_argument,
        required=True,
        metavar=date_metavar,
        help=QCoreApplication.translate("Cli", "the date the branch agreed"),
    )
    quarterly.add_argument(
        "--from",
        dest="first",
        type=month_argument,
        required=True,
        metavar=month_metavar,
        help=QCoreApplication.translate("Cli", "the first month of the first quarter"),
    )
    quarterly.add_argument(
        "--until",
        dest="last",
        type=month_argument,
        metavar=month_metavar,
        help=QCoreApplication.translate(
            "Cli", "the last month of the last quarter (none: until ended)"
        ),
    )

    end = dues.add_parser(
        "quarterly-end",
        help=QCoreApplication.translate(
            "Cli", "the member pays monthly again after a quarter (art. 12)"
        ),
    )
    end.add_argument("member", metavar=id_metavar, help=member_help)
    end.add_argument(
        "--last",
        type=month_argument,
        required=True,
        metavar=month_metavar,
        help=QCoreApplication.translate(
            "Cli", "the last month of the last quarter paid by the quarter"
        ),
    )

    category = dues.add_parser(
        "category",
        help=QCoreApplication.translate(
            "Cli",
            "change the member's category of person from a month (the months before keep the "
            "former category's rate)",
        ),
    )
    category.add_argument("member", metavar=id_metavar, help=member_help)
    category.add_argument(
        "category",
        type=category_choice,
        metavar=QCoreApplication.translate("Cli", "CATEGORY"),
        help=QCoreApplication.translate("Cli", "one of: {choices}").format(
            choices=category_choice.choices()
        ),
    )
    category.add_argument(
        "--from",
        dest="first",
        type=month_argument,
        required=True,
        metavar=month_metavar,
        help=QCoreApplication.translate("Cli", "the first month in the new category"),
    )

    terms = dues.add_parser(
        "terms",
        help=QCoreApplication.translate(
            "Cli", "show a member's category changes, quarterly payment and hardship reliefs"
        ),
    )
    terms.add_argument("member", metavar=id_metavar, help=member_help)

    settings = dues.add_parser(
        "settings",
        help=QCoreApplication.translate(
            "Cli", "show or change the rounding and the fixed amounts of art. 6 (national defaults)"
        ),
    )
    settings.add_argument(
        "--rounding",
        type=rounding,
        metavar=QCoreApplication.translate("Cli", "MODE"),
        help=QCoreApplication.translate("Cli", "one of: {choices}").format(
            choices=rounding.choices()
        ),
    )
    settings.add_argument(
        "--precision",
        type=precision,
        metavar=QCoreApplication.translate("Cli", "UNIT"),
        help=QCoreApplication.translate("Cli", "one of: {choices}").format(
            choices=precision.choices()
        ),
    )
    for name, text in (
        ("farmer", QCoreApplication.translate("Cli", "farmers' monthly amount, 0.20 to 1.00 yuan")),
        ("student", QCoreApplication.translate("Cli", "students' monthly amount (national: 0.20)")),
        (
            "unemployed",
            QCoreApplication.translate("Cli", "monthly amount of the unemployed (national: 0.20)"),
        ),
        (
            "relief",
            QCoreApplication.translate(
                "Cli", "monthly amount of those on relief or 低保 (national: 0.20)"
            ),
        ),
    ):
        settings.add_argument(
            f"--{name}", metavar=QCoreApplication.translate("Cli", "AMOUNT"), help=text
        )


def run(
    args: argparse.Namespace, workspace: Workspace, io: Terminal, unlock: Callable[[], None]
) -> None:
    """Run one of ``COMMANDS`` (``args.dues_command``)."""
    unlock()
    handlers: dict[str, Callable[[argparse.Namespace, UnitOfWork, Terminal], None]] = {
        "relief": _relief,
        "quarterly": _quarterly,
        "quarterly-end": _quarterly_end,
        "category": _category,
        "terms": _terms,
        "settings": _settings,
    }
    with workspace.unit_of_work() as uow:
        handlers[args.dues_command](args, uow, io)
        uow.commit()


def _member(uow: UnitOfWork, id_number: str) -> str:
    from app.services import members

    found = members.find_by_id_number(uow, id_number.strip().upper())
    if found is None:
        raise InvalidInputError([FieldProblem("id_number", "no_such_member")])
    return found


def _relief(args: argparse.Namespace, uow: UnitOfWork, io: Terminal) -> None:
    from app.services import dues, dues_terms

    member_id = _member(uow, args.member)
    relief = dues_terms.relief_from(
        ReliefKind.EXEMPT if args.exempt else ReliefKind.REDUCED,
        args.approved_by,
        args.approved_on,
        args.first,
        args.last,
        None if args.exempt else args.reduced,
    )
    dues.add_relief(uow, member_id, relief)
    io.say(
        QCoreApplication.translate("Cli", "Recorded: {relief}").format(
            relief=dues_texts.relief_text(relief)
        )
    )


def _quarterly(args: argparse.Namespace, uow: UnitOfWork, io: Terminal) -> None:
    from app.services import dues_terms

    member_id = _member(uow, args.member)
    dues_terms.agree_quarterly(uow, member_id, args.agreed_on, args.first, args.last)
    line = dues_terms.quarterly_consents(uow, member_id)
    io.say(
        QCoreApplication.translate("Cli", "Recorded: {consent}").format(
            consent=dues_texts.quarterly_text(
                next(c.consent for c in line if c.consent.valid_from == args.first)
            )
        )
    )


def _quarterly_end(args: argparse.Namespace, uow: UnitOfWork, io: Terminal) -> None:
    from app.services import dues_terms

    member_id = _member(uow, args.member)
    covering = [
        c for c in dues_terms.quarterly_consents(uow, member_id) if c.consent.covers(args.last)
    ]
    if not covering:
        raise InvalidInputError([FieldProblem("valid_until", "no_quarterly_consent")])
    dues_terms.end_quarterly(uow, covering[0].consent_id, args.last)
    io.say(
        QCoreApplication.translate("Cli", "The member pays monthly from {month}.").format(
            month=dues_texts.month_text(args.last + 1)
        )
    )


def _category(args: argparse.Namespace, uow: UnitOfWork, io: Terminal) -> None:
    from app.services import dues_terms

    member_id = _member(uow, args.member)
    result = dues_terms.change_category(
        uow, member_id, args.first, args.category, date.today()
    )
    if result.change is None:
        io.say(dues_texts.category_withdrawn_text(args.first))
    else:
        io.say(dues_texts.category_change_text(result.change))
    if result.already_generated:
        io.say(dues_texts.already_generated_text(result.already_generated))


def _terms(args: argparse.Namespace, uow: UnitOfWork, io: Terminal) -> None:
    from app.services import dues_terms

    member_id = _member(uow, args.member)
    changes = dues_terms.categories_by_member(uow, [member_id]).get(member_id, ())
    for change in changes:
        io.say(dues_texts.category_change_text(change))
    for consent in dues_terms.quarterly_consents(uow, member_id):
        io.say(dues_texts.quarterly_text(consent.consent))
    for relief in dues_terms.reliefs_of(uow, member_id):
        io.say(dues_texts.relief_text(relief.relief))
    if (
        not changes
        and not dues_terms.quarterly_consents(uow, member_id)
        and not (dues_terms.reliefs_of(uow, member_id))
    ):
        io.say(
            QCoreApplication.translate(
                "Cli", "No category change, quarterly payment or hardship relief is recorded."
            )
        )


def _settings(args: argparse.Namespace, uow: UnitOfWork, io: Terminal) -> None:
    from app.services import dues_terms

    current = dues_terms.dues_settings(uow)
    typed = (args.rounding, args.precision, args.farmer, args.student, args.unemployed, args.relief)
    if any(value is not None for value in typed):
        current = dues_terms.settings_from_text(
            (args.rounding or current.rounding.mode).value,
            (args.precision or current.rounding.precision).value,
            args.farmer or str(current.farmer_amount),
            args.student or str(current.student_amount),
            args.unemployed or str(current.unemployed_amount),
            args.relief or str(current.relief_amount),
        )
        dues_terms.save_dues_settings(uow, current)
    io.say(settings_text(current))


def settings_text(settings: DuesSettings) -> str:
    return QCoreApplication.translate(
        "Cli",
        "Rounding: {mode}, {precision}. Monthly amounts (art. 6): farmers {farmer}, students "
        "{student}, unemployed {unemployed}, on relief or 低保 {relief} yuan.",
    ).format(
        mode=dues_texts.rounding_mode_text(settings.rounding.mode),
        precision=dues_texts.precision_text(settings.rounding.precision),
        farmer=settings.farmer_amount,
        student=settings.student_amount,
        unemployed=settings.unemployed_amount,
        relief=settings.relief_amount,
    )

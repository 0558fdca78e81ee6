"""The command line's shared option parsers (ui/cli/console.py): one for years, dates and months,
used by every command group (dues terms and transfers each had their own month parser, and only
one of them took 2025年5月)."""

from __future__ import annotations

import argparse
from datetime import date

import pytest

from app.domain.calendar import Month
from ui.cli import dues_terms, transfers
from ui.cli.console import date_argument, month_argument, year_argument


@pytest.mark.parametrize("text", ["2025-05", "2025年5月", "2025.5"])
def test_a_month_is_taken_as_the_window_takes_it(text: str) -> None:
    assert month_argument(text) == Month(2025, 5)


@pytest.mark.parametrize(("parse", "text"), [
    (month_argument, "2025-13"), (month_argument, "五月"),
    (date_argument, "2025-02-30"), (year_argument, "25"),
])
def test_a_bad_value_is_bad_usage(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(argparse.ArgumentTypeError):
        parse(text)


def test_date_and_month_options_share_the_parsers() -> None:
    assert date_argument("2025-06-10") == date(2025, 6, 10)
    assert dues_terms.month_argument is transfers.month_argument is month_argument


def test_a_choice_is_taken_as_its_code_or_as_the_window_names_it() -> None:
    from app.domain.dues import PersonCategory
    from ui.cli.console import ChoiceArgument

    names = {PersonCategory.RETIRED: "离退休", PersonCategory.STUDENT: "学生"}
    choice = ChoiceArgument(names, names.__getitem__)
    assert choice("retired") is PersonCategory.RETIRED
    assert choice(" 学生 ") is PersonCategory.STUDENT
    assert "离退休 (retired)" in choice.choices()
    with pytest.raises(argparse.ArgumentTypeError):
        choice("farmer")

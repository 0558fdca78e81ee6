"""Every code the member rules can produce has Chinese words."""

from __future__ import annotations

import enum

import pytest

from app.domain import development, id_numbers, members
from app.domain.dues import PersonCategory
from ui.common import member_texts

ENUMS: list[type[enum.Enum]] = [
    id_numbers.Gender, id_numbers.IdType, development.Stage, development.DeadlineKind,
    members.MembershipStatus, members.BranchPost, members.Classification,
    members.FlowDirection, members.EventKind, PersonCategory,
]


@pytest.mark.parametrize("enum_type", ENUMS, ids=lambda e: e.__name__)
def test_every_code_list_value_has_a_label(enum_type):
    missing = [v for v in enum_type if v not in member_texts._ENUM_TEXTS]
    assert not missing


def test_every_problem_code_has_words():
    codes = [p.value for p in id_numbers.Problem]
    codes += [m.value for m in id_numbers.Mismatch]
    codes += [f.value for f in development.Finding]
    missing = [c for c in codes if c not in member_texts.ISSUE_TEXTS]
    assert not missing


def test_ordering_codes_name_the_earlier_field(qapp):
    text = member_texts.issue_text("before_application_date")
    assert "application" not in text
    assert member_texts.describe(members.Issue("name", "required"))

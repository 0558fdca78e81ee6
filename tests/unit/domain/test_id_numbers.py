"""Resident ID numbers (GB 11643-1999) and the other ID types."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import codes
from app.domain.id_numbers import (
    RESIDENCE_PERMIT_PREFIXES,
    Gender,
    IdType,
    Mismatch,
    Problem,
    check_character,
    convert_15_to_18,
    cross_check,
    normalize,
    validate_id,
    validate_resident_id,
)

TODAY = date(2025, 6, 1)
CLASSIC = "11010519491231002X"  # the standard's own example: 北京市朝阳区, 1949-12-31, female


def make(area: str, birth: date, sequence: int) -> str:
    body = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return body + check_character(body)


# ---------------------------------------------------------------- the cases the issue names


def test_classic_example_is_valid_with_birth_date_and_gender() -> None:
    result = validate_resident_id(CLASSIC, today=TODAY)
    assert result.ok
    assert result.number == CLASSIC
    assert result.birth_date == date(1949, 12, 31)
    assert result.gender is Gender.FEMALE
    assert not result.converted_from_15


def test_computed_valid_male_number() -> None:
    # By hand: Σ digit×weight over 44030519900307131 = 248; 248 mod 11 = 6 → "10X98765432"[6] = 6.
    number = make("440305", date(1990, 3, 7), 131)
    assert number == "440305199003071316"
    result = validate_resident_id(number, today=TODAY)
    assert result.ok
    assert result.gender is Gender.MALE
    assert result.birth_date == date(1990, 3, 7)


def test_wrong_check_character() -> None:
    result = validate_resident_id("110105194912310021", today=TODAY)
    assert result.problems == (Problem.BAD_CHECK_CHAR,)


@pytest.mark.parametrize("yyyymmdd", ["19900230", "19901301", "19900001", "19900431", "19010229"])
def test_impossible_date(yyyymmdd: str) -> None:
    body = f"110105{yyyymmdd}002"
    result = validate_resident_id(body + check_character(body), today=TODAY)
    assert result.problems == (Problem.IMPOSSIBLE_DATE,)
    assert result.birth_date is None


def test_leap_day_is_a_real_date() -> None:
    assert validate_resident_id(make("110105", date(2000, 2, 29), 1), today=TODAY).ok


def test_future_and_pre_1900_dates() -> None:
    future = make("110105", date(2025, 6, 2), 1)
    assert validate_resident_id(future, today=TODAY).problems == (Problem.FUTURE_DATE,)
    assert validate_resident_id(future, today=date(2025, 6, 2)).ok
    old = make("110105", date(1899, 12, 31), 1)
    assert validate_resident_id(old, today=TODAY).problems == (Problem.DATE_BEFORE_1900,)


def test_fifteen_digit_number_is_converted() -> None:
    assert convert_15_to_18("110105491231002") == CLASSIC
    result = validate_resident_id("110105491231002", today=TODAY)
    assert result.ok
    assert result.converted_from_15
    assert result.number == CLASSIC
    assert result.birth_date == date(1949, 12, 31)


def test_fifteen_digit_with_impossible_date() -> None:
    assert validate_resident_id("110105490230002", today=TODAY).problems == (
        Problem.IMPOSSIBLE_DATE,
    )


def test_convert_rejects_other_lengths() -> None:
    with pytest.raises(ValueError, match="15 digits"):
        convert_15_to_18("11010549123100")


def test_lowercase_x_is_accepted_and_stored_upper() -> None:
    result = validate_resident_id("11010519491231002x", today=TODAY)
    assert result.ok
    assert result.number == CLASSIC


def test_whitespace_and_full_width_forms_are_cleaned() -> None:
    assert normalize(" 110105 19491231 002x\t") == CLASSIC
    assert normalize("１１０１０５１９４９１２３１００２ｘ") == CLASSIC  # full-width, as IMEs type
    assert validate_resident_id("110105 19491231 002X\u3000", today=TODAY).ok


def test_birth_date_and_gender_mismatch_with_record_warn() -> None:
    result = validate_resident_id(CLASSIC, today=TODAY)
    warnings = cross_check(result, birth_date=date(1949, 12, 30), gender=Gender.MALE)
    assert [w.code for w in warnings] == [Mismatch.BIRTH_DATE, Mismatch.GENDER]
    assert warnings[0].from_id == date(1949, 12, 31)
    assert warnings[0].from_record == date(1949, 12, 30)
    assert warnings[1].from_id is Gender.FEMALE


def test_matching_or_unknown_record_values_do_not_warn() -> None:
    result = validate_resident_id(CLASSIC, today=TODAY)
    assert cross_check(result, birth_date=date(1949, 12, 31), gender=Gender.FEMALE) == ()
    assert cross_check(result, birth_date=None, gender=None) == ()


def test_invalid_number_is_not_cross_checked() -> None:
    result = validate_resident_id("110105194912310021", today=TODAY)
    assert cross_check(result, birth_date=date(2000, 1, 1), gender=Gender.MALE) == ()


# ---------------------------------------------------------------- structure problems


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", Problem.EMPTY),
        ("   ", Problem.EMPTY),
        ("1101051949123100", Problem.BAD_LENGTH),
        ("11010519491231002X1", Problem.BAD_LENGTH),
        ("1101051949123100AX", Problem.BAD_CHARACTERS),
        ("11010519491231002Y", Problem.BAD_CHARACTERS),
        ("11010549123100X", Problem.BAD_CHARACTERS),
    ],
)
def test_structure_problems(raw: str, problem: Problem) -> None:
    assert validate_resident_id(raw, today=TODAY).problems == (problem,)


def test_unknown_province_code() -> None:
    # 00 and 20 are not provincial-level codes in GB/T 2260.
    for area in ("000000", "200000"):
        number = make(area, date(1980, 1, 1), 12)
        assert validate_resident_id(number, today=TODAY).problems == (Problem.UNKNOWN_AREA,)


def test_several_problems_are_all_reported() -> None:
    body = "20010519900230002"
    result = validate_resident_id(body + "0", today=TODAY)
    assert set(result.problems) >= {Problem.UNKNOWN_AREA, Problem.IMPOSSIBLE_DATE}


# ---------------------------------------------------------------- other ID types


def test_residence_permit_uses_the_same_checksum_and_its_own_prefixes() -> None:
    for area in ("810000", "820000", "830000"):
        number = make(area, date(1995, 5, 5), 33)
        result = validate_id(number, IdType.HMT_RESIDENCE_PERMIT, today=TODAY)
        assert result.ok
        assert result.gender is Gender.MALE
    mainland = validate_id(CLASSIC, IdType.HMT_RESIDENCE_PERMIT, today=TODAY)
    assert mainland.problems == (Problem.BAD_PREFIX,)
    wrong = make("830000", date(1995, 5, 5), 33)[:-1] + "X"
    assert validate_id(wrong, IdType.HMT_RESIDENCE_PERMIT, today=TODAY).problems == (
        Problem.BAD_CHECK_CHAR,
    )


def test_residence_permit_numbers_are_not_resident_ids() -> None:
    # 国办发〔2018〕81号: 港澳台居民居住证 numbers start 810000/820000/830000; the example
    # must not pass as a mainland 居民身份证.
    assert check_character("81000019900101001") == "9"
    assert validate_id("810000199001010019", IdType.RESIDENT, today=TODAY).problems == (
        Problem.RESIDENCE_PERMIT_NUMBER,
    )
    assert validate_id("810000199001010019", IdType.HMT_RESIDENCE_PERMIT, today=TODAY).ok
    for area in ("820000", "830000"):
        number = make(area, date(1995, 5, 5), 33)
        assert validate_resident_id(number, today=TODAY).problems == (
            Problem.RESIDENCE_PERMIT_NUMBER,
        )


def test_foreign_permanent_residence_card_is_its_own_type() -> None:
    # 外国人永久居留身份证 (2023 edition): "9", the accepting province (11 北京), the numeric
    # nationality (840), the birth date, the sequence, the GB 11643 check character.
    number = make("911840", date(1990, 3, 4), 15)
    result = validate_id(number, IdType.FOREIGN_PERMANENT_RESIDENT, today=TODAY)
    assert result.ok
    assert (result.birth_date, result.gender) == (date(1990, 3, 4), Gender.MALE)
    assert validate_resident_id(number, today=TODAY).problems == (Problem.FOREIGN_PERMIT_NUMBER,)
    assert validate_id(CLASSIC, IdType.FOREIGN_PERMANENT_RESIDENT, today=TODAY).problems == (
        Problem.BAD_PREFIX,
    )
    unknown_province = make("900840", date(1990, 3, 4), 15)
    assert validate_id(
        unknown_province, IdType.FOREIGN_PERMANENT_RESIDENT, today=TODAY
    ).problems == (Problem.UNKNOWN_AREA,)
    # The 2004/2017 editions: 3 letters and 12 digits.
    old = validate_id("usa110390030401", IdType.FOREIGN_PERMANENT_RESIDENT, today=TODAY)
    assert (old.ok, old.number) == (True, "USA110390030401")
    assert validate_id(
        "123110390030401", IdType.FOREIGN_PERMANENT_RESIDENT, today=TODAY
    ).problems == (Problem.BAD_FORMAT,)


def test_residence_permit_has_no_fifteen_digit_form() -> None:
    result = validate_id("810000900101001", IdType.HMT_RESIDENCE_PERMIT, today=TODAY)
    assert result.problems == (Problem.BAD_LENGTH,)


@pytest.mark.parametrize(
    ("raw", "id_type", "problems"),
    [
        ("H12345678", IdType.HK_MACAO_PERMIT, ()),
        ("m1234567801", IdType.HK_MACAO_PERMIT, ()),
        ("X12345678", IdType.HK_MACAO_PERMIT, (Problem.BAD_FORMAT,)),
        ("H1234567", IdType.HK_MACAO_PERMIT, (Problem.BAD_LENGTH,)),
        ("12345678", IdType.TAIWAN_PERMIT, ()),
        ("1234567890", IdType.TAIWAN_PERMIT, ()),
        ("1234567A", IdType.TAIWAN_PERMIT, (Problem.BAD_FORMAT,)),
        ("123456789", IdType.TAIWAN_PERMIT, (Problem.BAD_LENGTH,)),
        ("E12345678", IdType.PASSPORT, ()),
        ("ea1234567", IdType.PASSPORT, ()),
        ("C01X00T47", IdType.PASSPORT, ()),
        ("AB-12345", IdType.PASSPORT, (Problem.BAD_FORMAT,)),
        ("A12", IdType.PASSPORT, (Problem.BAD_LENGTH,)),
        ("", IdType.PASSPORT, (Problem.EMPTY,)),
    ],
)
def test_other_documents(raw: str, id_type: IdType, problems: tuple[Problem, ...]) -> None:
    result = validate_id(raw, id_type, today=TODAY)
    assert result.problems == problems
    assert result.birth_date is None
    assert result.gender is None


def test_validate_id_for_resident_type_is_the_resident_check() -> None:
    assert validate_id(CLASSIC, IdType.RESIDENT, today=TODAY) == validate_resident_id(
        CLASSIC, today=TODAY
    )


# ---------------------------------------------------------------- properties

# GB/T 2260 lists 香港 (81) and 澳门 (82) too, but numbers with these prefixes are 港澳台居民居住证.
AREAS = [a.code for a in codes.areas() if a.code[:2] not in RESIDENCE_PERMIT_PREFIXES]


@st.composite
def valid_numbers(draw: st.DrawFn) -> tuple[str, date, int]:
    area = draw(st.sampled_from(AREAS))
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    sequence = draw(st.integers(min_value=0, max_value=999))
    return make(area, birth, sequence), birth, sequence


@given(valid_numbers())
def test_generated_numbers_validate(case: tuple[str, date, int]) -> None:
    number, birth, sequence = case
    result = validate_resident_id(number, today=TODAY)
    assert result.ok, result.problems
    assert result.birth_date == birth
    assert result.gender is (Gender.MALE if sequence % 2 else Gender.FEMALE)
    assert validate_resident_id(number.lower(), today=TODAY).number == number


@given(valid_numbers(), st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_any_single_character_change_is_caught(
    case: tuple[str, date, int], position: int, replacement: str
) -> None:
    number = case[0]
    if position < 17 and replacement == "X":
        replacement = "0"
    if number[position] == replacement:
        replacement = "1" if replacement != "1" else "2"
    changed = number[:position] + replacement + number[position + 1 :]
    result = validate_resident_id(changed, today=TODAY)
    assert Problem.BAD_CHECK_CHAR in result.problems


@given(valid_numbers(), st.integers(min_value=0, max_value=15))
def test_adjacent_transposition_is_caught(case: tuple[str, date, int], position: int) -> None:
    number = case[0]
    a, b = number[position], number[position + 1]
    if a == b:
        return
    swapped = number[:position] + b + a + number[position + 2 :]
    assert Problem.BAD_CHECK_CHAR in validate_resident_id(swapped, today=TODAY).problems


@given(st.text(max_size=30))
def test_any_text_gives_a_result_without_raising(raw: str) -> None:
    result = validate_resident_id(raw, today=TODAY)
    assert result.ok == (not result.problems)

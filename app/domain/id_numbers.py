"""Identity document numbers: the resident ID number (GB 11643-1999) and the other ID types.

Results carry stable problem codes, never display text; the UI words them.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from app.domain import codes

# GB 11643-1999 §5.5 (ISO 7064:1983 MOD 11-2): weight of each of the first 17 digits
# (W_i = 2^(i-1) mod 11, counted from the right), and the check character for sum mod 11.
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"

EARLIEST_BIRTH_DATE = date(1900, 1, 1)
"""Birth dates before this are taken as typing errors."""

# 港澳台居民居住证 (国办发〔2018〕81号): the GB 11643 structure with these address codes.
RESIDENCE_PERMIT_AREAS = ("810000", "820000", "830000")
# No 居民身份证 number starts with them: a number that does is a residence permit's.
RESIDENCE_PERMIT_PREFIXES = ("81", "82", "83")
# 外国人永久居留身份证 (国家移民管理局, 2023 edition, issued from 2023-12-01): the GB 11643
# structure (17 digits + a MOD 11-2 check character) starting with "9", the foreigner's mark
# (citizens' numbers start 1-8), then the 2-digit province that accepted the application, the
# 3-digit numeric nationality code, the 8-digit birth date, a sequence and the check character.
FOREIGN_PERMIT_MARK = "9"
# The 2004/2017 editions: 3 letters (nationality) and 12 digits, 15 characters, still valid.
_FOREIGN_PERMIT_OLD = re.compile(r"[A-Z]{3}\d{12}")


class IdType(enum.Enum):
    RESIDENT = "resident"  # 居民身份证 (GB 11643-1999)
    HMT_RESIDENCE_PERMIT = "hmt_residence_permit"  # 港澳台居民居住证
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"  # 外国人永久居留身份证
    HK_MACAO_PERMIT = "hk_macao_permit"  # 港澳居民来往内地通行证
    TAIWAN_PERMIT = "taiwan_permit"  # 台湾居民来往大陆通行证
    PASSPORT = "passport"  # 护照


class Problem(enum.Enum):
    EMPTY = "empty"
    BAD_LENGTH = "bad_length"
    BAD_CHARACTERS = "bad_characters"
    BAD_CHECK_CHAR = "bad_check_char"
    IMPOSSIBLE_DATE = "impossible_date"
    FUTURE_DATE = "future_date"
    DATE_BEFORE_1900 = "date_before_1900"
    UNKNOWN_AREA = "unknown_area"
    BAD_PREFIX = "bad_prefix"  # a residence permit not starting 810000/820000/830000, a
    # foreigner's permanent residence card not starting 9
    RESIDENCE_PERMIT_NUMBER = "residence_permit_number"  # a 居民身份证 starting 81/82/83
    FOREIGN_PERMIT_NUMBER = "foreign_permit_number"  # a 居民身份证 starting 9
    BAD_FORMAT = "bad_format"  # the other documents' number patterns


class Gender(enum.Enum):
    """Gender as read from an ID number; values are GB/T 2261.1 codes."""

    MALE = "1"
    FEMALE = "2"


@dataclass(frozen=True)
class IdCheck:
    """What validating one number found. ``number`` is the normalized (and 15→18 converted) form."""

    id_type: IdType
    number: str
    problems: tuple[Problem, ...]
    birth_date: date | None = None
    gender: Gender | None = None
    converted_from_15: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class Mismatch(enum.Enum):
    BIRTH_DATE = "birth_date_mismatch"
    GENDER = "gender_mismatch"


@dataclass(frozen=True)
class RecordWarning:
    """The ID number and the record disagree; a warning, never an automatic correction."""

    code: Mismatch
    from_id: date | Gender
    from_record: date | Gender


def normalize(raw: str) -> str:
    """Full-width forms folded (NFKC), all whitespace removed, letters upper-cased (x → X)."""
    return "".join(unicodedata.normalize("NFKC", raw).split()).upper()


def check_character(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("need exactly 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def convert_15_to_18(number15: str) -> str:
    """An old 15-digit number in the 18-digit form: "19" before the year, check character added.

    15-digit numbers (issued before GB 11643-1999) carry a 2-digit year, always 19xx.
    """
    number = normalize(number15)
    if len(number) != 15 or not number.isascii() or not number.isdigit():
        raise ValueError("need exactly 15 digits")
    first17 = number[:6] + "19" + number[6:]
    return first17 + check_character(first17)


def _birth_date(yyyymmdd: str) -> date | None:
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


def _gb11643_check(id_type: IdType, raw: str, today: date) -> IdCheck:
    """Validate an 18-character number of the GB 11643-1999 structure (or a 15-digit one).

    Structure (GB 11643-1999 §5.1–5.5): 6-digit address code (GB/T 2260), 8-digit birth date
    YYYYMMDD (GB/T 7408), 3-digit sequence code (odd for men, even for women), check character.
    """
    number = normalize(raw)
    if not number:
        return IdCheck(id_type, number, (Problem.EMPTY,))
    converted = False
    if len(number) == 15 and id_type is IdType.RESIDENT:
        if not (number.isascii() and number.isdigit()):
            return IdCheck(id_type, number, (Problem.BAD_CHARACTERS,))
        number = convert_15_to_18(number)
        converted = True
    if len(number) != 18:
        return IdCheck(id_type, number, (Problem.BAD_LENGTH,))
    body, check = number[:17], number[17]
    if not (body.isascii() and body.isdigit()) or check not in "0123456789X":
        return IdCheck(id_type, number, (Problem.BAD_CHARACTERS,))

    problems: list[Problem] = []
    if id_type is IdType.HMT_RESIDENCE_PERMIT:
        if body[:6] not in RESIDENCE_PERMIT_AREAS:
            problems.append(Problem.BAD_PREFIX)
    elif id_type is IdType.FOREIGN_PERMANENT_RESIDENT:
        if not body.startswith(FOREIGN_PERMIT_MARK):
            problems.append(Problem.BAD_PREFIX)
        elif not codes.areas().is_province_prefix(body[1:3]):
            problems.append(Problem.UNKNOWN_AREA)
    elif body[:2] in RESIDENCE_PERMIT_PREFIXES:
        # GB/T 2260 lists 81 香港 and 82 澳门 (83 is the permits' 台湾), but the numbers with
        # these prefixes are 港澳台居民居住证 numbers (国办发〔2018〕81号), never a 居民身份证.
        problems.append(Problem.RESIDENCE_PERMIT_NUMBER)
    elif body.startswith(FOREIGN_PERMIT_MARK):
        problems.append(Problem.FOREIGN_PERMIT_NUMBER)
    elif not codes.areas().is_province_prefix(body[:2]):
        problems.append(Problem.UNKNOWN_AREA)

    birth = _birth_date(body[6:14])
    if birth is None:
        problems.append(Problem.IMPOSSIBLE_DATE)
    elif birth > today:
        problems.append(Problem.FUTURE_DATE)
    elif birth < EARLIEST_BIRTH_DATE:
        problems.append(Problem.DATE_BEFORE_1900)

    if check != check_character(body):
        problems.append(Problem.BAD_CHECK_CHAR)

    # 顺序码 (digits 15–17): the last of them, the 17th digit, is odd for men (GB 11643-1999 §5.4).
    gender = Gender.MALE if int(body[16]) % 2 == 1 else Gender.FEMALE
    return IdCheck(
        id_type,
        number,
        tuple(problems),
        birth_date=birth,
        gender=gender,
        converted_from_15=converted,
    )


def validate_resident_id(raw: str, *, today: date) -> IdCheck:
    """Validate a 居民身份证 number (18 digits, or an old 15-digit one converted to 18)."""
    return _gb11643_check(IdType.RESIDENT, raw, today)


# 港澳居民来往内地通行证 (2013 card): H (Hong Kong) or M (Macao) and 8 digits; the card also
# prints a 2-digit issue count after them, which rosters sometimes include.
_HK_MACAO = re.compile(r"[HM]\d{8}(\d{2})?")
# 台湾居民来往大陆通行证: 8 digits since the 2015 card; older booklets used 10 digits.
_TAIWAN = re.compile(r"\d{8}(\d{2})?")
# Passports: ICAO Doc 9303 allows up to 9 characters in the machine-readable zone; some
# countries print longer numbers. Chinese passports are E/G + 8 digits or E + letter + 7 digits.
_PASSPORT = re.compile(r"[A-Z0-9]{5,17}")
_OTHER_PATTERNS = {
    IdType.HK_MACAO_PERMIT: (_HK_MACAO, (9, 11)),
    IdType.TAIWAN_PERMIT: (_TAIWAN, (8, 10)),
    IdType.PASSPORT: (_PASSPORT, tuple(range(5, 18))),
}


def validate_id(raw: str, id_type: IdType, *, today: date) -> IdCheck:
    """Validate a number of the given ID type. Only GB 11643 numbers yield birth date and gender."""
    if id_type is IdType.FOREIGN_PERMANENT_RESIDENT and len(normalize(raw)) == 15:
        return _old_foreign_permit_check(normalize(raw))
    if id_type in (
        IdType.RESIDENT, IdType.HMT_RESIDENCE_PERMIT, IdType.FOREIGN_PERMANENT_RESIDENT
    ):
        return _gb11643_check(id_type, raw, today)
    number = normalize(raw)
    if not number:
        return IdCheck(id_type, number, (Problem.EMPTY,))
    pattern, lengths = _OTHER_PATTERNS[id_type]
    if len(number) not in lengths:
        return IdCheck(id_type, number, (Problem.BAD_LENGTH,))
    if not number.isascii() or pattern.fullmatch(number) is None:
        return IdCheck(id_type, number, (Problem.BAD_FORMAT,))
    return IdCheck(id_type, number, ())


def _old_foreign_permit_check(number: str) -> IdCheck:
    """A 2004/2017 外国人永久居留身份证 number: 3 letters and 12 digits (no check character)."""
    problems = () if _FOREIGN_PERMIT_OLD.fullmatch(number) else (Problem.BAD_FORMAT,)
    return IdCheck(IdType.FOREIGN_PERMANENT_RESIDENT, number, problems)


def cross_check(
    check: IdCheck, *, birth_date: date | None, gender: Gender | None
) -> tuple[RecordWarning, ...]:
    """Compare the birth date and gender in an ID number with those in the member record.

    Only what both sides know is compared; an invalid number yields no warnings here (its own
    problems are reported by validation).
    """
    if not check.ok:
        return ()
    warnings: list[RecordWarning] = []
    if check.birth_date is not None and birth_date is not None and check.birth_date != birth_date:
        warnings.append(RecordWarning(Mismatch.BIRTH_DATE, check.birth_date, birth_date))
    if check.gender is not None and gender is not None and check.gender != gender:
        warnings.append(RecordWarning(Mismatch.GENDER, check.gender, gender))
    return tuple(warnings)

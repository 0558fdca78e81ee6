"""The national code tables (GB/T 2261.1, 3304, 4658, 6864, 4762, 2260) and the 职业 groups of the
annual statistics, read from resources/codes.

Reading these shipped data files is the one I/O the domain does; each table is read once and
cached. Versions and sources are listed in resources/codes/README.md.
"""

from __future__ import annotations

import csv
import enum
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from app.resources import resource_path

GENDER_FILE = "gb2261_gender.csv"
ETHNIC_FILE = "gb3304_ethnic.csv"
EDUCATION_FILE = "gb4658_education.csv"
DEGREE_FILE = "gb6864_degree.csv"
POLITICAL_FILE = "gb4762_political.csv"
AREA_FILE = "gb2260_area.csv"
OCCUPATION_FILE = "occupation.csv"


@dataclass(frozen=True)
class Code:
    """One entry of a code table: the standard's code and name, and roster short forms."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()


def _key(text: str) -> str:
    return "".join(text.split())


class CodeTable:
    """Entries of one standard, looked up by code or by name (or a known alias)."""

    def __init__(self, standard: str, entries: list[Code]) -> None:
        self.standard = standard
        self._entries = tuple(entries)
        self._by_code: dict[str, Code] = {}
        self._by_name: dict[str, Code] = {}
        for entry in entries:
            if entry.code in self._by_code:
                raise ValueError(f"{standard}: duplicate code {entry.code}")
            self._by_code[entry.code] = entry
        # Official names win over aliases when both could match.
        for entry in entries:
            self._by_name.setdefault(_key(entry.name), entry)
        for entry in entries:
            for alias in entry.aliases:
                self._by_name.setdefault(_key(alias), entry)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Code]:
        return iter(self._entries)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Code | None:
        return self._by_code.get(code.strip())

    def name_of(self, code: str) -> str | None:
        entry = self.get(code)
        return entry.name if entry else None

    def by_name(self, name: str) -> Code | None:
        """The entry whose name or alias is ``name`` (whitespace ignored), else None."""
        return self._by_name.get(_key(name))

    def code_for(self, name: str) -> str | None:
        entry = self.by_name(name)
        return entry.code if entry else None


class AreaLevel(enum.Enum):
    PROVINCE = "province"
    PREFECTURE = "prefecture"


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    level: AreaLevel

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"


class AreaTable:
    """GB/T 2260 divisions at province and prefecture level."""

    standard = "GB/T 2260"

    def __init__(self, areas: list[Area]) -> None:
        self._areas = tuple(areas)
        self._by_code: dict[str, Area] = {}
        for area in areas:
            if area.code in self._by_code:
                raise ValueError(f"GB/T 2260: duplicate code {area.code}")
            self._by_code[area.code] = area
        self._provinces = {a.code[:2]: a for a in areas if a.level is AreaLevel.PROVINCE}

    def __len__(self) -> int:
        return len(self._areas)

    def __iter__(self) -> Iterator[Area]:
        return iter(self._areas)

    def get(self, code: str) -> Area | None:
        return self._by_code.get(code.strip())

    def provinces(self) -> list[Area]:
        return list(self._provinces.values())

    def prefectures(self, province_code: str) -> list[Area]:
        """Prefecture-level rows of a province, given any code starting with its two digits."""
        prefix = province_code[:2]
        return [a for a in self._areas if a.level is AreaLevel.PREFECTURE and a.code[:2] == prefix]

    def is_province_prefix(self, digits: str) -> bool:
        """Whether the first two digits of ``digits`` name a provincial-level division."""
        return digits[:2] in self._provinces

    def province_name(self, area_code: str) -> str | None:
        """省级 name for an area code (e.g. the first 6 digits of an ID number)."""
        province = self._provinces.get(area_code.strip()[:2])
        return province.name if province else None

    def prefecture_name(self, area_code: str) -> str | None:
        """地级 name for an area code, if that prefecture is listed."""
        code = area_code.strip()
        if len(code) < 4:
            return None
        area = self._by_code.get(code[:4] + "00")
        if area is None or area.level is not AreaLevel.PREFECTURE:
            return None
        return area.name


def _rows(file_name: str) -> list[dict[str, str]]:
    with resource_path("codes", file_name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _load_table(standard: str, file_name: str) -> CodeTable:
    entries = []
    for row in _rows(file_name):
        aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
        entries.append(Code(code=row["code"], name=row["name"], aliases=aliases))
    return CodeTable(standard, entries)


@functools.lru_cache(maxsize=1)
def genders() -> CodeTable:
    return _load_table("GB/T 2261.1-2003", GENDER_FILE)


@functools.lru_cache(maxsize=1)
def ethnic_groups() -> CodeTable:
    return _load_table("GB/T 3304-1991", ETHNIC_FILE)


@functools.lru_cache(maxsize=1)
def education_levels() -> CodeTable:
    return _load_table("GB/T 4658-2006", EDUCATION_FILE)


@functools.lru_cache(maxsize=1)
def degrees() -> CodeTable:
    return _load_table("GB/T 6864-2003", DEGREE_FILE)


@functools.lru_cache(maxsize=1)
def political_statuses() -> CodeTable:
    return _load_table("GB/T 4762-1984", POLITICAL_FILE)


@functools.lru_cache(maxsize=1)
def occupations() -> CodeTable:
    """职业 as the annual statistics (党内统计) group it — not 人员类别 (the dues category):
    a retired engineer is 离退休人员 in both, a student worker may be 学生 for dues and 工人 here.
    The codes are BranchDesk's own (the published tables name the groups, not codes)."""
    return _load_table("党内统计 职业 (2023)", OCCUPATION_FILE)


@functools.lru_cache(maxsize=1)
def areas() -> AreaTable:
    return AreaTable(
        [
            Area(code=row["code"], name=row["name"], level=AreaLevel(row["level"]))
            for row in _rows(AREA_FILE)
        ]
    )


def province_name(area_code: str) -> str | None:
    """省级 name for the first digits of an area code or ID number (GB/T 2260)."""
    return areas().province_name(area_code)

"""The shipped code tables: sizes, shapes and lookups."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable

import pytest

from app.domain import codes
from app.domain.codes import AreaLevel, CodeTable
from app.resources import resource_path

ALL_FILES = [
    codes.GENDER_FILE,
    codes.ETHNIC_FILE,
    codes.EDUCATION_FILE,
    codes.DEGREE_FILE,
    codes.POLITICAL_FILE,
    codes.AREA_FILE,
]
TABLES = [
    codes.genders,
    codes.ethnic_groups,
    codes.education_levels,
    codes.degrees,
    codes.political_statuses,
]


@pytest.mark.parametrize("file_name", ALL_FILES)
def test_files_have_a_header_and_no_duplicate_codes(file_name: str) -> None:
    with resource_path("codes", file_name).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames is not None
        assert reader.fieldnames[:2] == ["code", "name"]
        rows = list(reader)
    duplicates = [c for c, n in Counter(r["code"] for r in rows).items() if n > 1]
    assert duplicates == []
    assert all(r["code"].isdigit() and r["name"].strip() == r["name"] != "" for r in rows)


@pytest.mark.parametrize("table", TABLES)
def test_no_name_or_alias_points_two_ways(table: Callable[[], CodeTable]) -> None:
    loaded = table()
    spellings = Counter(s for e in loaded for s in {e.name, *e.aliases})
    assert [s for s, n in spellings.items() if n > 1] == []


def test_gender() -> None:
    table = codes.genders()
    assert [e.code for e in table] == ["0", "1", "2", "9"]
    assert table.name_of("1") == "男性"
    assert table.code_for("女") == "2"


def test_fifty_six_ethnic_groups_plus_two() -> None:
    table = codes.ethnic_groups()
    numbered = [e.code for e in table if int(e.code) <= 56]
    assert numbered == [f"{i:02d}" for i in range(1, 57)]
    assert len(table) == 58
    assert table.name_of("98") == "外国血统中国籍人士"
    assert "97" in table


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("汉族", "01"),
        ("汉", "01"),
        (" 汉 族 ", "01"),
        ("维吾尔", "05"),
        ("土家族", "15"),
        ("土", "30"),
    ],
)
def test_ethnic_lookup_by_name_and_short_name(text: str, code: str) -> None:
    assert codes.ethnic_groups().code_for(text) == code


def test_unknown_name_and_code() -> None:
    table = codes.ethnic_groups()
    assert table.by_name("火星族") is None
    assert table.get("57") is None
    assert table.name_of("99") is None


def test_education_two_level_list() -> None:
    table = codes.education_levels()
    level_rows = [e.code for e in table if e.code.endswith("0")]
    assert level_rows == ["10", "20", "30", "40", "60", "70", "80", "90"]
    assert table.name_of("11") == "博士研究生毕业"
    assert table.name_of("21") == "大学本科毕业"
    assert table.code_for("本科") == "20"
    assert table.code_for("大专") == "30"
    assert table.code_for("中专") == "41"
    # Every detail code sits under a level row of the same first digit.
    for entry in table:
        assert table.get(entry.code[0] + "0") is not None


def test_degree_codes_nest_under_their_level() -> None:
    table = codes.degrees()
    assert table.name_of("2") == "博士"
    assert table.name_of("3") == "硕士"
    assert table.name_of("4") == "学士"
    assert table.name_of("408") == "工学学士学位"
    for entry in table:
        if len(entry.code) == 3:
            assert entry.code[0] in table


def test_political_status() -> None:
    table = codes.political_statuses()
    assert [e.code for e in table] == [f"{i:02d}" for i in range(1, 14)]
    assert table.name_of("01") == "中国共产党党员"
    assert table.name_of("02") == "中国共产党预备党员"
    assert table.name_of("13") == "群众"
    assert table.code_for("中共党员") == "01"
    assert table.code_for("共青团员") == "03"


def test_thirty_four_provinces() -> None:
    provinces = codes.areas().provinces()
    assert len(provinces) == 34
    assert all(p.code.endswith("0000") for p in provinces)
    names = {p.code: p.name for p in provinces}
    assert names["110000"] == "北京市"
    assert names["710000"] == "台湾省"
    assert names["810000"] == "香港特别行政区"
    assert names["820000"] == "澳门特别行政区"


def test_prefectures_belong_to_their_province() -> None:
    table = codes.areas()
    province_prefixes = {p.code[:2] for p in table.provinces()}
    prefectures = [a for a in table if a.level is AreaLevel.PREFECTURE]
    # 333 prefecture-level divisions plus the standard's 9 grouping rows (市辖区, 县, 省直辖…).
    assert len(prefectures) == 342
    for area in prefectures:
        assert area.code[:2] in province_prefixes, area
        assert area.code.endswith("00"), area
        assert not area.code.endswith("0000"), area
    assert len(table.prefectures("130000")) == 11  # 河北省
    assert len(table.prefectures("440000")) == 21  # 广东省
    assert table.prefectures("710000") == []


def test_area_lookups() -> None:
    table = codes.areas()
    assert codes.province_name("110105") == "北京市"
    assert codes.province_name("11010519491231002X") == "北京市"
    assert table.province_name("990000") is None
    assert table.prefecture_name("130102") == "石家庄市"
    assert table.prefecture_name("540602") == "那曲市"
    assert table.prefecture_name("110000") is None
    assert table.is_province_prefix("65")
    assert not table.is_province_prefix("83")


def test_tables_are_read_once() -> None:
    assert codes.areas() is codes.areas()
    assert codes.ethnic_groups() is codes.ethnic_groups()


def test_duplicate_codes_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        CodeTable("test", [codes.Code("1", "a"), codes.Code("1", "b")])

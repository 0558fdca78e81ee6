"""The order of Chinese names: by pinyin (拼音) in lists, by surname strokes (姓氏笔画) in print.

Unicode order (万, 于, 刘, 史…) means nothing to a reader. Lists, exports and printed name lists
sort by the names' pinyin, read syllable by syllable with the tone as the tie-break (an1 < ang1,
li3 < lin2), the way a Chinese dictionary does. A surname is read as a surname: 曾 zēng (not
céng), 单 shàn, 解 xiè, 仇 qiú… (``SURNAME_READINGS``), and so are the compound surnames.

Official documents (会议记录's 出席人员, 签到表) list names by 姓氏笔画: the surname's stroke count,
then the following characters'. Names with the same surname stay together. What is NOT modelled:
the 起笔 (first stroke's shape: 横竖撇点折) that orders characters with the same stroke count in
GB/T practice; Unihan has no data for it, so those are ordered by pinyin instead.

Party groups (``group_key``) sort naturally: 第二党小组 before 第十党小组 (numbers by value).

Readings and stroke counts are Unihan's (resources/codes/hanzi.tsv, see its README); reading that
shipped file once is the I/O this module does.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable

from app.resources import resource_path

HANZI_FILE = "hanzi.tsv"

# Surnames whose reading as a surname is not the character's customary reading.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng1",), "单": ("shan4",), "解": ("xie4",), "仇": ("qiu2",), "区": ("ou1",),
    "查": ("zha1",), "朴": ("piao2",), "盖": ("ge3",), "缪": ("miao4",), "覃": ("qin2",),
    "翟": ("zhai2",), "乐": ("yue4",), "召": ("shao4",), "种": ("chong2",), "员": ("yun4",),
    "秘": ("bi4",), "繁": ("po2",), "过": ("guo1",), "华": ("hua4",), "任": ("ren2",),
    "纪": ("ji3",), "薄": ("bo2",), "能": ("nai4",), "折": ("she2",), "黑": ("he4",),
    "隗": ("wei3",), "那": ("na1",), "藏": ("zang4",), "重": ("chong2",), "句": ("gou1",),
    "冼": ("xian3",), "宓": ("mi4",), "郇": ("huan2",), "相": ("xiang1",), "燕": ("yan1",),
    "尉迟": ("yu4", "chi2"), "万俟": ("mo4", "qi2"), "长孙": ("zhang3", "sun1"),
    "单于": ("chan2", "yu2"), "令狐": ("ling2", "hu2"),
}
_LONGEST_SURNAME = max(len(s) for s in SURNAME_READINGS)
NO_STROKES = 99  # sorts a character without data (a Latin letter, a rare character) last


class NameOrder(enum.Enum):
    """How a printed list of names is ordered."""

    PINYIN = "pinyin"  # 按拼音
    STROKES = "strokes"  # 按姓氏笔画


@functools.cache
def _table() -> dict[str, tuple[str, int]]:
    text = resource_path("codes", HANZI_FILE).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    return {char: (reading, int(strokes or NO_STROKES)) for char, reading, strokes in rows}


def readings(name: str) -> list[str]:
    """The pinyin of each character of ``name`` (``["zeng1", "guo2", "fan2"]``), the surname read
    as a surname. A character without a reading stands for itself (lower case)."""
    name = name.strip()
    table = _table()
    out: list[str] = []
    for length in range(min(_LONGEST_SURNAME, len(name)), 0, -1):
        if name[:length] in SURNAME_READINGS:
            out.extend(SURNAME_READINGS[name[:length]])
            break
    for char in name[len(out):]:
        known = table.get(char)
        out.append(known[0] if known else char.lower())
    return out


def pinyin_key(name: str) -> str:
    """A text that sorts names by pinyin with a plain (binary) comparison, as SQL's ORDER BY does.

    Each syllable ends with its tone digit, which sorts before any letter (so an1 < ang1 and
    li3 < lin2); a space ends the name (张 < 张伟); the name itself breaks ties (张伟 and 章伟).
    """
    return "".join(readings(name)) + " " + name.strip()


def strokes(char: str) -> int:
    known = _table().get(char)
    return known[1] if known else NO_STROKES


def stroke_key(name: str) -> str:
    """A text that sorts names by 姓氏笔画: for each character its stroke count (two digits),
    its reading and itself, so that the same surname stays together."""
    name = name.strip()
    return "".join(
        f"{strokes(char):02d}{reading}{char}"
        for char, reading in zip(name, readings(name), strict=False)
    )


def sort_key(order: NameOrder) -> Callable[[str], str]:
    return pinyin_key if order is NameOrder.PINYIN else stroke_key


def ordered(names: Iterable[str], order: NameOrder = NameOrder.PINYIN) -> list[str]:
    return sorted(names, key=sort_key(order))


# ---------------------------------------------------------------- party groups (党小组)

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = re.compile(r"[0-9０-９]+|[零〇一二两三四五六七八九十百千]+")


def chinese_number(text: str) -> int:
    """The value of Chinese numerals as a group's name writes them: 十一 11, 二十 20, 一百零五
    105, 一二 12 (digit by digit)."""
    if not any(char in _UNITS for char in text):
        return int("".join(str(_DIGITS[char]) for char in text))
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
    return total + (digit or 0)


def group_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sorts party groups naturally: numbers (第二 / 2) by value, the rest by pinyin, so that
    第二党小组 < 第三党小组 < 第十党小组 and 2组 < 10组."""
    parts: list[tuple[int, int | str]] = []
    position = 0
    text = name.strip()
    for match in _NUMERAL.finditer(text):
        if match.start() > position:
            parts.append((1, _plain_pinyin(text[position:match.start()])))
        numeral = match.group()
        parts.append((0, int(numeral) if numeral[0].isdigit() else chinese_number(numeral)))
        position = match.end()
    if position < len(text):
        parts.append((1, _plain_pinyin(text[position:])))
    parts.append((2, text))  # the same reading: the name itself breaks the tie
    return tuple(parts)


def _plain_pinyin(text: str) -> str:
    """The pinyin of ``text`` with each character's customary reading (not a surname's)."""
    table = _table()
    return "".join(table[char][0] if char in table else char.lower() for char in text)

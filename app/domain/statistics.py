"""The annual statistics (党内统计): groupings, reasons of reduction, and the tables' vocabulary.

Sources (DOMAIN.md, 党内统计): the 2012 instructions for the party's statistical reports (reference
date 31 December; a member counts where the formal relation is; 发展, 转正, 出党 count by their
approval date) and the groupings published with the 2023 figures (中央组织部党内统计公报):

- age on the reference date: 30岁及以下, 31–35, 36–40, 41–45, 46–50, 51–55, 56–60,
  61岁及以上;
- 入党时间: 新中国成立前 (before 1949-10-01), 新中国成立后至党的十一届三中全会前 (before
  1978-12-18), 党的十一届三中全会后至党的十八大前 (before 2012-11-08), 党的十八大以来;
- 学历 by the first digit of GB/T 4658: 研究生, 大学本科, 大学专科, 中专, 高中、中技, 初中及以下;
- 职业: codes.occupations() (8 groups);
- reductions: 死亡, 出党 (劝其退党, 劝而不退除名, 自行脱党除名, 退党除名, 开除党籍,
  取消预备党员资格), 停止党籍, 转出.

Groupings change between years, so they are data per report year (``BANDS``: the first year they
apply from); a report uses the newest set not after its year. Not modelled: the tables of other
levels (党组织 counts of a 党委, 基层党组织 by sector) — a branch does not fill them.

Pure: no I/O, no clock. The words are the tables' Chinese headings (data, as in a roster).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

NOT_FILLED = "未填"
"""The column a member counts in when the record lacks what the table groups by."""


@dataclass(frozen=True)
class AgeBand:
    label: str
    low: int  # inclusive
    high: int | None  # inclusive; None: no upper bound


@dataclass(frozen=True)
class JoinedBand:
    label: str
    before: date | None  # admitted before this day; None: the last band


@dataclass(frozen=True)
class Bands:
    ages: tuple[AgeBand, ...]
    joined: tuple[JoinedBand, ...]
    education: tuple[tuple[str, tuple[str, ...]], ...]  # (label, GB/T 4658 code prefixes)


_BANDS_2023 = Bands(
    ages=(
        AgeBand("30岁及以下", 0, 30), AgeBand("31至35岁", 31, 35), AgeBand("36至40岁", 36, 40),
        AgeBand("41至45岁", 41, 45), AgeBand("46至50岁", 46, 50), AgeBand("51至55岁", 51, 55),
        AgeBand("56至60岁", 56, 60), AgeBand("61岁及以上", 61, None),
    ),
    joined=(
        JoinedBand("新中国成立前", date(1949, 10, 1)),
        JoinedBand("新中国成立后至党的十一届三中全会前", date(1978, 12, 18)),
        JoinedBand("党的十一届三中全会后至党的十八大前", date(2012, 11, 8)),
        JoinedBand("党的十八大以来", None),
    ),
    education=(
        ("研究生", ("1",)), ("大学本科", ("2",)), ("大学专科", ("3",)),
        ("中专", ("40", "41", "44")), ("高中、中技", ("47", "6")),
        ("初中及以下", ("7", "8", "9")),
    ),
)

BANDS: Mapping[int, Bands] = MappingProxyType({2023: _BANDS_2023})
"""Groupings by the first report year they apply to."""


def bands_for(year: int, table: Mapping[int, Bands] = BANDS) -> Bands:
    """The groupings of report year ``year``: the newest set from a year not after it (the
    oldest set for a year before all of them)."""
    years = sorted(table)
    chosen = years[0]
    for first in years:
        if first <= year:
            chosen = first
    return table[chosen]


HAN = "01"  # GB/T 3304 汉族


def is_minority(ethnic_group: str) -> bool:
    """少数民族: the 55 groups of GB/T 3304 (02–56); not 汉族, not 97 其他 / 98 外国血统."""
    return len(ethnic_group) == 2 and "02" <= ethnic_group <= "56"


def age_on(birth: date, on: date) -> int:
    """Whole years of age on ``on``."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_band(bands: Bands, birth: date | None, on: date) -> str:
    if birth is None or birth > on:
        return NOT_FILLED
    age = age_on(birth, on)
    for band in bands.ages:
        if age >= band.low and (band.high is None or age <= band.high):
            return band.label
    return NOT_FILLED


def joined_band(bands: Bands, admitted: date | None) -> str:
    if admitted is None:
        return NOT_FILLED
    for band in bands.joined:
        if band.before is None or admitted < band.before:
            return band.label
    return NOT_FILLED


def education_band(bands: Bands, code: str) -> str:
    for label, prefixes in bands.education:
        if code and code.startswith(prefixes):
            return label
    return NOT_FILLED


class Reduction(enum.Enum):
    """Why a member left the branch's count (DOMAIN.md 党内统计, "Reductions")."""

    DEATH = "death"  # 死亡
    PERSUADED = "persuaded"  # 劝其退党
    PERSUADED_STRUCK = "persuaded_struck"  # 劝而不退除名
    LAPSED_STRUCK = "lapsed_struck"  # 自行脱党除名
    WITHDRAWAL_STRUCK = "withdrawal_struck"  # 退党除名
    EXPELLED = "expelled"  # 开除党籍
    PROBATION_CANCELLED = "probation_cancelled"  # 取消预备党员资格
    STOPPED = "stopped"  # 停止党籍
    TRANSFERRED_OUT = "transferred_out"  # 转出


REDUCTION_LABELS: Mapping[Reduction, str] = MappingProxyType({
    Reduction.DEATH: "死亡",
    Reduction.PERSUADED: "劝其退党",
    Reduction.PERSUADED_STRUCK: "劝而不退除名",
    Reduction.LAPSED_STRUCK: "自行脱党除名",
    Reduction.WITHDRAWAL_STRUCK: "退党除名",
    Reduction.EXPELLED: "开除党籍",
    Reduction.PROBATION_CANCELLED: "取消预备党员资格",
    Reduction.STOPPED: "停止党籍",
    Reduction.TRANSFERRED_OUT: "转出",
})
LEAVING_THE_PARTY = (
    Reduction.PERSUADED, Reduction.PERSUADED_STRUCK, Reduction.LAPSED_STRUCK,
    Reduction.WITHDRAWAL_STRUCK, Reduction.EXPELLED, Reduction.PROBATION_CANCELLED,
)
"""The kinds of 出党 (a subtotal of the reductions table)."""

# 除名 and 出党 records say which kind in their reason; these words decide (first match wins).
_STRUCK_WORDS = (
    ("劝而不退", Reduction.PERSUADED_STRUCK), ("自行脱党", Reduction.LAPSED_STRUCK),
    ("脱党", Reduction.LAPSED_STRUCK), ("退党除名", Reduction.WITHDRAWAL_STRUCK),
    ("劝其退党", Reduction.PERSUADED), ("劝退", Reduction.PERSUADED),
    ("取消预备党员资格", Reduction.PROBATION_CANCELLED),
)


def reduction_of(status: str, reason: str, probationary: bool, cancelled: bool) -> Reduction:
    """The reduction a leaving status (``members.MembershipStatus`` value) counts as.

    ``probationary``: the member was a 预备党员 when leaving; ``cancelled``: a vote to cancel the
    probation (取消预备党员资格, 细则第三十三条) passed. 除名 without a stated kind counts as
    自行脱党除名 (the usual case: 党章第九条, 不参加组织生活 six months), 退党 without one as
    退党除名."""
    if status == "deceased":
        return Reduction.DEATH
    if status == "expelled":
        return Reduction.EXPELLED
    if status == "stopped":
        return Reduction.STOPPED
    if status in ("transferred_out", "transfer_pending"):
        return Reduction.TRANSFERRED_OUT
    if probationary and (cancelled or "取消" in reason):
        return Reduction.PROBATION_CANCELLED
    for word, kind in _STRUCK_WORDS:
        if word in reason:
            return kind
    return Reduction.WITHDRAWAL_STRUCK if status == "withdrawn" else Reduction.LAPSED_STRUCK

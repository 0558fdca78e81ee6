"""The year's 谈心谈话 workbook (支部工作条例 第19条): the talks, and the pairs not yet covered.

Takes plain values (``TalkLine``, ``MissingPair``): ``app.services.talks.write_report``
maps the stored records onto them. Fixed wording is Chinese, as every document's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.documents.record_books import Sheet
from app.documents.workbooks import new_workbook

KIND_NAMES = {"heart_to_heart": "谈心", "reminder": "提醒谈话"}
PAIR_NAMES = {"committee": "委员之间", "committee_member": "委员与党员"}


@dataclass(frozen=True)
class TalkLine:
    on_date: date
    kind: str  # domain.talks.TalkKind value
    people: str  # the names, "、"-separated
    topic: str
    record: str
    follow_up: str
    classification: str  # 公开 / 内部 / 秘密


@dataclass(frozen=True)
class MissingPair:
    kind: str  # domain.talks.PairKind value
    first: str
    second: str


@dataclass(frozen=True)
class TalksReport:
    branch: str
    year: int
    talks: Sequence[TalkLine]
    required: int
    missing: Sequence[MissingPair]


def write_workbook(report: TalksReport, path: Path) -> None:
    """Write the workbook to ``path`` atomically (raises OSError)."""
    workbook = new_workbook()
    sheet = Sheet(workbook, "谈心谈话记录", (6, 12, 10, 24, 24, 40, 24, 8))
    sheet.title(f"{report.branch}{report.year}年谈心谈话记录",
                f"共 {len(report.talks)} 次谈话（支部工作条例第十九条：每年谈心谈话一般不少于1次）")
    sheet.header(("序号", "日期", "类型", "谈话人员", "主题", "谈话记录", "需跟进事项", "密级"))
    for number, line in enumerate(report.talks, start=1):
        sheet.row((number, line.on_date, KIND_NAMES.get(line.kind, line.kind), line.people,
                   line.topic, line.record, line.follow_up, line.classification))
    covered = report.required - len(report.missing)
    pairs = Sheet(workbook, "未覆盖", (6, 14, 16, 16))
    pairs.title(f"{report.year}年谈心谈话覆盖情况",
                f"应谈 {report.required} 对（委员之间、委员与党员之间），已谈 {covered} 对，"
                f"尚未谈话 {len(report.missing)} 对")
    pairs.header(("序号", "类别", "支部委员", "谈话对象"))
    for number, pair in enumerate(report.missing, start=1):
        pairs.row((number, PAIR_NAMES.get(pair.kind, pair.kind), pair.first, pair.second))
    workbook.save(path)

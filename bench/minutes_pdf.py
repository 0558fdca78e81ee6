"""Rendering a 3-page minutes PDF (issue 4; goal <= 150 ms).

Measured in this process, as the app renders it: one warm-up first (it reads and registers the
embedded font, reported as the cold first render), then the median of several renders to memory.
"""

from __future__ import annotations

import io
import statistics
import time
from datetime import date, datetime

from app.documents.minutes import (
    Absence,
    Amendment,
    MinutesDocument,
    VoteRecord,
    render_minutes,
)

RUNS = 15
GOAL_MS = 150.0

_PARAGRAPH = (
    "会议认为，支部要认真贯彻落实上级党委关于加强基层党组织建设的部署要求，结合本单位实际，"
    "进一步规范“三会一课”等组织生活制度，提高组织生活质量，发挥党员先锋模范作用。"
)
_NAMES = ("王建国", "李秀英", "赵志强", "孙丽", "周明", "吴芳", "郑伟", "冯晓东", "陈静", "褚卫东")


def three_page_minutes(paragraphs: int = 8) -> MinutesDocument:
    """A 支部党员大会 with a discussion long enough for three A4 pages."""
    return MinutesDocument(
        branch_name="某某公司机关第一党支部",
        meeting_type="支部党员大会",
        title="2025年第一季度支部党员大会",
        topics=("传达学习上级党委文件精神", "讨论接收张三同志为预备党员", "研究部署下季度工作"),
        start=datetime(2025, 3, 12, 14, 30),
        end=datetime(2025, 3, 12, 16, 5),
        place="公司办公楼三楼第二会议室",
        host="王建国",
        recorder="李秀英",
        expected_count=12,
        present_count=10,
        attendees=_NAMES,
        absentees=(Absence("刘洋", "请假：出差"), Absence("欧阳文华", "请假：病假")),
        non_member_attendees=("张三（入党积极分子）",),
        discussion="\n".join(f"{i}. {_PARAGRAPH * 3}" for i in range(1, paragraphs + 1)),
        votes=(VoteRecord("接收张三同志为中共预备党员", 11, 10, 9, 0, 1, True, True),),
        resolutions=("同意接收张三同志为中共预备党员，报上级党委审批。",),
        amendments=(Amendment(date(2025, 3, 20), "李秀英", "更正缺席原因为事假。"),),
        finalized_on=date(2025, 3, 13),
        classification="内部",
    )


def _render(doc: MinutesDocument) -> tuple[float, int]:
    start = time.perf_counter()
    pages = render_minutes(doc, io.BytesIO())
    return (time.perf_counter() - start) * 1000, pages


def main() -> None:
    doc = three_page_minutes()
    cold, pages = _render(doc)
    if pages != 3:
        raise SystemExit(f"minutes_pdf: the sample has {pages} pages, not 3; adjust it")
    median = statistics.median(_render(doc)[0] for _ in range(RUNS))
    ratio = median / GOAL_MS
    print(
        f"minutes_pdf: 3-page minutes {median:.1f} ms (median of {RUNS}; "
        f"cold first render with font registration {cold:.0f} ms)"
    )
    print(
        f"minutes_pdf: ratio {ratio:.2f} of the {GOAL_MS:.0f} ms goal "
        f"{'OK' if ratio <= 1 else 'OVER'}"
    )


if __name__ == "__main__":
    main()

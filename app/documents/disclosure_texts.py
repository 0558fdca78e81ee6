"""The Chinese wording of 党务公开 drafts and notices: the text a draft starts from (the
secretary edits it before 审核), and the words for stored codes on printed notices and reports.

Document vocabulary, always Chinese (``app.documents.vocabulary`` says why): not Qt translations.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from app.documents.pdf import chinese_date
from app.documents.vocabulary import MEETING_TYPE_NAMES
from app.domain import codes
from app.domain.meetings import MeetingType

CATEGORY_NAMES = {
    "development": "发展党员公示",
    "probation": "预备党员转正公示",
    "dues": "党费收缴使用情况",
    "meetings": "组织生活开展情况",
    "appraisal": "民主评议结果",
    "other": "其他",
}
SCOPE_NAMES = {"party": "党内", "public": "党外/社会", "specific": "特定范围"}
STATUS_NAMES = {
    "draft": "拟稿", "reviewed": "已审核", "approved": "已审批", "published": "已公开",
    "withdrawn": "已撤回",
}
CHANNEL_NAMES = {"platform": "平台", "letter": "书面", "in_person": "当面", "phone": "电话"}


def committee(branch: str) -> str:
    """The branch committee's name: 机关第一党支部 → 机关第一党支部委员会."""
    return f"{branch}委员会" if branch.endswith("支部") else f"{branch}支部委员会"


def default_channel(branch: str, secretary: str) -> str:
    who = f"{branch}书记{secretary}同志" if secretary else committee(branch)
    return f"公示期间，如有意见，请以书面、当面或电话形式向{who}反映。"


def candidate_notice(
    branch: str, name: str, gender: str, birth: date | None, education: str, work_unit: str,
    applied: date | None, activist: date | None,
) -> tuple[str, str]:
    """发展对象 公示 (细则第十五条: 党支部 … 听取党小组、培养联系人、党员和群众意见)."""
    facts = [name]
    gender_name = codes.genders().name_of(gender) if gender else None
    if gender_name:
        facts.append(gender_name)
    if birth is not None:
        facts.append(f"{birth.year}年{birth.month}月出生")
    education_name = codes.education_levels().name_of(education) if education else None
    if education_name:
        facts.append(education_name)
    if work_unit:
        facts.append(work_unit)
    history = []
    if applied is not None:
        history.append(f"于{chinese_date(applied)}递交入党申请书")
    if activist is not None:
        history.append(f"{chinese_date(activist)}被确定为入党积极分子")
    lines = [
        f"经{committee(branch)}研究，拟将{name}同志列为发展对象，现将有关情况公示如下：",
        "，".join(facts) + "。" + ("，".join(history) + "。" if history else ""),
    ]
    return f"关于拟将{name}同志列为发展对象的公示", "\n".join(lines)


def probation_notice(branch: str, name: str, admitted: date | None) -> tuple[str, str]:
    """预备党员 转正 公示 (细则第三十一条: 预备期满 … 党支部应当及时讨论其能否转为正式党员)."""
    since = f"于{chinese_date(admitted)}被接收为中共预备党员，" if admitted else ""
    lines = [
        f"{name}同志{since}预备期即将届满。",
        f"经{committee(branch)}研究，拟同意{name}同志按期转为中共正式党员，现予公示。",
    ]
    return f"关于{name}同志预备党员转正的公示", "\n".join(lines)


def dues_notice(
    branch: str, year: int, quarter: int | None, collected: Decimal, remitted: Decimal,
    arrears: int,
) -> tuple[str, str]:
    """党费收缴、使用情况 (党费规定; DOMAIN.md: at least once a year): totals only."""
    period = f"{year}年第{quarter}季度" if quarter else f"{year}年度"
    lines = [
        f"现将{branch}{period}党费收缴、上缴情况公开如下：",
        f"一、本期共收缴党费{collected:.2f}元。",
        f"二、本期向上级党委上缴党费{remitted:.2f}元。",
        f"三、截至期末，连续3个月以上未交纳党费的党员{arrears}名。",
    ]
    return f"{branch}{period}党费收缴使用情况公开", "\n".join(lines)


def appraisal_notice(
    branch: str, year: int, counts: Sequence[int], excellent: Sequence[str]
) -> tuple[str, str]:
    """民主评议党员结果 (DOMAIN.md: 评议 results are disclosed): how many were graded 优秀, 合格,
    基本合格, 不合格 (``counts`` in that order), and the names of those graded 优秀 — a
    commendation; the others are never named."""
    lines = [
        f"现将{branch}{year}年度民主评议党员结果公开如下：",
        f"一、参加评议并评定等次的党员{sum(counts)}名，其中评定为优秀{counts[0]}名、合格"
        f"{counts[1]}名、基本合格{counts[2]}名、不合格{counts[3]}名。",
    ]
    if excellent:
        lines.append(f"二、评定为优秀的党员：{'、'.join(excellent)}。")
    return f"{branch}{year}年度民主评议党员结果公开", "\n".join(lines)


def meetings_notice(
    branch: str, first: date, last: date,
    meetings: Sequence[tuple[date, MeetingType, tuple[str, ...]]],
) -> tuple[str, str]:
    """组织生活开展情况: the meetings of the period, by date and kind, with their 议题."""
    lines = [
        f"现将{branch}{chinese_date(first)}至{chinese_date(last)}组织生活开展情况公开如下："
    ]
    for number, (held_on, kind, topics) in enumerate(meetings, start=1):
        topic = "；".join(topics)
        lines.append(f"{number}. {chinese_date(held_on)}，{MEETING_TYPE_NAMES[kind]}"
                     + (f"，议题：{topic}" if topic else "") + "。")
    lines.append(f"本期共开展组织生活{len(meetings)}次。")
    return f"{branch}组织生活开展情况公开", "\n".join(lines)


def feedback_note(title: str, channel: str, author: str, content: str) -> str:
    """The note a response to a 发展/转正 公示 leaves on the member's timeline."""
    who = author or "匿名"
    return f"《{title}》公示期间收到意见（{CHANNEL_NAMES.get(channel, channel)}，{who}）：{content}"

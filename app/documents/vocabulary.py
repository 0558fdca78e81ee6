"""The Chinese words printed documents use for stored codes: meeting types, classifications,
attendance, the number of a letter of introduction.

These are document vocabulary, like the fixed labels of the forms in ``minutes.py``: documents are
always Chinese (DESIGN.md), are produced on the command line and in background threads, and must
print the same words whatever language the window runs in — so they are constants here, not Qt
translations. The window's own labels (``ui/common/member_texts.py``) are translations of English
source
strings and may be worded for a screen; a printed minutes book uses the formal names below (the
names of 《中国共产党支部工作条例（试行）》).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.domain.meetings import MeetingType
from app.domain.members import Classification

MEETING_TYPE_NAMES: Mapping[MeetingType, str] = MappingProxyType(
    {
        MeetingType.MEMBERS_ASSEMBLY: "支部党员大会",
        MeetingType.COMMITTEE: "支部委员会会议",
        MeetingType.PARTY_GROUP: "党小组会",
        MeetingType.PARTY_LECTURE: "党课",
        MeetingType.THEME_DAY: "主题党日",
        MeetingType.ORGANIZATIONAL_LIFE: "组织生活会",
        MeetingType.DEMOCRATIC_APPRAISAL: "民主评议党员",
        MeetingType.OTHER: "其他会议",
    }
)

CLASSIFICATION_LABELS: Mapping[Classification, str] = MappingProxyType(
    {
        Classification.PUBLIC: "公开",
        Classification.INTERNAL: "内部",
        Classification.SECRET: "秘密",
    }
)

#: The name a meeting prints under (会议名称): "2025年3月支部党员大会".
MEETING_NAME = "{year}年{month}月{type}"

#: How an absence prints in 缺席人员及原因: "请假：出差", "缺席：未说明原因".
ON_LEAVE = "请假"
ABSENT = "缺席"
#: Absent with a written opinion handed in before the meeting (发展党员工作细则 第二十一条).
WRITTEN_OPINION = "书面意见"
ABSENCE_REASON = "{kind}：{reason}"

#: The 编号 of a 组织关系介绍信 as it prints and as the window names it: ``第 0031 号``.
LETTER_NUMBER = "第 {no} 号"


def letter_number(letter_no: str) -> str:
    """``第 0031 号``; a number typed whole (``组转字〔2025〕第12号``) as typed, so that 第 and
    号 do not print twice. Here, not in ``transfer_letter``, so that the window and the command
    line name a letter without loading reportlab."""
    letter_no = letter_no.strip()
    return letter_no if letter_no.endswith("号") else LETTER_NUMBER.format(no=letter_no)

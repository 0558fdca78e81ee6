"""The errors of 考核评价 reach the user as one clear Chinese sentence."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import AssessmentSettingsError, AssessmentSubmittedError
from ui.common.messages import message_for


@pytest.mark.parametrize(("problem", "indicator", "expected"), [
    ("unknown_indicator", "ranking", "没有“ranking”这项指标"),
    ("negative_weight", "study", "指标“学习培训学时达标”的权重为负数"),
    ("share_over_100", "talks", "指标“谈心谈话覆盖”的目标值超过100%"),
    ("empty", "", "未选择任何指标"),
])
def test_a_bad_setting_is_named(problem, indicator, expected):
    text = message_for(AssessmentSettingsError(problem, indicator))
    assert text.startswith("考核指标设置未保存：")
    assert expected in text


def test_a_submitted_report_says_when():
    text = message_for(AssessmentSubmittedError(2026, date(2027, 1, 6)))
    assert text == "2026年度工作情况已于2027-01-06报送，不能再修改。"

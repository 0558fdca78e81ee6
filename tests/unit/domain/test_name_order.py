"""Chinese names in pinyin order and in 姓氏笔画 order (issue 13)."""

from __future__ import annotations

import pytest

from app.domain.name_order import (
    NameOrder,
    chinese_number,
    group_key,
    ordered,
    pinyin_key,
    readings,
    stroke_key,
)


def test_pinyin_order_where_unicode_order_differs():
    names = ["张伟", "陈静", "白雪", "安然"]
    assert sorted(names) == ["安然", "张伟", "白雪", "陈静"]  # Unicode: 张 before 白 and 陈
    assert ordered(names) == ["安然", "白雪", "陈静", "张伟"]


def test_the_complaint_of_the_issue():
    assert ordered(["万军", "于洋", "刘强", "史明"]) == ["刘强", "史明", "万军", "于洋"]


@pytest.mark.parametrize(("name", "surname"), [
    ("曾国藩", "zeng1"), ("单雄信", "shan4"), ("解缙", "xie4"), ("仇英", "qiu2"),
    ("区伟", "ou1"), ("查良镛", "zha1"), ("朴明", "piao2"),
])
def test_a_surname_is_read_as_a_surname(name, surname):
    assert readings(name)[0] == surname


def test_only_the_surname_is_read_as_a_surname():
    assert readings("曾曾") == ["zeng1", "ceng2"]
    assert readings("张单") == ["zhang1", "dan1"]


def test_compound_surnames():
    assert readings("尉迟恭") == ["yu4", "chi2", "gong1"]
    assert readings("欧阳修") == ["ou1", "yang2", "xiu1"]


def test_surnames_in_lists():
    names = ["张伟", "曾强", "单明", "解放", "陈静"]
    assert ordered(names) == ["陈静", "单明", "解放", "曾强", "张伟"]


@pytest.mark.parametrize(("first", "second"), [
    ("安然", "昂扬"),  # an1 < ang1: the syllable ends before its longer neighbour
    ("李明", "林海"),  # li3 < lin2
    ("张", "张伟"),  # a shorter name first
    ("马丽", "马力"),  # the same syllable: by tone (li4 for both: then by character)
    ("吕方", "鲁迅"),  # lv3 after lu3: ü sorts after u
])
def test_syllable_by_syllable(first, second):
    if first == "吕方":
        assert pinyin_key(second) < pinyin_key(first)
    else:
        assert pinyin_key(first) < pinyin_key(second)


def test_stroke_order_for_printed_lists():
    names = ["张伟", "王五", "丁一", "曾国藩", "王", "李明", "白雪"]
    # 丁 2, 王 4, 白 5, 李 7, 张 7, 曾 12; the same surname together, the shorter name first.
    assert ordered(names, NameOrder.STROKES) == ["丁一", "王", "王五", "白雪", "李明", "张伟",
                                                 "曾国藩"]
    assert stroke_key("王五") < stroke_key("白雪")


def test_names_without_readings_still_sort():
    assert ordered(["Zoe", "安然", "𠀾一"])[0] == "安然"


def test_party_groups_sort_naturally() -> None:
    names = ["第三党小组", "第十一党小组", "第一党小组", "第十党小组", "第二党小组", "10组", "2组",
             "机关党小组", "离退休党小组"]
    assert sorted(names, key=group_key) == [
        "2组", "10组", "第一党小组", "第二党小组", "第三党小组", "第十党小组", "第十一党小组",
        "机关党小组", "离退休党小组",
    ]
    assert [chinese_number(n) for n in ("十", "十一", "二十", "一百零五", "两", "一二")] == [
        10, 11, 20, 105, 2, 12]

"""Minutes (会议记录) and sign-in sheet (签到表) PDFs, read back with pdftotext and pdffonts."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from app.documents import fonts, minutes, pdf
from app.documents.fonts import DocumentFont, FontFile, bundled_font, font_candidates, read_font
from app.documents.minutes import (
    Absence,
    Amendment,
    MinutesDocument,
    SignInEntry,
    SignInSheet,
    VoteRecord,
    render_minutes,
    render_sign_in_sheet,
)
from app.errors import FileAccessError, MissingGlyphsError

SCREENSHOTS = Path(__file__).resolve().parents[3] / "screenshots"

PARAGRAPH = (
    "会议认为，支部要认真贯彻落实上级党委关于加强基层党组织建设的部署要求，结合本单位实际，"
    "进一步规范“三会一课”等组织生活制度，提高组织生活质量，发挥党员先锋模范作用。"
)

MINUTES = MinutesDocument(
    branch_name="机关第一党支部",
    meeting_type="支部党员大会",
    title="2025年第一季度支部党员大会",
    topics=("传达学习上级党委文件精神", "讨论接收张三同志为预备党员"),
    start=datetime(2025, 3, 12, 14, 30),
    end=datetime(2025, 3, 12, 16, 5),
    place="办公楼三楼第二会议室",
    host="王建国",
    recorder="李秀英",
    expected_count=7,
    present_count=5,
    attendees=("王建国", "李秀英", "赵志强", "孙丽", "周明"),
    absentees=(Absence("刘洋", "请假：出差"), Absence("欧阳文华", "病假")),
    non_member_attendees=("钱进",),
    discussion="赵志强同志介绍了张三同志的培养考察情况。\n\n　　孙丽同志发言：同意接收。",
    votes=(
        VoteRecord("接收张三入党", 6, 5, 4, 0, 1, True, True),
        VoteRecord("调整党小组设置", 6, 5, 3, 1, 1, True, False),
    ),
    resolutions=("同意接收张三同志为中共预备党员，报上级党委审批。",),
    finalized_on=date(2025, 3, 13),
    classification="内部",
)


def text_of(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def compact(text: str) -> str:
    """The text without any whitespace: layout spacing and line breaks do not matter."""
    return re.sub(r"\s+", "", text)


def pages_of(path: Path) -> list[str]:
    """The compact text of each page (pdftotext ends every page with a form feed)."""
    return [compact(page) for page in text_of(path).split("\f")[:-1]]


def render(doc: MinutesDocument, tmp_path: Path, name: str = "minutes.pdf") -> Path:
    path = tmp_path / name
    render_minutes(doc, path)
    return path


# ---------------------------------------------------------------- minutes
def test_minutes_contain_every_required_item(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    count = render_minutes(MINUTES, path)
    text = compact(text_of(path))
    required = [
        "机关第一党支部会议记录",
        "会议名称", "2025年第一季度支部党员大会",
        "会议类型", "支部党员大会",
        "会议时间", "2025年3月12日（星期三）14:30至16:05",
        "会议地点", "办公楼三楼第二会议室",
        "主持人王建国", "记录人李秀英",
        "应到人数7人", "实到人数5人",
        "出席人员王建国、李秀英、赵志强、孙丽、周明",
        "缺席人员及原因刘洋（请假：出差）、欧阳文华（病假）",
        "列席人员钱进",
        "一、会议议题", "1.传达学习上级党委文件精神", "2.讨论接收张三同志为预备党员",
        "二、讨论记录", "赵志强同志介绍了张三同志的培养考察情况。", "孙丽同志发言：同意接收。",
        "三、表决情况", "接收张三入党", "调整党小组设置",
        "表决事项", "赞成", "反对", "弃权", "法定人数", "表决结果", "已达到", "通过", "未通过",
        "四、会议决议", "1.同意接收张三同志为中共预备党员，报上级党委审批。",
        "本记录于2025年3月13日定稿。",
        "主持人（签字）：", "记录人（签字）：", "日期：",
        f"第1页共{count}页",
        "内部",
    ]  # fmt: skip
    missing = [item for item in required if item not in text]
    assert missing == []
    # Vote rows read in column order: subject, entitled, present, for, against, abstain, ...
    assert "接收张三入党65401已达到通过" in text
    assert "调整党小组设置65311已达到未通过" in text
    assert "草稿" not in text


def test_the_font_is_embedded_and_nothing_else(tmp_path: Path) -> None:
    done = subprocess.run(
        ["pdffonts", str(render(MINUTES, tmp_path))], capture_output=True, check=True, text=True
    )
    rows = done.stdout.splitlines()[2:]
    assert rows, done.stdout
    for row in rows:
        # name type encoding emb sub uni object-id: emb, sub and uni are the 4th-6th from the end
        emb, sub, uni = row.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
    assert all("WenQuanYi" in row or "Sim" in row for row in rows)


def test_a_character_missing_from_the_font_is_named_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    doc = replace(
        MINUTES,
        attendees=(*MINUTES.attendees, "王𠀾"),
        absentees=(Absence("陈𠀾", "请假"),),
    )
    target = tmp_path / "minutes.pdf"
    with pytest.raises(MissingGlyphsError) as raised:
        render_minutes(doc, target)
    assert raised.value.characters == "𠀾"
    assert not target.exists()


@pytest.mark.parametrize(
    "field",
    ["host", "recorder", "place", "discussion", "lecturer", "party_group", "title"],
)
def test_every_text_field_is_checked(tmp_path: Path, field: str) -> None:
    doc = replace(MINUTES, **{field: "𠀾"})
    with pytest.raises(MissingGlyphsError):
        render_minutes(doc, tmp_path / "minutes.pdf")


def test_votes_resolutions_topics_and_amendments_are_checked(tmp_path: Path) -> None:
    for doc in (
        replace(MINUTES, topics=("𠀾",)),
        replace(MINUTES, resolutions=("𠀾",)),
        replace(MINUTES, non_member_attendees=("𠀾",)),
        replace(MINUTES, votes=(VoteRecord("𠀾", 6, 5, 4, 0, 1, True, True),)),
        replace(MINUTES, amendments=(Amendment(date(2025, 4, 1), "𠀾", "更正"),)),
    ):
        with pytest.raises(MissingGlyphsError):
            render_minutes(doc, tmp_path / "minutes.pdf")


def test_long_discussion_spans_pages_each_numbered(tmp_path: Path) -> None:
    discussion = "\n".join(f"{i}. {PARAGRAPH * 3}" for i in range(1, 31))
    doc = replace(MINUTES, discussion=discussion)
    path = tmp_path / "long.pdf"
    count = render_minutes(doc, path)
    pages = pages_of(path)
    assert count == len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{count}页" in page
        assert "内部" in page  # the classification is on every page
    assert "30." in pages[-1] or "30." in pages[-2]
    assert "记录人（签字）" in pages[-1]


def test_a_draft_is_marked_on_every_page(tmp_path: Path) -> None:
    discussion = "\n".join(PARAGRAPH * 3 for _ in range(20))
    path = render(replace(MINUTES, finalized_on=None, discussion=discussion), tmp_path)
    pages = pages_of(path)
    assert len(pages) >= 2
    assert all("草稿（未定稿）" in page for page in pages)
    assert "定稿。" not in "".join(pages)


def test_amendments_print_after_the_original_with_date_and_author(tmp_path: Path) -> None:
    doc = replace(
        MINUTES,
        amendments=(
            Amendment(date(2025, 3, 20), "李秀英", "将欧阳文华的缺席原因更正为“事假”。"),
            Amendment(date(2025, 4, 2), "王建国", "补充：会后已向上级党委报送材料。"),
        ),
    )
    text = compact(text_of(render(doc, tmp_path)))
    original_end = text.index("记录人（签字）")
    first = text.index("更正一2025年3月20日更正人：李秀英")
    second = text.index("更正二2025年4月2日更正人：王建国")
    assert original_end < text.index("更正记录") < first < second
    assert first < text.index("将欧阳文华的缺席原因更正为“事假”。") < second
    assert text.index("补充：会后已向上级党委报送材料。") > second
    assert text.count("更正人（签字）") == 2


def test_markup_characters_in_user_text_print_as_typed(tmp_path: Path) -> None:
    doc = replace(MINUTES, discussion="A<b>&amp;C 一<二 & 三>", place="楼<br/>下")
    text = compact(text_of(render(doc, tmp_path)))
    assert "A<b>&amp;C一<二&三>" in text
    assert "楼<br/>下" in text


def test_optional_items_print_when_given(tmp_path: Path) -> None:
    doc = replace(
        MINUTES,
        meeting_type="党小组会",
        title="",
        lecturer="王建国",
        party_group="第一党小组",
        votes=(),
        resolutions=(),
        non_member_attendees=(),
        absentees=(),
        end=datetime(2025, 3, 13, 9, 0),
    )
    text = compact(text_of(render(doc, tmp_path)))
    assert "会议名称党小组会" in text  # no name: the type prints
    assert "党小组第一党小组" in text
    assert "授课人王建国" in text
    assert "14:30至2025年3月13日9:00" in text
    assert "缺席人员及原因无" in text
    assert "列席人员无" in text
    assert "本次会议未进行表决。" in text


def test_renders_to_a_stream_and_returns_the_page_count() -> None:
    stream = io.BytesIO()
    count = render_minutes(MINUTES, stream)
    assert count == render_minutes(MINUTES, io.BytesIO()) == 2  # signatures start page 2
    assert stream.getvalue().startswith(b"%PDF-")


def test_an_unwritable_target_is_a_file_access_error(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError) as raised:
        render_minutes(MINUTES, tmp_path)  # a folder
    assert raised.value.reason in ("is_a_directory", "permission_denied")


def test_a_page_renders_as_an_image_to_look_at(tmp_path: Path) -> None:
    """Leaves screenshots/minutes-page-*.png (git-ignored) for a person to look at."""
    doc = replace(
        MINUTES,
        discussion="\n".join(f"{i}. {PARAGRAPH * 2}" for i in range(1, 16)),
        amendments=(Amendment(date(2025, 3, 20), "李秀英", "将欧阳文华的缺席原因更正为事假。"),),
    )
    path = render(doc, tmp_path)
    SCREENSHOTS.mkdir(exist_ok=True)
    prefix = SCREENSHOTS / "minutes-page"
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(path), str(prefix)], check=True)
    images = sorted(SCREENSHOTS.glob("minutes-page-*.png"))
    assert images
    assert all(image.stat().st_size > 10_000 for image in images)


# ---------------------------------------------------------------- sign-in sheet
SHEET = SignInSheet(
    branch_name="机关第一党支部",
    meeting_name="2025年第一季度支部党员大会",
    start=datetime(2025, 3, 12, 14, 30),
    end=None,
    place="办公楼三楼第二会议室",
    expected=(
        SignInEntry("王建国", "第一党小组"),
        SignInEntry("李秀英", "第二党小组", "预备党员"),
        SignInEntry("欧阳文华"),
    ),
    non_member_attendees=("钱进",),
    classification="内部",
)


def test_sign_in_sheet_lists_the_expected_attendees(tmp_path: Path) -> None:
    path = tmp_path / "sign-in.pdf"
    assert render_sign_in_sheet(SHEET, path) == 1
    text = compact(text_of(path))
    for item in (
        "机关第一党支部会议签到表",
        "会议名称2025年第一季度支部党员大会",
        "会议时间2025年3月12日（星期三）14:30",
        "会议地点办公楼三楼第二会议室",
        "应到人数3人",
        "实到人数",
        "序号姓名党小组签到备注",
        "1王建国第一党小组",
        "2李秀英第二党小组预备党员",
        "3欧阳文华",
        "列席人员签到",
        "1钱进",
        "第1页共1页",
        "内部",
    ):
        assert item in text, item
    SCREENSHOTS.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", str(path), str(SCREENSHOTS / "sign-in")], check=True
    )


def test_sign_in_sheet_without_party_groups_has_no_group_column(tmp_path: Path) -> None:
    sheet = replace(SHEET, expected=(SignInEntry("王建国"), SignInEntry("李秀英")))
    path = tmp_path / "sign-in.pdf"
    render_sign_in_sheet(sheet, path)
    text = compact(text_of(path))
    assert "序号姓名签到备注" in text
    assert "党小组" not in text


def test_a_long_sign_in_sheet_repeats_its_header_and_numbers_pages(tmp_path: Path) -> None:
    names = tuple(SignInEntry(f"党员{n:03d}") for n in range(1, 61))
    path = tmp_path / "sign-in.pdf"
    count = render_sign_in_sheet(replace(SHEET, expected=names), path)
    pages = pages_of(path)
    assert count == len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{count}页" in page
    assert all("序号姓名签到备注" in page for page in pages[:-1])
    assert "60党员060" in "".join(pages)


def test_sign_in_sheet_checks_glyphs(tmp_path: Path) -> None:
    with pytest.raises(MissingGlyphsError) as raised:
        render_sign_in_sheet(replace(SHEET, expected=(SignInEntry("刘𠀾"),)), tmp_path / "s.pdf")
    assert raised.value.characters == "𠀾"


# ---------------------------------------------------------------- the font
@pytest.fixture(scope="module")
def bundled() -> DocumentFont:
    face = read_font(bundled_font())
    return DocumentFont("test", bundled_font(), frozenset(face.face.charToGlyph))


def test_rare_name_characters_are_missing_from_the_bundled_font(bundled: DocumentFont) -> None:
    # 䶮 (U+4DAE, CJK extension A) and 𠀾 (U+2003E, extension B); whitespace is never missing.
    assert bundled.missing(["刘䶮 𠀾", "𠀾\n\t王　二", "䶮"]) == ["䶮", "𠀾"]
    assert bundled.missing("王建国（请假：出差）、“三会一课”") == []


def test_missing_characters_uses_the_document_font() -> None:
    assert fonts.missing_characters(["张三", "𠀾"]) == ["𠀾"]
    assert fonts.missing_characters("") == []


def test_every_fixed_label_prints_in_the_bundled_font(bundled: DocumentFont) -> None:
    labels = [
        value
        for module in (minutes, pdf)
        for value in vars(module).values()
        if isinstance(value, str | tuple)
    ]
    texts = [t for v in labels for t in (v if isinstance(v, tuple) else (v,)) if isinstance(t, str)]
    assert any("会议记录" in t for t in texts)
    assert bundled.missing(texts) == []


def test_windows_prefers_system_songti_then_fangsong(tmp_path: Path) -> None:
    fonts_dir = tmp_path / "Fonts"
    fonts_dir.mkdir()
    (fonts_dir / "simfang.ttf").write_bytes(b"")
    assert font_candidates("win32", str(tmp_path)) == [
        FontFile(fonts_dir / "simfang.ttf"),
        bundled_font(),
    ]
    (fonts_dir / "simsun.ttc").write_bytes(b"")
    assert font_candidates("win32", str(tmp_path))[0] == FontFile(fonts_dir / "simsun.ttc", 0)
    assert font_candidates("linux", str(tmp_path)) == [bundled_font()]


def test_an_unreadable_system_font_falls_back_to_the_bundled_one(tmp_path: Path) -> None:
    broken = tmp_path / "simsun.ttc"
    broken.write_bytes(b"not a font")
    loaded = fonts._load([FontFile(broken), bundled_font()])
    assert loaded.file == bundled_font()
    assert ord("党") in loaded.codepoints


def test_chinese_numerals_and_times() -> None:
    assert [pdf.chinese_numeral(n) for n in (1, 4, 10, 12, 20, 21, 99)] == [
        "一", "四", "十", "十二", "二十", "二十一", "九十九",
    ]  # fmt: skip
    assert pdf.meeting_time(datetime(2025, 3, 12, 9, 5), None) == "2025年3月12日（星期三）9:05"

"""Printed meeting minutes (会议记录) and sign-in sheets (签到表): pure producers of PDF files.

The caller (the meetings service) fills the frozen input dataclasses below with finished Chinese
text — type names already worded, vote results already computed — and these functions only lay
them out. Before anything is written every character is checked against the embedded font: a
character it cannot print raises ``MissingGlyphsError`` naming it, instead of printing a blank.

The minutes follow DOMAIN.md ("Organizational life"): meeting name and type, date and time, place,
主持人, 记录人, 应到/实到, attendees, 缺席人员及原因, 列席人员, 议题, discussion record, 表决
results, 决议, signature lines for 主持人 and 记录人; amendments print after the original with
their own date and author; every page says 第 N 页 共 M 页.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.documents.pdf import (
    DRAFT_MARK,
    FRAME_WIDTH,
    PageMarks,
    Target,
    build,
    check_glyphs,
    chinese_date,
    chinese_numeral,
    markup,
    meeting_time,
    para,
    paragraphs_of,
    styles,
)

# ---------------------------------------------------------------- fixed wording of the forms
# Part of the printed form, not UI text: documents are always Chinese (DESIGN.md), so these are
# Chinese constants here rather than Qt translations.
MINUTES_TITLE = "{branch}会议记录"
SIGN_IN_TITLE = "{branch}会议签到表"
L_MEETING_NAME = "会议名称"
L_MEETING_TYPE = "会议类型"
L_PARTY_GROUP = "党小组"
L_TIME = "会议时间"
L_PLACE = "会议地点"
L_HOST = "主持人"
L_RECORDER = "记录人"
L_LECTURER = "授课人"
L_EXPECTED = "应到人数"
L_PRESENT = "实到人数"
L_ATTENDEES = "出席人员"
L_ABSENTEES = "缺席人员及原因"
L_NON_MEMBERS = "列席人员"
L_WRITTEN = "书面意见"  # 发展党员工作细则 第二十一条: absent, opinion handed in before the meeting
PERSONS = "{n} 人"
NONE = "无"
H_TOPICS = "会议议题"
H_DISCUSSION = "讨论记录"
H_VOTES = "表决情况"
H_RESOLUTIONS = "会议决议"
NO_DISCUSSION = "（无记录）"
NO_VOTES = "本次会议未进行表决。"
VOTE_HEADER = (
    "表决事项",
    "有表决权人数",
    "到会有表决权人数",
    "赞成",
    "反对",
    "弃权",
    "法定人数",
    "表决结果",
)
QUORUM_YES = "已达到"
QUORUM_NO = "未达到"
PASSED = "通过"
NOT_PASSED = "未通过"
VOTE_NOTE = (
    "注：到会有表决权的党员超过有表决权党员的半数，会议有效；"
    "赞成票超过有表决权党员的半数（不是到会人数的半数），决议通过。"
)
VOTE_NOTE_WRITTEN = (
    "因故不能到会的有表决权的正式党员，在会前正式提出书面意见的，统计在票数内，不计入到会人数。"
)
WRITTEN_IN_VOTE = "“{subject}”的赞成、反对、弃权票中含书面意见 {n} 份。"
VOTE_ABOUT = "（表决事项：{decision}；对象：{person}）"
DECISION_WORDS = {
    "admission": "接收为预备党员",
    "full_membership": "预备党员转为正式党员",
    "probation_extension": "延长预备期",
    "probation_cancellation": "取消预备党员资格",
}
WRITTEN_PERSONS = "{names}（共 {n} 人，书面意见计入票数）"
SIGN_HOST = "主持人（签字）："
SIGN_RECORDER = "记录人（签字）："
SIGN_AMENDER = "更正人（签字）："
SIGN_DATE = ("日期：", "年", "月", "日")
FINALIZED = "本记录于{date}定稿。"
H_AMENDMENTS = "更正记录"
AMENDMENT_HEAD = "更正{number}　{date}　更正人：{author}"
L_SERIAL = "序号"
L_NAME = "姓名"
L_SIGNATURE = "签到"
L_NOTE = "备注"
L_AFFILIATION = "单位或职务"
H_NON_MEMBER_SIGN_IN = "列席人员签到"


# ---------------------------------------------------------------- input
@dataclass(frozen=True, slots=True)
class Absence:
    """A member who did not attend, with the reason as it should print (e.g. "请假：出差")."""

    name: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class VoteRecord:
    """One vote as computed and stored by the caller (``app.domain.meetings.VoteResult``)."""

    subject: str
    entitled: int
    present: int
    in_favour: int
    against: int
    abstain: int
    quorum_met: bool
    passed: bool
    written: int = 0  # written opinions of those absent, counted in the votes (细则第二十一条)
    # A vote deciding about a person (细则第二十二、三十三条): what it decides, already worded
    # (e.g. "接收为预备党员"), and whom; printed under the subject, whatever the subject says.
    decision: str = ""
    person: str = ""


@dataclass(frozen=True, slots=True)
class Amendment:
    """A correction to finalized minutes; prints after the original."""

    date: date
    author: str
    text: str


@dataclass(frozen=True, slots=True)
class MinutesDocument:
    """Everything printed in a 会议记录, in Chinese as it should print."""

    branch_name: str  # e.g. "某某公司机关第一党支部"; the title is "{branch_name}会议记录"
    meeting_type: str  # worded by the caller, e.g. "支部委员会会议"
    title: str  # the meeting's name; "" prints the type instead
    topics: tuple[str, ...]  # 议题
    start: datetime
    end: datetime | None
    place: str
    host: str  # 主持人
    recorder: str  # 记录人
    expected_count: int  # 应到
    present_count: int  # 实到
    attendees: tuple[str, ...]  # names of those present
    absentees: tuple[Absence, ...] = ()  # 缺席人员及原因
    written_opinions: tuple[str, ...] = ()  # names of those absent with a written opinion
    non_member_attendees: tuple[str, ...] = ()  # 列席人员
    discussion: str = ""  # long text; one paragraph per line
    votes: tuple[VoteRecord, ...] = ()
    resolutions: tuple[str, ...] = ()  # 决议
    lecturer: str | None = None  # 授课人, for a 党课
    party_group: str | None = None  # for a 党小组会
    amendments: tuple[Amendment, ...] = ()
    finalized_on: date | None = None  # None: a draft, marked as such on every page
    classification: str | None = None  # e.g. "内部"; printed at the top of every page


@dataclass(frozen=True, slots=True)
class SignInEntry:
    """One expected attendee on a sign-in sheet."""

    name: str
    party_group: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class SignInSheet:
    """A 签到表 to print before the meeting."""

    branch_name: str
    meeting_name: str  # e.g. "2025年第一季度支部党员大会"
    start: datetime
    end: datetime | None
    place: str
    expected: tuple[SignInEntry, ...]
    non_member_attendees: tuple[str, ...] = ()  # invited 列席人员, printed with blank signatures
    blank_non_member_rows: int = 3  # extra empty rows for 列席人员 not known in advance
    classification: str | None = None


# ---------------------------------------------------------------- minutes
def minutes_texts(doc: MinutesDocument) -> Iterator[str]:
    """Every piece of caller text that prints (for the glyph check)."""
    yield from (doc.branch_name, doc.meeting_type, doc.title, doc.place, doc.host, doc.recorder)
    yield from (doc.discussion, doc.lecturer or "", doc.party_group or "", doc.classification or "")
    yield from doc.topics
    yield from doc.attendees
    yield from doc.non_member_attendees
    yield from doc.written_opinions
    yield from doc.resolutions
    for absence in doc.absentees:
        yield from (absence.name, absence.reason)
    for vote in doc.votes:
        yield _vote_subject(vote)
    for amendment in doc.amendments:
        yield from (amendment.author, amendment.text)


def render_minutes(doc: MinutesDocument, target: Target) -> int:
    """Write the minutes as a PDF to ``target`` (a path or a binary stream); returns the page
    count. Raises ``MissingGlyphsError`` (nothing written) when the font lacks a character, and
    ``FileAccessError`` when the path cannot be written."""
    check_glyphs(minutes_texts(doc))
    title = MINUTES_TITLE.format(branch=doc.branch_name)
    story: list[Flowable] = [para(title, styles().title)]
    story.append(_header_table(doc))
    story += _numbered_section(1, H_TOPICS, doc.topics)
    story += _discussion(2, doc.discussion)
    story += _votes(3, doc.votes)
    # The signatures never stand alone on a page: the 决议 section goes with them.
    resolutions = _numbered_section(4, H_RESOLUTIONS, doc.resolutions)
    story.append(KeepTogether([*resolutions, *_signatures(doc.finalized_on)]))
    if doc.amendments:
        story += _amendments(doc.amendments)
    marks = PageMarks(
        top_left="" if doc.finalized_on else DRAFT_MARK, top_right=doc.classification or ""
    )
    return build(story, target, title=title, marks=marks)


def _FONT() -> tuple[object, ...]:
    """Table cells holding plain strings (the blanks to write in) use the document font too, so
    no other font ends up in the PDF."""
    return ("FONTNAME", (0, 0), (-1, -1), styles().cell.fontName)


def _label(text: str) -> Paragraph:
    return Paragraph(text, styles().label)


def _cell(text: str) -> Paragraph:
    return para(text, styles().cell)


def _names(names: tuple[str, ...]) -> str:
    return "、".join(names) if names else NONE


def _header_table(doc: MinutesDocument) -> Table:
    rows: list[list[Flowable | str]] = []
    spans: list[int] = []  # rows whose value spans the three right-hand columns

    def wide(label: str, value: str) -> None:
        spans.append(len(rows))
        rows.append([_label(label), _cell(value), "", ""])

    def pair(label1: str, value1: str, label2: str, value2: str) -> None:
        rows.append([_label(label1), _cell(value1), _label(label2), _cell(value2)])

    wide(L_MEETING_NAME, doc.title or doc.meeting_type)
    if doc.party_group:
        pair(L_MEETING_TYPE, doc.meeting_type, L_PARTY_GROUP, doc.party_group)
    else:
        wide(L_MEETING_TYPE, doc.meeting_type)
    wide(L_TIME, meeting_time(doc.start, doc.end))
    wide(L_PLACE, doc.place)
    pair(L_HOST, doc.host, L_RECORDER, doc.recorder)
    if doc.lecturer:
        wide(L_LECTURER, doc.lecturer)
    pair(
        L_EXPECTED,
        PERSONS.format(n=doc.expected_count),
        L_PRESENT,
        PERSONS.format(n=doc.present_count),
    )
    wide(L_ATTENDEES, _names(doc.attendees))
    absentees = tuple(f"{a.name}（{a.reason}）" if a.reason else a.name for a in doc.absentees)
    wide(L_ABSENTEES, _names(absentees))
    if doc.written_opinions:
        names = _names(doc.written_opinions)
        wide(L_WRITTEN, WRITTEN_PERSONS.format(names=names, n=len(doc.written_opinions)))
    wide(L_NON_MEMBERS, _names(doc.non_member_attendees))
    return _grid(rows, spans)


def _grid(rows: list[list[Flowable | str]], spans: list[int]) -> Table:
    label = 33 * mm
    value = (FRAME_WIDTH - 2 * label) / 2
    table = Table(rows, colWidths=[label, value, label, value], splitInRow=1)
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.75, "black"),
        ("BOX", (0, 0), (-1, -1), 1.25, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    commands += [("SPAN", (1, row), (3, row)) for row in spans]
    table.setStyle(TableStyle([_FONT(), *commands]))
    return table


def _heading(number: int, text: str) -> Paragraph:
    return Paragraph(f"{chinese_numeral(number)}、{text}", styles().heading)


def _numbered_section(number: int, heading: str, items: tuple[str, ...]) -> list[Flowable]:
    body = styles().body
    if not items:
        return [_heading(number, heading), Paragraph(NONE, body)]
    flowables: list[Flowable] = [_heading(number, heading)]
    for index, item in enumerate(items, start=1):
        flowables.append(Paragraph(f"{index}. {markup(item)}", body, bulletText=None))
    return flowables


def _discussion(number: int, text: str) -> list[Flowable]:
    paragraphs = paragraphs_of(text)
    if not paragraphs:
        return [_heading(number, H_DISCUSSION), Paragraph(NO_DISCUSSION, styles().body)]
    indented = styles().indented
    return [_heading(number, H_DISCUSSION), *(para(p, indented) for p in paragraphs)]


def _vote_subject(vote: VoteRecord) -> str:
    if not vote.person:
        return vote.subject
    about = VOTE_ABOUT.format(decision=vote.decision, person=vote.person)
    return f"{vote.subject}\n{about}"


def _votes(number: int, votes: tuple[VoteRecord, ...]) -> list[Flowable]:
    if not votes:
        return [_heading(number, H_VOTES), Paragraph(NO_VOTES, styles().body)]
    small = styles().small_center
    rows: list[list[Flowable]] = [[Paragraph(text, small) for text in VOTE_HEADER]]
    for vote in votes:
        counts = (vote.entitled, vote.present, vote.in_favour, vote.against, vote.abstain)
        rows.append(
            [
                para(_vote_subject(vote), styles().cell),
                *(Paragraph(str(count), small) for count in counts),
                Paragraph(QUORUM_YES if vote.quorum_met else QUORUM_NO, small),
                Paragraph(PASSED if vote.passed else NOT_PASSED, small),
            ]
        )
    numbers = 15 * mm
    widths = [0.0, 20 * mm, 20 * mm, numbers, numbers, numbers, 18 * mm, 18 * mm]
    widths[0] = FRAME_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                _FONT(),
                ("GRID", (0, 0), (-1, -1), 0.75, "black"),
                ("BOX", (0, 0), (-1, -1), 1.25, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    written = [
        para(WRITTEN_IN_VOTE.format(subject=vote.subject, n=vote.written), styles().note)
        for vote in votes
        if vote.written
    ]
    notes = [VOTE_NOTE, VOTE_NOTE_WRITTEN] if written else [VOTE_NOTE]
    return [
        _heading(number, H_VOTES),
        table,
        Spacer(0, 1.5 * mm),
        *written,
        *(Paragraph(note, styles().note) for note in notes),
    ]


def _signature_line(label: str) -> Table:
    """``主持人（签字）：______  日期：____年__月__日`` with ruled blanks to write on."""
    cell = styles().body
    day, year, month, end = SIGN_DATE
    row = [
        Paragraph(label, cell),
        "",
        Paragraph(day, cell),
        "",
        Paragraph(year, cell),
        "",
        Paragraph(month, cell),
        "",
        Paragraph(end, cell),
    ]
    widths = [36 * mm, 42 * mm, 22 * mm, 16 * mm, 7 * mm, 10 * mm, 7 * mm, 10 * mm, 7 * mm]
    table = Table([row], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                _FONT(),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (2, 0), (2, 0), 8 * mm),
                *(("LINEBELOW", (col, 0), (col, 0), 0.75, "black") for col in (1, 3, 5, 7)),
            ]
        )
    )
    return table


def _signatures(finalized_on: date | None) -> list[Flowable]:
    flowables: list[Flowable] = [Spacer(0, 8 * mm)]
    if finalized_on is not None:
        flowables.append(
            Paragraph(FINALIZED.format(date=chinese_date(finalized_on)), styles().body)
        )
        flowables.append(Spacer(0, 4 * mm))
    flowables += [
        _signature_line(SIGN_HOST),
        Spacer(0, 8 * mm),
        _signature_line(SIGN_RECORDER),
    ]
    return flowables


def _amendments(amendments: tuple[Amendment, ...]) -> list[Flowable]:
    st = styles()
    flowables: list[Flowable] = [
        Spacer(0, 4 * mm),
        HRFlowable(width="100%", thickness=0.75, color="black", spaceAfter=1 * mm),
        Paragraph(H_AMENDMENTS, st.heading),
    ]
    for number, amendment in enumerate(amendments, start=1):
        head = AMENDMENT_HEAD.format(
            number=chinese_numeral(number),
            date=chinese_date(amendment.date),
            author=amendment.author,
        )
        block: list[Flowable] = [para(head, st.body), Spacer(0, 1 * mm)]
        body = paragraphs_of(amendment.text)
        block += [para(p, st.indented) for p in body[:1]]
        flowables.append(KeepTogether(block))  # never a heading alone at the foot of a page
        flowables += [para(p, st.indented) for p in body[1:]]
        flowables += [Spacer(0, 4 * mm), KeepTogether([_signature_line(SIGN_AMENDER)])]
        flowables.append(Spacer(0, 4 * mm))
    return flowables


# ---------------------------------------------------------------- sign-in sheet
def sign_in_texts(sheet: SignInSheet) -> Iterator[str]:
    yield from (sheet.branch_name, sheet.meeting_name, sheet.place, sheet.classification or "")
    for entry in sheet.expected:
        yield from (entry.name, entry.party_group or "", entry.note)
    yield from sheet.non_member_attendees


def render_sign_in_sheet(sheet: SignInSheet, target: Target) -> int:
    """Write the 签到表 as a PDF to ``target``; returns the page count. Raises
    ``MissingGlyphsError`` (nothing written) when the font lacks a character."""
    check_glyphs(sign_in_texts(sheet))
    st = styles()
    title = SIGN_IN_TITLE.format(branch=sheet.branch_name)
    story: list[Flowable] = [para(title, st.title)]
    info = [
        [_label(L_MEETING_NAME), _cell(sheet.meeting_name), "", ""],
        [_label(L_TIME), _cell(meeting_time(sheet.start, sheet.end)), "", ""],
        [_label(L_PLACE), _cell(sheet.place), "", ""],
        [
            _label(L_EXPECTED),
            _cell(PERSONS.format(n=len(sheet.expected))),
            _label(L_PRESENT),
            _cell(PERSONS.format(n="＿＿＿＿")),
        ],
    ]
    story.append(_grid(list(info), spans=[0, 1, 2]))
    story.append(Spacer(0, 6 * mm))

    with_groups = any(entry.party_group for entry in sheet.expected)
    header = [L_SERIAL, L_NAME, *([L_PARTY_GROUP] if with_groups else []), L_SIGNATURE, L_NOTE]
    rows: list[list[Flowable | str]] = [[_label(text) for text in header]]
    for serial, entry in enumerate(sheet.expected, start=1):
        row: list[Flowable | str] = [_label(str(serial)), _cell(entry.name)]
        if with_groups:
            row.append(_cell(entry.party_group or ""))
        row += ["", _cell(entry.note)]
        rows.append(row)
    if with_groups:
        widths = [14 * mm, 30 * mm, 36 * mm, 0.0, 34 * mm]
    else:
        widths = [14 * mm, 36 * mm, 0.0, 44 * mm]
    widths[-2] = FRAME_WIDTH - sum(widths)
    story.append(_sign_in_table(rows, widths))

    story.append(Paragraph(H_NON_MEMBER_SIGN_IN, st.heading))
    guests = [*sheet.non_member_attendees, *([""] * max(sheet.blank_non_member_rows, 0))]
    rows = [[_label(text) for text in (L_SERIAL, L_NAME, L_AFFILIATION, L_SIGNATURE, L_NOTE)]]
    for serial, name in enumerate(guests, start=1):
        rows.append([_label(str(serial)), _cell(name), "", "", ""])
    widths = [14 * mm, 30 * mm, 46 * mm, 0.0, 30 * mm]
    widths[3] = FRAME_WIDTH - sum(widths)
    story.append(_sign_in_table(rows, widths))
    marks = PageMarks(top_right=sheet.classification or "")
    return build(story, target, title=title, marks=marks)


def _sign_in_table(rows: list[list[Flowable | str]], widths: list[float]) -> Table:
    heights = [None] + [11 * mm] * (len(rows) - 1)  # room to sign by hand
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                _FONT(),
                ("GRID", (0, 0), (-1, -1), 0.75, "black"),
                ("BOX", (0, 0), (-1, -1), 1.25, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
            ]
        )
    )
    return table

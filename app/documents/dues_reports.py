"""Party dues reports (党费报表) as xlsx workbooks that open cleanly in WPS and Excel.

Four sheets, each with a merged title row, a note row (branch, period, date made), a frozen
header, column widths and print setup (landscape, fit to width, header repeated on every page):

- the monthly collection sheet (党费收缴登记表): one row per member for a month, with a totals row;
- the annual ledger (年度党费台账): one row per member, due and paid for each of the 12 months, the
  member's totals, and a totals row per month (written in write-only mode: 10,000 members);
- the arrears list (欠缴党费人员名单, 第十三条): consecutive unpaid months, from-to, warning words;
- the remittance record (党费上缴记录): each remittance, collections per month and the
  reconciliation of collections against remittances.

Numbers are stored as numbers. Money is written as the ``Decimal`` itself: openpyxl serializes it
with ``"%.16g"``, which reproduces any amount of at most 16 significant digits exactly (every
amount below 10^14 yuan), so the file holds the same fen the ledger does; the cell's number format
``#,##0.00`` shows the two decimals. No float arithmetic happens here: totals are ``Decimal`` sums.
Dates are dates (``yyyy-mm-dd``); a month is the date of its first day shown as ``yyyy年m月``.

Pure: no Qt, no services, no database. The Chinese words of the documents are content, kept as
constants below; the caller passes names and amounts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.documents.roster import CATEGORY_WORDS, column_letter
from app.domain.calendar import Month
from app.domain.dues import ArrearsLevel, DuesRule, PersonCategory, Reconciliation
from app.domain.money import ZERO

# ---------------------------------------------------------------- the documents' words
COLLECTION_SHEET = "党费收缴登记表"
COLLECTION_TITLE = "{branch}党费收缴登记表"
COLLECTION_NOTE = "党支部：{branch}　　所属月份：{period}　　制表日期：{day}"
COLLECTION_HEADERS = (
    "序号", "姓名", "人员类别", "基数", "比例/标准", "应交", "实交", "未交", "交纳日期", "备注",
)
COLLECTION_WIDTHS = (6, 10, 12, 12, 10, 11, 11, 11, 12, 28)

LEDGER_SHEET = "年度党费台账"
LEDGER_TITLE = "{branch}{year}年度党费收缴台账"
LEDGER_NOTE = "党支部：{branch}　　年度：{year}年　　制表日期：{day}　　单位：元"
LEDGER_LEAD_HEADERS = ("序号", "姓名", "人员类别")
LEDGER_MONTH_HEADER = "{month}月"
LEDGER_PAIR_HEADERS = ("应交", "实交")
LEDGER_TOTAL_HEADERS = ("全年应交", "全年实交", "未交合计")

ARREARS_SHEET = "欠缴党费名单"
ARREARS_TITLE = "{branch}欠缴党费人员名单"
ARREARS_NOTE = "党支部：{branch}　　统计截至：{as_of}　　制表日期：{day}"
ARREARS_HEADERS = (
    "序号", "姓名", "人员类别", "连续未交月数", "起始月份", "截止月份", "未交月数合计", "未交金额",
    "提示",
)
ARREARS_WIDTHS = (6, 10, 12, 12, 12, 12, 12, 12, 48)
ARREARS_NONE = "无连续3个月以上未交党费的党员。"

REMITTANCE_SHEET = "党费上缴记录"
REMITTANCE_TITLE = "{branch}{year}年度党费上缴记录"
REMITTANCE_NOTE = "党支部：{branch}　　年度：{year}年　　制表日期：{day}　　单位：元"
REMITTANCE_HEADERS = ("序号", "上缴日期", "所属期间", "上缴金额", "上缴中央", "备注")
REMITTANCE_WIDTHS = (6, 12, 26, 14, 10, 36)
REMITTANCE_PERIOD = "{first}—{last}"
REMITTANCE_CENTRE_NOTE = "第十一条：一次性自愿多交1000元以上，全额上缴中央"
MONTHLY_COLLECTION_HEADERS = ("月份", "收缴金额")
RECONCILIATION_HEADING = "收缴与上缴核对（{first}—{last}）"
RECONCILIATION_ROWS = ("收缴合计", "其中：一次性1000元以上自愿多交（应上缴中央）", "上缴合计",
                       "差额（收缴−上缴）")
RECONCILED = "相符"
NOT_YET_REMITTED = "尚有{amount}元未上缴"
OVER_REMITTED = "上缴多于收缴{amount}元，请核查"
NOT_RECONCILED = "有上缴期间跨年度，本表不作核对，请按上缴期间核对。"
CONCLUSION = "核对结果"
MONTHLY_COLLECTION_NOTE = (
    "按交纳日期统计本年实际收到的全部款项（含自愿多交、预交和补交往年的党费），"
    "与年度台账按所属月份统计的“实交”口径不同，差额见下表。"
)
BRIDGE_HEADING = "年度台账‘全年实交’与本表‘收缴合计’核对"
BRIDGE_ROWS = (
    ("年度台账全年实交（记入本年各月的党费）", 1),
    ("减：往年收到、记入本年各月的党费（往年预交）", -1),
    ("减：次年收到、记入本年各月的党费（次年补交）", -1),
    ("加：本年收到、记入往年各月的党费（补交）", 1),
    ("加：本年收到、记入以后年度各月的党费（预交）", 1),
    ("加：本年收到的自愿多交党费（第十一条）", 1),
    ("加：本年收到、待以后月份生成应交后冲抵的预交党费", 1),
    ("加：本年收到、超出所交月份应交金额的款项（待核查）", 1),
)
BRIDGE_TOTAL = "等于：收缴合计（按交纳日期）"
BRIDGE_CHECK = "相符"
LEDGER_NOTE_BELOW = (
    "注：“实交”为记入各月的党费（不论何时交纳），不含自愿多交、尚未冲抵的预交和超出应交的款项；"
    "未交合计＝全年应交－全年实交。与“党费上缴记录”中按交纳日期统计的收缴合计的差额，"
    "见该表“年度台账‘全年实交’与本表‘收缴合计’核对”。"
)
ARREARS_NOTE_BELOW = (
    "注：本表只列连续3个月以上未交党费的党员，未交金额统计至{as_of}；"
    "全体党员的未交金额见年度台账“未交合计”。经批准免交（第七条）的月份属于正当理由，"
    "连续未交月数到此中断；未经批准、应交金额为0.00元的月份不算未交，也不中断连续计算；"
    "经党支部同意按季交纳的党员（第十二条）按整季度计算。"
)
# How a member's run of unpaid months counted (第七条, 第十二条, 第十三条), after the advice.
ARREARS_BY_QUARTER = "按季交纳，按季度计算"
ARREARS_BRIDGED = "{months}应交0.00元，不中断连续计算"
ARREARS_EXEMPT = "{months}经批准免交，连续计算中断"

TOTAL = "合计"
YES, NO = "是", "否"
MONTH_TEXT = "{year}年{month}月"
DAY_TEXT = "{year}年{month}月{day}日"
SIGNATURES = "收缴人：　　　　　　　　审核人：　　　　　　　　支部书记："

# 比例/标准 for the amounts that are not a rate of a base.
RULE_WORDS: dict[DuesRule, str] = {
    DuesRule.FARMER_FIXED: "定额",  # 第六条
    DuesRule.LOW_FIXED: "定额",  # 第六条
    DuesRule.HARDSHIP_REDUCED: "困难减交",  # 第七条
    DuesRule.HARDSHIP_EXEMPT: "困难免交",  # 第七条
}
PAID_BY_OTHER = "{payer}代交"  # 第十二条

# 第十三条: what each level of arrears asks of the branch.
ARREARS_WORDS: dict[ArrearsLevel, str] = {
    ArrearsLevel.NONE: "",
    ArrearsLevel.WARNING: "连续3个月以上未交党费，请及时提醒交纳",
    ArrearsLevel.SEVERE: "已连续5个月未交党费，再满1个月即适用《规定》第十三条，请重点提醒",
    ArrearsLevel.LAPSED: "连续6个月以上未交党费，支部应按《规定》第十三条研究处理",
}

# ---------------------------------------------------------------- formats
MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.0%"
DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = 'yyyy"年"m"月"'
COUNT_FORMAT = "0"
FONT_NAME = "宋体"
PAPER_A4 = "9"  # the OOXML paper size code of A4


def category_words(category: PersonCategory) -> str:
    return CATEGORY_WORDS[category][0]


def month_text(month: Month) -> str:
    return MONTH_TEXT.format(year=month.year, month=month.month)


def day_text(day: date) -> str:
    return DAY_TEXT.format(year=day.year, month=day.month, day=day.day)


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Heading:
    """What every sheet's title and note rows say besides its period."""

    branch: str
    made_on: date


@dataclass(frozen=True)
class CollectionLine:
    """One member in the monthly collection sheet (党费收缴登记表)."""

    name: str
    category: PersonCategory
    due: Decimal
    paid: Decimal
    base: Decimal | None = None
    rate: Decimal | None = None  # for a rate of the base (第二条, 第五条)
    rule: DuesRule | None = None  # for 比例/标准 when it is not a rate
    paid_on: date | None = None  # the latest payment set against the month
    paid_by: str = ""  # someone who paid on the member's behalf (第十二条)
    note: str = ""

    @property
    def outstanding(self) -> Decimal:
        return max(self.due - self.paid, ZERO)


@dataclass(frozen=True)
class MonthAmounts:
    due: Decimal
    paid: Decimal

    @property
    def outstanding(self) -> Decimal:
        return max(self.due - self.paid, ZERO)


@dataclass(frozen=True)
class LedgerMember:
    """One member of the annual ledger: ``months[0]`` is January; None: nothing that month."""

    name: str
    category: PersonCategory
    months: tuple[MonthAmounts | None, ...]

    def __post_init__(self) -> None:
        if len(self.months) != 12:
            raise ValueError("an annual ledger row has 12 months")


@dataclass(frozen=True)
class LedgerTotals:
    """The totals row of the annual ledger (also returned to the caller)."""

    members: int
    due_by_month: tuple[Decimal, ...]
    paid_by_month: tuple[Decimal, ...]
    due: Decimal
    paid: Decimal
    outstanding: Decimal


@dataclass(frozen=True)
class ArrearsLine:
    name: str
    category: PersonCategory
    consecutive_months: int
    first: Month  # of the longest run of unpaid months
    last: Month
    unpaid_months: int  # every unpaid month, in or out of the run
    outstanding: Decimal
    level: ArrearsLevel
    bridged: tuple[Month, ...] = ()  # 0.00 months counted through (第十三条)
    exempt: tuple[Month, ...] = ()  # months exempted under 第七条 since the first unpaid one
    by_quarter: bool = False  # a quarterly payer (第十二条)

    @property
    def counting(self) -> str:
        """How the months counted, in words (empty when nothing is special)."""
        notes = []
        if self.by_quarter:
            notes.append(ARREARS_BY_QUARTER)
        if self.bridged:
            notes.append(ARREARS_BRIDGED.format(months=_months_words(self.bridged)))
        if self.exempt:
            notes.append(ARREARS_EXEMPT.format(months=_months_words(self.exempt)))
        return "；".join(notes)


def _months_words(months: Iterable[Month]) -> str:
    return "、".join(f"{m.year}年{m.month}月" for m in months)


@dataclass(frozen=True)
class RemittanceLine:
    remitted_on: date
    first: Month
    last: Month
    amount: Decimal
    to_centre: bool = False  # 第十一条


@dataclass(frozen=True)
class CollectionBridge:
    """From the ledger's 全年实交 to the money received in the year, line by line (the amounts
    of ``BRIDGE_ROWS``, in order, then the money received)."""

    amounts: tuple[Decimal, ...]
    collected: Decimal

    def __post_init__(self) -> None:
        if len(self.amounts) != len(BRIDGE_ROWS):
            raise ValueError("one amount per line of the bridge")

    @property
    def balances(self) -> bool:
        total = sum((a * sign for a, (_label, sign) in zip(self.amounts, BRIDGE_ROWS,
                                                              strict=True)), ZERO)
        return total == self.collected


@dataclass(frozen=True)
class RemittanceReport:
    year: int
    lines: tuple[RemittanceLine, ...]
    collected_by_month: tuple[Decimal, ...]  # money received in each month of the year
    reconciliation: Reconciliation | None  # None: a remittance period straddles the year
    for_centre: Decimal = ZERO  # 第十一条 voluntary payments received in the year
    bridge: CollectionBridge | None = None  # why 全年实交 and 收缴合计 differ


# ---------------------------------------------------------------- workbook plumbing


class _Styles:
    """Fonts, borders and alignments shared by the cells of one workbook (write-only cells
    take style objects; sharing them keeps the stylesheet small)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.title_font = Font(name=FONT_NAME, size=16, bold=True)
        self.bold = Font(name=FONT_NAME, bold=True)
        self.header_fill = PatternFill("solid", fgColor="D9D9D9")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center")
        self.wrap = Alignment(vertical="center", wrap_text=True)
        self.templates: dict[tuple[Any, ...], Any] = {}  # see ``_Sheet.style``


class _Sheet:
    """A write-only worksheet with the layout every report shares."""

    def __init__(
        self, workbook: Any, name: str, widths: Sequence[float], freeze: str
    ) -> None:
        """``freeze``: the first cell below and right of the frozen header (set before any row
        is written: a write-only sheet writes its view first)."""
        self.sheet = workbook.create_sheet(name)
        self.sheet.freeze_panes = freeze
        header_last_row = int("".join(c for c in freeze if c.isdigit())) - 1
        self.sheet.print_title_rows = f"3:{header_last_row}"
        styles = getattr(workbook, "_branchdesk_styles", None)
        if styles is None:
            styles = _Styles()
            workbook._branchdesk_styles = styles
        self.styles = styles
        self.width = len(widths)
        self.rows = 0
        for index, width in enumerate(widths):
            self.sheet.column_dimensions[column_letter(index)].width = width
        setup = self.sheet.page_setup
        setup.orientation = "landscape"
        setup.paperSize = PAPER_A4
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        self.sheet.print_options.horizontalCentered = True

    # ------------------------------------------------------------ cells
    def cell(self, value: Any, number_format: str | None = None, *, border: bool = True,
             bold: bool = False, align: Any = None) -> Any:
        """A write-only cell with ``value`` and the style the options describe."""
        return _styled_cell(self.sheet, value, self.style(
            number_format, border=border, bold=bold, align=align
        ))

    def style(self, number_format: str | None = None, *, border: bool = True,
              bold: bool = False, align: Any = None) -> Any:
        """The style of ``cell(…)`` with these options, for ``_styled_cell``. Made once per
        workbook and combination: assigning the format, border, font and alignment objects to
        each cell costs more than writing the cell (300,000 cells in a year's ledger)."""
        key = (number_format, border, bold, id(align))
        found = self.styles.templates.get(key)
        if found is None:
            from openpyxl.cell import WriteOnlyCell

            template = WriteOnlyCell(self.sheet)
            if number_format is not None:
                template.number_format = number_format
            if border:
                template.border = self.styles.border
            if bold:
                template.font = self.styles.bold
            if align is not None:
                template.alignment = align
            # The cell's style as openpyxl keeps it: indexes into the workbook's fonts, borders,
            # formats and alignments (a ``StyleArray``); each cell gets a copy.
            found = self.styles.templates[key] = template._style
        return found

    def money(self, amount: Decimal | None, **options: Any) -> Any:
        return self.cell(amount, MONEY_FORMAT, **options)

    def append(self, cells: Iterable[Any]) -> None:
        self.sheet.append(list(cells))
        self.rows += 1

    # ------------------------------------------------------------ the shared rows
    def title(self, title: str, note: str) -> None:
        last = column_letter(self.width - 1)
        title_cell = self.cell(title, border=False, align=self.styles.center)
        title_cell.font = self.styles.title_font
        self.sheet.row_dimensions[1].height = 30
        self.append([title_cell])
        self.sheet.merged_cells.add(f"A1:{last}1")
        self.append([self.cell(note, border=False, align=self.styles.left)])
        self.sheet.merged_cells.add(f"A2:{last}2")

    def header(self, texts: Sequence[str | None]) -> None:
        cells = []
        for text in texts:
            cell = self.cell(text, bold=True, align=self.styles.center)
            cell.fill = self.styles.header_fill
            cells.append(cell)
        self.append(cells)

    def signatures(self, text: str = SIGNATURES) -> None:
        self.append([])
        self.append([self.cell(text, border=False, align=self.styles.left)])
        row = self.rows
        self.sheet.merged_cells.add(f"A{row}:{column_letter(self.width - 1)}{row}")


ReportSheet = _Sheet
"""The sheet layout every report shares (the study table uses it too)."""


def _styled_cell(sheet: Any, value: Any, style: Any) -> Any:
    """A write-only cell of ``sheet`` holding ``value``, styled with a copy of ``style`` (from
    ``_Sheet.style``)."""
    from openpyxl.cell import Cell

    return Cell(sheet, row=1, column=1, value=value, style_array=style)


def new_workbook() -> Any:
    """An empty write-only workbook kept in memory (sheets are added by the ``add_*``
    functions; its ``save(path)`` writes it atomically)."""
    from app.documents import workbooks

    return workbooks.new_workbook()


def _first_day(month: Month) -> date:
    return month.first_day


# ---------------------------------------------------------------- 党费收缴登记表


def add_collection_sheet(
    workbook: Any, heading: Heading, month: Month, lines: Iterable[CollectionLine]
) -> tuple[Decimal, Decimal, Decimal]:
    """The monthly collection sheet; returns the totals (due, paid, outstanding)."""
    page = _Sheet(workbook, COLLECTION_SHEET, COLLECTION_WIDTHS, "C4")
    page.title(
        COLLECTION_TITLE.format(branch=heading.branch),
        COLLECTION_NOTE.format(
            branch=heading.branch, period=month_text(month), day=day_text(heading.made_on)
        ),
    )
    page.header(COLLECTION_HEADERS)
    styles = page.styles
    due_total = paid_total = outstanding_total = ZERO
    for number, line in enumerate(lines, start=1):
        if line.rate is not None:
            standard = page.cell(line.rate, RATE_FORMAT, align=styles.center)
        else:
            words = RULE_WORDS.get(line.rule) if line.rule is not None else None
            standard = page.cell(words, align=styles.center)
        remarks = [PAID_BY_OTHER.format(payer=line.paid_by)] if line.paid_by else []
        if line.note:
            remarks.append(line.note)
        page.append([
            page.cell(number, COUNT_FORMAT, align=styles.center),
            page.cell(line.name),
            page.cell(category_words(line.category)),
            page.money(line.base),
            standard,
            page.money(line.due),
            page.money(line.paid),
            page.money(line.outstanding),
            page.cell(line.paid_on, DATE_FORMAT, align=styles.center),
            page.cell("；".join(remarks) or None, align=styles.wrap),
        ])
        due_total += line.due
        paid_total += line.paid
        outstanding_total += line.outstanding
    page.append([
        page.cell(TOTAL, bold=True, align=styles.center), page.cell(None), page.cell(None),
        page.cell(None), page.cell(None),
        page.money(due_total, bold=True), page.money(paid_total, bold=True),
        page.money(outstanding_total, bold=True), page.cell(None), page.cell(None),
    ])
    page.signatures()
    return due_total, paid_total, outstanding_total


# ---------------------------------------------------------------- 年度党费台账

LEDGER_COLUMNS = (
    len(LEDGER_LEAD_HEADERS) + 12 * len(LEDGER_PAIR_HEADERS) + len(LEDGER_TOTAL_HEADERS)
)
LEDGER_WIDTHS = (6, 10, 10, *([9.5] * 24), 11, 11, 11)


def add_annual_ledger(
    workbook: Any, heading: Heading, year: int, members: Iterable[LedgerMember]
) -> LedgerTotals:
    """The annual ledger: one row per member, streamed (write-only: 10,000 members are fine).

    Body cells have no borders (the sheet prints its gridlines instead): a border on each of
    300,000 cells would cost a third more time for the same printed look.
    """
    from openpyxl.cell import Cell

    page = _Sheet(workbook, LEDGER_SHEET, LEDGER_WIDTHS, "D5")
    page.sheet.print_options.gridLines = True
    page.title(
        LEDGER_TITLE.format(branch=heading.branch, year=year),
        LEDGER_NOTE.format(branch=heading.branch, year=year, day=day_text(heading.made_on)),
    )
    month_headers: list[str | None] = list(LEDGER_LEAD_HEADERS)
    for month in range(1, 13):
        month_headers += [LEDGER_MONTH_HEADER.format(month=month), None]
    month_headers += list(LEDGER_TOTAL_HEADERS)
    page.header(month_headers)
    pair_headers: list[str | None] = [None] * len(LEDGER_LEAD_HEADERS)
    pair_headers += list(LEDGER_PAIR_HEADERS) * 12 + [None] * len(LEDGER_TOTAL_HEADERS)
    page.header(pair_headers)
    merged = page.sheet.merged_cells
    lead = len(LEDGER_LEAD_HEADERS)
    for index in range(lead):  # 序号 / 姓名 / 人员类别 span both header rows
        letter = column_letter(index)
        merged.add(f"{letter}3:{letter}4")
    for month in range(12):
        first = column_letter(lead + 2 * month)
        merged.add(f"{first}3:{column_letter(lead + 2 * month + 1)}3")
    for index in range(lead + 24, LEDGER_COLUMNS):
        letter = column_letter(index)
        merged.add(f"{letter}3:{letter}4")

    sheet = page.sheet
    words = {category: category_words(category) for category in PersonCategory}
    due_by_month = [ZERO] * 12
    paid_by_month = [ZERO] * 12
    due_total = paid_total = outstanding_total = ZERO
    count = 0

    # ``_styled_cell`` inlined: a Cell (row and column are set when it is written) with a copy of
    # the money style, 240,000 times.
    money = page.style(MONEY_FORMAT, border=False)
    for count, member in enumerate(members, start=1):
        row: list[Any] = [count, member.name, words[member.category]]
        member_due = member_paid = member_outstanding = ZERO
        for index, amounts in enumerate(member.months):
            if amounts is None:
                row += [None, None]
                continue
            row += [Cell(sheet, 1, 1, amounts.due, money), Cell(sheet, 1, 1, amounts.paid, money)]
            member_due += amounts.due
            member_paid += amounts.paid
            member_outstanding += amounts.outstanding
            due_by_month[index] += amounts.due
            paid_by_month[index] += amounts.paid
        row += [Cell(sheet, 1, 1, member_due, money), Cell(sheet, 1, 1, member_paid, money),
                Cell(sheet, 1, 1, member_outstanding, money)]
        sheet.append(row)
        due_total += member_due
        paid_total += member_paid
        outstanding_total += member_outstanding
    page.rows += count

    totals = [page.cell(TOTAL, bold=True, align=page.styles.center), page.cell(None),
              page.cell(None)]
    for index in range(12):
        totals += [page.money(due_by_month[index], bold=True),
                   page.money(paid_by_month[index], bold=True)]
    totals += [page.money(due_total, bold=True), page.money(paid_total, bold=True),
               page.money(outstanding_total, bold=True)]
    page.append(totals)
    page.append([page.cell(LEDGER_NOTE_BELOW, border=False, align=page.styles.left)])
    note_row = page.rows
    page.sheet.merged_cells.add(f"A{note_row}:{column_letter(LEDGER_COLUMNS - 1)}{note_row}")
    page.signatures()
    return LedgerTotals(count, tuple(due_by_month), tuple(paid_by_month), due_total, paid_total,
                        outstanding_total)


# ---------------------------------------------------------------- 欠缴党费名单


def add_arrears_sheet(
    workbook: Any, heading: Heading, as_of: date, lines: Iterable[ArrearsLine]
) -> int:
    """第十三条: members with 3 or more consecutive unpaid months; returns how many."""
    page = _Sheet(workbook, ARREARS_SHEET, ARREARS_WIDTHS, "C4")
    page.title(
        ARREARS_TITLE.format(branch=heading.branch),
        ARREARS_NOTE.format(
            branch=heading.branch, as_of=day_text(as_of), day=day_text(heading.made_on)
        ),
    )
    page.header(ARREARS_HEADERS)
    styles = page.styles
    count = 0
    total = ZERO
    for count, line in enumerate(lines, start=1):
        page.append([
            page.cell(count, COUNT_FORMAT, align=styles.center),
            page.cell(line.name),
            page.cell(category_words(line.category)),
            page.cell(line.consecutive_months, COUNT_FORMAT, align=styles.center),
            page.cell(_first_day(line.first), MONTH_FORMAT, align=styles.center),
            page.cell(_first_day(line.last), MONTH_FORMAT, align=styles.center),
            page.cell(line.unpaid_months, COUNT_FORMAT, align=styles.center),
            page.money(line.outstanding),
            page.cell("；".join(filter(None, (ARREARS_WORDS[line.level], line.counting)))
                      or None, align=styles.wrap),
        ])
        total += line.outstanding
    if count == 0:
        page.append([page.cell(ARREARS_NONE, border=False, align=styles.left)])
    else:
        page.append([
            page.cell(TOTAL, bold=True, align=styles.center),
            *(page.cell(None) for _ in range(6)),
            page.money(total, bold=True), page.cell(None),
        ])
        page.append([page.cell(ARREARS_NOTE_BELOW.format(as_of=day_text(as_of)), border=False,
                               align=styles.left)])
        row = page.rows
        page.sheet.merged_cells.add(f"A{row}:{column_letter(page.width - 1)}{row}")
    return count


# ---------------------------------------------------------------- 党费上缴记录


def add_remittance_sheet(workbook: Any, heading: Heading, report: RemittanceReport) -> None:
    """Remittances of the year, collections per month, and their reconciliation."""
    page = _Sheet(workbook, REMITTANCE_SHEET, REMITTANCE_WIDTHS, "A4")
    page.title(
        REMITTANCE_TITLE.format(branch=heading.branch, year=report.year),
        REMITTANCE_NOTE.format(
            branch=heading.branch, year=report.year, day=day_text(heading.made_on)
        ),
    )
    page.header(REMITTANCE_HEADERS)
    styles = page.styles
    total = ZERO
    for number, line in enumerate(report.lines, start=1):
        period = REMITTANCE_PERIOD.format(first=month_text(line.first), last=month_text(line.last))
        page.append([
            page.cell(number, COUNT_FORMAT, align=styles.center),
            page.cell(line.remitted_on, DATE_FORMAT, align=styles.center),
            page.cell(period, align=styles.center),
            page.money(line.amount),
            page.cell(YES if line.to_centre else NO, align=styles.center),
            page.cell(REMITTANCE_CENTRE_NOTE if line.to_centre else None, align=styles.wrap),
        ])
        total += line.amount
    page.append([
        page.cell(TOTAL, bold=True, align=styles.center), page.cell(None), page.cell(None),
        page.money(total, bold=True), page.cell(None), page.cell(None),
    ])

    page.append([])
    page.header([*MONTHLY_COLLECTION_HEADERS])
    collected = ZERO
    for index, amount in enumerate(report.collected_by_month):
        page.append([
            page.cell(_first_day(Month(report.year, index + 1)), MONTH_FORMAT,
                      align=styles.center),
            page.money(amount),
        ])
        collected += amount
    page.append([page.cell(TOTAL, bold=True, align=styles.center),
                 page.money(collected, bold=True)])
    page.append([page.cell(MONTHLY_COLLECTION_NOTE, border=False, align=styles.left)])
    row = page.rows
    page.sheet.merged_cells.add(f"A{row}:{column_letter(page.width - 1)}{row}")

    if report.bridge is not None:
        page.append([])
        page.append([page.cell(BRIDGE_HEADING, border=False, bold=True, align=styles.left)])
        for (label, _sign), amount in zip(BRIDGE_ROWS, report.bridge.amounts, strict=True):
            row = page.rows + 1
            page.append([page.cell(label), None, None, page.money(amount)])
            page.sheet.merged_cells.add(f"A{row}:C{row}")
        row = page.rows + 1
        page.append([page.cell(BRIDGE_TOTAL, bold=True), None, None,
                     page.money(report.bridge.collected, bold=True),
                     page.cell(BRIDGE_CHECK if report.bridge.balances else None, bold=True)])
        page.sheet.merged_cells.add(f"A{row}:C{row}")

    page.append([])
    reconciliation = report.reconciliation
    if reconciliation is None:
        page.append([page.cell(NOT_RECONCILED, border=False, align=styles.left)])
        return
    page.append([page.cell(
        RECONCILIATION_HEADING.format(
            first=month_text(reconciliation.first), last=month_text(reconciliation.last)
        ),
        border=False, bold=True, align=styles.left,
    )])
    amounts = (reconciliation.collected, report.for_centre, reconciliation.remitted,
               reconciliation.difference)
    for label, amount in zip(RECONCILIATION_ROWS, amounts, strict=True):
        row = page.rows + 1
        page.append([page.cell(label), None, None, page.money(amount)])
        page.sheet.merged_cells.add(f"A{row}:C{row}")
    difference = reconciliation.difference
    if difference == 0:
        conclusion = RECONCILED
    elif difference > 0:
        conclusion = NOT_YET_REMITTED.format(amount=f"{difference:,.2f}")
    else:
        conclusion = OVER_REMITTED.format(amount=f"{-difference:,.2f}")
    row = page.rows + 1
    page.append([page.cell(CONCLUSION, bold=True), None, None, page.cell(conclusion, bold=True)])
    page.sheet.merged_cells.add(f"A{row}:C{row}")


# ---------------------------------------------------------------- whole files


def write_collection_sheet(
    path: Path, heading: Heading, month: Month, lines: Iterable[CollectionLine]
) -> tuple[Decimal, Decimal, Decimal]:
    """A workbook with the month's collection sheet. Raises OSError."""
    workbook = new_workbook()
    totals = add_collection_sheet(workbook, heading, month, lines)
    workbook.save(path)
    return totals


def write_year_workbook(
    path: Path,
    heading: Heading,
    year: int,
    members: Iterable[LedgerMember],
    arrears_as_of: date,
    arrears: Iterable[ArrearsLine],
    remittances: RemittanceReport,
) -> LedgerTotals:
    """The annual ledger, the arrears list and the remittance record in one workbook."""
    workbook = new_workbook()
    totals = add_annual_ledger(workbook, heading, year, members)
    add_arrears_sheet(workbook, heading, arrears_as_of, arrears)
    add_remittance_sheet(workbook, heading, remittances)
    workbook.save(path)
    return totals

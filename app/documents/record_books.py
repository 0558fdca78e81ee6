"""What the record books' workbooks share (谈心谈话, 整改台账): a titled sheet with a header row,
in the documents' font, A4 landscape. Fixed wording is Chinese (documents are always Chinese)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from app.documents.dues_reports import FONT_NAME, PAPER_A4
from app.documents.roster import column_letter


class Sheet:
    """A write-only sheet: a title over the columns, a note, the header, then rows."""

    def __init__(self, workbook: Any, name: str, widths: Sequence[float]) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.sheet = workbook.create_sheet(name)
        self.sheet.freeze_panes = "A4"
        self.sheet.print_title_rows = "3:3"
        self.width = len(widths)
        for index, width in enumerate(widths):
            self.sheet.column_dimensions[column_letter(index)].width = width
        setup = self.sheet.page_setup
        setup.orientation = "landscape"
        setup.paperSize = PAPER_A4
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        thin = Side(style="thin", color="808080")
        self._border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self._font = Font(name=FONT_NAME)
        self._bold = Font(name=FONT_NAME, bold=True)
        self._title = Font(name=FONT_NAME, size=16, bold=True)
        self._fill = PatternFill("solid", fgColor="D9D9D9")
        self._wrap = Alignment(vertical="center", wrap_text=True)
        self._center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def _cell(self, value: Any, font: Any, *, border: bool = True, align: Any = None) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet, value=value)
        cell.font = font
        cell.alignment = align or self._wrap
        if border:
            cell.border = self._border
        if hasattr(value, "isoformat"):
            cell.number_format = "yyyy-mm-dd"
        return cell

    def title(self, title: str, note: str) -> None:
        last = column_letter(self.width - 1)
        self.sheet.append([self._cell(title, self._title, border=False, align=self._center)])
        self.sheet.merged_cells.add(f"A1:{last}1")
        self.sheet.append([self._cell(note, self._font, border=False)])
        self.sheet.merged_cells.add(f"A2:{last}2")

    def header(self, texts: Iterable[str]) -> None:
        cells = []
        for text in texts:
            cell = self._cell(text, self._bold, align=self._center)
            cell.fill = self._fill
            cells.append(cell)
        self.sheet.append(cells)

    def row(self, values: Iterable[Any]) -> None:
        self.sheet.append([self._cell(v, self._font) for v in values])

"""Workbooks built in memory and written only to the file the user chose.

openpyxl streams every sheet's XML into a temporary file in the system's temp folder
(``worksheet/_writer.py``'s ``create_temporary_file``, write-only mode and normal mode alike) and
zips those into the target. Those files hold the cells in plain text (ID numbers, names,
phones), and a killed process leaves them there. Here each sheet's XML goes into memory instead
(``WorksheetWriter`` takes any stream; only ``ExcelWriter.write_worksheet`` insisted on a file
name), the zip is built in memory too, and the finished bytes are written beside the target and
renamed over it (``app.files.replacing``). At 10,000 members the roster's sheet XML is some
20 MB: memory the export then gives back, against plain text on disk.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import zipfile
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from app.files import replacing

_captured: ContextVar[list[bytes] | None] = ContextVar("captured_workbooks", default=None)


@contextlib.contextmanager
def captured() -> Iterator[list[bytes]]:
    """Inside the block, a workbook's ``save`` hands its bytes to the list it yields and writes
    no file (the report centre previews a workbook-only report without a file on disk: the
    service writes as for an export, the caller does not commit its audit entry)."""
    books: list[bytes] = []
    token = _captured.set(books)
    try:
        yield books
    finally:
        _captured.reset(token)


class _InMemorySheet(WriteOnlyWorksheet):
    """A write-only sheet that streams its XML into memory (from its first row, as openpyxl's:
    widths, frozen panes and print titles set before that are written)."""

    _writer: Any = None

    def _get_writer(self) -> None:
        if self._writer is None:
            writer = WorksheetWriter(self, out=io.BytesIO())
            writer.write_top()
            self._writer = writer


class _InMemoryWorkbook(Workbook):
    """A write-only workbook of ``_InMemorySheet``s, zipped in memory by ``save``."""

    def create_sheet(self, title: str | None = None, index: int | None = None) -> Any:
        sheet = _InMemorySheet(parent=self, title=title)
        self._add_sheet(sheet=sheet, index=index)
        return sheet

    def save(self, filename: str | Path) -> None:
        """Write the workbook to ``filename`` atomically. Raises OSError."""
        buffer = io.BytesIO()
        archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
        _InMemoryExcelWriter(self, archive).save()
        books = _captured.get()
        if books is not None:
            books.append(buffer.getvalue())
            return
        with replacing(Path(filename)) as out:
            out.write(buffer.getbuffer())


class _InMemoryExcelWriter(ExcelWriter):
    """openpyxl's ``ExcelWriter.write_worksheet`` (3.1), reading the sheet from memory."""

    def write_worksheet(self, ws: Any) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        if not ws.closed:
            ws.close()
        writer = ws._writer
        if not isinstance(writer.out, io.BytesIO):
            raise TypeError("a sheet of an in-memory workbook was written to a file")
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def new_workbook() -> Any:
    """An empty write-only workbook that keeps everything in memory until its ``save(path)``."""
    return _InMemoryWorkbook(write_only=True)


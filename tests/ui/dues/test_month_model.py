"""The month's collection as a table model: Qt's model tester, alignment and totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from app.domain.calendar import Month
from app.domain.dues import PersonCategory
from app.services.dues import MonthLine
from ui.dues.month_model import Col, DuesMonthModel

D = Decimal


def test_the_month_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = DuesMonthModel()
    model.load(Month(2025, 6), [
        MonthLine("a", "甲", PersonCategory.IN_WORK, D("48.00"), D("0.00")),
        MonthLine("b", "乙", PersonCategory.RETIRED, D("25.00"), D("25.00")),
        MonthLine("c", "丙", PersonCategory.STUDENT, D("0.20"), D("0.10")),
    ], date(2025, 6, 16))
    model.setData(model.index(0, Col.AMOUNT), "30")
    model.setData(model.index(2, Col.AMOUNT), "abc")
    model.set_message("b", "已记录", error=False)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, Col.DUE).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)
    totals = model.totals()
    assert (totals.due, totals.paid, totals.entered, totals.unpaid_after) == (
        D("73.20"), D("25.10"), D("30.00"), D("18.10"))

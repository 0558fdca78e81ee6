"""The yearly bases as a table model: Qt's model tester, what is pending, fixed-amount rows."""

from __future__ import annotations

from decimal import Decimal

from app.domain.dues import PersonCategory
from app.services.dues import BaseLine
from ui.dues.bases_model import BaseCol, DuesBaseModel

D = Decimal


def test_the_bases_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = DuesBaseModel()
    model.load([
        BaseLine("a", "甲", PersonCategory.IN_WORK, D("4800.00"), D("4800.00")),
        BaseLine("b", "乙", PersonCategory.STUDENT, None, None),
        BaseLine("c", "丙", PersonCategory.RETIRED, None, None),
    ])
    model.setData(model.index(0, BaseCol.NEW), "5000")
    model.setData(model.index(2, BaseCol.NEW), "x")
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.pending() == ([("a", D("5000"))], [2])
    assert not model.setData(model.index(1, BaseCol.NEW), "100")

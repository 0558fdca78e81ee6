"""Dated category changes and quarterly consents (issue 15) travel between two PCs of a branch
through the reference server: the same change entered on both is one record, a withdrawal
reaches the other PC, and the other PC's amounts and arrears use them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.calendar import Month
from app.domain.dues import ArrearsLevel, PersonCategory
from app.services import dues, dues_terms
from app.storage.models import DuesCategoryRow, DuesQuarterlyRow
from tests.integration.sync import test_several_pcs as several
from tests.integration.sync.test_several_pcs import orders, sync_in_order
from tests.integration.sync.test_sync_engine import sync, table

database_url = several.database_url  # the same fixtures: two PCs, the server on SQLite
branch_pcs = several.branch_pcs

JULY = Month(2026, 7)


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_a_retirement_entered_on_both_pcs_is_one_change_and_both_charge_alike(branch_pcs,
                                                                              order):
    a, b, members = branch_pcs
    for ws in (a, b):
        with ws.unit_of_work() as uow:
            dues_terms.change_category(uow, members[0], JULY, PersonCategory.RETIRED,
                                       date(2026, 8, 3))
            uow.commit()
    sync_in_order(*orders(a, b)[order])
    rows = [table(ws, DuesCategoryRow) for ws in (a, b)]
    assert len(rows[0]) == 1
    assert [tuple(c for c in row if c[0] != "server_version") for row in rows[0]] == [
        tuple(c for c in row if c[0] != "server_version") for row in rows[1]]
    with b.unit_of_work() as uow:
        dues.generate_month(uow, Month(2026, 6))
        dues.generate_month(uow, JULY)
        ledger = dues.ledger(uow)
        uow.commit()
    assert ledger.balance(members[0], Month(2026, 6)).due == Decimal("50.00")  # 在职 1%
    assert ledger.balance(members[0], JULY).due == Decimal("25.00")  # 离退休 0.5%


def test_a_quarterly_consent_and_a_withdrawn_change_reach_the_other_pc(branch_pcs):
    a, b, members = branch_pcs
    with a.unit_of_work() as uow:
        dues_terms.agree_quarterly(uow, members[1], date(2025, 12, 20), Month(2026, 1))
        dues_terms.change_category(uow, members[2], JULY, PersonCategory.RETIRED,
                                   date(2026, 8, 3))
        uow.commit()
    sync_in_order(a, b)
    with a.unit_of_work() as uow:
        undone = dues_terms.change_category(uow, members[2], JULY, PersonCategory.IN_WORK,
                                            date(2026, 8, 3))
        uow.commit()
    assert undone.change is None
    sync(a)
    # One withdrawn change is more than a tenth of this tiny test branch's records: the pull
    # asks for confirmation as for any large deletion (DESIGN.md, "Sync").
    sync(b, confirm_mass_deletion=True)
    assert len(table(b, DuesQuarterlyRow)) == 1
    with b.unit_of_work() as uow:
        assert dues_terms.categories_by_member(uow, [members[2]]) == {}
        for month in range(1, 7):
            dues.generate_month(uow, Month(2026, month))
        listed = {e.member_id: e.arrears for e in dues.arrears_list(uow, date(2026, 6, 15))}
        uow.commit()
    assert listed[members[1]].level is ArrearsLevel.WARNING  # one quarter, by the quarter
    assert listed[members[0]].level is ArrearsLevel.SEVERE  # five months

"""The annual self-assessment (考核评价) reaches the platform and the branch's other PC through the
real reference server: its sections and its figures (counts only, no member's name), the same
year's report written on two PCs is one record, and a submitted report arrives read-only."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.errors import AssessmentSubmittedError
from app.services import assessment_report as reports
from app.services.assessment_report import Sections
from sync import service
from tests.integration.sync.test_secret_everywhere import _pc
from tests.integration.sync.test_sync_engine import add_member, sync

TODAY = date(2026, 12, 28)


def test_a_submitted_report_reaches_the_platform_and_the_other_pc(live_server, tmp_path):
    live = live_server
    branch_id = live.branch()[0]
    first, second = _pc(tmp_path, "pc1", live, branch_id), _pc(tmp_path, "pc2", live, branch_id)
    try:
        add_member(first, "考核甲", birth="19800102")
        with second.unit_of_work() as uow:  # the same year begun on the other PC, offline
            reports.save(uow, 2026, Sections("基本情况乙"), TODAY)
            uow.commit()
        with first.unit_of_work() as uow:  # and written later here: the later text wins
            reports.save(uow, 2026, Sections("基本情况甲", "成效甲", "问题甲", "打算甲"), TODAY)
            uow.commit()
        sync(second)
        sync(first)
        with first.unit_of_work() as uow:
            reports.submit(uow, 2026, date(2027, 1, 6))
            uow.commit()
        sync(first)

        page = live.store.changes(service.settings(first).branch_id, 0, 2000, None)
        sent = [c.model_dump(mode="json") for c in page.changes
                if c.entity == "assessment_report"]
        assert len({c["id"] for c in sent}) == 1  # one record for the year
        dumped = json.dumps(sent, ensure_ascii=False)
        assert "打算甲" in dumped
        assert "考核甲" not in dumped  # the figures are counts: no member named

        sync(second)
        with second.unit_of_work() as uow:
            got = reports.get(uow, 2026)
            assert got is not None
            assert got.submitted_on == date(2027, 1, 6)
            assert got.sections.plans == "打算甲"
            assert {f["code"] for f in got.figures["indicators"]} >= {"talks", "study"}
            with pytest.raises(AssessmentSubmittedError):
                reports.save(uow, 2026, Sections("再改"), TODAY)
    finally:
        first.lock()
        second.lock()

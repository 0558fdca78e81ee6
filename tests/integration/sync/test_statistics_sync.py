"""党内统计 submitted to the real reference server on a loopback port: only the counts arrive
(no name, no member id, no list), 秘密 members are counted, and a 秘密 member's record still
never reaches the platform."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from app.domain.development import Stage
from app.domain.members import Classification
from app.services import statistics, statistics_export
from server import db as server_db
from tests.integration.sync.test_sync_engine import add_member, device, sync


def _server_records(live) -> list[tuple[str, str, dict]]:
    record = server_db.record
    with live.store.engine.connect() as connection:
        rows = connection.execute(select(record.c.entity, record.c.id, record.c.data))
        return [(entity, record_id, json.loads(data)) for entity, record_id, data in rows]


def test_only_the_counts_reach_the_platform(live_server, tmp_path):
    live = live_server
    branch_id = live.branch()[0]
    pc = device(tmp_path, "pc", live, branch_id)
    try:
        names = ("王芳", "李强", "张伟")
        ids = [add_member(pc, name, birth=f"1980010{i + 1}", stage=Stage.FULL,
                          admission_date=date(2010, 5, 1), full_date=date(2011, 5, 1))
               for i, name in enumerate(names)]
        secret = add_member(pc, "秘密甲", birth="19800109", stage=Stage.FULL,
                            admission_date=date(2010, 5, 1), full_date=date(2011, 5, 1),
                            classification=Classification.SECRET)
        with pc.unit_of_work() as uow:
            report = statistics.make_report(uow, 2026)
            statistics_export.submit(uow, report)
            uow.commit()
        sync(pc)
    finally:
        pc.lock()
    records = _server_records(live)
    reports = [data for entity, _id, data in records if entity == "statistics_report"]
    assert len(reports) == 1
    sent = reports[0]
    assert set(sent) <= {"year", "as_of", "tables", "made_at", "classification"}
    assert sent["year"] == 2026
    assert sent["as_of"] == "2026-12-31"
    tables = json.loads(sent["tables"])
    assert tables["basic"]["合计"]["党员总数"] == 4  # the 秘密 member counted
    text = sent["tables"]
    for name in (*names, "秘密甲"):
        assert name not in text
    for member_id in (*ids, secret):
        assert member_id not in json.dumps(sent)
    member_ids = {record_id for entity, record_id, _data in records if entity == "member"}
    assert member_ids == set(ids)  # the 秘密 member's record stays on the PC
    assert not any(data.get("name") == "秘密甲" for _e, _id, data in records)


def test_a_submitted_report_reaches_the_branchs_other_pc(live_server, tmp_path):
    from app.storage.models import StatisticsReportRow

    live = live_server
    branch_id = live.branch()[0]
    a = device(tmp_path, "a", live, branch_id)
    b = device(tmp_path, "b", live, branch_id)
    try:
        add_member(a, "王芳", stage=Stage.FULL, full_date=date(2011, 5, 1))
        with a.unit_of_work() as uow:
            statistics_export.submit(uow, statistics.make_report(uow, 2026))
            uow.commit()
        sync(a)
        sync(b)
        with b.unit_of_work(read_only=True) as uow:
            [row] = uow.session.scalars(select(StatisticsReportRow)).all()
            assert (row.year, row.as_of) == (2026, date(2026, 12, 31))
            assert json.loads(row.tables)["basic"]["合计"]["党员总数"] == 1
    finally:
        a.lock()
        b.lock()


def test_the_year_submitted_on_two_pcs_before_they_sync_is_one_report(live_server, tmp_path):
    """Two PCs of one branch submit 2026 before either has synced: the platform and both PCs
    hold one report for the year (the later submission's tables), not two."""
    from app.storage.models import StatisticsReportRow

    live = live_server
    branch_id = live.branch()[0]
    a = device(tmp_path, "a", live, branch_id)
    b = device(tmp_path, "b", live, branch_id)
    try:
        add_member(a, "王芳", stage=Stage.FULL, full_date=date(2011, 5, 1))
        for pc in (a, b):
            with pc.unit_of_work() as uow:
                statistics_export.submit(uow, statistics.make_report(uow, 2026))
                uow.commit()
        for pc in (a, b, a):
            sync(pc)
        assert len([r for r in _server_records(live) if r[0] == "statistics_report"]) == 1
        for pc in (a, b):
            with pc.unit_of_work(read_only=True) as uow:
                assert len(uow.session.scalars(select(StatisticsReportRow)).all()) == 1
    finally:
        a.lock()
        b.lock()

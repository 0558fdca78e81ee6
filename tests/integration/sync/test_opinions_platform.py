"""意见建议 and the platform (issue 17), with the real engine, real SQLCipher workspaces and the
reference server on a loopback port (SQLite and PostgreSQL): an opinion filed on the portal
reaches the PC, is forwarded and answered there, and its answer is back on the portal; a report
handed to the 纪委 leaves no content in the database and never reaches the platform or a bundle."""

from __future__ import annotations

import json
from datetime import date

import requests
from sqlalchemy import select

from app.domain.opinions import Category, Channel, Kind, Status
from app.services import opinions
from app.storage.models import OpinionRow
from server import opinions as portal
from server.__main__ import main as server_main
from sync import bundle_sync, service
from tests.integration.sync.test_bundles import decrypted_upload, set_up_bundles
from tests.integration.sync.test_secret_everywhere import _pc
from tests.integration.sync.test_sync_engine import sync

TODAY = date(2026, 12, 6)


def _file(live, branch: str, token: str, **body) -> requests.Response:
    return requests.post(f"{live.url}/v1/portal/branches/{branch}/opinions",
                         json=body, headers={"X-Portal-Token": token}, timeout=10)


def _status(live, branch: str, token: str, opinion_id: str) -> requests.Response:
    return requests.get(f"{live.url}/v1/portal/branches/{branch}/opinions/{opinion_id}",
                        headers={"X-Portal-Token": token}, timeout=10)


def test_an_opinion_filed_on_the_portal_comes_back_answered(live_server, tmp_path):
    live = live_server
    branch_id = live.branch(code="BR-0017")[0]
    pc = _pc(tmp_path, "pc", live, branch_id)
    try:
        token = portal.new_portal_token(live.store)
        assert _file(live, "BR-0017", "wrong", category="business", content="x").status_code \
            == 401
        assert _file(live, "NO-SUCH", token, category="business", content="x").status_code \
            == 404
        filed = _file(live, "BR-0017", token, category="conduct",
                      content="希望减少重复填报的表格", proposer_name="王芳")
        assert filed.status_code == 201, filed.text
        opinion_id = filed.json()["id"]
        assert filed.json()["status"] == "pending"

        sync(pc)
        with pc.unit_of_work(read_only=True) as uow:
            entry = opinions.get(uow, opinion_id, TODAY)
        assert entry.channel is Channel.PLATFORM
        assert entry.category is Category.CONDUCT
        assert entry.content == "希望减少重复填报的表格"
        assert entry.proposer == "王芳"
        assert entry.status is Status.PENDING

        with pc.unit_of_work() as uow:
            opinions.set_units(uow, ["办公室", "综合处"])
            opinions.forward(uow, opinion_id, "办公室", TODAY)
            uow.commit()
        sync(pc)
        assert _status(live, "BR-0017", token, opinion_id).json()["status"] == "forwarded"

        with pc.unit_of_work() as uow:
            opinions.answer(uow, opinion_id, "已合并三张统计表", "下月起只报一次", "办公室",
                            TODAY, implemented=True)
            opinions.record_feedback(uow, opinion_id, TODAY)
            uow.commit()
        sync(pc)
        answered = _status(live, branch_id, token, opinion_id)
        assert answered.status_code == 200
        body = answered.json()
        assert body["status"] == "implemented"
        assert body["reply"] == "已合并三张统计表"
        assert body["measures"] == "下月起只报一次"
        assert body["forwarded_to"] == "办公室"
        assert body["answered_on"] == TODAY.isoformat()
        assert body["feedback_on"] == TODAY.isoformat()
        assert service.pending_count(pc) == 0
    finally:
        pc.lock()


def test_the_portal_reads_only_opinions_filed_on_the_platform(live_server, tmp_path):
    live = live_server
    branch_id = live.branch(code="BR-0018")[0]
    pc = _pc(tmp_path, "pc", live, branch_id)
    try:
        token = portal.new_portal_token(live.store)
        with pc.unit_of_work() as uow:
            own = opinions.record_opinion(uow, opinions.OpinionInput(
                TODAY, Channel.MEETING, Category.OTHER, "会上提的建议"))
            uow.commit()
        sync(pc)
        assert _status(live, branch_id, token, own).status_code == 404
        assert _status(live, branch_id, token, "no-such-id").status_code == 404
    finally:
        pc.lock()


def test_a_report_handed_to_the_discipline_committee_stays_on_the_pc(live_server, tmp_path):
    live = live_server
    branch_id = live.branch()[0]
    pc = _pc(tmp_path, "pc", live, branch_id)
    set_up_bundles(pc, tmp_path, live, branch_id)
    try:
        with pc.unit_of_work() as uow:
            handed = opinions.record_handover(uow, TODAY, "JW-2026-0931")
            public = opinions.record_opinion(uow, opinions.OpinionInput(
                TODAY, Channel.WRITTEN, Category.BUSINESS, "公开的建议"))
            uow.commit()
        with pc.unit_of_work(read_only=True) as uow:
            row = uow.session.get(OpinionRow, handed)
            assert row.classification == "secret"
            assert (row.content, row.proposer_name, row.member_id) == ("", "", None)
            assert opinions.summary(uow, 2026, TODAY).misconduct == 1

        upload = tmp_path / "upload.bdsync"
        bundle_sync.export_bundle(pc, upload)
        payload = decrypted_upload(live, upload)
        assert public in payload
        assert handed not in payload
        assert "JW-2026-0931" not in payload
        assert "misconduct" not in payload

        sync(pc)
        page = live.store.changes(branch_id, 0, 2000, None)
        dumped = json.dumps([c.model_dump(mode="json") for c in page.changes],
                            ensure_ascii=False)
        assert public in dumped
        assert handed not in dumped
        assert "JW-2026-0931" not in dumped
        assert "misconduct" not in dumped
        with pc.unit_of_work(read_only=True) as uow:
            kinds = list(uow.session.scalars(select(OpinionRow.kind)))
        assert sorted(kinds) == [Kind.MISCONDUCT.value, Kind.OPINION.value]
    finally:
        pc.lock()


def test_the_admin_files_an_opinion_and_reads_its_status(live_server, database_url, capsys):
    live = live_server
    live.branch(code="BR-0019")
    url = database_url
    assert server_main(["--database", url, "admin", "file-opinion", "BR-0019",
                        "--category", "party_building", "--content", "建议增加学习资料",
                        "--anonymous"]) == 0
    printed = capsys.readouterr().out
    opinion_id = printed.split("标识：")[1].split("（")[0]
    assert server_main(["--database", url, "admin", "opinion", "BR-0019", opinion_id]) == 0
    assert "状态：待处理" in capsys.readouterr().out
    assert server_main(["--database", url, "admin", "opinion", "BR-0019", "nope"]) == 1
    assert "没有这条" in capsys.readouterr().err
    assert server_main(["--database", url, "admin", "portal-token"]) == 0
    token = capsys.readouterr().out.split("：")[1].strip()
    assert portal.portal_token_valid(live.store, token)

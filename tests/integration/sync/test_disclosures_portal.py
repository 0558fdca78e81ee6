"""党务公开 against the real reference server (SQLite and PostgreSQL): a 发展 公示 drafted from
the pipeline, approved, printed, published, listed by the portal, answered on the portal (the
feedback reaches the PC), withdrawn; an item derived from a 秘密 record refused and never on
the server."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import requests

from app.domain.development import Stage
from app.domain.members import Classification
from app.errors import DisclosureSecretError
from app.services import disclosures as d
from app.services import members as m
from app.services.workspace import Workspace
from sync import service
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE, MemoryKeyring, id_number
from tests.integration.sync.conftest import LiveServer

CODE = "BR-0017"


def _today() -> date:
    return datetime.now(UTC).date()  # the server's portal judges the 公示期 by today


def _no_sleep(_seconds: float) -> None:
    pass


@pytest.fixture
def pc(tmp_path: Path, live_server: LiveServer) -> Workspace:
    branch_id = live_server.store.create_branch(CODE, "机关第一党支部")
    ws = Workspace(tmp_path / "pc", keyring=MemoryKeyring(), kdf=FAST_KDF)
    ws.create(PROFILE, PASSPHRASE)
    service.enroll(ws, live_server.url, live_server.code(branch_id), device_name="pc",
                   sleep=_no_sleep)
    yield ws
    ws.lock()


def _candidate(ws: Workspace, name: str, i: int, secret: bool = False) -> str:
    with ws.unit_of_work() as uow:
        member_id = m.create_member(uow, m.MemberInput(
            name=name, id_number=id_number(i), stage=Stage.CANDIDATE,
            application_date=date(2024, 3, 1), activist_date=date(2024, 6, 1),
            candidate_date=date(2025, 8, 1),
            classification=Classification.SECRET if secret else Classification.INTERNAL,
        ), _today())
        uow.commit()
    return member_id


def _portal(live: LiveServer) -> list[dict]:
    answer = requests.get(f"{live.url}/v1/portal/branches/{CODE}/disclosures", timeout=10)
    assert answer.status_code == 200
    return answer.json()["items"]


def test_development_notice_from_pipeline_to_portal_and_withdrawn(pc, live_server, tmp_path):
    today = _today()
    member_id = _candidate(pc, "林晓", 1)
    with pc.unit_of_work() as uow:
        item_id = d.create(uow, d.draft_development(uow, member_id, today), "王书记", today)
        d.review(uow, item_id, "李红", today)
        d.approve(uow, item_id, "支部委员会", today)
        d.print_notice(uow, item_id, tmp_path / "notice.pdf")
        uow.commit()
    service.sync_now(pc, sleep=_no_sleep)
    assert _portal(live_server) == []  # approved is not yet disclosed
    text = subprocess.run(["pdftotext", str(tmp_path / "notice.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "林晓" in text
    assert "公示期" in text

    with pc.unit_of_work() as uow:
        d.publish(uow, item_id, today)
        uow.commit()
    service.sync_now(pc, sleep=_no_sleep)
    [listed] = _portal(live_server)
    assert (listed["id"], listed["state"], listed["category"]) == (item_id, "open", "development")
    assert listed["end_on"] == (today + timedelta(days=6)).isoformat()
    assert "林晓" in listed["title"]
    public = requests.get(f"{live_server.url}/v1/portal/branches/{CODE}/disclosures",
                          params={"audience": "public"}, timeout=10)
    assert public.json()["items"] == []  # a 党内 item is not shown to the public

    answer = requests.post(
        f"{live_server.url}/v1/portal/branches/{CODE}/disclosures/{item_id}/feedback",
        json={"author": "张群众", "content": "该同志工作认真，无异议。"}, timeout=10)
    assert answer.status_code == 201
    service.sync_now(pc, sleep=_no_sleep)
    with pc.unit_of_work() as uow:
        [feedback] = d.get(uow, item_id).feedback
    assert (feedback.channel, feedback.author, feedback.content) == (
        "platform", "张群众", "该同志工作认真，无异议。")
    assert not feedback.noted
    with pc.unit_of_work() as uow:
        assert d.note_feedback(uow, item_id) == 1  # into the member's record
        uow.commit()
    with pc.unit_of_work() as uow:
        assert any("张群众" in e.text for e in m.timeline(uow, member_id))

    with pc.unit_of_work() as uow:
        d.withdraw(uow, item_id, today)
        uow.commit()
    service.sync_now(pc, sleep=_no_sleep)
    [listed] = _portal(live_server)
    assert listed["state"] == "withdrawn"
    refused = requests.post(
        f"{live_server.url}/v1/portal/branches/{CODE}/disclosures/{item_id}/feedback",
        json={"content": "晚了"}, timeout=10)
    assert (refused.status_code, refused.json()) == (409, {"reason": "not_open"})
    later = requests.get(f"{live_server.url}/v1/portal/branches/{CODE}/disclosures",
                         params={"on": (today + timedelta(days=30)).isoformat()}, timeout=10)
    assert later.json()["items"][0]["state"] == "withdrawn"


def test_an_item_of_a_secret_member_is_refused_and_never_reaches_the_server(pc, live_server):
    today = _today()
    member_id = _candidate(pc, "机密对象", 2, secret=True)
    with pc.unit_of_work() as uow:
        item_id = d.create(uow, d.draft_development(uow, member_id, today), "王书记", today)
        uow.commit()
    with pc.unit_of_work() as uow, pytest.raises(DisclosureSecretError) as refused:
        d.review(uow, item_id, "李红", today)
    assert refused.value.label == "机密对象"
    service.sync_now(pc, sleep=_no_sleep)
    branch_id = live_server.store.find_branch(CODE)
    page = live_server.store.changes(branch_id, 0, 2000, None)
    dumped = json.dumps([c.model_dump() for c in page.changes], ensure_ascii=False)
    assert item_id not in dumped
    assert "机密对象" not in dumped
    assert _portal(live_server) == []


def test_portal_answers_for_unknown_branch_and_item(live_server):
    assert requests.get(f"{live_server.url}/v1/portal/branches/NOPE/disclosures",
                        timeout=10).status_code == 404
    live_server.store.create_branch(CODE, "机关第一党支部")
    answer = requests.post(
        f"{live_server.url}/v1/portal/branches/{CODE}/disclosures/x/feedback",
        json={"content": "?"}, timeout=10)
    assert (answer.status_code, answer.json()) == (404, {"reason": "not_found"})

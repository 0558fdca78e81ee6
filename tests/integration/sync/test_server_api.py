"""The reference server over HTTP: authentication, branch isolation, push/pull rules."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any

import requests

from server.__main__ import openapi_document

HLC = "1780000000000-00000-dev"


def op(entity: str, entity_id: str, patch: dict[str, Any], base: int = 0,
       hlc: str = HLC) -> dict[str, Any]:
    return {"op_id": str(uuid.uuid4()), "entity": entity, "entity_id": entity_id,
            "patch": patch, "base_version": base, "hlc": hlc}


class Device:
    def __init__(self, base_url: str, code: str) -> None:
        self.base_url = base_url
        answer = requests.post(f"{base_url}/v1/enroll", json={"code": code}, timeout=10)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        self.token, self.branch_id = body["token"], body["branch_id"]
        self.headers = {"Authorization": f"Bearer {self.token}"}

    def url(self, tail: str, branch_id: str | None = None) -> str:
        return f"{self.base_url}/v1/branches/{branch_id or self.branch_id}/{tail}"

    def push(self, *ops: dict[str, Any], key: str | None = None,
             branch_id: str | None = None) -> requests.Response:
        return requests.post(
            self.url("sync/push", branch_id), json={"ops": list(ops)},
            headers={**self.headers, "Idempotency-Key": key or str(uuid.uuid4())}, timeout=10,
        )

    def results(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        answer = self.push(*ops)
        assert answer.status_code == 200, answer.text
        return answer.json()["results"]

    def pull(self, since: str = "0", **params: Any) -> requests.Response:
        return requests.get(self.url("sync/changes"), params={"since": since, **params},
                            headers=self.headers, timeout=10)

    def record(self, entity: str, record_id: str) -> dict[str, Any]:
        changes = self.pull(limit=2000).json()["changes"]
        return next(c for c in changes if c["entity"] == entity and c["id"] == record_id)


def test_committed_openapi_document_is_the_servers():
    committed = json.loads(Path("sync/openapi.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(openapi_document())), (
        "regenerate with: python -m server --print-openapi > sync/openapi.json"
    )


def test_every_branch_endpoint_refuses_unauthenticated_calls(live_server):
    branch_id, _code = live_server.branch()
    base = f"{live_server.url}/v1/branches/{branch_id}"
    calls = [
        requests.post(f"{base}/sync/push", json={"ops": []}, timeout=10),
        requests.get(f"{base}/sync/changes", timeout=10),
        requests.get(f"{base}/sync/verify", timeout=10),
        requests.get(f"{base}/notices", timeout=10),
        requests.get(f"{base}/sync/verify", headers={"Authorization": "Bearer nope"}, timeout=10),
        requests.get(f"{base}/sync/verify", headers={"Authorization": "Basic eDp5"}, timeout=10),
    ]
    assert [c.status_code for c in calls] == [401] * len(calls)
    assert all(c.json() == {"reason": "unauthorized"} for c in calls)


def test_a_revoked_device_is_refused_within_the_auth_cache_time(live_server):
    from sqlalchemy import update

    from server import db
    from server.store import AUTH_CACHE_SECONDS

    _branch_id, code = live_server.branch()
    device = Device(live_server.url, code)
    assert device.pull().status_code == 200  # the token is now remembered for a moment
    assert live_server.store.authenticated(device.token) is not None
    with live_server.store.engine.begin() as connection:
        connection.execute(update(db.device).values(revoked_at=db.now_iso()))
    time.sleep(AUTH_CACHE_SECONDS + 0.1)
    for answer in (device.pull(), device.push(op("member", str(uuid.uuid4()), {"name": "甲"}))):
        assert answer.status_code == 401
        assert answer.json() == {"reason": "unauthorized"}
    # A revoked token is not remembered as valid again: refused on every later request too.
    assert live_server.store.authenticated(device.token) is None
    assert device.pull().status_code == 401
    assert AUTH_CACHE_SECONDS <= 5  # "promptly": the administrator does not wait for minutes


def test_unknown_tokens_are_asked_about_every_time(live_server):
    branch_id, code = live_server.branch()
    device = Device(live_server.url, code)
    store = live_server.store
    assert store.authenticate("no-such-token") is None
    assert store.authenticated("no-such-token") is None
    assert store.authenticated(device.token) is None  # enrolled, not yet seen by a request
    assert device.pull().status_code == 200
    assert store.authenticated(device.token) is not None
    assert store.authenticated(device.token).branch_id == branch_id


def test_enrollment_code_works_once(live_server):
    _branch_id, code = live_server.branch()
    first = requests.post(f"{live_server.url}/v1/enroll", json={"code": code}, timeout=10)
    again = requests.post(f"{live_server.url}/v1/enroll", json={"code": code}, timeout=10)
    assert first.status_code == 200
    assert again.status_code == 401
    assert again.json()["reason"] == "invalid_enrollment_code"


def test_a_device_cannot_read_or_write_another_branch(live_server):
    a_id, a_code = live_server.branch("BR-A", "甲支部")
    b_id, b_code = live_server.branch("BR-B", "乙支部")
    device_a, device_b = Device(live_server.url, a_code), Device(live_server.url, b_code)
    member = str(uuid.uuid4())
    assert device_b.results(op("member", member, {"name": "乙"}))[0]["status"] == "applied"

    assert device_a.push(op("member", member, {"name": "改"}), branch_id=b_id).status_code == 403
    for tail in ("sync/changes", "sync/verify", "notices"):
        answer = requests.get(device_a.url(tail, b_id), headers=device_a.headers, timeout=10)
        assert answer.status_code == 403
        assert answer.json() == {"reason": "forbidden"}
    # Branch A sees nothing of branch B, and B's record is untouched.
    assert device_a.pull().json()["changes"] == []
    assert device_b.record("member", member)["data"] == {"name": "乙"}
    assert a_id != b_id


def test_a_retried_push_applies_nothing_twice(live_server):
    _branch, code = live_server.branch()
    device = Device(live_server.url, code)
    member = str(uuid.uuid4())
    ops = [op("member", member, {"name": "张三"}), op("member", member, {"phone": "1"})]
    first = device.push(*ops, key="k-1").json()
    again_same_key = device.push(*ops, key="k-1").json()
    again_new_key = device.push(*ops, key="k-2").json()
    assert first["results"] == again_same_key["results"] == again_new_key["results"]
    record = device.record("member", member)
    assert record["version"] == 2
    assert device.pull().json()["next_cursor"] == "2"


def test_an_idempotency_key_reused_for_another_body_is_refused(live_server):
    _branch, code = live_server.branch()
    device = Device(live_server.url, code)
    device.push(op("party_group", str(uuid.uuid4()), {"name": "一"}), key="same")
    answer = device.push(op("party_group", str(uuid.uuid4()), {"name": "二"}), key="same")
    assert answer.status_code == 422
    assert answer.json()["reason"] == "idempotency_key_reused"


def test_member_fields_merge_and_the_same_field_conflicts(live_server):
    branch_id, code = live_server.branch()
    a, b = Device(live_server.url, code), Device(live_server.url, live_server.code(branch_id))
    member = str(uuid.uuid4())
    a.results(op("member", member, {"name": "李四", "phone": "1", "work_unit": "x"}))
    a.results(op("member", member, {"phone": "2"}, base=1))
    merged = b.results(op("member", member, {"work_unit": "y"}, base=1))[0]
    assert merged["status"] == "applied"
    assert b.record("member", member)["data"] == {"name": "李四", "phone": "2", "work_unit": "y"}

    clash = b.results(op("member", member, {"phone": "3", "notes": "n"}, base=1))[0]
    assert clash["status"] == "conflict"
    assert clash["fields"] == ["phone"]
    assert clash["server_record"]["data"]["phone"] == "2"
    assert clash["server_record"]["data"]["notes"] == "n"  # the rest of the patch was applied


def test_identity_fields_conflict_even_with_the_same_value(live_server):
    branch_id, code = live_server.branch()
    a, b = Device(live_server.url, code), Device(live_server.url, live_server.code(branch_id))
    member = str(uuid.uuid4())
    a.results(op("member", member, {"name": "王五", "phone": "1"}))
    a.results(op("member", member, {"name": "王伍", "phone": "2"}, base=1))
    result = b.results(op("member", member, {"name": "王伍", "phone": "2"}, base=1))[0]
    assert result["status"] == "conflict"
    assert result["fields"] == ["name"]


def test_an_edit_beats_a_delete_both_ways(live_server):
    branch_id, code = live_server.branch()
    a, b = Device(live_server.url, code), Device(live_server.url, live_server.code(branch_id))
    group = str(uuid.uuid4())
    a.results(op("party_group", group, {"name": "第一小组"}))
    a.results(op("party_group", group, {"name": "第一党小组"}, base=1))
    b.results(op("party_group", group, {"deleted_at": "2026-01-01T00:00:00.000000Z"}, base=1))
    record = a.record("party_group", group)
    assert record["deleted"] is False
    assert record["data"]["name"] == "第一党小组"

    other = str(uuid.uuid4())
    a.results(op("party_group", other, {"name": "第二小组"}))
    b.results(op("party_group", other, {"deleted_at": "2026-01-01T00:00:00.000000Z"}, base=1))
    assert a.record("party_group", other)["deleted"] is True
    a.results(op("party_group", other, {"name": "第二党小组"}, base=1))
    assert a.record("party_group", other)["deleted"] is False


def test_attendance_is_add_wins_by_meeting_and_member(live_server):
    branch_id, code = live_server.branch()
    a, b = Device(live_server.url, code), Device(live_server.url, live_server.code(branch_id))
    meeting, member = str(uuid.uuid4()), str(uuid.uuid4())
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    patch = {"meeting_id": meeting, "member_id": member, "status": "present", "reason": ""}
    a.results(op("meeting_attendance", first, patch))
    b.results(op("meeting_attendance", first,
                 {"deleted_at": "2026-01-01T00:00:00.000000Z"}, base=1))
    result = b.results(op("meeting_attendance", second, {**patch, "status": "leave",
                                                          "reason": "出差"},
                          hlc="1780000000001-00000-b"))[0]
    assert result["status"] == "applied"
    assert result["record_id"] == first
    changes = [c for c in a.pull().json()["changes"] if c["entity"] == "meeting_attendance"]
    assert [(c["id"], c["deleted"], c["data"]["status"]) for c in changes] == [
        (first, False, "leave")
    ]


def test_dues_events_are_immutable(live_server):
    """The same event again changes nothing; other content for it is a conflict (the stored
    event stays); only the secretary's decision, sent from the version it saw, replaces it."""
    _branch, code = live_server.branch()
    device = Device(live_server.url, code)
    event = str(uuid.uuid4())
    patch = {"kind": "payment", "amount_fen": 1000}
    assert device.results(op("dues_event", event, patch))[0]["status"] == "applied"
    assert device.results(op("dues_event", event, patch))[0]["status"] == "applied"
    changed = device.results(op("dues_event", event, {**patch, "amount_fen": 1}))[0]
    assert (changed["status"], changed["fields"]) == ("conflict", ["amount_fen"])
    assert changed["server_record"]["data"]["amount_fen"] == 1000
    assert device.record("dues_event", event)["version"] == 1
    decided = device.results(op("dues_event", event, {"amount_fen": 1}, base=1))[0]
    assert decided["status"] == "applied"
    assert device.record("dues_event", event)["version"] == 2
    assert device.record("dues_event", event)["data"]["amount_fen"] == 1


def test_pull_pages_and_cursor_gone_after_a_restore(live_server):
    _branch, code = live_server.branch()
    device = Device(live_server.url, code)
    ids = [str(uuid.uuid4()) for _ in range(5)]
    device.results(*[op("party_group", i, {"name": f"组{n}"}) for n, i in enumerate(ids)])
    first = device.pull(limit=3).json()
    assert [c["id"] for c in first["changes"]] == ids[:3]
    assert first["has_more"] is True
    rest = device.pull(first["next_cursor"], limit=3).json()
    assert [c["id"] for c in rest["changes"]] == ids[3:]
    assert rest["has_more"] is False

    assert device.pull("99").status_code == 410
    old_epoch = rest["epoch"]
    new_epoch = live_server.store.rotate_epoch()
    gone = device.pull(rest["next_cursor"], epoch=old_epoch)
    assert gone.status_code == 410
    assert gone.json() == {"reason": "cursor_gone", "epoch": new_epoch}


def test_verify_and_notices(live_server):
    branch_id, code = live_server.branch()
    device = Device(live_server.url, code)
    device.results(op("party_group", str(uuid.uuid4()), {"name": "组"}))
    verify = requests.get(device.url("sync/verify"), headers=device.headers, timeout=10).json()
    assert verify["tables"]["party_group"]["count"] == 1
    live_server.store.publish_notice(branch_id, "通知", "正文")
    live_server.store.publish_notice(None, "全市通知", "正文")
    other, _ = live_server.branch("BR-X", "其他")
    live_server.store.publish_notice(other, "别的支部", "正文")
    notices = requests.get(device.url("notices"), headers=device.headers, timeout=10).json()
    assert [n["title"] for n in notices["notices"]] == ["通知", "全市通知"]


def test_bad_payloads_get_a_reason_not_a_500(live_server):
    _branch, code = live_server.branch()
    device = Device(live_server.url, code)
    too_many = [op("party_group", str(uuid.uuid4()), {"name": "x"}) for _ in range(501)]
    nul = op("party_group", str(uuid.uuid4()), {"name": "a\x00b"})
    for answer in (
        device.push(*too_many),
        device.push(nul),
        device.push(op("nonsense", str(uuid.uuid4()), {})),
        requests.post(device.url("sync/push"), data=b"{not json", timeout=10,
                      headers={**device.headers, "Idempotency-Key": "k",
                               "Content-Type": "application/json"}),
        device.pull("-1"),
    ):
        assert answer.status_code == 422, answer.text
        assert answer.json()["reason"] == "invalid_request"


def test_a_push_needs_a_proper_idempotency_key_and_a_json_body(live_server):
    """The push is served by a handler of its own (validating the body's bytes directly): it
    refuses what the declared endpoint refuses."""
    _branch, code = live_server.branch()
    device = Device(live_server.url, code)
    body = json.dumps({"ops": [op("party_group", str(uuid.uuid4()), {"name": "组"})]})
    for headers in (
        {},  # no key
        {"Idempotency-Key": "k" * 101},
        {"Idempotency-Key": "has space"},
        {"Idempotency-Key": "k", "Content-Type": "text/plain"},
    ):
        answer = requests.post(device.url("sync/push"), data=body.encode(), timeout=10,
                               headers={"Content-Type": "application/json", **device.headers,
                                        **headers})
        assert answer.status_code == 422, headers
        assert answer.json()["reason"] == "invalid_request"
    accepted = requests.post(device.url("sync/push"), data=body.encode(), timeout=10,
                             headers={**device.headers, "Idempotency-Key": "k" * 100,
                                      "Content-Type": "application/json; charset=utf-8"})
    assert accepted.status_code == 200
    assert accepted.json()["results"][0]["status"] == "applied"

"""Notices as tasks (issue 18): due dates, answers and attachments, online and through bundle
files, with the real reference server on a loopback port (SQLite and PostgreSQL), its CLI,
real bundle files and real SQLCipher databases."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from app.errors import (
    NoticeAnswerError,
    SyncBundleError,
    SyncProtocolError,
    SyncServerUnreachableError,
)
from app.services.workspace import Workspace
from app.storage.models import (
    OpinionRow,
    SyncNoticeAnswerRow,
    SyncNoticeAttachmentRow,
    SyncNoticeRow,
)
from server import db as server_db
from server import notices as server_notices
from server import opinions
from server.__main__ import main as server_main
from server.store import DeviceInfo
from sync import bundle_sync, notice_tasks, service
from sync.wire import MAX_ATTACHMENT_BYTES, NoticeAnswer, NoticeAttachment
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE, MemoryKeyring
from tests.integration.sync import test_bundles
from tests.integration.sync.conftest import LiveServer
from tests.integration.sync.test_bundles import set_up_bundles
from tests.integration.sync.test_sync_engine import device, sync

live = test_bundles.live  # the platform on a loopback port, on SQLite
TODAY = server_notices.beijing_today()
DUE = (TODAY + timedelta(days=10)).isoformat()
PAST = (TODAY - timedelta(days=1)).isoformat()


def publish(live: LiveServer, tmp_path: Path, *args: str) -> int:
    """``python -m server admin notice …`` against the live server's database."""
    url = str(live.store.engine.url.render_as_string(hide_password=False))
    assert server_main(["--database", url, "admin", "notice", *args]) == 0
    with live.store.engine.connect() as connection:
        return int(connection.scalar(select(func.max(server_db.notice.c.id))) or 0)


def stored_answers(live: LiveServer, notice_id: int) -> list[server_notices.StoredAnswer]:
    return server_notices.answers(live.store, notice_id)


def client_state(ws: Workspace) -> tuple[list[tuple[int, str]], int, list[tuple[int, str]]]:
    with ws.unit_of_work(read_only=True) as uow:
        s = uow.session
        return (
            [(n.id, n.title) for n in s.scalars(select(SyncNoticeRow))],
            int(s.scalar(select(func.count()).select_from(SyncNoticeAttachmentRow)) or 0),
            [(a.notice_id, a.answer_id) for a in s.scalars(select(SyncNoticeAnswerRow))],
        )


# ---------------------------------------------------------------- air-gapped


def through_http(live: LiveServer, upload: Path) -> Path:
    """The PC's bundle carried to the platform's bundle endpoint; its answer written out."""
    answer = requests.post(f"{live.url}/v1/bundles", data=upload.read_bytes(), timeout=30)
    assert answer.status_code == 200, answer.text
    returned = upload.with_name(upload.stem + "-return.bdsync")
    returned.write_bytes(answer.content)
    return returned


_ANSWER_AND_DIE = """
import os, signal, sys
from pathlib import Path
from app.services.workspace import Workspace
from sync import notice_tasks
from tests.conftest import FAST_KDF, PASSPHRASE, MemoryKeyring
ws = Workspace(Path(sys.argv[1]), keyring=MemoryKeyring(), kdf=FAST_KDF)
ws.unlock(PASSPHRASE)
notice_tasks.answer_notice(ws, int(sys.argv[2]), "file", file=Path(sys.argv[3]))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_notice_with_a_due_date_answered_on_an_air_gapped_pc_reaches_the_platform(
    tmp_path, live
):
    branch_id, _code = live.branch()
    keyring = MemoryKeyring()  # this PC's credential store, which outlives the program
    air = Workspace(tmp_path / "air", keyring=keyring, kdf=FAST_KDF)
    air.create(PROFILE, PASSPHRASE)
    set_up_bundles(air, tmp_path, live, branch_id)
    circular = tmp_path / "关于报送年度党建工作总结的通知.pdf"
    circular.write_bytes(b"%PDF-1.4 notice " + os.urandom(4000))
    form = tmp_path / "统计表.xlsx"
    form.write_bytes(os.urandom(2000))
    number = publish(live, tmp_path, "--branch", "BR-0001", "--title", "关于报送年度总结的通知",
                     "--body", "请于截止日期前上报。", "--due", DUE, "--response", "file",
                     "--attach", str(circular), "--attach", str(form))

    # The first bundle brings the notice and its attachments.
    report = bundle_sync.import_return_bundle(
        air, through_http(live, bundle_sync_export(air, tmp_path)))
    assert report.notices == 1
    [task] = notice_tasks.open_tasks(air, TODAY)
    assert (task.id, task.due_on, task.response) == (number, date.fromisoformat(DUE), "file")
    assert [a.name for a in task.attachments] == [circular.name, form.name]
    saved = notice_tasks.save_attachment(air, number, 0, tmp_path / "saved.pdf")
    assert saved.read_bytes() == circular.read_bytes()

    # Answered in a process killed right afterwards: the answer is in the database.
    summary = tmp_path / "总结.docx"
    summary.write_bytes(b"summary " + os.urandom(3000))
    air.lock()
    killed = subprocess.run(
        [sys.executable, "-c", _ANSWER_AND_DIE, str(tmp_path / "air"), str(number),
         str(summary)], cwd=Path(__file__).parents[3], capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    air = Workspace(tmp_path / "air", keyring=keyring, kdf=FAST_KDF)
    air.unlock(PASSPHRASE)
    task = notice_tasks.notice_task(air, number)
    assert task.answer is not None
    assert task.answer.state == "queued"
    assert notice_tasks.open_tasks(air, TODAY) == []  # answered: off 工作台

    upload = bundle_sync_export(air, tmp_path)
    returned = through_http(live, upload)
    report = bundle_sync.import_return_bundle(air, returned)
    assert report.answers == 1
    assert notice_tasks.notice_task(air, number).answer.state == "sent"
    [stored] = stored_answers(live, number)
    assert (stored.branch_code, stored.kind, stored.file_name, stored.late) == (
        "BR-0001", "file", summary.name, False)
    assert stored.file_content == summary.read_bytes()

    # The same upload again (a second copy carried over) is not a second answer.
    through_http(live, upload)
    assert len(stored_answers(live, number)) == 1
    out = tmp_path / "answers"
    assert server_main(["--database", str(live.store.engine.url), "admin", "answers",
                        str(number), "--save", str(out)]) == 0
    assert (out / f"BR-0001-{summary.name}").read_bytes() == summary.read_bytes()
    air.lock()


_exports = iter(range(1_000_000))


def bundle_sync_export(ws: Workspace, tmp_path: Path) -> Path:
    path = tmp_path / f"upload-{next(_exports)}.bdsync"
    bundle_sync.export_bundle(ws, path)
    return path


def test_a_tampered_return_bundle_with_notices_changes_nothing(tmp_path, live):
    branch_id, _code = live.branch()
    air = Workspace(tmp_path / "air", keyring=MemoryKeyring(), kdf=FAST_KDF)
    air.create(PROFILE, PASSPHRASE)
    set_up_bundles(air, tmp_path, live, branch_id)
    attachment = tmp_path / "附件.txt"
    attachment.write_bytes("材料".encode() * 500)
    publish(live, tmp_path, "--all", "--title", "全市通知", "--body", "正文",
            "--response", "read", "--attach", str(attachment))
    returned = through_http(live, bundle_sync_export(air, tmp_path))
    data = bytearray(returned.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.bdsync"
    tampered.write_bytes(bytes(data))
    before = client_state(air)
    with pytest.raises(SyncBundleError) as refused:
        bundle_sync.import_return_bundle(air, tampered)
    assert refused.value.reason == "damaged"
    assert client_state(air) == before == ([], 0, [])
    assert bundle_sync.import_return_bundle(air, returned).notices == 1
    air.lock()


# ---------------------------------------------------------------- online


@pytest.fixture
def pc(tmp_path: Path, live_server: LiveServer) -> Iterator[Workspace]:
    branch_id, _code = live_server.branch()
    ws = device(tmp_path, "pc", live_server, branch_id)
    yield ws
    ws.lock()


def test_online_an_answer_goes_back_by_sync_and_may_change_until_the_due_date(
    tmp_path, live_server, pc
):
    number = publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "征求意见",
                     "--body", "请提出意见。", "--due", DUE, "--response", "text")
    assert sync(pc).notices == 1
    notice_tasks.answer_notice(pc, number, "text", text="无意见。")
    assert sync(pc).answers == 1
    assert [a.text for a in stored_answers(live_server, number)] == ["无意见。"]
    notice_tasks.answer_notice(pc, number, "text", text="建议增加学习时间。")
    assert sync(pc).answers == 1
    assert [a.text for a in stored_answers(live_server, number)] == ["建议增加学习时间。"]
    assert sync(pc).answers == 0  # nothing queued
    assert notice_tasks.notice_task(pc, number).answer.state == "sent"
    assert notice_tasks.open_tasks(pc, TODAY) == []


def test_online_an_overdue_notice_is_marked_and_its_answer_then_stands(
    tmp_path, live_server, pc
):
    number = publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "已过期的通知",
                     "--body", "请阅知。", "--due", PAST, "--response", "read")
    sync(pc)
    [task] = notice_tasks.open_tasks(pc, TODAY)
    assert task.overdue(TODAY)
    notice_tasks.answer_notice(pc, number, "read")
    sync(pc)
    answer = notice_tasks.notice_task(pc, number).answer
    assert (answer.state, answer.late) == ("sent", True)
    with pytest.raises(NoticeAnswerError) as closed:
        notice_tasks.answer_notice(pc, number, "read")
    assert closed.value.reason == "answer_closed"


def test_the_platform_checks_answers(tmp_path, live_server, pc):
    text_notice = publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "文字",
                          "--body", "请回复。", "--due", PAST, "--response", "text")
    file_notice = publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "文件",
                          "--body", "请上报。", "--response", "file")
    plain = publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "告知",
                    "--body", "知悉即可。")
    other_branch = live_server.store.create_branch("BR-0002", "别的支部")
    elsewhere = live_server.store.publish_notice(other_branch, "别的支部的通知", "正文",
                                                 response="read")
    device_row = DeviceInfo("d", service.settings(pc).branch_id)

    def answer(notice_id: int, kind: str, **fields) -> NoticeAnswer:
        return NoticeAnswer(answer_id=uuid.uuid4(), notice_id=notice_id, kind=kind,
                            answered_at="2026-12-06T09:00:00.000000Z", **fields)

    for wrong, reason in (
        (answer(text_notice, "read"), "wrong_kind"),
        (answer(text_notice, "text", text="  "), "empty_text"),
        (answer(file_notice, "file", file_name="a.txt"), "empty_file"),
        (answer(file_notice, "file", file_name="a.txt", file_content="abc"), "bad_file"),
        (answer(plain, "read"), "no_answer_asked"),
        (answer(elsewhere, "read"), "notice_not_found"),
        (answer(file_notice, "file", file_name="a.txt", file_content=base64.b64encode(
            b"x" * (MAX_ATTACHMENT_BYTES + 1)).decode()), "file_too_large"),
    ):
        with pytest.raises(server_notices.AnswerRefused) as refused:
            server_notices.record_answer(live_server.store, device_row, wrong)
        assert refused.value.reason == reason
    assert stored_answers(live_server, text_notice) == []

    first = answer(text_notice, "text", text="已落实。")
    assert server_notices.record_answer(live_server.store, device_row, first).outcome == (
        "recorded")
    assert server_notices.record_answer(live_server.store, device_row, first).outcome == "same"
    changed = answer(text_notice, "text", text="改了。")
    with pytest.raises(server_notices.AnswerRefused) as closed:  # past its due date
        server_notices.record_answer(live_server.store, device_row, changed)
    assert (closed.value.reason, closed.value.status) == ("answer_closed", 409)
    assert [a.text for a in stored_answers(live_server, text_notice)] == ["已落实。"]
    # Review: the same words answered on the branch's other PC (a new answer id), after the
    # due date, are the branch's answer already: not refused, nothing changes.
    again = answer(text_notice, "text", text="已落实。")
    assert server_notices.record_answer(live_server.store, device_row, again).outcome == "same"
    assert [a.text for a in stored_answers(live_server, text_notice)] == ["已落实。"]


def test_over_http_refusals_are_clear_and_the_answer_is_marked(tmp_path, live_server, pc):
    number = publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "文字",
                     "--body", "请回复。", "--response", "text")
    sync(pc)
    notice_tasks.answer_notice(pc, number, "text", text="收到")
    # The platform changed its mind about the kind of answer (an administrator's edit).
    with live_server.store.engine.begin() as connection:
        connection.execute(server_db.notice.update().values(response="file"))
    assert sync(pc).answers == 1
    task = notice_tasks.notice_task(pc, number)
    assert (task.answer.state, task.answer.reason) == ("refused", "wrong_kind")
    assert task.open  # back on 工作台, with the reason


def test_a_platform_answering_nonsense_for_notices_changes_nothing(
    tmp_path, live_server, pc, monkeypatch
):
    publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "通知", "--body", "正文",
            "--response", "read")
    before = client_state(pc)
    monkeypatch.setattr(live_server.store, "notices_json",
                        lambda *_args: '{"notices": [{"id": "seven", "title": 3}]}')
    with pytest.raises(SyncProtocolError) as nonsense:
        sync(pc)
    assert nonsense.value.reason == "bad_response"
    assert client_state(pc) == before


@pytest.mark.parametrize(("change", "reason"), [
    ({"size": MAX_ATTACHMENT_BYTES + 1}, "attachment_too_large"),
    ({"sha256": "0" * 64}, "bad_attachment"),
])
def test_an_oversize_or_damaged_attachment_is_refused_whole(
    tmp_path, live_server, pc, monkeypatch, change, reason
):
    publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "第一条", "--body", "正文")
    content = b"x" * 100
    body = json.loads(live_server.store.notices_json(service.settings(pc).branch_id, 0))
    body["notices"].append({
        "id": 99, "title": "带附件", "body": "正文", "published_at": "2026-12-06T00:00:00Z",
        "response": "none", "attachments": [{
            "name": "big.zip", "size": 100, "sha256": hashlib.sha256(content).hexdigest(),
            "content": base64.b64encode(content).decode(), **change}],
    })
    monkeypatch.setattr(live_server.store, "notices_json", lambda *_args: json.dumps(body))
    with pytest.raises(SyncProtocolError) as refused:
        sync(pc)
    assert refused.value.reason == reason
    assert client_state(pc) == ([], 0, [])  # not even the good first notice


def test_the_admin_command_refuses_bad_notices_in_chinese(tmp_path, live_server, capsys):
    live_server.branch()
    url = str(live_server.store.engine.url.render_as_string(hide_password=False))
    big = tmp_path / "big.bin"
    with big.open("wb") as out:
        out.truncate(MAX_ATTACHMENT_BYTES + 1)
    for extra, words in (
        (["--attach", str(big)], "超过 10 MB"),
        (["--due", "2026-13-01"], "截止日期"),
        (["--attach", str(tmp_path / "missing.pdf")], "文件不存在"),
    ):
        code = server_main(["--database", url, "admin", "notice", "--all", "--title", "T",
                            "--body", "B", *extra])
        assert code == 1
        assert words in capsys.readouterr().err
    with live_server.store.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(server_db.notice)) == 0


def test_an_older_answer_arriving_late_does_not_undo_a_newer_one(tmp_path, live_server, pc):
    number = publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "文字",
                     "--body", "请回复。", "--due", DUE, "--response", "text")
    device_row = DeviceInfo("d", service.settings(pc).branch_id)
    older = NoticeAnswer(answer_id=uuid.uuid4(), notice_id=number, kind="text", text="旧的",
                         answered_at="2026-12-06T08:00:00.000000Z")
    newer = NoticeAnswer(answer_id=uuid.uuid4(), notice_id=number, kind="text", text="新的",
                         answered_at="2026-12-06T09:00:00.000000Z")
    record = server_notices.record_answer
    assert record(live_server.store, device_row, older).outcome == "recorded"
    assert record(live_server.store, device_row, newer).outcome == "replaced"
    assert record(live_server.store, device_row, older).outcome == "superseded"
    assert [a.text for a in stored_answers(live_server, number)] == ["新的"]


def test_a_return_bundle_with_an_oversize_attachment_is_refused_before_anything_is_applied(
    tmp_path, live, monkeypatch
):
    branch_id, _code = live.branch()
    air = Workspace(tmp_path / "air", keyring=MemoryKeyring(), kdf=FAST_KDF)
    air.create(PROFILE, PASSPHRASE)
    set_up_bundles(air, tmp_path, live, branch_id)
    publish(live, tmp_path, "--all", "--title", "通知", "--body", "正文")
    opinions.file_opinion(live.store, branch_id, opinions.PortalOpinion(
        category="other", content="一条意见"))  # a change the return bundle carries too
    real = server_notices.notices_since

    def oversize(store, branch, since):
        found = real(store, branch, since)
        content = base64.b64encode(b"x").decode()
        found[0].attachments.append(NoticeAttachment(
            name="big.zip", size=MAX_ATTACHMENT_BYTES + 1, sha256="0" * 64, content=content))
        return found

    monkeypatch.setattr(server_notices, "notices_since", oversize)
    returned = through_http(live, bundle_sync_export(air, tmp_path))
    with pytest.raises(SyncProtocolError) as refused:
        bundle_sync.import_return_bundle(air, returned)
    assert refused.value.reason == "attachment_too_large"
    assert client_state(air) == ([], 0, [])
    with air.unit_of_work(read_only=True) as uow:  # not even the opinion: nothing applied
        assert uow.session.scalar(select(func.count()).select_from(OpinionRow)) == 0
        assert bundle_sync.get_setting(uow.session, bundle_sync.SETTING_CURSOR, "0") == "0"
        assert bundle_sync.get_setting(uow.session, bundle_sync.SETTING_RETURN_SEQUENCE) == ""
    air.lock()


def test_an_answer_waits_in_the_database_while_the_platform_cannot_be_reached(
    tmp_path, live_server, pc
):
    number = publish(live_server, tmp_path, "--branch", "BR-0001", "--title", "已阅通知",
                     "--body", "请阅知。", "--due", DUE, "--response", "read")
    sync(pc)
    notice_tasks.answer_notice(pc, number, "read")
    with socket.socket() as unused:  # a port nobody listens on
        unused.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{unused.getsockname()[1]}"
    service.configure(pc, server_url=dead)
    with pytest.raises(SyncServerUnreachableError):
        sync(pc)
    pc.lock()
    pc.unlock(PASSPHRASE)  # as after a restart
    assert notice_tasks.notice_task(pc, number).answer.state == "queued"
    assert stored_answers(live_server, number) == []
    service.configure(pc, server_url=live_server.url)
    assert sync(pc).answers == 1
    assert [a.kind for a in stored_answers(live_server, number)] == ["read"]

"""民主评议 records sync between PCs through the real reference server; a 秘密 appraisal (and the
timeline entries it writes) never reaches the platform nor a bundle."""

from __future__ import annotations

import json
from datetime import date

from app.domain.appraisal import Decider, Grade, Handling
from app.domain.members import Classification
from app.services import appraisal as a
from sync import bundle_sync, service
from tests.integration.sync.test_bundles import decrypted_upload, set_up_bundles
from tests.integration.sync.test_secret_everywhere import _pc
from tests.integration.sync.test_sync_engine import add_member, sync

TODAY = date(2026, 12, 28)


def _appraise(ws, member_id: str, notes: str, classification: Classification) -> str:
    data = a.AppraisalInput(
        self_assessed=True, votes=(0, 2, 3, 5), grade=Grade.UNQUALIFIED,
        decided_by=Decider.ASSEMBLY, decided_on=date(2026, 12, 20),
        handling=Handling.CORRECTION, correction_until=date(2027, 6, 30), notes=notes,
        classification=classification,
    )
    with ws.unit_of_work() as uow:
        record_id = a.save(uow, member_id, 2026, data, TODAY)
        uow.commit()
    return record_id


def test_an_appraisal_reaches_the_other_pc_and_a_secret_one_stays(live_server, tmp_path):
    live = live_server
    branch_id = live.branch()[0]
    first, second = _pc(tmp_path, "pc1", live, branch_id), _pc(tmp_path, "pc2", live, branch_id)
    set_up_bundles(first, tmp_path, live, branch_id)
    try:
        shared = add_member(first, "公开评议", birth="19800102")
        hidden = add_member(first, "秘密评议", birth="19810203")
        shared_id = _appraise(first, shared, "评议备注甲", Classification.INTERNAL)
        secret_id = _appraise(first, hidden, "评议备注乙", Classification.SECRET)

        upload = tmp_path / "upload.bdsync"
        bundle_sync.export_bundle(first, upload)
        payload = decrypted_upload(live, upload)
        assert shared_id in payload
        assert "评议备注甲" in payload
        assert secret_id not in payload
        assert "评议备注乙" not in payload
        assert "评议备注乙".encode() not in upload.read_bytes()

        sync(first)
        page = live.store.changes(service.settings(first).branch_id, 0, 2000, None)
        dumped = json.dumps([c.model_dump(mode="json") for c in page.changes],
                            ensure_ascii=False)
        assert shared_id in dumped
        assert secret_id not in dumped
        assert "评议备注乙" not in dumped
        # The 秘密 appraisal's timeline entries (grade, 限期改正) are 秘密 too.
        assert dumped.count("2026年度民主评议") == 2

        sync(second)
        with second.unit_of_work() as uow:
            got = a.get(uow, shared, 2026)
            assert a.get(uow, hidden, 2026) is None
        assert got is not None
        assert got.grade is Grade.UNQUALIFIED
        assert got.correction_until == date(2027, 6, 30)
        assert got.votes == (0, 2, 3, 5)
    finally:
        first.lock()
        second.lock()

"""The registry of synced record types: complete (no table syncs without a declaration), in
parent-before-child order, and its 秘密 rule — a record stays on the PC when it, or anything its
parent chain reaches, is 秘密 — for any type, checked as a property."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.storage.ids import natural_id
from app.storage.models import Base, SyncedRecord
from sync import registry
from sync.registry import LOCAL_ONLY_TABLES, RECORD_TYPES, Parent, RecordType

ROOT = Path(__file__).resolve().parents[3]


def test_every_table_with_sync_columns_is_declared():
    """A table of records that sync (a ``SyncedRecord``, or records carrying a server version
    outside sync's own bookkeeping) must be declared, or be one that stays on the PC."""
    declared = {kind.table for kind in RECORD_TYPES}
    synced = {
        mapper.class_.__tablename__ for mapper in Base.registry.mappers
        if issubclass(mapper.class_, SyncedRecord) or (
            "server_version" in mapper.class_.__table__.c
            and not mapper.class_.__tablename__.startswith("sync_"))
    }
    assert synced - declared - LOCAL_ONLY_TABLES == set()
    assert declared - synced == set()


def _outbox_entities() -> set[str]:
    """Entity names the services queue for the platform: the first argument of ``outbox`` and
    the first element of the tuples built in a function calling ``outbox_many``."""
    found: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            calls = [node for node in ast.walk(function) if isinstance(node, ast.Call)
                     and isinstance(node.func, ast.Attribute)]
            for call in calls:
                if call.func.attr == "outbox" and call.args and isinstance(
                        call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                    found.add(call.args[0].value)
            if any(call.func.attr == "outbox_many" for call in calls):
                for node in ast.walk(function):
                    if isinstance(node, ast.Tuple) and len(node.elts) >= 3 and isinstance(
                            node.elts[0], ast.Constant) and isinstance(node.elts[0].value, str) \
                            and node.elts[0].value.isidentifier():  # not an audit action
                        found.add(node.elts[0].value)
    return found


def test_every_entity_the_services_send_is_declared():
    sent = _outbox_entities()
    assert {"member", "dues_event", "meeting_attendance"} <= sent  # the scan finds them
    assert sent - set(registry.BY_ENTITY) == set()


def test_parents_are_declared_before_their_children():
    seen: set[str] = set()
    for kind in RECORD_TYPES:
        for parent in kind.parents:
            assert parent.entity in seen or parent.entity == kind.entity, (kind, parent)
        seen.add(kind.entity)


def test_natural_ids_are_the_registry_keys_hashed():
    """The services' ids (``natural_id``) and the keys the server and the pull match by
    (``natural_key``) name the same fact."""
    import uuid

    from app.storage.ids import NATURAL_ID_NAMESPACE

    member, month = "0190a000-0000-7000-8000-000000000001", "2026-10"
    due = {"kind": "due", "member_id": member, "month": month, "amount_fen": 1}
    cases = [
        (natural_id("dues_event", "due", member, month), due),
        (natural_id("dues_event", "due", member, month, "2"), {**due, "generation": 2}),
        (natural_id("dues_event", "reversal", member),
         {"kind": "reversal", "reverses_id": member, "note": "x"}),
        (natural_id("dues_base", member, month),
         {"member_id": member, "effective_month": month, "base_fen": 1}),
    ]
    for expected, data in cases:
        entity = "dues_base" if "effective_month" in data else "dues_event"
        key = registry.natural_key(entity, data)
        assert key is not None
        assert expected == str(uuid.uuid5(NATURAL_ID_NAMESPACE, key))
    assert registry.natural_key("dues_event", {"kind": "payment", "member_id": member}) is None
    assert len(natural_id("dues_event", "due", member, month)) == 36


# ---------------------------------------------------------------- 秘密, a property

@st.composite
def books(draw: st.DrawFn) -> tuple[dict[str, dict[str, dict[str, str]]], dict[str, set[str]]]:
    """Records of every declared type, each parent link pointing at a record of the parent type
    declared earlier (or nowhere), and some records of any type classified 秘密."""
    records: dict[str, dict[str, dict[str, str]]] = {}
    secret: dict[str, set[str]] = {}
    number = 0
    for kind in RECORD_TYPES:
        records[kind.entity] = {}
        for _ in range(draw(st.integers(0, 4))):
            number += 1
            record_id = f"{kind.entity}-{number}"
            record = {"id": record_id}
            for parent in kind.parents:
                choices = sorted(records[parent.entity])
                if choices and draw(st.booleans()):
                    record[parent.field] = draw(st.sampled_from(choices))
            records[kind.entity][record_id] = record
            if draw(st.integers(0, 5)) == 0:
                secret.setdefault(kind.entity, set()).add(record_id)
    return records, secret


def _reaches_secret(
    entity: str, record_id: str, records: dict[str, dict[str, dict[str, str]]],
    secret: dict[str, set[str]],
) -> bool:
    """The rule itself, walked the slow way: up every parent link to the end of the chain."""
    if record_id in secret.get(entity, set()):
        return True
    kind: RecordType = registry.BY_ENTITY[entity]
    record = records[entity][record_id]
    return any(
        record.get(parent.field) is not None
        and _reaches_secret(parent.entity, record[parent.field], records, secret)
        for parent in kind.parents
    )


@settings(max_examples=200, deadline=None)
@given(books())
def test_whatever_a_secret_record_reaches_stays_on_the_pc(book):
    records, secret = book

    def children_of(kind: RecordType, parent: Parent, ids: set[str]) -> set[str]:
        return {rid for rid, r in records[kind.entity].items() if r.get(parent.field) in ids}

    closure = registry.secret_closure(secret, children_of)
    for entity, items in records.items():
        for record_id, record in items.items():
            expected = _reaches_secret(entity, record_id, records, secret)
            assert (record_id in closure[entity]) == expected, (entity, record_id)
            # A record as a push sees it: its own fields (its id in the closure or not yet).
            assert registry.is_secret(entity, record, closure) == expected
            fresh = {k: v for k, v in record.items() if k != "id"}  # new, not in any set yet
            by_parent = any(
                fresh.get(p.field) in closure.get(p.entity, set())
                for p in registry.BY_ENTITY[entity].parents
            )
            assert registry.is_secret(entity, fresh, closure) == by_parent


def test_a_record_classified_secret_is_secret_by_its_own_field():
    from app.domain.members import Classification

    assert Classification.SECRET.value == registry.SECRET
    assert registry.is_secret("member", {"id": "m", "classification": "secret"}, {})
    assert registry.is_secret("meeting", {"id": "m", "classification": "secret"}, {})
    assert not registry.is_secret("member", {"id": "m", "classification": "internal"}, {})

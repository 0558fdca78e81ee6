"""Key slots, recovery codes, the clock and the unlock delay: small pure pieces of storage."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import KeySlotsCorruptError
from app.storage.hlc import next_hlc
from app.storage.keyslots import (
    KeySlots,
    new_key,
    new_recovery_code,
    normalize_recovery_code,
)
from app.storage.throttle import MAX_DELAY_SECONDS, delay_after
from tests.conftest import FAST_KDF


def test_a_slot_opens_only_with_its_secret_kind_and_database():
    key = new_key()
    slots = KeySlots(database_id="db-1")
    slots.add("passphrase", "secret one", key, FAST_KDF)
    assert slots.open("passphrase", "secret one") == key
    assert slots.open("passphrase", "secret two") is None
    assert slots.open("recovery", "secret one") is None
    moved = KeySlots(database_id="db-2", slots=slots.slots)
    assert moved.open("passphrase", "secret one") is None


def test_slots_round_trip_through_the_file(tmp_path):
    key = new_key()
    slots = KeySlots(database_id="db-1")
    slots.add("passphrase", "secret one", key, FAST_KDF)
    path = tmp_path / "k.keys"
    slots.save(path)
    assert KeySlots.load(path).open("passphrase", "secret one") == key
    assert key.hex() not in path.read_text()


@pytest.mark.parametrize("content", ["", "{}", "not json", json.dumps({"format": "other"}),
                                     json.dumps({"format": "branchdesk-keyslots", "version": 99})])
def test_a_damaged_key_file_is_reported(tmp_path, content):
    path = tmp_path / "k.keys"
    path.write_text(content)
    with pytest.raises(KeySlotsCorruptError):
        KeySlots.load(path)


def test_recovery_codes_are_groups_of_unambiguous_characters():
    code = new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 6
    assert all(len(g) == 4 for g in groups)
    assert not set(code) & set("01IO")
    assert normalize_recovery_code(code.lower().replace("-", "  ")) == code


def test_delay_grows_and_is_capped():
    assert [delay_after(n) for n in range(3)] == [0, 0, 0]
    assert delay_after(4) == 2 * delay_after(3) > 0
    assert delay_after(100) == MAX_DELAY_SECONDS


@given(st.lists(st.integers(min_value=0, max_value=2**40), min_size=1, max_size=50))
def test_clock_stamps_always_increase_even_when_the_wall_clock_steps_back(times):
    last = None
    for now in times:
        stamp = next_hlc(last, "node", now_ms=now)
        if last is not None:
            assert stamp > last
        last = stamp


def test_uuid7_is_a_valid_time_ordered_version_7_uuid():
    import uuid

    from app.storage.ids import uuid7

    ids = [uuid7() for _ in range(200)]
    parsed = [uuid.UUID(i) for i in ids]
    assert all(p.version == 7 and p.variant == uuid.RFC_4122 for p in parsed)
    assert [str(p) for p in parsed] == ids
    assert [i[:13] for i in ids] == sorted(i[:13] for i in ids)
    assert len(set(ids)) == len(ids)


def test_the_clock_rolls_into_the_next_millisecond_instead_of_a_sixth_counter_digit():
    from app.storage.hlc import next_hlc_many

    last = "0000000001000-99998-node"
    stamps = next_hlc_many(last, "node", 3, now_ms=1000)
    assert stamps == ["0000000001000-99999-node", "0000000001001-00000-node",
                      "0000000001001-00001-node"]
    assert next_hlc(stamps[0], "node", now_ms=1000) == "0000000001001-00000-node"
    assert stamps == sorted(stamps)


@given(st.text(alphabet="0123456789", min_size=1, max_size=3).map(int),
       st.integers(min_value=0, max_value=2**40), st.integers(min_value=0, max_value=300))
def test_many_stamps_equal_one_at_a_time(counter, now, count):
    from app.storage.hlc import next_hlc_many

    last = f"{now:013d}-{min(counter, 99_999):05d}-n"
    one_by_one, stamp = [], last
    for _ in range(count):
        stamp = next_hlc(stamp, "n", now_ms=now)
        one_by_one.append(stamp)
    assert next_hlc_many(last, "n", count, now_ms=now) == one_by_one

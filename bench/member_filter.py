"""Filtering the 10,000-member list per keystroke (issue 3; goal <= 30 ms and <= 2x raw SQL).

A register of 10,000 members (the demo generator when present, else the member services in one
transaction) in a real SQLCipher database. A secretary types names, part of an ID number and part
of a phone number character by character into the search box. Each keystroke is measured as the
member list sees it: ``MemberTableModel.set_filter`` (one unit of work: the filtered, sorted ids
and the first page of rows through the services) plus ``data()`` for the rows a screen shows.
(The debounce timer of the page is not counted: it only decides *when* this work runs.) The
model keeps rows it has read while the filter changes; each round starts with none kept.

The reference is the same filter as one raw SQL statement on the same kind of connection (the
sqlcipher3 connection of the workspace's engine, no ORM): the id query alone, and the id query
plus the first page of rows. Figures are median and 95th percentile over every keystroke.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services import members
from app.services.members import MemberFilter, MemberInput
from app.services.workspace import BranchProfile, KdfParams, Workspace

MEMBERS = 10_000
GOAL_MS = 30.0
GOAL_RATIO = 2.0
VISIBLE_ROWS = 25  # rows a screen shows: the view asks data() for these
ROUNDS = 5
TODAY = date(2025, 6, 16)

RAW_IDS = """
SELECT member.id FROM member
WHERE member.status = ? AND (
    member.name LIKE ? ESCAPE '\\' OR member.id_number LIKE ? ESCAPE '\\'
    OR member.phone LIKE ? ESCAPE '\\' OR member.work_unit LIKE ? ESCAPE '\\')
ORDER BY member.name, member.id
"""
RAW_PAGE = """
SELECT member.*, party_group.name FROM member
LEFT OUTER JOIN party_group ON member.party_group_id = party_group.id
WHERE member.id IN ({marks})
"""


def _populate(workspace: Workspace) -> str:
    """Fill the register; returns how."""
    try:
        from app.services import demo
    except ImportError:
        demo = None  # type: ignore[assignment]
    with workspace.unit_of_work() as uow:
        if demo is not None and hasattr(demo, "populate"):
            demo.populate(uow, TODAY, MEMBERS, year=False)
            how = "app.services.demo.populate"
        else:
            for i in range(MEMBERS):
                members.create_member(uow, _fallback_member(i), TODAY)
            how = "members.create_member in one transaction"
        uow.commit()
    return how


def _fallback_member(i: int) -> MemberInput:
    from app.domain.id_numbers import check_character

    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
    given = "建国秀英海燕志强丽华伟静明辉红梅晓东玉兰国庆春生淑珍文杰丹磊雪梅永刚桂英"
    birth = date(1950 + i % 55, 1 + i % 12, 1 + i % 28)
    first17 = f"{110101 + (i % 7) * 100}{birth:%Y%m%d}{i % 1000:03d}"
    name = surnames[i % len(surnames)] + given[(i * 7) % len(given)] + given[(i * 13) % len(given)]
    return MemberInput(
        name=name, id_number=first17 + check_character(first17), phone=f"139{i:08d}",
        work_unit=("市财政局", "市第一中学", "人民医院", "城关街道")[i % 4],
    )


def _keystrokes(workspace: Workspace) -> list[str]:
    """What a secretary types, one prefix per keystroke: names, part of an ID, a phone."""
    with workspace.unit_of_work() as uow:
        ids = members.member_ids(uow, MemberFilter())
        rows = members.member_rows(uow, [ids[i] for i in range(0, len(ids), len(ids) // 8)])
    words = [r.name for r in rows[:6]]
    words.append(rows[6].id_number[6:12])  # birth year and month, as typed from a card
    words.append(rows[7].phone[-4:] if rows[7].phone else "1390")
    return [word[: n + 1] for word in words for n in range(len(word))]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _time(
    step: Callable[[str], Any], keystrokes: list[str], before_round: Callable[[], Any] = list
) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        before_round()
        for text in keystrokes:
            start = time.perf_counter()
            step(text)
            samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    from ui.members.table_model import MemberTableModel

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(Path(folder) / "data", keyring=None, kdf=KdfParams(n=2**10))
        workspace.create(BranchProfile("基准测试党支部", "BENCH", "上级党委", "书记"), "bench pass")
        start = time.perf_counter()
        how = _populate(workspace)
        print(f"member_filter: {MEMBERS} members inserted in {time.perf_counter() - start:.1f} s "
              f"({how})")
        keystrokes = _keystrokes(workspace)
        model = MemberTableModel(workspace)
        columns = model.columnCount()

        def as_the_model(text: str) -> None:
            model.set_filter(MemberFilter(text=text))
            for row in range(min(VISIBLE_ROWS, model.rowCount())):
                for column in range(columns):
                    model.data(model.index(row, column))

        with workspace.unit_of_work() as uow:
            raw = uow.session.connection().connection.driver_connection

            def raw_ids(text: str) -> list[Any]:
                pattern = f"%{text}%"
                return raw.execute(
                    RAW_IDS, ("active", pattern, pattern.upper(), pattern, pattern)
                ).fetchall()

            def raw_ids_and_page(text: str) -> None:
                ids = [r[0] for r in raw_ids(text)][:100]
                if ids:
                    marks = ",".join("?" * len(ids))
                    raw.execute(RAW_PAGE.format(marks=marks), ids).fetchall()

            as_the_model("")  # warm the page cache the same way for all three
            raw_ids("")
            # Each round starts with an empty row cache: only what typing itself read helps.
            model_ms = _percentiles(_time(as_the_model, keystrokes, model.clear))
            raw_ms = _percentiles(_time(raw_ids, keystrokes))
            raw_page_ms = _percentiles(_time(raw_ids_and_page, keystrokes))
        workspace.lock()
    del app
    ratio = model_ms[0] / raw_ms[0]
    print(f"member_filter: {len(keystrokes)} keystrokes x {ROUNDS}: "
          f"list model median {model_ms[0]:.1f} ms, p95 {model_ms[1]:.1f} ms "
          f"(goal <= {GOAL_MS:.0f} ms) {'OK' if model_ms[1] <= GOAL_MS else 'OVER'}")
    print(f"member_filter: raw SQL id query median {raw_ms[0]:.1f} ms, p95 {raw_ms[1]:.1f} ms; "
          f"raw id query + first page median {raw_page_ms[0]:.1f} ms, p95 {raw_page_ms[1]:.1f} ms")
    print(f"member_filter: ratio {ratio:.2f}x the raw id query, "
          f"{model_ms[0] / raw_page_ms[0]:.2f}x raw id query + page "
          f"(goal <= {GOAL_RATIO:.0f}x) {'OK' if ratio <= GOAL_RATIO else 'OVER'}")


if __name__ == "__main__":
    main()

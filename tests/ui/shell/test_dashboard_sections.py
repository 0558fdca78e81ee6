"""工作台's sections are one list with one interface (``ui.shell.dashboard.SECTIONS``): each loads
its entries off the GUI thread and shows them; "Nothing needs attention" shows only once every
section has loaded and none has anything (nor failed)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.domain.meetings import MeetingType
from app.errors import DatabaseLockedError
from app.services import demo, meetings
from app.services.workspace import Workspace
from ui.common.tasks import Operation
from ui.shell.dashboard import SECTIONS, DashboardPage
from ui.shell.pages import PAGES
from ui.widgets.background_list import BackgroundList

QUIET_DAY = date(2026, 6, 15)  # no committee term, no talks quarter, nothing in the books


class Gates:
    """Holds each section's real operation until the test opens its gate."""

    def __init__(self) -> None:
        self.gates: dict[str, threading.Event] = {}
        self.failing: set[str] = set()

    def hold(self, name: str, section: BackgroundList) -> None:
        gate = self.gates[name] = threading.Event()
        real = section.operation
        failing = self.failing

        def operation(today: date) -> Operation:
            work = real(today)

            def held(context: Any) -> object:
                assert gate.wait(10), f"the test never opened {name}"
                if name in failing:
                    raise DatabaseLockedError()
                return work(context)

            return held

        section.operation = operation  # type: ignore[method-assign]

    def open_all(self) -> None:
        for gate in self.gates.values():
            gate.set()


@pytest.fixture
def gates() -> Iterator[Gates]:
    gates = Gates()
    yield gates
    gates.open_all()  # never leave a worker waiting


@pytest.fixture
def quiet(workspace: Workspace) -> Workspace:
    """A branch with nothing due: no meetings required, no members."""
    with workspace.unit_of_work() as uow:
        meetings.save_frequencies(uow, dict.fromkeys(MeetingType))
        uow.commit()
    return workspace


def dashboard(qtbot: QtBot, workspace: Workspace, today: date) -> DashboardPage:
    page = DashboardPage(workspace, today=lambda: today)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_every_section_is_one_entry_linking_to_a_page(qtbot: QtBot, quiet: Workspace) -> None:
    page = dashboard(qtbot, quiet, QUIET_DAY)
    assert list(page.sections) == [name for name, _ in SECTIONS]
    followed: list[str] = []
    page.go_to.connect(followed.append)
    for name, section in page.sections.items():
        assert section.page in PAGES, name
        assert f'href="{section.page}"' in section.heading.text()
        section.heading.linkActivated.emit(section.page)
    assert followed == [section.page for section in page.sections.values()]


def test_nothing_needs_attention_only_once_every_section_has_loaded_empty(
    qtbot: QtBot, quiet: Workspace, gates: Gates
) -> None:
    page = dashboard(qtbot, quiet, QUIET_DAY)
    assert not page.reminders_label.isVisible()  # nothing loaded yet
    for name, section in page.sections.items():
        gates.hold(name, section)
    page.refresh()
    names = list(page.sections)
    for name in names[:-1]:  # each section in turn; the last one still loading
        with qtbot.waitSignal(page.sections[name].loaded, timeout=10_000):
            gates.gates[name].set()
        assert page.sections[name].entries == []
        assert not page.reminders_label.isVisible(), name
        assert not page.filled
    with qtbot.waitSignal(page.all_loaded, timeout=10_000):
        gates.gates[names[-1]].set()
    assert page.filled
    assert page.reminders_label.isVisible()
    shown = [name for name, section in page.sections.items() if section.isVisible()]
    assert shown == ["meetings"]  # which says so: every required meeting is held
    assert page.sections["meetings"].labels[0].text() == "本期要求召开的会议均已召开。"

    # A section that could not load its entries is not "nothing": it says why instead.
    gates.failing.add("opinions")
    for gate in gates.gates.values():
        gate.clear()
    page.refresh()
    assert not page.reminders_label.isVisible()  # loading again
    with qtbot.waitSignal(page.all_loaded, timeout=10_000):
        gates.open_all()
    opinions = page.sections["opinions"]
    assert opinions.failed
    assert opinions.status_label.isVisible()
    assert not page.reminders_label.isVisible()

    # Locked: the sections are forgotten, and so is "nothing".
    page.clear()
    assert not page.reminders_label.isVisible()
    assert not page.filled


def test_each_sections_entries_show(qtbot: QtBot, workspace: Workspace) -> None:
    today = date(2026, 11, 25)  # the talks quarter; the demo's overdue items and arrears
    with workspace.unit_of_work() as uow:
        demo.populate(uow, today, 60)
        uow.commit()
    page = dashboard(qtbot, workspace, today)
    with qtbot.waitSignal(page.all_loaded, timeout=60_000):
        page.refresh()
    with_entries = {name for name, section in page.sections.items() if section.entries}
    assert {"meetings", "rectification", "talks", "development", "arrears"} <= with_entries
    for name in with_entries:
        section = page.sections[name]
        assert section.isVisible(), name
        assert section.labels, name
        assert all(label.isVisible() and label.text() for label in section.labels), name
        assert not section.status_label.isVisible(), name
    for name in set(page.sections) - with_entries - {"meetings"}:
        assert not page.sections[name].isVisible(), name
    assert not page.reminders_label.isVisible()

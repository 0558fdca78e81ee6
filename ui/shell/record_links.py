"""Opening a record that another page names (a gap in the 党内统计, a record behind a 考核评价
figure): the record's page, with the record selected or opened. The shell does it, so that the
feature packages never import one another (the import contracts)."""

from __future__ import annotations

from typing import Any

# entity -> (page, how the page shows the record: a method taking its id)
_OPENERS: dict[str, tuple[str, str]] = {
    "member": ("members", "show_detail"),
    "meeting": ("meetings", "select_meeting"),
    "talk": ("talks", "open_talk"),
    "rectification_item": ("rectification", "open_item"),
    "opinion": ("opinions", "select"),
    "disclosure": ("disclosures", "select"),
}


def open_record(window: Any, entity: str, record_id: str) -> bool:
    """Show the page of ``entity`` in ``window`` (``MainWindow``) with ``record_id`` on it;
    False for a kind of record no page shows."""
    found = _OPENERS.get(entity)
    if found is None or not record_id:
        return False
    name, method = found
    window.show_page_named(name)
    page = getattr(window, name)
    if name == "members":
        page.select_member(record_id)
    getattr(page, method)(record_id)
    return True

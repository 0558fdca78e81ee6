"""What the 同步 page shows, read through the services: settings, pending count, conflicts (with
member names and dues wording), history and notices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.errors import BranchDeskError
from app.services import members as member_service
from app.services.workspace import Workspace
from ui.common.lazy_module import LazyModule as _LazyModule
from ui.common.member_texts import field_label
from ui.sync.texts import (
    dues_field_label,
    entity_label,
    fen_text,
    ledger_label,
    month_code_text,
    value_text,
)

if TYPE_CHECKING:
    from sync import service
else:
    service = _LazyModule("sync.service")  # the sync client: imported when first read


@dataclass(frozen=True)
class ConflictLine:
    id: str
    record: str
    field: str
    local: str
    server: str


@dataclass(frozen=True)
class SyncState:
    settings: service.SyncSettings
    pending: int
    conflicts: list[ConflictLine]
    history: list[service.SyncRun]
    notices: list[service.PlatformNotice]


def load_state(workspace: Workspace) -> SyncState:
    """Everything the page shows, read through the services (member names for conflicts)."""
    lines = []
    names: dict[str, str] = {}
    for conflict in service.conflicts(workspace):
        record = entity_label(conflict.entity)
        field = conflict.field
        local, server = value_text(conflict.local_value), value_text(conflict.server_value)
        member_id = conflict.entity_id if conflict.entity == "member" else conflict.member_id
        if member_id and member_id not in names:
            try:
                with workspace.unit_of_work(read_only=True) as uow:
                    names[member_id] = member_service.get_member(uow, member_id).data.name
            except BranchDeskError:
                names[member_id] = ""
        if conflict.entity == "member":
            record = f"{record} {names[conflict.entity_id]}".strip()
            field = field_label(conflict.field)
        elif conflict.entity in ("dues_base", "dues_event"):
            if conflict.entity == "dues_event":
                record = ledger_label(conflict.kind)
            month = month_code_text(conflict.month)
            record = " ".join(p for p in (record, names.get(member_id or "", ""), month) if p)
            field = dues_field_label(conflict.field)
            if conflict.field.endswith("_fen"):
                local, server = fen_text(conflict.local_value), fen_text(conflict.server_value)
        lines.append(ConflictLine(conflict.id, record, field, local, server))
    return SyncState(service.settings(workspace), service.pending_count(workspace), lines,
                     service.history(workspace), service.notices(workspace))

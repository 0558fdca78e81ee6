"""党务公开 on the platform: the portal's list of a branch's disclosed items, and the feedback
the portal files on an item during its 公示期 (a ``disclosure_feedback`` record the branch's PCs
pull like any other).

The items are the ``disclosure`` records the PCs pushed (``sync.registry``; 秘密 ones never
arrive). The portal is the platform's own site: these endpoints take no device token (they are
not under ``/v1/branches/``) and name the branch by its code.
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Path, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from server import db, limits
from server.store import Store

PLATFORM_DEVICE = "platform"
"""The ``device`` a record written by the platform itself is stored as made by."""
SHOWN = ("published", "withdrawn")
"""The steps of an item the portal knows about (drafts stay with the branch)."""

State = Literal["upcoming", "open", "expired", "withdrawn"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PortalItem(_Model):
    id: str
    category: str
    title: str
    content: str
    scope: str = Field(description="party (党内), public (党外/社会) or specific (特定范围)")
    scope_note: str
    start_on: str
    end_on: str
    feedback_channel: str
    published_on: str | None
    withdrawn_on: str | None
    state: State = Field(description="on the day asked for: upcoming, open (within the 公示期), "
                         "expired (after it), withdrawn (taken down by the branch)")


class PortalItems(_Model):
    branch: str
    on: str
    items: list[PortalItem]


class FeedbackRequest(_Model):
    author: str = Field(default="", max_length=50, description="empty: anonymous")
    content: str = Field(min_length=1, max_length=2000)


class FeedbackResponse(_Model):
    id: str
    received_on: str


class PortalError(_Model):
    reason: str


def state_of(data: dict[str, Any], on: date) -> State:
    if data.get("status") == "withdrawn":
        return "withdrawn"
    if on < date.fromisoformat(str(data["start_on"])):
        return "upcoming"
    if on > date.fromisoformat(str(data["end_on"])):
        return "expired"
    return "open"


def _branch_id(store: Store, code: str) -> str | None:
    with store.engine.connect() as connection:
        found = connection.scalar(select(db.branch.c.id).where(db.branch.c.code == code))
    return str(found) if found is not None else None


def _items(store: Store, branch_id: str) -> list[tuple[str, dict[str, Any]]]:
    record = db.record.c
    with store.engine.connect() as connection:
        rows = connection.execute(select(record.id, record.data).where(
            record.branch_id == branch_id, record.entity == "disclosure",
            record.deleted.is_(False),
        )).all()
    found = [(str(r.id), json.loads(r.data)) for r in rows]
    return [(i, data) for i, data in found if data.get("status") in SHOWN
            and data.get("start_on") and data.get("end_on")]


def published(
    store: Store, code: str, on: date, public_only: bool = False
) -> PortalItems | None:
    """The branch's disclosed items (the latest 公示期 first) and their state on ``on``, only
    those disclosed outside the party (党外/社会) with ``public_only``; None when no branch has
    that code."""
    branch_id = _branch_id(store, code)
    if branch_id is None:
        return None
    items = [
        PortalItem(
            id=item_id, category=str(data.get("category", "")), title=str(data.get("title", "")),
            content=str(data.get("content", "")), scope=str(data.get("scope", "")),
            scope_note=str(data.get("scope_note", "")), start_on=str(data["start_on"]),
            end_on=str(data["end_on"]), feedback_channel=str(data.get("feedback_channel", "")),
            published_on=data.get("published_on"), withdrawn_on=data.get("withdrawn_on"),
            state=state_of(data, on),
        )
        for item_id, data in _items(store, branch_id)
        if not public_only or data.get("scope") == "public"
    ]
    items.sort(key=lambda i: (i.start_on, i.id), reverse=True)
    return PortalItems(branch=code, on=on.isoformat(), items=items)


def file_feedback(
    store: Store, code: str, item_id: str, body: FeedbackRequest, on: date
) -> FeedbackResponse | str:
    """Record feedback on an open item as a ``disclosure_feedback`` record of the branch (its
    PCs pull it); the reason (``not_found``, ``not_open``) when refused."""
    branch_id = _branch_id(store, code)
    if branch_id is None:
        return "not_found"
    found = dict(_items(store, branch_id)).get(item_id)
    if found is None:
        return "not_found"
    if state_of(found, on) != "open":
        return "not_open"
    feedback_id = str(uuid.uuid4())
    data = {
        "disclosure_id": item_id, "received_on": on.isoformat(), "channel": "platform",
        "author": body.author.strip(), "content": body.content.strip(),
        "classification": "internal",
    }
    insert_platform_record(store, branch_id, "disclosure_feedback", feedback_id, data)
    return FeedbackResponse(id=feedback_id, received_on=on.isoformat())


def insert_platform_record(
    store: Store, branch_id: str, entity: str, record_id: str, data: dict[str, Any]
) -> int:
    """A new record written by the platform, as a push would store it (version 1, the next
    change number of the branch); returns that number."""
    hlc = f"{time.time_ns() // 1_000_000:013d}-00000-{PLATFORM_DEVICE}"
    with store._writing() as connection:  # the store's one write path (a lock on SQLite)
        last_seq = int(connection.execute(
            select(db.branch.c.last_seq).where(db.branch.c.id == branch_id).with_for_update()
        ).scalar_one())
        seq = last_seq + 1
        connection.execute(db.record.insert().values(
            branch_id=branch_id, entity=entity, id=record_id, version=1, seq=seq,
            deleted=False, data=json.dumps(data, ensure_ascii=False, sort_keys=True,
                                           separators=(",", ":")),
            meta=json.dumps({name: [1, PLATFORM_DEVICE, hlc] for name in data},
                            sort_keys=True, separators=(",", ":")),
            natural_key=None, echo_device=None,
        ))
        connection.execute(db.branch.update().where(db.branch.c.id == branch_id)
                           .values(last_seq=seq))
    return seq


def today() -> date:
    return datetime.now(UTC).date()


Code = Annotated[str, Path(min_length=1, max_length=50)]
ItemId = Annotated[str, Path(min_length=1, max_length=36)]
_NOT_FOUND = {"model": PortalError, "description": "no branch with this code, or no such item"}


def add_routes(app: FastAPI, store: Store) -> None:
    """The portal's endpoints for 党务公开."""

    @app.get(
        "/v1/portal/branches/{code}/disclosures",
        response_model=PortalItems,
        responses={404: _NOT_FOUND, 422: {"model": PortalError, "description": "invalid"}},
        summary="The portal: a branch's disclosed items (党务公开) and their state on a day",
        tags=["portal"],
    )
    def portal_disclosures(
        code: Code,
        on: Annotated[date | None, Query(description="the day (default: today, UTC)")] = None,
        audience: Annotated[Literal["party", "public"], Query(
            description="party: every item (for members signed in); public: only those "
            "disclosed outside the party (党外/社会), for anyone")] = "party",
    ) -> Any:
        found = published(store, code, on or today(), public_only=audience == "public")
        if found is None:
            return JSONResponse({"reason": "not_found"}, status_code=404)
        return found

    @app.post(
        "/v1/portal/branches/{code}/disclosures/{item_id}/feedback",
        response_model=FeedbackResponse,
        status_code=201,
        responses={400: {"model": PortalError, "description": "the body is not JSON"},
                   404: _NOT_FOUND,
                   409: {"model": PortalError,
                         "description": "not_open: the item is not within its 公示期"},
                   413: {"model": PortalError, "description": f"the body is over "
                         f"{limits.OTHER_LIMIT} bytes: refused (reason too_large)"},
                   422: {"model": PortalError, "description": "invalid"}},
        openapi_extra={"x-max-body-bytes": limits.OTHER_LIMIT},
        summary="The portal: file feedback on a disclosed item during its 公示期",
        tags=["portal"],
    )
    def portal_feedback(code: Code, item_id: ItemId, body: FeedbackRequest) -> Any:
        answer = file_feedback(store, code, item_id, body, today())
        if isinstance(answer, str):
            return JSONResponse({"reason": answer},
                                status_code=404 if answer == "not_found" else 409)
        return answer

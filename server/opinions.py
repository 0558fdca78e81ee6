"""意见建议 filed on the platform (issue 17): the city's portal files a member's opinion for a
branch, and reads its status and answer back.

An opinion filed here becomes a record of the branch's ``opinion`` entity made by the platform
(device ``platform``, version 1, the branch's next change number): the branch's PCs pull it like
any change, the secretary forwards and answers it there, and the push of those changes updates
the same record, which ``opinion_status`` reads. The portal is the platform's own front end: it
authenticates with the portal token the administrator makes (``admin portal-token``; only its
hash is stored), not with a device token.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import secrets
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Header, Path
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select, update

from server import db, limits
from server.store import NotFound, Store

ENTITY = "opinion"
PLATFORM_DEVICE = "platform"
TOKEN_KEY = "portal_token_hash"  # noqa: S105 - the name of a server_state row
CATEGORIES = ("business", "party_building", "conduct", "other")
CATEGORY_WORDS = {"business": "业务工作", "party_building": "党建工作", "conduct": "作风建设",
                  "other": "其他"}
STATUS_WORDS = {"pending": "待处理", "forwarded": "已转办", "answered": "已答复",
                "implemented": "已落实", "declined": "不予采纳"}

_BEIJING = timezone(timedelta(hours=8))  # the day the member filed it, as the branch counts

Category = Literal["business", "party_building", "conduct", "other"]


class PortalOpinion(BaseModel):
    """An opinion a member submitted on the portal for a branch."""

    model_config = ConfigDict(extra="forbid")

    category: Category
    content: str = Field(min_length=1, max_length=4000)
    proposer_name: str = Field(default="", max_length=50)
    anonymous: bool = False


class PortalOpinionStatus(BaseModel):
    """Where an opinion filed on the portal stands, as the branch last synced it."""

    id: str
    received_on: str
    category: str
    status: Literal["pending", "forwarded", "answered", "implemented", "declined"]
    forwarded_to: str = ""
    reply: str = ""
    measures: str = ""
    decline_reason: str = ""
    answered_on: str | None = None
    feedback_on: str | None = None


class PortalError(BaseModel):
    reason: str


# ---------------------------------------------------------------- the store's side
def new_portal_token(store: Store) -> str:
    """A new portal token (the previous one stops working); only its hash is kept."""
    token = secrets.token_urlsafe(32)
    digest = hashlib.sha256(token.encode()).hexdigest()
    with store.engine.begin() as connection:
        found = connection.scalar(select(db.server_state.c.key).where(
            db.server_state.c.key == TOKEN_KEY))
        if found is None:
            connection.execute(db.server_state.insert().values(key=TOKEN_KEY, value=digest))
        else:
            connection.execute(update(db.server_state).where(
                db.server_state.c.key == TOKEN_KEY).values(value=digest))
    return token


def portal_token_valid(store: Store, token: str) -> bool:
    with store.engine.connect() as connection:
        stored = connection.scalar(select(db.server_state.c.value).where(
            db.server_state.c.key == TOKEN_KEY))
    digest = hashlib.sha256(token.encode()).hexdigest()
    return bool(stored) and hmac.compare_digest(str(stored), digest)


def file_opinion(store: Store, branch: str, opinion: PortalOpinion) -> str:
    """Store the opinion as the branch's next change; its record id. NotFound: no branch."""
    branch_id = store.find_branch(branch)
    record_id = str(uuid.uuid4())
    data: dict[str, Any] = {
        "kind": "opinion", "channel": "platform", "category": opinion.category,
        "content": opinion.content.strip(), "anonymous": opinion.anonymous,
        "proposer_name": "" if opinion.anonymous else opinion.proposer_name.strip(),
        "received_on": datetime.now(_BEIJING).date().isoformat(), "status": "pending",
        "classification": "internal",
    }
    hlc = f"{time.time_ns() // 1_000_000:013d}-00000-{PLATFORM_DEVICE}"
    meta = {name: [1, PLATFORM_DEVICE, hlc] for name in data}
    lock = "" if store.engine.dialect.name == "sqlite" else " FOR UPDATE"
    with store._writing() as connection:  # the push's lock: change numbers stay in order
        last_seq = int(connection.exec_driver_sql(
            _sql(connection, f"SELECT last_seq FROM branch WHERE id = ?{lock}"),  # noqa: S608
            (branch_id,)).scalar_one())
        connection.execute(db.record.insert().values(
            branch_id=branch_id, entity=ENTITY, id=record_id, version=1, seq=last_seq + 1,
            deleted=False, data=_dumps(data), meta=_dumps(meta), natural_key=None,
            echo_device=None,
        ))
        connection.execute(update(db.branch).where(db.branch.c.id == branch_id).values(
            last_seq=last_seq + 1))
    return record_id


def opinion_status(store: Store, branch: str, opinion_id: str) -> PortalOpinionStatus | None:
    """The opinion's status and answer as the branch's PCs last pushed them; None when the
    branch has no such opinion from the platform (or it was removed)."""
    branch_id = store.find_branch(branch)
    with store.engine.connect() as connection:
        row = connection.execute(select(db.record.c.data, db.record.c.deleted).where(
            db.record.c.branch_id == branch_id, db.record.c.entity == ENTITY,
            db.record.c.id == opinion_id)).one_or_none()
    if row is None or row.deleted:
        return None
    data = json.loads(row.data)
    if data.get("channel") != "platform" or data.get("kind") != "opinion":
        return None  # entries made on a PC are not the portal's to read
    status = data.get("status") if data.get("status") in STATUS_WORDS else "pending"
    return PortalOpinionStatus.model_validate({
        "id": opinion_id, "received_on": str(data.get("received_on", "")),
        "category": str(data.get("category", "")), "status": status,
        **{name: str(data.get(name) or "") for name in (
            "forwarded_to", "reply", "measures", "decline_reason")},
        "answered_on": data.get("answered_on"), "feedback_on": data.get("feedback_on"),
    })


def _sql(connection: Any, statement: str) -> str:
    return statement if connection.dialect.paramstyle == "qmark" else statement.replace("?", "%s")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# ---------------------------------------------------------------- the portal's endpoints
_PORTAL_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": PortalError, "description": "the body is not JSON"},
    401: {"model": PortalError, "description": "no or wrong portal token"},
    404: {"model": PortalError, "description": "no such branch (or opinion)"},
    413: {"model": PortalError, "description": f"the body is over {limits.OTHER_LIMIT} "
          "bytes: refused (reason too_large) before it is read"},
    422: {"model": PortalError, "description": "invalid request"},
}
BranchRef = Annotated[str, Path(min_length=1, max_length=50, description="code or id")]
PortalToken = Annotated[str, Header(max_length=200, description="from admin portal-token")]


def add_portal_routes(app: FastAPI, store: Store) -> None:
    @app.post(
        "/v1/portal/branches/{branch}/opinions",
        response_model=PortalOpinionStatus, status_code=201, responses=_PORTAL_ERRORS,
        summary="The platform's portal files a member's opinion for a branch (意见建议); it "
        "reaches the branch's PCs by sync",
    )
    def portal_file(
        branch: BranchRef, body: PortalOpinion, x_portal_token: PortalToken = "",
    ) -> Any:
        if not portal_token_valid(store, x_portal_token):
            return JSONResponse({"reason": "unauthorized"}, status_code=401)
        try:
            record_id = file_opinion(store, branch, body)
            return opinion_status(store, branch, record_id)
        except NotFound:
            return JSONResponse({"reason": "not_found"}, status_code=404)

    @app.get(
        "/v1/portal/branches/{branch}/opinions/{opinion_id}",
        response_model=PortalOpinionStatus, responses=_PORTAL_ERRORS,
        summary="The status and answer of an opinion filed on the portal, as the branch "
        "last synced them",
    )
    def portal_status(
        branch: BranchRef,
        opinion_id: Annotated[str, Path(min_length=1, max_length=36)],
        x_portal_token: PortalToken = "",
    ) -> Any:
        if not portal_token_valid(store, x_portal_token):
            return JSONResponse({"reason": "unauthorized"}, status_code=401)
        try:
            found = opinion_status(store, branch, opinion_id)
        except NotFound:
            found = None
        if found is None:
            return JSONResponse({"reason": "not_found"}, status_code=404)
        return found


# ---------------------------------------------------------------- admin commands
def add_admin_commands(admin: Any) -> None:
    """``admin portal-token``, ``admin file-opinion``, ``admin opinion``."""
    admin.add_parser("portal-token", help="make a new token for the portal's opinion "
                     "endpoints (the old one stops working)")
    filing = admin.add_parser("file-opinion", help="file an opinion for a branch, as the "
                              "portal does; prints its id")
    filing.add_argument("branch", metavar="支部", help="branch code or id")
    filing.add_argument("--category", required=True, choices=CATEGORIES, metavar="类别",
                        help="business, party_building, conduct or other")
    filing.add_argument("--content", required=True, metavar="内容",
                        help="what the member wrote")
    who = filing.add_mutually_exclusive_group()
    who.add_argument("--name", default="", metavar="姓名", help="the member's name")
    who.add_argument("--anonymous", action="store_true", help="filed anonymously")
    status = admin.add_parser("opinion", help="an opinion's status and answer on the platform")
    status.add_argument("branch", metavar="支部", help="branch code or id")
    status.add_argument("opinion_id", metavar="标识", help="the id file-opinion printed")


def run_admin(args: argparse.Namespace, store: Store) -> int | None:
    """Run one of this module's admin commands; None when ``args`` names another."""
    if args.action == "portal-token":
        print(f"门户令牌（只显示这一次，原令牌即时失效）：{new_portal_token(store)}")
        return 0
    if args.action == "file-opinion":
        if not args.content.strip():
            print("内容不能为空，未提交意见建议。", file=sys.stderr)
            return 1
        record_id = file_opinion(store, args.branch, PortalOpinion(
            category=args.category, content=args.content[:4000],
            proposer_name=args.name[:50], anonymous=args.anonymous))
        print(f"已为支部提交意见建议，标识：{record_id}（支部电脑同步后收到）")
        return 0
    if args.action == "opinion":
        found = opinion_status(store, args.branch, args.opinion_id)
        if found is None:
            print(f"该支部没有这条平台意见建议：{args.opinion_id}", file=sys.stderr)
            return 1
        lines = [f"状态：{STATUS_WORDS[found.status]}"]
        lines += [f"{label}：{value}" for label, value in (
            ("类别", CATEGORY_WORDS.get(found.category, found.category)),
            ("承办单位", found.forwarded_to), ("答复意见", found.reply),
            ("落实措施", found.measures), ("不予采纳理由", found.decline_reason),
            ("答复日期", found.answered_on or ""), ("反馈日期", found.feedback_on or ""),
        ) if value]
        print("\n".join(lines))
        return 0
    return None

"""谈心谈话 (支部工作条例 第19条; DOMAIN.md, "Talks"): the record book and the year's coverage.

Every write runs in the caller's unit of work with its audit entry and sync-outbox op; the caller
commits. A talk's people are ``talk_participant`` records (a set: the same person added on two
PCs is one, ``sync.registry``); a 秘密 talk and its people never leave the PC.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.documents import talks as doc
from app.documents.vocabulary import CLASSIFICATION_LABELS
from app.domain import talks as rules
from app.domain.development import Stage
from app.domain.members import BranchPost, Classification, MembershipStatus
from app.domain.talks import Coverage, Person, TalkKind
from app.errors import FieldProblem, FileAccessError, InvalidInputError, RecordNotFoundError
from app.services import branch
from app.services.classification import audit_change
from app.storage.ids import natural_id, utc_iso
from app.storage.models import MemberRow, TalkParticipantRow, TalkRow
from app.storage.unit_of_work import UnitOfWork

TOPIC_MAX = 200


@dataclass(frozen=True)
class TalkInput:
    on_date: date
    kind: TalkKind
    topic: str
    people: tuple[str, ...]  # member ids, two or more
    record: str = ""
    follow_up: str = ""  # the follow-up needed; empty: none
    classification: Classification = Classification.INTERNAL


@dataclass(frozen=True)
class Talk:
    id: str
    data: TalkInput
    names: tuple[str, ...]  # the people's names, in the order of ``data.people``


def _check(uow: UnitOfWork, data: TalkInput) -> None:
    problems = []
    if not data.topic.strip():
        problems.append(FieldProblem("topic", "required"))
    elif len(data.topic.strip()) > TOPIC_MAX:
        problems.append(FieldProblem("topic", "too_long"))
    people = set(data.people)
    if len(people) < rules.MIN_PEOPLE:  # 第19条: a talk is "之间", two people or more
        problems.append(FieldProblem("people", "two_people_needed"))
    elif any(uow.session.get(MemberRow, member_id) is None for member_id in people):
        problems.append(FieldProblem("people", "unknown_member"))
    if problems:
        raise InvalidInputError(problems)


def _wire(data: TalkInput) -> dict[str, Any]:
    return {
        "on_date": data.on_date.isoformat(), "kind": data.kind.value,
        "topic": data.topic.strip(), "record": data.record.strip(),
        "follow_up": data.follow_up.strip(), "classification": data.classification.value,
    }


def create_talk(uow: UnitOfWork, data: TalkInput) -> str:
    _check(uow, data)
    row = TalkRow(id=uow.new_id())
    _apply(row, data)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("talk.create", "talk", row.id, {"people": len(set(data.people))})
    uow.outbox("talk", row.id, _wire(data))
    _set_people(uow, row, data.people)
    return row.id


def update_talk(uow: UnitOfWork, talk_id: str, data: TalkInput) -> None:
    row = _talk(uow, talk_id)
    _check(uow, data)
    before = _wire(_input_of(uow, row))
    _apply(row, data)
    patch = {k: v for k, v in _wire(data).items() if before.get(k) != v}
    if patch:
        uow.audit("talk.update", "talk", talk_id, {"fields": sorted(patch)})
        audit_change(uow, "talk", talk_id, before["classification"],
                     patch.get("classification", before["classification"]))
        uow.outbox("talk", talk_id, patch, base_version=row.server_version)
    _set_people(uow, row, data.people)


def delete_talk(uow: UnitOfWork, talk_id: str) -> None:
    """A talk entered by mistake: tombstoned, with its people (nothing is hard-deleted)."""
    row = _talk(uow, talk_id)
    now = utc_iso()
    row.deleted_at = now
    uow.session.flush()
    uow.audit("talk.delete", "talk", talk_id)
    uow.outbox("talk", talk_id, {"deleted_at": now}, base_version=row.server_version)


def _set_people(uow: UnitOfWork, talk: TalkRow, people: Sequence[str]) -> None:
    """The talk's people become ``people``: new ones added (or a removed one restored), the
    others tombstoned. Ids from the natural key: the same person on two PCs is one record."""
    wanted = set(people)
    rows = {r.member_id: r for r in uow.session.scalars(
        select(TalkParticipantRow).where(TalkParticipantRow.talk_id == talk.id))}
    for member_id in dict.fromkeys(people):
        row = rows.get(member_id)
        if row is None:
            row = TalkParticipantRow(
                id=natural_id("talk_participant", talk.id, member_id), talk_id=talk.id,
                member_id=member_id)  # 秘密 by its talk when the talk is (sync.registry)
            uow.session.add(row)
            uow.session.flush()
            uow.outbox("talk_participant", row.id, {
                "talk_id": talk.id, "member_id": member_id,
                "classification": row.classification})
        elif row.deleted_at is not None:
            row.deleted_at = None
            uow.session.flush()
            uow.outbox("talk_participant", row.id, {"deleted_at": None},
                       base_version=row.server_version)
    for member_id, row in rows.items():
        if member_id not in wanted and row.deleted_at is None:
            row.deleted_at = utc_iso()
            uow.session.flush()
            uow.outbox("talk_participant", row.id, {"deleted_at": row.deleted_at},
                       base_version=row.server_version)


# ---------------------------------------------------------------- reads


def get_talk(uow: UnitOfWork, talk_id: str) -> Talk:
    row = _talk(uow, talk_id)
    data = _input_of(uow, row)
    names = member_names(uow, data.people)
    return Talk(row.id, data, tuple(names[i] for i in data.people))


def talks_of_year(uow: UnitOfWork, year: int) -> list[Talk]:
    """The year's talks, by date (oldest first), each with its people's names."""
    rows = list(uow.session.scalars(
        select(TalkRow)
        .where(TalkRow.deleted_at.is_(None))
        .where(TalkRow.on_date >= date(year, 1, 1), TalkRow.on_date <= date(year, 12, 31))
        .order_by(TalkRow.on_date, TalkRow.created_at)
    ))
    people = _people_of(uow, [r.id for r in rows])
    names = member_names(uow, [m for ids in people.values() for m in ids])
    out = []
    for row in rows:
        ids = tuple(people.get(row.id, ()))
        out.append(Talk(row.id, _data(row, ids), tuple(names[i] for i in ids)))
    return out


def roll(uow: UnitOfWork) -> list[Person]:
    """The people coverage is counted among: members on the roll (正式 and 预备党员), committee
    members (a 书记, 副书记 or 委员: a branch post) first, each group in name order."""
    rows = uow.session.execute(
        select(MemberRow.id, MemberRow.name, MemberRow.branch_post)
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .where(MemberRow.stage.in_([Stage.FULL.value, Stage.PROBATIONARY.value]))
        .where(MemberRow.deleted_at.is_(None))
        .order_by(MemberRow.sort_key)
    ).tuples()
    people = [Person(i, n, post != BranchPost.NONE.value) for i, n, post in rows]
    return [p for p in people if p.committee] + [p for p in people if not p.committee]


def coverage(uow: UnitOfWork, year: int) -> Coverage:
    """第19条's pairs for ``year`` (DOMAIN.md: 委员–委员 and 委员–党员) and those not yet
    covered."""
    return rules.coverage(roll(uow), (t.data.people for t in talks_of_year(uow, year)))


def reminder(uow: UnitOfWork, today: date) -> Coverage | None:
    """For the 工作台: the year's coverage when the year is ending and pairs are missing."""
    if not rules.coverage_due(today):
        return None
    found = coverage(uow, today.year)
    return found if found.missing else None


def write_report(uow: UnitOfWork, year: int, path: Path) -> int:
    """The year's talks and the pairs not yet covered, as a workbook at ``path`` (the export is
    in the audit log; the caller commits). Returns the number of talks. Raises FileAccessError."""
    talks = talks_of_year(uow, year)
    found = rules.coverage(roll(uow), (t.data.people for t in talks))
    report = doc.TalksReport(
        branch=branch.load_profile(uow).name, year=year,
        talks=[doc.TalkLine(
            t.data.on_date, t.data.kind.value, "、".join(t.names), t.data.topic, t.data.record,
            t.data.follow_up, CLASSIFICATION_LABELS[t.data.classification]) for t in talks],
        required=found.required,
        missing=[doc.MissingPair(p.kind.value, p.first.name, p.second.name)
                 for p in found.missing],
    )
    try:
        doc.write_workbook(report, path)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    uow.audit("talk.export", "talk", str(year), {"path": str(path), "talks": len(talks)})
    return len(talks)


def _talk(uow: UnitOfWork, talk_id: str) -> TalkRow:
    row = uow.session.get(TalkRow, talk_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFoundError("talk", talk_id)
    return row


def _people_of(uow: UnitOfWork, talk_ids: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(talk_ids), 500):
        for talk_id, member_id in uow.session.execute(
            select(TalkParticipantRow.talk_id, TalkParticipantRow.member_id)
            .join(MemberRow, MemberRow.id == TalkParticipantRow.member_id)
            .where(TalkParticipantRow.talk_id.in_(talk_ids[start:start + 500]))
            .where(TalkParticipantRow.deleted_at.is_(None))
            .order_by(TalkParticipantRow.talk_id, MemberRow.sort_key)
        ).tuples():
            found[talk_id].append(member_id)
    return found


def member_names(uow: UnitOfWork, member_ids: Sequence[str]) -> dict[str, str]:
    """Each member's name by id (also for the 整改 book's owners)."""
    wanted = sorted(set(member_ids))
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        names.update((str(i), str(n)) for i, n in uow.session.execute(
            select(MemberRow.id, MemberRow.name)
            .where(MemberRow.id.in_(wanted[start:start + 500]))
        ).tuples())
    return names


def _input_of(uow: UnitOfWork, row: TalkRow) -> TalkInput:
    return _data(row, tuple(_people_of(uow, [row.id]).get(row.id, ())))


def _data(row: TalkRow, people: tuple[str, ...]) -> TalkInput:
    return TalkInput(
        on_date=row.on_date, kind=TalkKind(row.kind), topic=row.topic, people=people,
        record=row.record, follow_up=row.follow_up,
        classification=Classification(row.classification),
    )


def _apply(row: TalkRow, data: TalkInput) -> None:
    row.on_date = data.on_date
    row.kind = data.kind.value
    row.topic = data.topic.strip()
    row.record = data.record.strip()
    row.follow_up = data.follow_up.strip()
    row.classification = data.classification.value

"""ORM tables. Schema changes go through Alembic migrations (``migrations/versions``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column

from app.domain.name_order import pinyin_key
from app.storage.ids import utc_iso, uuid7


class Base(DeclarativeBase):
    pass


class SyncedRecord:
    """Columns every record that syncs carries (DESIGN.md, "Data rules").

    Timestamps are UTC ISO-8601 text (they sort as text); ``server_version`` is 0 until the
    platform has acknowledged the record; ``deleted_at`` is a tombstone — nothing is hard-deleted.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    created_at: Mapped[str] = mapped_column(String(27), default=utc_iso)
    updated_at: Mapped[str] = mapped_column(String(27), default=utc_iso, onupdate=utc_iso)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    deleted_at: Mapped[str | None] = mapped_column(String(27), default=None)


class Classified:
    """A record that can be classified (DESIGN.md, "Security model"): 秘密 never leaves the PC,
    and neither does anything whose parent chain reaches a 秘密 record (``sync.registry``)."""

    classification: Mapped[str] = mapped_column(String(10), default="internal")


class BranchRow(SyncedRecord, Base):
    """The branch this database belongs to (one row)."""

    __tablename__ = "branch"

    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(50))
    higher_org: Mapped[str] = mapped_column(String(200))
    secretary: Mapped[str] = mapped_column(String(50))
    committee: Mapped[str] = mapped_column(String(500), default="")  # 支委委员, as written
    # domain.branch.BranchKind: 村 and 社区 branches elect for 5 years, the others for 3.
    kind: Mapped[str] = mapped_column(String(20), default="")
    committee_elected_on: Mapped[date | None] = mapped_column(Date, default=None)  # last 换届


class Setting(Base):
    """Per-database preferences and bookkeeping (database id, audit head, clock)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """Append-only, hash-chained audit log. Triggers refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(27))
    actor: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class OutboxEntry(Base):
    """One local change waiting to be pushed to the city platform (DESIGN.md, "Sync")."""

    __tablename__ = "sync_outbox"
    # Un-acknowledged ops, oldest first, without scanning the acknowledged history (sync/).
    __table_args__ = (
        Index("ix_sync_outbox_pending", "seq", sqlite_where=text("acked_at IS NULL")),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    patch: Mapped[str] = mapped_column(Text)  # JSON object of changed fields
    base_version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(40), index=True)
    created_at: Mapped[str] = mapped_column(String(27))
    acked_at: Mapped[str | None] = mapped_column(String(27), default=None)


class PartyGroupRow(Classified, SyncedRecord, Base):
    """A party group (党小组) of the branch."""

    __tablename__ = "party_group"

    name: Mapped[str] = mapped_column(String(100))


class MemberRow(SyncedRecord, Base):
    """One person on the branch's roll, in any stage of membership, never deleted.

    Codes are those of app.domain (GB/T tables, enums' values). Dates are ``datetime.date``.
    """

    __tablename__ = "member"

    name: Mapped[str] = mapped_column(String(50), index=True)
    # The name's pinyin order (name_order.pinyin_key), so lists sort in SQL. Local only: never
    # synced; kept up to date by ``_set_sort_key`` on every ORM write and by the bulk insert.
    sort_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    gender: Mapped[str] = mapped_column(String(1), default="")  # GB/T 2261.1
    ethnic_group: Mapped[str] = mapped_column(String(2), default="")  # GB/T 3304
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    id_type: Mapped[str] = mapped_column(String(30), default="resident")
    id_number: Mapped[str] = mapped_column(String(40), index=True)
    native_place: Mapped[str] = mapped_column(String(100), default="")
    education: Mapped[str] = mapped_column(String(2), default="")  # GB/T 4658
    degree: Mapped[str] = mapped_column(String(3), default="")  # GB/T 6864
    work_unit: Mapped[str] = mapped_column(String(200), default="")
    job_title: Mapped[str] = mapped_column(String(100), default="")
    occupation: Mapped[str] = mapped_column(String(2), default="")  # 职业 (党内统计), codes
    phone: Mapped[str] = mapped_column(String(40), default="")
    category: Mapped[str] = mapped_column(String(20), default="in_work")
    stage: Mapped[str] = mapped_column(String(20), default="full", index=True)
    party_group_id: Mapped[str | None] = mapped_column(
        ForeignKey("party_group.id"), default=None, index=True
    )
    branch_post: Mapped[str] = mapped_column(String(30), default="")
    classification: Mapped[str] = mapped_column(String(10), default="internal")
    # Development milestones (细则), first-class columns because the rules depend on them.
    application_date: Mapped[date | None] = mapped_column(Date, default=None)
    talk_date: Mapped[date | None] = mapped_column(Date, default=None)
    activist_date: Mapped[date | None] = mapped_column(Date, default=None)
    contacts: Mapped[str] = mapped_column(String(100), default="")  # 培养联系人, names
    last_review_date: Mapped[date | None] = mapped_column(Date, default=None)
    candidate_date: Mapped[date | None] = mapped_column(Date, default=None)
    training_hours: Mapped[int | None] = mapped_column(Integer, default=None)
    sponsors: Mapped[str] = mapped_column(String(100), default="")  # 入党介绍人, names
    admission_date: Mapped[date | None] = mapped_column(Date, default=None)
    approval_date: Mapped[date | None] = mapped_column(Date, default=None)
    probation_extension_months: Mapped[int | None] = mapped_column(Integer, default=None)
    full_date: Mapped[date | None] = mapped_column(Date, default=None)
    # Leaving (never a delete) and transfer.
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)
    left_date: Mapped[date | None] = mapped_column(Date, default=None)
    left_reason: Mapped[str] = mapped_column(Text, default="")
    transfer_destination: Mapped[str] = mapped_column(String(200), default="")
    transfer_letter_no: Mapped[str] = mapped_column(String(50), default="")
    # The letter out (组织关系介绍信, 45号文): issued on ``left_date``; 有效期 in days; 党费已交到
    # ("YYYY-MM", "" if not stated); the day its 回执 came back (转出待接收 until then).
    transfer_valid_days: Mapped[int | None] = mapped_column(Integer, default=None)
    transfer_paid_until: Mapped[str] = mapped_column(String(7), default="")
    transfer_receipt_on: Mapped[date | None] = mapped_column(Date, default=None)
    # The letter in: date, sending organization, number, 党费交至 ("YYYY-MM"): dues start after it.
    transfer_in_on: Mapped[date | None] = mapped_column(Date, default=None)
    transfer_in_origin: Mapped[str] = mapped_column(String(200), default="")
    transfer_in_letter_no: Mapped[str] = mapped_column(String(50), default="")
    transfer_in_paid_until: Mapped[str] = mapped_column(String(7), default="")
    # 流动党员 and 失联.
    flow_direction: Mapped[str] = mapped_column(String(3), default="")
    flow_place: Mapped[str] = mapped_column(String(200), default="")
    flow_since: Mapped[date | None] = mapped_column(Date, default=None)
    flow_contact: Mapped[str] = mapped_column(String(200), default="")  # phone, WeChat, address
    flow_card_no: Mapped[str] = mapped_column(String(50), default="")  # 流动党员活动证 编号
    lost_contact_since: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")


@event.listens_for(MemberRow, "before_insert")
@event.listens_for(MemberRow, "before_update")
def _set_sort_key(_mapper: Mapper[MemberRow], _connection: object, row: MemberRow) -> None:
    """Every ORM write of a member (the services, a sync pull) keeps its sort key."""
    row.sort_key = pinyin_key(row.name or "")


class MemberEventRow(Classified, SyncedRecord, Base):
    """A dated entry on a member's timeline: reward, discipline, flow, transfer, leaving, note."""

    __tablename__ = "member_event"

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    on_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON: kind-specific fields


class MeetingRow(SyncedRecord, Base):
    """A meeting of organizational life (三会一课 and the rest); its minutes once finalized."""

    __tablename__ = "meeting"
    # The meeting list's order (newest first): served by one index, scanned backwards.
    __table_args__ = (Index("ix_meeting_list_order", "held_on", "start_time", "id"),)

    type: Mapped[str] = mapped_column(String(30), index=True)  # domain.meetings.MeetingType
    held_on: Mapped[date] = mapped_column(Date)
    start_time: Mapped[str] = mapped_column(String(5), default="")  # "HH:MM", local time
    end_time: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    topics: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of 议题
    host: Mapped[str] = mapped_column(String(50), default="")  # 主持人
    recorder: Mapped[str] = mapped_column(String(50), default="")  # 记录人
    lecturer: Mapped[str] = mapped_column(String(50), default="")  # 党课 主讲人
    party_group_id: Mapped[str | None] = mapped_column(
        ForeignKey("party_group.id"), default=None
    )
    guests: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of 列席人员
    discussion: Mapped[str] = mapped_column(Text, default="")
    resolutions: Mapped[str] = mapped_column(Text, default="")
    classification: Mapped[str] = mapped_column(String(10), default="internal")
    finalized_on: Mapped[date | None] = mapped_column(Date, default=None)


class AttendanceRow(Classified, SyncedRecord, Base):
    """One expected attendee of a meeting: present, on leave (请假) or absent, with the reason."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id"),
        # The meeting's rows, covering the list's counts (``meetings.meeting_rows``: expected
        # and present among the rows not deleted) without reading the table.
        Index("ix_meeting_attendance_counts", "meeting_id", "deleted_at", "status"),
    )

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="present")
    reason: Mapped[str] = mapped_column(String(200), default="")


class VoteRow(Classified, SyncedRecord, Base):
    """A vote at a 支部党员大会, with the quorum and result computed when it was recorded.

    ``written``: entitled members absent with a written opinion, counted in the votes (发展党员
    工作细则 第二十一条). A vote deciding about a person (``decision``: domain.development.Decision,
    "" for any other resolution) names them in ``member_id``."""

    __tablename__ = "meeting_vote"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    subject: Mapped[str] = mapped_column(Text)
    entitled: Mapped[int] = mapped_column(Integer)
    present: Mapped[int] = mapped_column(Integer)
    in_favour: Mapped[int] = mapped_column(Integer)
    against: Mapped[int] = mapped_column(Integer)
    abstain: Mapped[int] = mapped_column(Integer)
    quorum_met: Mapped[bool] = mapped_column(Boolean)
    passed: Mapped[bool] = mapped_column(Boolean)
    written: Mapped[int] = mapped_column(Integer, default=0)
    decision: Mapped[str] = mapped_column(String(30), default="")
    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("member.id"), default=None, index=True
    )


class AmendmentRow(Classified, SyncedRecord, Base):
    """A correction to finalized minutes: the minutes stay as they were, both print."""

    __tablename__ = "meeting_amendment"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    on_date: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)


class AttachmentRow(SyncedRecord, Base):
    """A photo or scanned sign-in sheet, kept inside the encrypted database."""

    __tablename__ = "meeting_attachment"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class DuesBaseRow(Classified, SyncedRecord, Base):
    """第十条: a member's monthly base (核定) from the month it applies. Money in integer fen."""

    __tablename__ = "dues_base"
    __table_args__ = (UniqueConstraint("member_id", "effective_month"),)

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    effective_month: Mapped[str] = mapped_column(String(7))  # "YYYY-MM"
    base_fen: Mapped[int] = mapped_column(Integer)


class DuesReliefRow(Classified, SyncedRecord, Base):
    """第七条: a hardship reduction or exemption, with who approved it and for which months."""

    __tablename__ = "dues_relief"

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # domain.dues.ReliefKind
    approved_by: Mapped[str] = mapped_column(String(200))
    approved_on: Mapped[date] = mapped_column(Date)
    valid_from: Mapped[str] = mapped_column(String(7))
    valid_until: Mapped[str] = mapped_column(String(7))
    reduced_fen: Mapped[int | None] = mapped_column(Integer, default=None)


class DuesCategoryRow(Classified, SyncedRecord, Base):
    """A dated change of a member's category of person for dues: from ``effective_month`` the
    member is ``category``, before it ``previous`` (``domain.dues.CategoryChange``)."""

    __tablename__ = "dues_category"
    __table_args__ = (UniqueConstraint("member_id", "effective_month"),)

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    effective_month: Mapped[str] = mapped_column(String(7))  # "YYYY-MM"
    category: Mapped[str] = mapped_column(String(20))  # domain.dues.PersonCategory
    previous: Mapped[str] = mapped_column(String(20))


class DuesQuarterlyRow(Classified, SyncedRecord, Base):
    """第十二条: the branch agreed that the member pays by the quarter, for the quarters from
    ``valid_from`` to ``valid_until`` (None: until withdrawn)."""

    __tablename__ = "dues_quarterly"

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    agreed_on: Mapped[date] = mapped_column(Date)
    valid_from: Mapped[str] = mapped_column(String(7))
    valid_until: Mapped[str | None] = mapped_column(String(7), default=None)
class TalkRow(Classified, SyncedRecord, Base):
    """A 谈心谈话 (支部工作条例 第19条): its people are ``TalkParticipantRow``s."""

    __tablename__ = "talk"

    on_date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # domain.talks.TalkKind
    topic: Mapped[str] = mapped_column(String(200))
    record: Mapped[str] = mapped_column(Text, default="")  # a short record of what was said
    follow_up: Mapped[str] = mapped_column(Text, default="")  # follow-up needed; empty: none


class TalkParticipantRow(Classified, SyncedRecord, Base):
    """One of the people of a talk (a set: the same person added on two PCs is one)."""

    __tablename__ = "talk_participant"
    __table_args__ = (UniqueConstraint("talk_id", "member_id"),)

    talk_id: Mapped[str] = mapped_column(ForeignKey("talk.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)


class RectificationItemRow(Classified, SyncedRecord, Base):
    """A problem a 组织生活会 found (问题清单) and its 整改: owner, measures, deadline, status."""

    __tablename__ = "rectification_item"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    # Whose problem: a member's, or the committee's (None: 支部委员会 / 班子).
    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("member.id"), default=None, index=True
    )
    problem: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)  # 责任人
    measures: Mapped[str] = mapped_column(Text, default="")  # 整改措施
    due_on: Mapped[date] = mapped_column(Date)  # 整改时限
    status: Mapped[str] = mapped_column(String(12), default="open")  # domain ItemStatus
    done_on: Mapped[date | None] = mapped_column(Date, default=None)
    result: Mapped[str] = mapped_column(Text, default="")  # 整改情况 (what was done)


class RectificationEvidenceRow(SyncedRecord, Base):
    """Evidence of a 整改 item (a scan, a photo), inside the encrypted database like meeting
    attachments; stays on the PC like them."""

    __tablename__ = "rectification_evidence"

    item_id: Mapped[str] = mapped_column(ForeignKey("rectification_item.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class StudyEntryRow(Classified, SyncedRecord, Base):
    """One member's study (党员教育, 教育管理条例 第20条): date, form, topic, 学时, organizer.

    Attendance at a meeting that counts as study makes its entry by itself (``meeting_id`` set,
    one per meeting and member: the natural key); ``hours_edited`` keeps hours the secretary
    changed when the meeting's times change later; ``withdrawn`` is such an entry whose member
    is no longer marked present (a field, not a tombstone: a change of attendance is not a
    deletion the sync should ask about)."""

    __tablename__ = "study_entry"
    # The year's table (``study.year_table``): the entries that count, read in group order from
    # the index alone (no table lookups, no sort).
    __table_args__ = (
        Index("ix_study_entry_counted", "member_id", "form", "on_date", "hours_hundredths",
              sqlite_where=text("deleted_at IS NULL AND withdrawn = 0")),
    )

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    meeting_id: Mapped[str | None] = mapped_column(
        ForeignKey("meeting.id"), default=None, index=True
    )
    on_date: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(20))  # domain.study.StudyForm
    topic: Mapped[str] = mapped_column(String(200))
    hours_hundredths: Mapped[int] = mapped_column(Integer)  # 学时 × 100
    organizer: Mapped[str] = mapped_column(String(200), default="")
    hours_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)


class StudyProofRow(SyncedRecord, Base):
    """A study entry's proof (certificate, screenshot), kept inside the encrypted database like
    a meeting's attachments; never leaves the PC."""

    __tablename__ = "study_proof"

    entry_id: Mapped[str] = mapped_column(ForeignKey("study_entry.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class OpinionRow(Classified, SyncedRecord, Base):
    """An entry of the 意见建议 register and its course (app.domain.opinions), or the bare fact
    that a report of misconduct was handed to the 纪委 (kind ``misconduct``: a date and a
    reference number, always 秘密, never its content nor its author)."""

    __tablename__ = "opinion"
    __table_args__ = (Index("ix_opinion_received", "received_on"),)

    kind: Mapped[str] = mapped_column(String(20), default="opinion")
    received_on: Mapped[date] = mapped_column(Date)  # misconduct: the day it was handed over
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), default=None)
    proposer_name: Mapped[str] = mapped_column(String(50), default="")  # platform / non-member
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    channel: Mapped[str] = mapped_column(String(20), default="")
    category: Mapped[str] = mapped_column(String(20), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="pending")
    forwarded_to: Mapped[str] = mapped_column(String(100), default="")
    forwarded_on: Mapped[date | None] = mapped_column(Date, default=None)
    reply: Mapped[str] = mapped_column(Text, default="")  # the unit's answer
    measures: Mapped[str] = mapped_column(Text, default="")  # what was done
    answered_by: Mapped[str] = mapped_column(String(100), default="")
    answered_on: Mapped[date | None] = mapped_column(Date, default=None)
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    feedback_on: Mapped[date | None] = mapped_column(Date, default=None)
    reference: Mapped[str] = mapped_column(String(50), default="")  # 纪委's number (misconduct)


class OpinionAttachmentRow(SyncedRecord, Base):
    """A file that came with an opinion (a letter, a photo), kept inside the encrypted database
    and never sent (``sync.registry.LOCAL_ONLY_TABLES``, as a meeting's attachments)."""

    __tablename__ = "opinion_attachment"

    opinion_id: Mapped[str] = mapped_column(ForeignKey("opinion.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class StudyExemptionRow(Classified, SyncedRecord, Base):
    """第23条 (教育管理条例): a member exempt from study targets and rates (old, ill, disabled);
    one per member (the natural key), deleted when it ends."""

    __tablename__ = "study_exemption"

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(10))  # domain.study.ExemptReason
    note: Mapped[str] = mapped_column(String(200), default="")


class AppraisalRow(Classified, SyncedRecord, Base):
    """民主评议党员: one member's appraisal for one year (教育管理条例 第18、30、31条). Its id is
    the natural id of (member, year): the same appraisal entered on two PCs is one record."""

    __tablename__ = "appraisal"
    __table_args__ = (UniqueConstraint("member_id", "year"),)

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    year: Mapped[str] = mapped_column(String(4), index=True)  # "YYYY": a natural key is text
    probationary: Mapped[bool] = mapped_column(Boolean, default=False)  # took part ungraded
    self_assessed: Mapped[bool] = mapped_column(Boolean, default=False)  # 个人自评 done
    votes_excellent: Mapped[int] = mapped_column(Integer, default=0)  # 民主测评 counts
    votes_qualified: Mapped[int] = mapped_column(Integer, default=0)
    votes_basic: Mapped[int] = mapped_column(Integer, default=0)
    votes_unqualified: Mapped[int] = mapped_column(Integer, default=0)
    grade: Mapped[str] = mapped_column(String(20), default="")  # domain.appraisal.Grade
    decided_by: Mapped[str] = mapped_column(String(20), default="")  # domain.appraisal.Decider
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    handling: Mapped[str] = mapped_column(String(20), default="")  # domain.appraisal.Handling
    correction_until: Mapped[date | None] = mapped_column(Date, default=None)
    meeting_on: Mapped[date | None] = mapped_column(Date, default=None)  # 支部大会 (劝退/除名)
    entitled: Mapped[int] = mapped_column(Integer, default=0)
    in_favour: Mapped[int] = mapped_column(Integer, default=0)
    approved_on: Mapped[date | None] = mapped_column(Date, default=None)  # 上级党组织批准
    ground: Mapped[str] = mapped_column(String(2), default="")  # 第31条 (1-6)
    notes: Mapped[str] = mapped_column(Text, default="")


LEDGER_WRITE = "sync.ledger_write"
"""A ``Setting`` key: while a transaction holds it, the ledger's trigger lets that transaction
update a dues event (sync only: the id the platform knows the same fact by, or the version the
secretary chose in a conflict). Nothing else ever writes it."""


class DuesEventRow(Classified, Base):
    """The append-only dues ledger: amounts due, payments, reversals, remittances.

    Never updated or deleted by the services (triggers refuse it; sync alone may bring an event
    to the platform's version, see ``LEDGER_WRITE``): a correction is a reversal plus a new
    event. ``seq`` keeps the recorded order the ledger fold depends on.
    """

    __tablename__ = "dues_event"
    # The push's 秘密 lookup reads the few 秘密 events without scanning the ledger.
    __table_args__ = (
        Index("ix_dues_event_secret", "id", sqlite_where=text("classification = 'secret'")),
        # The whole-ledger fold (``dues.fen_ledger``: the amounts due and the payments in
        # recorded order) read from the index alone, never the wide rows.
        Index("ix_dues_event_fold", "kind", "seq", "member_id", "month", "amount_fen",
              "on_date", "months", "voluntary_fen", "id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(12), index=True)  # due|payment|reversal|remittance
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), index=True)
    month: Mapped[str | None] = mapped_column(String(7), index=True)  # due: the month
    months: Mapped[str] = mapped_column(Text, default="[]")  # payment: JSON list of "YYYY-MM"
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    voluntary_fen: Mapped[int] = mapped_column(Integer, default=0)
    on_date: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    payer: Mapped[str] = mapped_column(String(50), default="")
    method: Mapped[str] = mapped_column(String(10), default="")
    receipt_no: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    reverses_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    first_month: Mapped[str | None] = mapped_column(String(7), default=None)  # remittance
    last_month: Mapped[str | None] = mapped_column(String(7), default=None)
    to_centre: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(27), default=utc_iso)
    server_version: Mapped[int] = mapped_column(Integer, default=0)


# ---------------------------------------------------------------- sync bookkeeping (sync/)


class SyncConflictRow(Base):
    """A field changed both here and on the platform: both values, until the secretary chooses."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(50))
    local_value: Mapped[str] = mapped_column(Text)  # JSON
    server_value: Mapped[str] = mapped_column(Text)  # JSON
    server_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(27), default=utc_iso)
    resolved_at: Mapped[str | None] = mapped_column(String(27), default=None, index=True)
    choice: Mapped[str] = mapped_column(String(10), default="")  # "local" | "server"


class SyncRunRow(Base):
    """One synchronization attempt, for the 同步 page's history."""

    __tablename__ = "sync_history"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[str] = mapped_column(String(27))
    finished_at: Mapped[str] = mapped_column(String(27))
    outcome: Mapped[str] = mapped_column(String(20))  # ok | cancelled | failed
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(String(100), default="")  # error class name, no values


class SyncParkedRow(Base):
    """A pulled record whose parent (member, meeting, group) has not arrived yet."""

    __tablename__ = "sync_parked"

    entity: Mapped[str] = mapped_column(String(50), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # the wire Record as JSON


class SyncNoticeRow(Base):
    """A notice from the platform to the branch."""

    __tablename__ = "sync_notice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    published_at: Mapped[str] = mapped_column(String(32))
    read_at: Mapped[str | None] = mapped_column(String(27), default=None)
    due_on: Mapped[str | None] = mapped_column(String(10), default=None)  # YYYY-MM-DD
    response: Mapped[str] = mapped_column(String(10), default="none")  # none read text file


class SyncNoticeAttachmentRow(Base):
    """A file attached to a platform notice, kept whole in the encrypted database."""

    __tablename__ = "sync_notice_attachment"

    notice_id: Mapped[int] = mapped_column(ForeignKey("sync_notice.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class SyncNoticeAnswerRow(Base):
    """The branch's answer to a platform notice (the latest one given on this PC), queued until
    the platform confirms it (``sent_at``) or refuses it (``outcome`` "refused")."""

    __tablename__ = "sync_notice_answer"

    notice_id: Mapped[int] = mapped_column(ForeignKey("sync_notice.id"), primary_key=True)
    answer_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))  # read text file
    text: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(String(200), default="")
    file_content: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)
    answered_at: Mapped[str] = mapped_column(String(27))
    sent_at: Mapped[str | None] = mapped_column(String(27), default=None)
    outcome: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(String(64), default="")  # why it was refused
    late: Mapped[bool] = mapped_column(Boolean, default=False)


class DisclosureRow(Classified, SyncedRecord, Base):
    """An item of 党务公开 (党务公开条例（试行）第2、4、15条): what is disclosed, to whom, for how
    long, and its steps 拟稿 → 审核 → 审批 → 发布 with who and when (``app.services.disclosures``).

    ``member_id``: the member a 发展/转正 公示 names (秘密 is inherited through it, sync.registry);
    ``sources``: JSON list of [entity, id] of the records the draft was made from."""

    __tablename__ = "disclosure"

    category: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(String(20), default="party")
    scope_note: Mapped[str] = mapped_column(String(200), default="")  # 特定范围: which
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    feedback_channel: Mapped[str] = mapped_column(String(500), default="")
    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("member.id"), default=None, index=True
    )
    sources: Mapped[str] = mapped_column(Text, default="[]")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    drafted_by: Mapped[str] = mapped_column(String(50), default="")
    drafted_on: Mapped[date | None] = mapped_column(Date, default=None)
    reviewed_by: Mapped[str] = mapped_column(String(50), default="")
    reviewed_on: Mapped[date | None] = mapped_column(Date, default=None)
    approved_by: Mapped[str] = mapped_column(String(50), default="")
    approved_on: Mapped[date | None] = mapped_column(Date, default=None)
    published_on: Mapped[date | None] = mapped_column(Date, default=None)
    withdrawn_on: Mapped[date | None] = mapped_column(Date, default=None)


class DisclosureFeedbackRow(Classified, SyncedRecord, Base):
    """A response to a disclosed item received during its 公示期 (on the platform, by letter,
    in person)."""

    __tablename__ = "disclosure_feedback"

    disclosure_id: Mapped[str] = mapped_column(ForeignKey("disclosure.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20), default="platform")
    author: Mapped[str] = mapped_column(String(50), default="")  # may be empty: anonymous
    content: Mapped[str] = mapped_column(Text, default="")
    # The note on the member's timeline this response became (a 发展/转正 公示's), once.
    member_event_id: Mapped[str | None] = mapped_column(String(36), default=None)


class AssessmentReportRow(Classified, SyncedRecord, Base):
    """The branch's annual self-assessment (考核评价, 党支部年度工作情况): the figures of the
    year's indicators as JSON (``app.services.assessment``) and the sections the secretary
    writes. One per year: its id is the natural id of the year (the same report written on two
    PCs is one record). ``status``: draft, or submitted (then read-only, figures frozen)."""

    __tablename__ = "assessment_report"

    year: Mapped[str] = mapped_column(String(4), unique=True)  # "YYYY": a natural key is text
    figures: Mapped[str] = mapped_column(Text, default="{}")
    situation: Mapped[str] = mapped_column(Text, default="")  # 基本情况
    achievements: Mapped[str] = mapped_column(Text, default="")  # 主要工作和成效
    problems: Mapped[str] = mapped_column(Text, default="")  # 存在的问题
    plans: Mapped[str] = mapped_column(Text, default="")  # 下一步打算
    status: Mapped[str] = mapped_column(String(20), default="draft")
    submitted_on: Mapped[date | None] = mapped_column(Date, default=None)


class ChangeGenerationRow(Base):
    """One row: how many rows of the other tables have changed (counted by triggers; see
    ``app.storage.dashboard_cache``)."""

    __tablename__ = "change_generation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class DashboardCacheRow(Base):
    """工作台 as last shown, with the change generation, day, schema revision and format it was
    computed for (``app.storage.dashboard_cache``)."""

    __tablename__ = "dashboard_cache"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer)
    day: Mapped[str] = mapped_column(String(10))
    revision: Mapped[str] = mapped_column(String(50))
    format: Mapped[str] = mapped_column(String(10))
    content: Mapped[str] = mapped_column(Text)


class DuesMemberFoldRow(Base):
    """One member's dues fold as kept (``app.storage.dues_folds``: JSON, trusted only while the
    member is not marked stale)."""

    __tablename__ = "dues_member_fold"

    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fold: Mapped[str] = mapped_column(Text)


class DuesFoldStaleRow(Base):
    """A member whose kept dues fold is not current: marked by the triggers on ``dues_event``
    (``app.storage.dues_folds``), cleared when the fold is kept again."""

    __tablename__ = "dues_fold_stale"

    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class StatisticsReportRow(Classified, SyncedRecord, Base):
    """The annual statistics (党内统计) as submitted to the platform: counts only, one per year
    (``app.services.statistics_export.submit``). ``tables``: JSON {table: {row: {column: count}}};
    no name or list of members is ever stored here, so it may leave the PC whatever the
    members' 密级 (a count reveals no record)."""

    __tablename__ = "statistics_report"

    year: Mapped[int] = mapped_column(Integer, index=True)
    as_of: Mapped[date] = mapped_column(Date)
    tables: Mapped[str] = mapped_column(Text, default="{}")
    made_at: Mapped[str] = mapped_column(String(27))

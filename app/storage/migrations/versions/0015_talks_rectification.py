"""talk, talk_participant, rectification_item, rectification_evidence (issue 16)

Revision ID: 0015_talks_rectification
Revises: 0014_study_record
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_talks_rectification"
down_revision = "0014_study_record"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    """``SyncedRecord``'s columns."""
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(27), nullable=True),
    ]


def _classification() -> sa.Column:
    return sa.Column("classification", sa.String(10), nullable=False)


def upgrade() -> None:
    op.create_table(
        "talk",
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        _classification(),
        *_record_columns(),
    )
    op.create_index("ix_talk_on_date", "talk", ["on_date"])
    op.create_table(
        "talk_participant",
        sa.Column("talk_id", sa.String(36), sa.ForeignKey("talk.id"), nullable=False),
        sa.Column("member_id", sa.String(36), sa.ForeignKey("member.id"), nullable=False),
        _classification(),
        *_record_columns(),
        sa.UniqueConstraint("talk_id", "member_id"),
    )
    op.create_index("ix_talk_participant_talk_id", "talk_participant", ["talk_id"])
    op.create_index("ix_talk_participant_member_id", "talk_participant", ["member_id"])
    op.create_table(
        "rectification_item",
        sa.Column("meeting_id", sa.String(36), sa.ForeignKey("meeting.id"), nullable=False),
        sa.Column("member_id", sa.String(36), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.String(36), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        _classification(),
        *_record_columns(),
    )
    for column in ("meeting_id", "member_id", "owner_id"):
        op.create_index(f"ix_rectification_item_{column}", "rectification_item", [column])
    op.create_table(
        "rectification_evidence",
        sa.Column("item_id", sa.String(36), sa.ForeignKey("rectification_item.id"),
                  nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        *_record_columns(),
    )
    op.create_index("ix_rectification_evidence_item_id", "rectification_evidence", ["item_id"])


def downgrade() -> None:
    for table in ("rectification_evidence", "rectification_item", "talk_participant", "talk"):
        op.drop_table(table)

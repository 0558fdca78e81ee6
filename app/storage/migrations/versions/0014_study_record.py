"""study record (党员学习教育): study_entry, study_proof, study_exemption

Revision ID: 0014_study_record
Revises: 0013_decision_votes_and_terms
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_study_record"
down_revision = "0013_decision_votes_and_terms"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(27), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "study_entry",
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("meeting_id", sa.String(36), nullable=True),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("hours_hundredths", sa.Integer(), nullable=False),
        sa.Column("organizer", sa.String(200), nullable=False),
        sa.Column("hours_edited", sa.Boolean(), nullable=False),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.Column("classification", sa.String(10), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("study_entry") as batch:
        batch.create_index("ix_study_entry_member_id", ["member_id"])
        batch.create_index("ix_study_entry_meeting_id", ["meeting_id"])
        batch.create_index(
            "ix_study_entry_counted", ["member_id", "form", "on_date", "hours_hundredths"],
            sqlite_where=sa.text("deleted_at IS NULL AND withdrawn = 0"),
        )
    op.create_table(
        "study_proof",
        sa.Column("entry_id", sa.String(36), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(["entry_id"], ["study_entry.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("study_proof") as batch:
        batch.create_index("ix_study_proof_entry_id", ["entry_id"])
    op.create_table(
        "study_exemption",
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.String(10), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("classification", sa.String(10), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("member_id"),
    )


def downgrade() -> None:
    op.drop_table("study_exemption")
    op.drop_table("study_proof")
    op.drop_table("study_entry")

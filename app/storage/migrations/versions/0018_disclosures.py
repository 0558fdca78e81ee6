"""党务公开: disclosure items and the feedback received on them (issue 17)

Revision ID: 0018_disclosures
Revises: 0017_opinions
Create Date: 2026-12-06
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0018_disclosures"
down_revision = "0017_opinions"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.Column("server_version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.String(27), nullable=True),
        sa.Column("classification", sa.String(10), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "disclosure",
        *_synced(),
        sa.Column("category", sa.String(20), nullable=False, index=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("scope_note", sa.String(200), nullable=False),
        sa.Column("start_on", sa.Date, nullable=False),
        sa.Column("end_on", sa.Date, nullable=False),
        sa.Column("feedback_channel", sa.String(500), nullable=False),
        sa.Column("member_id", sa.String(36), sa.ForeignKey("member.id"), nullable=True,
                  index=True),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("drafted_by", sa.String(50), nullable=False),
        sa.Column("drafted_on", sa.Date, nullable=True),
        sa.Column("reviewed_by", sa.String(50), nullable=False),
        sa.Column("reviewed_on", sa.Date, nullable=True),
        sa.Column("approved_by", sa.String(50), nullable=False),
        sa.Column("approved_on", sa.Date, nullable=True),
        sa.Column("published_on", sa.Date, nullable=True),
        sa.Column("withdrawn_on", sa.Date, nullable=True),
    )
    op.create_table(
        "disclosure_feedback",
        *_synced(),
        sa.Column("disclosure_id", sa.String(36), sa.ForeignKey("disclosure.id"),
                  nullable=False, index=True),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("author", sa.String(50), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("member_event_id", sa.String(36), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("disclosure_feedback")
    op.drop_table("disclosure")

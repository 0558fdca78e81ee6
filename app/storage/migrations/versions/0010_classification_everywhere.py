"""classification on every synced record type: any record can be 秘密 (issue 12)

Revision ID: 0010_classification_everywhere
Revises: 0009_branch_committee
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_classification_everywhere"
down_revision = "0009_branch_committee"
branch_labels = None
depends_on = None

TABLES = (
    "party_group", "member_event", "meeting_attendance", "meeting_vote", "meeting_amendment",
    "dues_base", "dues_relief", "dues_event",
)
"""The synced tables without a classification until now (member and meeting have one)."""


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column(
            "classification", sa.String(10), nullable=False, server_default="internal"
        ))
    # The push's 秘密 lookup reads the few 秘密 events without scanning the ledger.
    op.create_index(
        "ix_dues_event_secret", "dues_event", ["id"],
        sqlite_where=sa.text("classification = 'secret'"),
    )


def downgrade() -> None:
    op.drop_index("ix_dues_event_secret", "dues_event")
    for table in TABLES:  # SQLite's own DROP COLUMN: the ledger's triggers stay
        op.drop_column(table, "classification")

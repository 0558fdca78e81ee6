"""dues_category and dues_quarterly: dated category changes and quarterly payers (issue 15)

Revision ID: 0012_dues_terms
Revises: 0011_transfers
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_dues_terms"
down_revision = "0011_transfers"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    """The columns of every synced, classified record (``SyncedRecord``, ``Classified``)."""
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(27), nullable=True),
        sa.Column("classification", sa.String(10), nullable=False, server_default="internal"),
    ]


def upgrade() -> None:
    op.create_table(
        "dues_category",
        sa.Column("member_id", sa.String(36), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("effective_month", sa.String(7), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("previous", sa.String(20), nullable=False),
        *_record_columns(),
        sa.UniqueConstraint("member_id", "effective_month"),
    )
    op.create_index("ix_dues_category_member_id", "dues_category", ["member_id"])
    op.create_table(
        "dues_quarterly",
        sa.Column("member_id", sa.String(36), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("valid_from", sa.String(7), nullable=False),
        sa.Column("valid_until", sa.String(7), nullable=True),
        *_record_columns(),
    )
    op.create_index("ix_dues_quarterly_member_id", "dues_quarterly", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_dues_quarterly_member_id", "dues_quarterly")
    op.drop_table("dues_quarterly")
    op.drop_index("ix_dues_category_member_id", "dues_category")
    op.drop_table("dues_category")

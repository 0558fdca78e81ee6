"""考核评价: the branch's annual self-assessment report (issue 18)

Revision ID: 0019_assessment
Revises: 0018_disclosures
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0019_assessment"
down_revision = "0018_disclosures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_report",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.Column("server_version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.String(27), nullable=True),
        sa.Column("classification", sa.String(10), nullable=False),
        sa.Column("year", sa.String(4), nullable=False, unique=True),
        sa.Column("figures", sa.Text, nullable=False),
        sa.Column("situation", sa.Text, nullable=False),
        sa.Column("achievements", sa.Text, nullable=False),
        sa.Column("problems", sa.Text, nullable=False),
        sa.Column("plans", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("submitted_on", sa.Date, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("assessment_report")

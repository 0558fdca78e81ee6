"""党内统计: the member's 职业 and the statistics reports submitted to the platform (issue 18)

Revision ID: 0022_stats
Revises: 0021_startup
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from app.storage import dashboard_cache

revision = "0022_stats"
down_revision = "0021_startup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "member", sa.Column("occupation", sa.String(2), nullable=False, server_default="")
    )
    op.create_table(
        "statistics_report",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.Column("server_version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.String(27), nullable=True),
        sa.Column("classification", sa.String(10), nullable=False),
        sa.Column("year", sa.Integer, nullable=False, index=True),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("tables", sa.Text, nullable=False),
        sa.Column("made_at", sa.String(27), nullable=False),
    )
    # Its writes count as changes for the kept 工作台 (0021_startup), like every table's.
    for statement in dashboard_cache.trigger_statements("statistics_report"):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("statistics_report")
    with op.batch_alter_table("member") as batch:
        batch.drop_column("occupation")

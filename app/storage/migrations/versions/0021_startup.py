"""工作台 kept inside the database for a fast start (issue 14): the change counter, its
triggers on every table, and the copy (``app.storage.dashboard_cache``)

Revision ID: 0021_startup
Revises: 0020_notices
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from app.storage import dashboard_cache

revision = "0021_startup"
down_revision = "0020_notices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_generation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.execute("INSERT INTO change_generation (id, n) VALUES (1, 0)")
    op.create_table(
        "dashboard_cache",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("generation", sa.Integer, nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("revision", sa.String(50), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("content", sa.Text, nullable=False),
    )
    tables = [row[0] for row in op.get_bind().exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall() if row[0] not in ("change_generation", "dashboard_cache")]
    for table in tables:
        for statement in dashboard_cache.trigger_statements(table):
            op.execute(statement)


def downgrade() -> None:
    triggers = [row[0] for row in op.get_bind().exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_\\_changes\\_%' "
        "ESCAPE '\\'"
    ).fetchall()]
    for name in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    op.drop_table("dashboard_cache")
    op.drop_table("change_generation")

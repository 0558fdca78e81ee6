"""Each member's dues fold kept, and the ledger's fold read from an index (issue 18: the
assessment's dues of a year, some 200,000 events for 10,000 members; ``app.storage.dues_folds``)

Revision ID: 0024_duesfolds
Revises: 0023_assessperf
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from app.storage import dues_folds

revision = "0024_duesfolds"
down_revision = "0023_assessperf"
branch_labels = None
depends_on = None

COLUMNS = ["kind", "seq", "member_id", "month", "amount_fen", "on_date", "months",
           "voluntary_fen", "id"]


def upgrade() -> None:
    op.create_index("ix_dues_event_fold", "dues_event", COLUMNS)
    op.create_table(
        dues_folds.FOLD_TABLE,
        sa.Column("member_id", sa.String(36), primary_key=True),
        sa.Column("fold", sa.Text, nullable=False),
    )
    op.create_table(
        dues_folds.STALE_TABLE,
        sa.Column("member_id", sa.String(36), primary_key=True),
    )
    for statement in dues_folds.trigger_statements():
        op.execute(statement)
    # Nothing is kept yet: every member with an event is folded from the ledger until kept.
    op.execute(f"INSERT INTO {dues_folds.STALE_TABLE} (member_id) "  # noqa: S608
               "SELECT DISTINCT member_id FROM dues_event WHERE member_id IS NOT NULL")


def downgrade() -> None:
    for statement in dues_folds.drop_statements():
        op.execute(statement)
    op.drop_table(dues_folds.STALE_TABLE)
    op.drop_table(dues_folds.FOLD_TABLE)
    op.drop_index("ix_dues_event_fold", table_name="dues_event")

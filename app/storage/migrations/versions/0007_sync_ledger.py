"""dues ledger: sync may bring an event to the version the platform holds

The ledger stays append-only for every service. A ledger event changes only inside a sync
transaction that holds the ``sync.ledger_write`` setting (``models.LEDGER_WRITE``): to take the
id the platform knows the same fact by, or the content the secretary chose in a conflict.

Revision ID: 0007_sync_ledger
Revises: 0006_meeting_list_index
Create Date: 2026-12-06
"""

from alembic import op

revision = "0007_sync_ledger"
down_revision = "0006_meeting_list_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP TRIGGER dues_event_no_update")
    op.execute(
        "CREATE TRIGGER dues_event_no_update BEFORE UPDATE ON dues_event "
        "WHEN NEW.seq IS NOT OLD.seq OR NOT EXISTS "
        "(SELECT 1 FROM setting WHERE key = 'sync.ledger_write') "
        "BEGIN SELECT RAISE(ABORT, 'the dues ledger is append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER dues_event_no_update")
    op.execute(
        "CREATE TRIGGER dues_event_no_update BEFORE UPDATE ON dues_event "
        "BEGIN SELECT RAISE(ABORT, 'the dues ledger is append-only'); END"
    )

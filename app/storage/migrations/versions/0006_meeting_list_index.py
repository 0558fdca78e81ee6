"""meeting list: one index in the list's order instead of the plain date index

Revision ID: 0006_meeting_list_index
Revises: 0005_sync
Create Date: 2026-11-25
"""

from alembic import op

revision = "0006_meeting_list_index"
down_revision = "0005_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_meeting_held_on", table_name="meeting")
    op.create_index("ix_meeting_list_order", "meeting", ["held_on", "start_time", "id"])


def downgrade() -> None:
    op.drop_index("ix_meeting_list_order", table_name="meeting")
    op.create_index("ix_meeting_held_on", "meeting", ["held_on"])

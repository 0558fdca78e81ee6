"""The attendance counts of the meeting list from an index (issue 18: the assessment's
attendance of a year, some 300,000 rows for 10,000 members)

Revision ID: 0023_assessperf
Revises: 0022_stats
Create Date: 2026-12-06
"""

from alembic import op

revision = "0023_assessperf"
down_revision = "0022_stats"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_meeting_attendance_meeting_id", table_name="meeting_attendance")
    op.create_index("ix_meeting_attendance_counts", "meeting_attendance",
                    ["meeting_id", "deleted_at", "status"])


def downgrade() -> None:
    op.drop_index("ix_meeting_attendance_counts", table_name="meeting_attendance")
    op.create_index("ix_meeting_attendance_meeting_id", "meeting_attendance", ["meeting_id"])

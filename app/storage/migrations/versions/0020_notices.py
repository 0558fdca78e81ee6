"""Notices as tasks: a notice's due date, the answer it asks for, its attachments, and the
branch's answer (issue 18)

Revision ID: 0020_notices
Revises: 0019_assessment
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0020_notices"
down_revision = "0019_assessment"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_notice") as table:
        table.add_column(sa.Column("due_on", sa.String(10), nullable=True))
        table.add_column(sa.Column("response", sa.String(10), nullable=False,
                                   server_default="none"))
    op.create_table(
        "sync_notice_attachment",
        sa.Column("notice_id", sa.Integer, sa.ForeignKey("sync_notice.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "sync_notice_answer",
        sa.Column("notice_id", sa.Integer, sa.ForeignKey("sync_notice.id"), primary_key=True),
        sa.Column("answer_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("file_content", sa.LargeBinary, nullable=True),
        sa.Column("answered_at", sa.String(27), nullable=False),
        sa.Column("sent_at", sa.String(27), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("late", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_notice_answer")
    op.drop_table("sync_notice_attachment")
    with op.batch_alter_table("sync_notice") as table:
        table.drop_column("response")
        table.drop_column("due_on")

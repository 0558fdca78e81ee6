"""opinion: the 意见建议 register and reports handed to the 纪委 (issue 17)

Revision ID: 0017_opinions
Revises: 0016_appraisal
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_opinions"
down_revision = "0016_appraisal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "opinion",
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("member_id", sa.String(36), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("proposer_name", sa.String(50), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("forwarded_to", sa.String(100), nullable=False),
        sa.Column("forwarded_on", sa.Date(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(100), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("decline_reason", sa.Text(), nullable=False),
        sa.Column("feedback_on", sa.Date(), nullable=True),
        sa.Column("reference", sa.String(50), nullable=False),
        sa.Column("classification", sa.String(10), nullable=False),
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(27), nullable=True),
    )
    op.create_index("ix_opinion_received", "opinion", ["received_on"])
    op.create_table(
        "opinion_attachment",
        sa.Column("opinion_id", sa.String(36), sa.ForeignKey("opinion.id"), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(27), nullable=True),
    )
    op.create_index("ix_opinion_attachment_opinion_id", "opinion_attachment", ["opinion_id"])


def downgrade() -> None:
    op.drop_index("ix_opinion_attachment_opinion_id", "opinion_attachment")
    op.drop_table("opinion_attachment")
    op.drop_index("ix_opinion_received", "opinion")
    op.drop_table("opinion")

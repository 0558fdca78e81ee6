"""appraisal: 民主评议党员, one member's grade and handling for one year (issue 16)

Revision ID: 0016_appraisal
Revises: 0014_study_record
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_appraisal"
down_revision = "0014_study_record"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appraisal",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.Column("server_version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.String(27)),
        sa.Column("classification", sa.String(10), nullable=False),
        sa.Column("member_id", sa.String(36), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("year", sa.String(4), nullable=False),
        sa.Column("probationary", sa.Boolean, nullable=False),
        sa.Column("self_assessed", sa.Boolean, nullable=False),
        sa.Column("votes_excellent", sa.Integer, nullable=False),
        sa.Column("votes_qualified", sa.Integer, nullable=False),
        sa.Column("votes_basic", sa.Integer, nullable=False),
        sa.Column("votes_unqualified", sa.Integer, nullable=False),
        sa.Column("grade", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.String(20), nullable=False),
        sa.Column("decided_on", sa.Date),
        sa.Column("handling", sa.String(20), nullable=False),
        sa.Column("correction_until", sa.Date),
        sa.Column("meeting_on", sa.Date),
        sa.Column("entitled", sa.Integer, nullable=False),
        sa.Column("in_favour", sa.Integer, nullable=False),
        sa.Column("approved_on", sa.Date),
        sa.Column("ground", sa.String(2), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.UniqueConstraint("member_id", "year"),
    )
    op.create_index("ix_appraisal_member_id", "appraisal", ["member_id"])
    op.create_index("ix_appraisal_year", "appraisal", ["year"])


def downgrade() -> None:
    op.drop_index("ix_appraisal_year", "appraisal")
    op.drop_index("ix_appraisal_member_id", "appraisal")
    op.drop_table("appraisal")

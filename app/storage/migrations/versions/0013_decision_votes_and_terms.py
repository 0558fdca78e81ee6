"""Votes with written opinions and the decision they take about a person; the committee's term

meeting_vote.written: entitled members absent with a written opinion (发展党员工作细则 第二十一条);
meeting_vote.decision / member_id: a vote on admission, 转正, 延长预备期 or 取消预备党员资格
(第三十三条) names its person. branch.kind / committee_elected_on: the committee's term and the
next 换届 (支部工作条例 第二十一条).

Revision ID: 0013_decision_votes_and_terms
Revises: 0012_dues_terms
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_decision_votes_and_terms"
down_revision = "0012_dues_terms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting_vote") as batch:
        batch.add_column(sa.Column("written", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(
            sa.Column("decision", sa.String(30), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("member_id", sa.String(36), nullable=True))
        batch.create_foreign_key("fk_meeting_vote_member", "member", ["member_id"], ["id"])
        batch.create_index("ix_meeting_vote_member_id", ["member_id"])
    op.add_column("branch", sa.Column("kind", sa.String(20), nullable=False, server_default=""))
    op.add_column("branch", sa.Column("committee_elected_on", sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column("branch", "committee_elected_on")
    op.drop_column("branch", "kind")
    with op.batch_alter_table("meeting_vote") as batch:
        batch.drop_index("ix_meeting_vote_member_id")
        batch.drop_constraint("fk_meeting_vote_member", type_="foreignkey")
        batch.drop_column("member_id")
        batch.drop_column("decision")
        batch.drop_column("written")

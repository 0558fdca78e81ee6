"""branch.committee: the committee members (支委委员) of the branch profile

Revision ID: 0009_branch_committee
Revises: 0008_member_sort_key
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_branch_committee"
down_revision = "0008_member_sort_key"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "branch", sa.Column("committee", sa.String(500), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_column("branch", "committee")

"""member.sort_key: the name's pinyin order, so that lists sort by pinyin in SQL

Revision ID: 0008_member_sort_key
Revises: 0007_sync_ledger
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from app.domain.name_order import pinyin_key

revision = "0008_member_sort_key"
down_revision = "0007_sync_ledger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "member", sa.Column("sort_key", sa.String(400), nullable=False, server_default="")
    )
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, name FROM member")).all()
    if rows:
        bind.execute(
            sa.text("UPDATE member SET sort_key = :key WHERE id = :id"),
            [{"key": pinyin_key(name or ""), "id": member_id} for member_id, name in rows],
        )
    op.create_index("ix_member_sort_key", "member", ["sort_key"])


def downgrade() -> None:
    op.drop_index("ix_member_sort_key", table_name="member")
    op.drop_column("member", "sort_key")

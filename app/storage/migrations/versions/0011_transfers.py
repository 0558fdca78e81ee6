"""member: the transfer letter out (validity, 党费已交到, 回执), the letter in, 流动党员 contact

Revision ID: 0011_transfers
Revises: 0010_classification_everywhere
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_transfers"
down_revision = "0010_classification_everywhere"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("transfer_valid_days", sa.Integer(), None),
    ("transfer_paid_until", sa.String(7), ""),
    ("transfer_receipt_on", sa.Date(), None),
    ("transfer_in_on", sa.Date(), None),
    ("transfer_in_origin", sa.String(200), ""),
    ("transfer_in_letter_no", sa.String(50), ""),
    ("transfer_in_paid_until", sa.String(7), ""),
    ("flow_contact", sa.String(200), ""),
    ("flow_card_no", sa.String(50), ""),
)


def upgrade() -> None:
    for name, type_, default in _COLUMNS:
        op.add_column("member", sa.Column(
            name, type_, nullable=default is None, server_default=default,
        ))


def downgrade() -> None:
    for name, _type, _default in reversed(_COLUMNS):
        op.drop_column("member", name)

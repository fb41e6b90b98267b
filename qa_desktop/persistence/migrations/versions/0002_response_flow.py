"""Response flow: classifications, reporting clocks, flow history, decisions and signatures.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Tables arrive with the capability that needs them."""


def downgrade() -> None:
    """Nothing to undo yet."""

"""OCHIBO-HIROI cause analyses: graphs, countermeasures, yokoten and lessons.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Tables arrive with the capability that needs them."""


def downgrade() -> None:
    """Nothing to undo yet."""

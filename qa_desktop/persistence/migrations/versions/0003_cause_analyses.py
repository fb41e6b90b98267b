"""OCHIBO-HIROI cause analyses: graphs, countermeasures, yokoten and lessons.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qa_desktop.persistence.models import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: Evidence: the database refuses UPDATE and DELETE on these (as on audit_entries).
APPEND_ONLY = ("analysis_evidence", "analysis_signatures")
#: Rows copied out of each analysis document on every save, for search and deadlines.
DERIVED = ("analysis_causes", "analysis_countermeasures", "analysis_terms")


def _analysis(table: str, *, cascade: bool, primary_key: bool = False) -> sa.Column[int]:
    return sa.Column(
        "analysis_id",
        sa.Integer(),
        sa.ForeignKey(
            "cause_analyses.id",
            ondelete="CASCADE" if cascade else "RESTRICT",
            name=f"fk_{table}_analysis_id_cause_analyses",
        ),
        primary_key=primary_key,
        nullable=False,
    )


def upgrade() -> None:
    """Create the analysis tables, their indexes and the append-only guards."""
    op.create_table(
        "cause_analyses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "incident_id",
            sa.Integer(),
            sa.ForeignKey(
                "incidents.id",
                ondelete="RESTRICT",
                name="fk_cause_analyses_incident_id_incidents",
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("product_key", sa.String(200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.UniqueConstraint("incident_id", name="uq_cause_analyses_incident_id"),
    )
    op.create_index("ix_cause_analyses_product_key", "cause_analyses", ["product_key"])
    op.create_index("ix_cause_analyses_status", "cause_analyses", ["status"])

    op.create_table(
        "analysis_causes",
        _analysis("analysis_causes", cascade=True, primary_key=True),
        sa.Column("cause_id", sa.String(64), primary_key=True),
        sa.Column("layer", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("title_key", sa.String(200), nullable=False),
        sa.Column("text_key", sa.Text(), nullable=False),
        sa.Column("component", sa.String(200), nullable=False),
        sa.Column("component_key", sa.String(200), nullable=False),
        sa.Column("failure_mode", sa.String(200), nullable=False),
        sa.Column("failure_mode_key", sa.String(200), nullable=False),
    )
    for name, columns in (
        ("title_key", ["title_key"]),
        ("component_key", ["component_key"]),
        ("failure_mode_key", ["failure_mode_key"]),
        ("status_layer", ["status", "layer"]),
    ):
        op.create_index(f"ix_analysis_causes_{name}", "analysis_causes", columns)

    op.create_table(
        "analysis_countermeasures",
        _analysis("analysis_countermeasures", cascade=True, primary_key=True),
        sa.Column("measure_id", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("result", sa.String(16), nullable=False),
    )
    op.create_index("ix_analysis_countermeasures_due_on", "analysis_countermeasures", ["due_on"])

    op.create_table(
        "analysis_terms",
        sa.Column("term", sa.String(210), primary_key=True),
        _analysis("analysis_terms", cascade=True, primary_key=True),
    )
    op.create_index("ix_analysis_terms_analysis_id", "analysis_terms", ["analysis_id"])

    op.create_table(
        "analysis_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        _analysis("analysis_evidence", cascade=False),
        sa.Column("cause_id", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.String(64), nullable=False),
        sa.Column("added_at", UtcDateTime(), nullable=False),
    )
    op.create_index("ix_analysis_evidence_analysis", "analysis_evidence", ["analysis_id", "id"])

    op.create_table(
        "analysis_signatures",
        sa.Column("id", sa.Integer(), primary_key=True),
        _analysis("analysis_signatures", cascade=False),
        sa.Column("analysis_version", sa.Integer(), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("signer_name", sa.String(200), nullable=False),
        sa.Column("signer_role", sa.String(32), nullable=False),
        sa.Column("meaning", sa.String(16), nullable=False),
        sa.Column("signed_at", UtcDateTime(), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
    )
    op.create_index("ix_analysis_signatures_analysis", "analysis_signatures", ["analysis_id", "id"])

    bind = op.get_bind()
    guards = _sqlite_guards() if bind.dialect.name == "sqlite" else _postgresql_guards()
    for statement in guards:
        op.execute(statement)


def _sqlite_guards() -> list[str]:
    statements = []
    for table in APPEND_ONLY:
        for operation in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{operation} on {table} refused: this table is "
                "append-only evidence'); END"
            )
    return statements


def _postgresql_guards() -> list[str]:
    # qa_refuse_change() is created by revision 0001.
    statements = []
    for table in APPEND_ONLY:
        statements.append(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION qa_refuse_change()"
        )
        statements.append(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION qa_refuse_change()"
        )
    return statements


def downgrade() -> None:
    """Drop the analysis tables (their triggers go with them)."""
    for table in (*APPEND_ONLY, *DERIVED, "cause_analyses"):
        op.drop_table(table)

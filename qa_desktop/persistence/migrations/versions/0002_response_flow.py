"""Response flow: classifications, reporting clocks, flow history, decisions and signatures.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qa_desktop.persistence.models import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: Evidence: the database refuses UPDATE and DELETE on these (as on audit_entries).
APPEND_ONLY = (
    "classifications",
    "response_decisions",
    "signatures",
    "flow_records",
    "regulator_filings",
    "response_reviews",
    "management_notices",
    "website_disclosures",
)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _incident(table: str) -> sa.Column[int]:
    return sa.Column(
        "incident_id",
        sa.Integer(),
        sa.ForeignKey(
            "incidents.id", ondelete="RESTRICT", name=f"fk_{table}_incident_id_incidents"
        ),
        nullable=False,
    )


def _reference(table: str, column: str, target: str, *, nullable: bool) -> sa.Column[int]:
    return sa.Column(
        column,
        sa.Integer(),
        sa.ForeignKey(f"{target}.id", name=f"fk_{table}_{column}_{target}"),
        nullable=nullable,
    )


def upgrade() -> None:
    """Create the response-flow tables, their indexes and the append-only guards."""
    op.create_table(
        "classifications",
        _id(),
        _incident("classifications"),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("incident_version", sa.Integer(), nullable=False),
        sa.Column("classified_at", UtcDateTime(), nullable=False),
        sa.Column("classified_by", sa.String(64), nullable=False),
        sa.Column("proposed_severity", sa.String(32), nullable=False),
        sa.Column("severity", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("medical_device", sa.Boolean(), nullable=False),
        sa.Column("assessment", sa.Text(), nullable=False),
        sa.UniqueConstraint("incident_id", "version", name="uq_classifications_incident_id"),
    )
    op.create_table(
        "response_decisions",
        _id(),
        _incident("response_decisions"),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("proposed_at", UtcDateTime(), nullable=False),
        sa.Column("proposed_by", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
    )
    op.create_index(
        "ix_response_decisions_incident", "response_decisions", ["incident_id", "kind", "id"]
    )
    _create_clocks()
    _create_evidence()
    if op.get_bind().dialect.name == "sqlite":
        for statement in sqlite_guards():
            op.execute(statement)
    else:
        for statement in postgresql_guards():
            op.execute(statement)


def _create_clocks() -> None:
    op.create_table(
        "reporting_clocks",
        _id(),
        _incident("reporting_clocks"),
        _reference("reporting_clocks", "classification_id", "classifications", nullable=True),
        sa.Column("rule_id", sa.String(64), nullable=False),
        sa.Column("rule_version", sa.Integer(), nullable=False),
        sa.Column("jurisdiction", sa.String(8), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("regulator", sa.Text(), nullable=False),
        sa.Column("citation", sa.Text(), nullable=False),
        sa.Column("time_zone", sa.String(64), nullable=False),
        sa.Column("rule_snapshot", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("first_known_at", UtcDateTime(), nullable=True),
        sa.Column("calendar_due_at", UtcDateTime(), nullable=True),
        sa.Column("due_at", UtcDateTime(), nullable=True),
        sa.Column("moved_by", sa.Text(), nullable=False),
        sa.Column("move_reason", sa.Text(), nullable=False),
        sa.Column("verify", sa.Boolean(), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("started_by", sa.String(64), nullable=False),
        sa.Column("stopped_at", UtcDateTime(), nullable=True),
        sa.Column("stopped_by", sa.String(64), nullable=False),
        sa.Column("stop_kind", sa.String(16), nullable=False),
        sa.Column("stop_reason", sa.Text(), nullable=False),
        _reference("reporting_clocks", "decision_id", "response_decisions", nullable=True),
    )
    # "Every running clock by time left" walks the first index, a jurisdiction filter the
    # second; the third counts running, overdue and immediate clocks without reading rows;
    # the fourth finds an incident's own clocks.
    op.create_index("ix_reporting_clocks_state_due", "reporting_clocks", ["state", "due_at", "id"])
    op.create_index(
        "ix_reporting_clocks_state_jurisdiction_due",
        "reporting_clocks",
        ["state", "jurisdiction", "due_at", "id"],
    )
    op.create_index(
        "ix_reporting_clocks_state_kind",
        "reporting_clocks",
        ["state", "kind", "jurisdiction", "due_at"],
    )
    op.create_index("ix_reporting_clocks_incident", "reporting_clocks", ["incident_id", "state"])


def _create_evidence() -> None:
    op.create_table(
        "signatures",
        _id(),
        _incident("signatures"),
        sa.Column("record_kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("signer_name", sa.String(200), nullable=False),
        sa.Column("signer_role", sa.String(32), nullable=False),
        sa.Column("meaning", sa.String(16), nullable=False),
        sa.Column("signed_at", UtcDateTime(), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
    )
    op.create_index("ix_signatures_record", "signatures", ["record_kind", "record_id"])
    op.create_index("ix_signatures_incident", "signatures", ["incident_id", "id"])
    op.create_table(
        "flow_records",
        _id(),
        _incident("flow_records"),
        sa.Column("flow_id", sa.String(64), nullable=False),
        sa.Column("flow_version", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("actor_role", sa.String(32), nullable=False),
        sa.Column("action_id", sa.String(64), nullable=False),
        sa.Column("action_title", sa.Text(), nullable=False),
        sa.Column("from_step", sa.String(64), nullable=False),
        sa.Column("to_step", sa.String(64), nullable=False),
        sa.Column("task", sa.String(64), nullable=True),
        sa.Column("signed_by", sa.String(32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("recorded", sa.Text(), nullable=False),
        _reference("flow_records", "decision_id", "response_decisions", nullable=True),
    )
    op.create_index("ix_flow_records_incident", "flow_records", ["incident_id", "id"])
    op.create_table(
        "regulator_filings",
        _id(),
        _incident("regulator_filings"),
        _reference("regulator_filings", "clock_id", "reporting_clocks", nullable=False),
        sa.Column("filed_at", UtcDateTime(), nullable=False),
        sa.Column("filed_by", sa.String(200), nullable=False),
        sa.Column("regulator_reference", sa.Text(), nullable=False),
        sa.Column("document_name", sa.String(255), nullable=False),
        sa.Column("document_size", sa.BigInteger(), nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("document", sa.LargeBinary(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
    )
    op.create_index("ix_regulator_filings_clock_id", "regulator_filings", ["clock_id"])
    op.create_table(
        "response_reviews",
        _id(),
        _incident("response_reviews"),
        _reference("response_reviews", "decision_id", "response_decisions", nullable=True),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.String(64), nullable=False),
        sa.Column("reviewed_at", UtcDateTime(), nullable=False),
        _reference("response_reviews", "signature_id", "signatures", nullable=True),
        sa.Column("action_id", sa.String(64), nullable=True),
    )
    op.create_index("ix_response_reviews_decision_id", "response_reviews", ["decision_id"])
    op.create_index("ix_response_reviews_incident", "response_reviews", ["incident_id", "id"])
    op.create_table(
        "management_notices",
        _id(),
        _incident("management_notices"),
        sa.Column("sent_at", UtcDateTime(), nullable=False),
        sa.Column("sent_by", sa.String(64), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
    )
    op.create_index("ix_management_notices_incident", "management_notices", ["incident_id", "id"])
    op.create_table(
        "website_disclosures",
        _id(),
        _incident("website_disclosures"),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("published_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
    )
    op.create_index("ix_website_disclosures_incident", "website_disclosures", ["incident_id", "id"])


def sqlite_guards() -> list[str]:
    """Triggers that make SQLite refuse UPDATE and DELETE on the evidence tables."""
    statements = []
    for table in APPEND_ONLY:
        for operation in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{operation} on {table} refused: this table is "
                "append-only evidence'); END"
            )
    return statements


def postgresql_guards() -> list[str]:
    """The same guards on PostgreSQL, reusing ``qa_refuse_change()`` from migration 0001."""
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
    """Drop the response-flow tables (their triggers go with them)."""
    for table in (
        "website_disclosures",
        "management_notices",
        "response_reviews",
        "regulator_filings",
        "flow_records",
        "signatures",
        "reporting_clocks",
        "response_decisions",
        "classifications",
    ):
        op.drop_table(table)

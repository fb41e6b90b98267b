"""The incident record, accounts, attachments and the append-only audit trail.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from qa_desktop.persistence.models import UtcDateTime

REGISTER_SORT_COLUMNS = (
    "first_known_at",
    "title",
    "product_name",
    "model",
    "status",
    "severity",
    "source",
    "country",
    "qa_owner",
    "business_unit",
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the first schema, its full-text index and the audit trail's guards."""
    op.create_table(
        "qa_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "reference_counters",
        sa.Column("prefix", sa.String(10), primary_key=True),
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("last", sa.Integer(), nullable=False),
    )
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.String(64), nullable=False),
        sa.Column("imported_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(32), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("product_name", sa.String(200), nullable=False),
        sa.Column("model", sa.String(100), nullable=False),
        sa.Column("serial_ranges", sa.Text(), nullable=False),
        sa.Column("units_in_field", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("markets", sa.String(400), nullable=False),
        sa.Column("deaths", sa.Integer(), nullable=False),
        sa.Column("injuries", sa.Integer(), nullable=False),
        sa.Column("max_treatment_days", sa.Integer(), nullable=False),
        sa.Column("permanent_disability", sa.Boolean(), nullable=False),
        sa.Column("co_poisoning", sa.Boolean(), nullable=False),
        sa.Column("fire", sa.Boolean(), nullable=False),
        sa.Column("fire_service_confirmed", sa.Boolean(), nullable=False),
        sa.Column("property_damage", sa.Boolean(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=True),
        sa.Column("first_known_at", UtcDateTime(), nullable=False),
        sa.Column("qa_aware_at", UtcDateTime(), nullable=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("severity", sa.String(32), nullable=False),
        sa.Column("business_unit", sa.String(100), nullable=False),
        sa.Column("qa_owner", sa.String(64), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "import_batch_id",
            sa.Integer(),
            sa.ForeignKey("import_batches.id", name="fk_incidents_import_batch_id_import_batches"),
            nullable=True,
        ),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
    )
    # The register sorts and pages by (column, id): one composite index per sortable column
    # lets both backends walk pages by key instead of sorting a million rows.
    for column in REGISTER_SORT_COLUMNS:
        op.create_index(f"ix_incidents_{column}_id", "incidents", [column, "id"])
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "incident_id",
            sa.Integer(),
            sa.ForeignKey(
                "incidents.id", ondelete="RESTRICT", name="fk_attachments_incident_id_incidents"
            ),
            nullable=False,
            index=True,
        ),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.String(64), nullable=False),
        sa.Column("added_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_audit_entity", "audit_entries", ["entity", "entity_id", "id"])

    if op.get_bind().dialect.name == "sqlite":
        _sqlite_extras()
    else:
        _postgresql_extras()


def _sqlite_extras() -> None:
    for statement in SQLITE_SEARCH_DDL + SQLITE_GUARDS_DDL:
        op.execute(statement)


def _postgresql_extras() -> None:
    op.execute(
        "CREATE INDEX ix_incidents_search ON incidents "
        "USING gin (to_tsvector('simple'::regconfig, search_text))"
    )
    op.execute(
        """
        CREATE FUNCTION qa_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% on % refused: this table is append-only evidence',
                TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries "
        "FOR EACH ROW EXECUTE FUNCTION qa_refuse_change()"
    )
    op.execute(
        "CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries "
        "FOR EACH STATEMENT EXECUTE FUNCTION qa_refuse_change()"
    )
    op.execute(
        "CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents "
        "FOR EACH ROW EXECUTE FUNCTION qa_refuse_change()"
    )


#: The SQLite full-text index over ``incidents.search_text`` and the triggers that keep it.
#:
#: The index's rowid is ``search_key``, not ``id``: the first-known second times 2^31 plus the
#: id, so rowid order is the register's newest-first order. FTS5 walks its matches in rowid
#: order natively, so "newest 100 incidents matching 発火" stops after 100 matches instead of
#: collecting and sorting every match (hundreds of thousands for a common word).
#: (The bulk importer suspends ``incidents_fts_insert`` by reading its SQL back from
#: ``sqlite_master``, so this file stays the only place it is written.)
SQLITE_SEARCH_DDL = [
    "ALTER TABLE incidents ADD COLUMN search_key INTEGER GENERATED ALWAYS AS "
    "(CAST(strftime('%s', first_known_at) AS INTEGER) * 2147483648 + id) VIRTUAL",
    "CREATE UNIQUE INDEX ix_incidents_search_key ON incidents (search_key)",
    "CREATE VIRTUAL TABLE incident_fts USING fts5("
    "search_text, content='incidents', content_rowid='search_key', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN "
    "INSERT INTO incident_fts(rowid, search_text) VALUES (new.search_key, new.search_text); END",
    "CREATE TRIGGER incidents_fts_update AFTER UPDATE OF search_text, first_known_at "
    "ON incidents BEGIN "
    "INSERT INTO incident_fts(incident_fts, rowid, search_text) "
    "VALUES ('delete', old.search_key, old.search_text); "
    "INSERT INTO incident_fts(rowid, search_text) VALUES (new.search_key, new.search_text); END",
]
SQLITE_GUARDS_DDL = [
    "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN "
    "SELECT RAISE(ABORT, 'UPDATE on audit_entries refused: this table is append-only evidence'); "
    "END",
    "CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN "
    "SELECT RAISE(ABORT, 'DELETE on audit_entries refused: this table is append-only evidence'); "
    "END",
    "CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents BEGIN "
    "SELECT RAISE(ABORT, 'DELETE on incidents refused: incidents are evidence and are closed, "
    "never deleted'); END",
]


def downgrade() -> None:
    """The first schema has nothing to go back to."""
    raise NotImplementedError("0001 is the first schema")

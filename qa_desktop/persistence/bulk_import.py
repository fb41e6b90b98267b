"""Adding many incidents in one unit of work, at the speed of the database driver.

The ORM costs more per row than the database does, so imports and demo data go past it:
rows are built as plain tuples and handed to the driver in batches (SQLite ``executemany``,
PostgreSQL ``COPY FROM STDIN``) on the unit of work's own connection, inside its
transaction. For a large batch on SQLite the full-text trigger is suspended and the new
rows are indexed in one statement at the end, which costs less than a trigger call per
row; the trigger is dropped and re-created inside the same transaction, so a crash or an
error leaves the database, triggers included, exactly as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import ConflictError
from qa_desktop.domain.incident import IncidentDraft
from qa_desktop.domain.search_text import index_text
from qa_desktop.persistence.database import storage_error
from qa_desktop.persistence.incident_columns import DRAFT_COLUMNS, search_text_for
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.references import next_references

#: Every column an insert fills, in the order of the tuples built here.
INSERT_COLUMNS: tuple[str, ...] = (
    *DRAFT_COLUMNS, "search_text", "version", "import_batch_id", "created_at", "created_by",
    "updated_at", "updated_by",
)
#: Batches at least this large index the full text once at the end instead of per row.
LARGE_BATCH = 1_000
#: SQLite triggers that keep ``incident_fts`` in step with ``incidents``.
FTS_TRIGGERS = ("incidents_fts_insert", "incidents_fts_update")
#: How many references one existence query asks about.
LOOKUP_CHUNK = 500
# Incidents logged without a reference hold one of these until the import's end, when the
# references given in the file are all known and new ones cannot collide with them.
_PLACEHOLDER = "~"


def sqlite_timestamp(value: datetime | None) -> str | None:
    """A timestamp as SQLAlchemy stores it in SQLite: naive UTC text with microseconds."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


@contextmanager
def _driver_faults() -> Iterator[None]:
    try:
        yield
    except (sqlite3.IntegrityError, psycopg.errors.IntegrityError) as exc:
        raise ConflictError(
            "Someone saved an incident with one of these references while they were being "
            f"added; nothing was written. Try again. ({exc})"
        ) from exc
    except (sqlite3.Error, psycopg.Error) as exc:
        error = storage_error(exc)
        if error is None:
            raise
        raise error from exc


class IncidentBulkInsert:
    """Adds incidents to the transaction of *session*; call :meth:`finish` before it commits.

    ``created_by``/``created_at`` are recorded as creator and last editor of every row;
    incidents without a reference get the next ones of *reference_year* at the end.
    """

    def __init__(
        self,
        session: Session,
        *,
        created_by: str,
        created_at: datetime,
        import_batch_id: int | None,
        reference_year: int,
    ) -> None:
        self._session = session
        self._sqlite = session.get_bind().dialect.name == "sqlite"
        self._driver: Any = session.connection().connection.driver_connection
        stamp: Any = sqlite_timestamp(created_at) if self._sqlite else created_at
        self._tail = (1, import_batch_id, stamp, created_by, stamp, created_by)
        self._year = reference_year
        self._placeholders: list[str] = []
        self._suspended: list[str] = []
        self._first_id = 0
        self._finished = True
        self.inserted = 0
        # Committing without finish() would keep placeholder references and, on SQLite,
        # lose the full-text triggers: refuse such a commit instead.
        event.listen(session, "before_commit", self._refuse_unfinished)

    def _refuse_unfinished(self, _session: Session) -> None:
        if not self._finished:
            raise RuntimeError("bulk insert committed before finish(); rolled back")

    # ------------------------------------------------------------------ checks
    def existing_references(self, references: Sequence[str]) -> set[str]:
        """Those of *references* that incidents in the database already have."""
        found: set[str] = set()
        for start in range(0, len(references), LOOKUP_CHUNK):
            chunk = references[start : start + LOOKUP_CHUNK]
            found.update(
                self._session.scalars(select(Incident.reference).where(Incident.reference.in_(chunk)))
            )
        return found

    # ------------------------------------------------------------------ inserting
    def add(self, drafts: Sequence[IncidentDraft]) -> None:
        """Insert *drafts* (validated by the caller; references unique and unused)."""
        if not drafts:
            return
        self._finished = False
        if self._sqlite and not self.inserted and len(drafts) >= LARGE_BATCH:
            self._suspend_fts_triggers()
        rows = [self._row(draft) for draft in drafts]
        columns = ", ".join(INSERT_COLUMNS)
        with _driver_faults():
            if self._sqlite:
                marks = ", ".join("?" * len(INSERT_COLUMNS))
                sql = f"INSERT INTO incidents ({columns}) VALUES ({marks})"
                self._driver.executemany(sql, rows)
            else:
                with self._driver.cursor() as cursor, cursor.copy(
                    f"COPY incidents ({columns}) FROM STDIN"
                ) as copy:
                    for row in rows:
                        copy.write_row(row)
        self.inserted += len(rows)

    def _row(self, draft: IncidentDraft) -> tuple[Any, ...]:
        reference = draft.reference
        if not reference:
            reference = f"{_PLACEHOLDER}{len(self._placeholders)}"
            self._placeholders.append(reference)
        harm = draft.harm
        occurred: Any = draft.occurred_at
        first_known: Any = draft.first_known_at
        qa_aware: Any = draft.qa_aware_at
        if self._sqlite:
            # sqlite3 has no adapter for aware datetimes that matches SQLAlchemy's storage.
            occurred = sqlite_timestamp(occurred)
            first_known = sqlite_timestamp(first_known)
            qa_aware = sqlite_timestamp(qa_aware)
        return (
            reference, draft.title, draft.description, draft.product_name, draft.model,
            draft.serial_ranges, draft.units_in_field, draft.source.value, draft.country,
            ",".join(draft.markets), harm.deaths, harm.injuries, harm.max_treatment_days,
            harm.permanent_disability, harm.co_poisoning, harm.fire,
            harm.fire_service_confirmed, harm.property_damage, occurred, first_known,
            qa_aware, draft.status.value, draft.severity.value, draft.business_unit,
            draft.qa_owner, search_text_for(draft), *self._tail,
        )

    def _suspend_fts_triggers(self) -> None:
        session = self._session
        self._first_id = int(session.scalar(select(func.coalesce(func.max(Incident.id), 0))) or 0)
        with _driver_faults():
            for name in FTS_TRIGGERS:
                row = self._driver.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
                ).fetchone()
                if row is None:
                    continue
                self._suspended.append(row[0])
                self._driver.execute(f'DROP TRIGGER "{name}"')

    # ------------------------------------------------------------------ finishing
    def finish(self) -> list[str]:
        """Give the incidents without one their references, index the text; returns those.

        The references are handed out in the order the incidents were added.
        """
        generated: list[str] = []
        if self._placeholders:
            generated = next_references(self._session, self._year, len(self._placeholders))
            with _driver_faults():
                self._session.execute(
                    text(
                        "UPDATE incidents SET reference = :reference, "
                        "search_text = :prefix || ' ' || search_text WHERE reference = :placeholder"
                    ),
                    [
                        {"reference": ref, "prefix": index_text(ref), "placeholder": placeholder}
                        for ref, placeholder in zip(generated, self._placeholders, strict=True)
                    ],
                )
        if self._suspended:
            with _driver_faults():
                self._driver.execute(
                    "INSERT INTO incident_fts(rowid, search_text) "
                    "SELECT search_key, search_text FROM incidents WHERE id > ?",
                    (self._first_id,),
                )
                for sql in self._suspended:
                    self._driver.execute(sql)
            self._suspended = []
        self._placeholders = []
        self._finished = True
        return generated

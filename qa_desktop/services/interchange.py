"""Importing and exporting incidents (CSV, XLSX, JSON), and the JSON the command line prints.

An import is all or nothing: every row is read and checked, and the file is refused as a
whole, with every bad row named, when one is wrong. An accepted file is written in one
transaction together with its import batch (file name, SHA-256, who, when). Exports stream
the register page by page into a temporary file that replaces the target only when
complete, so a failed or cancelled export leaves no partial file behind.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from qa_desktop.domain.errors import (
    Cancelled,
    FieldError,
    ImportRejected,
    RowProblem,
    StorageError,
    ValidationFailed,
)
from qa_desktop.domain.incident import IncidentDraft
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence import audit
from qa_desktop.persistence.bulk_export import count_incidents, incident_pages
from qa_desktop.persistence.bulk_import import IncidentBulkInsert
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.incident_columns import row_draft
from qa_desktop.persistence.models import ImportBatch, Incident
from qa_desktop.persistence.references import note_references
from qa_desktop.services.accounts import require
from qa_desktop.services.interchange_cells import Format, iso_utc, json_value
from qa_desktop.services.interchange_formats import (
    MAX_IMPORT_BYTES,
    MAX_XLSX_INCIDENTS,
    IncidentReader,
    format_of,
)
from qa_desktop.services.interchange_rows import EXPORT_FIELDS, draft_from_cells, flat_values
from qa_desktop.services.interchange_writer import IncidentWriter
from qa_desktop.services.results import (
    CurrentUser,
    ImportResult,
    IncidentRecord,
    IncidentSummary,
)

#: ``progress(done, total)``: how far long work has got (total 0 while unknown).
Progress = Callable[[int, int], None]
#: Polled during long work; returning True cancels it.
CancelCheck = Callable[[], bool]
#: Rows checked and written together; progress and cancel are looked at between chunks.
IMPORT_CHUNK = 2_000
_COLUMN_ORDER = {name: index for index, name in enumerate(EXPORT_FIELDS)}


# ----------------------------------------------------------------------------- JSON views
def record_to_json(record: IncidentRecord) -> dict[str, Any]:
    """One incident as JSON: its fields, version, who created and changed it, attachments."""
    data = {name: json_value(value) for name, value in flat_values(record.draft).items()}
    data["reference"] = record.reference
    data.update(
        version=record.version,
        created_at=iso_utc(record.created_at),
        created_by=record.created_by,
        updated_at=iso_utc(record.updated_at),
        updated_by=record.updated_by,
        attachments=[
            {
                "file_name": a.file_name,
                "size": a.size,
                "sha256": a.sha256,
                "added_by": a.added_by,
                "added_at": iso_utc(a.added_at),
            }
            for a in record.attachments
        ],
    )
    return data


def summary_to_json(summary: IncidentSummary) -> dict[str, Any]:
    """One register row as JSON (what ``qa-desktop incident list --json`` prints)."""
    return {
        "reference": summary.reference,
        "title": summary.title,
        "product_name": summary.product_name,
        "model": summary.model,
        "severity": summary.severity,
        "status": summary.status,
        "source": summary.source,
        "country": summary.country,
        "first_known_at": iso_utc(summary.first_known_at),
        "qa_owner": summary.qa_owner,
        "business_unit": summary.business_unit,
        "version": summary.version,
        "next_deadline": iso_utc(summary.next_deadline),
    }


def _export_values(row: Incident) -> dict[str, Any]:
    values = flat_values(row_draft(row))
    values.update(
        version=row.version,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )
    return values


# ----------------------------------------------------------------------------- the service
class InterchangeService:
    """Imports incident files all or nothing and exports the register to a file."""

    def __init__(self, database: Database, now: Callable[[], datetime] | None = None) -> None:
        self._db = database
        self._now = now or (lambda: datetime.now(UTC))

    def import_file(
        self,
        actor: CurrentUser,
        path: Path | str,
        fmt: str | None = None,
        *,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> ImportResult:
        """Import every incident of *path* (CSV, XLSX or JSON; by suffix unless *fmt*).

        Raises :class:`ImportRejected` listing every bad row when any row is bad, and
        :class:`Cancelled` when *cancel* returns True; in both cases nothing is written.
        """
        require(actor, Permission.IMPORT_INCIDENTS)
        path = Path(path).expanduser()
        try:
            chosen = format_of(path, fmt)
        except ValueError as exc:
            raise ImportRejected([RowProblem(0, "", str(exc))]) from exc
        digest = _file_sha256(path)
        now = self._now()

        def work(session: Session) -> ImportResult:
            run = _ImportRun(session, actor, path, chosen, now, progress, cancel)
            return run.run(digest)

        return self._db.write(work)

    def export_file(
        self,
        actor: CurrentUser,
        path: Path | str,
        fmt: str | None = None,
        *,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> int:
        """Write every incident to *path* in *fmt*; returns how many were written.

        The file appears only when complete (it replaces an existing one); on failure or
        :class:`Cancelled` no file is left behind.
        """
        require(actor, Permission.EXPORT_INCIDENTS)
        target = Path(path).expanduser().absolute()
        try:
            chosen = format_of(target, fmt)
        except ValueError as exc:
            raise ValidationFailed([FieldError("format", "choice", str(exc))]) from exc
        if not target.parent.is_dir():
            raise StorageError(f"The folder {target.parent} does not exist; nothing was exported.")
        exported_at = self._now()

        def work(session: Session) -> int:
            total = count_incidents(session)
            if chosen == "xlsx" and total > MAX_XLSX_INCIDENTS:
                raise ValidationFailed(
                    [
                        FieldError(
                            "format",
                            "too_many",
                            f"an XLSX sheet holds at most {MAX_XLSX_INCIDENTS:,} incidents and "
                            f"there are {total:,}: export to CSV or JSON instead",
                        )
                    ]
                )
            return _write_export(session, target, chosen, exported_at, total, progress, cancel)

        return self._db.read(work)


def _file_sha256(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportRejected(
                [
                    RowProblem(
                        0,
                        "",
                        f"the file is {size / 1024**3:.1f} GB; an import reads at most "
                        f"{MAX_IMPORT_BYTES // 1024**3} GB: split it into several files",
                    )
                ]
            )
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError as exc:
        raise ImportRejected(
            [RowProblem(0, "", f"{path} cannot be read: {exc.strerror or exc}")]
        ) from exc
    return digest.hexdigest()


class _ImportRun:
    """One import inside its unit of work: reads, checks and writes chunk by chunk."""

    def __init__(
        self,
        session: Session,
        actor: CurrentUser,
        path: Path,
        fmt: Format,
        now: datetime,
        progress: Progress | None,
        cancel: CancelCheck | None,
    ) -> None:
        self._session = session
        self._actor = actor
        self._path = path
        self._reader = IncidentReader(path, fmt)
        self._now = now
        self._progress = progress
        self._cancel = cancel
        self._problems: list[RowProblem] = []
        self._first_row: dict[str, int] = {}
        self._references: list[str] = []
        self._sink: IncidentBulkInsert | None = None

    def run(self, digest: str) -> ImportResult:
        session = self._session
        batch = ImportBatch(
            file_name=self._path.name[:500],
            file_sha256=digest,
            row_count=0,
            imported_by=self._actor.username,
            imported_at=self._now,
        )
        session.add(batch)
        session.flush()
        self._sink = IncidentBulkInsert(
            session,
            created_by=self._actor.username,
            created_at=self._now,
            import_batch_id=batch.id,
            reference_year=self._now.year,
        )
        try:
            self._read_all()
        except OSError as exc:
            raise ImportRejected(
                [RowProblem(0, "", f"the file could not be read to the end: {exc.strerror or exc}")]
            ) from exc
        if self._problems:
            # By row, and within a row in the order of the columns, as the file shows them.
            self._problems.sort(key=lambda p: (p.row, _COLUMN_ORDER.get(p.field, -1)))
            raise ImportRejected(self._problems)
        if not self._references:
            raise ImportRejected([RowProblem(0, "", "the file holds no incidents")])
        note_references(session, list(self._first_row))
        generated = iter(self._sink.finish())
        references = tuple(ref or next(generated) for ref in self._references)
        batch.row_count = len(references)
        audit.record(
            session,
            at=self._now,
            actor=self._actor.username,
            entity="import_batch",
            entity_id=batch.id,
            action="import",
            new=f"{batch.file_name}: {len(references)} incidents, sha256 {digest}",
        )
        return ImportResult(batch.id, batch.file_name, len(references), references)

    def _read_all(self) -> None:
        reader = self._reader
        fmt = reader.format
        now = self._now
        problems = self._problems
        first_row = self._first_row
        chunk: list[tuple[int, IncidentDraft]] = []
        for source in reader.rows():
            values = source.values
            if values is None:
                problems.extend(source.problems)
                continue
            row = source.row
            draft, errors = draft_from_cells(values, fmt, now, source.absent)
            if draft is None:
                problems.extend(RowProblem(row, e.field, e.message) for e in errors)
                continue
            reference = draft.reference
            if reference:
                earlier = first_row.setdefault(reference, row)
                if earlier != row:
                    problems.append(
                        RowProblem(
                            row, "reference", f"{reference} is also the reference of row {earlier}"
                        )
                    )
                    continue
            chunk.append((row, draft))
            if len(chunk) >= IMPORT_CHUNK:
                self._write_chunk(chunk)
                chunk = []
        self._write_chunk(chunk)

    def _write_chunk(self, chunk: list[tuple[int, IncidentDraft]]) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled("The import was cancelled; nothing was written.")
        assert self._sink is not None
        given = [draft.reference for _, draft in chunk if draft.reference]
        used = self._sink.existing_references(given) if given else set()
        for row, draft in chunk:
            if draft.reference in used:
                self._problems.append(
                    RowProblem(
                        row,
                        "reference",
                        f"{draft.reference} is already used by an incident in the database",
                    )
                )
        if not self._problems:
            self._sink.add([draft for _, draft in chunk])
            self._references.extend(draft.reference for _, draft in chunk)
        if self._progress is not None:
            self._progress(*self._reader.position())


def _write_export(
    session: Session,
    target: Path,
    fmt: Format,
    exported_at: datetime,
    total: int,
    progress: Progress | None,
    cancel: CancelCheck | None,
) -> int:
    # A new name beside the target, so the final rename stays on one file system.
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.partial")
    written = 0
    try:
        writer = IncidentWriter(partial, fmt, exported_at)
        try:
            for page in incident_pages(session):
                if cancel is not None and cancel():
                    raise Cancelled("The export was cancelled; no file was written.")
                for row in page:
                    writer.write(_export_values(row))
                written += len(page)
                if progress is not None:
                    progress(written, total)
            writer.close()
        except BaseException:
            writer.discard()
            raise
        os.replace(partial, target)
    except OSError as exc:
        raise StorageError(
            f"The export could not be written to {target}: {exc.strerror or exc}; "
            "no file was written."
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
    return written

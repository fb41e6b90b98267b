"""Use cases of the incident record: log, change, attach, list, search and trace."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import (
    ConflictError,
    DuplicateReference,
    FieldError,
    NotFound,
    ReasonRequired,
    ValidationFailed,
)
from qa_desktop.domain.incident import (
    INCIDENT_FIELDS,
    IncidentDraft,
    IncidentStatus,
    flatten,
    require_valid,
)
from qa_desktop.domain.register import IncidentQuery
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence import audit
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.incident_columns import draft_columns, row_draft
from qa_desktop.persistence.incident_queries import count_matching, fetch_page
from qa_desktop.persistence.models import Attachment, AuditEntry, ImportBatch, Incident
from qa_desktop.persistence.references import next_references, note_reference
from qa_desktop.services.accounts import require
from qa_desktop.services.results import (
    AttachmentView,
    AuditView,
    CurrentUser,
    IncidentPage,
    IncidentRecord,
    PageCursor,
)

#: Largest attachment accepted, in bytes.
MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024
MAX_REASON_LENGTH = 2_000
MAX_PAGE = 1_000
_BAD_FILE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


def _attachment_view(row: Attachment) -> AttachmentView:
    return AttachmentView(row.id, row.file_name, row.size, row.sha256, row.added_by, row.added_at)


def _record(row: Incident, attachments: Sequence[Attachment] = ()) -> IncidentRecord:
    return IncidentRecord(
        id=row.id,
        reference=row.reference,
        draft=row_draft(row),
        version=row.version,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        attachments=tuple(_attachment_view(a) for a in attachments),
    )


def _check_reason(reason: str) -> str:
    reason = reason.strip()
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationFailed(
            [FieldError("reason", "too_long", f"must be at most {MAX_REASON_LENGTH:,} characters")]
        )
    return reason


class IncidentService:
    """Every read and write of incidents goes through here, with its permission check."""

    def __init__(self, database: Database, now: Callable[[], datetime] | None = None) -> None:
        self._db = database
        self._now = now or (lambda: datetime.now(UTC))

    # ------------------------------------------------------------------ writes
    def create(self, actor: CurrentUser, draft: IncidentDraft) -> IncidentRecord:
        """Log a new incident; a reference is generated when the draft has none."""
        require(actor, Permission.EDIT_INCIDENTS)
        now = self._now()
        require_valid(draft, now)

        def work(session: Session) -> IncidentRecord:
            reference = draft.reference
            if reference:
                if session.scalar(select(Incident.id).where(Incident.reference == reference)):
                    raise DuplicateReference(f"The reference {reference} is already used.")
                note_reference(session, reference)
            else:
                reference = next_references(session, now.year, 1)[0]
            stored = draft.with_changes(reference=reference)
            row = Incident(
                **draft_columns(stored),
                version=1,
                created_at=now,
                created_by=actor.username,
                updated_at=now,
                updated_by=actor.username,
            )
            session.add(row)
            session.flush()
            snapshot = {k: audit.audit_value(v) for k, v in flatten(stored).items()}
            audit.record(
                session,
                at=now,
                actor=actor.username,
                entity="incident",
                entity_id=row.id,
                action="create",
                new=json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
            )
            return _record(row)

        return self._db.write(work)

    def update(
        self,
        actor: CurrentUser,
        reference: str,
        expected_version: int,
        changes: dict[str, Any],
        reason: str = "",
    ) -> IncidentRecord:
        """Change fields of an incident read at *expected_version*.

        Refused with :class:`ConflictError` when someone saved it since, and with
        :class:`ReasonRequired` when it is past intake and no reason is given.
        """
        return self.bulk_update(actor, [(reference, expected_version)], changes, reason)[0]

    def bulk_update(
        self,
        actor: CurrentUser,
        targets: Sequence[tuple[str, int]],
        changes: dict[str, Any],
        reason: str = "",
    ) -> list[IncidentRecord]:
        """Apply the same *changes* to several incidents, all or none.

        Each target is (reference, version read); one conflict refuses the whole update.
        """
        require(actor, Permission.EDIT_INCIDENTS)
        unknown = set(changes) - set(INCIDENT_FIELDS)
        if unknown or "reference" in changes:
            bad = sorted(unknown | ({"reference"} & set(changes)))
            raise ValidationFailed(
                [FieldError(f, "not_editable", "cannot be changed") for f in bad]
            )
        if "status" in changes:
            # The status is where the incident stands in the response flow; only a flow step
            # (with its role, guards and record) moves it.
            raise ValidationFailed(
                [FieldError("status", "flow", "changes only by taking a step of the response flow")]
            )
        reason = _check_reason(reason)
        now = self._now()

        def work(session: Session) -> list[IncidentRecord]:
            results = []
            for reference, expected in targets:
                results.append(
                    self._apply(session, actor, reference, expected, changes, reason, now)
                )
            return results

        return self._db.write(work)

    def _apply(
        self,
        session: Session,
        actor: CurrentUser,
        reference: str,
        expected: int,
        changes: dict[str, Any],
        reason: str,
        now: datetime,
    ) -> IncidentRecord:
        row = session.scalar(select(Incident).where(Incident.reference == reference))
        if row is None:
            raise NotFound(f"There is no incident {reference}.")
        if row.version != expected:
            raise self._conflict(row, expected)
        before = row_draft(row)
        after = require_valid(before.with_changes(**changes), now)
        old, new = flatten(before), flatten(after)
        changed = [f for f in INCIDENT_FIELDS if old[f] != new[f]]
        if not changed:
            return _record(row)
        if before.status is not IncidentStatus.INTAKE and not reason:
            raise ReasonRequired(
                f"{reference} is past intake ({before.status.value}): give a reason for the change."
            )
        columns = draft_columns(after)
        values = {f: columns[f] for f in changed}
        values["search_text"] = columns["search_text"]
        result = session.execute(
            update(Incident)
            .where(Incident.id == row.id, Incident.version == expected)
            .values(**values, version=expected + 1, updated_at=now, updated_by=actor.username)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            session.expire(row)
            raise self._conflict(row, expected)
        for name in changed:
            audit.record(
                session,
                at=now,
                actor=actor.username,
                entity="incident",
                entity_id=row.id,
                action="update",
                field=name,
                old=old[name],
                new=new[name],
                reason=reason,
            )
        session.expire(row)
        return _record(row)

    @staticmethod
    def _conflict(row: Incident, expected: int) -> ConflictError:
        return ConflictError(
            f"{row.reference} was changed by {row.updated_by} at "
            f"{row.updated_at:%Y-%m-%d %H:%M} UTC after you opened it (you have version "
            f"{expected}, the database has {row.version}). Your change was not saved: reload to "
            "see theirs, then make yours again.",
            reference=row.reference,
            current_version=row.version,
        )

    def add_attachment(
        self, actor: CurrentUser, reference: str, file_name: str, content: bytes
    ) -> AttachmentView:
        """Keep a file with an incident, with its size and SHA-256."""
        require(actor, Permission.EDIT_INCIDENTS)
        errors = []
        if not file_name or len(file_name) > 255 or _BAD_FILE_NAME.search(file_name):
            errors.append(
                FieldError(
                    "file_name", "format", "must be 1-255 characters without / \\ or controls"
                )
            )
        if len(content) > MAX_ATTACHMENT_BYTES:
            errors.append(
                FieldError(
                    "content", "too_large", f"must be at most {MAX_ATTACHMENT_BYTES // 2**20} MiB"
                )
            )
        if errors:
            raise ValidationFailed(errors)
        now = self._now()
        digest = hashlib.sha256(content).hexdigest()

        def work(session: Session) -> AttachmentView:
            row = self._row(session, reference)
            attachment = Attachment(
                incident_id=row.id,
                file_name=file_name,
                size=len(content),
                sha256=digest,
                content=content,
                added_by=actor.username,
                added_at=now,
            )
            session.add(attachment)
            session.flush()
            audit.record(
                session,
                at=now,
                actor=actor.username,
                entity="incident",
                entity_id=row.id,
                action="attach",
                field="attachments",
                new=f"{file_name} ({len(content)} bytes, sha256 {digest})",
            )
            return _attachment_view(attachment)

        return self._db.write(work)

    # ------------------------------------------------------------------ reads
    def get(self, actor: CurrentUser, reference: str) -> IncidentRecord:
        """One incident with its attachments' facts."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> IncidentRecord:
            row = self._row(session, reference)
            attachments = session.scalars(
                select(Attachment).where(Attachment.incident_id == row.id).order_by(Attachment.id)
            ).all()
            return _record(row, attachments)

        return self._db.read(work)

    def attachment_content(
        self, actor: CurrentUser, attachment_id: int
    ) -> tuple[AttachmentView, bytes]:
        """An attachment's facts and bytes; the checksum is verified on the way out."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> tuple[AttachmentView, bytes]:
            row = session.get(Attachment, attachment_id)
            if row is None:
                raise NotFound(f"There is no attachment {attachment_id}.")
            if hashlib.sha256(row.content).hexdigest() != row.sha256:
                raise ValidationFailed(
                    [
                        FieldError(
                            "content", "checksum", f"{row.file_name} no longer matches its SHA-256"
                        )
                    ]
                )
            return _attachment_view(row), row.content

        return self._db.read(work)

    def page(
        self,
        actor: CurrentUser,
        query: IncidentQuery,
        after: PageCursor | None = None,
        limit: int = 100,
    ) -> IncidentPage:
        """One page of the register for *query*, starting after *after*."""
        require(actor, Permission.VIEW_INCIDENTS)
        return fetch_page(self._db, query, after, max(1, min(limit, MAX_PAGE)))

    def count(self, actor: CurrentUser, query: IncidentQuery) -> int:
        """How many incidents match *query*."""
        require(actor, Permission.VIEW_INCIDENTS)
        return count_matching(self._db, query)

    def history(self, actor: CurrentUser, reference: str) -> list[AuditView]:
        """The incident's audit trail, oldest first, including the import that created it."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> list[AuditView]:
            row = self._row(session, reference)
            views = []
            if row.import_batch_id is not None:
                batch = session.get(ImportBatch, row.import_batch_id)
                assert batch is not None
                views.append(
                    AuditView(
                        batch.imported_at,
                        batch.imported_by,
                        "import",
                        "",
                        None,
                        f"{batch.file_name} (sha256 {batch.file_sha256}, {batch.row_count} rows)",
                        "",
                    )
                )
            entries = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "incident", AuditEntry.entity_id == row.id)
                .order_by(AuditEntry.id)
            )
            views.extend(
                AuditView(e.at, e.actor, e.action, e.field, e.old_value, e.new_value, e.reason)
                for e in entries
            )
            return views

        return self._db.read(work)

    @staticmethod
    def _row(session: Session, reference: str) -> Incident:
        row = session.scalar(select(Incident).where(Incident.reference == reference))
        if row is None:
            raise NotFound(f"There is no incident {reference}.")
        return row

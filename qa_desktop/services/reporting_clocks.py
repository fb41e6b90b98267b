"""Regulator reporting clocks: an incident's clocks, the deadlines view, recording filings.

Clocks are started and recomputed by the classification; here they are read (every running
clock across all incidents by time left, filterable by jurisdiction and business unit) and
stopped by recording the filing: who filed, when, the regulator's reference and the document
sent. A clock that cannot start is listed first with its problem, never left out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.domain.clocks import Jurisdiction
from qa_desktop.domain.errors import ConflictError, FieldError, NotFound, ValidationFailed
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence import clock_queries
from qa_desktop.persistence.clock_store import (
    ClockState,
    StopKind,
    recompute_running,
    stop_clock,
)
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import RegulatorFiling, ReportingClock
from qa_desktop.persistence.response_records import incident_row
from qa_desktop.services.accounts import require
from qa_desktop.services.clock_views import (
    clock_view,
    deadline_rows,
    filing_view,
    incident_clocks_view,
)
from qa_desktop.services.response_results import (
    ClockView,
    DeadlineCursor,
    DeadlinePage,
    DeadlineRow,
    DeadlineSummary,
    FilingView,
    IncidentClocks,
)
from qa_desktop.services.results import CurrentUser

MAX_PAGE = 1_000
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
_ZERO = timedelta(0)


@dataclass(frozen=True, slots=True)
class DeadlineQuery:
    """Filters of the deadlines view; ``due_within`` keeps clocks due before now plus it.

    Clocks that cannot start always match ``due_within``: their due time is unknown.
    """

    jurisdictions: tuple[str, ...] = ()
    business_units: tuple[str, ...] = ()
    due_within: timedelta | None = None


@dataclass(frozen=True, slots=True)
class FilingInput:
    """A report filed with a regulator: when, by whom, their reference, the document sent.

    ``filed_by`` names who filed it (the person signed in when left empty).
    """

    filed_at: datetime
    regulator_reference: str
    document_name: str
    document: bytes
    filed_by: str = ""


class ReportingClockService:
    """Reads the clocks, lists the deadlines and records filings; permissions checked here."""

    def __init__(self, database: Database, now: Callable[[], datetime]) -> None:
        self._db = database
        self._now = now

    def incident_clocks(self, actor: CurrentUser, reference: str) -> IncidentClocks:
        """Every clock of one incident, with the delay between first known and QA aware."""
        require(actor, Permission.VIEW_INCIDENTS)
        now = self._now()

        def work(session: Session) -> IncidentClocks:
            incident = incident_row(session, reference)
            return incident_clocks_view(session, incident, now)

        return self._db.read(work)

    def deadlines(
        self,
        actor: CurrentUser,
        query: DeadlineQuery | None = None,
        after: DeadlineCursor | None = None,
        limit: int = 100,
    ) -> DeadlinePage:
        """One page of every running clock by time left (cannot-start ones first)."""
        require(actor, Permission.VIEW_INCIDENTS)
        now = self._now()
        where = _filter(query or DeadlineQuery(), now)
        key = clock_queries.ClockKey(after.phase, after.due_at, after.clock_id) if after else None
        rows, next_key = clock_queries.fetch_page(
            self._db, where, key, max(1, min(limit, MAX_PAGE))
        )
        cursor = (
            DeadlineCursor(next_key.phase, next_key.due_at, next_key.clock_id) if next_key else None
        )
        return DeadlinePage(tuple(deadline_rows(rows, now)), cursor, now)

    def iter_deadlines(
        self, actor: CurrentUser, query: DeadlineQuery | None = None
    ) -> Iterator[DeadlineRow]:
        """Every matching running clock in deadline order, streamed in batches."""
        require(actor, Permission.VIEW_INCIDENTS)
        now = self._now()
        where = _filter(query or DeadlineQuery(), now)
        return deadline_rows(clock_queries.stream_rows(self._db, where), now)

    def summary(self, actor: CurrentUser, query: DeadlineQuery | None = None) -> DeadlineSummary:
        """How many matching clocks run, are overdue, are due at once, cannot start."""
        require(actor, Permission.VIEW_INCIDENTS)
        now = self._now()
        running, overdue, immediate, blocked = clock_queries.count_running(
            self._db, _filter(query or DeadlineQuery(), now), now
        )
        return DeadlineSummary(running, overdue, immediate, blocked)

    def record_filing(self, actor: CurrentUser, clock_id: int, filing: FilingInput) -> ClockView:
        """Record the report as filed with the regulator; the clock stops at ``filed_at``."""
        require(actor, Permission.EDIT_INCIDENTS)
        now = self._now()
        _check_filing(filing, now)
        digest = hashlib.sha256(filing.document).hexdigest()

        def work(session: Session) -> ClockView:
            clock = session.get(ReportingClock, clock_id)
            if clock is None:
                raise NotFound(f"There is no reporting clock {clock_id}.")
            incident = session.scalar(
                select(Incident).where(Incident.id == clock.incident_id).with_for_update()
            )
            assert incident is not None
            session.refresh(clock)
            if clock.state != ClockState.RUNNING:
                raise ConflictError(
                    f"The clock {clock.rule_id} of {incident.reference} is already "
                    f"{clock.stop_kind.replace('_', ' ')}; nothing was recorded."
                )
            if clock.first_known_at is not None and filing.filed_at < clock.first_known_at:
                raise ValidationFailed(
                    [
                        FieldError(
                            "filed_at",
                            "after_first_known",
                            "must not be before the company first knew",
                        )
                    ]
                )
            row = RegulatorFiling(
                incident_id=incident.id,
                clock_id=clock.id,
                filed_at=filing.filed_at,
                filed_by=filing.filed_by.strip() or actor.display_name,
                regulator_reference=filing.regulator_reference,
                document_name=filing.document_name,
                document_size=len(filing.document),
                document_sha256=digest,
                document=filing.document,
                recorded_at=now,
                recorded_by=actor.username,
            )
            session.add(row)
            stop_clock(
                session,
                incident,
                clock,
                StopKind.FILED,
                actor=actor.username,
                at=filing.filed_at,
                now=now,
                reason=f"Filed with reference {filing.regulator_reference} "
                f"({filing.document_name}, sha256 {digest})",
            )
            session.flush()
            return clock_view(clock, row, incident.qa_aware_at, now)

        return self._db.write(work)

    def filing_document(self, actor: CurrentUser, filing_id: int) -> tuple[FilingView, bytes]:
        """A filing's facts and the document sent, its checksum verified."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> tuple[FilingView, bytes]:
            row = session.get(RegulatorFiling, filing_id)
            if row is None:
                raise NotFound(f"There is no filing {filing_id}.")
            if hashlib.sha256(row.document).hexdigest() != row.document_sha256:
                raise ValidationFailed(
                    [
                        FieldError(
                            "document",
                            "checksum",
                            f"{row.document_name} no longer matches its SHA-256",
                        )
                    ]
                )
            return filing_view(row), row.document

        return self._db.read(work)

    def recompute(self, actor: CurrentUser, reference: str, reason: str = "") -> IncidentClocks:
        """Recompute the incident's running clocks after its first-known time was corrected.

        Each clock uses the rule version it started with; stopped clocks are not touched.
        """
        require(actor, Permission.EDIT_INCIDENTS)
        now = self._now()

        def work(session: Session) -> IncidentClocks:
            incident = incident_row(session, reference, lock=True)
            recompute_running(
                session,
                incident,
                actor=actor.username,
                now=now,
                reason=reason.strip() or "First known time changed",
            )
            session.flush()
            return incident_clocks_view(session, incident, now)

        return self._db.write(work)


def _filter(query: DeadlineQuery, now: datetime) -> clock_queries.ClockFilter:
    errors: list[FieldError] = []
    codes = tuple(code.strip().upper() for code in query.jurisdictions)
    known = {j.value for j in Jurisdiction}
    unknown = [code for code in codes if code not in known]
    if unknown:
        errors.append(
            FieldError(
                "jurisdiction",
                "choice",
                f"unknown jurisdiction {', '.join(unknown)}; known: {', '.join(sorted(known))}",
            )
        )
    if query.due_within is not None and query.due_within < _ZERO:
        errors.append(FieldError("due_within", "non_negative", "must not be negative"))
    if errors:
        raise ValidationFailed(errors)
    horizon = now + query.due_within if query.due_within is not None else None
    return clock_queries.ClockFilter(codes, tuple(query.business_units), horizon)


def _check_filing(filing: FilingInput, now: datetime) -> None:
    errors: list[FieldError] = []
    if filing.filed_at.tzinfo is None or filing.filed_at.utcoffset() is None:
        errors.append(FieldError("filed_at", "time_zone", "must carry a time zone"))
    elif filing.filed_at > now:
        errors.append(FieldError("filed_at", "not_in_future", "must not be in the future"))
    if not filing.regulator_reference.strip():
        errors.append(
            FieldError("regulator_reference", "required", "the regulator's reference is needed")
        )
    name = filing.document_name
    if not name or len(name) > 255 or any(ch in name for ch in "/\\") or not name.isprintable():
        errors.append(
            FieldError("document_name", "format", "must be 1-255 characters without / or \\")
        )
    if not filing.document:
        errors.append(FieldError("document", "required", "the document sent is needed"))
    elif len(filing.document) > MAX_DOCUMENT_BYTES:
        errors.append(FieldError("document", "too_large", "must be at most 100 MiB"))
    if len(filing.filed_by) > 200:
        errors.append(FieldError("filed_by", "too_long", "must be at most 200 characters"))
    if errors:
        raise ValidationFailed(errors)

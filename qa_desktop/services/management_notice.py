"""The status report to top management: composed, sent to the management list, printed.

A status report (facts, classification, clocks, decisions, actions so far) is composed from
the records, sent to the management list and kept exactly as sent: reprinting it shows what
management read then, not what the records say now. Sending it completes the flow's
"status report to top management" task where that task is open.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import FieldError, NotFound, ValidationFailed
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence import audit
from qa_desktop.persistence.clock_snapshots import canonical_json
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.flow_runner import FlowRunner
from qa_desktop.persistence.json_records import from_plain, to_plain
from qa_desktop.persistence.models import Meta
from qa_desktop.persistence.response_models import ManagementNotice
from qa_desktop.persistence.response_records import audit_incident, incident_row
from qa_desktop.reporting.status_report import (
    StatusReport,
    status_report_pdf,
)
from qa_desktop.services.accounts import require
from qa_desktop.services.response_documents import compose_report
from qa_desktop.services.results import CurrentUser

#: The shipped flow's action completed by sending the status report.
SEND_ACTION = "send_top_management_report"
MANAGEMENT_LIST_KEY = "management_list"
MAX_RECIPIENTS = 100


@dataclass(frozen=True, slots=True)
class NoticeView:
    """A status report as sent to top management."""

    id: int
    reference: str
    sent_at: datetime
    sent_by: str
    recipients: tuple[str, ...]
    content_sha256: str


class ManagementNoticeService:
    """Status reports to top management and the list they are sent to."""

    def __init__(self, database: Database, now: Callable[[], datetime], runner: FlowRunner) -> None:
        self._db = database
        self._now = now
        self._runner = runner

    def management_list(self, actor: CurrentUser) -> tuple[str, ...]:
        """The people status reports are sent to."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> tuple[str, ...]:
            row = session.get(Meta, MANAGEMENT_LIST_KEY)
            return tuple(json.loads(row.value)) if row is not None else ()

        return self._db.read(work)

    def set_management_list(self, actor: CurrentUser, recipients: Sequence[str]) -> tuple[str, ...]:
        """Replace the management list (QA division heads)."""
        require(actor, Permission.SIGN)
        names = _check_recipients(recipients)

        def work(session: Session) -> tuple[str, ...]:
            row = session.get(Meta, MANAGEMENT_LIST_KEY)
            before = json.loads(row.value) if row is not None else []
            if row is None:
                session.add(Meta(key=MANAGEMENT_LIST_KEY, value=canonical_json(list(names))))
            else:
                row.value = canonical_json(list(names))
            audit.record(
                session,
                at=self._now(),
                actor=actor.username,
                entity="settings",
                entity_id=0,
                action="update",
                field="management_list",
                old="\n".join(before),
                new="\n".join(names),
            )
            return names

        return self._db.write(work)

    def compose(self, actor: CurrentUser, reference: str) -> StatusReport:
        """The status report as it would be sent now (nothing is recorded)."""
        require(actor, Permission.VIEW_INCIDENTS)
        now = self._now()

        def work(session: Session) -> StatusReport:
            incident = incident_row(session, reference)
            return compose_report(
                session,
                incident,
                self._runner,
                prepared_by=actor.display_name,
                now=now,
                recipients=(),
            )

        return self._db.read(work)

    def send(
        self, actor: CurrentUser, reference: str, recipients: Sequence[str] | None = None
    ) -> NoticeView:
        """Send the status report to *recipients* (default: the management list), record it
        as sent, and complete the flow's status-report task where it is open."""
        require(actor, Permission.EDIT_INCIDENTS)
        require(actor, Permission.PRINT_NOTICES)
        names = _check_recipients(
            recipients if recipients is not None else self.management_list(actor)
        )
        now = self._now()

        def work(session: Session) -> NoticeView:
            incident = incident_row(session, reference, lock=True)
            report = compose_report(
                session,
                incident,
                self._runner,
                prepared_by=actor.display_name,
                now=now,
                recipients=names,
            )
            content = canonical_json(to_plain(report))
            digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
            row = ManagementNotice(
                incident_id=incident.id,
                sent_at=now,
                sent_by=actor.username,
                recipients=canonical_json(list(names)),
                content=content,
                content_sha256=digest,
            )
            session.add(row)
            session.flush()
            audit_incident(
                session,
                incident,
                "management_notice_sent",
                actor=actor.username,
                now=now,
                new=f"notice {row.id} to {', '.join(names)} (sha256 {digest})",
            )
            action = self._runner.flow.action(SEND_ACTION)
            state, _ = self._runner.state(session, incident)
            if (
                action
                and action.from_step == state.step
                and action.completes not in state.done_tasks
            ):
                self._runner.take(
                    session,
                    incident,
                    SEND_ACTION,
                    actor=actor.username,
                    role=actor.role,
                    now=now,
                    comment=f"Status report {row.id} sent to {', '.join(names)}",
                )
            return NoticeView(row.id, reference, now, actor.username, names, digest)

        return self._db.write(work)

    def notices(self, actor: CurrentUser, reference: str) -> tuple[NoticeView, ...]:
        """Every status report sent for the incident, oldest first."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> tuple[NoticeView, ...]:
            incident = incident_row(session, reference)
            rows = session.scalars(
                select(ManagementNotice)
                .where(ManagementNotice.incident_id == incident.id)
                .order_by(ManagementNotice.id)
            )
            return tuple(
                NoticeView(
                    r.id,
                    reference,
                    r.sent_at,
                    r.sent_by,
                    tuple(json.loads(r.recipients)),
                    r.content_sha256,
                )
                for r in rows
            )

        return self._db.read(work)

    def status_report_pdf(self, actor: CurrentUser, notice_id: int, local_zone: tzinfo) -> bytes:
        """The status report exactly as it was sent, as a PDF."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> StatusReport:
            row = session.get(ManagementNotice, notice_id)
            if row is None:
                raise NotFound(f"There is no status report {notice_id}.")
            if hashlib.sha256(row.content.encode("utf-8")).hexdigest() != row.content_sha256:
                raise ValidationFailed(
                    [
                        FieldError(
                            "content",
                            "checksum",
                            f"status report {notice_id} no longer matches its SHA-256",
                        )
                    ]
                )
            report: StatusReport = from_plain(StatusReport, json.loads(row.content))
            return report

        report = self._db.read(work)
        return status_report_pdf(
            report, printed_by=actor.display_name, printed_at=self._now(), local_zone=local_zone
        )


def _check_recipients(recipients: Sequence[str]) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(name.strip() for name in recipients if name.strip()))
    problems = []
    if not names:
        problems.append(FieldError("recipients", "required", "name at least one recipient"))
    if len(names) > MAX_RECIPIENTS or any(len(n) > 200 or not n.isprintable() for n in names):
        problems.append(
            FieldError(
                "recipients",
                "format",
                f"at most {MAX_RECIPIENTS} one-line names of up to 200 characters",
            )
        )
    if problems:
        raise ValidationFailed(problems)
    return names

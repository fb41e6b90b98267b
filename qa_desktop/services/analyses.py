"""Use cases of one incident's OCHIBO-HIROI analysis: open, save, evidence, close, interchange.

The contract the editor codes against (every call names the person acting)::

    load(user, reference) -> AnalysisRecord
        # creates an empty draft analysis (incident root only) when there is none yet;
        # for someone who may not edit, an unsaved empty draft with version 0
    save(user, reference, graph, expected_version, reason="") -> AnalysisRecord
        # ConflictError if someone saved since; ValidationFailed for rule breaks (a cycle,
        # a dangling link, a field rule); ReasonRequired when a closed analysis is changed
        # without a reason (the change reopens it); audited, one entry per changed element
    add_evidence(user, reference, cause_id, file_name, content) -> EvidenceView
        # the file is kept for a cause of the saved graph; the graph and its version stay
    evidence_content(user, evidence_id) -> tuple[EvidenceView, bytes]
    check_closure(user, reference) -> list[str]      # what is missing; empty = may close
    close(user, reference, password, meaning) -> AnalysisRecord
        # the QA head re-enters the password; meaning "approved"; ClosureRefused lists gaps
    yokoten_proposals(user, reference) -> list[YokotenCandidate]
        # other products/models/units sharing a confirmed cause (normalised text) or a
        # component; ids are free in the stored graph, decision undecided, not yet added
    export(user, reference, fmt) -> bytes             # fmt "graphml" | "dot" | "json"
    eight_d_report(user, reference, local_zone=UTC) -> bytes   # the 8D report as a PDF
    import_(user, reference, data, fmt, reason="") -> AnalysisRecord
    overdue_countermeasures(user, now=None) -> list[OverdueCountermeasure]
    history(user, reference) -> list[AuditView]

The incident node's facts (reference, title, product, model, business unit, date) always
come from the incident record; a saved or imported graph keeps only the node's position.
Records are the frozen dataclasses of :mod:`qa_desktop.services.analysis_results`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.analysis.closure import missing_for_closure
from qa_desktop.analysis.graph_ops import CauseGraph, new_graph
from qa_desktop.analysis.interchange import export_graph, import_graph
from qa_desktop.domain.cause_graph import YokotenCandidate
from qa_desktop.domain.errors import (
    FieldError,
    NotFound,
    QaError,
    ValidationFailed,
)
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence import analysis_store as store
from qa_desktop.persistence.analysis_audit import record_event
from qa_desktop.persistence.analysis_models import AnalysisEvidence, CauseAnalysis
from qa_desktop.persistence.analysis_queries import overdue_rows
from qa_desktop.persistence.analysis_signatures import sign
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.models import AuditEntry, Incident
from qa_desktop.persistence.response_records import incident_row
from qa_desktop.reporting.eight_d_report import EightDWording, eight_d_report_pdf
from qa_desktop.services.accounts import AccountService, require
from qa_desktop.services.analysis_printing import printed_analysis
from qa_desktop.services.analysis_results import (
    AnalysisRecord,
    AnalysisStatus,
    EvidenceView,
    OverdueCountermeasure,
    SignatureMeaning,
)
from qa_desktop.services.analysis_views import (
    analysis_record,
    check_evidence_file,
    check_reason,
    empty_record,
    evidence_view,
    overdue_view,
    propose_yokoten,
)
from qa_desktop.services.analysis_writes import (
    conflict,
    graph_format,
    insert,
    prepare,
    replace_graph,
)
from qa_desktop.services.results import AuditView, CurrentUser
from qa_desktop.services.signatures import SignatureService

__all__ = ["AnalysisService", "ClosureRefused"]


class ClosureRefused(QaError):
    """The analysis cannot be closed yet; ``gaps`` lists exactly what is missing."""

    def __init__(self, reference: str, gaps: list[str]) -> None:
        self.gaps = list(gaps)
        listed = " ".join(gaps)
        super().__init__(f"The analysis of {reference} cannot be closed yet: {listed}")


class AnalysisService:
    """Every read and write of cause analyses goes through here, with its permission check."""

    def __init__(
        self,
        database: Database,
        now: Callable[[], datetime],
        accounts: AccountService | None = None,
    ) -> None:
        self._db = database
        self._now = now
        self._signatures = SignatureService(
            database, accounts or AccountService(database, now), now
        )

    # ------------------------------------------------------------------ reading
    def load(self, user: CurrentUser, reference: str) -> AnalysisRecord:
        """The incident's analysis; an empty draft is created the first time it is opened."""
        require(user, Permission.VIEW_INCIDENTS)

        def read(session: Session) -> AnalysisRecord | None:
            incident = incident_row(session, reference)
            row = store.find_analysis(session, incident.id)
            if row is not None:
                return analysis_record(session, incident, row)
            if not user.may(Permission.EDIT_INCIDENTS):
                return empty_record(incident)
            return None

        found = self._db.read(read)
        if found is not None:
            return found
        now = self._now()

        def create(session: Session) -> AnalysisRecord:
            incident = incident_row(session, reference, lock=True)
            row = store.find_analysis(session, incident.id, lock=True)
            if row is None:  # nobody created it between the read and this write
                graph = new_graph(store.incident_root(incident))
                row = insert(session, user, incident, graph, now, "create")
            return analysis_record(session, incident, row)

        return self._db.write(create)

    def check_closure(self, user: CurrentUser, reference: str) -> list[str]:
        """What is missing before the saved analysis may close; empty when nothing is."""
        require(user, Permission.VIEW_INCIDENTS)
        record = self.load(user, reference)
        if record.status is AnalysisStatus.CLOSED:
            return []
        return missing_for_closure(record.graph)

    def export(self, user: CurrentUser, reference: str, fmt: str) -> bytes:
        """The saved analysis as a GraphML, DOT or node-link JSON file."""
        require(user, Permission.EXPORT_INCIDENTS)
        chosen = graph_format(fmt)
        return export_graph(self.load(user, reference).graph, chosen)

    def eight_d_report(
        self,
        user: CurrentUser,
        reference: str,
        *,
        local_zone: tzinfo = UTC,
        wording: EightDWording | None = None,
    ) -> bytes:
        """The saved analysis printed as an 8D report: the bytes of an A4 PDF."""
        require(user, Permission.VIEW_INCIDENTS)
        record = self.load(user, reference)
        content = self._db.read(
            lambda session: printed_analysis(session, incident_row(session, reference), record)
        )
        return eight_d_report_pdf(
            content,
            printed_by=user.display_name,
            printed_at=self._now(),
            local_zone=local_zone,
            wording=wording,
        )

    def yokoten_proposals(self, user: CurrentUser, reference: str) -> list[YokotenCandidate]:
        """Other products, models and units sharing a confirmed cause or a component.

        Targets already among the analysis's candidates, and the incident's own product,
        model and unit, are left out.
        """
        require(user, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> list[YokotenCandidate]:
            incident = incident_row(session, reference)
            row = store.find_analysis(session, incident.id)
            if row is None:
                return []
            graph = store.with_incident_facts(store.stored_graph(row), incident)
            return propose_yokoten(session, row.id, graph)

        return self._db.read(work)

    def overdue_countermeasures(
        self, user: CurrentUser, now: datetime | None = None
    ) -> list[OverdueCountermeasure]:
        """Countermeasures past due whose check has not passed, most overdue first."""
        require(user, Permission.VIEW_INCIDENTS)
        today = store.today(now or self._now())
        return self._db.read(lambda s: [overdue_view(r, today) for r in overdue_rows(s, today)])

    def history(self, user: CurrentUser, reference: str) -> list[AuditView]:
        """The analysis's audit trail, oldest first."""
        require(user, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> list[AuditView]:
            incident = incident_row(session, reference)
            row = store.find_analysis(session, incident.id)
            if row is None:
                return []
            entries = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == store.ANALYSIS_ENTITY, AuditEntry.entity_id == row.id)
                .order_by(AuditEntry.id)
            )
            return [
                AuditView(e.at, e.actor, e.action, e.field, e.old_value, e.new_value, e.reason)
                for e in entries
            ]

        return self._db.read(work)

    # ------------------------------------------------------------------ writing
    def save(
        self,
        user: CurrentUser,
        reference: str,
        graph: CauseGraph,
        expected_version: int,
        reason: str = "",
    ) -> AnalysisRecord:
        """Store *graph* over the version the editor read (0: none was stored yet)."""
        require(user, Permission.EDIT_INCIDENTS)
        reason = check_reason(reason)
        now = self._now()

        def work(session: Session) -> AnalysisRecord:
            incident, row, graph_in = prepare(session, reference, graph)
            if row is None:
                if expected_version != 0:
                    raise NotFound(f"There is no saved analysis of {reference}.")
                row = insert(session, user, incident, graph_in, now, "create")
            else:
                if row.version != expected_version:
                    raise conflict(reference, row, expected_version)
                replace_graph(session, user, incident, row, graph_in, now, "update", reason)
            return analysis_record(session, incident, row)

        return self._db.write(work)

    def import_(
        self, user: CurrentUser, reference: str, data: bytes, fmt: str, reason: str = ""
    ) -> AnalysisRecord:
        """Replace the analysis with a GraphML, DOT or JSON file; a refused file changes nothing."""
        require(user, Permission.EDIT_INCIDENTS)
        graph = import_graph(data, graph_format(fmt))
        reason = check_reason(reason)
        now = self._now()
        summary = f"{graph_format(fmt).display_name}, {len(data):,} bytes, sha256 "
        summary += hashlib.sha256(data).hexdigest()

        def work(session: Session) -> AnalysisRecord:
            incident, row, graph_in = prepare(session, reference, graph)
            if row is None:
                row = insert(session, user, incident, graph_in, now, "import")
            else:
                replace_graph(session, user, incident, row, graph_in, now, "import", reason)
            record_event(
                session,
                analysis_id=row.id,
                actor=user.username,
                at=now,
                action="import",
                field="file",
                new=summary,
                reason=reason,
            )
            return analysis_record(session, incident, row)

        return self._db.write(work)

    def close(
        self, user: CurrentUser, reference: str, password: str, meaning: str
    ) -> AnalysisRecord:
        """Close the saved analysis under the signature of a QA head (password re-entered).

        Refused with :class:`ClosureRefused` listing every gap, and with
        :class:`~qa_desktop.domain.errors.AuthenticationFailed` for a wrong password.
        """
        require(user, Permission.SIGN)
        try:
            stated = SignatureMeaning(meaning)
        except ValueError:
            raise ValidationFailed(
                [FieldError("meaning", "choice", f"{meaning!r} is not a signature meaning")]
            ) from None
        if stated is not SignatureMeaning.APPROVED:
            raise QaError("An analysis is closed by approving it; leave it open to send it back.")
        signer = self._signatures.confirm_signer(user, password, stated)
        now = self._now()

        def work(session: Session) -> AnalysisRecord:
            incident = incident_row(session, reference, lock=True)
            row = store.find_analysis(session, incident.id, lock=True)
            if row is not None and row.status == store.CLOSED:
                raise QaError(f"The analysis of {reference} is closed already.")
            graph = (
                store.with_incident_facts(store.stored_graph(row), incident)
                if row is not None
                else new_graph(store.incident_root(incident))
            )
            gaps = missing_for_closure(graph)
            if gaps or row is None:
                raise ClosureRefused(reference, gaps or ["The analysis has not been started."])
            store.set_status(session, row, store.CLOSED, actor=user.username, now=now)
            sign(
                session,
                row,
                reference,
                signer=signer.username,
                signer_name=signer.display_name,
                signer_role=signer.role.value,
                meaning=signer.meaning,
                now=now,
            )
            record_event(
                session,
                analysis_id=row.id,
                actor=user.username,
                at=now,
                action="close",
                field="status",
                new=f"closed, signed {signer.meaning} by {signer.display_name}",
            )
            return analysis_record(session, incident, row)

        return self._db.write(work)

    # ------------------------------------------------------------------ evidence
    def add_evidence(
        self, user: CurrentUser, reference: str, cause_id: str, file_name: str, content: bytes
    ) -> EvidenceView:
        """Keep a file (test report, photo, measurement) for a cause of the saved analysis.

        The graph and its version are not changed, so an editor can go on and save; to list
        the file in exports too, add an ``Evidence`` entry with the returned checksum.
        """
        require(user, Permission.EDIT_INCIDENTS)
        check_evidence_file(file_name, content)
        now = self._now()
        digest = hashlib.sha256(content).hexdigest()

        def work(session: Session) -> EvidenceView:
            incident = incident_row(session, reference, lock=True)
            row = store.find_analysis(session, incident.id, lock=True)
            if row is None or cause_id not in store.stored_graph(row).causes:
                raise NotFound(
                    f"There is no cause {cause_id} in the saved analysis of {reference}; "
                    "save the analysis first."
                )
            evidence = store.add_evidence(
                session,
                row.id,
                cause_id,
                file_name=file_name,
                content=content,
                sha256=digest,
                actor=user.username,
                now=now,
            )
            record_event(
                session,
                analysis_id=row.id,
                actor=user.username,
                at=now,
                action="evidence",
                field="cause",
                new=f"{cause_id}: {file_name} ({len(content):,} bytes, sha256 {digest})",
            )
            return evidence_view(evidence, reference)

        return self._db.write(work)

    def evidence_content(self, user: CurrentUser, evidence_id: int) -> tuple[EvidenceView, bytes]:
        """An evidence file's facts and bytes; the checksum is verified on the way out."""
        require(user, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> tuple[EvidenceView, bytes]:
            row = session.get(AnalysisEvidence, evidence_id)
            if row is None:
                raise NotFound(f"There is no evidence file {evidence_id}.")
            if hashlib.sha256(row.content).hexdigest() != row.sha256:
                raise ValidationFailed(
                    [
                        FieldError(
                            "content", "checksum", f"{row.file_name} no longer matches its SHA-256"
                        )
                    ]
                )
            reference = session.scalar(
                select(Incident.reference)
                .join(CauseAnalysis, CauseAnalysis.incident_id == Incident.id)
                .where(CauseAnalysis.id == row.analysis_id)
            )
            return evidence_view(row, reference or ""), row.content

        return self._db.read(work)

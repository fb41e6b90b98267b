"""Classifying an incident: the engineer confirms the proposal or overrides it with a reason.

Confirming stores a new classification version (who, when, on which findings, the reason
for an override), sets the incident's severity (audited, with the optimistic version check)
and brings the incident's reporting clocks in line with the laws whose definitions are met,
all in one unit of work. The proposal itself is
:mod:`~qa_desktop.services.classification_proposal`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import FieldError, QaError, ReasonRequired, ValidationFailed
from qa_desktop.domain.incident import IncidentStatus, Severity
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence.clock_snapshots import canonical_json
from qa_desktop.persistence.clock_store import sync_clocks
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.incident_columns import row_draft
from qa_desktop.persistence.json_records import from_plain, to_plain
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import Classification
from qa_desktop.persistence.response_records import change_incident, check_version, incident_row
from qa_desktop.services.accounts import require
from qa_desktop.services.classification_proposal import (
    ClassificationInput,
    ClassificationProposal,
    RMapInput,
    propose,
)
from qa_desktop.services.response_results import (
    ClassificationRecord,
    MarketFinding,
    ResponseRules,
    RMapResult,
    SafetyGateResult,
)
from qa_desktop.services.results import CurrentUser

MAX_REASON_LENGTH = 2_000
__all__ = [
    "ClassificationInput",
    "ClassificationProposal",
    "ClassificationService",
    "RMapInput",
    "classification_record",
    "latest_classification",
]


@dataclass(frozen=True, slots=True)
class _Stored:
    """The ``assessment`` column: the findings a classification version rests on."""

    basis: tuple[str, ...]
    markets: tuple[MarketFinding, ...]
    rmap: RMapResult | None
    safety_gate: SafetyGateResult | None
    clock_rule_ids: tuple[str, ...]
    clock_rule_versions: tuple[int, ...]


def classification_record(row: Classification, reference: str) -> ClassificationRecord:
    """A stored classification version as callers see it."""
    stored: _Stored = from_plain(_Stored, json.loads(row.assessment))
    return ClassificationRecord(
        id=row.id,
        reference=reference,
        version=row.version,
        incident_version=row.incident_version,
        classified_at=row.classified_at,
        classified_by=row.classified_by,
        proposed_severity=Severity(row.proposed_severity),
        severity=Severity(row.severity),
        reason=row.reason,
        medical_device=row.medical_device,
        basis=stored.basis,
        markets=stored.markets,
        rmap=stored.rmap,
        safety_gate=stored.safety_gate,
        clock_rule_ids=stored.clock_rule_ids,
    )


def latest_classification(session: Session, incident: Incident) -> ClassificationRecord | None:
    """The incident's newest classification version, or ``None``."""
    row = session.scalar(
        select(Classification)
        .where(Classification.incident_id == incident.id)
        .order_by(Classification.version.desc())
        .limit(1)
    )
    return classification_record(row, incident.reference) if row is not None else None


class ClassificationService:
    """Proposes, confirms and lists an incident's classifications."""

    def __init__(
        self, database: Database, now: Callable[[], datetime], rules: ResponseRules
    ) -> None:
        self._db = database
        self._now = now
        self._rules = rules

    def propose(
        self, actor: CurrentUser, reference: str, inputs: ClassificationInput | None = None
    ) -> ClassificationProposal:
        """What the incident's facts suggest now; nothing is stored."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> ClassificationProposal:
            incident = incident_row(session, reference)
            return propose(
                row_draft(incident), incident.version, inputs or ClassificationInput(), self._rules
            )

        return self._db.read(work)

    def confirm(
        self,
        actor: CurrentUser,
        reference: str,
        expected_version: int,
        inputs: ClassificationInput | None = None,
        *,
        severity: Severity | None = None,
        reason: str = "",
    ) -> ClassificationRecord:
        """Confirm the proposal, or override its severity with a *reason*, as a new version.

        *expected_version* is the incident version the proposal was read at: a change to the
        incident since refuses the confirmation with ``ConflictError``, since the findings
        might differ now.
        """
        require(actor, Permission.EDIT_INCIDENTS)
        inputs = inputs or ClassificationInput()
        reason = reason.strip()
        if len(reason) > MAX_REASON_LENGTH:
            raise ValidationFailed(
                [
                    FieldError(
                        "reason", "too_long", f"must be at most {MAX_REASON_LENGTH:,} characters"
                    )
                ]
            )
        if severity is Severity.UNCLASSIFIED:
            raise ValidationFailed(
                [FieldError("severity", "choice", "a classification must set a severity")]
            )
        now = self._now()

        def work(session: Session) -> ClassificationRecord:
            incident = incident_row(session, reference, lock=True)
            check_version(incident, expected_version)
            if incident.status == IncidentStatus.CLOSED:
                raise QaError(f"{reference} is closed; a closed incident is not reclassified.")
            proposal = propose(row_draft(incident), incident.version, inputs, self._rules)
            final = severity or proposal.severity
            if final is not proposal.severity and not reason:
                raise ReasonRequired(
                    f"The proposal is {proposal.severity.value}; give a reason for classifying "
                    f"{reference} as {final.value}."
                )
            wanted = proposal.rules_to_start(inputs.conditional_rules)
            rules = [self._rules.clock_rules.rule(rule_id) for rule_id in wanted]
            version = 1 + (
                session.scalar(
                    select(func.max(Classification.version)).where(
                        Classification.incident_id == incident.id
                    )
                )
                or 0
            )
            stored = _Stored(
                proposal.basis,
                proposal.markets,
                proposal.rmap,
                proposal.safety_gate,
                wanted,
                tuple(rule.version for rule in rules),
            )
            row = Classification(
                incident_id=incident.id,
                version=version,
                incident_version=incident.version,
                classified_at=now,
                classified_by=actor.username,
                proposed_severity=proposal.severity.value,
                severity=final.value,
                reason=reason,
                medical_device=inputs.medical_device,
                assessment=canonical_json(to_plain(stored)),
            )
            session.add(row)
            session.flush()
            why = reason or f"Classification version {version} confirmed as proposed"
            change_incident(
                session,
                incident,
                {"severity": final.value},
                actor=actor.username,
                reason=why,
                now=now,
            )
            sync_clocks(
                session,
                incident,
                rules,
                classification_id=row.id,
                actor=actor.username,
                now=now,
                reason=f"Classification version {version}: {why}",
            )
            return classification_record(row, reference)

        return self._db.write(work)

    def current(self, actor: CurrentUser, reference: str) -> ClassificationRecord | None:
        """The newest confirmed classification, or ``None`` before the first."""
        require(actor, Permission.VIEW_INCIDENTS)
        return self._db.read(
            lambda session: latest_classification(session, incident_row(session, reference))
        )

    def history(self, actor: CurrentUser, reference: str) -> tuple[ClassificationRecord, ...]:
        """Every classification version of the incident, oldest first."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> tuple[ClassificationRecord, ...]:
            incident = incident_row(session, reference)
            rows = session.scalars(
                select(Classification)
                .where(Classification.incident_id == incident.id)
                .order_by(Classification.version)
            )
            return tuple(classification_record(row, reference) for row in rows)

        return self._db.read(work)

"""SQLAlchemy tables of the response flow: classifications, clocks, decisions and their evidence.

Everything here except ``reporting_clocks`` is evidence and append-only: migration 0002 makes
the database refuse UPDATE and DELETE on those tables, so a decision, a signature or a filing
can be added to but never rewritten. A clock's state (running, stopped, withdrawn) changes,
and every change is written to the audit trail.

JSON columns are plain text holding canonical JSON, identical on SQLite and PostgreSQL, so a
signature's hash over them comes out the same on either backend.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from qa_desktop.persistence.models import Base, UtcDateTime


def _incident_key() -> Mapped[int]:
    return mapped_column(ForeignKey("incidents.id", ondelete="RESTRICT"))


class Classification(Base):
    """One confirmed classification of an incident; each confirmation adds a new version.

    ``assessment`` holds what the proposal was built from and found (markets, R-Map, Safety
    Gate, the rule versions) as canonical JSON, so the basis can be shown years later.
    """

    __tablename__ = "classifications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = _incident_key()
    version: Mapped[int] = mapped_column(Integer)
    incident_version: Mapped[int] = mapped_column(Integer)
    classified_at: Mapped[datetime] = mapped_column(UtcDateTime)
    classified_by: Mapped[str] = mapped_column(String(64))
    proposed_severity: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    medical_device: Mapped[bool] = mapped_column(Boolean, default=False)
    assessment: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("incident_id", "version"),)


class ReportingClock(Base):
    """A regulator's clock for one incident, with the exact rule it was started with.

    ``rule_snapshot`` keeps the rule's parameters (period, counting, calendar) so that
    recomputing a running clock after the rule file changed still uses the rule it started
    with. ``due_at`` is empty only for a clock that cannot start. The (state, due_at, id)
    index makes "every running clock by time left" a walk along the index; the (state, kind,
    jurisdiction, due_at) index counts them without reading the rows.
    """

    __tablename__ = "reporting_clocks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = _incident_key()
    classification_id: Mapped[int | None] = mapped_column(
        ForeignKey("classifications.id"), nullable=True
    )
    rule_id: Mapped[str] = mapped_column(String(64))
    rule_version: Mapped[int] = mapped_column(Integer)
    jurisdiction: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(Text)
    regulator: Mapped[str] = mapped_column(Text)
    citation: Mapped[str] = mapped_column(Text)
    time_zone: Mapped[str] = mapped_column(String(64))
    rule_snapshot: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    first_known_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    calendar_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    moved_by: Mapped[str] = mapped_column(Text, default="")
    move_reason: Mapped[str] = mapped_column(Text, default="")
    verify: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_by: Mapped[str] = mapped_column(String(64))
    stopped_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    stopped_by: Mapped[str] = mapped_column(String(64), default="")
    stop_kind: Mapped[str] = mapped_column(String(16), default="")
    stop_reason: Mapped[str] = mapped_column(Text, default="")
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("response_decisions.id"), nullable=True
    )

    __table_args__ = (
        Index("ix_reporting_clocks_state_due", "state", "due_at", "id"),
        Index(
            "ix_reporting_clocks_state_jurisdiction_due", "state", "jurisdiction", "due_at", "id"
        ),
        Index("ix_reporting_clocks_state_kind", "state", "kind", "jurisdiction", "due_at"),
        Index("ix_reporting_clocks_incident", "incident_id", "state"),
    )


class ResponseDecision(Base):
    """A proposed decision (a recall decision, or "not reportable") awaiting a QA head.

    Never changed once written: its review, signature and supersession are separate rows.
    """

    __tablename__ = "response_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = _incident_key()
    kind: Mapped[str] = mapped_column(String(32))
    proposed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    proposed_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_response_decisions_incident", "incident_id", "kind", "id"),)


class Signature(Base):
    """An electronic signature: who, when, meaning, and a hash binding it to one record."""

    __tablename__ = "signatures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = _incident_key()
    record_kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int] = mapped_column(Integer)
    signer: Mapped[str] = mapped_column(String(64))
    signer_name: Mapped[str] = mapped_column(String(200))
    signer_role: Mapped[str] = mapped_column(String(32))
    meaning: Mapped[str] = mapped_column(String(16))
    signed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    content_sha256: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_signatures_record", "record_kind", "record_id"),
        Index("ix_signatures_incident", "incident_id", "id"),
    )


class FlowRecordRow(Base):
    """One action taken in an incident's response flow; the state is replayed from these."""

    __tablename__ = "flow_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = _incident_key()
    flow_id: Mapped[str] = mapped_column(String(64))
    flow_version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str] = mapped_column(String(32))
    action_id: Mapped[str] = mapped_column(String(64))
    action_title: Mapped[str] = mapped_column(Text)
    from_step: Mapped[str] = mapped_column(String(64))
    to_step: Mapped[str] = mapped_column(String(64))
    task: Mapped[str | None] = mapped_column(String(64), nullable=True)
    signed_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    facts: Mapped[str] = mapped_column(Text)
    recorded: Mapped[str] = mapped_column(Text, default="")
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("response_decisions.id"), nullable=True
    )

    __table_args__ = (Index("ix_flow_records_incident", "incident_id", "id"),)


class RegulatorFiling(Base):
    """A report filed with a regulator: who filed it, when, their reference, the document."""

    __tablename__ = "regulator_filings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = _incident_key()
    clock_id: Mapped[int] = mapped_column(ForeignKey("reporting_clocks.id"), index=True)
    filed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    filed_by: Mapped[str] = mapped_column(String(200))
    regulator_reference: Mapped[str] = mapped_column(Text)
    document_name: Mapped[str] = mapped_column(String(255))
    document_size: Mapped[int] = mapped_column(BigInteger)
    document_sha256: Mapped[str] = mapped_column(String(64))
    document: Mapped[bytes] = mapped_column(LargeBinary)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_by: Mapped[str] = mapped_column(String(64))


class ResponseReview(Base):
    """A QA head's answer to a decision or an escalation: approved, returned, more information."""

    __tablename__ = "response_reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = _incident_key()
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("response_decisions.id"), nullable=True, index=True
    )
    outcome: Mapped[str] = mapped_column(String(32))
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(64))
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    signature_id: Mapped[int | None] = mapped_column(ForeignKey("signatures.id"), nullable=True)
    action_id: Mapped[str | None] = mapped_column(String(64), nullable=True)

    __table_args__ = (Index("ix_response_reviews_incident", "incident_id", "id"),)


class ManagementNotice(Base):
    """A status report sent to top management, kept exactly as sent (``content`` is JSON)."""

    __tablename__ = "management_notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = _incident_key()
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_by: Mapped[str] = mapped_column(String(64))
    recipients: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_management_notices_incident", "incident_id", "id"),)


class WebsiteDisclosure(Base):
    """The incident's disclosure on the company website: where and since when."""

    __tablename__ = "website_disclosures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = _incident_key()
    address: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_website_disclosures_incident", "incident_id", "id"),)

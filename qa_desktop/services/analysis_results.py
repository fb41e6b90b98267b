"""What the analysis and lessons services hand back: frozen records, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.analysis.recurrence import RecurrenceBasis, RecurringCause
from qa_desktop.domain.cause_graph import (
    CauseLayer,
    CauseNode,
    CauseStatus,
    CheckResult,
    Countermeasure,
    RiskReductionStep,
)
from qa_desktop.services.response_results import SignatureMeaning, SignatureView

__all__ = [
    "AnalysisHit",
    "AnalysisRecord",
    "AnalysisStatus",
    "EvidenceView",
    "MatchedCause",
    "OverdueCountermeasure",
    "RecurrenceBasis",
    "RecurringCause",
    "SignatureMeaning",
    "SignatureView",
    "SimilarIncident",
]


class AnalysisStatus(StrEnum):
    """Where an analysis stands: being worked on, or closed and signed."""

    DRAFT = "draft"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """An evidence file kept for one cause; its bytes are fetched separately."""

    id: int
    reference: str
    cause_id: str
    file_name: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class AnalysisRecord:
    """One incident's analysis as stored, with its version for optimistic locking.

    ``signature`` is the QA executive's signature on the closed analysis (``None`` while it
    is a draft); its ``valid`` flag is recomputed from the graph as stored now.
    """

    reference: str
    graph: CauseGraph
    version: int
    status: AnalysisStatus
    updated_at: datetime
    updated_by: str
    signature: SignatureView | None = None
    evidence: tuple[EvidenceView, ...] = ()

    def evidence_for(self, cause_id: str) -> tuple[EvidenceView, ...]:
        """The evidence files kept for one cause, oldest first."""
        return tuple(e for e in self.evidence if e.cause_id == cause_id)


@dataclass(frozen=True, slots=True)
class OverdueCountermeasure:
    """A countermeasure past its due date whose effectiveness check has not passed."""

    reference: str
    incident_title: str
    measure_id: str
    title: str
    owner: str
    due_on: date
    days_overdue: int
    step: RiskReductionStep
    check_result: CheckResult


@dataclass(frozen=True, slots=True)
class MatchedCause:
    """A cause of a found analysis, as listed under the hit."""

    cause_id: str
    layer: CauseLayer
    status: CauseStatus
    title: str
    component: str
    failure_mode: str


@dataclass(frozen=True, slots=True)
class AnalysisHit:
    """One analysis found by a lessons search, with the causes that matched."""

    reference: str
    title: str
    product: str
    year: int
    status: AnalysisStatus
    causes: tuple[MatchedCause, ...]


@dataclass(frozen=True, slots=True)
class SimilarIncident:
    """A past incident like a new one: why it matched, what was found and what was done."""

    reference: str
    title: str
    product: str
    year: int
    score: float
    reasons: tuple[str, ...]
    confirmed_causes: tuple[CauseNode, ...]
    countermeasures: tuple[Countermeasure, ...]

"""What the response services take and hand back: frozen records, never ORM rows.

Times are aware and in UTC; :meth:`DeadlineRow.due_in` and :meth:`ClockView.due_in` give them
in the reader's zone, and ``due_at_regulator`` in the regulator's, as the deadlines view shows
both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo

from qa_desktop.domain.clocks import ClockStatus
from qa_desktop.domain.incident import Severity
from qa_desktop.domain.risk import RMap, SafetyGateTable
from qa_desktop.workflow.flow import Flow
from qa_desktop.workflow.rules import ClockRuleBook


@dataclass(frozen=True, slots=True)
class ResponseRules:
    """The definitions the response services run on, loaded and checked once at start."""

    flow: Flow
    clock_rules: ClockRuleBook
    rmap: RMap
    safety_gate: SafetyGateTable


# ------------------------------------------------------------------------ classification


@dataclass(frozen=True, slots=True)
class LawResult:
    """One law's "serious" definition checked against the harm facts."""

    law: str
    definition: str
    met: bool
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    rule_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MarketFinding:
    """For one market: whether a law's definition is met, and why."""

    market: str
    jurisdiction: str | None
    reportable: bool
    added_from_country: bool
    laws: tuple[LawResult, ...]


@dataclass(frozen=True, slots=True)
class RMapResult:
    """Where the incident falls on the R-Map, with the figures it was placed from."""

    incidents: int
    units_in_field: int
    years_in_use: str
    incidents_per_unit_year: str
    frequency_level: int
    frequency_name: str
    harm_level: int
    harm_numeral: str
    harm_name: str
    region: str
    region_meaning: str
    table_version: int
    table_verify: bool
    confirmed_by_qa_head: bool


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    """One injury scenario read from the Safety Gate table; probabilities as exact text."""

    name: str
    steps: tuple[tuple[str, str], ...]
    probability: str
    severity: int
    band: str
    risk: str


@dataclass(frozen=True, slots=True)
class SafetyGateResult:
    """Every scenario's risk; ``risk`` is the highest, from scenario ``governing``."""

    scenarios: tuple[ScenarioResult, ...]
    risk: str
    governing: str
    table_version: int
    table_verify: bool


@dataclass(frozen=True, slots=True)
class ClassificationRecord:
    """A confirmed classification version: who, when, on which findings, and why."""

    id: int
    reference: str
    version: int
    incident_version: int
    classified_at: datetime
    classified_by: str
    proposed_severity: Severity
    severity: Severity
    reason: str
    medical_device: bool
    basis: tuple[str, ...]
    markets: tuple[MarketFinding, ...]
    rmap: RMapResult | None
    safety_gate: SafetyGateResult | None
    clock_rule_ids: tuple[str, ...]

    @property
    def overridden(self) -> bool:
        """True when the engineer chose another severity than proposed."""
        return self.severity is not self.proposed_severity


# --------------------------------------------------------------------------- signatures


class SignatureMeaning(StrEnum):
    """What a signer states by signing."""

    APPROVED = "approved"
    REJECTED = "rejected"
    REVIEWED = "reviewed"


@dataclass(frozen=True, slots=True)
class SignatureView:
    """A signature as shown beside the record: name, date-time, meaning, and whether it holds."""

    id: int
    signer: str
    signer_name: str
    signer_role: str
    meaning: SignatureMeaning
    signed_at: datetime
    record_kind: str
    record_id: int
    valid: bool
    problem: str = ""

    @property
    def manifestation(self) -> str:
        """The signature line: "Hiro Head (head), 2026-09-04 10:00 UTC: approved"."""
        return (
            f"{self.signer_name} ({self.signer}), {self.signed_at:%Y-%m-%d %H:%M} UTC: "
            f"{self.meaning.value}"
        )


# ------------------------------------------------------------------------------- clocks


@dataclass(frozen=True, slots=True)
class FilingView:
    """A recorded filing (the document's bytes are fetched separately)."""

    id: int
    filed_at: datetime
    filed_by: str
    regulator_reference: str
    document_name: str
    document_size: int
    document_sha256: str
    recorded_at: datetime
    recorded_by: str


class _DueTimes:
    """The due instant in the reader's and the regulator's zone, and a clock's problem."""

    __slots__ = ()
    due_at: datetime | None
    time_zone: str
    status: ClockStatus | None

    def due_in(self, zone: tzinfo | str) -> datetime | None:
        """The legal due instant in *zone* (the reader's)."""
        if self.due_at is None:
            return None
        return self.due_at.astimezone(ZoneInfo(zone) if isinstance(zone, str) else zone)

    @property
    def due_at_regulator(self) -> datetime | None:
        """The legal due instant in the regulator's zone."""
        return self.due_in(self.time_zone)

    @property
    def problem(self) -> str:
        """Why the clock shows no due time (it cannot start), or empty."""
        if self.status is ClockStatus.CANNOT_START:
            return "cannot start: first known time missing"
        return ""


@dataclass(frozen=True, slots=True)
class ClockView(_DueTimes):
    """One clock of an incident, running or stopped, read at the time of the call.

    ``status`` reads a running clock (cannot start, running, due immediately, overdue) and
    is ``None`` once it stopped. ``share_of_window_before_qa`` is the part of the reporting
    window used up before QA heard of the incident; ``filed_late`` how long after the legal
    due instant the report was filed, if it was late.
    """

    id: int
    rule_id: str
    rule_version: int
    jurisdiction: str
    title: str
    regulator: str
    citation: str
    time_zone: str
    state: str
    status: ClockStatus | None
    kind: str
    first_known_at: datetime | None
    due_at: datetime | None
    calendar_due_at: datetime | None
    moved_by: str
    move_reason: str
    verify: bool
    time_left: timedelta | None
    past_calendar_due: bool
    share_of_window_before_qa: float | None
    started_at: datetime
    started_by: str
    stopped_at: datetime | None
    stopped_by: str
    stop_kind: str
    stop_reason: str
    decision_id: int | None
    filing: FilingView | None
    filed_late: timedelta | None


@dataclass(frozen=True, slots=True)
class IncidentClocks:
    """Every clock of one incident and the internal delay before QA heard of it."""

    reference: str
    first_known_at: datetime | None
    qa_aware_at: datetime | None
    awareness_gap: timedelta | None
    clocks: tuple[ClockView, ...]


@dataclass(frozen=True, slots=True)
class DeadlineRow(_DueTimes):
    """One running clock in the deadlines view; ``overdue`` ones must stand out."""

    clock_id: int
    reference: str
    incident_title: str
    product_name: str
    business_unit: str
    jurisdiction: str
    rule_id: str
    rule_version: int
    title: str
    citation: str
    time_zone: str
    status: ClockStatus
    due_at: datetime | None
    calendar_due_at: datetime | None
    time_left: timedelta | None
    past_calendar_due: bool
    moved: bool
    verify: bool

    @property
    def overdue(self) -> bool:
        """True once the legal due instant has passed."""
        return self.status is ClockStatus.OVERDUE


@dataclass(frozen=True, slots=True)
class DeadlineCursor:
    """Where a deadlines page ended; pass it back for the next page."""

    phase: int
    due_at: datetime | None
    clock_id: int


@dataclass(frozen=True, slots=True)
class DeadlinePage:
    """One page of the deadlines view, read at ``now``."""

    rows: tuple[DeadlineRow, ...]
    next: DeadlineCursor | None
    now: datetime


@dataclass(frozen=True, slots=True)
class DeadlineSummary:
    """Counts over the running clocks matching a query."""

    running: int
    overdue: int
    due_immediately: int
    cannot_start: int


# --------------------------------------------------------------------------------- flow


@dataclass(frozen=True, slots=True)
class FlowActionView:
    """An action of the response flow as a button shows it."""

    id: str
    title: str
    needs_signature: bool
    comment_required: bool
    returns: bool


@dataclass(frozen=True, slots=True)
class FlowRecordView:
    """One entry of an incident's flow history, with the signature that goes with it."""

    id: int
    at: datetime
    actor: str
    actor_role: str
    action_id: str
    action_title: str
    from_step: str
    to_step: str
    task: str | None
    comment: str
    decision_id: int | None
    signature: SignatureView | None


@dataclass(frozen=True, slots=True)
class FlowTaskView:
    """A required task of the current step; ``overdue`` once its time limit has passed."""

    id: str
    title: str
    done: bool
    overdue: bool


@dataclass(frozen=True, slots=True)
class FlowView:
    """Where an incident stands in its response flow and what the reader may do next.

    ``refused`` maps each other action of the step to the sentence saying why it cannot
    be taken now, so a disabled button can explain itself.
    """

    reference: str
    flow_id: str
    flow_version: int
    step: str
    step_title: str
    status: str
    responsible_tier: str
    entered_at: datetime
    tasks: tuple[FlowTaskView, ...]
    available: tuple[FlowActionView, ...]
    refused: tuple[tuple[FlowActionView, str], ...]
    history: tuple[FlowRecordView, ...]


class ReviewOutcome(StrEnum):
    """A QA head's answer to a decision or an escalation."""

    APPROVED = "approved"
    REJECTED = "rejected"
    RETURNED = "returned"
    MORE_INFORMATION = "more_information"


@dataclass(frozen=True, slots=True)
class ReviewView:
    """A recorded review: outcome, comment, reviewer, time, the flow action and signature."""

    id: int
    outcome: ReviewOutcome
    comment: str
    reviewer: str
    reviewed_at: datetime
    action_id: str | None
    signature: SignatureView | None

"""OCHIBO-HIROI cause graphs: the parts of one root-cause analysis and their field rules.

An analysis starts from the incident (the effect at the root) and asks which technical
causes, and behind them which process, framework and motivating factors, let it happen.
"Caused by" links run from an effect to its causes; AND/OR gates say whether a group of
causes of one effect act together or each suffices. Countermeasures remove causes and are
done only when their effectiveness check has passed; yokoten candidates spread the lesson
to other products. Every layer is either examined or marked not applicable with a reason.

Plain Python: no networkx, Qt or SQL. The graph value and its edits live in
``qa_desktop.analysis.graph_ops``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qa_desktop.domain.errors import FieldError

#: Node id of the incident, the effect at the root of every cause graph.
ROOT_ID = "incident"

#: Ids of causes, countermeasures, yokoten candidates and gates: one namespace per graph.
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")

#: Maximum length of each text field, in characters.
TEXT_LIMITS: dict[str, int] = {
    "reference": 32,
    "title": 200,
    "description": 2_000,
    "product": 200,
    "model": 100,
    "business_unit": 100,
    "owner": 64,
    "component": 200,
    "failure_mode": 200,
    "label": 260,
    "added_by": 64,
    "checksum": 128,
    "criterion": 2_000,
    "shared_component": 200,
    "reason": 2_000,
}

#: Text fields that may hold line breaks and tabs.
MULTILINE_FIELDS = frozenset({"description", "criterion", "reason"})

# Characters XML 1.0 cannot carry (so GraphML could not round-trip them) plus C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]")
_DIGITS = re.compile(r"([0-9]+)")
_CHECKSUM = re.compile(r"^(?:[0-9a-f]{64})?$")


class CauseLayer(StrEnum):
    """The four layers OCHIBO-HIROI examines, from what failed to why people let it."""

    TECHNICAL = "technical"
    PROCESS = "process"
    FRAMEWORK = "framework"
    MOTIVATION = "motivation"


class CauseStatus(StrEnum):
    """How far a cause has been investigated; ``unknown`` is drawn as "?"."""

    UNKNOWN = "unknown"
    HYPOTHESIS = "hypothesis"
    CONFIRMED = "confirmed"
    RULED_OUT = "ruled_out"

    @classmethod
    def _missing_(cls, value: object) -> CauseStatus | None:
        # Apollo-style charts and hand-written files mark an uninvestigated cause "?".
        return cls.UNKNOWN if value == "?" else None

    @property
    def symbol(self) -> str:
        """The short mark a chart shows: "?" for unknown, else the value."""
        return "?" if self is CauseStatus.UNKNOWN else self.value


class GateKind(StrEnum):
    """Whether every cause of a group is needed (AND) or any one suffices (OR)."""

    AND = "and"
    OR = "or"


class RiskReductionStep(StrEnum):
    """The three-step method: inherently safe design, safeguards, then information for use."""

    DESIGN = "design"
    SAFEGUARD = "safeguard"
    INFORMATION = "information"


class CheckResult(StrEnum):
    """Outcome of a countermeasure's effectiveness check."""

    PENDING = "pending"
    PASSED = "passed"
    FAILED = "failed"


class YokotenDecision(StrEnum):
    """The decision for one horizontal-deployment candidate."""

    UNDECIDED = "undecided"
    APPLY = "apply"
    SKIP = "skip"


class LayerVerdict(StrEnum):
    """A reviewer's note on one layer: examined, or not applicable (with a reason)."""

    EXAMINED = "examined"
    NOT_APPLICABLE = "not_applicable"


class EvidenceKind(StrEnum):
    """What a piece of evidence for a cause is."""

    TEST_REPORT = "test_report"
    PHOTO = "photo"
    MEASUREMENT = "measurement"
    INTERVIEW = "interview"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class IncidentRoot:
    """The incident as the effect at the root of the graph."""

    reference: str
    title: str
    product: str = ""
    model: str = ""
    business_unit: str = ""
    occurred_on: date | None = None
    x: float | None = None
    y: float | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A file or document supporting a cause: who added it and its SHA-256 checksum."""

    label: str
    kind: EvidenceKind
    added_by: str
    checksum: str = ""
    added_on: date | None = None


@dataclass(frozen=True, slots=True)
class CauseNode:
    """One cause in one layer, with its status, evidence and (optional) saved position."""

    id: str
    layer: CauseLayer
    title: str
    status: CauseStatus = CauseStatus.UNKNOWN
    description: str = ""
    owner: str = ""
    component: str = ""
    failure_mode: str = ""
    evidence: tuple[Evidence, ...] = ()
    identified_on: date | None = None
    resolved_on: date | None = None
    x: float | None = None
    y: float | None = None


@dataclass(frozen=True, slots=True)
class CauseLink:
    """*effect* is caused by *cause*; the effect is the incident or a shallower cause."""

    effect: str
    cause: str


@dataclass(frozen=True, slots=True)
class CauseGate:
    """An AND/OR gate over two or more causes linked to the same effect."""

    id: str
    effect: str
    kind: GateKind
    causes: frozenset[str]


@dataclass(frozen=True, slots=True)
class EffectivenessCheck:
    """How and when a countermeasure is shown to work, and what the check found."""

    criterion: str = ""
    check_on: date | None = None
    result: CheckResult = CheckResult.PENDING


@dataclass(frozen=True, slots=True)
class Countermeasure:
    """A recurrence-prevention measure and the causes it removes."""

    id: str
    title: str
    owner: str = ""
    due_on: date | None = None
    step: RiskReductionStep = RiskReductionStep.DESIGN
    check: EffectivenessCheck = EffectivenessCheck()
    removes: frozenset[str] = frozenset()
    description: str = ""


@dataclass(frozen=True, slots=True)
class YokotenCandidate:
    """Another product, model or business unit that shares a cause or component.

    ``shared_cause`` is the id of the shared cause, or empty when only the component is shared.
    """

    id: str
    product: str = ""
    model: str = ""
    business_unit: str = ""
    shared_cause: str = ""
    shared_component: str = ""
    decision: YokotenDecision = YokotenDecision.UNDECIDED
    reason: str = ""

    @property
    def target(self) -> str:
        """Product, model and business unit as one readable phrase."""
        return " / ".join(p for p in (self.product, self.model, self.business_unit) if p)


@dataclass(frozen=True, slots=True)
class LayerReview:
    """A reviewer's verdict on one layer; "not applicable" needs a reason to close."""

    layer: CauseLayer
    verdict: LayerVerdict
    reason: str = ""


def id_sort_key(node_id: str) -> tuple[str | int, ...]:
    """Sort key that puts ids in the order people number them: ``C2`` before ``C10``."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(node_id))


def _check_text(
    errors: list[FieldError], name: str, value: object, *, field: str = "", required: bool = False
) -> None:
    field = field or name
    if not isinstance(value, str):
        errors.append(FieldError(field, "text", "must be text"))
        return
    if required and not value.strip():
        errors.append(FieldError(field, "required", "must not be empty"))
        return
    limit = TEXT_LIMITS[name]
    if len(value) > limit:
        errors.append(
            FieldError(field, "too_long", f"is {len(value):,} characters; the limit is {limit:,}")
        )
    if _CONTROL.search(value):
        errors.append(
            FieldError(field, "control_characters", "contains characters that cannot be stored")
        )
    if name not in MULTILINE_FIELDS and _LINE_BREAKS.search(value):
        errors.append(FieldError(field, "single_line", "must be a single line"))


def _check_id(errors: list[FieldError], value: str, field: str = "id") -> None:
    if not isinstance(value, str) or not ID_PATTERN.match(value) or value == ROOT_ID:
        errors.append(
            FieldError(
                field,
                "id_format",
                f"{value!r} is not a valid id (a letter, then up to 63 letters, digits, "
                f"'_', '.' or '-'; {ROOT_ID!r} is reserved for the incident)",
            )
        )


def _check_choice(errors: list[FieldError], field: str, value: object, kind: type) -> None:
    if not isinstance(value, kind):
        errors.append(FieldError(field, "choice", f"{value!r} is not a known {field}"))


def _check_date(errors: list[FieldError], field: str, value: object) -> None:
    if value is not None and not isinstance(value, date):
        errors.append(FieldError(field, "date", "must be a date"))


def _check_position(errors: list[FieldError], x: float | None, y: float | None) -> None:
    for name, value in (("x", x), ("y", y)):
        if value is None:
            continue
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            errors.append(FieldError(name, "position", "must be a finite number"))
    if (x is None) != (y is None):
        errors.append(FieldError("x", "position", "x and y must be given together"))


def validate_incident_root(root: IncidentRoot) -> list[FieldError]:
    """Every rule the incident node breaks; empty when it is valid."""
    errors: list[FieldError] = []
    _check_text(errors, "reference", root.reference)
    _check_text(errors, "title", root.title, required=True)
    for name in ("product", "model", "business_unit"):
        _check_text(errors, name, getattr(root, name))
    _check_date(errors, "occurred_on", root.occurred_on)
    _check_position(errors, root.x, root.y)
    return errors


def validate_evidence(item: Evidence, field: str = "evidence") -> list[FieldError]:
    """Every rule one evidence entry breaks; fields are prefixed with *field*."""
    errors: list[FieldError] = []
    _check_text(errors, "label", item.label, field=f"{field}.label", required=True)
    _check_choice(errors, f"{field}.kind", item.kind, EvidenceKind)
    _check_text(errors, "added_by", item.added_by, field=f"{field}.added_by")
    if not isinstance(item.checksum, str) or not _CHECKSUM.match(item.checksum):
        errors.append(
            FieldError(f"{field}.checksum", "sha256", "must be 64 lower-case hex digits or empty")
        )
    _check_date(errors, f"{field}.added_on", item.added_on)
    return errors


def validate_cause(node: CauseNode) -> list[FieldError]:
    """Every rule the cause breaks (texts, choices, dates, position); empty when valid."""
    errors: list[FieldError] = []
    _check_id(errors, node.id)
    _check_choice(errors, "layer", node.layer, CauseLayer)
    _check_choice(errors, "status", node.status, CauseStatus)
    _check_text(errors, "title", node.title, required=True)
    for name in ("description", "owner", "component", "failure_mode"):
        _check_text(errors, name, getattr(node, name))
    evidence: object = node.evidence  # files and imports may hand over a list
    if not isinstance(evidence, tuple):
        errors.append(FieldError("evidence", "list", "must be a tuple of evidence entries"))
    else:
        for number, item in enumerate(evidence, start=1):
            errors.extend(validate_evidence(item, f"evidence {number}"))
    _check_date(errors, "identified_on", node.identified_on)
    _check_date(errors, "resolved_on", node.resolved_on)
    _check_position(errors, node.x, node.y)
    return errors


def validate_countermeasure(measure: Countermeasure) -> list[FieldError]:
    """Every field rule the countermeasure breaks; the cause ids are checked by the graph."""
    errors: list[FieldError] = []
    _check_id(errors, measure.id)
    _check_text(errors, "title", measure.title, required=True)
    _check_text(errors, "owner", measure.owner)
    _check_text(errors, "description", measure.description)
    _check_date(errors, "due_on", measure.due_on)
    _check_choice(errors, "step", measure.step, RiskReductionStep)
    _check_text(errors, "criterion", measure.check.criterion, field="check.criterion")
    _check_date(errors, "check.check_on", measure.check.check_on)
    _check_choice(errors, "check.result", measure.check.result, CheckResult)
    removes: object = measure.removes
    if not isinstance(removes, frozenset):
        errors.append(FieldError("removes", "set", "must be a frozenset of cause ids"))
    return errors


def validate_yokoten(candidate: YokotenCandidate) -> list[FieldError]:
    """Every field rule the yokoten candidate breaks; it must name a product, model or unit."""
    errors: list[FieldError] = []
    _check_id(errors, candidate.id)
    for name in ("product", "model", "business_unit", "shared_component", "reason"):
        _check_text(errors, name, getattr(candidate, name))
    if not errors and not candidate.target.strip():
        errors.append(
            FieldError("product", "required", "name a product, model or business unit")
        )
    _check_choice(errors, "decision", candidate.decision, YokotenDecision)
    return errors


def validate_review(review: LayerReview) -> list[FieldError]:
    """Every field rule the layer review breaks."""
    errors: list[FieldError] = []
    _check_choice(errors, "layer", review.layer, CauseLayer)
    _check_choice(errors, "verdict", review.verdict, LayerVerdict)
    _check_text(errors, "reason", review.reason)
    return errors


def validate_gate(gate: CauseGate) -> list[FieldError]:
    """Every field rule the gate breaks; that its causes are linked is checked by the graph."""
    errors: list[FieldError] = []
    _check_id(errors, gate.id)
    _check_choice(errors, "kind", gate.kind, GateKind)
    if not isinstance(gate.causes, frozenset) or len(gate.causes) < 2:
        errors.append(FieldError("causes", "at_least_two", "a gate joins at least two causes"))
    return errors

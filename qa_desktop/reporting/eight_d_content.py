"""What an 8D report prints: the analysis, the incident and the people, as plain values.

The services fill a :class:`PrintedAnalysis`; :class:`EightDWording` holds the words printed
around the values (English by default), so the desktop can print in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import CauseLayer
from qa_desktop.domain.incident import IncidentDraft


@dataclass(frozen=True, slots=True)
class TeamMember:
    """Someone who worked on the analysis, and in which part."""

    name: str
    part: str


@dataclass(frozen=True, slots=True)
class ContainmentAction:
    """An immediate action recorded in the response flow."""

    at: datetime
    actor: str
    text: str


@dataclass(frozen=True, slots=True)
class PrintedEvidenceFile:
    """An evidence file kept for a cause."""

    cause_id: str
    file_name: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class PrintedSignature:
    """The signature on a closed analysis, and whether it still matches the analysis."""

    signer: str
    signer_name: str
    meaning: str
    signed_at: datetime
    valid: bool
    problem: str = ""


@dataclass(frozen=True)
class PrintedAnalysis:
    """Everything the 8D report prints."""

    reference: str
    incident: IncidentDraft
    graph: CauseGraph
    version: int
    status: str
    team: tuple[TeamMember, ...] = ()
    containment: tuple[ContainmentAction, ...] = ()
    evidence_files: tuple[PrintedEvidenceFile, ...] = ()
    signature: PrintedSignature | None = None
    #: What stops closure (empty when closed or complete).
    gaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class EightDWording:
    """The words printed around the values, English by default."""

    document_title: str = "8D report {reference}"
    version_line: str = "Analysis version {version}, {status}."
    headings: tuple[str, ...] = (
        "D1 Team",
        "D2 Problem description",
        "D3 Containment",
        "D4 Root causes",
        "D5/D6 Countermeasures and effectiveness checks",
        "D7 Recurrence prevention (yokoten)",
        "D8 Closure",
    )
    layer_names: dict[str, str] = field(
        default_factory=lambda: {layer.value: layer.value.capitalize() for layer in CauseLayer}
    )
    nobody: str = "No one is named yet."
    no_containment: str = "No containment action is recorded."
    no_causes: str = "No cause in this layer."
    not_applicable: str = "Not applicable: {reason}"
    root_mark: str = "root cause"
    no_measures: str = "No countermeasure yet."
    no_yokoten: str = "No yokoten candidate."
    too_large_to_draw: str = "The graph has {count} causes; it is listed above but not drawn."
    signed: str = "Signed by {name} ({username}) at {time}: {meaning}."
    signature_broken: str = "This signature does not hold: {problem}"
    not_signed: str = "Not closed: the analysis is still open. Missing before closure:"
    ready_to_sign: str = (
        "Not closed yet: nothing is missing; it awaits the QA executive's signature."
    )
    gates: str = "AND/OR gates"
    printed: str = "Printed by {name} at {time}"
    page: str = "Page {page} of {pages}"
    empty: str = "—"

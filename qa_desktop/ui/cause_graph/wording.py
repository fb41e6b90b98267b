"""The words and colours the cause-graph views show for stored codes.

Layers, statuses, gates, risk-reduction steps, check results and yokoten decisions are
stored as stable codes; each is marked for translation here and translated when shown.
Every layer has its own colour, with a lighter variant that stays readable on a dark
palette.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QPalette

from qa_desktop.domain.cause_graph import (
    CauseLayer,
    CauseStatus,
    CheckResult,
    EvidenceKind,
    GateKind,
    RiskReductionStep,
    YokotenDecision,
)
from qa_desktop.services.analysis_results import AnalysisRecord, AnalysisStatus

_CONTEXT = "CauseGraph"

_NAMES: dict[Enum, object] = {
    CauseLayer.TECHNICAL: QT_TRANSLATE_NOOP("CauseGraph", "Technical"),
    CauseLayer.PROCESS: QT_TRANSLATE_NOOP("CauseGraph", "Process"),
    CauseLayer.FRAMEWORK: QT_TRANSLATE_NOOP("CauseGraph", "Framework"),
    CauseLayer.MOTIVATION: QT_TRANSLATE_NOOP("CauseGraph", "Motivation"),
    CauseStatus.UNKNOWN: QT_TRANSLATE_NOOP("CauseGraph", "Unknown (?)"),
    CauseStatus.HYPOTHESIS: QT_TRANSLATE_NOOP("CauseGraph", "Hypothesis"),
    CauseStatus.CONFIRMED: QT_TRANSLATE_NOOP("CauseGraph", "Confirmed"),
    CauseStatus.RULED_OUT: QT_TRANSLATE_NOOP("CauseGraph", "Ruled out"),
    GateKind.AND: QT_TRANSLATE_NOOP("CauseGraph", "AND"),
    GateKind.OR: QT_TRANSLATE_NOOP("CauseGraph", "OR"),
    RiskReductionStep.DESIGN: QT_TRANSLATE_NOOP("CauseGraph", "Inherently safe design"),
    RiskReductionStep.SAFEGUARD: QT_TRANSLATE_NOOP("CauseGraph", "Safeguard"),
    RiskReductionStep.INFORMATION: QT_TRANSLATE_NOOP("CauseGraph", "Information for use"),
    CheckResult.PENDING: QT_TRANSLATE_NOOP("CauseGraph", "Pending"),
    CheckResult.PASSED: QT_TRANSLATE_NOOP("CauseGraph", "Passed"),
    CheckResult.FAILED: QT_TRANSLATE_NOOP("CauseGraph", "Failed"),
    YokotenDecision.UNDECIDED: QT_TRANSLATE_NOOP("CauseGraph", "Undecided"),
    YokotenDecision.APPLY: QT_TRANSLATE_NOOP("CauseGraph", "Apply"),
    YokotenDecision.SKIP: QT_TRANSLATE_NOOP("CauseGraph", "Skip"),
    EvidenceKind.TEST_REPORT: QT_TRANSLATE_NOOP("CauseGraph", "Test report"),
    EvidenceKind.PHOTO: QT_TRANSLATE_NOOP("CauseGraph", "Photo"),
    EvidenceKind.MEASUREMENT: QT_TRANSLATE_NOOP("CauseGraph", "Measurement"),
    EvidenceKind.INTERVIEW: QT_TRANSLATE_NOOP("CauseGraph", "Interview notes"),
    EvidenceKind.DOCUMENT: QT_TRANSLATE_NOOP("CauseGraph", "Document"),
}

# Short marks drawn inside a node, where a whole word would not fit.
_STATUS_MARKS: dict[CauseStatus, object] = {
    CauseStatus.UNKNOWN: QT_TRANSLATE_NOOP("CauseGraph", "?"),
    CauseStatus.HYPOTHESIS: QT_TRANSLATE_NOOP("CauseGraph", "hypothesis"),
    CauseStatus.CONFIRMED: QT_TRANSLATE_NOOP("CauseGraph", "confirmed"),
    CauseStatus.RULED_OUT: QT_TRANSLATE_NOOP("CauseGraph", "ruled out"),
}

# Saturated on light backgrounds, lighter on dark ones: both keep 3:1 against the base.
_LIGHT = {
    CauseLayer.TECHNICAL: "#1f5fbf",
    CauseLayer.PROCESS: "#1e7b3c",
    CauseLayer.FRAMEWORK: "#b35900",
    CauseLayer.MOTIVATION: "#7b3fb5",
}
_DARK = {
    CauseLayer.TECHNICAL: "#7aa7ff",
    CauseLayer.PROCESS: "#63cf85",
    CauseLayer.FRAMEWORK: "#f2a65a",
    CauseLayer.MOTIVATION: "#c99bf2",
}


def label(code: Enum) -> str:
    """The translated name of a layer, status, gate, step, result, decision or evidence kind."""
    source = _NAMES.get(code)
    return str(code.value) if source is None else QCoreApplication.translate(_CONTEXT, str(source))


def status_mark(status: CauseStatus) -> str:
    """The short mark a node shows for its status ("?" for unknown)."""
    return QCoreApplication.translate(_CONTEXT, str(_STATUS_MARKS[status]))


def analysis_state(record: AnalysisRecord | None, *, modified: bool, editable: bool) -> str:
    """The analysis's state in one line: draft and version, or closed and by whom."""

    if record is None:
        return QCoreApplication.translate("AnalysisEditor", "Opening…")
    signature = record.signature
    if record.status is AnalysisStatus.CLOSED and signature is not None:
        state = QCoreApplication.translate(
            "AnalysisEditor", "Closed, signed by {who} on {when} ({meaning})"
        ).format(
            who=signature.signer_name,
            when=f"{signature.signed_at:%Y-%m-%d %H:%M} UTC",
            meaning=signature.meaning.value,
        )
        if not signature.valid:
            state += " — " + QCoreApplication.translate(
                "AnalysisEditor", "the signature no longer matches the analysis"
            )
    elif record.status is AnalysisStatus.CLOSED:
        state = QCoreApplication.translate("AnalysisEditor", "Closed")
    else:
        state = QCoreApplication.translate("AnalysisEditor", "Draft, version {version}").format(
            version=record.version
        )
    if modified:
        state += " — " + QCoreApplication.translate("AnalysisEditor", "unsaved changes")
    if not editable:
        state += " — " + QCoreApplication.translate("AnalysisEditor", "read only")
    return state


def is_dark(palette: QPalette) -> bool:
    """Whether *palette* draws light text on a dark base."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def layer_colour(layer: CauseLayer, palette: QPalette) -> QColor:
    """The colour of *layer*, in the variant that suits *palette*."""
    return QColor((_DARK if is_dark(palette) else _LIGHT)[layer])

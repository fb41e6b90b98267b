"""The recall decision record: an A4 PDF of the decision, its risk basis and its signatures.

The decision (recall or not; scope by models, serial ranges or lots and units; remedies;
channels) is printed with the R-Map and Safety Gate results beside it and the signature
block below: each signer's name, the date-time and the meaning, and whether the signature
still matches the record. Text prints exactly as typed, in the embedded Japanese font.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from qa_desktop.reporting.fonts import register_japanese_font
from qa_desktop.reporting.status_report import (
    CONTENT_WIDTH,
    DocumentStyles,
    PrintedSignature,
    build_pdf,
    local_time,
    pairs,
    signature_block,
    table,
)


@dataclass(frozen=True, slots=True)
class PrintedScenario:
    """One Safety Gate injury scenario as printed; ``steps`` are "description: probability"."""

    name: str
    steps: tuple[str, ...]
    probability: str
    severity: int
    risk: str


@dataclass(frozen=True, slots=True)
class PrintedRecallDecision:
    """Everything the decision record prints."""

    reference: str
    incident_title: str
    product: str
    decision_id: int
    recall: bool
    state: str
    reason: str
    models: tuple[str, ...]
    serials_or_lots: str
    units: int
    remedies: tuple[str, ...]
    channels: tuple[str, ...]
    channel_details: str
    proposed_by: str
    proposed_at: datetime
    severity: str
    classification_version: int | None
    rmap: tuple[tuple[str, str], ...]
    safety_gate_risk: str
    scenarios: tuple[PrintedScenario, ...]
    signatures: tuple[PrintedSignature, ...]


def recall_decision_pdf(
    decision: PrintedRecallDecision, *, printed_by: str, printed_at: datetime, local_zone: tzinfo
) -> bytes:
    """The decision record as the bytes of an A4 PDF."""
    styles = DocumentStyles(register_japanese_font())
    verdict = "Recall" if decision.recall else "No recall"
    title = f"Recall decision {decision.reference}-{decision.decision_id}: {verdict}"
    story: list[Flowable] = [
        styles.text(title, styles.title),
        styles.text(decision.incident_title, styles.heading),
        styles.text(
            f"Proposed by {decision.proposed_by} at "
            f"{local_time(decision.proposed_at, local_zone)}. State: {decision.state}."
        ),
        styles.text("Decision", styles.heading),
        pairs(
            [
                ("Product", decision.product),
                ("Decision", verdict),
                ("Models", "\n".join(decision.models) or "—"),
                ("Serial ranges or lots", decision.serials_or_lots or "—"),
                ("Units in scope", f"{decision.units:,}"),
                ("Remedies", ", ".join(decision.remedies) or "—"),
                ("Channels", ", ".join(decision.channels) or "—"),
                ("Channel details", decision.channel_details or "—"),
                ("Reason", decision.reason or "—"),
            ],
            styles,
        ),
        styles.text("Risk basis", styles.heading),
        styles.text(
            f"Severity {decision.severity}"
            + (
                f" (classification version {decision.classification_version})"
                if decision.classification_version
                else " (not classified)"
            )
        ),
        styles.text("R-Map", styles.label),
        pairs(decision.rmap, styles) if decision.rmap else styles.text("No R-Map point recorded."),
        styles.text(f"Safety Gate: {decision.safety_gate_risk or 'not assessed'}", styles.label),
        _scenarios(decision, styles),
        styles.text("Signatures", styles.heading),
        signature_block(decision.signatures, styles, local_zone, "Not signed: not in force."),
    ]
    return build_pdf(
        story,
        title=title,
        header=f"{title} — {decision.incident_title}",
        printed_by=printed_by,
        printed_at=printed_at,
        zone=local_zone,
    )


def _scenarios(decision: PrintedRecallDecision, styles: DocumentStyles) -> Flowable:
    if not decision.scenarios:
        return styles.text("No injury scenario recorded.")
    rows = [["Scenario", "Steps", "Probability", "Severity", "Risk"]]
    for s in decision.scenarios:
        rows.append([s.name, "\n".join(s.steps), s.probability, str(s.severity), s.risk])
    widths = [38 * mm, CONTENT_WIDTH - 112 * mm, 30 * mm, 18 * mm, 26 * mm]
    return table(rows, widths, styles, header=True)

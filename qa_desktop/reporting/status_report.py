"""The status report to top management: an A4 PDF of where a product incident stands.

Facts, classification, every reporting clock (due in the regulator's zone and the reader's),
the decisions with their signatures, and the actions so far. What is printed is the snapshot
that was sent, so a reprint years later shows exactly what management read. Text prints as
typed (markup characters, Japanese) in the bundled font, which the PDF embeds.

The page furniture here (styles, running header, "Page n of m", signature block) is shared
with the recall decision record.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from qa_desktop.reporting.fonts import paragraph_markup, printable_text, register_japanese_font
from qa_desktop.reporting.incident_record import zone_name
from qa_desktop.reporting.page_canvas import PagedCanvas

CONTENT_WIDTH = A4[0] - 36 * mm


@dataclass(frozen=True, slots=True)
class PrintedSignature:
    """A signature as printed: the signer's name, the date-time and the meaning."""

    name: str
    username: str
    meaning: str
    signed_at: datetime
    valid: bool


@dataclass(frozen=True, slots=True)
class PrintedClock:
    """A reporting clock as the report lists it; ``state`` is already plain English."""

    jurisdiction: str
    title: str
    citation: str
    state: str
    due_at: datetime | None
    time_zone: str


@dataclass(frozen=True, slots=True)
class PrintedDecision:
    """A decision: what it says (``lines``), where it stands, who proposed and signed it."""

    title: str
    state: str
    lines: tuple[str, ...]
    proposed_by: str
    proposed_at: datetime
    signatures: tuple[PrintedSignature, ...]


@dataclass(frozen=True, slots=True)
class PrintedAction:
    """One action of the response so far."""

    at: datetime
    actor: str
    title: str
    comment: str
    signature: PrintedSignature | None


@dataclass(frozen=True, slots=True)
class StatusReport:
    """Everything the status report prints, as it was when the report was prepared."""

    reference: str
    title: str
    product: str
    business_unit: str
    step: str
    severity: str
    facts: tuple[tuple[str, str], ...]
    classification: tuple[tuple[str, str], ...]
    clocks: tuple[PrintedClock, ...]
    decisions: tuple[PrintedDecision, ...]
    actions: tuple[PrintedAction, ...]
    prepared_by: str
    prepared_at: datetime
    recipients: tuple[str, ...]


class DocumentStyles:
    """Paragraph styles of the response documents, all in the embedded font."""

    def __init__(self, font: str) -> None:
        self.font = font
        # Bullets default to Helvetica, which would be named in the PDF without being embedded.
        self.title = ParagraphStyle(
            "DocTitle", fontName=font, bulletFontName=font, fontSize=16, leading=21
        )
        self.heading = ParagraphStyle(
            "DocHeading",
            parent=self.title,
            fontSize=12,
            leading=16,
            spaceBefore=9,
            spaceAfter=3,
            textColor=colors.HexColor("#1f3a5f"),
        )
        self.body = ParagraphStyle(
            "DocBody", fontName=font, bulletFontName=font, fontSize=9, leading=12.5, wordWrap="CJK"
        )
        self.label = ParagraphStyle(
            "DocLabel", parent=self.body, textColor=colors.HexColor("#404040")
        )
        self.alert = ParagraphStyle(
            "DocAlert", parent=self.body, textColor=colors.HexColor("#b00020")
        )

    def text(self, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph printing *value* exactly as typed."""
        return Paragraph(paragraph_markup(value), style or self.body)


_GRID = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c8c8c8")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
)
_HEADER = TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3"))])


def table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    styles: DocumentStyles,
    *,
    header: bool = False,
) -> Table:
    """A grid of text cells (every cell printed exactly as typed)."""
    data = [
        [styles.text(cell, styles.label if header and r == 0 else styles.body) for cell in row]
        for r, row in enumerate(rows)
    ]
    result = Table(data, colWidths=list(widths), repeatRows=1 if header else 0)
    # Cells default to Helvetica even when they hold paragraphs; it would be named unembedded.
    result.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font)]))
    result.setStyle(_GRID)
    if header:
        result.setStyle(_HEADER)
    return result


def pairs(rows: Sequence[tuple[str, str]], styles: DocumentStyles) -> Flowable:
    """Label and value rows."""
    return table(rows, [50 * mm, CONTENT_WIDTH - 50 * mm], styles)


def local_time(moment: datetime, zone: tzinfo) -> str:
    """*moment* in *zone*, with the zone named: ``2026-09-14 23:59 (JST, UTC+09:00)``."""
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} ({zone_name(local)})"


def signature_block(
    signatures: Sequence[PrintedSignature], styles: DocumentStyles, zone: tzinfo, none_text: str
) -> Flowable:
    """The signatures: name, date-time (UTC and local), meaning, and whether each verifies."""
    if not signatures:
        return styles.text(none_text, styles.alert)
    rows = [["Signed by", "Date and time", "Meaning", "Verification"]]
    for s in signatures:
        when = f"{s.signed_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC\n{local_time(s.signed_at, zone)}"
        check = "verified" if s.valid else "DOES NOT MATCH THE RECORD"
        rows.append([f"{s.name} ({s.username})", when, s.meaning, check])
    return table(rows, [55 * mm, 55 * mm, 28 * mm, CONTENT_WIDTH - 138 * mm], styles, header=True)


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    header: str,
    printed_by: str,
    printed_at: datetime,
    zone: tzinfo,
) -> bytes:
    """Lay out *story* on A4 pages with the running header and numbered footer."""
    font = register_japanese_font()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=printable_text(title),
        author=printable_text(printed_by),
        creator="QA Desktop",
        # The canvas starts in this font; the default (Helvetica) would be named, unembedded.
        initialFontName=font,
        initialFontSize=9,
    )
    maker: Any = partial(
        PagedCanvas,
        font=font,
        header=printable_text(header),
        footer=printable_text(f"Printed by {printed_by} at {local_time(printed_at, zone)}"),
    )
    document.build(story, canvasmaker=maker)
    return buffer.getvalue()


def status_report_pdf(
    report: StatusReport, *, printed_by: str, printed_at: datetime, local_zone: tzinfo
) -> bytes:
    """The status report as the bytes of an A4 PDF."""
    styles = DocumentStyles(register_japanese_font())
    zone = local_zone
    story: list[Flowable] = [
        styles.text(f"Status report {report.reference}", styles.title),
        styles.text(report.title, styles.heading),
        styles.text(
            f"Prepared by {report.prepared_by} at {local_time(report.prepared_at, zone)} for: "
            + (", ".join(report.recipients) or "—")
        ),
        styles.text("Incident", styles.heading),
        pairs(
            [
                ("Product", report.product),
                ("Business unit", report.business_unit or "—"),
                ("Response step", report.step),
                ("Severity", report.severity),
                *report.facts,
            ],
            styles,
        ),
        styles.text("Classification", styles.heading),
        pairs(report.classification, styles)
        if report.classification
        else styles.text("Not classified yet.", styles.alert),
        styles.text("Regulator reporting clocks", styles.heading),
        _clocks(report.clocks, styles, zone),
        styles.text("Decisions", styles.heading),
    ]
    if not report.decisions:
        story.append(styles.text("No decision proposed yet."))
    for decision in report.decisions:
        story.append(styles.text(f"{decision.title}: {decision.state}", styles.label))
        story.append(
            styles.text(
                f"Proposed by {decision.proposed_by} at {local_time(decision.proposed_at, zone)}"
            )
        )
        story.extend(styles.text(line) for line in decision.lines)
        story.append(signature_block(decision.signatures, styles, zone, "Not signed."))
        story.append(Spacer(1, 3 * mm))
    story.append(styles.text("Actions so far", styles.heading))
    story.append(_actions(report.actions, styles, zone))
    return build_pdf(
        story,
        title=f"Status report {report.reference} — {report.title}",
        header=f"Status report {report.reference} — {report.title}",
        printed_by=printed_by,
        printed_at=printed_at,
        zone=zone,
    )


def _clocks(clocks: Sequence[PrintedClock], styles: DocumentStyles, zone: tzinfo) -> Flowable:
    if not clocks:
        return styles.text("No reporting clock runs for this incident.")
    rows = [["Jurisdiction and duty", "State", "Due (regulator's time)", "Due (your time)"]]
    for clock in clocks:
        regulator = local_time(clock.due_at, ZoneInfo(clock.time_zone)) if clock.due_at else "—"
        yours = local_time(clock.due_at, zone) if clock.due_at else "—"
        rows.append(
            [
                f"{clock.jurisdiction}: {clock.title}\n{clock.citation}",
                clock.state,
                regulator,
                yours,
            ]
        )
    widths = [70 * mm, 36 * mm, 34 * mm, CONTENT_WIDTH - 140 * mm]
    return table(rows, widths, styles, header=True)


def _actions(actions: Sequence[PrintedAction], styles: DocumentStyles, zone: tzinfo) -> Flowable:
    if not actions:
        return styles.text("No action recorded yet.")
    rows = [["When", "Who", "Action", "Comment and signature"]]
    for action in actions:
        note = action.comment
        if action.signature is not None:
            s = action.signature
            mark = "" if s.valid else " (DOES NOT MATCH THE RECORD)"
            when = f"{s.signed_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
            signed = f"Signed by {s.name}, {when}: {s.meaning}{mark}"
            note = f"{note}\n{signed}" if note else signed
        rows.append([local_time(action.at, zone), action.actor, action.title, note])
    widths = [36 * mm, 24 * mm, 44 * mm, CONTENT_WIDTH - 104 * mm]
    return table(rows, widths, styles, header=True)

"""The disciplines of the 8D report, D1 to D8, as ReportLab flowables.

Each section prints the analysis's own words exactly (markup characters escaped, line breaks
kept, one paragraph per line so long texts split across pages) in the embedded font.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from qa_desktop.analysis.closure import root_causes
from qa_desktop.domain.cause_graph import CauseLayer, CauseNode, LayerVerdict, id_sort_key
from qa_desktop.reporting.cause_graph_drawing import (
    LAYER_COLOURS,
    MAX_DRAWN_CAUSES,
    cause_graph_drawing,
)
from qa_desktop.reporting.eight_d_content import (
    EightDWording,
    PrintedAnalysis,
    PrintedEvidenceFile,
)
from qa_desktop.reporting.fonts import paragraph_markup
from qa_desktop.reporting.incident_record import human_size, zone_name

_CONTENT_WIDTH = A4[0] - 36 * mm
_GRID = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c8c8c8")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
)


_ROW = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, colors.HexColor("#c8c8c8")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
)


class SectionStyles:
    """Paragraph styles, all in the embedded font (bullets too: they default to Helvetica)."""

    def __init__(self, font: str) -> None:
        self.font = font
        base = ParagraphStyle("EightD", fontName=font, bulletFontName=font, wordWrap="CJK")
        self.title = ParagraphStyle("EightDTitle", parent=base, fontSize=17, leading=22)
        self.subtitle = ParagraphStyle("EightDSub", parent=base, fontSize=12.5, leading=17)
        self.heading = ParagraphStyle(
            "EightDHeading",
            parent=base,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            textColor=colors.HexColor("#1f3a5f"),
            keepWithNext=1,
        )
        self.layer = ParagraphStyle(
            "EightDLayer",
            parent=base,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.body = ParagraphStyle("EightDBody", parent=base, fontSize=9, leading=12.5)
        self.small = ParagraphStyle("EightDSmall", parent=self.body, fontSize=7.5, leading=10)
        self.note = ParagraphStyle("EightDNote", parent=self.small, leftIndent=40 * mm)
        self.label = ParagraphStyle(
            "EightDLabel", parent=self.body, textColor=colors.HexColor("#404040")
        )

    def text(self, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph printing *value* exactly as typed (markup characters escaped)."""
        return Paragraph(paragraph_markup(value), style or self.body)

    def table(self, rows: list[list[Any]], widths: Sequence[float]) -> Table:
        """A grid with a header row, repeated on every page it spans."""
        table = Table(rows, colWidths=list(widths), repeatRows=1)
        # Cells default to Helvetica even when they hold paragraphs; it would be unembedded.
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font)]))
        table.setStyle(_GRID)
        return table


class EightDStory:
    """The flowables of one report, discipline by discipline."""

    def __init__(
        self, analysis: PrintedAnalysis, words: EightDWording, styles: SectionStyles, zone: tzinfo
    ) -> None:
        self.a, self.words, self.s, self.zone = analysis, words, styles, zone
        self.graph = analysis.graph
        self.out: list[Flowable] = []

    def build(self) -> list[Flowable]:
        a, s, w = self.a, self.s, self.words
        self.out += [
            s.text(w.document_title.format(reference=a.reference), s.title),
            s.text(a.incident.title, s.subtitle),
            s.text(w.version_line.format(version=a.version, status=a.status), s.label),
        ]
        for number, part in enumerate(
            (
                self.team,
                self.problem,
                self.containment,
                self.causes,
                self.countermeasures,
                self.recurrence,
                self.closure,
            )
        ):
            self.out.append(CondPageBreak(30 * mm))
            self.out.append(s.text(w.headings[number], s.heading))
            part()
        return self.out

    def team(self) -> None:
        if not self.a.team:
            self.out.append(self.s.text(self.words.nobody))
            return
        rows = [[self._p("Name", label=True), self._p("Part", label=True)]]
        rows += [[self._p(m.name), self._p(m.part)] for m in self.a.team]
        self.out.append(self.s.table(rows, [60 * mm, _CONTENT_WIDTH - 60 * mm]))

    def problem(self) -> None:
        d = self.a.incident
        facts = [
            ("Product", d.product_name),
            ("Model", d.model),
            ("Business unit", d.business_unit),
            ("Occurred", _day(d.occurred_at)),
            ("Company first knew", _day(d.first_known_at)),
            ("Source", d.source.value),
            ("Country", d.country),
            ("Units in the field", f"{d.units_in_field:,}"),
            ("Severity", d.severity.value),
        ]
        rows = [[self._p("Fact", label=True), self._p("Value", label=True)]]
        rows += [
            [self._p(name, label=True), self._p(value or self.words.empty)] for name, value in facts
        ]
        self.out.append(self.s.table(rows, [45 * mm, _CONTENT_WIDTH - 45 * mm]))
        self.out.append(Spacer(1, 2 * mm))
        # One paragraph per line, so a long description splits across pages.
        self.out += [self.s.text(line or "\u00a0") for line in d.description.split("\n")]

    def containment(self) -> None:
        if not self.a.containment:
            self.out.append(self.s.text(self.words.no_containment))
        for action in self.a.containment:
            self.out.append(
                self.s.text(f"{local_time(action.at, self.zone)}, {action.actor}: {action.text}")
            )

    def causes(self) -> None:
        roots = set(root_causes(self.graph))
        files: dict[str, list[PrintedEvidenceFile]] = {}
        for item in self.a.evidence_files:
            files.setdefault(item.cause_id, []).append(item)
        for layer in CauseLayer:
            name = self.words.layer_names.get(layer.value, layer.value)
            heading = f'<font color="{LAYER_COLOURS[layer]}">■</font> ' + paragraph_markup(name)
            self.out.append(Paragraph(heading, self.s.layer))
            review = self.graph.reviews.get(layer)
            if review is not None and review.verdict is LayerVerdict.NOT_APPLICABLE:
                self.out.append(self.s.text(self.words.not_applicable.format(reason=review.reason)))
            causes = sorted(
                (c for c in self.graph.causes.values() if c.layer is layer),
                key=lambda c: id_sort_key(c.id),
            )
            if not causes:
                self.out.append(self.s.text(self.words.no_causes))
                continue
            for cause in causes:
                self._cause(cause, cause.id in roots, files.get(cause.id, []))
        if self.graph.gates:
            self.out.append(self.s.text(self.words.gates, self.s.layer))
        for gate in sorted(self.graph.gates.values(), key=lambda g: id_sort_key(g.id)):
            members = ", ".join(sorted(gate.causes, key=id_sort_key))
            self.out.append(
                self.s.text(
                    f"Gate {gate.id}: {gate.kind.value.upper()} of {members} → {gate.effect}"
                )
            )
        if len(self.graph.causes) > MAX_DRAWN_CAUSES:
            self.out.append(
                self.s.text(self.words.too_large_to_draw.format(count=len(self.graph.causes)))
            )
        elif self.graph.causes:
            self.out.append(Spacer(1, 3 * mm))
            drawing = cause_graph_drawing(self.graph, self.s.font, _CONTENT_WIDTH, 110 * mm)
            self.out.append(KeepTogether([drawing]))

    def _cause(self, cause: CauseNode, root: bool, files: list[PrintedEvidenceFile]) -> None:
        """One cause: a row with id, status and title, then its description and evidence.

        The description follows the row rather than sitting in it: a table row cannot
        split across pages, and a description may run to 2,000 characters.
        """
        status = cause.status.symbol + (f" ({self.words.root_mark})" if root else "")
        heading: list[Flowable] = [self.s.text(cause.title)]
        details = [
            f"{label}: {value}"
            for label, value in (
                ("Owner", cause.owner),
                ("Component", cause.component),
                ("Failure mode", cause.failure_mode),
            )
            if value
        ]
        if details:
            heading.append(self.s.text("; ".join(details), self.s.small))
        row = Table(
            [[self._p(cause.id), self._p(status), heading]],
            colWidths=[16 * mm, 24 * mm, _CONTENT_WIDTH - 40 * mm],
        )
        row.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.s.font)]))
        row.setStyle(_ROW)
        self.out.append(row)
        if cause.description:
            self.out += [
                self.s.text(line or "\u00a0", self.s.note) for line in cause.description.split("\n")
            ]
        for evidence in cause.evidence:
            checksum = f", sha256 {evidence.checksum}" if evidence.checksum else ""
            self.out.append(
                self.s.text(
                    f"Evidence: {evidence.label} ({evidence.kind.value}, {evidence.added_by}"
                    f"{checksum})",
                    self.s.note,
                )
            )
        for item in files:
            self.out.append(
                self.s.text(
                    f"File: {item.file_name}, {human_size(item.size)}, {item.added_by}, "
                    f"{local_time(item.added_at, self.zone)}, sha256 {item.sha256}",
                    self.s.note,
                )
            )

    def countermeasures(self) -> None:
        measures = sorted(self.graph.countermeasures.values(), key=lambda m: id_sort_key(m.id))
        if not measures:
            self.out.append(self.s.text(self.words.no_measures))
            return
        rows = [[self._p(h, label=True) for h in ("Id", "Countermeasure", "Effectiveness check")]]
        for m in measures:
            removes = ", ".join(sorted(m.removes, key=id_sort_key)) or self.words.empty
            due = m.due_on.isoformat() if m.due_on else self.words.empty
            what = [self.s.text(m.title)]
            what.append(
                self.s.text(
                    f"Removes {removes}; step: {m.step.value}; "
                    f"owner: {m.owner or self.words.empty}; due: {due}",
                    self.s.small,
                )
            )
            what += (
                [self.s.text(line or "\u00a0", self.s.small) for line in m.description.split("\n")]
                if m.description
                else []
            )
            check = [
                self.s.text(m.check.criterion or self.words.empty, self.s.small),
                self.s.text(
                    f"{m.check.result.value}"
                    f"{', ' + m.check.check_on.isoformat() if m.check.check_on else ''}",
                    self.s.small,
                ),
            ]
            rows.append([self._p(m.id), what, check])
        self.out.append(self.s.table(rows, [16 * mm, 90 * mm, _CONTENT_WIDTH - 106 * mm]))

    def recurrence(self) -> None:
        candidates = sorted(self.graph.yokoten.values(), key=lambda y: id_sort_key(y.id))
        if not candidates:
            self.out.append(self.s.text(self.words.no_yokoten))
            return
        rows = [[self._p(h, label=True) for h in ("Id", "Target", "Shares", "Decision")]]
        for y in candidates:
            shares = ", ".join(p for p in (y.shared_cause, y.shared_component) if p)
            decision = [self.s.text(y.decision.value)]
            if y.reason:
                decision.append(self.s.text(y.reason, self.s.small))
            rows.append(
                [self._p(y.id), self._p(y.target), self._p(shares or self.words.empty), decision]
            )
        widths = [16 * mm, 60 * mm, 40 * mm, _CONTENT_WIDTH - 116 * mm]
        self.out.append(self.s.table(rows, widths))

    def closure(self) -> None:
        signature = self.a.signature
        if signature is None:
            if not self.a.gaps:
                self.out.append(self.s.text(self.words.ready_to_sign))
                return
            self.out.append(self.s.text(self.words.not_signed))
            self.out += [self.s.text(f"• {gap}") for gap in self.a.gaps]
            return
        line = self.words.signed.format(
            name=signature.signer_name,
            username=signature.signer,
            time=local_time(signature.signed_at, self.zone),
            meaning=signature.meaning,
        )
        block = [self.s.text(line)]
        if not signature.valid:
            block.append(self.s.text(self.words.signature_broken.format(problem=signature.problem)))
        table = Table([[block]], colWidths=[_CONTENT_WIDTH])
        table.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#1f3a5f")),
                    ("FONTNAME", (0, 0), (-1, -1), self.s.font),
                ]
            )
        )
        self.out.append(table)

    def _p(self, text: str, *, label: bool = False) -> Paragraph:
        return self.s.text(text, self.s.label if label else self.s.body)


def _day(moment: datetime | None) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d}" if moment else ""


def local_time(moment: datetime, zone: tzinfo) -> str:
    """*moment* in *zone*, with the zone named: ``2026-11-26 18:30 (JST, UTC+09:00)``."""
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} ({zone_name(local)})"

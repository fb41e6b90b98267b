"""The printed incident record: an A4 PDF of everything stored about one incident.

Every field with its label, the harm facts, each date in UTC and in the reader's local time,
the attachments with their SHA-256, the history, page numbers and who printed it when. Text
prints exactly as typed (Japanese, markup characters, long descriptions across pages); the
bundled Japanese font is embedded so the PDF reads the same on any computer.

The words around the values come from :class:`RecordWording` (English by default), so the
desktop can print the record in the user's language.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from qa_desktop.domain.countries import COUNTRIES, MARKET_REGIONS
from qa_desktop.domain.incident import IncidentDraft, flatten
from qa_desktop.reporting.fonts import paragraph_markup, printable_text, register_japanese_font
from qa_desktop.reporting.page_canvas import PagedCanvas

#: English labels of the incident's fields, keyed like ``INCIDENT_FIELDS``.
ENGLISH_FIELD_LABELS: dict[str, str] = {
    "reference": "Reference",
    "title": "Title",
    "description": "Description",
    "product_name": "Product name",
    "model": "Model",
    "serial_ranges": "Serial number ranges",
    "units_in_field": "Units in the field",
    "source": "Source",
    "country": "Country",
    "markets": "Markets",
    "deaths": "Deaths",
    "injuries": "Injuries",
    "max_treatment_days": "Longest treatment (days)",
    "permanent_disability": "Permanent disability",
    "co_poisoning": "CO poisoning",
    "fire": "Fire",
    "fire_service_confirmed": "Fire confirmed by the fire service",
    "property_damage": "Property damage",
    "occurred_at": "Occurred at",
    "first_known_at": "Company first knew at",
    "qa_aware_at": "QA aware at",
    "status": "Status",
    "severity": "Severity",
    "business_unit": "Business unit",
    "qa_owner": "QA owner",
}

_FACT_FIELDS = (
    "reference",
    "title",
    "product_name",
    "model",
    "units_in_field",
    "source",
    "country",
    "markets",
    "status",
    "severity",
    "business_unit",
    "qa_owner",
)
_HARM_FIELDS = (
    "deaths",
    "injuries",
    "max_treatment_days",
    "permanent_disability",
    "co_poisoning",
    "fire",
    "fire_service_confirmed",
    "property_damage",
)
_DATE_FIELDS = ("occurred_at", "first_known_at", "qa_aware_at")
_LONG_TEXT_FIELDS = ("description", "serial_ranges")


@dataclass(frozen=True, slots=True)
class PrintedAttachment:
    """One attachment as the record lists it."""

    file_name: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class PrintedIncident:
    """What the record prints: the stored incident, its attachments and its history."""

    reference: str
    draft: IncidentDraft
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    attachments: tuple[PrintedAttachment, ...] = ()
    #: The history in plain language, one line per change, newest first.
    history: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordWording:
    """The words printed around the values; placeholders in braces are filled in."""

    document_title: str = "Incident record {reference}"
    version_line: str = (
        "Version {version}. Logged {created} by {created_by}; last saved {updated} by {updated_by}."
    )
    facts: str = "Incident facts"
    harm: str = "Harm"
    dates: str = "Dates"
    utc_column: str = "UTC"
    local_column: str = "Local time ({zone})"
    attachments: str = "Attachments"
    no_attachments: str = "No attachments."
    attachment_columns: tuple[str, str, str, str, str] = (
        "File",
        "Size",
        "SHA-256",
        "Added by",
        "Added at",
    )
    history: str = "History"
    no_history: str = "No history."
    printed: str = "Printed by {name} at {time}"
    page: str = "Page {page} of {pages}"
    yes: str = "Yes"
    no: str = "No"
    not_known: str = "Not known"
    empty: str = "—"
    #: Field labels keyed like ``INCIDENT_FIELDS``; missing ones fall back to English.
    field_labels: Mapping[str, str] = field(default_factory=lambda: dict(ENGLISH_FIELD_LABELS))
    #: Words for stored codes (``call_centre``); a code without one prints readably as is.
    choice_labels: Mapping[str, str] = field(default_factory=dict)
    #: The document's language for PDF readers and screen readers (BCP 47).
    language: str = "en"

    def label(self, name: str) -> str:
        """The printed label of field *name*."""
        return self.field_labels.get(name) or ENGLISH_FIELD_LABELS.get(name, name)

    def choice(self, code: str) -> str:
        """The printed word for the stored code *code*."""
        return self.choice_labels.get(code) or code.replace("_", " ").capitalize()


def incident_record_pdf(
    incident: PrintedIncident,
    *,
    printed_by: str,
    printed_at: datetime,
    local_zone: tzinfo,
    wording: RecordWording | None = None,
) -> bytes:
    """The incident record as the bytes of an A4 PDF."""
    words = wording or RecordWording()
    font = register_japanese_font()
    styles = _Styles(font)
    title = words.document_title.format(reference=incident.reference)
    footer = words.printed.format(name=printed_by, time=_local_time(printed_at, local_zone))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=printable_text(f"{title} — {incident.draft.title}"),
        author=printable_text(printed_by),
        subject=title,
        creator="QA Desktop",
        lang=words.language,
        # The canvas starts in this font; the default (Helvetica) would be named, unembedded.
        initialFontName=font,
        initialFontSize=9,
    )
    maker = partial(
        PagedCanvas,
        font=font,
        header=printable_text(f"{incident.reference} — {incident.draft.title}"),
        footer=printable_text(footer),
        page_wording=words.page,
    )
    document.build(_story(incident, words, styles, local_zone), canvasmaker=maker)
    return buffer.getvalue()


class _Styles:
    """The paragraph styles of the record, all in the embedded font."""

    def __init__(self, font: str) -> None:
        self.font = font
        # Bullets default to Helvetica, which would be named in the PDF without being embedded.
        self.title = ParagraphStyle(
            "RecordTitle", fontName=font, bulletFontName=font, fontSize=17, leading=22
        )
        self.subtitle = ParagraphStyle(
            "RecordSubtitle",
            parent=self.title,
            fontSize=13,
            leading=18,
            spaceBefore=2,
            spaceAfter=4,
            wordWrap="CJK",
        )
        self.heading = ParagraphStyle(
            "RecordHeading",
            parent=self.title,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            textColor=colors.HexColor("#1f3a5f"),
        )
        self.body = ParagraphStyle(
            "RecordBody",
            fontName=font,
            bulletFontName=font,
            fontSize=9.5,
            leading=13.5,
            wordWrap="CJK",
        )
        self.label = ParagraphStyle(
            "RecordLabel",
            parent=self.body,
            textColor=colors.HexColor("#404040"),
        )
        self.small = ParagraphStyle("RecordSmall", parent=self.body, fontSize=8, leading=11)
        self.meta = ParagraphStyle(
            "RecordMeta",
            parent=self.body,
            textColor=colors.HexColor("#404040"),
            spaceAfter=2,
        )

    def text(self, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph that prints *value* exactly as typed."""
        return Paragraph(paragraph_markup(value), style or self.body)


def _story(
    incident: PrintedIncident, words: RecordWording, styles: _Styles, zone: tzinfo
) -> list[Flowable]:
    values = flatten(incident.draft) | {"reference": incident.reference}
    story: list[Flowable] = [
        styles.text(words.document_title.format(reference=incident.reference), styles.title),
        styles.text(incident.draft.title, styles.subtitle),
        styles.text(
            words.version_line.format(
                version=incident.version,
                created=_local_time(incident.created_at, zone),
                created_by=incident.created_by,
                updated=_local_time(incident.updated_at, zone),
                updated_by=incident.updated_by,
            ),
            styles.meta,
        ),
        styles.text(words.facts, styles.heading),
        _field_table([(f, _value_text(f, values[f], words)) for f in _FACT_FIELDS], words, styles),
    ]
    for name in _LONG_TEXT_FIELDS:
        story.append(styles.text(words.label(name), styles.heading))
        # One paragraph per line, so a 20,000-character description splits across pages.
        text = values[name] or words.empty
        story.extend(styles.text(line or "\u00a0") for line in text.split("\n"))
    story += [
        styles.text(words.harm, styles.heading),
        _field_table([(f, _value_text(f, values[f], words)) for f in _HARM_FIELDS], words, styles),
        styles.text(words.dates, styles.heading),
        _date_table(values, words, styles, zone),
        styles.text(words.attachments, styles.heading),
        _attachment_table(incident.attachments, words, styles, zone),
        styles.text(words.history, styles.heading),
    ]
    story.extend(styles.text(line) for line in incident.history or (words.no_history,))
    story.append(Spacer(1, 4 * mm))
    return story


_GRID = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c8c8c8")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
)
_HEADER_ROW = TableStyle(
    [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#8094ab")),
    ]
)
_CONTENT_WIDTH = A4[0] - 36 * mm


def _style(table: Table, styles: _Styles, *, header: bool = False) -> None:
    # Cells default to Helvetica even when they hold paragraphs; it would be named unembedded.
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font)]))
    table.setStyle(_GRID)
    if header:
        table.setStyle(_HEADER_ROW)


def _field_table(rows: Sequence[tuple[str, str]], words: RecordWording, styles: _Styles) -> Table:
    data = [
        [styles.text(words.label(name), styles.label), styles.text(text)] for name, text in rows
    ]
    table = Table(data, colWidths=[52 * mm, _CONTENT_WIDTH - 52 * mm])
    _style(table, styles)
    return table


def _date_table(
    values: Mapping[str, Any], words: RecordWording, styles: _Styles, zone: tzinfo
) -> Table:
    sample = datetime.now(zone)
    header = [
        styles.text("", styles.label),
        styles.text(words.utc_column, styles.label),
        styles.text(words.local_column.format(zone=zone_name(sample)), styles.label),
    ]
    data = [header]
    for name in _DATE_FIELDS:
        moment: datetime | None = values[name]
        utc = f"{moment.astimezone(UTC):%Y-%m-%d %H:%M}" if moment else words.not_known
        local = _local_time(moment, zone) if moment else words.not_known
        data.append(
            [styles.text(words.label(name), styles.label), styles.text(utc), styles.text(local)]
        )
    width = (_CONTENT_WIDTH - 52 * mm) / 2
    table = Table(data, colWidths=[52 * mm, width, width], repeatRows=1)
    _style(table, styles, header=True)
    return table


def _attachment_table(
    attachments: Sequence[PrintedAttachment], words: RecordWording, styles: _Styles, zone: tzinfo
) -> Flowable:
    if not attachments:
        return styles.text(words.no_attachments)
    file, size, checksum, added_by, added_at = words.attachment_columns
    data = [[styles.text(c, styles.label) for c in (file, size, added_by, added_at)]]
    spans = []
    for item in attachments:
        data.append(
            [
                styles.text(item.file_name),
                styles.text(human_size(item.size)),
                styles.text(item.added_by),
                styles.text(_local_time(item.added_at, zone)),
            ]
        )
        # The full checksum on a line of its own, so a reader can check a copy against paper.
        data.append([styles.text(f"{checksum} {item.sha256}", styles.small), "", "", ""])
        spans.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
    widths = [70 * mm, 22 * mm, 35 * mm]
    widths.append(_CONTENT_WIDTH - sum(widths))
    table = Table(data, colWidths=widths, repeatRows=1)
    _style(table, styles, header=True)
    table.setStyle(TableStyle(spans))
    return table


def _value_text(name: str, value: Any, words: RecordWording) -> str:
    if isinstance(value, bool):
        return words.yes if value else words.no
    if isinstance(value, int):
        return f"{value:,}"
    if name == "country":
        country = COUNTRIES.get(value)
        return f"{value} ({country})" if country else value or words.empty
    if name == "markets":
        names = {**COUNTRIES, **MARKET_REGIONS}
        shown = [f"{code} ({names[code]})" if code in names else code for code in value]
        return ", ".join(shown) or words.empty
    if name in ("source", "status", "severity"):
        return words.choice(str(value))
    return str(value) or words.empty


def human_size(size: int) -> str:
    """*size* bytes in the unit a reader takes in at a glance (``12.3 KB``)."""
    amount = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            return f"{size:,} bytes" if unit == "bytes" else f"{amount:.1f} {unit}"
        amount /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def zone_name(moment: datetime) -> str:
    """The time zone of the aware *moment* as readers know it: ``JST, UTC+09:00``."""
    offset = moment.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    utc_offset = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    name = moment.tzname() or ""
    # Abbreviations such as "JST" help; numeric ones ("+09") would only repeat the offset.
    return f"{name}, {utc_offset}" if name.isalpha() and name != "UTC" else utc_offset


def _local_time(moment: datetime, zone: tzinfo) -> str:
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} ({zone_name(local)})"

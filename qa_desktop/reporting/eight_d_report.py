"""An OCHIBO-HIROI analysis printed as an 8D report (A4 PDF), as customers and auditors ask.

The disciplines are filled from the analysis: D1 the people involved, D2 the incident's
facts, D3 the containment actions recorded in the response flow, D4 the causes layer by
layer with their status, evidence and a drawing of the cause graph, D5/D6 the
countermeasures with their effectiveness checks, D7 recurrence prevention (the yokoten
decisions and the layer reviews) and D8 closure with the QA executive's signature, or the
list of what is still missing. Text prints exactly as typed, in the embedded Japanese font.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, tzinfo
from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from qa_desktop.reporting.eight_d_content import (
    ContainmentAction,
    EightDWording,
    PrintedAnalysis,
    PrintedEvidenceFile,
    PrintedSignature,
    TeamMember,
)
from qa_desktop.reporting.eight_d_sections import EightDStory, SectionStyles, local_time
from qa_desktop.reporting.fonts import printable_text, register_japanese_font
from qa_desktop.reporting.page_canvas import PagedCanvas

__all__ = [
    "ContainmentAction",
    "EightDWording",
    "PrintedAnalysis",
    "PrintedEvidenceFile",
    "PrintedSignature",
    "TeamMember",
    "eight_d_report_pdf",
]


def eight_d_report_pdf(
    analysis: PrintedAnalysis,
    *,
    printed_by: str,
    printed_at: datetime,
    local_zone: tzinfo = UTC,
    wording: EightDWording | None = None,
) -> bytes:
    """The analysis as the bytes of an A4 8D report."""
    words = wording or EightDWording()
    font = register_japanese_font()
    title = words.document_title.format(reference=analysis.reference)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=printable_text(f"{title} — {analysis.incident.title}"),
        author=printable_text(printed_by),
        creator="QA Desktop",
        # The canvas starts in this font; the default (Helvetica) would be named, unembedded.
        initialFontName=font,
        initialFontSize=9,
    )
    footer = words.printed.format(name=printed_by, time=local_time(printed_at, local_zone))
    maker = partial(
        PagedCanvas,
        font=font,
        header=printable_text(f"{title} — {analysis.incident.title}"),
        footer=printable_text(footer),
        page_wording=words.page,
    )
    story = EightDStory(analysis, words, SectionStyles(font), local_zone).build()
    document.build(story, canvasmaker=maker)
    return buffer.getvalue()

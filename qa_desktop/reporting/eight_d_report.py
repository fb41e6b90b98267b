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
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
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
        _PagedCanvas,
        font=font,
        header=printable_text(f"{title} — {analysis.incident.title}"),
        footer=printable_text(footer),
        page_wording=words.page,
    )
    story = EightDStory(analysis, words, SectionStyles(font), local_zone).build()
    document.build(story, canvasmaker=maker)
    return buffer.getvalue()


class _PagedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type hints
    """Draws the running header and "Page n of m" once the page count is known."""

    def __init__(
        self, *args: Any, font: str, header: str, footer: str, page_wording: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._font, self._header, self._footer = font, header, footer
        self._page_wording = page_wording
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Keep the page until the total is known."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Decorate every page, then write the document."""
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width, height = self._pagesize
            self.saveState()
            self.setFont(self._font, 8)
            self.setFillColor(colors.HexColor("#505050"))
            room = width - 36 * mm
            self.drawString(18 * mm, height - 12 * mm, _clip(self._header, self._font, room))
            page = self._page_wording.format(page=number, pages=len(self._pages))
            self.drawRightString(width - 18 * mm, 10 * mm, page)
            footer_room = room - stringWidth(page, self._font, 8) - 6 * mm
            self.drawString(18 * mm, 10 * mm, _clip(self._footer, self._font, footer_room))
            self.restoreState()
            super().showPage()
        super().save()


def _clip(text: str, font: str, room: float) -> str:
    """*text* on one line, shortened with an ellipsis to fit *room* points at 8 pt."""
    text = text.replace("\n", " ")
    if stringWidth(text, font, 8) <= room:
        return text
    while text and stringWidth(text + "…", font, 8) > room:
        text = text[: len(text) - max(1, len(text) // 8)]
    return text + "…"

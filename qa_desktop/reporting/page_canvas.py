"""The running header and "Page n of m" footer every printed document shares."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

#: Size of the running header and footer text, in points.
RUNNING_SIZE = 8


def clip_line(text: str, font: str, room: float, size: float = RUNNING_SIZE) -> str:
    """*text* on one line, shortened with an ellipsis to fit *room* points."""
    text = text.replace("\n", " ")
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[: max(0, len(text) - max(1, len(text) // 8))]
    return text + "…"


class PagedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type hints
    """Holds each page back until the total is known, then draws header and footer.

    Built through ``functools.partial(PagedCanvas, font=…, header=…, footer=…,
    page_wording="Page {page} of {pages}")`` as a ``canvasmaker``.
    """

    def __init__(
        self,
        *args: Any,
        font: str,
        header: str,
        footer: str,
        page_wording: str = "Page {page} of {pages}",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._font = font
        self._header = header
        self._footer = footer
        self._page_wording = page_wording
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Keep the page until the total is known (the footer says "of m")."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Draw every page's header and footer, then write the document."""
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = self._pagesize
        left, right = 18 * mm, width - 18 * mm
        self.saveState()
        self.setFillColor(colors.HexColor("#505050"))
        self.setFont(self._font, RUNNING_SIZE)
        self.drawString(left, height - 12 * mm, clip_line(self._header, self._font, right - left))
        self.setStrokeColor(colors.HexColor("#c8c8c8"))
        self.setLineWidth(0.4)
        self.line(left, height - 13.5 * mm, right, height - 13.5 * mm)
        self.line(left, 14 * mm, right, 14 * mm)
        page = self._page_wording.format(page=number, pages=total)
        self.drawRightString(right, 10 * mm, page)
        room = right - left - stringWidth(page, self._font, RUNNING_SIZE) - 6 * mm
        self.drawString(left, 10 * mm, clip_line(self._footer, self._font, room))
        self.restoreState()

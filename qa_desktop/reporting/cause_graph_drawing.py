"""A cause graph drawn for paper: boxes coloured by layer, links from effect to cause.

Positions come from the analysis (as arranged on screen) or, for nodes never placed, from
:func:`qa_desktop.analysis.layout.layered_layout`; the drawing is scaled to the space given.
Every string is in the embedded Japanese font; titles are shortened to fit their box.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isString
from reportlab.pdfbase.pdfmetrics import stringWidth

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.analysis.layout import layered_layout
from qa_desktop.domain.cause_graph import ROOT_ID, CauseLayer, CauseStatus
from qa_desktop.reporting.fonts import printable_text

#: The colour of each layer, on paper as in the editor's legend.
LAYER_COLOURS: dict[CauseLayer, str] = {
    CauseLayer.TECHNICAL: "#2f6db5",
    CauseLayer.PROCESS: "#2e8b57",
    CauseLayer.FRAMEWORK: "#d9822b",
    CauseLayer.MOTIVATION: "#8e5bb5",
}
#: Most causes drawn; a larger graph is listed only (its boxes would be unreadable).
MAX_DRAWN_CAUSES = 60

_BOX_WIDTH = 200.0
_BOX_HEIGHT = 58.0
_MARGIN = 12.0


class _GraphDrawing(Drawing):  # type: ignore[misc]  # ReportLab ships no type hints
    """A drawing whose graphics state starts in the embedded font.

    ReportLab starts every drawing in Helvetica, which the PDF would then name without
    embedding it; ``initialFontName`` is read by its renderers instead of that default.
    """

    _attrMap = AttrMap(BASE=Drawing, initialFontName=AttrMapValue(isString))  # noqa: N815


def cause_graph_drawing(graph: CauseGraph, font: str, width: float, max_height: float) -> Drawing:
    """*graph* drawn to fit *width* by at most *max_height* points."""
    positions = layered_layout(graph)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    span_x = max(xs) - min(xs) + _BOX_WIDTH + 2 * _MARGIN
    span_y = max(ys) - min(ys) + _BOX_HEIGHT + 2 * _MARGIN
    scale = min(width / span_x, max_height / span_y, 1.0)
    drawing = _GraphDrawing(width, span_y * scale)
    drawing.initialFontName = font

    def place(node_id: str) -> tuple[float, float]:
        # Scene y grows downwards; PDF y grows upwards.
        x, y = positions[node_id]
        return (
            (x - min(xs) + _BOX_WIDTH / 2 + _MARGIN) * scale,
            (max(ys) - y + _BOX_HEIGHT / 2 + _MARGIN) * scale,
        )

    for link in sorted(graph.links, key=lambda k: (k.effect, k.cause)):
        _arrow(drawing, place(link.effect), place(link.cause), scale)
    for node_id in positions:
        _box(drawing, graph, node_id, place(node_id), scale, font)
    return drawing


def _arrow(
    drawing: Drawing, effect: tuple[float, float], cause: tuple[float, float], scale: float
) -> None:
    start = (effect[0] + _BOX_WIDTH / 2 * scale, effect[1])
    end = (cause[0] - _BOX_WIDTH / 2 * scale, cause[1])
    grey = colors.HexColor("#707070")
    drawing.add(Line(*start, *end, strokeColor=grey, strokeWidth=0.8))
    head = 5 * scale + 1.5
    drawing.add(
        Polygon(
            [end[0], end[1], end[0] - head, end[1] + head / 2, end[0] - head, end[1] - head / 2],
            fillColor=grey,
            strokeColor=grey,
            strokeWidth=0.1,
        )
    )


def _box(
    drawing: Drawing,
    graph: CauseGraph,
    node_id: str,
    centre: tuple[float, float],
    scale: float,
    font: str,
) -> None:
    width, height = _BOX_WIDTH * scale, _BOX_HEIGHT * scale
    left, bottom = centre[0] - width / 2, centre[1] - height / 2
    if node_id == ROOT_ID:
        colour, heading, title = "#303030", graph.incident.reference, graph.incident.title
        dashed = False
    else:
        cause = graph.causes[node_id]
        colour = LAYER_COLOURS[cause.layer]
        heading = f"{node_id}  [{cause.status.symbol}]"
        title = cause.title
        dashed = cause.status in (CauseStatus.UNKNOWN, CauseStatus.HYPOTHESIS)
    drawing.add(
        Rect(
            left,
            bottom,
            width,
            height,
            rx=4 * scale,
            ry=4 * scale,
            fillColor=colors.HexColor("#ffffff"),
            strokeColor=colors.HexColor(colour),
            strokeWidth=1.4,
            strokeDashArray=[3, 2] if dashed else None,
        )
    )
    size = max(3.0, 11 * scale)
    room = width - 8 * scale
    drawing.add(
        String(
            left + 4 * scale,
            bottom + height - size - 3 * scale,
            _fit(heading, font, size, room),
            fontName=font,
            fontSize=size,
            fillColor=colors.HexColor(colour),
        )
    )
    lines = _wrap(printable_text(title), font, size, room, 2)
    for number, line in enumerate(lines, start=2):
        drawing.add(
            String(
                left + 4 * scale,
                bottom + height - number * (size + 3 * scale),
                line,
                fontName=font,
                fontSize=size,
                fillColor=colors.HexColor("#202020"),
            )
        )


def _fit(text: str, font: str, size: float, room: float) -> str:
    text = printable_text(text).replace("\n", " ")
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[: len(text) - max(1, len(text) // 8)]
    return text + "…"


def _wrap(text: str, font: str, size: float, room: float, most: int) -> list[str]:
    """*text* broken into at most *most* lines that fit *room*; the last ends in "…" if cut."""
    text = text.replace("\n", " ")
    lines: list[str] = []
    while text and len(lines) < most:
        low, high = 1, len(text)  # the longest prefix that fits, found by halving
        while low < high:
            middle = (low + high + 1) // 2
            if stringWidth(text[:middle], font, size) <= room:
                low = middle
            else:
                high = middle - 1
        cut = low
        lines.append(text[:cut])
        text = text[cut:]
    if text and lines:
        lines[-1] = _fit(lines[-1] + text, font, size, room)
    return lines

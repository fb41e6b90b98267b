"""How the cause graph looks: sizes, colours and fonts, and plain-text helpers.

Sizes fit the automatic layout's grid (columns 280 apart, rows 100 apart). Colours come
from the palette in use, so the drawing follows a light or dark desktop; text helpers wrap
titles once (not on every paint) and show user text exactly as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QTextLayout,
    QTextOption,
)

from qa_desktop.domain.cause_graph import (
    CauseLayer,
)
from qa_desktop.ui.cause_graph.wording import is_dark, layer_colour

#: Size of a node box (centred on its position); fits the layout's 280 x 100 grid.
NODE_WIDTH = 208.0
NODE_HEIGHT = 76.0
#: Radius of the link handle on a node's right edge: drag from it to a cause.
HANDLE_RADIUS = 7.0
GATE_WIDTH = 40.0
GATE_HEIGHT = 24.0
#: Below this zoom a node is a coloured box: text would be unreadable anyway.
TEXT_LEVEL_OF_DETAIL = 0.4
#: Between this zoom and the one above, a node shows its id in large type.
ID_LEVEL_OF_DETAIL = 0.12
PADDING = 8.0
STRIP = 6.0
TITLE_LINES = 3
TOOLTIP_CHARS = 600
Z_LINK, Z_GATE, Z_NODE, Z_EDITOR = -1.0, 0.5, 1.0, 10.0


@dataclass
class SceneStyle:
    """Colours and fonts of the drawing, taken from the palette and font in use."""

    base: QColor
    text: QColor
    muted: QColor
    highlight: QColor
    incident_fill: QColor
    layers: dict[CauseLayer, QColor]
    title_font: QFont
    small_font: QFont
    overview_font: QFont
    dark: bool
    fills: dict[CauseLayer, QColor] = field(default_factory=dict)

    @classmethod
    def from_palette(cls, palette: QPalette, font: QFont) -> SceneStyle:
        """The style for *palette* (light or dark) and the application *font*."""
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        layers = {layer: layer_colour(layer, palette) for layer in CauseLayer}
        title = QFont(font)
        small = QFont(font)
        size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        small.setPointSizeF(max(size * 0.85, 6.0))
        overview = QFont(font)
        overview.setPointSizeF(size * 2.6)
        overview.setBold(True)
        style = cls(
            base=base,
            text=text,
            muted=_mix(text, base, 0.45),
            highlight=palette.color(QPalette.ColorRole.Highlight),
            incident_fill=_mix(palette.color(QPalette.ColorRole.Highlight), base, 0.85),
            layers=layers,
            title_font=title,
            small_font=small,
            overview_font=overview,
            dark=is_dark(palette),
        )
        # A light tint of the layer colour: the layer shows at a glance, text stays readable.
        style.fills = {layer: _mix(colour, base, 0.88) for layer, colour in layers.items()}
        return style


def _mix(colour: QColor, other: QColor, share_of_other: float) -> QColor:
    keep = 1.0 - share_of_other
    return QColor.fromRgbF(
        colour.redF() * keep + other.redF() * share_of_other,
        colour.greenF() * keep + other.greenF() * share_of_other,
        colour.blueF() * keep + other.blueF() * share_of_other,
    )


def wrap_text(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """*text* broken into at most *max_lines* lines of *width*; the last one elided with "…".

    Breaks at word boundaries, or anywhere in text without spaces (Japanese).
    """
    if not text:
        return []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    # Qt counts UTF-16 code units; Python counts code points (emoji differ).
    units = text.encode("utf-16-le")
    lines: list[str] = []
    layout.beginLayout()
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        if len(lines) == max_lines - 1:
            rest = units[2 * start :].decode("utf-16-le")
            metrics = QFontMetricsF(font)
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        piece = units[2 * start : 2 * (start + line.textLength())].decode("utf-16-le")
        lines.append(piece.rstrip())
    layout.endLayout()
    return lines


def plain_tooltip(text: str) -> str:
    """*text* as a tooltip that shows it exactly (a tooltip would read ``<b>`` as markup)."""
    if len(text) > TOOLTIP_CHARS:
        text = text[:TOOLTIP_CHARS] + "…"
    # Qt::convertFromPlainText lives in the QtGui namespace; the stubs do not list it.
    convert: Any = getattr(QtGui.Qt, "convertFromPlainText")  # noqa: B009
    return str(convert(text, Qt.WhiteSpaceMode.WhiteSpacePre))

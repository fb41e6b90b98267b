"""What the cause graph is drawn with: node boxes, "caused by" links and AND/OR gates.

Items paint themselves with the painter (no widgets, shadows or graphics effects), and
wrap their text once when it changes rather than on every paint, so a scene of hundreds of
causes is cheap to build and to draw. Zoomed far out, a node is drawn as a coloured box
only. User text is always drawn or edited as plain text: ``<b>&amp;`` shows as typed.

Geometry: positions are node centres in scene units, as :mod:`qa_desktop.analysis.layout`
gives them. Effects are to the left, causes to the right; a link runs from the right edge
of the effect (or of its gate) to the left edge of the cause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseGate,
    CauseLayer,
    CauseLink,
    CauseNode,
    CauseStatus,
    GateKind,
    IncidentRoot,
)
from qa_desktop.ui.cause_graph.wording import is_dark, label, layer_colour, status_mark

#: Size of a node box (centred on its position); fits the layout's 280 x 100 grid.
NODE_WIDTH = 208.0
NODE_HEIGHT = 76.0
#: Radius of the link handle on a node's right edge: drag from it to a cause.
HANDLE_RADIUS = 7.0
GATE_WIDTH = 40.0
GATE_HEIGHT = 24.0
#: Below this zoom a node is a coloured box: text would be unreadable anyway.
_TEXT_LEVEL_OF_DETAIL = 0.4
_PADDING = 8.0
_STRIP = 6.0
_TITLE_LINES = 3
_TOOLTIP_CHARS = 600
_Z_LINK, _Z_GATE, _Z_NODE, _Z_EDITOR = -1.0, 0.5, 1.0, 10.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("CauseGraph", text)


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
        style = cls(
            base=base,
            text=text,
            muted=_mix(text, base, 0.45),
            highlight=palette.color(QPalette.ColorRole.Highlight),
            incident_fill=_mix(palette.color(QPalette.ColorRole.Highlight), base, 0.85),
            layers=layers,
            title_font=title,
            small_font=small,
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
    if len(text) > _TOOLTIP_CHARS:
        text = text[:_TOOLTIP_CHARS] + "…"
    # Qt::convertFromPlainText lives in the QtGui namespace; the stubs do not list it.
    convert: Any = getattr(QtGui.Qt, "convertFromPlainText")  # noqa: B009
    return str(convert(text, Qt.WhiteSpaceMode.WhiteSpacePre))


class PortItem(Protocol):
    """Something a link can end at: a node or a gate."""

    def left_port(self) -> QPointF:
        """Where links from the effect side arrive."""

    def right_port(self) -> QPointF:
        """Where links to causes leave."""


# ================================================================================ nodes


class NodeItem(QGraphicsItem):
    """The incident or one cause: a box in its layer's colour with id, status and title."""

    def __init__(self, node_id: str, style: SceneStyle) -> None:
        super().__init__()
        self.node_id = node_id
        self._style = style
        self.cause: CauseNode | None = None
        self.incident: IncidentRoot | None = None
        self._heading = ""
        self._mark = ""
        self._lines: list[str] | None = None
        self._tip = ""
        self._hovered = False
        # No geometry-change notifications: the scene moves links itself, which keeps
        # building hundreds of nodes free of Python callbacks.
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable)
        self.setAcceptHoverEvents(True)
        self.setZValue(_Z_NODE)

    # ---------------------------------------------------------------- content
    @property
    def is_incident(self) -> bool:
        """Whether this box is the incident (the effect at the root)."""
        return self.node_id == ROOT_ID

    @property
    def layer(self) -> CauseLayer | None:
        """The cause's layer (``None`` for the incident)."""
        return self.cause.layer if self.cause is not None else None

    @property
    def title(self) -> str:
        """The title as stored."""
        if self.cause is not None:
            return self.cause.title
        return self.incident.title if self.incident is not None else ""

    def show_cause(self, node: CauseNode) -> None:
        """Show *node*'s layer, status and text."""
        self.cause = node
        self._heading = f"{node.id} · {label(node.layer)}"
        self._mark = status_mark(node.status)
        tip = f"{node.id} — {label(node.layer)}, {label(node.status)}\n{node.title}"
        if node.description:
            tip += f"\n\n{node.description}"
        self._show_tip(tip)
        self._wrap()

    def show_incident(self, root: IncidentRoot) -> None:
        """Show the incident's reference and title."""
        self.incident = root
        self._heading = _tr("Incident {reference}").format(reference=root.reference)
        self._mark = ""
        facts = " / ".join(p for p in (root.product, root.model, root.business_unit) if p)
        self._show_tip(f"{root.reference}\n{root.title}\n{facts}".rstrip())
        self._wrap()

    def set_style(self, style: SceneStyle) -> None:
        """Redraw in another palette or font."""
        self.prepareGeometryChange()
        self._style = style
        self._wrap()

    def _show_tip(self, text: str) -> None:
        # Set when the pointer arrives: most nodes of a large graph are never hovered.
        self._tip = text
        if self._hovered:
            self.setToolTip(plain_tooltip(text))

    def _wrap(self) -> None:
        # Wrapped when first drawn with text: zoomed out, or out of view, it never is.
        self._lines = None
        self.update()

    @property
    def lines(self) -> list[str]:
        """The title as drawn: wrapped to the box, at most three lines, the last elided."""
        if self._lines is None:
            width = NODE_WIDTH - _STRIP - 2 * _PADDING
            self._lines = wrap_text(self.title, self._style.title_font, width, _TITLE_LINES)
        return self._lines

    # ---------------------------------------------------------------- geometry
    def boundingRect(self) -> QRectF:
        """The box, the selection frame and the link handle."""
        margin = HANDLE_RADIUS + 2
        return QRectF(
            -NODE_WIDTH / 2 - 4, -NODE_HEIGHT / 2 - 4, NODE_WIDTH + 4 + margin, NODE_HEIGHT + 8
        )

    def shape(self) -> QPainterPath:
        """The box plus the handle: where clicks land on this node."""
        path = QPainterPath()
        path.addRoundedRect(_box(), 6, 6)
        path.addEllipse(self.handle_centre(), HANDLE_RADIUS + 2, HANDLE_RADIUS + 2)
        return path

    @staticmethod
    def handle_centre() -> QPointF:
        """The centre of the link handle, in item coordinates."""
        return QPointF(NODE_WIDTH / 2, 0.0)

    def on_handle(self, item_point: QPointF) -> bool:
        """Whether *item_point* is on the link handle (a drag from there makes a link)."""
        offset = item_point - self.handle_centre()
        reach = HANDLE_RADIUS + 3
        return offset.x() ** 2 + offset.y() ** 2 <= reach * reach

    def left_port(self) -> QPointF:
        """Where links from the effect side arrive (scene coordinates)."""
        return self.pos() + QPointF(-NODE_WIDTH / 2, 0.0)

    def right_port(self) -> QPointF:
        """Where links to causes leave (scene coordinates)."""
        return self.pos() + QPointF(NODE_WIDTH / 2, 0.0)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Show the link handle (and prepare the tooltip) while the pointer is over the node."""
        self._hovered = True
        self.setToolTip(plain_tooltip(self._tip))
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Hide the link handle again."""
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    # ---------------------------------------------------------------- painting
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the box; text only when zoomed in far enough to read it."""
        style = self._style
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        colour, fill = self._colours()
        box = _box()
        if selected:
            painter.setPen(QPen(style.highlight, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(-3, -3, 3, 3), 8, 8)
        painter.setPen(self._border_pen(colour))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 6, 6)
        if detail < _TEXT_LEVEL_OF_DETAIL:
            return
        if not self.is_incident:
            strip = QRectF(box.left(), box.top(), _STRIP, box.height())
            path = QPainterPath()
            path.addRoundedRect(strip.adjusted(0, 0, 6, 0), 6, 6)
            clip = QPainterPath()
            clip.addRect(strip)
            painter.fillPath(path.intersected(clip), colour)
        self._paint_text(painter, box, colour)
        if self._hovered or selected:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(style.base)
            painter.drawEllipse(self.handle_centre(), HANDLE_RADIUS, HANDLE_RADIUS)
            centre = self.handle_centre()
            painter.drawLine(centre + QPointF(-3.5, 0), centre + QPointF(3.5, 0))
            painter.drawLine(centre + QPointF(0, -3.5), centre + QPointF(0, 3.5))

    def _colours(self) -> tuple[QColor, QColor]:
        style = self._style
        if self.cause is None:
            return style.text, style.incident_fill
        if self.cause.status is CauseStatus.RULED_OUT:
            return style.muted, style.base
        return style.layers[self.cause.layer], style.fills[self.cause.layer]

    def _border_pen(self, colour: QColor) -> QPen:
        if self.cause is None:
            return QPen(colour, 2.5)
        status = self.cause.status
        pen = QPen(colour, 2.5 if status is CauseStatus.CONFIRMED else 1.5)
        if status is CauseStatus.HYPOTHESIS or status is CauseStatus.RULED_OUT:
            pen.setStyle(Qt.PenStyle.DashLine)
        elif status is CauseStatus.UNKNOWN:
            pen.setStyle(Qt.PenStyle.DotLine)
        return pen

    def _paint_text(self, painter: QPainter, box: QRectF, colour: QColor) -> None:
        style = self._style
        ruled_out = self.cause is not None and self.cause.status is CauseStatus.RULED_OUT
        left = box.left() + (_PADDING if self.is_incident else _STRIP + _PADDING)
        width = box.right() - _PADDING - left
        small = QFontMetricsF(style.small_font)
        painter.setFont(style.small_font)
        top = box.top() + 4
        mark_width = 0.0
        if self.cause is not None and self.cause.status is CauseStatus.UNKNOWN:
            # "?" as a badge: an uninvestigated cause must stand out.
            radius = small.height() / 2 + 1
            centre = QPointF(box.right() - _PADDING - radius, top + small.height() / 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
            mark_font = QFont(style.small_font)
            mark_font.setBold(True)
            painter.setFont(mark_font)
            painter.setPen(style.base)
            badge = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self._mark)
            mark_width = 2 * radius + 6
            painter.setFont(style.small_font)
        elif self._mark:
            mark_font = QFont(style.small_font)
            mark_font.setBold(True)
            painter.setFont(mark_font)
            mark_width = QFontMetricsF(mark_font).horizontalAdvance(self._mark) + 8
            painter.setPen(style.text if ruled_out else colour)
            mark_box = QRectF(box.right() - _PADDING - mark_width, top, mark_width, small.height())
            painter.drawText(mark_box, Qt.AlignmentFlag.AlignRight, self._mark)
            painter.setFont(style.small_font)
        painter.setPen(style.muted if not self.is_incident else style.text)
        heading = small.elidedText(self._heading, Qt.TextElideMode.ElideRight, width - mark_width)
        painter.drawText(QPointF(left, top + small.ascent()), heading)
        font = QFont(style.title_font)
        font.setStrikeOut(ruled_out)
        font.setBold(self.is_incident)
        painter.setFont(font)
        painter.setPen(style.muted if ruled_out else style.text)
        metrics = QFontMetricsF(font)
        y = top + small.height() + 3 + metrics.ascent()
        for line in self.lines:
            if y - metrics.ascent() + metrics.height() > box.bottom() + 1:
                break
            painter.drawText(QPointF(left, y), line)
            y += metrics.lineSpacing()


def _box() -> QRectF:
    return QRectF(-NODE_WIDTH / 2, -NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT)


# ================================================================================ gates


class GateItem(QGraphicsItem):
    """An AND/OR gate: the gated causes' links meet here, one line goes on to the effect."""

    def __init__(self, gate: CauseGate, style: SceneStyle) -> None:
        super().__init__()
        self.gate = gate
        self._style = style
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(_Z_GATE)
        self._text = label(gate.kind)

    @property
    def gate_id(self) -> str:
        """The gate's id."""
        return self.gate.id

    def show_gate(self, gate: CauseGate) -> None:
        """Show *gate* (its kind may have changed)."""
        self.gate = gate
        self._text = label(gate.kind)
        self.setToolTip(
            plain_tooltip(
                _tr("{kind} gate {id}: {causes}").format(
                    kind=label(gate.kind), id=gate.id, causes=", ".join(sorted(gate.causes))
                )
            )
        )
        self.update()

    def set_style(self, style: SceneStyle) -> None:
        """Redraw in another palette or font."""
        self._style = style
        self.update()

    def boundingRect(self) -> QRectF:
        """The gate symbol and its selection frame."""
        return QRectF(-GATE_WIDTH / 2 - 4, -GATE_HEIGHT / 2 - 4, GATE_WIDTH + 8, GATE_HEIGHT + 8)

    def left_port(self) -> QPointF:
        """Where the line to the effect starts (scene coordinates)."""
        return self.pos() + QPointF(-GATE_WIDTH / 2, 0.0)

    def right_port(self) -> QPointF:
        """Where the gated causes' links arrive (scene coordinates)."""
        return self.pos() + QPointF(GATE_WIDTH / 2, 0.0)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """A logic-gate outline with AND or OR written in it."""
        style = self._style
        rect = QRectF(-GATE_WIDTH / 2, -GATE_HEIGHT / 2, GATE_WIDTH, GATE_HEIGHT)
        path = QPainterPath()
        if self.gate.kind is GateKind.AND:
            # Flat where the causes arrive (right), round towards the effect (left).
            path.moveTo(rect.topRight())
            path.lineTo(rect.center().x(), rect.top())
            path.arcTo(rect.left(), rect.top(), rect.width(), rect.height(), 90, 180)
            path.lineTo(rect.bottomRight())
            path.closeSubpath()
        else:
            path.moveTo(rect.topRight())
            path.quadTo(rect.left() + 4, rect.top(), rect.left(), rect.center().y())
            path.quadTo(rect.left() + 4, rect.bottom(), rect.right(), rect.bottom())
            path.quadTo(rect.right() - 8, rect.center().y(), rect.right(), rect.top())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(style.highlight if selected else style.text, 2.5 if selected else 1.5))
        painter.setBrush(style.base)
        painter.drawPath(path)
        font = QFont(style.small_font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(style.text)
        painter.drawText(rect.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignCenter, self._text)


# ================================================================================ links


class LinkItem(QGraphicsItem):
    """A "caused by" link: a curve from the effect's right edge to the cause's left edge.

    *near* is the effect side (the effect node, or the gate the cause belongs to), *far*
    the cause side. ``link`` is ``None`` for the line from a gate to its effect.
    """

    def __init__(
        self, link: CauseLink | None, near: PortItem, far: PortItem, style: SceneStyle
    ) -> None:
        super().__init__()
        self.link = link
        self.near = near
        self.far = far
        self._style = style
        self._curve = QPainterPath()
        self._arrow = QPolygonF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self.dashed = False
        if link is not None:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(_Z_LINK)
        self.update_path()

    def set_style(self, style: SceneStyle) -> None:
        """Redraw in another palette."""
        self._style = style
        self.update()

    def set_ends(self, near: PortItem, far: PortItem) -> None:
        """Attach to other items (a cause joined or left a gate)."""
        self.near, self.far = near, far
        self.update_path()

    def update_path(self) -> None:
        """Recompute the curve after either end moved."""
        start = self.far.left_port()
        end = self.near.right_port()
        bend = max(40.0, abs(start.x() - end.x()) / 2)
        curve = QPainterPath(start)
        curve.cubicTo(start - QPointF(bend, 0), end + QPointF(bend, 0), end)
        size = 8.0
        arrow = QPolygonF([end, end + QPointF(size, -size / 2), end + QPointF(size, size / 2)])
        self.prepareGeometryChange()
        self._curve = curve
        self._arrow = arrow
        self._shape = None
        self._bounds = curve.boundingRect().united(arrow.boundingRect()).adjusted(-4, -4, 4, 4)

    def boundingRect(self) -> QRectF:
        """The curve and its arrow head."""
        return self._bounds

    def shape(self) -> QPainterPath:
        """A band around the curve, so a link is easy to click."""
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10.0)
            self._shape = stroker.createStroke(self._curve)
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """The curve, with an arrow head at the effect: the cause leads to the effect."""
        style = self._style
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = style.highlight if selected else style.muted
        pen = QPen(colour, 2.5 if selected else 1.4)
        if self.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._curve)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(self._arrow)


class RubberLink(QGraphicsItem):
    """The line that follows the pointer while a link is being dragged out of a node."""

    def __init__(self, start: QPointF, colour: QColor) -> None:
        super().__init__()
        self._start = start
        self._end = start
        self._colour = colour
        self.setZValue(_Z_EDITOR)

    def stretch_to(self, end: QPointF) -> None:
        """Follow the pointer."""
        self.prepareGeometryChange()
        self._end = end

    def boundingRect(self) -> QRectF:
        """The segment from the handle to the pointer."""
        return QRectF(self._start, self._end).normalized().adjusted(-3, -3, 3, 3)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """A dashed line."""
        pen = QPen(self._colour, 2.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(self._start, self._end)


# ================================================================================ editing


class TitleEditor(QGraphicsTextItem):
    """Types a cause's title in place: Enter keeps it, Escape drops it.

    Plain text only (``setPlainText``/``toPlainText``): markup characters stay characters.
    A title is one line, so line breaks that arrive by pasting become spaces.
    """

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, text: str, centre: QPointF, style: SceneStyle, colour: QColor) -> None:
        super().__init__()
        self._done = False
        self._colour = colour
        self._style = style
        self.setFont(style.title_font)
        self.setDefaultTextColor(style.text)
        self.setTextWidth(NODE_WIDTH - 2 * _PADDING)
        self.setPlainText(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(_Z_EDITOR)
        self.setPos(centre + QPointF(-NODE_WIDTH / 2 + _PADDING, -NODE_HEIGHT / 2 + _PADDING))

    def text(self) -> str:
        """The title typed so far, on one line."""
        return " ".join(self.toPlainText().splitlines())

    def start(self) -> None:
        """Take the keyboard focus with the whole text selected, ready to type over."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter commits, Escape cancels; everything else edits."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(commit=True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Clicking elsewhere keeps what was typed, as renaming a file does."""
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(commit=True)

    def finish(self, *, commit: bool) -> None:
        """End editing once: emit the text (or the cancellation)."""
        if self._done:
            return
        self._done = True
        if commit:
            self.committed.emit(self.text())
        else:
            self.cancelled.emit()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """A frame in the layer's colour behind the text."""
        frame = self.boundingRect().adjusted(-_PADDING + 2, -_PADDING + 2, _PADDING - 2, 4)
        painter.setPen(QPen(self._colour, 2.0))
        painter.setBrush(self._style.base)
        painter.drawRoundedRect(frame, 6, 6)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # None is allowed

"""What the cause graph is drawn with: node boxes and AND/OR gates.

Items paint themselves with the painter (no widgets, shadows or graphics effects), and
wrap their text when first drawn rather than on every paint, so a scene of hundreds of
causes is cheap to build and to draw. Zoomed far out, a node is a coloured box with its id.
User text is always drawn as plain text: ``<b>&amp;`` shows as typed.

Geometry: positions are node centres in scene units, as :mod:`qa_desktop.analysis.layout`
gives them. Effects are to the left, causes to the right; links (:mod:`link_items`) run from
the right edge of the effect (or of its gate) to the left edge of the cause.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseGate,
    CauseLayer,
    CauseNode,
    CauseStatus,
    GateKind,
    IncidentRoot,
)
from qa_desktop.ui.cause_graph.drawing_style import (
    GATE_HEIGHT,
    GATE_WIDTH,
    HANDLE_RADIUS,
    ID_LEVEL_OF_DETAIL,
    NODE_HEIGHT,
    NODE_WIDTH,
    PADDING,
    STRIP,
    TEXT_LEVEL_OF_DETAIL,
    TITLE_LINES,
    Z_GATE,
    Z_NODE,
    SceneStyle,
    plain_tooltip,
    wrap_text,
)
from qa_desktop.ui.cause_graph.wording import label, status_mark


class PortItem(Protocol):
    """Something a link can end at: a node or a gate."""

    @property
    def key(self) -> str:
        """The node's or gate's id (one namespace per graph)."""

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
        self.setZValue(Z_NODE)

    # ---------------------------------------------------------------- content
    @property
    def key(self) -> str:
        """The node's id, as links name it."""
        return self.node_id

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
        self._heading = QCoreApplication.translate("CauseGraph", "Incident {reference}").format(
            reference=root.reference
        )
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
            width = NODE_WIDTH - STRIP - 2 * PADDING
            self._lines = wrap_text(self.title, self._style.title_font, width, TITLE_LINES)
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
        if detail < TEXT_LEVEL_OF_DETAIL:
            if detail >= ID_LEVEL_OF_DETAIL:
                # Too small to read a title, large enough to find a cause by its id.
                painter.setFont(style.overview_font)
                painter.setPen(style.text)
                name = QFontMetricsF(style.overview_font).elidedText(
                    self._short_name(), Qt.TextElideMode.ElideMiddle, box.width() - 8
                )
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
            return
        if not self.is_incident:
            strip = QRectF(box.left(), box.top(), STRIP, box.height())
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

    def _short_name(self) -> str:
        if self.incident is not None:
            return self.incident.reference
        return self.node_id

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
        left = box.left() + (PADDING if self.is_incident else STRIP + PADDING)
        width = box.right() - PADDING - left
        small = QFontMetricsF(style.small_font)
        painter.setFont(style.small_font)
        top = box.top() + 4
        mark_width = 0.0
        if self.cause is not None and self.cause.status is CauseStatus.UNKNOWN:
            # "?" as a badge: an uninvestigated cause must stand out.
            radius = small.height() / 2 + 1
            centre = QPointF(box.right() - PADDING - radius, top + small.height() / 2)
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
            mark_box = QRectF(box.right() - PADDING - mark_width, top, mark_width, small.height())
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
        self.setZValue(Z_GATE)
        self._text = label(gate.kind)

    @property
    def gate_id(self) -> str:
        """The gate's id."""
        return self.gate.id

    @property
    def key(self) -> str:
        """The gate's id, as links name it."""
        return self.gate.id

    def show_gate(self, gate: CauseGate) -> None:
        """Show *gate* (its kind may have changed)."""
        self.gate = gate
        self._text = label(gate.kind)
        self.setToolTip(
            plain_tooltip(
                QCoreApplication.translate("CauseGraph", "{kind} gate {id}: {causes}").format(
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

"""The lines of the cause graph: "caused by" links and the link being dragged out."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from qa_desktop.domain.cause_graph import (
    CauseLink,
)
from qa_desktop.ui.cause_graph.drawing_style import (
    Z_EDITOR,
    Z_LINK,
    SceneStyle,
)
from qa_desktop.ui.cause_graph.items import PortItem

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
        self.setZValue(Z_LINK)
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
        self.setZValue(Z_EDITOR)

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

"""The view over the cause graph: zoom, fit, and moving between nodes with the arrow keys.

Right goes to a cause of the selected node, Left to its effect, Up and Down to the nearest
node above or below in the same column; with nothing selected, any arrow starts at the
incident.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from qa_desktop.analysis.layout import LayoutSpacing
from qa_desktop.domain.cause_graph import ROOT_ID
from qa_desktop.ui.cause_graph.scene import CauseGraphScene

_COLUMN = LayoutSpacing().column_gap


def neighbour(scene: CauseGraphScene, node_id: str, key: Qt.Key) -> str | None:
    """The node the arrow *key* moves to from *node_id*: causes right, effects left."""
    if scene.graph is None or node_id not in scene.nodes:
        return None
    here = scene.nodes[node_id]
    if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
        right = key == Qt.Key.Key_Right
        near = [
            (link.cause if right else link.effect)
            for link in scene.graph.links
            if (link.effect if right else link.cause) == node_id
        ]
        candidates = [scene.nodes[n] for n in near if scene.nodes[n].isVisible()]
    else:
        below = key == Qt.Key.Key_Down
        candidates = [
            item
            for item in scene.nodes.values()
            if item is not here
            and item.isVisible()
            and abs(item.x() - here.x()) < _COLUMN / 2
            and (item.y() > here.y() if below else item.y() < here.y())
        ]
    if not candidates:
        return None
    best = min(
        candidates,
        key=lambda i: (abs(i.y() - here.y()), abs(i.x() - here.x()), i.y(), i.x()),
    )
    return best.node_id


class CauseGraphView(QGraphicsView):
    """Pans, zooms (Ctrl+wheel, Ctrl++/−) and moves between nodes with the arrow keys."""

    #: The arrow keys moved the selection to this node.
    node_focused = Signal(str)

    def __init__(self, scene: CauseGraphScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def zoom_by(self, factor: float) -> None:
        """Zoom in (> 1) or out (< 1), between 5 % and 400 %."""
        current = self.transform().m11()
        factor = max(0.05 / current, min(4.0 / current, factor))
        self.scale(factor, factor)

    def fit_all(self) -> None:
        """Show the whole graph, never enlarged beyond 100 %."""
        bounds = self._scene.itemsBoundingRect()
        if bounds.isEmpty():
            return
        self.resetTransform()
        self.fitInView(bounds.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1.0:
            self.resetTransform()
            self.centerOn(bounds.center())

    def reveal(self, node_id: str) -> None:
        """Scroll so that *node_id* is in view."""
        item = self._scene.nodes.get(node_id)
        if item is not None:
            self.ensureVisible(item, 40, 40)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms; the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys move between nodes: right to a cause, left to its effect."""
        arrows = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
        editing = self._scene.title_editor is not None
        if event.key() in arrows and not editing and not event.modifiers():
            selected = self._scene.selected_node_ids()
            target = (
                neighbour(self._scene, selected[0], Qt.Key(event.key())) if selected else ROOT_ID
            )
            if target is not None:
                self._scene.select_only([target])
                self.reveal(target)
                self.node_focused.emit(target)
            event.accept()
            return
        super().keyPressEvent(event)

    def visible_scene_rect(self) -> QRectF:
        """The part of the scene in view."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

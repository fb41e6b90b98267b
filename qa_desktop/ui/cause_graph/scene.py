"""The cause graph on screen: a scene that mirrors the graph value, and the view over it.

:class:`CauseGraphScene` builds its items once from a graph and afterwards updates only the
items an edit touched (the graph is an immutable value, so comparing the old and new ones
is cheap). It turns mouse gestures into requests — drag from a node's handle onto another
node to link them, onto empty space to add a cause there; drag nodes to move them — and
leaves it to the editor to turn requests into undoable edits. Each layer can be hidden.

The view over it, with zooming and keyboard navigation, is in :mod:`graph_view`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseGate,
    CauseLayer,
    CauseLink,
    CauseNode,
    CauseStatus,
    IncidentRoot,
)
from qa_desktop.ui.cause_graph.drawing_style import (
    GATE_HEIGHT,
    GATE_WIDTH,
    NODE_HEIGHT,
    NODE_WIDTH,
    SceneStyle,
)
from qa_desktop.ui.cause_graph.items import GateItem, NodeItem, PortItem
from qa_desktop.ui.cause_graph.link_items import LinkItem, RubberLink
from qa_desktop.ui.cause_graph.title_editor import TitleEditor

#: How far (scene units) a handle must be dragged before a release on empty space adds a cause.
_MIN_DRAG = 40.0


class CauseGraphScene(QGraphicsScene):
    """The incident, causes, links and gates of one graph, kept in step with it."""

    #: Drag from *effect*'s handle ended on *cause*: link them.
    link_requested = Signal(str, str)
    #: Drag from *effect*'s handle ended on empty space: add a cause there.
    cause_requested = Signal(str, QPointF)
    #: Nodes were dragged: ``{id: (x, y)}`` of those that moved.
    nodes_moved = Signal(dict)
    #: A node was double-clicked: edit its title.
    title_edit_requested = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.drawing_style = SceneStyle.from_palette(self.palette(), self.font())
        self.nodes: dict[str, NodeItem] = {}
        self.links: dict[CauseLink, LinkItem] = {}
        self.gates: dict[str, GateItem] = {}
        self._gate_lines: dict[str, LinkItem] = {}
        self._attached: dict[str, set[LinkItem]] = {}
        self._graph: CauseGraph | None = None
        self._hidden: set[CauseLayer] = set()
        self._editable = True
        self._drag: tuple[NodeItem, RubberLink, QPointF] | None = None
        self._pressed_at: dict[str, QPointF] = {}
        self._updating = False
        self.title_editor: TitleEditor | None = None

    # ------------------------------------------------------------------ state
    @property
    def graph(self) -> CauseGraph | None:
        """The graph shown."""
        return self._graph

    @property
    def hidden_layers(self) -> frozenset[CauseLayer]:
        """The layers hidden now."""
        return frozenset(self._hidden)

    def set_editable(self, editable: bool) -> None:
        """Allow or forbid moving and linking by mouse (a read-only user only looks)."""
        self._editable = editable
        for node in self.nodes.values():
            node.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, editable)

    def apply_palette(self, palette: QPalette, font: QFont) -> None:
        """Redraw everything for another palette (light or dark) or font."""
        self.drawing_style = SceneStyle.from_palette(palette, font)
        for node in self.nodes.values():
            node.set_style(self.drawing_style)
        for gate in self.gates.values():
            gate.set_style(self.drawing_style)
        for line in [*self.links.values(), *self._gate_lines.values()]:
            line.set_style(self.drawing_style)

    def positions(self) -> dict[str, tuple[float, float]]:
        """Where every node is now: ``{id: (x, y)}`` (centres)."""
        return {node_id: (item.x(), item.y()) for node_id, item in self.nodes.items()}

    # ------------------------------------------------------------------ building
    def show_graph(self, graph: CauseGraph) -> None:
        """Rebuild every item from *graph* (each node at its saved position)."""
        self._close_title_editor_silently()
        self.clear()
        self.nodes.clear()
        self.links.clear()
        self.gates.clear()
        self._gate_lines.clear()
        self._attached.clear()
        self._graph = graph
        self._updating = True
        try:
            self._show_incident(graph.incident)
            for node in graph.causes.values():
                self._add_node(node)
            for gate in graph.gates.values():
                self._add_gate(gate)
            gated = _gate_index(graph)
            for link in graph.links:
                self._add_link(link, self._near_item(link, gated))
            for gate_id in self.gates:
                self._place_gate(gate_id)
        finally:
            self._updating = False
        self._apply_visibility()

    def update_graph(self, graph: CauseGraph) -> None:
        """Show *graph*, changing only the items whose part of the graph changed."""
        old = self._graph
        if old is None:
            self.show_graph(graph)
            return
        self._graph = graph
        self._updating = True
        try:
            self._sync(old, graph)
        finally:
            self._updating = False
        self._apply_visibility()

    def _sync(self, old: CauseGraph, graph: CauseGraph) -> None:
        for gate_id in old.gates.keys() - graph.gates.keys():
            self._remove_gate(gate_id)
        for link in old.links - graph.links:
            self._remove_link(link)
        for cause_id in old.causes.keys() - graph.causes.keys():
            self._remove_node(cause_id)
        self._sync_nodes(old, graph)
        self._sync_gates_and_links(old, graph)

    def _sync_nodes(self, old: CauseGraph, graph: CauseGraph) -> None:
        if graph.incident != old.incident:
            self._show_incident(graph.incident)
        for cause_id, node in graph.causes.items():
            before = old.causes.get(cause_id)
            if before is None:
                self._add_node(node)
            elif before != node:
                self._show_cause(node)

    def _sync_gates_and_links(self, old: CauseGraph, graph: CauseGraph) -> None:
        for gate_id, gate in graph.gates.items():
            before_gate = old.gates.get(gate_id)
            if before_gate is None:
                self._add_gate(gate)
            elif before_gate != gate:
                self.gates[gate_id].show_gate(gate)
        gated = _gate_index(graph)
        for link in graph.links:
            near = self._near_item(link, gated)
            item = self.links.get(link)
            if item is None:
                self._add_link(link, near)
            elif item.near is not near:
                self._detach(item)
                item.set_ends(near, item.far)
                self._attach(item)
        for gate_id in self.gates:
            self._place_gate(gate_id)

    def _show_incident(self, root: IncidentRoot) -> None:
        item = self.nodes.get(ROOT_ID)
        if item is None:
            item = NodeItem(ROOT_ID, self.drawing_style)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, self._editable)
            self.nodes[ROOT_ID] = item
            self.addItem(item)
        item.show_incident(root)
        self._move(item, QPointF(root.x or 0.0, root.y or 0.0))

    def _add_node(self, node: CauseNode) -> None:
        item = NodeItem(node.id, self.drawing_style)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, self._editable)
        self.nodes[node.id] = item
        item.show_cause(node)
        item.setPos(node.x or 0.0, node.y or 0.0)
        self.addItem(item)

    def _show_cause(self, node: CauseNode) -> None:
        item = self.nodes[node.id]
        item.show_cause(node)
        if node.x is not None and node.y is not None:
            self._move(item, QPointF(node.x, node.y))
        ruled_out = node.status is CauseStatus.RULED_OUT
        for link in self._attached.get(node.id, ()):
            if link.far is item and link.dashed != ruled_out:
                link.dashed = ruled_out
                link.update()

    def _remove_node(self, node_id: str) -> None:
        item = self.nodes.pop(node_id)
        self._attached.pop(node_id, None)
        self.removeItem(item)

    def _add_gate(self, gate: CauseGate) -> None:
        item = GateItem(gate, self.drawing_style)
        item.show_gate(gate)
        self.gates[gate.id] = item
        self.addItem(item)
        line = LinkItem(None, self.nodes[gate.effect], item, self.drawing_style)
        self._gate_lines[gate.id] = line
        self.addItem(line)
        self._attach(line)

    def _remove_gate(self, gate_id: str) -> None:
        item = self.gates.pop(gate_id)
        line = self._gate_lines.pop(gate_id)
        self._detach(line)
        for link in list(self._attached.get(gate_id, ())):
            # Links still arriving at the gate go straight to the effect until re-synced.
            self._detach(link)
            if link.link is not None:
                link.set_ends(self.nodes[link.link.effect], link.far)
                self._attach(link)
        self._attached.pop(gate_id, None)
        self.removeItem(line)
        self.removeItem(item)

    def _near_item(self, link: CauseLink, gated: dict[tuple[str, str], str]) -> PortItem:
        gate_id = gated.get((link.effect, link.cause))
        if gate_id is not None and gate_id in self.gates:
            return self.gates[gate_id]
        return self.nodes[link.effect]

    def _add_link(self, link: CauseLink, near: PortItem) -> None:
        cause = self.nodes[link.cause]
        item = LinkItem(link, near, cause, self.drawing_style)
        item.dashed = cause.cause is not None and cause.cause.status is CauseStatus.RULED_OUT
        self.links[link] = item
        self.addItem(item)
        self._attach(item)

    def _remove_link(self, link: CauseLink) -> None:
        item = self.links.pop(link)
        self._detach(item)
        self.removeItem(item)

    def _attach(self, item: LinkItem) -> None:
        for end in (item.near, item.far):
            self._attached.setdefault(end.key, set()).add(item)

    def _detach(self, item: LinkItem) -> None:
        for end in (item.near, item.far):
            self._attached.get(end.key, set()).discard(item)

    def _place_gate(self, gate_id: str) -> None:
        """A gate sits just right of its effect, within the effect's height, nudged towards
        its causes (so that it reads as the effect's input however far apart they are)."""
        item = self.gates[gate_id]
        effect = self.nodes[item.gate.effect]
        members = [self.nodes[c] for c in item.gate.causes if c in self.nodes]
        middle = sum(m.y() for m in members) / len(members) if members else effect.y()
        reach = (NODE_HEIGHT - GATE_HEIGHT) / 2
        y = effect.y() + max(-reach, min(reach, middle - effect.y()))
        x = effect.x() + NODE_WIDTH / 2 + GATE_WIDTH / 2 + 16
        if item.pos() != QPointF(x, y):
            item.setPos(x, y)
            self.gate_moved(item)

    def _move(self, item: NodeItem, to: QPointF) -> None:
        """Put a node at *to*, its links and gates following."""
        if item.pos() != to:
            item.setPos(to)
            self.node_moved(item)

    # ------------------------------------------------------------------ following moves
    def node_moved(self, node: NodeItem) -> None:
        """Links follow a moved node, and so do the gates it belongs to."""
        for link in self._attached.get(node.node_id, ()):
            link.update_path()
        if self._updating or self._graph is None:
            return
        for gate_id, gate in self.gates.items():
            if gate.gate.effect == node.node_id or node.node_id in gate.gate.causes:
                self._place_gate(gate_id)

    def gate_moved(self, gate: GateItem) -> None:
        """Links follow a moved gate."""
        for link in self._attached.get(gate.gate_id, ()):
            link.update_path()

    # ------------------------------------------------------------------ layers
    def set_layer_visible(self, layer: CauseLayer, visible: bool) -> None:
        """Show or hide every cause of *layer* with its links."""
        if visible:
            self._hidden.discard(layer)
        else:
            self._hidden.add(layer)
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        for item in self.nodes.values():
            shown = item.layer not in self._hidden
            if item.isVisible() != shown:
                item.setVisible(shown)
                if not shown:
                    item.setSelected(False)
        for gate_id, gate in self.gates.items():
            shown = self.nodes[gate.gate.effect].isVisible() and any(
                self.nodes[c].isVisible() for c in gate.gate.causes if c in self.nodes
            )
            gate.setVisible(shown)
            self._gate_lines[gate_id].setVisible(shown)
        for link, line in self.links.items():
            shown = self.nodes[link.effect].isVisible() and self.nodes[link.cause].isVisible()
            line.setVisible(shown)

    # ------------------------------------------------------------------ selection
    def selected_node_ids(self) -> list[str]:
        """Ids of the selected nodes (incident included), top to bottom."""
        chosen = [i for i in self.selectedItems() if isinstance(i, NodeItem)]
        return [i.node_id for i in sorted(chosen, key=lambda i: (i.y(), i.x()))]

    def selected_links(self) -> list[CauseLink]:
        """The selected links."""
        return [
            i.link for i in self.selectedItems() if isinstance(i, LinkItem) and i.link is not None
        ]

    def selected_gate_ids(self) -> list[str]:
        """Ids of the selected gates."""
        return [i.gate_id for i in self.selectedItems() if isinstance(i, GateItem)]

    def select_only(self, ids: Iterable[str]) -> None:
        """Select exactly the nodes and gates named (hidden ones stay unselected)."""
        wanted = set(ids)
        self.clearSelection()
        for node_id in wanted:
            item = self.nodes.get(node_id) or self.gates.get(node_id)
            if item is not None and item.isVisible():
                item.setSelected(True)

    # ------------------------------------------------------------------ title editing
    def open_title_editor(self, text: str, centre: QPointF, colour: Any) -> TitleEditor:
        """Put an in-place title editor at *centre* (replacing any open one)."""
        self._close_title_editor_silently()
        editor = TitleEditor(text, centre, self.drawing_style, colour)
        self.addItem(editor)
        self.title_editor = editor
        return editor

    def close_title_editor(self) -> None:
        """Remove the in-place editor (after it committed or cancelled)."""
        editor, self.title_editor = self.title_editor, None
        if editor is not None and editor.scene() is self:
            self.removeItem(editor)

    def _close_title_editor_silently(self) -> None:
        # Dropped without a word: whoever opens the next editor has taken over.
        editor = self.title_editor
        if editor is not None:
            editor.blockSignals(True)
            editor.finish(commit=False)
            self.close_title_editor()

    # ------------------------------------------------------------------ mouse
    def _node_at(self, point: QPointF, exclude: NodeItem | None = None) -> NodeItem | None:
        for item in self.items(point):
            if isinstance(item, NodeItem) and item is not exclude and item.isVisible():
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """A press on a node's handle starts a link; anywhere else selects and moves."""
        point = event.scenePos()
        if event.button() == Qt.MouseButton.LeftButton and self._editable:
            node = self._node_at(point)
            if node is not None and node.on_handle(node.mapFromScene(point)):
                start = node.mapToScene(node.handle_centre())
                rubber = RubberLink(start, self.drawing_style.highlight)
                self.addItem(rubber)
                self._drag = (node, rubber, start)
                event.accept()
                return
        super().mousePressEvent(event)
        self._pressed_at = {
            i.node_id: i.pos() for i in self.selectedItems() if isinstance(i, NodeItem)
        }

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Stretch the link being dragged, or move the nodes (their links follow)."""
        if self._drag is not None:
            self._drag[1].stretch_to(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)
        for node_id in self._pressed_at:
            item = self.nodes.get(node_id)
            if item is not None:
                self.node_moved(item)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Finish a link (or a new cause), or report the nodes that were moved."""
        if self._drag is not None:
            source, rubber, start = self._drag
            self._drag = None
            self.removeItem(rubber)
            point = event.scenePos()
            target = self._node_at(point, exclude=source)
            event.accept()
            if target is not None:
                self.link_requested.emit(source.node_id, target.node_id)
            elif (point - start).manhattanLength() >= _MIN_DRAG:
                self.cause_requested.emit(source.node_id, point)
            return
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, {}
        moved = {
            node_id: (item.x(), item.y())
            for node_id, at in pressed.items()
            if (item := self.nodes.get(node_id)) is not None and item.pos() != at
        }
        if moved:
            self.nodes_moved.emit(moved)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Double-click a node to edit its title in place."""
        node = self._node_at(event.scenePos())
        if node is not None and self._editable:
            event.accept()
            self.title_edit_requested.emit(node.node_id)
            return
        super().mouseDoubleClickEvent(event)


def _gate_index(graph: CauseGraph) -> dict[tuple[str, str], str]:
    return {(g.effect, c): g.id for g in graph.gates.values() for c in g.causes}

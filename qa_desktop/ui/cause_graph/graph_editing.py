"""Turning what the analyst does with mouse and keyboard into undoable graph edits.

Each gesture (add a cause, link two nodes, delete the selection, group causes under a gate,
move or arrange nodes, change a cause's fields) becomes exactly one command on the undo
stack. An edit the graph refuses — a link that would make a cycle, a title that is too
long — changes nothing and is reported through :attr:`GraphEditing.refused`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from qa_desktop.analysis import graph_ops
from qa_desktop.analysis.graph_ops import CauseGraph, Edit, GraphPatch
from qa_desktop.analysis.layout import layered_layout
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseNode,
    CauseStatus,
    GateKind,
    id_sort_key,
)
from qa_desktop.domain.errors import QaError, ValidationFailed
from qa_desktop.ui.cause_graph.document import AnalysisDocument
from qa_desktop.ui.cause_graph.graph_view import CauseGraphView
from qa_desktop.ui.cause_graph.scene import CauseGraphScene
from qa_desktop.ui.cause_graph.undo_commands import push_edit
from qa_desktop.ui.cause_graph.wording import label

Step = Callable[[CauseGraph], Edit]


def chain(graph: CauseGraph, steps: Iterable[Step]) -> Edit:
    """Several edits as one: the final graph and one patch that undoes them all."""
    undo: list[graph_ops.PartChange] = []
    for step in steps:
        edit = step(graph)
        graph = edit.graph
        # The last edit is undone first.
        undo[:0] = edit.undo.changes
    return Edit(graph, GraphPatch(tuple(undo)))


def refusal_text(exc: QaError) -> str:
    """A refused edit in one readable line."""
    if isinstance(exc, ValidationFailed):
        return "; ".join(f"{e.field}: {e.message}" for e in exc.errors)
    return str(exc)


def with_positions(graph: CauseGraph) -> CauseGraph:
    """*graph* with a saved position for every node: the unplaced ones laid out."""
    placed = graph.incident.x is not None and all(c.x is not None for c in graph.causes.values())
    if placed:
        return graph
    positions = layered_layout(graph)
    return graph_ops.move_nodes(graph, positions).graph


class GraphEditing(QObject):
    """The editing gestures of the cause-graph editor, each one undo step."""

    #: An edit was refused; carries the reason, ready to show.
    refused = Signal(str)

    def __init__(
        self,
        document: AnalysisDocument,
        stack: QUndoStack,
        scene: CauseGraphScene,
        view: CauseGraphView,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._document = document
        self._stack = stack
        self._scene = scene
        self._view = view
        self._window = window
        self._pending: tuple[str, CauseNode] | None = None
        scene.link_requested.connect(self.link)
        scene.cause_requested.connect(self._on_scene_cause_requested)
        scene.nodes_moved.connect(self.move)
        scene.title_edit_requested.connect(self.edit_title)

    @property
    def graph(self) -> CauseGraph:
        """The graph being edited."""
        return self._document.graph

    def selected_ids(self) -> list[str]:
        """Ids of the selected nodes, top to bottom."""
        return self._scene.selected_node_ids()

    def apply(self, make_edit: Step, text: str, focus: Sequence[str] = ()) -> bool:
        """Push one edit; a refusal is reported and changes nothing. True when it happened."""
        try:
            command = push_edit(self._stack, self._document, make_edit, text, focus)
        except QaError as exc:
            self.refused.emit(self.tr("Not changed: {reason}").format(reason=refusal_text(exc)))
            return False
        if command is not None and focus:
            self._scene.select_only(focus)
            self._view.reveal(focus[0])
        return True

    # ------------------------------------------------------------------ causes
    def add_cause(self, effect: str | None = None, at: QPointF | None = None) -> None:
        """Add a cause of *effect* (by default the selected node, else the incident).

        The new cause's title is typed in place; Enter adds it (one undo step), Escape
        adds nothing. It starts in the layer of its effect, status unknown ("?").
        """
        graph = self.graph
        if effect is None:
            selected = self._scene.selected_node_ids()
            effect = selected[0] if selected else ROOT_ID
        if not graph.has_node(effect):
            return
        effect_node = graph.causes.get(effect)
        layer = effect_node.layer if effect_node is not None else CauseLayer.TECHNICAL
        node = CauseNode(id=graph_ops.next_id(graph, "C"), layer=layer, title="?")
        if at is None:
            trial = graph_ops.add_cause(graph, node, effect=effect).graph
            x, y = layered_layout(trial)[node.id]
        else:
            x, y = at.x(), at.y()
        node = replace(node, title="", x=x, y=y)
        self._pending = (effect, node)
        self._open_editor(node, "")

    def _on_scene_cause_requested(self, effect: str, at: QPointF) -> None:
        self.add_cause(effect, at)

    def edit_title(self, node_id: str | None = None) -> None:
        """Type the title of *node_id* (by default the selected cause) in place."""
        if node_id is None:
            selected = [n for n in self._scene.selected_node_ids() if n != ROOT_ID]
            node_id = selected[0] if selected else None
        node = self.graph.causes.get(node_id or "")
        if node is None:
            return
        self._pending = None
        self._open_editor(node, node.title)

    def _open_editor(self, node: CauseNode, text: str) -> None:
        colour = self._scene.drawing_style.layers[node.layer]
        centre = QPointF(node.x or 0.0, node.y or 0.0)
        editor = self._scene.open_title_editor(text, centre, colour)
        editor.committed.connect(lambda typed, n=node: self._on_title_committed(n, typed))
        editor.cancelled.connect(self._on_title_cancelled)
        self._view.ensureVisible(editor, 40, 40)
        self._view.setFocus()
        editor.start()

    def _on_title_committed(self, node: CauseNode, typed: str) -> None:
        self._scene.close_title_editor()
        pending, self._pending = self._pending, None
        title = typed.strip()
        if pending is not None:
            if not title:
                return
            effect, new = pending
            added = replace(new, title=title)
            done = self.apply(
                lambda g: graph_ops.add_cause(g, added, effect=effect),
                self.tr("Add cause {id}").format(id=added.id),
                [added.id],
            )
            if not done:
                self._pending = pending
                self._open_editor(added, typed)
            return
        if title == node.title or node.id not in self.graph.causes:
            return
        current = self.graph.causes[node.id]
        if not self.edit_cause(replace(current, title=title), self.tr("title")):
            self._open_editor(current, typed)

    def _on_title_cancelled(self) -> None:
        self._scene.close_title_editor()
        self._pending = None

    def edit_cause(self, node: CauseNode, what: str) -> bool:
        """Replace a cause's fields (from the properties panel); *what* names the change."""
        return self.apply(
            lambda g: graph_ops.edit_cause(g, node),
            self.tr("Change {what} of {id}").format(what=what, id=node.id),
            [node.id],
        )

    def set_layer(self, layer: CauseLayer) -> None:
        """Move every selected cause to *layer* (one undo step)."""
        self._set_selected(lambda n: replace(n, layer=layer), label(layer))

    def set_status(self, status: CauseStatus) -> None:
        """Give every selected cause *status* (one undo step)."""
        self._set_selected(lambda n: replace(n, status=status), label(status))

    def _set_selected(self, change: Callable[[CauseNode], CauseNode], what: str) -> None:
        ids = [n for n in self._scene.selected_node_ids() if n in self.graph.causes]
        if not ids:
            return
        steps = [(lambda g, i=i: graph_ops.edit_cause(g, change(g.causes[i]))) for i in ids]
        self.apply(
            lambda g: chain(g, steps),
            self.tr("Set {what} for {ids}").format(what=what, ids=", ".join(ids)),
            ids,
        )

    # ------------------------------------------------------------------ links
    def link(self, effect: str, cause: str) -> bool:
        """Record that *effect* is caused by *cause*; a cycle or duplicate is refused."""
        if cause == ROOT_ID:
            self.refused.emit(
                self.tr(
                    "Not changed: the incident is the effect at the root; it cannot be a cause."
                )
            )
            return False
        return self.apply(
            lambda g: graph_ops.link_cause(g, effect, cause),
            self.tr("Link {effect} to its cause {cause}").format(effect=effect, cause=cause),
            [cause],
        )

    def link_selected(self) -> None:
        """Choose, from a list, a cause of the selected node and link it (keyboard linking)."""
        selected = self._scene.selected_node_ids()
        if len(selected) != 1:
            self.refused.emit(self.tr("Select the one node whose cause you want to link."))
            return
        effect = selected[0]
        graph = self.graph
        choices = [
            f"{cause_id} — {graph.causes[cause_id].title}"
            for cause_id in sorted(graph.causes, key=id_sort_key)
            if cause_id != effect
        ]
        if not choices:
            return
        chosen, accepted = QInputDialog.getItem(
            self._window,
            self.tr("Link a cause"),
            self.tr("{effect} is caused by:").format(effect=effect),
            choices,
            0,
            False,
        )
        if accepted and chosen:
            self.link(effect, chosen.split(" — ", 1)[0])

    # ------------------------------------------------------------------ deleting, gates
    def delete_selected(self) -> None:
        """Delete the selected causes (with their links), links and gates: one undo step."""
        scene = self._scene
        causes = [n for n in scene.selected_node_ids() if n != ROOT_ID]
        gates = scene.selected_gate_ids()
        links = [k for k in scene.selected_links() if k.cause not in causes]
        if ROOT_ID in scene.selected_node_ids() and not (causes or gates or links):
            self.refused.emit(self.tr("The incident is the root of the analysis; it stays."))
            return
        steps: list[Step] = [partial(graph_ops.remove_gate, gate_id=i) for i in gates]
        steps += [partial(graph_ops.unlink_cause, effect=k.effect, cause=k.cause) for k in links]
        steps += [partial(graph_ops.delete_cause, cause_id=c) for c in causes]
        if not steps:
            return
        # Gates first, then links, then causes: no step removes what a later one names.
        if len(causes) == 1 and not gates and not links:
            text = self.tr("Delete cause {id}").format(id=causes[0])
        else:
            text = self.tr("Delete {count} items").format(count=len(steps))
        self.apply(lambda g: chain(g, steps), text)

    def group_selected(self, kind: GateKind) -> None:
        """Join the selected causes of one effect under an AND or OR gate (or retype a gate)."""
        graph = self.graph
        gates = self._scene.selected_gate_ids()
        causes = [n for n in self._scene.selected_node_ids() if n in graph.causes]
        if gates and not causes:
            steps: list[Step] = [
                partial(
                    graph_ops.set_gate,
                    effect=graph.gates[i].effect,
                    causes=graph.gates[i].causes,
                    kind=kind,
                    gate_id=i,
                )
                for i in gates
            ]
            self.apply(
                lambda g: chain(g, steps),
                self.tr("Make gate {kind}").format(kind=label(kind)),
                gates,
            )
            return
        effects = [{k.effect for k in graph.links if k.cause == c} for c in causes]
        common = set.intersection(*effects) if effects else set()
        if len(causes) < 2 or not common:
            self.refused.emit(
                self.tr("Select two or more causes of the same effect to join them under a gate.")
            )
            return
        effect = sorted(common, key=id_sort_key)[0]
        self.apply(
            lambda g: graph_ops.set_gate(g, effect, causes, kind),
            self.tr("Join {causes} under an {kind} gate").format(
                causes=", ".join(causes), kind=label(kind)
            ),
        )

    # ------------------------------------------------------------------ positions
    def move(self, positions: dict[str, tuple[float, float]]) -> None:
        """Keep where nodes were dragged to (one undo step per drag)."""
        count = len(positions)
        text = (
            self.tr("Move {id}").format(id=next(iter(positions)))
            if count == 1
            else self.tr("Move {count} nodes").format(count=count)
        )
        if not self.apply(lambda g: graph_ops.move_nodes(g, positions), text):
            self._scene.update_graph(self.graph)

    def arrange(self) -> None:
        """Lay the whole graph out afresh, left to right with few crossings."""
        self.apply(
            lambda g: graph_ops.move_nodes(g, layered_layout(g, relayout_all=True)),
            self.tr("Arrange automatically"),
        )

"""Undo and redo of cause-graph edits, one :class:`QUndoCommand` per edit.

Every edit in :mod:`qa_desktop.analysis.graph_ops` returns the new graph and the patch that
undoes it, so a command needs nothing else: undo applies that patch, redo applies its
inverse. Deleting a cause is one command whose patch also holds the cause's links, gate
memberships and countermeasure references, so one Ctrl+Z puts all of them back.

Edits are computed before the command exists: an edit that is refused (a link that would
make a cycle, an unknown id) raises before anything is pushed, so the stack only ever holds
edits that happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QUndoCommand, QUndoStack

from qa_desktop.analysis.graph_ops import CauseGraph, Edit, apply_patch
from qa_desktop.ui.cause_graph.document import AnalysisDocument


class GraphEditCommand(QUndoCommand):
    """One edit of the analysis: its undo patch and the patch that redoes it."""

    def __init__(
        self,
        document: AnalysisDocument,
        edit: Edit,
        text: str,
        focus: Iterable[str] = (),
    ) -> None:
        super().__init__(text)
        self._document = document
        self._undo = edit.undo
        self._redo = edit.undo.inverted()
        # The first redo (on push) installs the graph the edit computed; later ones re-apply.
        self._pending: CauseGraph | None = edit.graph
        #: Ids of the elements this edit concerns, to select after undo or redo.
        self.focus = tuple(focus)

    def redo(self) -> None:
        """Apply the edit (again)."""
        if self._pending is not None:
            graph, self._pending = self._pending, None
            self._document.replace(graph)
            return
        self._document.replace(apply_patch(self._document.graph, self._redo).graph)

    def undo(self) -> None:
        """Put back exactly what the edit changed."""
        self._document.replace(apply_patch(self._document.graph, self._undo).graph)


def push_edit(
    stack: QUndoStack,
    document: AnalysisDocument,
    make_edit: Callable[[CauseGraph], Edit],
    text: str,
    focus: Iterable[str] = (),
) -> GraphEditCommand | None:
    """Compute an edit of the current graph and push it; refusals raise before any change.

    An edit that changes nothing (moving a node to where it is) is not pushed.
    """
    edit = make_edit(document.graph)
    if not edit.undo.changes:
        return None
    command = GraphEditCommand(document, edit, text, focus)
    stack.push(command)
    return command

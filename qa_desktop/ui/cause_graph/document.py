"""The analysis being edited: one cause-graph value that every view of the editor shows.

The graph itself is immutable (see :mod:`qa_desktop.analysis.graph_ops`); editing replaces
it with a new value and tells the views, which compare the old and new values to update
only what changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from qa_desktop.analysis.graph_ops import CauseGraph


class AnalysisDocument(QObject):
    """Holds the current graph and announces every replacement (old, new)."""

    graph_changed = Signal(object, object)

    def __init__(self, graph: CauseGraph, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._graph = graph

    @property
    def graph(self) -> CauseGraph:
        """The graph as it stands now (unsaved edits included)."""
        return self._graph

    def replace(self, graph: CauseGraph) -> None:
        """Make *graph* the current one and tell the views."""
        old, self._graph = self._graph, graph
        if old is not graph:
            self.graph_changed.emit(old, graph)

"""The incident window's "Similar past incidents" tab: the lessons of earlier analyses.

Built on first view: the lessons need the analysis services (and networkx), which an
incident window that never shows this tab should not load.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.tasks import TaskRunner


class SimilarIncidentsTab(QWidget):
    """Past incidents like this one, with their confirmed causes and countermeasures."""

    def __init__(
        self,
        services: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        hub: EventHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services, self._user, self._tasks, self._hub = services, user, tasks, hub
        self.panel: Any = None
        self._layout = QVBoxLayout(self)
        self._waiting = QLabel(self.tr("Save the incident to see similar past incidents."), self)
        self._waiting.setWordWrap(True)
        self._layout.addWidget(self._waiting)
        self._editors: list[QWidget] = []

    def show_for(self, reference: str) -> None:
        """Show the incidents similar to *reference* (looked up once per incident)."""
        if self.panel is None:
            from qa_desktop.ui.cause_graph.lessons_views import SimilarIncidentsPanel

            self.panel = SimilarIncidentsPanel(
                self._services.analysis.lessons, self._user, self._tasks, self
            )
            self.panel.analysis_requested.connect(self._on_panel_analysis_requested)
            self._waiting.hide()
            self._layout.addWidget(self.panel, 1)
        self.panel.show_for(reference)

    def stop(self) -> None:
        """The window is closing: ignore answers still on their way."""
        if self.panel is not None:
            self.panel.stop()

    def _on_panel_analysis_requested(self, reference: str) -> None:
        from qa_desktop.ui.cause_graph.editor_window import AnalysisEditor

        editor = AnalysisEditor(
            self._services, self._user, self._tasks, self._hub, reference, parent=self.window()
        )
        self._editors.append(editor)
        editor.show()

"""The Analysis menu of the register window: open an incident's analysis, search lessons,
see recurring causes.

:func:`install_analysis_ui` adds the menu using only the register window's public
interface: ``current_reference()`` for the incident the cursor is on, and ``services``,
``user``, ``tasks`` and ``hub`` for what the windows opened from it need (each may also be
given explicitly). One analysis window per incident: opening it again brings it to the front.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from qa_desktop.ui.errors import show_error

if TYPE_CHECKING:
    # The editor, the lessons views and what they import (networkx, ReportLab) load on first
    # use of the menu, not with the register window.
    from qa_desktop.ui.cause_graph.editor_window import AnalysisEditor
    from qa_desktop.ui.cause_graph.lessons_search import LessonsSearchDialog
    from qa_desktop.ui.cause_graph.recurring_causes import RecurringCausesWindow


class AnalysisMenu(QObject):
    """The Analysis menu and the windows opened from it."""

    def __init__(
        self,
        window: QMainWindow,
        services: Any,
        user: Any,
        tasks: Any,
        hub: Any,
        analysis_services: Any,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._user = user
        self._tasks = tasks
        self._hub = hub
        self._analysis_given = analysis_services
        self.editors: dict[str, AnalysisEditor] = {}
        self.search_dialog: LessonsSearchDialog | None = None
        self.recurrence_window: RecurringCausesWindow | None = None

        self.open_analysis = QAction(self.tr("&Open analysis of selected incident"), window)
        self.open_analysis.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.open_analysis.setStatusTip(
            self.tr("Open the OCHIBO-HIROI cause analysis of the incident the cursor is on")
        )
        self.search_lessons = QAction(self.tr("&Search lessons…"), window)
        self.search_lessons.setStatusTip(
            self.tr("Find past analyses by product, component, failure mode, cause or layer")
        )
        self.recurring = QAction(self.tr("&Recurring causes…"), window)
        self.recurring.setStatusTip(
            self.tr("Causes that recur across incidents, products and years")
        )
        for action in (self.open_analysis, self.search_lessons, self.recurring):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self.open_analysis.triggered.connect(self._on_open_analysis_triggered)
        self.search_lessons.triggered.connect(self.show_search)
        self.recurring.triggered.connect(self.show_recurring_causes)

        self.menu = QMenu(self.tr("&Analysis"), window)
        self.menu.addAction(self.open_analysis)
        self.menu.addSeparator()
        self.menu.addActions([self.search_lessons, self.recurring])
        bar = window.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None]
        # Before Help, which stays last by convention.
        if menus:
            bar.insertMenu(menus[-1], self.menu)
        else:
            bar.addMenu(self.menu)

    @property
    def _analysis(self) -> Any:
        if self._analysis_given is None:
            from qa_desktop.ui.cause_graph.editor_window import attached_analysis_services

            self._analysis_given = attached_analysis_services(self._services)
        return self._analysis_given

    def _on_open_analysis_triggered(self) -> None:
        reference = self._window.current_reference()  # type: ignore[attr-defined]
        if not reference:
            self._window.statusBar().showMessage(
                self.tr("Select an incident first, then open its analysis."), 10_000
            )
            return
        self.open(reference)

    def open(self, reference: str) -> AnalysisEditor | None:
        """Open (or bring to the front) the analysis window of *reference*."""
        existing = self.editors.get(reference)
        if existing is not None:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
        from qa_desktop.ui.cause_graph.editor_window import AnalysisEditor

        try:
            editor = AnalysisEditor(
                self._services,
                self._user,
                self._tasks,
                self._hub,
                reference,
                parent=self._window,
                analysis_services=self._analysis,
            )
        except Exception as exc:  # the window reads the analysis; its failure must be seen
            show_error(self._window, exc)
            return None
        self.editors[reference] = editor
        editor.destroyed.connect(lambda _obj=None, ref=reference: self.editors.pop(ref, None))
        editor.analysis_requested.connect(self.open)
        editor.show()
        return editor

    def show_search(self) -> LessonsSearchDialog:
        """Show the lessons search (one dialog, kept between uses)."""
        from qa_desktop.ui.cause_graph.lessons_search import LessonsSearchDialog

        if self.search_dialog is None:
            dialog = LessonsSearchDialog(
                self._analysis.lessons, self._user, self._tasks, self._window
            )
            dialog.analysis_requested.connect(self.open)
            self.search_dialog = dialog
        self.search_dialog.show()
        self.search_dialog.raise_()
        return self.search_dialog

    def show_recurring_causes(self) -> RecurringCausesWindow:
        """Show the cross-incident view of recurring causes (read afresh each time)."""
        from qa_desktop.ui.cause_graph.recurring_causes import RecurringCausesWindow

        window = self.recurrence_window
        if window is None or not window.isVisible():
            window = RecurringCausesWindow(
                self._analysis.lessons, self._user, self._tasks, self._window
            )
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.analysis_requested.connect(self.open)
            window.destroyed.connect(self._on_recurrence_window_destroyed)
            self.recurrence_window = window
        window.show()
        window.raise_()
        return window

    def _on_recurrence_window_destroyed(self) -> None:
        self.recurrence_window = None


def install_analysis_ui(
    main_window: QWidget,
    *,
    services: Any = None,
    user: Any = None,
    tasks: Any = None,
    hub: Any = None,
    analysis_services: Any = None,
) -> AnalysisMenu:
    """Add the Analysis menu to the register window and return it.

    Whatever is not given is read from the window's public ``services``, ``user``, ``tasks``
    and ``hub``; the analysis services default to ``services.analysis``.
    """
    if not isinstance(main_window, QMainWindow):
        raise TypeError("The Analysis menu belongs in a main window.")
    services = services if services is not None else main_window.services  # type: ignore[attr-defined]
    return AnalysisMenu(
        main_window,
        services,
        user if user is not None else main_window.user,  # type: ignore[attr-defined]
        tasks if tasks is not None else main_window.tasks,  # type: ignore[attr-defined]
        hub if hub is not None else main_window.hub,  # type: ignore[attr-defined]
        analysis_services,
    )

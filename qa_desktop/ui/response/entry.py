"""The Response menu of the register window: the deadlines view and the QA heads' review inbox.

:func:`install_response_ui` uses only the register window's public interface (``services``,
``user``, ``tasks`` and ``open_incident``). The review inbox is for QA division heads; others
see the menu item disabled, with a tooltip saying why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget

from qa_desktop.domain.roles import Permission

if TYPE_CHECKING:
    from qa_desktop.ui.response.deadlines_view import DeadlinesWindow
    from qa_desktop.ui.response.review_inbox import ReviewInboxWindow


class ResponseMenu(QObject):
    """The Response menu and the windows opened from it (one of each, reused)."""

    def __init__(self, window: QMainWindow, services: Any, user: Any, tasks: Any) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._user = user
        self._tasks = tasks
        self.deadlines_window: DeadlinesWindow | None = None
        self.inbox_window: ReviewInboxWindow | None = None

        self.deadlines = QAction(self.tr("&Deadlines…"), window)
        self.deadlines.setShortcut(QKeySequence("Ctrl+D"))
        self.deadlines.setStatusTip(
            self.tr("Every running regulator clock by time left, and overdue countermeasures")
        )
        self.inbox = QAction(self.tr("Review &inbox…"), window)
        self.inbox.setStatusTip(self.tr("Escalations and decisions awaiting your signature"))
        if not user.may(Permission.SIGN):
            self.inbox.setEnabled(False)
            self.inbox.setToolTip(self.tr("Only QA division heads review and sign"))
        self.management_list = QAction(self.tr("&Management list…"), window)
        self.management_list.setStatusTip(
            self.tr("Who receives the status reports of serious incidents")
        )
        for action in (self.deadlines, self.inbox):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self.deadlines.triggered.connect(self.show_deadlines)
        self.inbox.triggered.connect(self.show_inbox)
        self.management_list.triggered.connect(self.show_management_list)

        self.menu = QMenu(self.tr("&Response"), window)
        self.menu.setToolTipsVisible(True)
        self.menu.addActions([self.deadlines, self.inbox])
        self.menu.addSeparator()
        self.menu.addAction(self.management_list)
        bar = window.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None]
        # Before Help, which stays last by convention.
        if menus:
            bar.insertMenu(menus[-1], self.menu)
        else:
            bar.addMenu(self.menu)

    def _open_incident(self, reference: str) -> None:
        opener = getattr(self._window, "open_incident", None)
        if opener is not None:
            opener(reference)

    def show_deadlines(self) -> DeadlinesWindow:
        """Show the deadlines window (read afresh when shown again)."""
        from qa_desktop.ui.response.deadlines_view import DeadlinesWindow

        window = self.deadlines_window
        if window is None or not window.isVisible():
            window = DeadlinesWindow(self._services, self._user, self._tasks, self._window)
            window.setWindowFlag(Qt.WindowType.Window)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.incident_requested.connect(self._open_incident)
            window.destroyed.connect(self._forget_deadlines)
            self.deadlines_window = window
        window.show()
        window.raise_()
        return window

    def show_inbox(self) -> ReviewInboxWindow | None:
        """Show the review inbox (QA division heads only)."""
        if not self.inbox.isEnabled():
            return None
        from qa_desktop.ui.response.review_inbox import ReviewInboxWindow

        window = self.inbox_window
        if window is None or not window.isVisible():
            window = ReviewInboxWindow(self._services, self._user, self._tasks, self._window)
            window.setWindowFlag(Qt.WindowType.Window)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.incident_requested.connect(self._open_incident)
            window.destroyed.connect(self._forget_inbox)
            self.inbox_window = window
        window.show()
        window.raise_()
        return window

    def show_management_list(self) -> QDialog:
        """Show the management list (QA division heads may change it)."""
        from qa_desktop.ui.response.management_list_dialog import ManagementListDialog

        dialog = ManagementListDialog(self._services, self._user, self._tasks, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _forget_deadlines(self) -> None:
        self.deadlines_window = None

    def _forget_inbox(self) -> None:
        self.inbox_window = None


def install_response_ui(
    main_window: QWidget, *, services: Any = None, user: Any = None, tasks: Any = None
) -> ResponseMenu:
    """Add the Response menu to the register window and return it."""
    if not isinstance(main_window, QMainWindow):
        raise TypeError("The Response menu belongs in a main window.")
    return ResponseMenu(
        main_window,
        services if services is not None else main_window.services,  # type: ignore[attr-defined]
        user if user is not None else main_window.user,  # type: ignore[attr-defined]
        tasks if tasks is not None else main_window.tasks,  # type: ignore[attr-defined]
    )

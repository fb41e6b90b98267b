"""The main window's commands: one QAction each, shared by the menus, toolbar and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from qa_desktop.ui.icons import icon


class RegisterActions(QObject):
    """Creates the commands of the register window and puts them in menus and a toolbar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)

        self.new_incident = self._action(
            window,
            self.tr("&New incident…"),
            "new",
            QKeySequence.StandardKey.New,
            self.tr("Log a new incident (Ctrl+N)"),
        )
        self.open_incident = self._action(
            window,
            self.tr("&Open incident"),
            "open",
            None,
            self.tr("Open the selected incident (Enter or double-click)"),
        )
        self.open_database = self._action(
            window,
            self.tr("Open &database file…"),
            "database",
            QKeySequence.StandardKey.Open,
            self.tr("Work on another QA Desktop database file"),
        )
        self.connect_server = self._action(
            window,
            self.tr("Connect to database &server…"),
            None,
            None,
            self.tr("Work on a shared PostgreSQL database"),
        )
        self.import_incidents = self._action(
            window,
            self.tr("&Import incidents…"),
            "import",
            QKeySequence("Ctrl+I"),
            self.tr("Import incidents from a CSV, Excel or JSON file (all or nothing)"),
        )
        self.export_incidents = self._action(
            window,
            self.tr("&Export incidents…"),
            "export",
            QKeySequence("Ctrl+E"),
            self.tr("Export every incident to a CSV, Excel or JSON file"),
        )
        self.quit = self._action(
            window,
            self.tr("&Quit"),
            "quit",
            QKeySequence("Ctrl+Q"),
            self.tr("Close QA Desktop"),
        )
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.find = self._action(
            window,
            self.tr("&Find…"),
            "search",
            QKeySequence.StandardKey.Find,
            self.tr("Search the register (Ctrl+F)"),
        )
        self.clear_filters = self._action(
            window,
            self.tr("&Clear filters"),
            "clear",
            QKeySequence("Ctrl+Shift+L"),
            self.tr("Show every incident again"),
        )
        self.preferences = self._action(
            window,
            self.tr("&Preferences…"),
            "preferences",
            QKeySequence("Ctrl+,"),
            self.tr("Language and other preferences"),
        )
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.refresh = self._action(
            window,
            self.tr("&Refresh"),
            "refresh",
            QKeySequence("F5"),
            self.tr("Read the register again, with changes made by others (F5)"),
        )
        self.reset_columns = self._action(
            window,
            self.tr("Reset &columns"),
            None,
            None,
            self.tr("Restore the register's columns to their original widths and order"),
        )
        self.about = self._action(
            window,
            self.tr("&About QA Desktop"),
            "about",
            None,
            self.tr("Version, database and licences"),
        )
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_incident, self.open_incident])
        file_menu.addSeparator()
        file_menu.addActions([self.open_database, self.connect_server])
        self.recent_menu = QMenu(self.tr("&Recent databases"), file_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.import_incidents, self.export_incidents])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.find, self.clear_filters])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.refresh, self.reset_columns])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)

        self.toolbar = QToolBar(self.tr("Register tools"), window)
        self.toolbar.setObjectName("register_toolbar")  # saveState() needs a stable name
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.new_incident, self.open_incident, self.refresh])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.import_incidents, self.export_incidents])
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    @staticmethod
    def _action(
        window: QMainWindow,
        text: str,
        icon_name: str | None,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        tip: str,
    ) -> QAction:
        action = QAction(text, window)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(shortcut)
            # The register window's shortcuts also work while its toolbar or bar has focus.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        window.addAction(action)
        return action

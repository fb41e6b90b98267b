"""The incident register window: the window a QA engineer keeps open all day.

The table is a lazy view over the database (see :mod:`register_model`); the filter bar
describes what to show; menus, toolbar and shortcuts share one set of actions. The window
remembers its geometry, columns, filters and order between runs, and refreshes itself when
the event hub says incidents were saved or imported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.register import IncidentPage, IncidentQuery, SortKey
from qa_desktop.domain.roles import Permission
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.database_choice import DatabaseChoice
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.filter_bar import FilterBar
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.icons import app_icon
from qa_desktop.ui.labels import role_label
from qa_desktop.ui.main_actions import RegisterActions
from qa_desktop.ui.register_filter import RegisterFilter
from qa_desktop.ui.register_model import REFERENCE_ROLE, RegisterModel
from qa_desktop.ui.register_table import RegisterTable
from qa_desktop.ui.settings import AppSettings
from qa_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qa_desktop.services import QaServices
    from qa_desktop.ui.transfer_dialogs import FileTransfer

log = logging.getLogger(__name__)
#: The module of the incident editor window (opened on first use).
EDITOR_MODULE = "qa_desktop.ui.incident_editor"


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    """The database the window works on, as the title bar and About box name it."""

    display_name: str
    backend: str
    location: str


class MainWindow(QMainWindow):
    """The incident register with its filters, commands and status."""

    #: The user asked to work on another database (a file path or server URL).
    database_requested = Signal(str)
    #: An import or export began (carries its :class:`FileTransfer`).
    transfer_started = Signal(object)

    def __init__(
        self,
        services: QaServices,
        user: CurrentUser,
        tasks: TaskRunner,
        hub: EventHub,
        settings: AppSettings,
        database: DatabaseInfo,
        parent: QWidget | None = None,
        *,
        open_register: bool = True,
    ) -> None:
        """Without *open_register* the register stays empty until :meth:`open_register`."""
        super().__init__(parent)
        self._services = services
        self._user = user
        self._tasks = tasks
        self._hub = hub
        self._settings = settings
        self._database = database
        self._editors: dict[str, QWidget] = {}
        self._reselect: str | None = None
        self._transfers: list[FileTransfer] = []
        self.setObjectName("register_window")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(
            self.tr("{database} — {user} ({role}) — QA Desktop").format(
                database=database.display_name,
                user=user.display_name,
                role=role_label(user.role),
            )
        )

        self.model = RegisterModel(services, user, tasks, self._on_model_failed, self)
        self.filter_bar = FilterBar(settings, self)
        self.table = RegisterTable(self.model, self)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._databases = DatabaseChoice(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self.actions_ = RegisterActions(self)
        self._connect_actions()
        # Lazy: the cause-graph editor (and networkx) load when the menu is first used.
        from qa_desktop.ui.cause_graph.entry import install_analysis_ui

        self.analysis_menu = install_analysis_ui(self)
        from qa_desktop.ui.response.entry import install_response_ui

        self.response_menu = install_response_ui(self)
        self._build_status_bar()
        self._restore_layout()

        self.filter_bar.set_filter(settings.last_filter)
        self.filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        self.filter_bar.search.installEventFilter(self)
        self.model.count_changed.connect(self._on_model_count_changed)
        self.model.loading_changed.connect(self._on_model_loading_changed)
        self.model.page_shown.connect(self._on_model_page_shown)
        self.model.rowsInserted.connect(self._on_model_rows_inserted)
        hub.incident_saved.connect(self._on_hub_incident_saved)
        hub.incidents_imported.connect(self._on_hub_incidents_imported)
        hub.refresh_requested.connect(self.refresh)
        if open_register:
            self.open_register()

    def open_register(self, first_page: tuple[IncidentQuery, IncidentPage] | None = None) -> None:
        """Read the register on the filters and order it closed with.

        *first_page* is a page read ahead for a query; it is shown if that is the query.
        """
        sort, descending = self._settings.last_sort
        if first_page is not None:
            self.model.seed(*first_page)
        self.model.set_query(self.filter_bar.current_filter().to_query(sort, descending))
        self.table.show_sort_indicator()

    # ---------------------------------------------------------------- building
    def _connect_actions(self) -> None:
        actions = self.actions_
        actions.new_incident.triggered.connect(lambda: self.open_incident(None))
        actions.open_incident.triggered.connect(self.open_selected_incident)
        actions.open_database.triggered.connect(
            lambda: self._request_database(
                self._databases.ask_file(self._database.location, self._database.backend)
            )
        )
        actions.connect_server.triggered.connect(
            lambda: self._request_database(self._databases.ask_server())
        )
        actions.recent_menu.aboutToShow.connect(
            lambda: self._databases.fill_recent(
                actions.recent_menu,
                self._settings.recent_databases,
                self._database.location,
                self.database_requested.emit,
            )
        )
        actions.import_incidents.triggered.connect(self.import_incidents)
        actions.export_incidents.triggered.connect(self.export_incidents)
        actions.quit.triggered.connect(self.close)
        actions.find.triggered.connect(self.filter_bar.focus_search)
        actions.clear_filters.triggered.connect(self.filter_bar.clear)
        actions.preferences.triggered.connect(self._show_preferences)
        actions.refresh.triggered.connect(self.refresh)
        actions.reset_columns.triggered.connect(self.table.reset_columns)
        actions.about.triggered.connect(self._show_about)
        user = self._user
        actions.new_incident.setEnabled(user.may(Permission.EDIT_INCIDENTS))
        actions.import_incidents.setEnabled(user.may(Permission.IMPORT_INCIDENTS))
        actions.export_incidents.setEnabled(user.may(Permission.EXPORT_INCIDENTS))
        self._update_actions()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.loading_label = QLabel(self.tr("Reading the register…"), self)
        self.loading_label.hide()
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Matching incidents"))
        self.user_label = QLabel(
            self.tr("Signed in as {user} ({role})").format(
                user=self._user.display_name, role=role_label(self._user.role)
            ),
            self,
        )
        bar.addWidget(self.loading_label)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.user_label)

    def _restore_layout(self) -> None:
        settings = self._settings
        if not self.restoreGeometry(settings.window_geometry):
            self.resize(1280, 800)
        self.restoreState(settings.window_state)
        header = self.table.horizontalHeader()
        header_state = settings.register_header
        if not header_state.isEmpty():
            header.restoreState(header_state)

    # ---------------------------------------------------------------- register
    def refresh(self) -> None:
        """Read the register again (F5): shows changes saved by anyone since."""
        self._reselect = self.current_reference()
        self.model.refresh()

    @property
    def services(self) -> QaServices:
        """The services this window works with (for the windows it opens)."""
        return self._services

    @property
    def user(self) -> CurrentUser:
        """The person signed in."""
        return self._user

    @property
    def tasks(self) -> TaskRunner:
        """The background runner shared by this window's views."""
        return self._tasks

    @property
    def hub(self) -> EventHub:
        """The application's event hub."""
        return self._hub

    def current_reference(self) -> str | None:
        """The reference of the incident the cursor is on, if any."""
        return self.table.current_reference()

    def _on_filter_bar_filter_changed(self, value: RegisterFilter) -> None:
        self._reselect = self.current_reference()
        query = self.model.query
        self.model.set_query(value.to_query(query.sort, query.descending))

    def _on_model_page_shown(self) -> None:
        self._suggest_from_rows(0, self.model.rowCount() - 1)
        reference, self._reselect = self._reselect, None
        self.table.select_reference(reference)
        self.table.show_sort_indicator()
        self._update_actions()

    def _on_model_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._suggest_from_rows(first, last)

    def _suggest_from_rows(self, first: int, last: int) -> None:
        rows = [self.model.summary(r) for r in range(first, last + 1)]
        present = [r for r in rows if r is not None]
        self.filter_bar.add_suggestions(
            (r.product_name for r in present), (r.qa_owner for r in present)
        )

    def _on_model_count_changed(self, count: int) -> None:
        number = QLocale().toString(count)
        # The query the count belongs to, not the text still being typed.
        query = self.model.query
        if replace(query, sort=SortKey.FIRST_KNOWN, descending=True) == IncidentQuery():
            text = self.tr("1 incident") if count == 1 else self.tr("{n} incidents")
        elif count == 1:
            text = self.tr("1 matching incident")
        else:
            text = self.tr("{n} matching incidents")
        self.count_label.setText(text.format(n=number))

    def _on_model_loading_changed(self, loading: bool) -> None:
        self.loading_label.setVisible(loading)
        if loading:
            self.count_label.setText(self.tr("Counting…"))

    def _on_model_failed(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("The register could not be read"))
        show_error(self, exc)

    def _on_hub_incident_saved(self, reference: str) -> None:
        self._reselect = reference
        self.model.refresh()

    def _on_hub_incidents_imported(self, _count: int) -> None:
        self.refresh()

    def _update_actions(self, *_args: Any) -> None:
        self.actions_.open_incident.setEnabled(self.table.currentIndex().isValid())

    # ---------------------------------------------------------------- keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """From the search box, Down or Enter moves to the register's rows."""
        if watched is self.filter_bar.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.table.focus_rows()
                return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- incidents
    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_incident(str(index.data(REFERENCE_ROLE)))

    def open_selected_incident(self) -> None:
        """Open the incident the cursor is on."""
        reference = self.current_reference()
        if reference:
            self.open_incident(reference)

    def open_incident(self, reference: str | None) -> QWidget | None:
        """Open *reference* in the incident editor (``None``: a new incident)."""
        existing = self._editors.get(reference or "")
        if existing is not None:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
        # Imported on first use: the register window starts without the editor's weight.
        from qa_desktop.ui.incident_editor import IncidentEditor

        try:
            editor: QWidget = IncidentEditor(
                self._services, self._user, self._tasks, self._hub, reference, parent=self
            )
        except Exception as exc:  # the editor reads the incident; its failure must be seen
            show_error(self, exc)
            return None
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if reference:
            self._editors[reference] = editor
            editor.destroyed.connect(lambda _obj=None, ref=reference: self._editors.pop(ref, None))
        editor.show()
        return editor

    def open_editors(self) -> list[QWidget]:
        """The incident editors this window opened that are still open."""
        return [e for e in self.findChildren(QMainWindow) if e is not self and e.isVisible()]

    # ---------------------------------------------------------------- files
    # Dialogs opened from a menu are imported on first use: start-up time.
    def _show_about(self) -> None:
        from qa_desktop.ui.about_dialog import show_about

        show_about(
            self, self._database.display_name, self._database.backend, self._settings.file_name
        )

    def import_incidents(self, path: Path | None = None) -> FileTransfer | None:
        """Import a file chosen by the user (or *path*)."""
        from qa_desktop.ui.transfer_dialogs import ask_import_file, run_import

        path = path or ask_import_file(self)
        if path is None:
            return None
        return run_import(
            self,
            self._services,
            self._user,
            self._tasks,
            self._hub,
            path,
            on_started=self._track_transfer,
        )

    def export_incidents(self, target: tuple[Path, str] | None = None) -> FileTransfer | None:
        """Export every incident to a file chosen by the user (or *target*)."""
        from qa_desktop.ui.transfer_dialogs import ask_export_file, run_export

        target = target or ask_export_file(self)
        if target is None:
            return None
        path, fmt = target
        return run_export(
            self,
            self._services,
            self._user,
            self._tasks,
            path,
            fmt,
            on_started=self._track_transfer,
        )

    def _track_transfer(self, transfer: FileTransfer) -> None:
        self._transfers.append(transfer)
        transfer.finished.connect(lambda message: self.statusBar().showMessage(message, 15_000))
        transfer.finished.connect(lambda _message, t=transfer: self._forget_transfer(t))
        self.transfer_started.emit(transfer)

    def _forget_transfer(self, transfer: FileTransfer) -> None:
        if transfer in self._transfers:
            self._transfers.remove(transfer)

    # ---------------------------------------------------------------- databases
    def _request_database(self, location: str | None) -> None:
        if location:
            self.database_requested.emit(location)

    def _show_preferences(self) -> None:
        from qa_desktop.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self._settings, self)
        if dialog.exec() and dialog.language_changed:
            self.statusBar().showMessage(
                self.tr("The new language applies the next time QA Desktop starts."), 15_000
            )

    # ---------------------------------------------------------------- closing
    def save_layout(self) -> None:
        """Remember geometry, columns, filters and order for the next run."""
        settings = self._settings
        settings.window_geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.register_header = self.table.horizontalHeader().saveState()
        settings.last_filter = self.filter_bar.current_filter()
        query = self.model.query
        settings.last_sort = (query.sort, query.descending)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the editors first (each may keep unsaved work), then remember the layout."""
        for editor in self.open_editors():
            if not editor.close():
                event.ignore()
                return
        self.save_layout()
        for transfer in list(self._transfers):
            transfer.cancel()
        # Reads still running answer a window that is gone: let the model ignore them.
        self.model.stop()
        event.accept()

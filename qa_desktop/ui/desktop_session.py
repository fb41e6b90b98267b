"""From start to register: open the database, create the first administrator, sign in, show.

Also switches to another database (File > Open database…, recent databases): the new one
is opened and signed in to before the old window closes, so a refused database or a
cancelled sign-in leaves the user where they were. A refused database is never changed.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from qa_desktop.domain.errors import AuthenticationFailed, QaError
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.early_start import PASSWORD_ENV, EarlyStart, choose_location
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.main_window import DatabaseInfo, MainWindow
from qa_desktop.ui.pending_services import PendingServices
from qa_desktop.ui.settings import AppSettings
from qa_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qa_desktop.services.opening import OpenedDatabase
    from qa_desktop.services.quick_start import QuickStart

log = logging.getLogger(__name__)
Opener = Callable[[str | None], "OpenedDatabase"]
#: What ``--exit-after-first-page`` prints when the register has painted its first rows,
#: followed by ``time.monotonic()`` then (start-up measurements read it).
FIRST_PAGE_MARK = "qa-desktop: first page painted at"


def _open_services(location: str | None) -> OpenedDatabase:
    from qa_desktop.services.opening import open_services

    return open_services(location)


@dataclass(frozen=True, slots=True)
class StartOptions:
    """What the command line asked for."""

    database: str | None = None
    username: str = ""
    #: Quit as soon as the register has painted its first rows (start-up measurements).
    exit_after_first_page: bool = False


class _FirstPaintWatch(QObject):
    """Calls back once the register has painted with its first page (or as empty)."""

    def __init__(self, window: MainWindow, painted: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._painted = painted
        self._armed = False
        window.model.page_shown.connect(self._arm)
        if not window.model.is_loading:
            self._arm()
        window.table.viewport().installEventFilter(self)

    def _arm(self) -> None:
        self._armed = True
        self._window.table.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After the first paint with rows (or of an empty register), call back once."""
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            self._window.table.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False


def _report_first_paint_and_quit() -> None:
    print(FIRST_PAGE_MARK, f"{time.monotonic():.6f}", flush=True)
    QApplication.quit()


class DesktopSession:
    """Owns the open database and its register window for the life of the application."""

    def __init__(
        self,
        settings: AppSettings,
        tasks: TaskRunner,
        hub: EventHub,
        options: StartOptions,
        opener: Opener = _open_services,
    ) -> None:
        self._settings = settings
        self._tasks = tasks
        self._hub = hub
        self._options = options
        self._opener = opener
        self.opened: OpenedDatabase | None = None
        self.window: MainWindow | None = None
        #: A quick start whose full opening has not been taken over yet.
        self._early: EarlyStart | None = None

    # ---------------------------------------------------------------- start
    def start(self, early: EarlyStart | None = None) -> bool:
        """Open a database, sign in and show the register; False when the user gave up.

        *early* is the same work begun on a worker thread while Qt started, if it was.
        """
        location = choose_location(self._options.database, self._settings.recent_databases)
        if early is not None and early.location != location:
            early = None
        if early is not None and self._try_quick_start(early):
            return True
        while True:
            opened = self._open(location, parent=None, early=early)
            if opened is not None:
                break
            early = None
            location = self._ask_after_refusal(location)
            if location is None:
                return False
        user = self._sign_in(opened, parent=None, auto=True, early=early)
        if user is None:
            opened.services.database.dispose()
            return False
        self._show(opened, user)
        return True

    def _open(
        self, location: str | None, parent: QWidget | None, early: EarlyStart | None = None
    ) -> OpenedDatabase | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return early.opened() if early is not None else self._opener(location)
        except QaError as exc:
            refusal = exc
        finally:
            QApplication.restoreOverrideCursor()
        show_error(parent, refusal)
        return None

    def _ask_after_refusal(self, location: str | None) -> str | None:
        box = QMessageBox(QMessageBox.Icon.Question, "QA Desktop", "")
        box.setWindowTitle(QApplication.translate("DesktopSession", "Open a database"))
        box.setText(
            QApplication.translate(
                "DesktopSession",
                "QA Desktop needs a database to work on. Open another database file, or quit?",
            )
        )
        other = box.addButton(
            QApplication.translate("DesktopSession", "&Open another file…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QApplication.translate("DesktopSession", "&Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        if box.clickedButton() is not other:
            return None
        start = str(Path(location).parent) if location and "://" not in location else ""
        name, _selected = QFileDialog.getOpenFileName(
            None,
            QApplication.translate("DesktopSession", "Open database file"),
            start,
            QApplication.translate(
                "DesktopSession", "QA Desktop databases (*.sqlite3 *.sqlite *.db);;All files (*)"
            ),
        )
        return name or None

    def _sign_in(
        self,
        opened: OpenedDatabase,
        parent: QWidget | None,
        *,
        auto: bool,
        early: EarlyStart | None = None,
    ) -> CurrentUser | None:
        accounts = opened.services.accounts
        if accounts.first_run_needed():
            from qa_desktop.ui.first_admin_dialog import FirstAdminDialog

            first = FirstAdminDialog(opened.services, self._tasks, opened.display_name, parent)
            return first.user if first.exec() else None
        username = self._options.username
        problem = ""
        password = os.environ.get(PASSWORD_ENV)
        if auto and username and password is not None:
            user, refusal = early.sign_in_outcome() if early is not None else (None, None)
            if user is not None:
                return user
            if refusal is None:
                try:
                    return accounts.sign_in(username, password)
                except AuthenticationFailed as exc:
                    refusal = exc
            problem = str(refusal)
        from qa_desktop.ui.sign_in_dialog import SignInDialog

        dialog = SignInDialog(opened.services, self._tasks, opened.display_name, username, parent)
        if problem:
            dialog.show_refusal(AuthenticationFailed(problem))
        return dialog.user if dialog.exec() else None

    def _show(self, opened: OpenedDatabase, user: CurrentUser) -> None:
        window = MainWindow(
            opened.services,
            user,
            self._tasks,
            self._hub,
            self._settings,
            DatabaseInfo(opened.display_name, opened.backend, opened.location),
        )
        self._adopt(window, opened.location)
        if self._options.exit_after_first_page:
            _FirstPaintWatch(window, _report_first_paint_and_quit)
        self.opened = opened
        window.show()
        if opened.backup is not None:
            window.statusBar().showMessage(
                QApplication.translate(
                    "DesktopSession",
                    "The database was brought up to date; a copy of the old one is at {path}.",
                ).format(path=str(opened.backup)),
                30_000,
            )

    def _adopt(self, window: MainWindow, location: str) -> None:
        """Make *window*, about to be shown on *location*, the session's register window."""
        self._settings.remember_database(location)
        self._settings.sync()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.database_requested.connect(self.switch_database)
        self.window = window

    def _try_quick_start(self, early: EarlyStart) -> bool:
        """Show the register from a quick start, if there is one; the full services follow.

        The window is built for the person named while their password is still being
        checked (the slow part of a start) and shown only once it has checked out.
        """
        claimed = early.claimed_user()
        if claimed is None:
            return False
        pending = PendingServices(lambda: early.opened().services)
        location = early.quick_location()
        window = MainWindow(
            pending.as_services(),
            claimed,
            self._tasks,
            self._hub,
            self._settings,
            DatabaseInfo(location, "sqlite", location),
            open_register=False,
        )
        quick = early.quick_start()
        if quick is None:
            window.deleteLater()  # never shown: the full sign-in takes over
            return False
        window.open_register((quick.query, quick.page))
        self._adopt(window, quick.location)
        self._early = early

        def painted() -> None:
            early.proceed()
            self._tasks.run(
                lambda: (early.opened(), early.sign_in_outcome()),
                on_done=lambda outcome: self._quick_start_settled(window, quick, *outcome),
                on_failed=lambda exc: self._quick_start_failed(window, exc),
            )
            if self._options.exit_after_first_page:
                _report_first_paint_and_quit()

        _FirstPaintWatch(window, painted)
        window.show()
        return True

    def _quick_start_settled(
        self,
        window: MainWindow,
        quick: QuickStart,
        opened: OpenedDatabase,
        outcome: tuple[CurrentUser | None, AuthenticationFailed | None],
    ) -> None:
        """The full opening and sign-in ended: keep the window if they agree with it."""
        self._early = None
        user, refusal = outcome
        if user == quick.user:
            self.opened = opened
            return
        # The account changed in the moment between the two checks (locked, disabled).
        opened.services.database.dispose()
        problem = refusal or AuthenticationFailed(
            QApplication.translate("DesktopSession", "Signing in could not be completed.")
        )
        self._close_after(window, problem)

    def _quick_start_failed(self, window: MainWindow, exc: BaseException) -> None:
        self._early = None
        self._close_after(window, exc)

    def _close_after(self, window: MainWindow, problem: BaseException) -> None:
        show_error(window, problem)
        if self.window is window:
            self.window = None
        window.close()

    def _settle_quick_start(self) -> None:
        """Wait for a quick start's full opening (before switching or closing down)."""
        early, self._early = self._early, None
        if early is None or self.opened is not None:
            return
        try:
            self.opened = early.opened()
        except QaError:
            log.warning("the database opened at start could not be opened fully", exc_info=True)

    # ---------------------------------------------------------------- switching
    def switch_database(self, location: str) -> bool:
        """Work on *location* instead; the current window stays if anything goes wrong."""
        self._settle_quick_start()
        old_window, old = self.window, self.opened
        opened = self._open(location, parent=old_window)
        if opened is None:
            return False
        user = self._sign_in(opened, parent=old_window, auto=False)
        if user is None:
            opened.services.database.dispose()
            return False
        if old_window is not None:
            old_window.database_requested.disconnect(self.switch_database)
            # Closing the only window would end the application before the new one shows.
            QApplication.setQuitOnLastWindowClosed(False)
            try:
                closed = old_window.close()
            finally:
                QApplication.setQuitOnLastWindowClosed(True)
            if not closed:
                old_window.database_requested.connect(self.switch_database)
                opened.services.database.dispose()
                return False
        self._show(opened, user)
        if old is not None:
            old.services.database.dispose()
        return True

    def shutdown(self) -> None:
        """Wait for background work to end and close the database."""
        self._tasks.wait_idle(10_000)
        self._settle_quick_start()
        if self.opened is not None:
            self.opened.services.database.dispose()
            self.opened = None

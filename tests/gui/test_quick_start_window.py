"""Starting on a page read ahead: rows at once, then the full services behind the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from qa_desktop.domain.register import IncidentQuery
from qa_desktop.services import QaServices
from qa_desktop.services.opening import OpenedDatabase, open_services
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.desktop_session import DesktopSession, StartOptions
from qa_desktop.ui.early_start import EarlyStart
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.pending_services import PendingServices
from qa_desktop.ui.register_model import PAGE_SIZE, RegisterColumn
from qa_desktop.ui.settings import AppSettings
from qa_desktop.ui.tasks import SynchronousTaskRunner
from tests.conftest import PASSWORD
from tests.gui.conftest import AddIncidents


def _early(location: str, opener: object = open_services) -> EarlyStart:
    early = EarlyStart(location, "engineer", PASSWORD, opener)  # type: ignore[arg-type]
    early.request_first_page(IncidentQuery(), PAGE_SIZE)
    return early


def test_the_register_shows_the_page_read_ahead_then_works_on_the_full_services(
    qtbot: QtBot,
    gui_database: str,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    add_incidents: AddIncidents,
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    app_settings: AppSettings,
) -> None:
    add_incidents(3)
    opened: list[str] = []

    def opener(location: str | None) -> OpenedDatabase:
        opened.append(str(location))
        return open_services(location)

    early = _early(gui_database, opener)
    quick = early.quick_start()
    assert quick is not None
    # The full opening waits for the window's first paint.
    assert opened == []

    session = DesktopSession(app_settings, tasks, hub, StartOptions(gui_database, "engineer"))
    try:
        assert session.start(early) is True
        window = session.window
        assert window is not None
        assert window.model.rowCount() == 3
        assert window.model.data(window.model.index(0, RegisterColumn.TITLE)) == "Incident number 2"
        assert "Eri Engineer" in window.windowTitle()
        assert isinstance(window.services, PendingServices)

        qtbot.waitUntil(lambda: session.opened is not None, timeout=10_000)
        assert opened == [gui_database]
        assert window.services.ready  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: window.model.matching_count == 3, timeout=10_000)
        assert "3" in window.count_label.text()
        assert app_settings.recent_databases[0] == str(Path(gui_database).resolve())

        # Scrolling on and refreshing go through the full services.
        add_incidents(1)
        window.refresh()
        qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10_000)
    finally:
        if session.window is not None:
            session.window.close()
        session.shutdown()


def test_an_account_locked_between_the_two_checks_closes_the_window_and_says_why(
    qtbot: QtBot,
    gui_database: str,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    add_incidents: AddIncidents,
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    app_settings: AppSettings,
    message_boxes: list[str],
) -> None:
    add_incidents(2)

    def locking_opener(location: str | None) -> OpenedDatabase:
        with sqlite3.connect(gui_database) as con:
            con.execute("UPDATE users SET locked_at = '2026-01-01 00:00:00' WHERE id > 1")
        return open_services(location)

    early = _early(gui_database, locking_opener)
    session = DesktopSession(app_settings, tasks, hub, StartOptions(gui_database, "engineer"))
    try:
        assert session.start(early) is True
        window = session.window
        assert window is not None
        assert window.model.rowCount() == 2

        qtbot.waitUntil(lambda: session.window is None, timeout=10_000)
        assert len(message_boxes) == 1
        assert "locked" in message_boxes.pop()
        qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible())
    finally:
        if session.window is not None:
            session.window.close()
        session.shutdown()


@pytest.mark.parametrize("password", ["not the password", ""])
def test_a_wrong_password_takes_the_full_sign_in_which_counts_it(
    gui_database: str,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    password: str,
) -> None:
    early = EarlyStart(gui_database, "engineer", password)
    early.request_first_page(IncidentQuery(), PAGE_SIZE)

    assert early.quick_start() is None
    user, refusal = early.sign_in_outcome()
    early.opened().services.database.dispose()

    assert user is None
    assert refusal is not None
    with sqlite3.connect(gui_database) as con:
        failed = con.execute("SELECT failed_attempts FROM users WHERE username = 'engineer'")
        assert failed.fetchone()[0] == 1


def test_a_wrong_password_shows_no_register_but_the_sign_in_dialog(
    qtbot: QtBot,
    gui_database: str,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    add_incidents: AddIncidents,
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    app_settings: AppSettings,
    message_boxes: list[str],
    qapp: object,
) -> None:
    from PySide6.QtWidgets import QApplication

    add_incidents(2)
    early = EarlyStart(gui_database, "engineer", "not the password")
    early.request_first_page(IncidentQuery(), PAGE_SIZE)
    session = DesktopSession(app_settings, tasks, hub, StartOptions(gui_database, "engineer"))
    try:
        # The window prepared while the password was checked is never shown; the user
        # gets the sign-in dialog with the refusal (closed here, so the start gives up).
        assert session.start(early) is False
        assert session.window is None
        assert message_boxes == ["Sign in — QA Desktop: (dialog SignInDialog)"]
        message_boxes.clear()
        QApplication.processEvents()
        assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    finally:
        session.shutdown()

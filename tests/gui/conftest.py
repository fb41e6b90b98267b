"""Fixtures for driving the real windows against a real SQLite file.

Every GUI test gets its own settings folder (nothing leaks into the user's real settings or
between tests), background work runs inline (SynchronousTaskRunner) unless a test asks for
the real thread pool, a failure that would reach a message box fails the test instead, and a
window left open at the end of a test fails it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from qa_desktop.domain.roles import Role
from qa_desktop.services import QaServices
from qa_desktop.services.results import CurrentUser, IncidentRecord
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.settings import AppSettings
from qa_desktop.ui.tasks import SynchronousTaskRunner
from tests.conftest import PASSWORD, make_draft

GUI_DIR = Path(__file__).parent
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise)\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/gui is a GUI test (``pytest -m "not gui"`` skips them)."""
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)
            # The offscreen platform plugin has no window system to pass size limits or
            # stacking order to, and says so; every other Qt warning still fails a test.
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, extend=True))


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path) -> Path:
    """A private settings folder for this test."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a window open (a leaked window is a bug)."""
    before = {id(w) for w in qapp.topLevelWidgets() if w.isVisible()}
    yield
    qapp.processEvents()
    leaked = [w for w in qapp.topLevelWidgets() if w.isVisible() and id(w) not in before]
    for widget in leaked:
        widget.close()
    assert not leaked, f"windows left open: {[type(w).__name__ for w in leaked]}"


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Message boxes shown during the test, as "title: text" (none may be left unread).

    A modal box would wait for a click that never comes; instead its text is recorded and
    it returns at once. A test that expects a box takes it from this list; any box left
    at the end fails the test, so no error shown to the user goes unnoticed.
    """
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(f"{box.windowTitle()}: {box.text()}")
        return int(QMessageBox.StandardButton.Ok.value)

    def record_dialog(dialog: QDialog) -> int:
        shown.append(f"{dialog.windowTitle()}: (dialog {type(dialog).__name__})")
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QMessageBox, "exec", record)
    monkeypatch.setattr(QDialog, "exec", record_dialog)
    yield shown
    assert not shown, f"unexpected message boxes: {shown}"


@pytest.fixture
def app_settings(settings_folder: Path) -> AppSettings:
    """The application's settings, stored in the test's folder."""
    return AppSettings()


@pytest.fixture
def gui_database(tmp_path: Path) -> str:
    """The path of the test's SQLite database file."""
    return str(tmp_path / "register.sqlite3")


@pytest.fixture
def gui_services(gui_database: str) -> Iterator[QaServices]:
    """The services over a fresh SQLite file (the GUI tests run on SQLite only)."""
    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database

    database, _ = open_database(resolve_url(gui_database))
    try:
        yield QaServices(database)
    finally:
        database.dispose()


@pytest.fixture
def staff(gui_services: QaServices) -> dict[str, CurrentUser]:
    """Signed-in people: admin, engineer, manager."""
    accounts = gui_services.accounts
    admin = accounts.create_first_administrator("admin", "Ada Admin", PASSWORD)
    accounts.add_user(admin, "engineer", "Eri Engineer", PASSWORD, Role.QA_ENGINEER)
    accounts.add_user(admin, "manager", "Mei Manager", PASSWORD, Role.MANAGER)
    return {
        "admin": admin,
        "engineer": accounts.sign_in("engineer", PASSWORD),
        "manager": accounts.sign_in("manager", PASSWORD),
    }


AddIncidents = Callable[..., list[IncidentRecord]]


@pytest.fixture
def add_incidents(gui_services: QaServices, staff: dict[str, CurrentUser]) -> AddIncidents:
    """Log *count* incidents, the first one known earliest; *changes* apply to each."""

    def add(count: int = 1, *, oldest_days: int = 300, **changes: Any) -> list[IncidentRecord]:
        records = []
        start = datetime.now(UTC) - timedelta(days=oldest_days)
        for number in range(count):
            known = start + timedelta(hours=number + 1)
            values: dict[str, Any] = {
                "title": f"Incident number {number}",
                "occurred_at": known - timedelta(hours=1),
                "first_known_at": known,
                "qa_aware_at": known,
            }
            values.update(changes)
            records.append(gui_services.incidents.create(staff["engineer"], make_draft(**values)))
        return records

    return add


@pytest.fixture
def failures() -> list[BaseException]:
    """Failures that background work reported (checked by :func:`tasks`)."""
    return []


@pytest.fixture
def tasks(qapp: QApplication, failures: list[BaseException]) -> Iterator[SynchronousTaskRunner]:
    """Inline background work; an unexpected failure fails the test."""
    runner = SynchronousTaskRunner(failures.append)
    yield runner
    assert not failures, f"background work failed: {failures!r}"


@pytest.fixture
def hub(qapp: QApplication) -> EventHub:
    """The application's event hub."""
    return EventHub()

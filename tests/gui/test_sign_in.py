"""Getting in: sign-in, demo accounts, the first administrator, refused databases, start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qa_desktop.domain.errors import DatabaseRefused
from qa_desktop.services import QaServices
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.desktop_session import DesktopSession, StartOptions
from qa_desktop.ui.first_admin_dialog import FirstAdminDialog
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.settings import AppSettings
from qa_desktop.ui.sign_in_dialog import SignInDialog
from qa_desktop.ui.tasks import SynchronousTaskRunner
from tests.conftest import PASSWORD


def _dialog(qtbot: QtBot, services: QaServices, tasks: SynchronousTaskRunner) -> SignInDialog:
    dialog = SignInDialog(services, tasks, services.database.display_name)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_a_wrong_password_is_said_in_the_dialog_which_stays_open(
    qtbot: QtBot,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
) -> None:
    dialog = _dialog(qtbot, gui_services, tasks)
    qtbot.keyClicks(dialog.username, "engineer")
    qtbot.keyClicks(dialog.password, "not the password")

    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    assert dialog.problem_text() == "Unknown user name or wrong password."
    assert dialog.isVisible()
    assert dialog.user is None
    assert dialog.password.text() == ""  # ready for another try
    assert not dialog.demo_box.isVisibleTo(dialog)  # a real database shows no demo accounts


def test_the_right_password_signs_in(
    qtbot: QtBot,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
) -> None:
    dialog = _dialog(qtbot, gui_services, tasks)
    qtbot.keyClicks(dialog.username, "engineer")
    qtbot.keyClicks(dialog.password, PASSWORD)

    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    assert dialog.user is not None
    assert dialog.user.username == "engineer"


def test_a_demo_database_lists_its_accounts_and_a_click_fills_the_user_name(
    qtbot: QtBot,
    gui_services: QaServices,
    tasks: SynchronousTaskRunner,
) -> None:
    from qa_desktop.services.demo import fill_demo

    fill_demo(gui_services, 3)
    dialog = _dialog(qtbot, gui_services, tasks)

    assert dialog.demo_box.isVisible()
    assert "engineer" in dialog.demo_usernames()
    assert "demo-password" in dialog.demo_box.findChildren(type(dialog.problem))[0].text()
    row = dialog.demo_usernames().index("engineer")
    item = dialog.demo_list.item(row)
    rect = dialog.demo_list.visualItemRect(item)
    qtbot.mouseClick(dialog.demo_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.username.text() == "engineer"
    assert dialog.password.hasFocus()


def test_the_first_administrator_is_created_on_a_new_database(
    qtbot: QtBot,
    gui_services: QaServices,
    tasks: SynchronousTaskRunner,
) -> None:
    dialog = FirstAdminDialog(gui_services, tasks, gui_services.database.display_name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "Bad Name")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    dialog.create_administrator()
    assert "User name: use 2–64 characters" in dialog.problem_text()
    assert "Password: use at least 8 characters." in dialog.problem_text()

    dialog.username.setText("admin")
    dialog.display_name.setText("管理者 Ada")
    dialog.password.setText(PASSWORD)
    dialog.confirm.setText(PASSWORD + "x")
    dialog.create_administrator()
    assert dialog.problem_text() == "• The two passwords differ."

    dialog.confirm.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.create_administrator()
    assert dialog.user is not None
    assert dialog.user.display_name == "管理者 Ada"
    assert not gui_services.accounts.first_run_needed()


def test_a_database_of_another_program_is_refused_unchanged_with_the_reason(
    tmp_path: Path,
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    message_boxes: list[str],
) -> None:
    import sqlite3

    foreign = tmp_path / "music.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
    before = foreign.read_bytes()
    asked: list[str | None] = []

    class GiveUp(DesktopSession):
        def _ask_after_refusal(self, location: str | None) -> str | None:
            asked.append(location)
            return None

    session = GiveUp(AppSettings(), tasks, hub, StartOptions(database=str(foreign)))

    assert session.start() is False
    assert asked == [str(foreign)]
    (shown,) = message_boxes
    message_boxes.clear()
    assert "not a QA Desktop database" in shown
    assert foreign.read_bytes() == before


def test_a_refused_database_lets_the_user_pick_another(
    tmp_path: Path,
    gui_database: str,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    message_boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_text("shopping list", encoding="utf-8")
    monkeypatch.setenv("QA_DESKTOP_PASSWORD", PASSWORD)

    class PickOther(DesktopSession):
        def _ask_after_refusal(self, location: str | None) -> str | None:
            return gui_database

    settings = AppSettings()
    session = PickOther(settings, tasks, hub, StartOptions(str(not_a_database), "manager"))
    try:
        assert session.start() is True
        assert session.window is not None
        assert "Mei Manager (Manager)" in session.window.windowTitle()
        assert settings.recent_databases == [str(Path(gui_database))]
    finally:
        if session.window is not None:
            session.window.close()
        session.shutdown()
    assert "not a QA Desktop database" in message_boxes.pop()


@pytest.mark.slow
def test_the_application_starts_into_the_register_and_quits_after_painting(
    gui_database: str,
    staff: dict[str, CurrentUser],
    tmp_path: Path,
    add_incidents: object,
) -> None:
    environment = dict(os.environ)
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        QA_DESKTOP_PASSWORD=PASSWORD,
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path),
    )
    environment.pop("QA_DESKTOP_DB", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "qa_desktop.app",
            "--db",
            gui_database,
            "--user",
            "engineer",
            "--lang",
            "ja",
            "--exit-after-first-page",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    settings_file = tmp_path / "config" / "QA Desktop" / "QA Desktop.ini"
    assert str(Path(gui_database)) in settings_file.read_text(encoding="utf-8")


def test_database_refused_errors_name_the_reason() -> None:
    refusal = DatabaseRefused("x.sqlite3 was written by a newer version of QA Desktop")
    assert "newer version" in str(refusal)


def test_switching_to_another_database_keeps_the_application_running(
    tmp_path: Path, gui_database: str, gui_services: QaServices, staff: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner, hub: EventHub, monkeypatch: pytest.MonkeyPatch,
    qapp: object,
) -> None:
    from PySide6.QtWidgets import QApplication

    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database

    other = str(tmp_path / "other.sqlite3")
    database, _ = open_database(resolve_url(other))
    try:
        QaServices(database).accounts.create_first_administrator("boss", "Bo Boss", PASSWORD)
    finally:
        database.dispose()

    def type_password(dialog: SignInDialog) -> int:
        dialog.username.setText("boss")
        dialog.password.setText(PASSWORD)
        dialog.sign_in()
        return int(dialog.result())

    monkeypatch.setattr(SignInDialog, "exec", type_password)
    monkeypatch.setenv("QA_DESKTOP_PASSWORD", PASSWORD)
    quits: list[bool] = []
    QApplication.instance().aboutToQuit.connect(lambda: quits.append(True))  # type: ignore[union-attr]
    settings = AppSettings()
    session = DesktopSession(settings, tasks, hub, StartOptions(gui_database, "engineer"))
    try:
        assert session.start() is True
        first = session.window
        session.window.database_requested.emit(other)  # type: ignore[union-attr]
        assert session.window is not first
        assert session.window is not None
        assert session.window.isVisible()
        assert "Bo Boss (Administrator)" in session.window.windowTitle()
        assert settings.recent_databases[:2] == [str(Path(other)), str(Path(gui_database))]
        assert not quits
        assert QApplication.quitOnLastWindowClosed()
    finally:
        if session.window is not None:
            session.window.close()
        session.shutdown()

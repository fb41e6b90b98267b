"""The register window driven like a user would: keys, clicks, menus, against a real file."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QInputMethodEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from qa_desktop.domain.incident import IncidentStatus
from qa_desktop.domain.search_text import MAX_QUERY_LENGTH
from qa_desktop.services import QaServices
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.main_window import EDITOR_MODULE, DatabaseInfo, MainWindow
from qa_desktop.ui.register_model import RegisterColumn
from qa_desktop.ui.settings import AppSettings
from qa_desktop.ui.tasks import SynchronousTaskRunner
from qa_desktop.ui.transfer_dialogs import FileTransfer
from tests.conftest import PASSWORD

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    app_settings: AppSettings,
) -> MakeWindow:
    """Open a register window as *who* (closed at the end of the test)."""

    def make(who: str = "engineer") -> MainWindow:
        database = gui_services.database
        window = MainWindow(
            gui_services,
            staff[who],
            tasks,
            hub,
            AppSettings(),
            DatabaseInfo(database.display_name, database.backend, database.display_name),
        )
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make


def commit_from_input_method(widget: QWidget, text: str) -> None:
    """Type *text* the way a Japanese input method delivers it: one committed string."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def double_click(widget: QWidget, pos: QPoint) -> None:
    """Press, release, double-click, release at *pos*, as a mouse delivers it."""
    where = QPointF(pos)
    for kind in (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseButtonRelease,
    ):
        buttons = (
            Qt.MouseButton.NoButton
            if kind == QEvent.Type.MouseButtonRelease
            else Qt.MouseButton.LeftButton
        )
        event = QMouseEvent(
            kind,
            where,
            widget.mapToGlobal(where),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)


def column(window: MainWindow, which: RegisterColumn) -> list[str]:
    model = window.model
    return [model.index(row, which).data() for row in range(model.rowCount())]


def test_the_title_names_database_user_and_role_and_rows_are_newest_first(
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
    gui_database: str,
) -> None:
    records = add_incidents(3)

    window = make_window("engineer")

    assert window.windowTitle().startswith(str(Path(gui_database)))
    assert "Eri Engineer (QA engineer)" in window.windowTitle()
    assert column(window, RegisterColumn.REFERENCE) == [r.reference for r in reversed(records)]
    assert window.count_label.text() == "3 incidents"


def test_clicking_a_header_sorts_by_that_column_and_again_reverses(
    qtbot: QtBot,
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
) -> None:
    for title in ("bravo", "charlie", "alpha"):
        add_incidents(1, title=title)
    window = make_window()
    header = window.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(RegisterColumn.TITLE) + 10, header.height() // 2)

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert column(window, RegisterColumn.TITLE) == ["alpha", "bravo", "charlie"]
    assert header.sortIndicatorSection() == RegisterColumn.TITLE
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert column(window, RegisterColumn.TITLE) == ["charlie", "bravo", "alpha"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_a_status_filter_shows_only_that_status_and_counts_it(
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
) -> None:
    add_incidents(2, status=IncidentStatus.CLOSED)
    add_incidents(3)
    window = make_window()

    action = window.filter_bar.statuses.action_for("closed")
    assert action is not None
    action.trigger()

    assert column(window, RegisterColumn.STATUS) == ["Closed", "Closed"]
    assert window.count_label.text() == "2 matching incidents"
    assert "Closed" in window.filter_bar.statuses.text()


def test_search_as_you_type_finds_japanese_after_a_pause(
    qtbot: QtBot,
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
) -> None:
    add_incidents(2, title="Cord overheats")
    add_incidents(1, title="電源コードが発火した")
    window = make_window()
    assert window.model.rowCount() == 3

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.search.hasFocus()
    commit_from_input_method(window.filter_bar.search, "発火")
    # Nothing is asked while the user is still typing …
    assert window.model.rowCount() == 3
    # … and the answer comes once they pause.
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2_000)
    assert column(window, RegisterColumn.TITLE) == ["電源コードが発火した"]

    window.filter_bar.search.clear()
    qtbot.keyClicks(window.filter_bar.search, "overh")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=2_000)


def test_hostile_paste_into_search_neither_crashes_nor_hangs(
    qtbot: QtBot,
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
) -> None:
    add_incidents(1, title="Heater 🔥 مدفأة")
    window = make_window()
    search = window.filter_bar.search

    for pasted in ("x" * 100_000, "\x00\x07\x1b[31m\u202e", "مدفأة", "🔥", '"*) OR 1=1 --'):
        QApplication.clipboard().setText(pasted)
        search.clear()
        search.setFocus()
        qtbot.keyClick(search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert len(search.text()) <= MAX_QUERY_LENGTH
        qtbot.wait(200)
    assert column(window, RegisterColumn.TITLE) == []  # '"*) OR 1=1 --' is just words
    search.clear()
    QApplication.clipboard().setText("مدفأة")
    qtbot.keyClick(search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2_000)


def test_a_saved_filter_is_recalled_from_the_menu(
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
) -> None:
    add_incidents(1, status=IncidentStatus.CLOSED, title="closed one")
    add_incidents(2)
    window = make_window()
    bar = window.filter_bar
    closed = bar.statuses.action_for("closed")
    assert closed is not None
    closed.trigger()
    bar.save_filter("Closed & done")
    bar.clear()
    assert window.model.rowCount() == 3

    bar.saved_menu.aboutToShow.emit()
    (recall,) = [a for a in bar.saved_menu.actions() if a.text() == "Closed && done"]
    recall.trigger()

    assert column(window, RegisterColumn.TITLE) == ["closed one"]


def test_f5_shows_an_incident_saved_by_another_connection(
    qtbot: QtBot,
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
    gui_database: str,
) -> None:
    add_incidents(1)
    window = make_window()
    assert window.model.rowCount() == 1
    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database
    from tests.conftest import make_draft

    other_database, _ = open_database(resolve_url(gui_database))
    try:
        other = QaServices(other_database)
        someone = other.accounts.sign_in("engineer", PASSWORD)
        new = other.incidents.create(someone, make_draft(title="Saved elsewhere"))
    finally:
        other_database.dispose()
    assert window.model.rowCount() == 1  # nobody told the window yet

    qtbot.keyClick(window.table, Qt.Key.Key_F5)

    assert column(window, RegisterColumn.REFERENCE)[0] == new.reference
    assert window.count_label.text() == "2 incidents"


@pytest.fixture
def fake_editor(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QMainWindow]]:
    """A stand-in incident editor that records what it was opened for."""
    opened: list[QMainWindow] = []

    class IncidentEditor(QMainWindow):
        def __init__(
            self,
            services: Any,
            user: Any,
            tasks: Any,
            hub: EventHub,
            reference: str | None = None,
            parent: QWidget | None = None,
        ) -> None:
            super().__init__(parent)
            self.reference = reference
            self.hub = hub
            opened.append(self)

    module = types.ModuleType(EDITOR_MODULE)
    module.IncidentEditor = IncidentEditor  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, EDITOR_MODULE, module)
    yield opened
    for editor in opened:
        if shiboken6.isValid(editor):
            editor.close()


def test_enter_double_click_and_ctrl_n_open_the_editor(
    qtbot: QtBot,
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
    fake_editor: list[Any],
) -> None:
    older, newer = add_incidents(2)
    window = make_window()

    double_click(
        window.table.viewport(),
        window.table.visualRect(window.model.index(0, RegisterColumn.TITLE)).center(),
    )
    window.table.setCurrentIndex(window.model.index(1, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    # (Platforms that open items on a single click see the double-click open it once.)
    assert [e.reference for e in fake_editor] == [newer.reference, older.reference, None]
    assert all(e.isVisible() for e in fake_editor)
    # Asking again for an open incident brings its window forward instead of a second one.
    window.open_incident(older.reference)
    assert len(fake_editor) == 3


def test_a_saved_incident_refreshes_the_register_and_keeps_it_selected(
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    hub: EventHub,
) -> None:
    (record,) = add_incidents(1, title="before")
    window = make_window()
    window.table.setCurrentIndex(window.model.index(0, 0))
    gui_services.incidents.update(staff["engineer"], record.reference, 1, {"title": "after"})

    hub.incident_saved.emit(record.reference)

    assert column(window, RegisterColumn.TITLE) == ["after"]
    assert window.current_reference() == record.reference


def test_layout_filters_and_order_come_back_in_a_new_window(
    qtbot: QtBot,
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
) -> None:
    add_incidents(2, status=IncidentStatus.CLOSED)
    add_incidents(1)
    window = make_window()
    window.resize(QSize(760, 540))  # within the offscreen screen (800 × 600)
    header = window.table.horizontalHeader()
    header.moveSection(header.visualIndex(RegisterColumn.COUNTRY), 0)
    header.resizeSection(RegisterColumn.TITLE, 333)
    window.filter_bar.search.setText("Heater")
    closed = window.filter_bar.statuses.action_for("closed")
    assert closed is not None
    closed.trigger()
    window.model.sort(RegisterColumn.TITLE, Qt.SortOrder.AscendingOrder)
    window.close()

    again = make_window()

    assert again.size() == QSize(760, 540)
    assert again.table.horizontalHeader().visualIndex(RegisterColumn.COUNTRY) == 0
    assert again.table.horizontalHeader().sectionSize(RegisterColumn.TITLE) == 333
    assert again.filter_bar.search.text() == "Heater"
    assert again.filter_bar.statuses.chosen() == ("closed",)
    assert again.model.rowCount() == 2
    assert again.model.sort_column() == RegisterColumn.TITLE


def test_a_manager_cannot_start_a_new_incident_or_import(make_window: MakeWindow) -> None:
    window = make_window("manager")

    assert not window.actions_.new_incident.isEnabled()
    assert not window.actions_.import_incidents.isEnabled()
    assert window.actions_.export_incidents.isEnabled()


def _export_elsewhere(tmp_path: Path, count: int) -> Path:
    """A valid CSV of *count* incidents written by another database."""
    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database
    from qa_desktop.services.demo import fill_demo

    database, _ = open_database(resolve_url(str(tmp_path / "elsewhere.sqlite3")))
    try:
        services = QaServices(database)
        fill_demo(services, count)
        engineer = services.accounts.sign_in("engineer", "demo-password")
        target = tmp_path / "incidents.csv"
        services.interchange.export_file(engineer, target, "csv")
    finally:
        database.dispose()
    return target


def test_a_cancelled_import_writes_nothing(
    qtbot: QtBot,
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from qa_desktop.services import interchange

    csv_file = _export_elsewhere(tmp_path, 6)
    monkeypatch.setattr(interchange, "IMPORT_CHUNK", 2)  # several chunks, so Cancel is seen
    window = make_window()

    def cancel_at_first_progress(transfer: FileTransfer) -> None:
        cancel_button = transfer.dialog.findChild(QPushButton)
        assert cancel_button is not None
        assert cancel_button.text() == "Cancel"
        transfer.progressed.connect(lambda done, total: cancel_button.click())

    window.transfer_started.connect(cancel_at_first_progress)
    window.import_incidents(csv_file)

    assert window.statusBar().currentMessage() == "Import cancelled; nothing was imported."
    assert window.model.rowCount() == 0
    assert window.count_label.text() == "0 incidents"


def test_an_import_adds_rows_and_says_how_many(
    make_window: MakeWindow,
    tmp_path: Path,
) -> None:
    csv_file = _export_elsewhere(tmp_path, 4)
    window = make_window()

    window.import_incidents(csv_file)

    assert window.model.rowCount() == 4
    assert window.statusBar().currentMessage() == "Imported 4 incidents from incidents.csv."


def test_a_rejected_file_is_explained_in_a_report_the_user_can_copy(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("title,product_name\nonly a title,\n", encoding="utf-8")
    window = make_window()
    reports: list[str] = []

    def read_report(dialog: Any) -> int:
        dialog.copy_report()
        reports.append(dialog.report.toPlainText())
        return 0

    monkeypatch.setattr("qa_desktop.ui.transfer_dialogs.ImportReportDialog.exec", read_report)
    window.import_incidents(bad)

    assert len(reports) == 1
    assert "row 2, product_name: must be given" in reports[0].splitlines()
    assert QApplication.clipboard().text() == reports[0]
    assert window.model.rowCount() == 0


def test_about_names_the_version_database_and_backend(
    make_window: MakeWindow,
    message_boxes: list[str],
    gui_database: str,
) -> None:
    window = make_window()

    window.actions_.about.trigger()

    about = message_boxes.pop()
    assert about.startswith("About QA Desktop: QA Desktop 0.")
    assert gui_database in about
    assert "Backend: SQLite" in about


def test_the_japanese_interface_is_translated(
    qapp: QApplication,
    make_window: MakeWindow,
    add_incidents: Callable[..., Any],
) -> None:
    from PySide6.QtCore import QLocale

    from qa_desktop.ui.i18n import install_translators

    add_incidents(3, status=IncidentStatus.CLOSED)
    translators = install_translators(qapp, "ja")
    try:
        window = make_window()
        menus = [a.text() for a in window.menuBar().actions()]
        header = window.model.headerData(RegisterColumn.REFERENCE, Qt.Orientation.Horizontal)
        status = window.model.index(0, RegisterColumn.STATUS).data()
        count = window.count_label.text()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert len(translators) == 2  # ours and Qt's own (standard buttons, file dialogs)
    assert menus == [
        "ファイル(&F)",
        "編集(&E)",
        "表示(&V)",
        "原因分析(&A)",
        "対応(&R)",
        "ヘルプ(&H)",
    ]
    assert (header, status, count) == ("管理番号", "完了", "3 件")


def test_every_interface_string_has_a_japanese_translation(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET

    from qa_desktop.ui import i18n_build

    fresh = tmp_path / "fresh.ts"
    shutil.copy(i18n_build.TS_FILE, fresh)
    relative = [str(p.relative_to(i18n_build.ROOT)) for p in i18n_build.sources()]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), "-silent", "-no-obsolete", *relative, "-ts", str(fresh)],
        cwd=i18n_build.ROOT,
        check=True,
        timeout=60,
    )
    untranslated = [
        message.findtext("source")
        for message in ET.parse(fresh).getroot().iter("message")
        if message.find("translation") is None
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert not untranslated, (
        "translate these in resources/translations/qa_desktop_ja.ts, then run "
        f"`python -m qa_desktop.ui.i18n_build`: {untranslated}"
    )


def test_enter_opens_the_real_incident_editor_on_that_incident(
    qtbot: QtBot, make_window: MakeWindow, add_incidents: Callable[..., Any],
) -> None:
    (record,) = add_incidents(1, title="Opened from the register")
    window = make_window()
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 0))

    qtbot.keyClick(window.table, Qt.Key.Key_Return)

    editors = window.open_editors()
    try:
        assert len(editors) == 1
        qtbot.waitUntil(lambda: record.reference in editors[0].windowTitle(), timeout=3_000)
    finally:
        for editor in editors:
            editor.close()

"""The incident editor driven like a user would: typing, keys, drops, against a real SQLite file."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QInputMethodEvent,
)
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from qa_desktop.domain.incident import IncidentStatus
from qa_desktop.domain.roles import Role
from qa_desktop.services import QaServices
from qa_desktop.services.results import CurrentUser, IncidentRecord
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.incident_editor import IncidentEditor
from qa_desktop.ui.tasks import SynchronousTaskRunner, TaskRunner
from tests.conftest import PASSWORD, make_draft

pytestmark = pytest.mark.gui

OpenEditor = Callable[..., IncidentEditor]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def people(gui_services: QaServices, staff: dict[str, CurrentUser]) -> dict[str, CurrentUser]:
    """The GUI fixtures' people plus a QA head (a second person who may edit)."""
    gui_services.accounts.add_user(staff["admin"], "head", "Hiro Head", PASSWORD, Role.QA_HEAD)
    return {**staff, "head": gui_services.accounts.sign_in("head", PASSWORD)}


@pytest.fixture
def open_editor(
    qtbot: QtBot,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[OpenEditor]:
    """Open an editor as *who*, shown and active; every editor still open is closed after."""
    opened: list[IncidentEditor] = []

    def open_(reference: str | None = None, who: str = "engineer") -> IncidentEditor:
        editor = IncidentEditor(gui_services, people[who], tasks, hub, reference)
        opened.append(editor)
        editor.resize(900, 700)
        with qtbot.waitActive(editor):
            editor.show()
            editor.activateWindow()
        return editor

    yield open_
    # Unsaved changes are thrown away here; the tests that care answered the question.
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Discard)
    for editor in opened:
        if shiboken6.isValid(editor) and editor.isVisible():
            editor.close()
    QApplication.processEvents()


@pytest.fixture
def saved(
    gui_services: QaServices, people: dict[str, CurrentUser]
) -> Callable[..., IncidentRecord]:
    """Log an incident through the service, as the engineer."""

    def log(**changes: Any) -> IncidentRecord:
        return gui_services.incidents.create(people["engineer"], make_draft(**changes))

    return log


def type_text(qtbot: QtBot, widget: Any, text: str) -> None:
    """Type *text*: Latin letters as key presses, Japanese as an input method commits it.

    (QTest can only press keys that have an ASCII name.)
    """
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(run)
            QApplication.sendEvent(widget, commit)


def retype(qtbot: QtBot, widget: Any, text: str) -> None:
    """Select all of a field and type *text* over it, as a user would."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def paste(qtbot: QtBot, widget: Any, text: str) -> None:
    """Paste *text* into a field with Ctrl+V."""
    QGuiApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, CTRL)


def drop_files(widget: Any, paths: list[Path]) -> None:
    """Drag *paths* from a file manager and drop them on *widget*."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    enter = QDragEnterEvent(
        centre,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the window refused the dragged files"
    drop = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)


def save_image(widget: Any, name: str) -> None:
    """Keep a picture of *widget* in test-artifacts/ for a person to look at."""
    artifacts = Path(__file__).resolve().parents[2] / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    assert widget.grab().save(str(artifacts / name))


def history(editor: IncidentEditor) -> list[str]:
    listing = editor.ui.historyList
    return [listing.item(row).text() for row in range(listing.count())]


# ---------------------------------------------------------------------- creating


# The country completer's popup raises itself and grabs the keyboard; the offscreen platform
# has neither and says so (this marker replaces the folder's, so it repeats its pattern).
# Any other Qt warning still fails the test.
@pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$",
    extend=True,
)
def test_a_new_incident_typed_in_and_saved_with_ctrl_s_is_stored_exactly_as_typed(
    qtbot: QtBot,
    open_editor: OpenEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    hub: EventHub,
) -> None:
    editor = open_editor()
    title = "Heater cord overheats / コードが過熱 <b>&amp;</b>"
    type_text(qtbot, editor.ui.titleEdit, title)
    type_text(qtbot, editor.ui.productNameEdit, "Oil heater OH-12 オイルヒーター")
    qtbot.keyClicks(editor.ui.countryCombo.lineEdit(), "JP")
    qtbot.keyClick(editor.ui.countryCombo.lineEdit(), Qt.Key.Key_Escape)  # close the completer
    qtbot.keyClicks(editor.ui.marketsEdit, "jp, us, EU")
    type_text(qtbot, editor.ui.descriptionEdit, "煙が出た。")
    qtbot.keyClick(editor.ui.descriptionEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.ui.descriptionEdit, "Second line  with two spaces.")
    assert editor.isWindowModified()
    assert editor.ui.marketsNames.text() == "Japan, United States, European Union"

    with qtbot.waitSignal(hub.incident_saved) as saved_signal:
        qtbot.keyClick(editor.ui.titleEdit, Qt.Key.Key_S, CTRL)

    reference = saved_signal.args[0]
    stored = gui_services.incidents.get(people["engineer"], reference).draft
    assert stored.title == title
    assert stored.product_name == "Oil heater OH-12 オイルヒーター"
    assert stored.country == "JP"
    assert stored.markets == ("JP", "US", "EU")
    assert stored.description == "煙が出た。\nSecond line  with two spaces."
    assert stored.first_known_at.tzinfo is not None
    assert editor.windowTitle().startswith(f"{reference} — Heater cord")
    assert not editor.isWindowModified()
    assert "Version 1" in editor.ui.headerLabel.text()
    assert editor.ui.referenceEdit.isReadOnly()
    assert any("logged the incident" in line for line in history(editor))


def test_loading_and_saving_run_in_the_background_and_report_back(
    qtbot: QtBot,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    hub: EventHub,
    saved: Callable[..., IncidentRecord],
) -> None:
    failures: list[BaseException] = []
    runner = TaskRunner(failures.append)
    record = saved(title="Loaded off the GUI thread")
    editor = IncidentEditor(gui_services, people["engineer"], runner, hub, record.reference)
    try:
        editor.show()
        qtbot.waitUntil(lambda: editor.ui.titleEdit.text() == "Loaded off the GUI thread")
        retype(qtbot, editor.ui.titleEdit, "Saved off the GUI thread")
        with qtbot.waitSignal(hub.incident_saved):
            editor.save()
        qtbot.waitUntil(lambda: not editor.isWindowModified())
        stored = gui_services.incidents.get(people["engineer"], record.reference)
        assert stored.draft.title == "Saved off the GUI thread"
        assert not failures
    finally:
        assert runner.wait_idle()
        editor.close()


# ---------------------------------------------------------------------- checking


def test_a_field_turning_invalid_says_why_next_to_it_and_save_is_disabled(
    qtbot: QtBot, open_editor: OpenEditor, saved: Callable[..., IncidentRecord]
) -> None:
    editor = open_editor(saved().reference)
    retype(qtbot, editor.ui.titleEdit, "Better title")
    assert editor.ui.saveButton.isEnabled()
    assert editor.ui.titleCount.text() == "12 / 200"

    retype(qtbot, editor.ui.titleEdit, "")
    assert editor.ui.titleError.isVisible()
    assert editor.ui.titleError.text() == "Required."
    assert not editor.ui.saveButton.isEnabled()
    assert not editor.save_action.isEnabled()
    assert "Title" in editor.ui.problemsLabel.text()

    qtbot.keyClicks(editor.ui.titleEdit, "x" * 201)
    assert editor.ui.titleError.text() == "Too long: 201 characters, the limit is 200."
    assert editor.ui.titleCount.text() == "201 / 200"
    assert not editor.ui.saveButton.isEnabled()

    editor.ui.fireServiceConfirmedCheck.setFocus()
    qtbot.keyClick(editor.ui.fireServiceConfirmedCheck, Qt.Key.Key_Space)
    assert editor.ui.fireServiceConfirmedError.text() == "Can only be ticked when there was a fire."


def test_pasted_bad_input_is_kept_flagged_and_never_saved(
    qtbot: QtBot,
    open_editor: OpenEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    saved: Callable[..., IncidentRecord],
) -> None:
    record = saved()
    editor = open_editor(record.reference)
    huge = "長" * 100_000
    retype(qtbot, editor.ui.titleEdit, "")
    paste(qtbot, editor.ui.titleEdit, huge)
    assert editor.values["title"] == huge  # nothing cut off silently
    assert editor.ui.titleCount.text().replace(",", "") == "100000 / 200"
    assert "100" in editor.ui.titleError.text()
    assert "200" in editor.ui.titleError.text()

    retype(qtbot, editor.ui.titleEdit, "")
    paste(qtbot, editor.ui.titleEdit, "bell\x07 and NUL\x00 within")
    assert "control characters" in editor.ui.titleError.text()
    assert not editor.ui.saveButton.isEnabled()

    rtl_and_emoji = "مرحبا 🔥 שלום 👍🏽"
    retype(qtbot, editor.ui.modelEdit, "")
    paste(qtbot, editor.ui.modelEdit, rtl_and_emoji)
    assert editor.values["model"] == rtl_and_emoji
    assert not editor.ui.modelError.isVisible()

    editor.ui.descriptionEdit.setFocus()
    paste(qtbot, editor.ui.descriptionEdit, "x" * 20_001)
    assert "limit is 20" in editor.ui.descriptionError.text()

    qtbot.keyClick(editor.ui.titleEdit, Qt.Key.Key_S, CTRL)
    assert gui_services.incidents.get(people["engineer"], record.reference).version == 1


# ---------------------------------------------------------------------- undo


def test_undo_and_redo_restore_the_text_field_by_field(
    qtbot: QtBot, open_editor: OpenEditor, saved: Callable[..., IncidentRecord]
) -> None:
    record = saved(title="Original title", model="OH-12B")
    editor = open_editor(record.reference)
    title, model = editor.ui.titleEdit, editor.ui.modelEdit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " and more")
    model.setFocus()
    model.end(False)
    qtbot.keyClicks(model, "-2")
    assert (title.text(), model.text()) == ("Original title and more", "OH-12B-2")

    qtbot.keyClick(model, Qt.Key.Key_Z, CTRL)  # one step undoes the whole typed word
    assert (title.text(), model.text()) == ("Original title and more", "OH-12B")
    qtbot.keyClick(model, Qt.Key.Key_Z, CTRL)
    assert title.text() == "Original title"
    assert not editor.isWindowModified()
    assert title.hasFocus()  # undo shows where it changed something

    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL | SHIFT)
    assert title.text() == "Original title and more"
    qtbot.keyClick(title, Qt.Key.Key_Y, CTRL)
    assert model.text() == "OH-12B-2"
    assert editor.isWindowModified()


# ---------------------------------------------------------------------- closing


def test_closing_with_unsaved_changes_asks_and_honours_the_answer(
    qtbot: QtBot,
    open_editor: OpenEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    saved: Callable[..., IncidentRecord],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = saved(title="Before")
    editor = open_editor(record.reference)
    retype(qtbot, editor.ui.titleEdit, "After")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[Any] = []

    def answer(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[3])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "warning", answer)
    editor.close()
    assert editor.isVisible(), "Cancel must keep the window open"
    assert asked[0] & QMessageBox.StandardButton.Discard

    editor.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible())
    assert gui_services.incidents.get(people["engineer"], record.reference).draft.title == "After"


def test_discarding_unsaved_changes_closes_without_saving(
    qtbot: QtBot,
    open_editor: OpenEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    saved: Callable[..., IncidentRecord],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = saved(title="Before")
    editor = open_editor(record.reference)
    retype(qtbot, editor.ui.titleEdit, "")  # invalid: the question cannot offer Save
    offered: list[Any] = []

    def answer(*args: Any) -> QMessageBox.StandardButton:
        offered.append(args[3])
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "warning", answer)
    assert editor.close()
    assert not offered[0] & QMessageBox.StandardButton.Save
    assert gui_services.incidents.get(people["engineer"], record.reference).draft.title == "Before"


# ---------------------------------------------------------------------- conflicts


def test_a_save_after_someone_elses_shows_both_versions_and_reload_brings_theirs(
    qtbot: QtBot,
    open_editor: OpenEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    saved: Callable[..., IncidentRecord],
) -> None:
    record = saved(title="Original")
    editor = open_editor(record.reference)
    gui_services.incidents.update(
        people["head"], record.reference, record.version, {"title": "Head's title 課長"}
    )
    retype(qtbot, editor.ui.titleEdit, "My title")
    qtbot.keyClick(editor.ui.titleEdit, Qt.Key.Key_S, CTRL)

    dialog = editor.conflict_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.differing_fields == ["title"]
    label, mine, theirs = dialog.row_texts("title")
    assert (mine, theirs) == ("My title", "Head's title 課長")
    assert label.startswith("≠")
    assert "Hiro Head" in dialog.ui.messageLabel.text()
    stored = gui_services.incidents.get(people["engineer"], record.reference)
    assert stored.draft.title == "Head's title 課長"  # nothing was overwritten

    save_image(dialog, "conflict-dialog.png")

    qtbot.mouseClick(dialog.ui.reloadButton, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.ui.titleEdit.text() == "Head's title 課長"
    assert editor.record is not None
    assert editor.record.version == 2
    assert not editor.isWindowModified()


def test_keep_editing_after_a_conflict_keeps_my_text_and_still_refuses_to_overwrite(
    qtbot: QtBot,
    open_editor: OpenEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    saved: Callable[..., IncidentRecord],
) -> None:
    record = saved(title="Original")
    editor = open_editor(record.reference)
    gui_services.incidents.update(people["head"], record.reference, 1, {"model": "NEW-1"})
    retype(qtbot, editor.ui.titleEdit, "My title")
    editor.save()
    dialog = editor.conflict_dialog
    assert dialog is not None
    assert set(dialog.differing_fields) == {"title", "model"}
    qtbot.mouseClick(dialog.ui.keepEditingButton, Qt.MouseButton.LeftButton)
    assert editor.ui.titleEdit.text() == "My title"
    assert "reload" in editor.ui.problemsLabel.text().lower()
    assert (
        gui_services.incidents.get(people["engineer"], record.reference).draft.title == "Original"
    )


# ---------------------------------------------------------------------- reasons


def test_changing_an_incident_past_intake_asks_for_the_reason_and_keeps_it(
    qtbot: QtBot,
    open_editor: OpenEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    saved: Callable[..., IncidentRecord],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = saved(title="A", status=IncidentStatus.CLASSIFICATION)
    editor = open_editor(record.reference)
    retype(qtbot, editor.ui.titleEdit, "B")
    replies = [("", False), ("hospital report", True)]
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: replies.pop(0))

    editor.save()  # cancelled: nothing saved, the change stays in the form
    assert gui_services.incidents.get(people["engineer"], record.reference).version == 1
    assert editor.isWindowModified()

    editor.save()
    assert gui_services.incidents.get(people["engineer"], record.reference).draft.title == "B"
    assert history(editor)[0].endswith(
        "Eri Engineer changed Title from “A” to “B”. Reason: hospital report."
    )


# ---------------------------------------------------------------------- attachments


def test_attachments_from_the_service_and_from_a_drop_are_listed_with_their_checksums(
    qtbot: QtBot,
    open_editor: OpenEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    saved: Callable[..., IncidentRecord],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = saved()
    photo = b"\x89PNG fake photo bytes"
    gui_services.incidents.add_attachment(people["engineer"], record.reference, "写真.png", photo)
    editor = open_editor(record.reference)
    listing = editor.attachments.ui.attachmentList
    assert listing.topLevelItem(0).text(0) == "写真.png"
    assert listing.topLevelItem(0).text(2) == hashlib.sha256(photo).hexdigest()

    report = tmp_path / "hospital report <1>.txt"
    report.write_bytes("診断書: burns, 2nd degree".encode())
    drop_files(editor, [report])
    save_image(editor, "incident-editor-attachments.png")
    assert listing.topLevelItemCount() == 2
    dropped = listing.topLevelItem(1)
    assert dropped.text(0) == report.name
    assert dropped.text(2) == hashlib.sha256(report.read_bytes()).hexdigest()
    assert editor.ui.tabs.currentWidget() is editor.ui.attachmentsTab
    assert "attached “hospital report <1>.txt”" in history(editor)[0]

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    listing.setCurrentItem(listing.topLevelItem(0))
    qtbot.mouseClick(editor.attachments.ui.openButton, Qt.MouseButton.LeftButton)
    assert Path(opened[0].toLocalFile()).read_bytes() == photo


def test_a_new_incident_says_attachments_need_a_saved_one(
    open_editor: OpenEditor, tmp_path: Path
) -> None:
    editor = open_editor()
    panel = editor.attachments
    assert not panel.ui.addButton.isEnabled()
    assert "save" in panel.ui.noticeLabel.text().lower()
    note = tmp_path / "note.txt"
    note.write_text("x")
    drop_files(editor, [note])
    assert panel.ui.attachmentList.topLevelItemCount() == 0
    assert "saved" in panel.ui.noticeLabel.text()


# ---------------------------------------------------------------------- history


def test_history_tells_each_change_in_plain_language_newest_first(
    open_editor: OpenEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    saved: Callable[..., IncidentRecord],
) -> None:
    record = saved(title="Cord melts", fire=False)
    gui_services.incidents.update(
        people["head"], record.reference, 1, {"title": "Cord melts and smokes", "fire": True}
    )
    editor = open_editor(record.reference)
    lines = history(editor)
    assert len(lines) == 3
    newest = lines[0] + lines[1]
    assert "Hiro Head changed Title from “Cord melts” to “Cord melts and smokes”." in newest
    assert "Hiro Head changed Fire from “No” to “Yes”." in newest
    assert lines[2].endswith("Eri Engineer logged the incident.")


def test_a_manager_may_read_but_not_change(
    open_editor: OpenEditor, saved: Callable[..., IncidentRecord]
) -> None:
    editor = open_editor(saved().reference, who="manager")
    assert editor.ui.titleEdit.isReadOnly()
    assert not editor.ui.saveButton.isEnabled()
    assert "not change" in editor.ui.problemsLabel.text()
    assert editor.print_preview_action.isEnabled()


def test_print_preview_writes_the_record_and_opens_it(
    open_editor: OpenEditor,
    saved: Callable[..., IncidentRecord],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    record = saved(title="印刷 <i>test</i>")
    editor = open_editor(record.reference)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    editor.print_preview_action.trigger()
    preview = Path(opened[0].toLocalFile())
    assert preview.read_bytes().startswith(b"%PDF")

    target = tmp_path / "exported record"
    monkeypatch.setattr(
        "qa_desktop.ui.record_printing.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), "PDF"),
    )
    editor.export_pdf_action.trigger()
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert "exported record.pdf" in editor.statusBar().currentMessage()


# ---------------------------------------------------------------------- looks


def _contrast(a: Any, b: Any) -> float:
    def luminance(colour: Any) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def japanese_font(qapp: QApplication) -> Iterator[None]:
    """The bundled Japanese font as the application adds it at start-up (restored after)."""
    from PySide6.QtGui import QFont, QFontDatabase

    from qa_desktop.resources import japanese_font_path

    before = QFont(qapp.font())
    font_id = QFontDatabase.addApplicationFont(str(japanese_font_path()))
    font = QFont(before)
    font.setFamilies([before.family(), *QFontDatabase.applicationFontFamilies(font_id)])
    qapp.setFont(font)
    yield
    qapp.setFont(before)
    QFontDatabase.removeApplicationFont(font_id)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_messages_are_readable_on_light_and_dark_palettes(
    qtbot: QtBot,
    open_editor: OpenEditor,
    saved: Callable[..., IncidentRecord],
    theme: str,
    japanese_font: None,
) -> None:
    from PySide6.QtGui import QColor, QPalette

    editor = open_editor(saved(title="Heater cord overheats / コードが過熱").reference)
    if theme == "dark":
        palette = QPalette(QColor("#2b2b2b"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8e8e8"))
        palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
        editor.setPalette(palette)
    retype(qtbot, editor.ui.productNameEdit, "")
    message = editor.ui.productNameError
    assert message.isVisible()
    shown = message.palette().color(QPalette.ColorRole.WindowText)
    background = editor.palette().color(QPalette.ColorRole.Window)
    assert _contrast(shown, background) >= 4.5
    save_image(editor, f"incident-editor-{theme}.png")


def test_history_names_other_people_by_their_display_name(
    open_editor: OpenEditor, gui_services: QaServices, people: dict[str, CurrentUser]
) -> None:
    """Another person's change reads with their name, not their account name."""
    record = gui_services.incidents.create(people["engineer"], make_draft(title="Named history"))
    gui_services.incidents.update(people["head"], record.reference, record.version, {"title": "B"})
    editor = open_editor(record.reference)
    history = editor.ui.historyList
    lines = [history.item(i).text() for i in range(history.count())]
    assert any("Hiro Head" in line for line in lines), lines


def test_a_saved_incident_shows_similar_past_incidents_with_their_causes(
    open_editor: OpenEditor, gui_services: QaServices, people: dict[str, CurrentUser]
) -> None:
    """Lessons of earlier analyses appear on a new incident of the same product."""
    from dataclasses import replace

    from qa_desktop.analysis.graph_ops import add_cause
    from qa_desktop.domain.cause_graph import ROOT_ID, CauseLayer, CauseNode, CauseStatus

    engineer = people["engineer"]
    past = gui_services.incidents.create(engineer, make_draft(title="Cord melted at the plug"))
    analyses = gui_services.analysis.analyses
    record = analyses.load(engineer, past.reference)
    cause = CauseNode("C1", CauseLayer.TECHNICAL, "Crimp terminal undersized")
    cause = replace(cause, status=CauseStatus.CONFIRMED, component="crimp terminal")
    graph = add_cause(record.graph, cause, effect=ROOT_ID).graph
    analyses.save(engineer, past.reference, graph, record.version)
    new = gui_services.incidents.create(engineer, make_draft(title="Cord melted again"))

    editor = open_editor(new.reference)
    editor.ui.tabs.setCurrentWidget(editor.similar_tab)
    panel = editor.similar_tab.panel
    assert panel is not None
    shown = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert any(past.reference in text for text in shown), shown

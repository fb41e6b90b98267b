"""The incident editor: one window to log a new incident or change a saved one.

Every field of the incident is checked as it is typed, with the message right next to it;
Save stays disabled while anything is wrong. Edits can be undone field by field. Saving a
record past intake asks why; someone else's save in the meantime opens a side-by-side
comparison instead of overwriting it. The window also keeps the attachments, shows the
history in plain language and prints the incident record.

Database work runs through the :class:`~qa_desktop.ui.tasks.TaskRunner`, off the GUI thread.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from qa_desktop.domain.errors import ConflictError, FieldError, ValidationFailed
from qa_desktop.domain.incident import (
    TEXT_LIMITS,
    IncidentDraft,
    IncidentSource,
    IncidentStatus,
    flatten,
    unflatten,
)
from qa_desktop.domain.roles import Permission
from qa_desktop.services.incidents import MAX_REASON_LENGTH
from qa_desktop.services.results import AuditView, CurrentUser, IncidentRecord
from qa_desktop.ui.attachments_panel import AttachmentsPanel, dropped_files
from qa_desktop.ui.conflict_dialog import ConflictDialog
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.field_bindings import FieldBinding, FieldEdit, UndoKeysToWindow, bind_fields
from qa_desktop.ui.field_validation import IncidentForm
from qa_desktop.ui.forms.ui_incident_editor import Ui_IncidentEditor
from qa_desktop.ui.history_text import (
    field_label,
    history_lines,
    local_time,
    zone_label,
)
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.labels import status_label
from qa_desktop.ui.record_printing import RecordPrinter
from qa_desktop.ui.response.response_tab import ResponseTab
from qa_desktop.ui.similar_tab import SimilarIncidentsTab
from qa_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qa_desktop.services import QaServices


@dataclass(frozen=True, slots=True)
class _Loaded:
    """An incident as read for the editor: the record and its audit trail."""

    record: IncidentRecord
    history: tuple[AuditView, ...]
    #: Display names of the people in the record and its history, by user name.
    names: dict[str, str]


def _new_draft() -> IncidentDraft:
    """What a new incident starts from: known now, to the minute; everything else to fill in."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return IncidentDraft(
        title="",
        product_name="",
        source=IncidentSource.CUSTOMER,
        country="",
        occurred_at=None,
        first_known_at=now,
        qa_aware_at=now,
    )


def _stored_values(record: IncidentRecord) -> dict[str, Any]:
    return flatten(record.draft) | {"reference": record.reference}


class IncidentEditor(QMainWindow):
    """The window that logs a new incident (``reference=None``) or edits a saved one."""

    def __init__(
        self,
        services: QaServices,
        user: CurrentUser,
        tasks: TaskRunner,
        hub: EventHub,
        reference: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ready = False  # until every part exists; palette changes may arrive earlier
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services = services
        self._user = user
        self._tasks = tasks
        self._hub = hub
        self._names = {user.username: user.display_name}
        self._editable = user.may(Permission.EDIT_INCIDENTS)
        self._scratch = tempfile.TemporaryDirectory(
            prefix="qa-desktop-", ignore_cleanup_errors=True
        )
        self._record: IncidentRecord | None = None
        self._busy = False
        self._stale = False
        self._close_after_save = False
        self._closing = False
        self.conflict_dialog: ConflictDialog | None = None

        central = QWidget(self)
        self.ui = Ui_IncidentEditor()
        self.ui.setupUi(central)  # type: ignore[no-untyped-call]  # generated, untyped
        self.setCentralWidget(central)
        self.undo_stack = QUndoStack(self)
        self.bindings = bind_fields(self.ui)
        self._form = IncidentForm(self.bindings, flatten(_new_draft()))
        self.attachments = AttachmentsPanel(
            services, user, tasks, Path(self._scratch.name), self._names, self.ui.attachmentsTab
        )
        self.ui.attachmentsTabLayout.addWidget(self.attachments)
        self.response_tab = ResponseTab(services, user, tasks, self)
        self._response_index = self.ui.tabs.addTab(self.response_tab, self.tr("Response"))
        self.ui.tabs.setTabEnabled(self._response_index, False)
        self.response_tab.changed.connect(self._on_response_changed)
        self.similar_tab = SimilarIncidentsTab(services, user, tasks, hub, self)
        self._similar_index = self.ui.tabs.addTab(
            self.similar_tab, self.tr("Similar past incidents")
        )
        self.ui.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._printer = RecordPrinter(
            services, user, tasks, Path(self._scratch.name), self._names, self
        )
        self._printer.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self._build_actions()
        self._prepare_fields()
        self.ui.saveButton.clicked.connect(self.save)
        self.attachments.attachments_added.connect(self._on_attachments_added)
        self.setAcceptDrops(True)
        self._ready = True
        if reference is None:
            self._show_values(self._form.saved, touched=False)
            self._show_title()
        else:
            self._load(reference)

    # ------------------------------------------------------------------ set-up
    def _action(
        self, text: str, slot: Any, shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.save_action = self._action(self.tr("&Save"), self.save, keys.Save)
        self.reload_action = self._action(
            self.tr("&Reload"), self._on_reload_action_triggered, keys.Refresh
        )
        self.print_preview_action = self._action(
            self.tr("Print pre&view…"), self.print_preview, keys.Print
        )
        self.export_pdf_action = self._action(self.tr("E&xport as PDF…"), self.export_pdf)
        close_action = self._action(self.tr("&Close"), self.close, keys.Close)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
            if QKeySequence(extra) not in redo_keys:
                redo_keys.append(QKeySequence(extra))
        self.redo_action.setShortcuts(redo_keys)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.save_action, self.reload_action])
        file_menu.addSeparator()
        file_menu.addActions([self.print_preview_action, self.export_pdf_action])
        file_menu.addSeparator()
        file_menu.addAction(close_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        self.classify_action = self._action(self.tr("&Classify…"), self._on_classify_triggered)
        self.classify_action.setEnabled(False)
        response_menu = self.menuBar().addMenu(self.tr("&Response"))
        response_menu.addAction(self.classify_action)
        self._undo_keys = UndoKeysToWindow(
            [*self.undo_action.shortcuts(), *self.redo_action.shortcuts()], self
        )

    def _prepare_fields(self) -> None:
        for binding in self.bindings.values():
            binding.edited.connect(self._on_field_edited)
            binding.set_editable(self._editable)
            for widget in [binding.widget, *binding.widget.findChildren(QWidget)]:
                widget.installEventFilter(self._undo_keys)
            if binding.counter is not None:
                binding.widget.setToolTip(
                    self.tr("At most {limit} characters.").format(
                        limit=f"{TEXT_LIMITS[binding.name]:,}"
                    )
                )
        # Status moves only through the response flow, which records who moved it and why.
        self.bindings["status"].set_editable(False)
        self.bindings["status"].widget.setToolTip(self.tr("The response flow sets the status"))
        self.ui.referenceEdit.setPlaceholderText(
            self.tr("Generated when saved (or type one such as INC-2026-0042)")
        )
        self.ui.timeZoneNote.setText(
            self.tr("Times are shown and typed in your local time zone ({zone}).").format(
                zone=zone_label()
            )
        )
        # Serial ranges are a few lines; the description gets the room (in lines, so it scales).
        lines = self.fontMetrics().lineSpacing()
        self.ui.serialRangesEdit.setMaximumHeight(lines * 6)
        self.ui.descriptionEdit.setMinimumHeight(lines * 8)
        header = self.ui.headerLabel.font()
        if header.pointSizeF() > 0:
            header.setPointSizeF(header.pointSizeF() * 1.25)
        header.setBold(True)
        self.ui.headerLabel.setFont(header)

    # ------------------------------------------------------------------ state
    @property
    def record(self) -> IncidentRecord | None:
        """The incident as last loaded or saved (``None`` until a new one is saved)."""
        return self._record

    @property
    def values(self) -> dict[str, Any]:
        """The values in the form now, keyed like ``INCIDENT_FIELDS``."""
        return dict(self._form.values)

    @property
    def problems(self) -> list[FieldError]:
        """What the rules find wrong with the values in the form now."""
        return list(self._form.errors)

    def is_modified(self) -> bool:
        """True when the form holds changes that are not saved."""
        return self._form.is_modified()

    def can_save(self) -> bool:
        """True when Save would save: a permitted, valid change and no save under way."""
        changed = self._record is None or self.is_modified()
        return self._editable and not self._busy and not self._form.errors and changed

    # ------------------------------------------------------------------ editing
    def _on_field_edited(self, name: str, value: Any) -> None:
        old = self._form.values[name]
        if value != old:
            self.undo_stack.push(FieldEdit(name, old, value, self._apply))

    def _apply(self, name: str, value: Any, reveal: bool) -> None:
        """Set a field (by typing, undo or redo) and check the whole form again."""
        self._form.set(name, value)
        if reveal:
            self._reveal(self.bindings[name])
        self._refresh()

    def _reveal(self, binding: FieldBinding) -> None:
        """Bring an undone or redone field into view, so the user sees what changed."""
        tabs = self.ui.tabs
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None and page.isAncestorOf(binding.widget):
                tabs.setCurrentIndex(index)
                break
        binding.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_values(self, saved: dict[str, Any], *, touched: bool) -> None:
        self._form.reset(saved, touched=touched)
        self.bindings["reference"].set_editable(self._editable and self._record is None)
        self._refresh()

    def _refresh(self) -> None:
        """Check the form against the rules and show the outcome everywhere it shows."""
        problem_fields = self._form.check(self.palette())
        self.setWindowModified(self.is_modified())
        allowed = self.can_save()
        self.save_action.setEnabled(allowed)
        self.ui.saveButton.setEnabled(allowed)
        saved = self._record is not None and not self._busy
        self.print_preview_action.setEnabled(saved)
        self.export_pdf_action.setEnabled(saved)
        self.reload_action.setEnabled(saved)
        self.ui.problemsLabel.setText(self._summary(problem_fields))

    def _summary(self, fields: list[str]) -> str:
        if not self._editable:
            return self.tr("Your role may view this incident but not change it.")
        if self._stale:
            return self.tr(
                "Someone else saved a newer version: reload it (F5) before saving again."
            )
        if fields:
            return self.tr("Cannot save yet. Check: {fields}.").format(
                fields=", ".join(field_label(name) for name in fields)
            )
        if self.is_modified():
            return self.tr("Unsaved changes.")
        return ""

    def _show_title(self) -> None:
        record = self._record
        if record is None:
            title = self.tr("New incident")
            header = self.tr("New incident (not saved yet)")
        else:
            title = f"{record.reference} — {record.draft.title}"
            header = (
                title
                + "\n"
                + self.tr("Version {version}, last saved {time} by {who}.").format(
                    version=record.version,
                    time=local_time(record.updated_at),
                    who=self._names.get(record.updated_by, record.updated_by),
                )
            )
        # "[*]" marks where Qt shows the modified star; one typed in a title is doubled to stay.
        self.setWindowTitle(title.replace("[*]", "[*][*]") + "[*]")
        self.ui.headerLabel.setText(header)

    def changeEvent(self, event: QEvent) -> None:
        """Recolour the messages when the palette changes (for example to a dark theme)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_ready", False):
            self._refresh()

    # ------------------------------------------------------------------ loading
    def _fetch(self, reference: str) -> _Loaded:
        """Runs off the GUI thread: the record and its history."""
        record = self._services.incidents.get(self._user, reference)
        history = self._services.incidents.history(self._user, reference)
        names = self._services.accounts.display_names(self._user)
        return _Loaded(record, tuple(history), names)

    def _load(self, reference: str) -> None:
        self._set_busy(True)
        self.ui.tabs.setEnabled(False)
        self.statusBar().showMessage(self.tr("Loading {reference}…").format(reference=reference))
        self._tasks.run(
            lambda: self._fetch(reference), on_done=self._on_loaded, on_failed=self._on_load_failed
        )

    def _on_loaded(self, loaded: _Loaded) -> None:
        self._set_busy(False)
        self.ui.tabs.setEnabled(True)
        self._stale = False
        self.undo_stack.clear()
        self._show_loaded(loaded)
        self.statusBar().clearMessage()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.ui.tabs.setEnabled(True)
        show_error(self, exc)
        if self._record is None:
            # Later, not now: the window may still be in the hands of whoever opened it.
            self._closing = True
            QTimer.singleShot(0, self.close)

    def _show_loaded(self, loaded: _Loaded) -> None:
        self._names.update(loaded.names)
        self._record = loaded.record
        self._show_values(_stored_values(loaded.record), touched=True)
        self._show_title()
        self._show_history(loaded.history)
        self.attachments.show_incident(loaded.record.reference, loaded.record.attachments)
        self.ui.tabs.setTabEnabled(self._response_index, True)
        self.classify_action.setEnabled(self._editable)
        self.response_tab.show_incident(loaded.record.reference)

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == self._similar_index and self._record is not None:
            self.similar_tab.show_for(self._record.reference)

    def _on_classify_triggered(self) -> None:
        self.ui.tabs.setCurrentIndex(self._response_index)
        self.response_tab.classify()

    def _on_response_changed(self, _reference: str) -> None:
        # The flow and the classification change the incident's status, severity and version.
        if self.is_modified():
            self.statusBar().showMessage(
                self.tr("The response changed this incident; save or reload to see it."), 15_000
            )
        else:
            self.reload()

    def _show_history(self, history: tuple[AuditView, ...]) -> None:
        self.ui.historyList.clear()
        self.ui.historyList.addItems(history_lines(history, names=self._names))

    def _on_attachments_added(self, reference: str) -> None:
        self._hub.incident_saved.emit(reference)
        self._tasks.run(
            lambda: tuple(self._services.incidents.history(self._user, reference)),
            on_done=self._show_history,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _on_reload_action_triggered(self) -> None:
        if self.is_modified():
            answer = QMessageBox.warning(
                self,
                self.tr("Reload the incident"),
                self.tr("Reloading discards your unsaved changes."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.reload()

    def reload(self) -> None:
        """Read the incident again, discarding unsaved changes (after a conflict, for one)."""
        if self._record is not None:
            self._load(self._record.reference)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh()

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Save the form: log a new incident, or change the saved one (Ctrl+S)."""
        if not self.can_save():
            # Show every field's problem, including those of fields not touched yet.
            self._form.touch_all()
            self._refresh()
            self._close_after_save = False
            return
        sent = dict(self._form.values)
        record = self._record
        if record is None:
            draft = unflatten(sent)

            def work() -> str:
                return self._services.incidents.create(self._user, draft).reference

        else:
            changes = self._form.changes()
            reason = ""
            if record.draft.status is not IncidentStatus.INTAKE:
                asked = self._ask_reason(record)
                if asked is None:
                    self._close_after_save = False
                    return
                reason = asked

            def work() -> str:
                return self._services.incidents.update(
                    self._user, record.reference, record.version, changes, reason
                ).reference

        self._set_busy(True)
        self.statusBar().showMessage(self.tr("Saving…"))
        self._tasks.run(
            lambda: self._fetch(work()),
            on_done=lambda loaded: self._on_saved(loaded, sent),
            on_failed=self._on_save_failed,
        )

    def _ask_reason(self, record: IncidentRecord) -> str | None:
        """The reason for changing a record past intake, or ``None`` when none is given."""
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Reason for the change"),
            self.tr(
                "{reference} is past intake ({status}). Why is it being changed? The reason is "
                "kept in its history."
            ).format(reference=record.reference, status=status_label(record.draft.status.value)),
        )
        reason = text.strip() if ok else ""
        if ok and not reason:
            self.statusBar().showMessage(
                self.tr("Not saved: a change past intake needs a reason."), 15_000
            )
        if ok and len(reason) > MAX_REASON_LENGTH:
            self.statusBar().showMessage(
                self.tr("Not saved: the reason may be at most {limit} characters.").format(
                    limit=f"{MAX_REASON_LENGTH:,}"
                ),
                15_000,
            )
            return None
        return reason or None

    def _on_saved(self, loaded: _Loaded, sent: dict[str, Any]) -> None:
        was_new = self._record is None
        # Keep what was typed while the save was under way: it is not in the saved version.
        typed_since = {k: v for k, v in self._form.values.items() if v != sent[k]}
        self._busy = False
        self._show_loaded(loaded)
        if was_new:
            self.undo_stack.clear()
        self.undo_stack.setClean()
        for name, value in typed_since.items():
            self._apply(name, value, False)
        self._hub.incident_saved.emit(loaded.record.reference)
        self.statusBar().showMessage(
            self.tr("Saved version {version}.").format(version=loaded.record.version), 10_000
        )
        if self._close_after_save:
            self._closing = not self.is_modified()
            QTimer.singleShot(0, self.close)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._close_after_save = False
        self._set_busy(False)
        self.statusBar().clearMessage()
        if isinstance(exc, ConflictError) and self._record is not None:
            self._compare_with_theirs(self._record)
            return
        if isinstance(exc, ValidationFailed):
            self._form.touch_all()
            self._refresh()
        show_error(self, exc)

    def _compare_with_theirs(self, mine: IncidentRecord) -> None:
        """Someone saved first: fetch their version and show both side by side."""
        self._stale = True
        self._refresh()
        self._tasks.run(
            lambda: self._services.incidents.get(self._user, mine.reference),
            on_done=lambda theirs: self._open_conflict_dialog(mine, theirs),
            on_failed=lambda exc: show_error(self, exc),
        )

    def _open_conflict_dialog(self, mine: IncidentRecord, theirs: IncidentRecord) -> None:
        dialog = ConflictDialog(self._form.values, theirs, mine.version, self._names, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reload_requested.connect(self.reload)
        dialog.finished.connect(self._on_conflict_dialog_finished)
        self.conflict_dialog = dialog
        dialog.open()

    def _on_conflict_dialog_finished(self) -> None:
        self.conflict_dialog = None

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before unsaved changes are lost: save, discard or go back."""
        if self._closing or not self._editable or not self.is_modified():
            self._release()
            event.accept()
            return
        buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        text = self.tr("This incident has changes that are not saved.")
        if self.can_save():
            buttons |= QMessageBox.StandardButton.Save
        else:
            text += " " + self.tr("They cannot be saved until the marked fields are corrected.")
        answer = QMessageBox.warning(
            self,
            self.tr("Unsaved changes"),
            text,
            buttons,
            QMessageBox.StandardButton.Save
            if self.can_save()
            else QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._release()
            event.accept()
            return
        event.ignore()
        if answer == QMessageBox.StandardButton.Save:
            self._close_after_save = True
            self.save()

    def _release(self) -> None:
        self.similar_tab.stop()
        if self.conflict_dialog is not None:
            self.conflict_dialog.close()
        self._scratch.cleanup()

    # ------------------------------------------------------------------ dropping
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Files dragged anywhere over the window can be attached."""
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Attach dropped files, showing the Attachments tab."""
        files = dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.ui.tabs.setCurrentWidget(self.ui.attachmentsTab)
            self.attachments.add_files(files)

    # ------------------------------------------------------------------ printing
    def print_preview(self) -> None:
        """Show the printed incident record (a PDF of the saved version) in a viewer."""
        if self._record is not None:
            self._warn_if_unsaved()
            self._printer.preview(self._record.reference)

    def export_pdf(self) -> None:
        """Save the printed incident record as a PDF where the user chooses."""
        if self._record is not None:
            self._warn_if_unsaved()
            self._printer.export(self._record.reference)

    def _warn_if_unsaved(self) -> None:
        if self.is_modified():
            self.statusBar().showMessage(
                self.tr("The record shows the saved version; unsaved changes are not in it."),
                15_000,
            )

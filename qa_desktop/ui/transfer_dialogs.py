"""Importing and exporting incident files, with progress, a cancel button and a readable report.

The work runs off the GUI thread. Progress comes back through a queued signal (at most a
few times a second, so a million-row file cannot flood the event loop); the cancel button
sets a flag the service polls, and a cancelled import writes nothing. A rejected file is
explained row by row in a dialog the user can copy from.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.errors import Cancelled, ImportRejected
from qa_desktop.services.results import CurrentUser, ImportResult
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qa_desktop.services import QaServices

#: Least time between two progress updates sent to the GUI thread, in seconds.
PROGRESS_INTERVAL = 0.05
FORMATS = ("csv", "xlsx", "json")


class ImportReportDialog(QDialog):
    """Why a file was rejected, one problem per line, ready to copy into an e-mail."""

    def __init__(self, rejected: ImportRejected, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import rejected — QA Desktop"))
        self.resize(640, 420)
        summary = QLabel(
            self.tr(
                "{file} was not imported and nothing was written. Problems found: {count}. "
                "Fix the rows below and import the file again."
            ).format(file=file_name, count=len(rejected.problems)),
            self,
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.report = QPlainTextEdit(rejected.report(), self)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Problems found in the file"))
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(self.tr("&Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        """Put the whole report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report.toPlainText())


class FileTransfer(QObject):
    """One import or export in progress: its progress dialog, cancel flag and outcome."""

    #: Rows done and rows in all (0 while unknown); emitted from the worker thread.
    progressed = Signal(int, int)
    #: The transfer ended; carries a sentence for the status bar.
    finished = Signal(str)

    def __init__(self, parent: QWidget, title: str, label: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self._cancel = threading.Event()
        self._last_report = 0.0
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.cancel)
        self.progressed.connect(self._on_progressed)

    # Called on the worker thread by the service.
    def report_progress(self, done: int, total: int) -> None:
        """Pass progress to the GUI thread, throttled."""
        now = time.monotonic()
        if done >= total > 0 or now - self._last_report >= PROGRESS_INTERVAL:
            self._last_report = now
            self.progressed.emit(done, total)

    def cancelled(self) -> bool:
        """True once the user pressed Cancel (polled by the service)."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the work to stop; it ends with nothing written."""
        self._cancel.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _on_progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def end(self, message: str) -> None:
        """Close the progress dialog and announce *message*."""
        self.dialog.close()
        self.dialog.deleteLater()
        self.finished.emit(message)
        self.deleteLater()


def run_import(
    parent: QWidget,
    services: QaServices,
    user: CurrentUser,
    tasks: TaskRunner,
    hub: EventHub,
    path: Path,
    fmt: str | None = None,
    on_started: Callable[[FileTransfer], None] | None = None,
) -> FileTransfer:
    """Import *path* in the background; the register refreshes when it is done."""
    label = QCoreApplication.translate("FileTransfer", "Checking and importing {file}…")
    transfer = FileTransfer(
        parent,
        QCoreApplication.translate("FileTransfer", "Import incidents"),
        label.format(file=path.name),
    )
    interchange = services.interchange
    if on_started is not None:
        on_started(transfer)

    def done(result: ImportResult) -> None:
        hub.incidents_imported.emit(result.created)
        if result.created == 1:
            message = QCoreApplication.translate("FileTransfer", "Imported 1 incident from {file}.")
        else:
            message = QCoreApplication.translate(
                "FileTransfer", "Imported {count} incidents from {file}."
            )
        transfer.end(message.format(count=QLocale().toString(result.created), file=path.name))

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            message = QCoreApplication.translate(
                "FileTransfer", "Import cancelled; nothing was imported."
            )
            transfer.end(message)
            return
        message = QCoreApplication.translate(
            "FileTransfer", "Import of {file} failed; nothing was imported."
        )
        transfer.end(message.format(file=path.name))
        if isinstance(exc, ImportRejected):
            ImportReportDialog(exc, path.name, parent).exec()
        else:
            show_error(parent, exc)

    tasks.run(
        lambda: interchange.import_file(
            user, path, fmt=fmt, progress=transfer.report_progress, cancel=transfer.cancelled
        ),
        on_done=done,
        on_failed=failed,
    )
    return transfer


def run_export(
    parent: QWidget,
    services: QaServices,
    user: CurrentUser,
    tasks: TaskRunner,
    path: Path,
    fmt: str,
    on_started: Callable[[FileTransfer], None] | None = None,
) -> FileTransfer:
    """Export every incident to *path* in the background."""
    label = QCoreApplication.translate("FileTransfer", "Writing {file}…")
    transfer = FileTransfer(
        parent,
        QCoreApplication.translate("FileTransfer", "Export incidents"),
        label.format(file=path.name),
    )
    interchange = services.interchange
    if on_started is not None:
        on_started(transfer)

    def done(count: int) -> None:
        if count == 1:
            message = QCoreApplication.translate("FileTransfer", "Exported 1 incident to {file}.")
        else:
            message = QCoreApplication.translate(
                "FileTransfer", "Exported {count} incidents to {file}."
            )
        transfer.end(message.format(count=QLocale().toString(count), file=path.name))

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            transfer.end(QCoreApplication.translate("FileTransfer", "Export cancelled."))
            return
        message = QCoreApplication.translate("FileTransfer", "Export to {file} failed.")
        transfer.end(message.format(file=path.name))
        show_error(parent, exc)

    tasks.run(
        lambda: interchange.export_file(
            user, path, fmt, progress=transfer.report_progress, cancel=transfer.cancelled
        ),
        on_done=done,
        on_failed=failed,
    )
    return transfer


def file_filters() -> str:
    """The file-type choices of the import and export pickers."""
    return ";;".join(
        (
            QCoreApplication.translate("FileTransfer", "Spreadsheet (CSV) (*.csv)"),
            QCoreApplication.translate("FileTransfer", "Excel workbook (*.xlsx)"),
            QCoreApplication.translate("FileTransfer", "JSON (*.json)"),
        )
    )


def ask_import_file(parent: QWidget) -> Path | None:
    """Let the user pick a file to import."""
    name, _selected = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FileTransfer", "Import incidents"),
        "",
        file_filters() + ";;" + QCoreApplication.translate("FileTransfer", "All files (*)"),
    )
    return Path(name) if name else None


def ask_export_file(parent: QWidget) -> tuple[Path, str] | None:
    """Let the user pick where to export and in which format."""
    name, selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FileTransfer", "Export incidents"),
        "incidents.csv",
        file_filters(),
    )
    if not name:
        return None
    path = Path(name)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        fmt = next((f for f in FORMATS if f"*.{f}" in selected), "csv")
        path = path.with_suffix(f".{fmt}")
    return path, fmt

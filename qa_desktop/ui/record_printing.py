"""Printing the incident record: a PDF previewed in the desktop's viewer or saved as a file.

The record is built from what is stored (never from unsaved edits) by
:mod:`qa_desktop.reporting.incident_record`, in the user's language and time zone, off the
GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from qa_desktop.reporting.incident_record import (
    PrintedAttachment,
    PrintedIncident,
    RecordWording,
    incident_record_pdf,
)
from qa_desktop.services.results import AuditView, CurrentUser, IncidentRecord
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.history_text import FIELD_LABELS, field_label, history_lines, local_zone
from qa_desktop.ui.labels import (
    SEVERITY_CODES,
    SOURCE_CODES,
    STATUS_CODES,
    severity_label,
    source_label,
    status_label,
)
from qa_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qa_desktop.services import QaServices


def printed_incident(
    record: IncidentRecord,
    history: list[AuditView],
    zone: tzinfo,
    names: Mapping[str, str],
) -> PrintedIncident:
    """What the printed record shows of *record*: people by name, history in sentences."""
    return PrintedIncident(
        reference=record.reference,
        draft=record.draft,
        version=record.version,
        created_at=record.created_at,
        created_by=names.get(record.created_by, record.created_by),
        updated_at=record.updated_at,
        updated_by=names.get(record.updated_by, record.updated_by),
        attachments=tuple(
            PrintedAttachment(
                a.file_name, a.size, a.sha256, names.get(a.added_by, a.added_by), a.added_at
            )
            for a in record.attachments
        ),
        history=tuple(history_lines(history, zone=zone, names=names)),
    )


def _document_language() -> str:
    # The language alone ("ja", "en"); the C/POSIX locale has none and reads as English.
    code = QLocale.languageToCode(QLocale().language())
    return code if len(code) in (2, 3) and code.islower() else "en"


def record_wording() -> RecordWording:
    """The printed record's words in the user's language."""
    labels = {name: field_label(name) for name in FIELD_LABELS}
    choices = {
        **{code: source_label(code) for code in SOURCE_CODES},
        **{code: status_label(code) for code in STATUS_CODES},
        **{code: severity_label(code) for code in SEVERITY_CODES},
    }
    return RecordWording(
        document_title=QCoreApplication.translate("IncidentRecord", "Incident record {reference}"),
        version_line=QCoreApplication.translate(
            "IncidentRecord",
            "Version {version}. Logged {created} by {created_by}; last saved {updated} by "
            "{updated_by}.",
        ),
        facts=QCoreApplication.translate("IncidentRecord", "Incident facts"),
        harm=QCoreApplication.translate("IncidentRecord", "Harm"),
        dates=QCoreApplication.translate("IncidentRecord", "Dates"),
        utc_column=QCoreApplication.translate("IncidentRecord", "UTC"),
        local_column=QCoreApplication.translate("IncidentRecord", "Local time ({zone})"),
        attachments=QCoreApplication.translate("IncidentRecord", "Attachments"),
        no_attachments=QCoreApplication.translate("IncidentRecord", "No attachments."),
        attachment_columns=(
            QCoreApplication.translate("IncidentRecord", "File"),
            QCoreApplication.translate("IncidentRecord", "Size"),
            QCoreApplication.translate("IncidentRecord", "SHA-256"),
            QCoreApplication.translate("IncidentRecord", "Added by"),
            QCoreApplication.translate("IncidentRecord", "Added at"),
        ),
        history=QCoreApplication.translate("IncidentRecord", "History"),
        no_history=QCoreApplication.translate("IncidentRecord", "No history."),
        printed=QCoreApplication.translate("IncidentRecord", "Printed by {name} at {time}"),
        page=QCoreApplication.translate("IncidentRecord", "Page {page} of {pages}"),
        yes=QCoreApplication.translate("History", "Yes"),
        no=QCoreApplication.translate("History", "No"),
        not_known=QCoreApplication.translate("IncidentRecord", "Not known"),
        field_labels=labels,
        choice_labels=choices,
        language=_document_language(),
    )


class RecordPrinter(QObject):
    """Writes an incident's printed record for preview or export, and reports the outcome."""

    #: A line for the status bar: where the record went, or why it did not.
    message = Signal(str)

    def __init__(
        self,
        services: QaServices,
        user: CurrentUser,
        tasks: TaskRunner,
        scratch_dir: Path,
        names: Mapping[str, str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._user = user
        self._tasks = tasks
        self._scratch = scratch_dir
        self._names = dict(names)
        self._window = parent

    def preview(self, reference: str) -> None:
        """Write the record to a scratch file and open it in the desktop's PDF viewer."""
        # A new name each time: a viewer may still hold the previous file open.
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = self._scratch / f"{reference} record {stamp}.pdf"
        self._write(reference, target, self._on_preview_written)

    def export(self, reference: str) -> None:
        """Ask where to save the record as PDF, then write it there."""
        chosen, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export the incident record as PDF"),
            str(Path.home() / f"{reference}.pdf"),
            self.tr("PDF documents (*.pdf)"),
        )
        if chosen:
            target = Path(chosen)
            self._write(
                reference,
                target if target.suffix else target.with_suffix(".pdf"),
                self._on_export_written,
            )

    def _write(self, reference: str, target: Path, done: Callable[[Path], None]) -> None:
        # Words, zone and names are taken here on the GUI thread; the work runs off it.
        wording, zone, names = record_wording(), local_zone(), dict(self._names)
        printed_by, services, user = self._user.display_name, self._services, self._user

        def work() -> Path:
            record = services.incidents.get(user, reference)
            history = services.incidents.history(user, reference)
            pdf = incident_record_pdf(
                printed_incident(record, history, zone, names),
                printed_by=printed_by,
                printed_at=datetime.now(UTC),
                local_zone=zone,
                wording=wording,
            )
            target.write_bytes(pdf)
            return target

        self._tasks.run(work, on_done=done, on_failed=lambda exc: self._on_failed(exc, target))

    def _on_preview_written(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.message.emit(
                self.tr("No PDF viewer could be started; the record is at {path}.").format(
                    path=str(path)
                )
            )

    def _on_export_written(self, path: Path) -> None:
        self.message.emit(self.tr("Saved the incident record as {path}.").format(path=str(path)))

    def _on_failed(self, exc: BaseException, target: Path) -> None:
        if isinstance(exc, OSError):
            QMessageBox.warning(
                self._window,
                self.tr("The PDF could not be written"),
                self.tr("{path} could not be written: {reason}").format(
                    path=str(target), reason=exc.strerror or str(exc)
                ),
            )
            return
        show_error(self._window, exc)

"""Recording a report as filed with the regulator: when, by whom, their reference, the document."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.services.reporting_clocks import FilingInput
from qa_desktop.services.response_results import ClockView


class FilingDialog(QDialog):
    """Collects a filing for *clock*; :meth:`filing` reads the document chosen."""

    def __init__(self, clock: ClockView, filed_by: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record filing"))
        about = QLabel(
            f"{clock.jurisdiction}: {clock.title} ({clock.citation}) — {clock.regulator}"
        )
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        self.filed_at_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.filed_at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.filed_at_edit.setCalendarPopup(True)
        self.filed_by_edit = QLineEdit(filed_by)
        self.reference_edit = QLineEdit()
        self.reference_edit.setAccessibleName(self.tr("Regulator's reference"))
        self.document_edit = QLineEdit()
        self.document_edit.setAccessibleName(self.tr("Document sent"))
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self._choose_document)
        document_row = QHBoxLayout()
        document_row.addWidget(self.document_edit, 1)
        document_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Filed at (your time):"), self.filed_at_edit)
        form.addRow(self.tr("Filed by:"), self.filed_by_edit)
        form.addRow(self.tr("Regulator's &reference:"), self.reference_edit)
        form.addRow(self.tr("&Document sent:"), document_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Record filing"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def _choose_document(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Document sent to the regulator"))
        if path:
            self.document_edit.setText(path)

    def filing(self) -> FilingInput:
        """The filing as typed; the document is read from disk here (OSError if unreadable)."""
        path = Path(self.document_edit.text())
        filed_at = self.filed_at_edit.dateTime().toPython()
        assert isinstance(filed_at, datetime)
        return FilingInput(
            filed_at=filed_at.astimezone(UTC),
            regulator_reference=self.reference_edit.text(),
            document_name=path.name,
            document=path.read_bytes() if self.document_edit.text() else b"",
            filed_by=self.filed_by_edit.text(),
        )

"""Recording the website disclosure of a serious incident: where, and since when."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.services.response_flow import MAX_ADDRESS


class DisclosureDialog(QDialog):
    """Collects the web address of the customer notice and when it was published."""

    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Record the website disclosure — {reference}").format(reference=reference)
        )
        about = QLabel(
            self.tr(
                "Serious incidents are disclosed to customers on the company website. "
                "Record where the notice is and since when it is public."
            )
        )
        about.setWordWrap(True)
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(MAX_ADDRESS)
        self.address_edit.setPlaceholderText("https://")
        self.address_edit.setAccessibleName(self.tr("Web address of the notice"))
        self.published_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.published_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.published_edit.setCalendarPopup(True)
        self.published_edit.setAccessibleName(self.tr("Published at"))
        form = QFormLayout()
        address_label = QLabel(self.tr("Web &address:"))
        address_label.setBuddy(self.address_edit)
        published_label = QLabel(self.tr("&Published at (your time):"))
        published_label.setBuddy(self.published_edit)
        form.addRow(address_label, self.address_edit)
        form.addRow(published_label, self.published_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Record disclosure"))
        ok.setEnabled(False)
        self.address_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    @property
    def address(self) -> str:
        """The web address as typed (the service checks it)."""
        return self.address_edit.text().strip()

    @property
    def published_at(self) -> datetime:
        """When the notice went public, in UTC."""
        moment = self.published_edit.dateTime().toPython()
        assert isinstance(moment, datetime)
        return moment.astimezone(UTC)

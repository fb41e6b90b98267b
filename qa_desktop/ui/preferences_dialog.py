"""Preferences: the interface language (applied at the next start)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.ui.i18n import system_language
from qa_desktop.ui.settings import AppSettings


class PreferencesDialog(QDialog):
    """Lets the user choose the language; says when a change takes effect."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._initial = settings.language
        self.setWindowTitle(self.tr("Preferences — QA Desktop"))

        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        system = "日本語" if system_language() == "ja" else "English"
        # Language names are written in their own language so anyone can find theirs.
        self.language.addItem(self.tr("System default ({language})").format(language=system), "")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.language.setCurrentIndex(max(0, self.language.findData(self._initial)))

        note = QLabel(self.tr("A new language applies the next time QA Desktop starts."), self)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @property
    def language_changed(self) -> bool:
        """True when the user picked a different language than was in force."""
        return bool(self.language.currentData() != self._initial)

    def accept(self) -> None:
        """Keep the choice and close."""
        self._settings.language = str(self.language.currentData())
        self._settings.sync()
        super().accept()

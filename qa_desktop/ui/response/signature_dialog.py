"""The electronic signature: the signer re-enters their password and states its meaning.

The dialog only collects; the service checks the password, counts failures and locks the
account, and its message is shown by whoever called. It opens window-modal with ``open()``
so the caller goes on when it is accepted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.services.response_results import SignatureMeaning
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.response.wording import meaning_label


class SignatureDialog(QDialog):
    """Sign *what* as *user*: password again, the meaning, and a comment when asked for."""

    def __init__(
        self,
        user: CurrentUser,
        what: str,
        meanings: Sequence[SignatureMeaning] = (SignatureMeaning.APPROVED,),
        *,
        comment_required: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign electronically"))
        self._comment_required = comment_required
        intro = QLabel(
            self.tr(
                "You are signing: {what}\nYour name, the date and time and the meaning below "
                "are recorded with the signature."
            ).format(what=what)
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        signer = QLabel(f"{user.display_name} ({user.username})")
        signer.setTextFormat(Qt.TextFormat.PlainText)
        self.meaning_box = QComboBox()
        for meaning in meanings:
            self.meaning_box.addItem(meaning_label(meaning), meaning.value)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        form = QFormLayout()
        form.addRow(self.tr("Signer:"), signer)
        form.addRow(self.tr("Meaning:"), self.meaning_box)
        form.addRow(self.tr("&Password:"), self.password_edit)
        if comment_required:
            form.addRow(self.tr("&Comment:"), self.comment_edit)
        else:
            self.comment_edit.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Sign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.password_edit.textChanged.connect(self._update)
        self.comment_edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._update()

    def _update(self) -> None:
        ready = bool(self.password_edit.text()) and (
            not self._comment_required or bool(self.comment_edit.toPlainText().strip())
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    @property
    def password(self) -> str:
        """The password typed (never stored by the dialog beyond its life)."""
        return self.password_edit.text()

    @property
    def meaning(self) -> SignatureMeaning:
        """The meaning the signer chose."""
        return SignatureMeaning(self.meaning_box.currentData())

    @property
    def comment(self) -> str:
        """The comment typed, exactly."""
        return self.comment_edit.toPlainText()

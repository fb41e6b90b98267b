"""Closing an analysis: exactly what is still missing, then the QA executive's signature.

The dialog lists every gap the closing rules find, each naming the cause, countermeasure or
candidate concerned. Only when nothing is missing, the analysis is saved, and the person
may sign, can they re-enter their password and choose what the signature means.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.analysis.closure import missing_for_closure
from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.roles import Permission
from qa_desktop.services.analysis_results import SignatureMeaning
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.tasks import TaskRunner

# An analysis closes by approval; sending it back means leaving it open.
_MEANINGS: dict[SignatureMeaning, object] = {
    SignatureMeaning.APPROVED: QT_TRANSLATE_NOOP(
        "ClosureDialog", "Approved: the causes are found and the countermeasures work"
    ),
}


class ClosureDialog(QDialog):
    """What stops closure, and the signature that closes the analysis."""

    def __init__(
        self,
        reference: str,
        gaps: Sequence[str],
        *,
        unsaved: bool,
        may_sign: bool,
        signer_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Close the analysis of {reference}").format(reference=reference)
        )
        self.gap_list = QListWidget(self)
        self.gap_list.setAccessibleName(self.tr("What is missing"))
        self.gap_list.setWordWrap(True)
        self.gap_list.addItems(list(gaps))
        if gaps:
            heading = self.tr("{count} thing(s) must be done before the analysis can close:")
        else:
            heading = self.tr("Nothing is missing: the analysis may be closed.")
        self.heading = QLabel(heading.format(count=len(gaps)), self)
        self.heading.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        if unsaved:
            self.note.setText(
                self.tr(
                    "The list is of your unsaved version. Save the analysis before signing: "
                    "the signature is on the saved analysis."
                )
            )
        elif not may_sign:
            self.note.setText(self.tr("Only the QA division head may sign and close an analysis."))
        self.note.setVisible(bool(self.note.text()))

        signature = self._signature_group(signer_name)
        self.can_sign = not gaps and not unsaved and may_sign
        signature.setEnabled(self.can_sign)
        signature.setVisible(may_sign)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = QPushButton(self.tr("&Sign and close"), self)
        buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setVisible(may_sign)
        self.sign_button.setEnabled(False)
        self.password_edit.textChanged.connect(self._update_sign_button)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.gap_list, 1)
        layout.addWidget(self.note)
        layout.addWidget(signature)
        layout.addWidget(buttons)
        self.gap_list.setVisible(bool(gaps))
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.lineSpacing() * (16 if gaps else 10))

    def _signature_group(self, signer_name: str) -> QGroupBox:
        self.meaning_box = QComboBox(self)
        for meaning, text in _MEANINGS.items():
            self.meaning_box.addItem(
                QCoreApplication.translate("ClosureDialog", str(text)), meaning.value
            )
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Your password"))
        signature = QGroupBox(self.tr("Signature"), self)
        form = QFormLayout(signature)
        who = QLabel(signer_name, signature)
        who.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Signed by:"), who)
        form.addRow(self.tr("&Meaning:"), self.meaning_box)
        form.addRow(self.tr("&Password:"), self.password_edit)
        return signature

    @property
    def gaps(self) -> list[str]:
        """The gaps as listed."""
        return [self.gap_list.item(i).text() for i in range(self.gap_list.count())]

    def password(self) -> str:
        """The password entered again to sign."""
        return self.password_edit.text()

    def meaning(self) -> SignatureMeaning:
        """What the signature states."""
        return SignatureMeaning(self.meaning_box.currentData() or SignatureMeaning.APPROVED.value)

    def _update_sign_button(self) -> None:
        self.sign_button.setEnabled(self.can_sign and bool(self.password_edit.text()))


class ClosureFlow(QObject):
    """Checks what is missing, shows the dialog, and has the services close and sign."""

    #: The analysis was closed and signed: carries the new record.
    signed = Signal(object)
    #: Signing started (True) or ended (False).
    busy_changed = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        analyses: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        reference: str,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._analyses = analyses
        self._user = user
        self._tasks = tasks
        self._reference = reference
        self.dialog: ClosureDialog | None = None

    def check(self, graph: CauseGraph, *, unsaved: bool, closed: bool) -> None:
        """List the gaps (of the unsaved graph, or as the services see the saved one)."""
        may_sign = self._user.may(Permission.SIGN) and not closed
        if unsaved:
            self._open(missing_for_closure(graph), unsaved=True, may_sign=may_sign)
            return
        self._tasks.run(
            lambda: self._analyses.check_closure(self._user, self._reference),
            on_done=lambda gaps: self._open(gaps, unsaved=False, may_sign=may_sign),
            on_failed=lambda exc: show_error(self._window, exc),
        )

    def _open(self, gaps: list[str], *, unsaved: bool, may_sign: bool) -> None:
        dialog = ClosureDialog(
            self._reference,
            gaps,
            unsaved=unsaved,
            may_sign=may_sign,
            signer_name=self._user.display_name,
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._sign(dialog.password(), dialog.meaning().value))
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self) -> None:
        self.dialog = None

    def close_dialog(self) -> None:
        """Close the dialog if it is open (the window is closing)."""
        if self.dialog is not None:
            self.dialog.close()

    def _sign(self, password: str, meaning: str) -> None:
        self.busy_changed.emit(True)
        self._tasks.run(
            lambda: self._analyses.close(self._user, self._reference, password, meaning),
            on_done=self._on_signed,
            on_failed=self._on_sign_failed,
        )

    def _on_signed(self, record: Any) -> None:
        self.busy_changed.emit(False)
        self.signed.emit(record)

    def _on_sign_failed(self, exc: BaseException) -> None:
        self.busy_changed.emit(False)
        show_error(self._window, exc)

"""The management list: who receives the status report of a serious incident."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.roles import Permission
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.tasks import TaskRunner


class ManagementListDialog(QDialog):
    """One recipient per line; QA division heads change it, everyone may read it."""

    #: The list was saved (its new recipients).
    saved = Signal(tuple)

    def __init__(
        self, services: Any, user: CurrentUser, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._notice = services.response.management_notice
        self._user = user
        self._tasks = tasks
        self.setWindowTitle(self.tr("Management list — QA Desktop"))
        editable = user.may(Permission.SIGN)
        about = QLabel(
            self.tr(
                "Status reports of serious incidents go promptly to these people. "
                "One name or address per line."
            )
            if editable
            else self.tr("Only QA division heads change this list.")
        )
        about.setWordWrap(True)
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setAccessibleName(self.tr("Recipients, one per line"))
        self.recipients_edit.setReadOnly(not editable)
        about.setBuddy(self.recipients_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            if editable
            else QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.recipients_edit, 1)
        layout.addWidget(self.buttons)
        self.resize(480, 320)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        notice, who = self._notice, user
        tasks.run(
            lambda: notice.management_list(who),
            on_done=lambda names: self.recipients_edit.setPlainText("\n".join(names)),
            on_failed=lambda exc: show_error(self, exc),
        )

    def recipients(self) -> list[str]:
        """The lines typed, without blank ones."""
        lines = self.recipients_edit.toPlainText().splitlines()
        return [line.strip() for line in lines if line.strip()]

    def _save(self) -> None:
        notice, who, names = self._notice, self._user, self.recipients()
        self._tasks.run(
            lambda: notice.set_management_list(who, names),
            on_done=self._on_saved,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _on_saved(self, names: tuple[str, ...]) -> None:
        self.saved.emit(tuple(names))
        self.accept()

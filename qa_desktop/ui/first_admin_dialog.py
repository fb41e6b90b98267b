"""The first run of a new database: create the administrator who will add everyone else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.errors import FieldError, ValidationFailed
from qa_desktop.services.accounts import MIN_PASSWORD_LENGTH
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.sign_in_dialog import MAX_PASSWORD, MAX_USERNAME
from qa_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qa_desktop.services import QaServices

MAX_DISPLAY_NAME = 200


class FirstAdminDialog(QDialog):
    """Creates the first administrator; on success :attr:`user` is that person, signed in."""

    def __init__(
        self,
        services: QaServices,
        tasks: TaskRunner,
        database_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.user: CurrentUser | None = None
        self.setWindowTitle(self.tr("New database — QA Desktop"))
        self.setMinimumWidth(460)

        intro = QLabel(
            self.tr(
                "{database} has no accounts yet. Create the first administrator: this account "
                "adds the QA engineers, heads and managers who will use the register."
            ).format(database=database_name),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)

        self.username = self._line(self.tr("User name"), MAX_USERNAME)
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.display_name = self._line(self.tr("Full name"), MAX_DISPLAY_NAME)
        self.password = self._line(self.tr("Password"), MAX_PASSWORD)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH)
        )
        self.confirm = self._line(self.tr("Repeat password"), MAX_PASSWORD)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Full name:"), self.display_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.confirm)

        self.problems = QLabel(self)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.hide()

        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(
            self.tr("&Create administrator"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create_administrator)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _line(self, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(limit)
        edit.setAccessibleName(name)
        return edit

    def create_administrator(self) -> None:
        """Create the account in the background; accept the dialog when it exists."""
        if self.password.text() != self.confirm.text():
            self._show_problems([self.tr("The two passwords differ.")])
            self.confirm.clear()
            self.confirm.setFocus()
            return
        username = self.username.text().strip()
        display_name = self.display_name.text().strip() or username
        password = self.password.text()
        self.create_button.setEnabled(False)
        self._tasks.run(
            lambda: self._services.accounts.create_first_administrator(
                username, display_name, password
            ),
            on_done=self._on_created,
            on_failed=self._on_failed,
        )

    def problem_text(self) -> str:
        """The problems shown under the form (empty when none)."""
        return self.problems.text() if self.problems.isVisibleTo(self) else ""

    def _on_created(self, user: CurrentUser) -> None:
        self.create_button.setEnabled(True)
        self.user = user
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self._show_problems([self._explain(e) for e in exc.errors])
        else:
            show_error(self, exc)

    def _explain(self, error: FieldError) -> str:
        known = {
            ("username", "format"): self.tr(
                "User name: use 2–64 characters: lower-case letters, digits, “.”, “_” or “-”, "
                "starting with a letter."
            ),
            ("display_name", "required"): self.tr("Full name: enter 1–200 characters."),
            ("password", "too_short"): self.tr("Password: use at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH
            ),
        }
        return known.get((error.field, error.rule), f"{error.field}: {error.message}")

    def _show_problems(self, lines: list[str]) -> None:
        self.problems.setText("\n".join(f"• {line}" for line in lines))
        self.problems.show()

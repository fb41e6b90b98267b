"""Signing in: user name and password, with the demo accounts of a demo database on show."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.errors import AuthenticationFailed
from qa_desktop.services.results import CurrentUser, UserView
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.labels import role_label
from qa_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qa_desktop.services import QaServices

#: The password of every account in a database filled by ``qa-desktop demo``.
DEMO_PASSWORD = "demo-password"  # noqa: S105 - published with the demo data
MAX_USERNAME = 64
MAX_PASSWORD = 1_024

_LOCKED = re.compile(r"The account '(?P<name>.*)' is locked after (?P<n>\d+) failed attempts")
_NOW_LOCKED = re.compile(
    r"Wrong password\. The account '(?P<name>.*)' is now locked after (?P<n>\d+)"
)


class SignInDialog(QDialog):
    """Asks who is working; on success :attr:`user` is the signed-in person."""

    def __init__(
        self,
        services: QaServices,
        tasks: TaskRunner,
        database_name: str,
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.user: CurrentUser | None = None
        self.setWindowTitle(self.tr("Sign in — QA Desktop"))
        self.setMinimumWidth(420)

        heading = QLabel(self.tr("Sign in to {database}").format(database=database_name), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)

        self.username = QLineEdit(username, self)
        self.username.setMaxLength(MAX_USERNAME)
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_PASSWORD)
        self.password.setAccessibleName(self.tr("Password"))
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)

        self.problem_row, self.problem = self._build_problem_row()
        self.demo_box, self.demo_list = self._build_demo_box()

        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(
            self.tr("&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problem_row)
        layout.addWidget(self.demo_box)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

        self._tasks.run(self._services.accounts.demo_accounts, on_done=self._show_demo_accounts)

    def _build_problem_row(self) -> tuple[QWidget, QLabel]:
        row = QWidget(self)
        warning = QLabel(row)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        problem = QLabel(row)
        problem.setWordWrap(True)
        problem.setTextFormat(Qt.TextFormat.PlainText)
        problem.setAccessibleName(self.tr("Sign-in problem"))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(warning, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(problem, 1)
        row.hide()
        return row, problem

    def _build_demo_box(self) -> tuple[QGroupBox, QListWidget]:
        box = QGroupBox(self.tr("&Demo accounts"), self)
        accounts = QListWidget(box)
        accounts.setAccessibleName(self.tr("Demo accounts"))
        accounts.itemClicked.connect(self._on_demo_list_item_clicked)
        accounts.itemActivated.connect(self._on_demo_list_item_clicked)
        hint = QLabel(
            self.tr(
                "Pick an account to fill in its user name. The demo password is {password}."
            ).format(password=DEMO_PASSWORD),
            box,
        )
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        layout.addWidget(hint)
        layout.addWidget(accounts)
        box.hide()
        return box, accounts

    def _show_demo_accounts(self, accounts: list[UserView]) -> None:
        for account in accounts:
            if not account.active:
                continue
            item = QListWidgetItem(
                self.tr("{name} — {role} ({username})").format(
                    name=account.display_name,
                    role=role_label(account.role),
                    username=account.username,
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, account.username)
            self.demo_list.addItem(item)
        self.demo_box.setVisible(self.demo_list.count() > 0)

    def _on_demo_list_item_clicked(self, item: QListWidgetItem) -> None:
        self.username.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.password.setFocus()

    def demo_usernames(self) -> list[str]:
        """The demo accounts listed (empty for a real database)."""
        return [
            str(self.demo_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.demo_list.count())
        ]

    def sign_in(self) -> None:
        """Check the password in the background; accept the dialog when it is right."""
        username = self.username.text().strip()
        if not username or not self.password.text():
            self._show_problem(self.tr("Enter your user name and password."))
            return
        password = self.password.text()
        self._set_busy(True)
        self._tasks.run(
            lambda: self._services.accounts.sign_in(username, password),
            on_done=self._on_signed_in,
            on_failed=self._on_sign_in_failed,
        )

    def _on_signed_in(self, user: CurrentUser) -> None:
        self._set_busy(False)
        self.user = user
        self.accept()

    def _on_sign_in_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, AuthenticationFailed):
            show_error(self, exc)
            return
        self.show_refusal(exc)

    def show_refusal(self, exc: AuthenticationFailed) -> None:
        """Say why signing in was refused, ready for another try."""
        self.password.clear()
        self.password.setFocus()
        self._show_problem(self.explain(exc))

    def explain(self, exc: AuthenticationFailed) -> str:
        """The refusal in the user's language."""
        message = str(exc)
        if message == "Unknown user name or wrong password.":
            return self.tr("Unknown user name or wrong password.")
        if match := _NOW_LOCKED.match(message):
            return self.tr(
                "Wrong password. The account {name} is now locked after {n} failed attempts; "
                "an administrator must unlock it."
            ).format(name=match["name"], n=match["n"])
        if match := _LOCKED.match(message):
            return self.tr(
                "The account {name} is locked after {n} failed attempts; "
                "an administrator must unlock it."
            ).format(name=match["name"], n=match["n"])
        return message

    def problem_text(self) -> str:
        """The problem shown under the form (empty when none)."""
        return self.problem.text() if self.problem_row.isVisibleTo(self) else ""

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem_row.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()

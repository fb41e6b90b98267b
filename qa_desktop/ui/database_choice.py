"""Choosing another database: a file, a server address, or one used lately."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu, QWidget

MAX_SERVER_URL = 2_000


class DatabaseChoice(QObject):
    """Asks the user which database to work on next."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent

    def ask_file(self, current: str, backend: str) -> str | None:
        """A database file picked by the user, starting beside the current one."""
        start = str(Path(current).parent) if backend == "sqlite" else ""
        name, _selected = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Open database file"),
            start,
            self.tr("QA Desktop databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        return name or None

    def ask_server(self) -> str | None:
        """A PostgreSQL server address typed by the user."""
        url, accepted = QInputDialog.getText(
            self._parent,
            self.tr("Connect to database server"),
            self.tr(
                "Server address, e.g. postgresql://user@server/qa_desktop\n"
                "(the password is asked by the server or read from your .pgpass file):"
            ),
            QLineEdit.EchoMode.Normal,
            "postgresql://",
        )
        url = url.strip()[:MAX_SERVER_URL]
        if accepted and "://" in url and not url.endswith("://"):
            return url
        return None

    def fill_recent(
        self, menu: QMenu, recent: list[str], current: str, pick: Callable[[str], None]
    ) -> None:
        """List *recent* in *menu*; the current database is shown but cannot be picked."""
        menu.clear()
        if not recent:
            menu.addAction(self.tr("No recent databases")).setEnabled(False)
            return
        for location in recent:
            action = menu.addAction(location.replace("&", "&&"))
            action.setEnabled(location != current)
            action.triggered.connect(lambda _checked=False, loc=location: pick(loc))

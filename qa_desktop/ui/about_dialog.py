"""Help > About: what is running, on which database, and where its settings are."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from qa_desktop import __version__
from qa_desktop.ui.icons import app_icon


def about_text(database: str, backend: str, settings_file: str) -> str:
    """The About box's text (plain text: a file path may hold any character)."""
    backend_name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(backend, backend)
    return QCoreApplication.translate(
        "AboutDialog",
        "QA Desktop {version}\n"
        "Product incidents, the regulatory response flow and OCHIBO-HIROI cause analyses.\n\n"
        "Database: {database}\n"
        "Backend: {backend}\n"
        "Settings: {settings}\n\n"
        "Python {python}, Qt {qt}, PySide6 {pyside}\n"
        "Japanese text is shown with the IPAexGothic font (IPA Font License).",
    ).format(
        version=__version__,
        database=database,
        backend=backend_name,
        settings=settings_file,
        python=platform.python_version(),
        qt=qVersion(),
        pyside=pyside_version,
    )


def show_about(parent: QWidget, database: str, backend: str, settings_file: str) -> None:
    """Show the About box for the window *parent*."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("AboutDialog", "About QA Desktop"))
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text(database, backend, settings_file))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()

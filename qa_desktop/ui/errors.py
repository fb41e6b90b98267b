"""Showing failures to the person at the screen, in their language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from qa_desktop.domain.errors import (
    ConflictError,
    ImportRejected,
    PermissionDenied,
    QaError,
    StorageError,
    ValidationFailed,
)

log = logging.getLogger(__name__)


def error_title(exc: BaseException) -> str:
    """A short, translated heading for *exc*."""
    if isinstance(exc, ValidationFailed):
        return QCoreApplication.translate("Errors", "Some values are not valid")
    if isinstance(exc, ConflictError):
        return QCoreApplication.translate("Errors", "Someone else saved this incident")
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate("Errors", "Not allowed")
    if isinstance(exc, StorageError):
        return QCoreApplication.translate("Errors", "The database could not save")
    if isinstance(exc, ImportRejected):
        return QCoreApplication.translate("Errors", "The file was rejected")
    if isinstance(exc, QaError):
        return QCoreApplication.translate("Errors", "QA Desktop")
    return QCoreApplication.translate("Errors", "Unexpected error")


def error_text(exc: BaseException) -> str:
    """The message body for *exc*; unexpected errors say that nothing was half-saved."""
    if isinstance(exc, ValidationFailed):
        return "\n".join(f"• {e.field}: {e.message}" for e in exc.errors)
    if isinstance(exc, QaError):
        return str(exc)
    return QCoreApplication.translate(
        "Errors", "Something unexpected went wrong; the change was not saved. Details:\n{details}"
    ).format(details=f"{type(exc).__name__}: {exc}")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user about *exc* in a message box (details for import reports)."""
    if not isinstance(exc, QaError):
        log.error("unexpected error shown to the user", exc_info=exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(error_title(exc))
    box.setText(error_text(exc))
    if isinstance(exc, ImportRejected):
        box.setDetailedText(exc.report())
    box.exec()

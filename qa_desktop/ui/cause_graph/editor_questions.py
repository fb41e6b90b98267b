"""The questions the analysis editor asks before it saves, reloads or replaces work."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


def ask_reason(parent: QWidget) -> str | None:
    """Why a closed analysis is being changed: the text, "" when left empty, None on cancel."""
    text, accepted = QInputDialog.getMultiLineText(
        parent,
        QCoreApplication.translate("AnalysisEditor", "Reason for the change"),
        QCoreApplication.translate(
            "AnalysisEditor",
            "The analysis is closed and signed. Why is it being changed? Saving reopens it, "
            "and the reason is kept in its history.",
        ),
    )
    return text.strip() if accepted else None


def may_discard(parent: QWidget, title: str, text: str) -> bool:
    """Whether the user agrees to lose their unsaved changes."""
    answer = QMessageBox.warning(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def ask_to_reload_theirs(parent: QWidget, reference: str, version: int) -> bool:
    """Someone else saved first: reload their version (losing ours), or keep editing?"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        QCoreApplication.translate("AnalysisEditor", "Someone else saved this analysis")
    )
    box.setText(
        QCoreApplication.translate(
            "AnalysisEditor",
            "Someone else saved the analysis of {reference} after you opened it (it is now "
            "version {version}). Your changes are not saved. Reload their version (your "
            "changes are lost), or keep editing and export yours to compare.",
        ).format(reference=reference, version=version or "?")
    )
    reload_button = box.addButton(
        QCoreApplication.translate("AnalysisEditor", "Reload their version"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(
        QCoreApplication.translate("AnalysisEditor", "Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.exec()
    return box.clickedButton() is reload_button

"""The status report to top management: composed from the records, sent to the management
list (recorded exactly as sent) and printed as the PDF of what was sent."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.reporting.status_report import StatusReport
from qa_desktop.services.management_notice import NoticeView
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.response.wording import local_time, zone_time
from qa_desktop.ui.tasks import TaskRunner


class ManagementNoticeDialog(QDialog):
    """Compose, send and print the status report of one incident."""

    #: A status report was sent for the incident (its reference).
    sent = Signal(str)

    def __init__(
        self,
        services: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        reference: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Status report to top management: {reference}").format(reference=reference)
        )
        self._notices = services.response.management_notice
        self._user = user
        self._tasks = tasks
        self._reference = reference
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.recipients_edit = QLineEdit()
        self.recipients_edit.setPlaceholderText(self.tr("Names, separated by commas"))
        self.recipients_edit.setAccessibleName(self.tr("Recipients"))
        self.sent_list = QListWidget()
        self.sent_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.send_button = QPushButton(self.tr("&Send to the management list"))
        self.print_button = QPushButton(self.tr("&Print selected…"))
        self.save_button = QPushButton(self.tr("Save selected &as PDF…"))
        close = QPushButton(self.tr("Close"))
        self.send_button.clicked.connect(self.send)
        self.print_button.clicked.connect(self.print_selected)
        self.save_button.clicked.connect(self._ask_save)
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Recipients:"), self.recipients_edit)
        form.addRow(self.tr("Sent so far:"), self.sent_list)
        buttons = QHBoxLayout()
        for button in (self.send_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.resize(
            self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().lineSpacing() * 36
        )
        self.sent_list.currentItemChanged.connect(self._update_buttons)
        self._update_buttons()
        self._read()

    def _read(self) -> None:
        notices, user, reference = self._notices, self._user, self._reference
        self._tasks.run(
            lambda: (
                notices.compose(user, reference),
                notices.management_list(user),
                notices.notices(user, reference),
            ),
            on_done=self._show,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _show(self, read: tuple[StatusReport, tuple[str, ...], tuple[NoticeView, ...]]) -> None:
        report, recipients, sent = read
        self.preview.setPlainText(self._text(report))
        if not self.recipients_edit.text():
            self.recipients_edit.setText(", ".join(recipients))
        self.sent_list.clear()
        for notice in sent:
            item = QListWidgetItem(
                self.tr("Sent {when} by {who} to {names}").format(
                    when=local_time(notice.sent_at),
                    who=notice.sent_by,
                    names=", ".join(notice.recipients),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, notice.id)
            self.sent_list.addItem(item)
        if sent:
            self.sent_list.setCurrentRow(self.sent_list.count() - 1)

    def _text(self, report: StatusReport) -> str:
        lines = [
            f"{report.reference} — {report.title}",
            f"{report.product} · {report.business_unit}",
            self.tr("Step: {step}; severity: {severity}").format(
                step=report.step, severity=report.severity
            ),
            "",
            *(f"{name}: {value}" for name, value in report.facts),
            "",
            *(f"{name}: {value}" for name, value in report.classification),
            "",
            self.tr("Regulator clocks:"),
            *(
                f"  {c.jurisdiction}: {c.title} ({c.citation}) — {c.state} {zone_time(c.due_at)}"
                for c in report.clocks
            ),
            self.tr("Decisions:"),
            *(f"  {d.title}: {d.state}" for d in report.decisions),
            self.tr("Actions so far:"),
            *(f"  {local_time(a.at)} {a.actor}: {a.title} {a.comment}" for a in report.actions),
        ]
        return "\n".join(lines)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.sent_list.currentItem() is not None
        self.print_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)

    def send(self) -> None:
        """Send the report to the recipients typed and record it as sent."""
        names = [n.strip() for n in self.recipients_edit.text().split(",") if n.strip()]
        notices, user, reference = self._notices, self._user, self._reference
        self._tasks.run(
            lambda: notices.send(user, reference, names),
            on_done=self._on_sent,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _on_sent(self, _notice: NoticeView) -> None:
        self.sent.emit(self._reference)
        self._read()

    def _selected(self) -> int | None:
        item = self.sent_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def print_selected(self) -> None:
        """Write the selected report as sent to a temporary PDF and open it."""
        notice_id = self._selected()
        if notice_id is not None:
            # Left for the viewer, which may read it after this dialog is gone; the system's
            # temporary folder is cleared by the operating system.
            folder = Path(tempfile.mkdtemp(prefix="qa-desktop-notice-"))
            target = folder / f"{self._reference}-status-{notice_id}.pdf"
            self.save_pdf(notice_id, target, open_after=True)

    def _ask_save(self) -> None:
        notice_id = self._selected()
        if notice_id is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the status report"),
            f"{self._reference}-status-{notice_id}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if chosen:
            self.save_pdf(notice_id, Path(chosen))

    def save_pdf(self, notice_id: int, target: Path, *, open_after: bool = False) -> None:
        """Write status report *notice_id* exactly as sent to *target*."""
        notices, user = self._notices, self._user
        zone = datetime.now().astimezone().tzinfo
        assert zone is not None

        def work() -> Path:
            target.write_bytes(notices.status_report_pdf(user, notice_id, zone))
            return target

        def done(path: Path) -> None:
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        self._tasks.run(work, on_done=done, on_failed=lambda exc: show_error(self, exc))

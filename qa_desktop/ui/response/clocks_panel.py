"""An incident's regulator clocks: due in the reader's and the regulator's zone, time left,
which rule moved the legal due date, the filing that stopped each; recording a filing and
proposing "not reportable" (a decision a QA head signs)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.clocks import ClockStatus
from qa_desktop.services.response_results import ClockView, IncidentClocks
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.response.filing_dialog import FilingDialog
from qa_desktop.ui.response.wording import local_time, span, time_left_text, zone_time
from qa_desktop.ui.tasks import TaskRunner

_OVERDUE_WASH = QColor(211, 47, 47, 90)


class ClocksPanel(QWidget):
    """The reporting clocks of one incident."""

    #: A filing or a proposal was recorded for the incident (its reference).
    changed = Signal(str)

    def __init__(
        self, services: Any, user: CurrentUser, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._user = user
        self._tasks = tasks
        self._reference = ""
        self.clocks: IncidentClocks | None = None
        self.filing_dialog: FilingDialog | None = None
        self.gap_label = QLabel()
        self.gap_label.setTextFormat(Qt.TextFormat.PlainText)
        self.gap_label.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("Report"),
                self.tr("Time left / state"),
                self.tr("Due (your time)"),
                self.tr("Due (regulator's time)"),
                self.tr("Legal due date"),
                self.tr("Filing"),
            ]
        )
        chars = self.fontMetrics().averageCharWidth()
        for column, width in enumerate((34, 24, 22, 24, 30)):
            self.tree.setColumnWidth(column, chars * width)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.filing_button = QPushButton(self.tr("Record &filing…"))
        self.filing_button.setToolTip(self.tr("Stop the selected clock: the report was filed"))
        self.not_reportable_button = QPushButton(self.tr("Propose &not reportable…"))
        self.not_reportable_button.setToolTip(
            self.tr("A QA division head signs the decision; approving it stops the clocks")
        )
        self.filing_button.clicked.connect(self.record_filing)
        self.not_reportable_button.clicked.connect(self.ask_not_reportable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.filing_button)
        buttons.addWidget(self.not_reportable_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.gap_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_incident(self, reference: str) -> None:
        """Read the clocks of *reference* and show them."""
        self._reference = reference
        clocks, user = self._services.response.clocks, self._user
        self._tasks.run(
            lambda: clocks.incident_clocks(user, reference),
            on_done=self._show,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _show(self, clocks: IncidentClocks) -> None:
        self.clocks = clocks
        if clocks.awareness_gap is not None:
            self.gap_label.setText(
                self.tr(
                    "First known {known}; QA aware {aware}: {gap} passed before QA heard of it."
                ).format(
                    known=local_time(clocks.first_known_at),
                    aware=local_time(clocks.qa_aware_at),
                    gap=span(clocks.awareness_gap),
                )
            )
        else:
            self.gap_label.setText(
                self.tr(
                    "The gap between first known and QA aware cannot be shown: a time is missing."
                )
            )
        self.tree.clear()
        for clock in clocks.clocks:
            self.tree.addTopLevelItem(self._item(clock))
        if not clocks.clocks:
            self.tree.addTopLevelItem(
                QTreeWidgetItem([self.tr("No reporting clock: classify the incident first.")])
            )
        self._update_buttons()

    def _item(self, clock: ClockView) -> QTreeWidgetItem:
        legal = self.tr("as calendar")
        if clock.moved_by:
            legal = self.tr("moved from {calendar} by {rule}: {why}").format(
                calendar=zone_time(clock.calendar_due_at.astimezone(clock.due_at_regulator.tzinfo))
                if clock.calendar_due_at and clock.due_at_regulator
                else "",
                rule=clock.moved_by,
                why=clock.move_reason,
            )
        item = QTreeWidgetItem(
            [
                f"{clock.jurisdiction}: {clock.title} ({clock.citation})",
                self._state(clock),
                local_time(clock.due_at),
                zone_time(clock.due_at_regulator),
                legal,
                self._stopped(clock),
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, clock.id)
        for column in (4, 5):
            item.setToolTip(column, item.text(column))
        if clock.status is ClockStatus.OVERDUE:
            for column in range(self.tree.columnCount()):
                item.setBackground(column, QBrush(_OVERDUE_WASH))
        return item

    def _state(self, clock: ClockView) -> str:
        if clock.status is None:
            return self.tr("Stopped")
        if clock.status is ClockStatus.DUE_IMMEDIATELY and clock.time_left is None:
            return self.tr("Due immediately")
        return time_left_text(clock.time_left, clock.problem)

    def _stopped(self, clock: ClockView) -> str:
        if clock.filing is not None:
            text = self.tr("Filed {when} by {who}, reference {ref}, document {name}").format(
                when=local_time(clock.filing.filed_at),
                who=clock.filing.filed_by,
                ref=clock.filing.regulator_reference,
                name=clock.filing.document_name,
            )
            if clock.filed_late is not None:
                text += self.tr(" — {late} late").format(late=span(clock.filed_late))
            return text
        if clock.stop_kind == "not_reportable":
            return self.tr("Not reportable (signed): {reason}").format(reason=clock.stop_reason)
        if clock.stopped_at is not None:
            return self.tr("Stopped {when}: {reason}").format(
                when=local_time(clock.stopped_at), reason=clock.stop_reason
            )
        return ""

    def selected_clock(self) -> ClockView | None:
        """The clock the cursor is on."""
        item = self.tree.currentItem()
        if item is None or self.clocks is None:
            return None
        wanted = item.data(0, Qt.ItemDataRole.UserRole)
        return next((c for c in self.clocks.clocks if c.id == wanted), None)

    def _update_buttons(self, *_args: object) -> None:
        clock = self.selected_clock()
        self.filing_button.setEnabled(clock is not None and clock.status is not None)
        running = bool(self.clocks and any(c.status is not None for c in self.clocks.clocks))
        self.not_reportable_button.setEnabled(running)

    def record_filing(self) -> FilingDialog | None:
        """Ask for the filing of the selected running clock (window-modal)."""
        clock = self.selected_clock()
        if clock is None:
            return None
        dialog = FilingDialog(clock, self._user.display_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_filing(clock.id, dialog))
        self.filing_dialog = dialog
        dialog.open()
        return dialog

    def _save_filing(self, clock_id: int, dialog: FilingDialog) -> None:
        try:
            filing = dialog.filing()
        except OSError as exc:
            show_error(self, exc)
            return
        clocks, user = self._services.response.clocks, self._user
        self._tasks.run(
            lambda: clocks.record_filing(user, clock_id, filing),
            on_done=lambda _view: self._after_change(),
            on_failed=lambda exc: show_error(self, exc),
        )

    def ask_not_reportable(self) -> None:
        """Ask why the incident is not reportable and propose that decision for signature."""
        reason, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Not reportable"),
            self.tr("Why is this incident not reportable? A QA division head signs this reason."),
        )
        if ok:
            self.propose_not_reportable(reason)

    def propose_not_reportable(self, reason: str) -> None:
        """Propose "not reportable" for every running clock, with *reason*."""
        decisions, user, reference = self._services.response.decisions, self._user, self._reference
        self._tasks.run(
            lambda: decisions.propose_not_reportable(user, reference, reason),
            on_done=lambda _view: self._after_change(),
            on_failed=lambda exc: show_error(self, exc),
        )

    def _after_change(self) -> None:
        self.show_incident(self._reference)
        self.changed.emit(self._reference)

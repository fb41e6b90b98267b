"""The incident window's Response tab: classification, flow, clocks and decisions together,
with the dialogs that classify, decide on a recall and report to top management."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.roles import Permission
from qa_desktop.services.decision_records import DecisionState, DecisionView
from qa_desktop.services.response_results import ClassificationRecord
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.labels import severity_label
from qa_desktop.ui.response.clocks_panel import ClocksPanel
from qa_desktop.ui.response.flow_panel import FlowPanel
from qa_desktop.ui.response.risk_text import recall_lines
from qa_desktop.ui.response.wording import local_time, signature_line
from qa_desktop.ui.tasks import TaskRunner


class ResponseTab(QWidget):
    """Everything about the response to one incident, on one tab."""

    #: The incident changed through the response (its reference): reload it.
    changed = Signal(str)

    def __init__(
        self, services: Any, user: CurrentUser, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._user = user
        self._tasks = tasks
        self._reference = ""
        self.dialog: QWidget | None = None
        editable = user.may(Permission.EDIT_INCIDENTS)
        self.classify_button = QPushButton(self.tr("&Classify…"))
        self.recall_button = QPushButton(self.tr("Recall &decision…"))
        self.notice_button = QPushButton(self.tr("Status report to &top management…"))
        for button, allowed in (
            (self.classify_button, editable),
            (self.recall_button, editable),
            (self.notice_button, user.may(Permission.PRINT_NOTICES)),
        ):
            button.setEnabled(False)
            button.setProperty("allowed", allowed)
            if not allowed:
                button.setToolTip(self.tr("Your role may not do this"))
        self.classify_button.clicked.connect(self.classify)
        self.recall_button.clicked.connect(self.decide_recall)
        self.notice_button.clicked.connect(self.report_to_management)
        self.classification_label = QLabel()
        self.classification_label.setTextFormat(Qt.TextFormat.PlainText)
        self.classification_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.classification_label, 1)
        for button in (self.classify_button, self.recall_button, self.notice_button):
            buttons.addWidget(button)

        self.flow = FlowPanel(services, user, tasks)
        self.clocks = ClocksPanel(services, user, tasks)
        self.decisions = QTreeWidget()
        self.decisions.setRootIsDecorated(True)
        self.decisions.setHeaderLabels([self.tr("Decision"), self.tr("State / signature")])
        self.decisions.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 50)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, widget in (
            (self.tr("Response flow"), self.flow),
            (self.tr("Regulator clocks"), self.clocks),
            (self.tr("Decisions and signatures"), self.decisions),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            splitter.addWidget(box)
        for index, stretch in enumerate((3, 2, 1)):
            splitter.setStretchFactor(index, stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.flow.changed.connect(self._on_changed)
        self.flow.recorded_action_requested.connect(self._on_flow_recorded_action_requested)
        self.clocks.changed.connect(self._on_changed)

    def show_incident(self, reference: str) -> None:
        """Show the response to *reference* (read afresh)."""
        self._reference = reference
        for button in (self.classify_button, self.recall_button, self.notice_button):
            button.setEnabled(bool(button.property("allowed")))
        self.flow.show_incident(reference)
        self.clocks.show_incident(reference)
        response, user = self._services.response, self._user
        self._tasks.run(
            lambda: response.classification.current(user, reference),
            on_done=self._show_classification,
            on_failed=lambda exc: show_error(self, exc),
        )
        self._tasks.run(
            lambda: response.decisions.decisions(user, reference),
            on_done=self._show_decisions,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _show_classification(self, record: ClassificationRecord | None) -> None:
        if record is None:
            self.classification_label.setText(self.tr("Not classified yet."))
            return
        text = self.tr("Classified {severity} (version {version}) by {who}, {when}").format(
            severity=severity_label(record.severity.value),
            version=record.version,
            who=record.classified_by,
            when=local_time(record.classified_at),
        )
        if record.overridden:
            text += self.tr("; proposal {proposed} overridden: {reason}").format(
                proposed=severity_label(record.proposed_severity.value), reason=record.reason
            )
        self.classification_label.setText(text)

    def _show_decisions(self, decisions: tuple[DecisionView, ...]) -> None:
        self.decisions.clear()
        for decision in decisions:
            what = (
                self.tr("Recall decision")
                if decision.kind.value == "recall"
                else self.tr("Not reportable")
            )
            item = QTreeWidgetItem(
                [
                    self.tr("{what} proposed by {who}, {when}").format(
                        what=what, who=decision.proposed_by, when=local_time(decision.proposed_at)
                    ),
                    self._state_label(decision.state),
                ]
            )
            if decision.reason:
                QTreeWidgetItem(item, [self.tr("Reason"), decision.reason])
            if decision.content.recall is not None:
                for line in recall_lines(decision.content.recall):
                    QTreeWidgetItem(item, ["", line])
            for review in decision.reviews:
                if review.comment:
                    QTreeWidgetItem(item, [review.reviewer, review.comment])
            for signature in decision.signatures:
                QTreeWidgetItem(item, [self.tr("Signature"), signature_line(signature)])
            self.decisions.addTopLevelItem(item)
        self.decisions.expandAll()

    def _state_label(self, state: DecisionState) -> str:
        labels = {
            DecisionState.AWAITING_REVIEW: self.tr("awaiting review"),
            DecisionState.APPROVED: self.tr("approved"),
            DecisionState.REJECTED: self.tr("rejected"),
            DecisionState.RETURNED: self.tr("returned with comments"),
            DecisionState.MORE_INFORMATION: self.tr("more information asked for"),
            DecisionState.SUPERSEDED: self.tr("superseded"),
        }
        return labels[state]

    def _on_flow_recorded_action_requested(self, action_id: str) -> None:
        if action_id in ("decide_recall", "decide_no_recall"):
            self.decide_recall()
        elif action_id == "send_top_management_report":
            self.report_to_management()
        elif action_id == "decide_not_reportable":
            self.clocks.ask_not_reportable()
        else:
            self.record_disclosure()

    def record_disclosure(self) -> None:
        """Ask where and since when the incident is disclosed on the website, and record it."""
        from qa_desktop.ui.response.disclosure_dialog import DisclosureDialog

        dialog = DisclosureDialog(self._reference, self)
        dialog.accepted.connect(lambda: self._save_disclosure(dialog.address, dialog.published_at))
        self._open(dialog)

    def _save_disclosure(self, address: str, published_at: datetime) -> None:
        flow, user, reference = self._services.response.flow, self._user, self._reference
        self._tasks.run(
            lambda: flow.record_website_disclosure(user, reference, address, published_at),
            on_done=lambda _view: self._on_changed(reference),
            on_failed=lambda exc: show_error(self, exc),
        )

    def _on_changed(self, reference: str) -> None:
        self.show_incident(reference)
        self.changed.emit(reference)

    def _open(self, dialog: Any) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        self.dialog = None

    def classify(self) -> None:
        """Open the classification of the incident."""
        from qa_desktop.ui.response.classification_dialog import ClassificationDialog

        dialog = ClassificationDialog(
            self._services, self._user, self._tasks, self._reference, self
        )
        dialog.confirmed.connect(self._on_changed)
        self._open(dialog)

    def decide_recall(self) -> None:
        """Open the recall decision of the incident."""
        from qa_desktop.ui.response.recall_decision_dialog import RecallDecisionDialog

        dialog = RecallDecisionDialog(
            self._services, self._user, self._tasks, self._reference, self
        )
        dialog.decided.connect(self._on_changed)
        self._open(dialog)

    def report_to_management(self) -> None:
        """Open the status report to top management."""
        from qa_desktop.ui.response.management_notice_dialog import ManagementNoticeDialog

        dialog = ManagementNoticeDialog(
            self._services, self._user, self._tasks, self._reference, self
        )
        dialog.sent.connect(self._on_changed)
        self._open(dialog)

"""The review inbox of QA division heads: every escalation and decision awaiting their review
or signature, most urgent clock first, with facts, classification and the proposed decision
on one screen. Approving signs; returning with comments and asking for more information are
recorded with the comment."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.incident import flatten
from qa_desktop.services.response_results import ReviewOutcome, SignatureMeaning
from qa_desktop.services.results import CurrentUser
from qa_desktop.services.review_inbox import InboxItem
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.history_text import field_label
from qa_desktop.ui.labels import severity_label
from qa_desktop.ui.response.flow_words import flow_text
from qa_desktop.ui.response.risk_text import recall_lines, rmap_lines, safety_gate_lines
from qa_desktop.ui.response.signature_dialog import SignatureDialog
from qa_desktop.ui.response.wording import local_time, time_left_text, zone_time
from qa_desktop.ui.tasks import TaskRunner


def _plain(value: object) -> str:
    """A fact as a person reads it: local times, lists joined, text exactly as typed."""
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, tuple):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, bool):
        return "✓" if value else "—"
    return str(value)


class ReviewInboxWindow(QMainWindow):
    """What awaits the signed-in QA division head, and their answers."""

    #: The user asked to open an incident (its reference).
    incident_requested = Signal(str)

    def __init__(
        self, services: Any, user: CurrentUser, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review inbox"))
        self._response = services.response
        self._user = user
        self._tasks = tasks
        self.items: tuple[InboxItem, ...] = ()
        self.signature_dialog: SignatureDialog | None = None
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_item)
        self.list.itemActivated.connect(
            lambda item: self.incident_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.action_box = QComboBox()
        self.action_box.setAccessibleName(self.tr("Flow action taken on approval"))
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(self.tr("Comment (needed unless approving)"))
        self.comment_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.approve_button = QPushButton(self.tr("&Approve and sign…"))
        self.reject_button = QPushButton(self.tr("Re&ject and sign…"))
        self.return_button = QPushButton(self.tr("&Return with comments"))
        self.ask_button = QPushButton(self.tr("Ask for &more information"))
        refresh = QPushButton(self.tr("Re&fresh"))
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject_decision)
        self.return_button.clicked.connect(lambda: self.answer(ReviewOutcome.RETURNED))
        self.ask_button.clicked.connect(lambda: self.answer(ReviewOutcome.MORE_INFORMATION))
        refresh.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.reject_button, self.return_button):
            buttons.addWidget(button)
        buttons.addWidget(self.ask_button)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details, 1)
        self.action_label = QLabel(self.tr("On approval, take:"))
        right_layout.addWidget(self.action_label)
        right_layout.addWidget(self.action_box)
        right_layout.addWidget(self.comment_edit)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 170, metrics.lineSpacing() * 34)
        self._show_item(-1)
        self.refresh()

    def refresh(self) -> None:
        """Read the inbox afresh."""
        inbox, user = self._response.inbox, self._user
        self._tasks.run(
            lambda: inbox.items(user),
            on_done=self._show_items,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _show_items(self, items: tuple[InboxItem, ...]) -> None:
        self.items = items
        self.list.clear()
        for item in items:
            clock = item.urgent_clock
            due = time_left_text(clock.time_left, clock.problem) if clock else ""
            row = QListWidgetItem(f"{item.reference} — {item.why}\n{item.draft.title}\n{due}")
            row.setData(Qt.ItemDataRole.UserRole, item.reference)
            self.list.addItem(row)
        if not items:
            self.details.setPlainText(self.tr("Nothing awaits your review."))
        self.list.setCurrentRow(0 if items else -1)

    def current_item(self) -> InboxItem | None:
        """The item the cursor is on."""
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_item(self, _row: int) -> None:
        item = self.current_item()
        has_decision = item is not None and item.decision is not None
        self.action_box.clear()
        if item is not None and not has_decision:
            for action in item.actions:
                self.action_box.addItem(flow_text(action.title), action.id)
        escalation = item is not None and not has_decision
        self.action_box.setVisible(escalation)
        self.action_label.setVisible(escalation)
        self.approve_button.setEnabled(has_decision or self.action_box.count() > 0)
        self.reject_button.setEnabled(has_decision)
        self.return_button.setEnabled(item is not None)
        self.ask_button.setEnabled(item is not None)
        if item is not None:
            self.details.setPlainText(self._details(item))

    def _details(self, item: InboxItem) -> str:
        facts = flatten(item.draft)
        lines = [f"{item.reference}: {item.draft.title}", item.why, flow_text(item.step_title), ""]
        lines += [
            f"{field_label(name)}: {_plain(value)}"
            for name, value in facts.items()
            if value not in ("", (), 0, False, None)
        ]
        if item.urgent_clock is not None:
            clock = item.urgent_clock
            lines += [
                "",
                self.tr(
                    "Most urgent clock: {title} ({jurisdiction}), due {local} / {regulator}"
                ).format(
                    title=clock.title,
                    jurisdiction=clock.jurisdiction,
                    local=local_time(clock.due_at),
                    regulator=zone_time(clock.due_at_regulator),
                ),
                time_left_text(clock.time_left, clock.problem),
            ]
        if item.classification is not None:
            record = item.classification
            lines += [
                "",
                self.tr("Classification: {severity} (proposed {proposed})").format(
                    severity=severity_label(record.severity.value),
                    proposed=severity_label(record.proposed_severity.value),
                ),
                *(f"  {b}" for b in record.basis),
                *rmap_lines(record.rmap),
                *safety_gate_lines(record.safety_gate),
            ]
        if item.decision is not None:
            decision = item.decision
            lines += ["", self.tr("Proposed decision by {who}:").format(who=decision.proposed_by)]
            lines.append(decision.reason)
            recall = decision.content.recall
            if recall is not None:
                lines += [f"  {line}" for line in recall_lines(recall)]
            lines += [f"  {title}" for title in decision.content.clock_titles]
        return "\n".join(lines)

    # ------------------------------------------------------------------ answers
    def approve(self) -> None:
        """Approve the decision (signed), or the escalation with the chosen flow action."""
        item = self.current_item()
        if item is None:
            return
        needs_signature = item.decision is not None or any(
            a.needs_signature for a in item.actions if a.id == self.action_box.currentData()
        )
        if not needs_signature:
            self._approve(item, None)
            return
        dialog = SignatureDialog(
            self._user, f"{item.reference}: {item.why}", (SignatureMeaning.APPROVED,), parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._approve(item, dialog.password))
        self.signature_dialog = dialog
        dialog.open()

    def _approve(self, item: InboxItem, password: str | None) -> None:
        response, user = self._response, self._user
        comment = self.comment_edit.toPlainText()
        decision = item.decision
        action_id = self.action_box.currentData()

        def work() -> object:
            if decision is not None:
                assert password is not None
                return response.decisions.approve(user, decision.id, password)
            return response.flow.respond(
                user,
                item.reference,
                ReviewOutcome.APPROVED,
                comment,
                action_id=action_id,
                password=password,
            )

        self._run(work)

    def reject_decision(self) -> None:
        """Reject the decision: signed, with the comment saying why."""
        item = self.current_item()
        if item is None or item.decision is None:
            return
        decision_id = item.decision.id
        dialog = SignatureDialog(
            self._user,
            f"{item.reference}: {item.why}",
            (SignatureMeaning.REJECTED,),
            comment_required=True,
            parent=self,
        )
        dialog.comment_edit.setPlainText(self.comment_edit.toPlainText())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        decisions, user = self._response.decisions, self._user
        dialog.accepted.connect(
            lambda: self._run(
                lambda: decisions.reject(user, decision_id, dialog.password, dialog.comment)
            )
        )
        self.signature_dialog = dialog
        dialog.open()

    def answer(self, outcome: ReviewOutcome) -> None:
        """Return with comments or ask for more information, recorded with the comment."""
        item = self.current_item()
        if item is None:
            return
        response, user = self._response, self._user
        comment = self.comment_edit.toPlainText()
        if item.decision is not None:
            decision_id = item.decision.id
            if outcome is ReviewOutcome.RETURNED:
                self._run(
                    lambda: response.decisions.return_with_comments(user, decision_id, comment)
                )
            else:
                self._run(
                    lambda: response.decisions.ask_for_information(user, decision_id, comment)
                )
        else:
            self._run(lambda: response.flow.respond(user, item.reference, outcome, comment))

    def _run(self, work: Any) -> None:
        self._tasks.run(
            work, on_done=self._on_answered, on_failed=lambda exc: show_error(self, exc)
        )

    def _on_answered(self, _result: object) -> None:
        self.comment_edit.clear()
        self.statusBar().showMessage(self.tr("Your answer was recorded."), 10_000)
        self.refresh()

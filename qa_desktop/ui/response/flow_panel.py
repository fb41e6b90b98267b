"""Where an incident stands in its response flow, what the reader may do next, and its history.

Actions the reader may take now are buttons; the others are listed disabled with the
sentence the service gives for refusing them (wrong role, a task still open, a guard not
met), so nobody has to guess. A signed action asks for the signature first. The service has
the last word: a step out of order or by the wrong role is refused there and its message
shown here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.services.response_flow import RECORDED_ACTIONS
from qa_desktop.services.response_results import FlowActionView, FlowView
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.response.flow_words import flow_text
from qa_desktop.ui.response.signature_dialog import SignatureDialog
from qa_desktop.ui.response.wording import local_time, signature_line
from qa_desktop.ui.tasks import TaskRunner


class FlowPanel(QWidget):
    """The response flow of one incident: current step, actions, comment, history."""

    #: An action was taken on the incident (its reference): its status may have moved.
    changed = Signal(str)
    #: The user chose a step that is recorded through its own form (its action id).
    recorded_action_requested = Signal(str)

    def __init__(
        self, services: Any, user: CurrentUser, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._flow = services.response.flow
        self._user = user
        self._tasks = tasks
        self._reference = ""
        self.view: FlowView | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.signature_dialog: SignatureDialog | None = None

        self.step_label = QLabel()
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label.setWordWrap(True)
        bold = self.step_label.font()
        bold.setBold(True)
        self.step_label.setFont(bold)
        self.tasks_label = QLabel()
        self.tasks_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tasks_label.setWordWrap(True)
        self.actions_box = QGroupBox(self.tr("Next actions"))
        self._actions_layout = QVBoxLayout(self.actions_box)
        self.refused_label = QLabel()
        self.refused_label.setTextFormat(Qt.TextFormat.PlainText)
        self.refused_label.setWordWrap(True)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(self.tr("Comment recorded with the action"))
        self.comment_edit.setAccessibleName(self.tr("Comment"))
        self.comment_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Comment / signature")]
        )
        chars = self.fontMetrics().averageCharWidth()
        for column, width in enumerate((24, 14, 30)):
            self.history.setColumnWidth(column, chars * width)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.step_label)
        left.addWidget(self.tasks_label)
        left.addWidget(self.comment_edit)
        left.addStretch(1)
        top.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.actions_box)
        right.addWidget(self.refused_label)
        right.addStretch(1)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Flow history:")))
        layout.addWidget(self.history, 1)

    def show_incident(self, reference: str) -> None:
        """Read where *reference* stands and show it."""
        self._reference = reference
        flow, user = self._flow, self._user
        self._tasks.run(
            lambda: flow.view(user, reference),
            on_done=self._show,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _show(self, view: FlowView) -> None:
        self.view = view
        self.step_label.setText(
            self.tr("Step: {step} — owned by {tier}, since {since}").format(
                step=flow_text(view.step_title),
                tier=flow_text(view.responsible_tier),
                since=local_time(view.entered_at),
            )
        )
        lines = []
        for task in view.tasks:
            mark = "☑" if task.done else "☐"
            late = self.tr(" (overdue)") if task.overdue and not task.done else ""
            lines.append(f"{mark} {flow_text(task.title)}{late}")
        self.tasks_label.setText("\n".join(lines) or self.tr("No tasks in this step."))
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for action in view.available:
            self._add_button(action, "")
        for action, reason in view.refused:
            self._add_button(action, reason)
        self.refused_label.setText("\n".join(f"• {reason}" for _action, reason in view.refused))
        self.history.clear()
        for record in view.history:
            extra = [record.comment] if record.comment else []
            if record.signature is not None:
                extra.append(signature_line(record.signature))
            item = QTreeWidgetItem(
                [
                    local_time(record.at),
                    record.actor,
                    flow_text(record.action_title),
                    "\n".join(extra),
                ]
            )
            item.setToolTip(3, "\n".join(extra))
            self.history.addTopLevelItem(item)

    def _add_button(self, action: FlowActionView, refused: str) -> None:
        text = flow_text(action.title) + ("…" if action.needs_signature else "")
        button = QPushButton(text)
        button.setEnabled(not refused)
        if refused:
            button.setToolTip(refused)
        elif action.needs_signature:
            button.setToolTip(self.tr("Needs your electronic signature"))
        elif action.id in RECORDED_ACTIONS:
            button.setToolTip(self.tr("Opens the form that records this step"))
        button.clicked.connect(lambda _checked=False, a=action: self.take(a.id))
        self._actions_layout.addWidget(button)
        self.buttons[action.id] = button

    def take(self, action_id: str) -> None:
        """Take *action_id* with the comment typed; a signed action asks for the signature.

        A step that is taken with a record of its own (a decision, the disclosure, the notice)
        is handed to the form that records it.
        """
        if action_id in RECORDED_ACTIONS:
            self.recorded_action_requested.emit(action_id)
            return
        actions = {a.id: a for a in self.view.available} if self.view else {}
        action = actions.get(action_id)
        if action is not None and action.needs_signature:
            dialog = SignatureDialog(self._user, flow_text(action.title), parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._take(action_id, dialog.password))
            dialog.destroyed.connect(self._forget_dialog)
            self.signature_dialog = dialog
            dialog.open()
            return
        self._take(action_id, None)

    def _forget_dialog(self) -> None:
        self.signature_dialog = None

    def _take(self, action_id: str, password: str | None) -> None:
        flow, user, reference = self._flow, self._user, self._reference
        comment = self.comment_edit.toPlainText()
        self._tasks.run(
            lambda: flow.take(user, reference, action_id, comment, password=password),
            on_done=self._on_taken,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _on_taken(self, view: FlowView) -> None:
        self.comment_edit.clear()
        self._show(view)
        self.changed.emit(view.reference)

"""The recall decision: scope, remedy and channels, with the R-Map and Safety Gate results
beside it. An engineer proposes it; a QA division head signs it (here at once, when the
person proposing is one, or later from the review inbox)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.roles import Permission
from qa_desktop.services.decision_records import DecisionView
from qa_desktop.services.decisions import NoticeChannel, RecallDecisionInput, Remedy
from qa_desktop.services.response_results import ClassificationRecord
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.response.risk_text import rmap_lines, safety_gate_lines
from qa_desktop.ui.response.signature_dialog import SignatureDialog
from qa_desktop.ui.tasks import TaskRunner


class RecallDecisionDialog(QDialog):
    """Propose (and, for a QA head, sign) the recall decision of one incident."""

    #: A decision was proposed or signed for the incident (its reference).
    decided = Signal(str)

    def __init__(
        self,
        services: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        reference: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recall decision for {reference}").format(reference=reference))
        self._response = services.response
        self._user = user
        self._tasks = tasks
        self._reference = reference
        self.decision: DecisionView | None = None
        self.signature_dialog: SignatureDialog | None = None

        form = self._build_form()
        lines = self.fontMetrics().lineSpacing()
        self.risk_label = QLabel(self.tr("Reading the classification…"))
        self.risk_label.setTextFormat(Qt.TextFormat.PlainText)
        self.risk_label.setWordWrap(True)
        self.risk_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        risk = QGroupBox(self.tr("Risk basis (latest classification)"))
        QVBoxLayout(risk).addWidget(self.risk_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._signs = user.may(Permission.SIGN)
        ok.setText(
            self.tr("Propose and &sign…") if self._signs else self.tr("&Propose for signature")
        )
        self.buttons.accepted.connect(self.propose)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addWidget(risk, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 150, lines * 34)
        classification = self._response.classification
        self._tasks.run(
            lambda: classification.current(user, reference),
            on_done=self._show_risk,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _build_form(self) -> QFormLayout:
        self.recall_button = QRadioButton(self.tr("&Recall"))
        self.no_recall_button = QRadioButton(self.tr("N&o recall"))
        self.recall_button.setChecked(True)
        choice = QHBoxLayout()
        choice.addWidget(self.recall_button)
        choice.addWidget(self.no_recall_button)
        choice.addStretch(1)
        lines = self.fontMetrics().lineSpacing()
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setMaximumHeight(lines * 4)
        self.models_edit = QPlainTextEdit()
        self.models_edit.setPlaceholderText(self.tr("One model per line"))
        self.models_edit.setMaximumHeight(lines * 4)
        self.serials_edit = QPlainTextEdit()
        self.serials_edit.setPlaceholderText(self.tr("Serial ranges or lots, one per line"))
        self.serials_edit.setMaximumHeight(lines * 4)
        self.units_spin = QSpinBox()
        self.units_spin.setRange(0, 2_000_000_000)
        self.units_spin.setGroupSeparatorShown(True)
        self.remedy_boxes = {
            Remedy.REPAIR: QCheckBox(self.tr("Repair")),
            Remedy.REPLACEMENT: QCheckBox(self.tr("Replacement")),
            Remedy.REFUND: QCheckBox(self.tr("Refund")),
        }
        self.channel_boxes = {
            NoticeChannel.NEWSPAPERS: QCheckBox(self.tr("Newspapers")),
            NoticeChannel.WEBSITE: QCheckBox(self.tr("Website")),
            NoticeChannel.DIRECT_MAIL: QCheckBox(self.tr("Direct mail")),
        }
        self.channel_details_edit = QPlainTextEdit()
        self.channel_details_edit.setMaximumHeight(lines * 3)
        form = QFormLayout()
        form.addRow(self.tr("Decision:"), choice)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        form.addRow(self.tr("Models:"), self.models_edit)
        form.addRow(self.tr("Serials / lots:"), self.serials_edit)
        form.addRow(self.tr("Units in scope:"), self.units_spin)
        form.addRow(self.tr("Remedy:"), self._row(list(self.remedy_boxes.values())))
        form.addRow(self.tr("Tell owners by:"), self._row(list(self.channel_boxes.values())))
        form.addRow(self.tr("Channel details:"), self.channel_details_edit)
        return form

    @staticmethod
    def _row(boxes: list[QCheckBox]) -> QHBoxLayout:
        row = QHBoxLayout()
        for box in boxes:
            row.addWidget(box)
        row.addStretch(1)
        return row

    def _show_risk(self, record: ClassificationRecord | None) -> None:
        if record is None:
            self.risk_label.setText(self.tr("The incident is not classified yet."))
            return
        lines = [
            self.tr("Classification version {version}: {severity}").format(
                version=record.version, severity=record.severity.value
            ),
            "",
            self.tr("R-Map:"),
            *rmap_lines(record.rmap),
            "",
            self.tr("Safety Gate:"),
            *safety_gate_lines(record.safety_gate),
        ]
        self.risk_label.setText("\n".join(lines))

    def decision_input(self) -> RecallDecisionInput:
        """The decision as typed; text kept exactly."""
        models = tuple(m for m in self.models_edit.toPlainText().splitlines() if m.strip())
        return RecallDecisionInput(
            recall=self.recall_button.isChecked(),
            reason=self.reason_edit.toPlainText(),
            models=models,
            serials_or_lots=self.serials_edit.toPlainText(),
            units=self.units_spin.value(),
            remedies=tuple(r for r, box in self.remedy_boxes.items() if box.isChecked()),
            channels=tuple(c for c, box in self.channel_boxes.items() if box.isChecked()),
            channel_details=self.channel_details_edit.toPlainText(),
        )

    def propose(self) -> None:
        """Propose the decision; a QA head then signs it at once."""
        decisions, user, reference = self._response.decisions, self._user, self._reference
        wanted = self.decision_input()
        self._tasks.run(
            lambda: decisions.propose_recall(user, reference, wanted),
            on_done=self._on_proposed,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _on_proposed(self, decision: DecisionView) -> None:
        self.decision = decision
        self.decided.emit(self._reference)
        if not self._signs:
            self.accept()
            return
        dialog = SignatureDialog(
            self._user,
            self.tr("the recall decision for {reference}").format(reference=self._reference),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._sign(decision.id, dialog.password))
        self.signature_dialog = dialog
        dialog.open()

    def _sign(self, decision_id: int, password: str) -> None:
        decisions, user = self._response.decisions, self._user
        self._tasks.run(
            lambda: decisions.approve(user, decision_id, password),
            on_done=self._on_signed,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _on_signed(self, decision: DecisionView) -> None:
        self.decision = decision
        self.decided.emit(self._reference)
        self.accept()

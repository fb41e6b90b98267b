"""Classifying an incident: the proposal from the harm facts, and the engineer's confirmation.

The proposal lists, for every market the product is sold in, whether each law's "serious"
definition is met and why; the R-Map point with its A/B/C region from the field data typed
here; and the Safety Gate risk of each injury scenario (the highest governs). The engineer
confirms the proposed severity or chooses another with a reason.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.errors import FieldError, ValidationFailed
from qa_desktop.domain.incident import Severity
from qa_desktop.domain.risk import InjuryScenario, ScenarioStep
from qa_desktop.services.classification import (
    ClassificationInput,
    ClassificationProposal,
    RMapInput,
)
from qa_desktop.services.response_results import ClassificationRecord
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.labels import severity_label
from qa_desktop.ui.response.risk_text import rmap_lines, safety_gate_lines
from qa_desktop.ui.response.wording import local_time, span
from qa_desktop.ui.tasks import TaskRunner


class ClassificationDialog(QDialog):
    """Propose, review and confirm (or override) the classification of one incident."""

    #: A classification was confirmed for the incident (its reference).
    confirmed = Signal(str)

    def __init__(
        self,
        services: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        reference: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Classify {reference}").format(reference=reference))
        self._classification = services.response.classification
        self._user = user
        self._tasks = tasks
        self._reference = reference
        self.proposal: ClassificationProposal | None = None
        self.record: ClassificationRecord | None = None

        inputs = self._build_inputs()
        self.findings = QTreeWidget()
        self.findings.setHeaderLabels([self.tr("Finding"), self.tr("Why")])
        self.findings.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 44)
        self.proposed_label = QLabel()
        self.proposed_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.proposed_label.font()
        bold.setBold(True)
        self.proposed_label.setFont(bold)
        decide = self._build_decision()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(self.tr("&Confirm classification"))
        self.confirm_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.proposed_label)
        right.addWidget(self.findings, 1)
        right.addLayout(decide)
        columns = QHBoxLayout()
        columns.addWidget(inputs, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        chars = self.fontMetrics().averageCharWidth()
        self.resize(chars * 170, self.fontMetrics().lineSpacing() * 36)
        self.propose()

    def _build_inputs(self) -> QGroupBox:
        self.medical_device = QCheckBox(self.tr("The product is a &medical device"))
        self.similar_incidents = QSpinBox()
        self.similar_incidents.setRange(0, 10_000_000)
        self.similar_incidents.setAccessibleName(self.tr("Similar incidents"))
        self.years_in_use = QLineEdit()
        self.years_in_use.setPlaceholderText(self.tr("e.g. 2.5 (empty: no R-Map point)"))
        self.scenarios = QTableWidget(3, 3)
        self.scenarios.setHorizontalHeaderLabels(
            [self.tr("Injury scenario"), self.tr("Severity (1–4)"), self.tr("Steps")]
        )
        self.scenarios.horizontalHeader().setStretchLastSection(True)
        self.scenarios.setToolTip(
            self.tr("Steps as “description = probability”, separated by | (e.g. 1/100)")
        )
        inputs = QGroupBox(self.tr("Field data and injury scenarios"))
        form = QFormLayout(inputs)
        form.addRow(self.medical_device)
        form.addRow(self.tr("Similar incidents:"), self.similar_incidents)
        form.addRow(self.tr("Years in use:"), self.years_in_use)
        form.addRow(self.tr("Safety Gate scenarios:"), self.scenarios)
        self.propose_button = QPushButton(self.tr("&Propose"))
        self.propose_button.clicked.connect(self.propose)
        form.addRow(self.propose_button)
        return inputs

    def _build_decision(self) -> QFormLayout:
        self.severity_box = QComboBox()
        for severity in Severity:
            if severity is not Severity.UNCLASSIFIED:
                self.severity_box.addItem(severity_label(severity.value), severity.value)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Reason (needed when overriding the proposal)"))
        self.reason_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        decide = QFormLayout()
        decide.addRow(self.tr("Severity:"), self.severity_box)
        decide.addRow(self.tr("Reason:"), self.reason_edit)
        return decide

    # ------------------------------------------------------------------ inputs
    def inputs(self) -> ClassificationInput:
        """What was typed, as the service takes it (ValidationFailed on a bad scenario)."""
        years = self.years_in_use.text().strip()
        rmap = RMapInput(self.similar_incidents.value(), years) if years else None
        return ClassificationInput(
            medical_device=self.medical_device.isChecked(),
            rmap=rmap,
            scenarios=self._scenarios(),
        )

    def _scenarios(self) -> tuple[InjuryScenario, ...]:
        found = []
        for row in range(self.scenarios.rowCount()):
            cells = [self.scenarios.item(row, c) for c in range(3)]
            name, severity, steps = (c.text().strip() if c else "" for c in cells)
            if not (name or steps):
                continue
            try:
                parsed = tuple(self._step(text) for text in steps.split("|") if text.strip())
                found.append(InjuryScenario(name, parsed, int(severity or "0")))
            except (ValueError, ZeroDivisionError) as exc:
                # A probability that is not a number or a fraction, or a severity not 1-4.
                raise ValidationFailed(
                    [FieldError("scenarios", "format", f"row {row + 1}: {exc}")]
                ) from exc
        return tuple(found)

    @staticmethod
    def _step(text: str) -> ScenarioStep:
        description, _sep, probability = text.rpartition("=")
        return ScenarioStep(description.strip(), Fraction(probability.strip()))

    # ------------------------------------------------------------------ proposal
    def propose(self) -> None:
        """Ask the service what the facts and the data typed suggest."""
        try:
            inputs = self.inputs()
        except ValidationFailed as exc:
            show_error(self, exc)
            return
        service, user, reference = self._classification, self._user, self._reference
        self._tasks.run(
            lambda: service.propose(user, reference, inputs),
            on_done=self._show_proposal,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _show_proposal(self, proposal: ClassificationProposal) -> None:
        self.proposal = proposal
        self.proposed_label.setText(
            self.tr("Proposed severity: {severity}").format(
                severity=severity_label(proposal.severity.value)
            )
        )
        self.severity_box.setCurrentIndex(self.severity_box.findData(proposal.severity.value))
        self.findings.clear()
        basis = self._branch(self.tr("Basis of the proposal"))
        for line in proposal.basis:
            QTreeWidgetItem(basis, [line])
        markets = self._branch(self.tr("Markets"))
        for market in proposal.markets:
            met = self.tr("serious — reportable") if market.reportable else self.tr("not serious")
            node = QTreeWidgetItem(
                markets, [f"{market.market} ({market.jurisdiction or '—'})", met]
            )
            for law in market.laws:
                verdict = self.tr("met") if law.met else self.tr("not met")
                why = "; ".join(law.reasons + law.notes)
                child = QTreeWidgetItem(node, [f"{law.law}: {law.definition}", f"{verdict}: {why}"])
                child.setToolTip(1, child.text(1))
        harm = self._branch(self.tr("Harm level {level}").format(level=proposal.harm_level))
        for line in proposal.harm_reasons:
            QTreeWidgetItem(harm, [line])
        rmap = self._branch(self.tr("R-Map"))
        for line in rmap_lines(proposal.rmap):
            QTreeWidgetItem(rmap, [line])
        gate = self._branch(self.tr("Safety Gate"))
        for line in safety_gate_lines(proposal.safety_gate):
            QTreeWidgetItem(gate, [line])
        clocks = self._branch(self.tr("Reporting clocks it starts"))
        for clock in proposal.clocks:
            due = clock.problem or local_time(clock.due_at)
            note = self.tr(" (only if: {condition})").format(condition=clock.condition)
            QTreeWidgetItem(
                clocks,
                [f"{clock.jurisdiction}: {clock.title}", due + (note if clock.conditional else "")],
            )
        if proposal.awareness_gap is not None:
            QTreeWidgetItem([self.tr("First known → QA aware"), span(proposal.awareness_gap)])
            self.findings.addTopLevelItem(
                QTreeWidgetItem([self.tr("First known → QA aware"), span(proposal.awareness_gap)])
            )
        self.findings.expandAll()
        self.confirm_button.setEnabled(True)

    def _branch(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title])
        self.findings.addTopLevelItem(item)
        return item

    # ------------------------------------------------------------------ confirm
    def confirm(self) -> None:
        """Confirm the proposal, or the severity chosen with the reason typed."""
        if self.proposal is None:
            return
        try:
            inputs = self.inputs()
        except ValidationFailed as exc:
            show_error(self, exc)
            return
        severity = Severity(self.severity_box.currentData())
        service, user, reference = self._classification, self._user, self._reference
        version, reason = self.proposal.incident_version, self.reason_edit.toPlainText()
        self._tasks.run(
            lambda: service.confirm(
                user, reference, version, inputs, severity=severity, reason=reason
            ),
            on_done=self._on_confirmed,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _on_confirmed(self, record: ClassificationRecord) -> None:
        self.record = record
        self.confirmed.emit(record.reference)
        self.accept()

"""Yokoten (horizontal deployment): spreading the lesson to products that share a cause.

"Find proposals" asks the services which other products, models and business units share
a confirmed cause or the failed component, and adds those not yet listed as undecided
candidates. For each, the analyst records "apply" (the countermeasure is deployed there)
or "skip", which needs a reason. Every change is one undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import (
    TEXT_LIMITS,
    YokotenCandidate,
    YokotenDecision,
    id_sort_key,
)
from qa_desktop.ui.cause_graph.wording import label

_ID_ROLE = Qt.ItemDataRole.UserRole


def candidate_key(candidate: YokotenCandidate) -> tuple[str, ...]:
    """What makes two candidates the same proposal (their ids may differ)."""
    return (
        candidate.product.casefold(),
        candidate.model.casefold(),
        candidate.business_unit.casefold(),
        candidate.shared_cause,
        candidate.shared_component.casefold(),
    )


class YokotenPanel(QWidget):
    """Lists the yokoten candidates with their decisions and records new decisions."""

    #: Ask the services for proposals.
    proposals_requested = Signal()
    #: A decision was made: candidate id, decision, reason.
    decided = Signal(str, object, str)
    #: Remove the candidate with this id.
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._graph: CauseGraph | None = None
        self._editable = True
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Yokoten candidates"))
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Product / model / business unit"),
                self.tr("Shares"),
                self.tr("Decision"),
                self.tr("Reason"),
            ]
        )
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.find_button = QPushButton(self.tr("&Find proposals"), self)
        self.apply_button = QPushButton(self.tr("A&pply…"), self)
        self.skip_button = QPushButton(self.tr("S&kip…"), self)
        self.delete_button = QPushButton(self.tr("Remo&ve"), self)
        self.find_button.clicked.connect(self.proposals_requested)
        self.apply_button.clicked.connect(lambda: self._decide(YokotenDecision.APPLY))
        self.skip_button.clicked.connect(lambda: self._decide(YokotenDecision.SKIP))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        buttons = QHBoxLayout()
        for button in (self.find_button, self.apply_button, self.skip_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_editable(self, editable: bool) -> None:
        """Read-only for people who may look but not change."""
        self._editable = editable
        self._update_buttons()

    def selected_id(self) -> str | None:
        """The id of the selected candidate, if any."""
        items = self.tree.selectedItems()
        return str(items[0].data(0, _ID_ROLE)) if items else None

    def select(self, candidate_id: str) -> None:
        """Select the candidate with this id."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None:
                item.setSelected(item.data(0, _ID_ROLE) == candidate_id)

    def show_graph(self, graph: CauseGraph) -> None:
        """List *graph*'s candidates (keeping the selection)."""
        self._graph = graph
        keep = self.selected_id()
        self.tree.clear()
        undecided = 0
        attention = QBrush(self.palette().color(QPalette.ColorRole.Highlight))
        for candidate_id in sorted(graph.yokoten, key=id_sort_key):
            candidate = graph.yokoten[candidate_id]
            shares = candidate.shared_cause
            if shares in graph.causes:
                shares = f"{shares} — {graph.causes[shares].title}"
            if candidate.shared_component:
                shares = ", ".join(p for p in (shares, candidate.shared_component) if p)
            item = QTreeWidgetItem(
                [
                    candidate.id,
                    candidate.target,
                    shares,
                    label(candidate.decision),
                    candidate.reason,
                ]
            )
            item.setData(0, _ID_ROLE, candidate.id)
            if candidate.decision is YokotenDecision.UNDECIDED:
                undecided += 1
                item.setForeground(3, attention)
            self.tree.addTopLevelItem(item)
            if candidate.id == keep:
                item.setSelected(True)
        total = len(graph.yokoten)
        self.summary.setText(
            self.tr("{total} candidate(s), {undecided} without a decision.").format(
                total=total, undecided=undecided
            )
            if total
            else self.tr("No candidates yet: find proposals, or none share this cause.")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.find_button.setEnabled(self._editable)
        for button in (self.apply_button, self.skip_button, self.delete_button):
            button.setEnabled(self._editable and chosen)

    def _decide(self, decision: YokotenDecision) -> None:
        candidate_id = self.selected_id()
        if candidate_id is None or self._graph is None:
            return
        candidate = self._graph.yokoten[candidate_id]
        if decision is YokotenDecision.SKIP:
            prompt = self.tr("Why is the lesson not deployed to {target}? (required)")
        else:
            prompt = self.tr("How is the countermeasure deployed to {target}? (optional)")
        reason, accepted = QInputDialog.getMultiLineText(
            self,
            self.tr("Yokoten decision"),
            prompt.format(target=candidate.target),
            candidate.reason,
        )
        if not accepted:
            return
        reason = reason.strip()
        if decision is YokotenDecision.SKIP and not reason:
            self.summary.setText(self.tr("Not recorded: skipping needs a reason."))
            return
        if len(reason) > TEXT_LIMITS["reason"]:
            self.summary.setText(
                self.tr("Not recorded: the reason may be at most {limit} characters.").format(
                    limit=f"{TEXT_LIMITS['reason']:,}"
                )
            )
            return
        self.decided.emit(candidate_id, decision, reason)

    def _on_delete_button_clicked(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.delete_requested.emit(chosen)

"""The lists under the graph — countermeasures, layer verdicts, yokoten — and their edits.

Each panel only shows and asks; this class turns what it asks into one undoable edit each
(through :class:`~qa_desktop.ui.cause_graph.graph_editing.GraphEditing`), and fetches the
yokoten proposals from the services off the GUI thread.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from qa_desktop.analysis import graph_ops
from qa_desktop.analysis.graph_ops import CauseGraph, Edit
from qa_desktop.domain.cause_graph import (
    CauseLayer,
    Countermeasure,
    LayerReview,
    YokotenCandidate,
    YokotenDecision,
)
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.cause_graph.countermeasures_panel import (
    CountermeasureDialog,
    CountermeasuresPanel,
    removes_of,
)
from qa_desktop.ui.cause_graph.graph_editing import GraphEditing, chain
from qa_desktop.ui.cause_graph.layer_review_panel import LayerReviewPanel
from qa_desktop.ui.cause_graph.wording import label
from qa_desktop.ui.cause_graph.yokoten_panel import YokotenPanel, candidate_key
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.tasks import TaskRunner


class MeasuresAndYokoten(QObject):
    """Countermeasures, layer verdicts and yokoten candidates of the analysis being edited."""

    #: An edit was refused or could not be made; carries the reason.
    refused = Signal(str)
    #: A short outcome for the status bar.
    message = Signal(str)

    def __init__(
        self,
        editing: GraphEditing,
        analyses: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._editing = editing
        self._analyses = analyses
        self._user = user
        self._tasks = tasks
        self._window = window
        self.countermeasures = CountermeasuresPanel(window)
        self.layer_reviews = LayerReviewPanel(window)
        self.yokoten = YokotenPanel(window)
        self.countermeasure_dialog: CountermeasureDialog | None = None
        self.countermeasures.add_requested.connect(self.add_countermeasure)
        self.countermeasures.edit_requested.connect(self.edit_countermeasure)
        self.countermeasures.delete_requested.connect(self._on_countermeasures_delete_requested)
        self.layer_reviews.review_changed.connect(self._on_layer_reviews_review_changed)
        self.yokoten.proposals_requested.connect(self.find_proposals)
        self.yokoten.decided.connect(self._on_yokoten_decided)
        self.yokoten.delete_requested.connect(self._on_yokoten_delete_requested)

    def set_editable(self, editable: bool) -> None:
        """Read-only for people who may look but not change."""
        self.countermeasures.set_editable(editable)
        self.layer_reviews.set_editable(editable)
        self.yokoten.set_editable(editable)

    def show_graph(self, graph: CauseGraph) -> None:
        """Fill every list from *graph*."""
        self.countermeasures.show_graph(graph)
        self.layer_reviews.show_graph(graph)
        self.yokoten.show_graph(graph)

    def update_graph(self, old: CauseGraph, new: CauseGraph) -> None:
        """Refresh the lists whose part of the graph changed."""
        if old.countermeasures != new.countermeasures or old.causes.keys() != new.causes.keys():
            self.countermeasures.show_graph(new)
        if old.reviews != new.reviews or old.causes != new.causes:
            self.layer_reviews.show_graph(new)
        if old.yokoten != new.yokoten or old.causes.keys() != new.causes.keys():
            self.yokoten.show_graph(new)

    # ------------------------------------------------------------------ countermeasures
    def add_countermeasure(self) -> None:
        """Add a countermeasure; it starts out removing the selected causes."""
        graph = self._editing.graph
        selected = self._editing.selected_ids()
        measure = Countermeasure(
            id=graph_ops.next_id(graph, "CM"), title="", removes=removes_of(selected, graph)
        )
        self._open_dialog(measure, new=True)

    def edit_countermeasure(self, measure_id: str) -> None:
        """Change the countermeasure with *measure_id*."""
        measure = self._editing.graph.countermeasures.get(measure_id)
        if measure is not None:
            self._open_dialog(measure, new=False)

    def _open_dialog(self, measure: Countermeasure, *, new: bool) -> None:
        dialog = CountermeasureDialog(self._editing.graph, measure, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._keep(dialog.countermeasure(), new=new))
        dialog.finished.connect(self._on_dialog_finished)
        self.countermeasure_dialog = dialog
        dialog.open()

    def _on_dialog_finished(self) -> None:
        self.countermeasure_dialog = None

    def _keep(self, measure: Countermeasure, *, new: bool) -> None:
        if new:
            self._editing.apply(
                partial(graph_ops.add_countermeasure, measure=measure),
                self.tr("Add countermeasure {id}").format(id=measure.id),
            )
        else:
            self._editing.apply(
                partial(graph_ops.edit_countermeasure, measure=measure),
                self.tr("Change countermeasure {id}").format(id=measure.id),
            )

    def _on_countermeasures_delete_requested(self, measure_id: str) -> None:
        self._editing.apply(
            partial(graph_ops.delete_countermeasure, measure_id=measure_id),
            self.tr("Delete countermeasure {id}").format(id=measure_id),
        )

    # ------------------------------------------------------------------ layer reviews
    def _on_layer_reviews_review_changed(
        self, layer: CauseLayer, review: LayerReview | None
    ) -> None:
        text = self.tr("Verdict on the {layer} layer").format(layer=label(layer))
        if review is None:
            self._editing.apply(partial(graph_ops.clear_layer_review, layer=layer), text)
        else:
            self._editing.apply(partial(graph_ops.set_layer_review, review=review), text)

    # ------------------------------------------------------------------ yokoten
    def find_proposals(self) -> None:
        """Ask the services for yokoten proposals and add the new ones as undecided."""
        reference = self._editing.graph.incident.reference
        self._tasks.run(
            lambda: self._analyses.yokoten_proposals(self._user, reference),
            on_done=self._add_proposals,
            on_failed=lambda exc: show_error(self._window, exc),
        )

    def _add_proposals(self, proposals: list[YokotenCandidate]) -> None:
        graph = self._editing.graph
        known = {candidate_key(c) for c in graph.yokoten.values()}
        fresh: list[YokotenCandidate] = []
        for proposal in proposals:
            key = candidate_key(proposal)
            if key not in known and (
                not proposal.shared_cause or proposal.shared_cause in graph.causes
            ):
                known.add(key)
                fresh.append(proposal)
        if not fresh:
            self.message.emit(self.tr("No new yokoten proposals."))
            return

        def add_all(start: CauseGraph) -> Edit:
            def add_one(graph: CauseGraph, proposal: YokotenCandidate) -> Edit:
                # The proposal's id is free in the saved graph, perhaps not in this one.
                numbered = replace(proposal, id=graph_ops.next_id(graph, "Y"))
                return graph_ops.add_yokoten(graph, numbered)

            return chain(start, [partial(add_one, proposal=p) for p in fresh])

        if self._editing.apply(
            add_all, self.tr("Add {count} yokoten candidate(s)").format(count=len(fresh))
        ):
            self.message.emit(
                self.tr("{count} new yokoten proposal(s) to decide.").format(count=len(fresh))
            )

    def _on_yokoten_decided(
        self, candidate_id: str, decision: YokotenDecision, reason: str
    ) -> None:
        if candidate_id not in self._editing.graph.yokoten:
            return
        if self._editing.apply(
            partial(
                graph_ops.decide_yokoten,
                candidate_id=candidate_id,
                decision=decision,
                reason=reason,
            ),
            self.tr("{decision} yokoten {id}").format(decision=label(decision), id=candidate_id),
        ):
            self.yokoten.select(candidate_id)

    def _on_yokoten_delete_requested(self, candidate_id: str) -> None:
        self._editing.apply(
            partial(graph_ops.delete_yokoten, candidate_id=candidate_id),
            self.tr("Remove yokoten candidate {id}").format(id=candidate_id),
        )

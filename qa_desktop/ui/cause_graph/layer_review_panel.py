"""The reviewer's verdict on each layer: examined, or not applicable with a reason.

An analysis closes only when every layer holds a confirmed cause or is marked not
applicable with a reason; this panel shows each layer's confirmed causes next to its
verdict, so the gap is visible before the closing check lists it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import (
    TEXT_LIMITS,
    CauseLayer,
    CauseStatus,
    LayerReview,
    LayerVerdict,
)
from qa_desktop.ui.cause_graph.wording import label

_NOT_REVIEWED = ""


class LayerReviewPanel(QWidget):
    """One row per layer: confirmed causes, verdict and reason."""

    #: A verdict changed: the layer and its review (``None``: not reviewed yet).
    review_changed = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._graph: CauseGraph | None = None
        self._loading = False
        self._editable = True
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Layer"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Confirmed causes"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Verdict"), self), 0, 2)
        grid.addWidget(QLabel(self.tr("Reason (when not applicable)"), self), 0, 3)
        self.counts: dict[CauseLayer, QLabel] = {}
        self.verdicts: dict[CauseLayer, QComboBox] = {}
        self.reasons: dict[CauseLayer, QLineEdit] = {}
        for row, layer in enumerate(CauseLayer, start=1):
            grid.addWidget(QLabel(label(layer), self), row, 0)
            count = QLabel(self)
            count.setTextFormat(Qt.TextFormat.PlainText)
            verdict = QComboBox(self)
            verdict.setAccessibleName(
                self.tr("Verdict on the {layer} layer").format(layer=label(layer))
            )
            verdict.addItem(self.tr("Not reviewed yet"), _NOT_REVIEWED)
            verdict.addItem(self.tr("Examined"), LayerVerdict.EXAMINED.value)
            verdict.addItem(self.tr("Not applicable"), LayerVerdict.NOT_APPLICABLE.value)
            verdict.activated.connect(lambda _i, lay=layer: self._commit(lay))
            reason = QLineEdit(self)
            reason.setMaxLength(TEXT_LIMITS["reason"])
            reason.setAccessibleName(
                self.tr("Reason the {layer} layer does not apply").format(layer=label(layer))
            )
            reason.editingFinished.connect(lambda lay=layer: self._commit(lay))
            grid.addWidget(count, row, 1)
            grid.addWidget(verdict, row, 2)
            grid.addWidget(reason, row, 3)
            self.counts[layer], self.verdicts[layer], self.reasons[layer] = count, verdict, reason
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)

    def set_editable(self, editable: bool) -> None:
        """Read-only for people who may look but not change."""
        self._editable = editable
        for layer in CauseLayer:
            self.verdicts[layer].setEnabled(editable)
            self.reasons[layer].setReadOnly(not editable)

    def show_graph(self, graph: CauseGraph) -> None:
        """Show each layer's confirmed causes and verdict in *graph*."""
        self._graph = graph
        self._loading = True
        try:
            for layer in CauseLayer:
                confirmed = sorted(
                    c.id
                    for c in graph.causes.values()
                    if c.layer is layer and c.status is CauseStatus.CONFIRMED
                )
                self.counts[layer].setText(", ".join(confirmed) or self.tr("none"))
                review = graph.reviews.get(layer)
                wanted = review.verdict.value if review is not None else _NOT_REVIEWED
                self.verdicts[layer].setCurrentIndex(self.verdicts[layer].findData(wanted))
                reason = review.reason if review is not None else ""
                if self.reasons[layer].text() != reason:
                    self.reasons[layer].setText(reason)
        finally:
            self._loading = False

    def _commit(self, layer: CauseLayer) -> None:
        if self._loading or self._graph is None or not self._editable:
            return
        chosen = str(self.verdicts[layer].currentData())
        review = (
            None
            if chosen == _NOT_REVIEWED
            else LayerReview(layer, LayerVerdict(chosen), self.reasons[layer].text())
        )
        if review != self._graph.reviews.get(layer):
            self.review_changed.emit(layer, review)

"""Learning from the past: similar incidents, and what the lessons views share.

- :class:`SimilarIncidentsPanel` (here) shows, for one incident, the past incidents most like
  it with the causes confirmed then and the countermeasures taken.
- ``lessons_search.LessonsSearchDialog`` searches past analyses by product, component,
  failure mode, cause text and layer.
- ``recurring_causes.RecurringCausesWindow`` is the cross-incident view: causes that recur
  across products and years, for example the same framework cause behind different failures.

Every view reads through the lessons service off the GUI thread; activating a past
incident asks for its analysis to be opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.analysis.recurrence import RecurrenceBasis, RecurringCause
from qa_desktop.services.analysis_results import SimilarIncident
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.cause_graph.wording import label
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.tasks import TaskRunner

REFERENCE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_TEXT_LIMIT = 200


def tree_item(texts: Sequence[str], reference: str = "") -> QTreeWidgetItem:
    item = QTreeWidgetItem(list(texts))
    if reference:
        item.setData(0, REFERENCE_ROLE, reference)
    return item


def widen_first_column(tree: QTreeWidget) -> None:
    """The first column takes the room; the others fit their contents."""
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def reference_of(item: QTreeWidgetItem | None) -> str:
    while item is not None:
        reference = item.data(0, REFERENCE_ROLE)
        if reference:
            return str(reference)
        item = item.parent()
    return ""


def recurrence_sentence(group: RecurringCause) -> str:
    """The recurrence as one translated sentence (layer, label, incidents, products, years)."""
    years = group.years
    span = f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}"
    if group.basis is RecurrenceBasis.TEXT:
        text = QCoreApplication.translate(
            "Lessons",
            "The same {layer} cause “{label}” recurs in {incidents} incidents across "
            "{products} product(s), {years}.",
        )
    elif group.basis is RecurrenceBasis.COMPONENT:
        text = QCoreApplication.translate(
            "Lessons",
            "{layer} causes in the component “{label}” recur in {incidents} incidents "
            "across {products} product(s), {years}.",
        )
    else:
        text = QCoreApplication.translate(
            "Lessons",
            "{layer} causes with the failure mode “{label}” recur in {incidents} "
            "incidents across {products} product(s), {years}.",
        )
    return text.format(
        layer=label(group.layer),
        label=group.label,
        incidents=group.incident_count,
        products=group.product_count,
        years=span,
    )


# ================================================================================ similar


class SimilarIncidentsPanel(QWidget):
    """Past incidents like this one: why they match, their confirmed causes and countermeasures."""

    #: Open the analysis of this past incident.
    analysis_requested = Signal(str)

    def __init__(
        self, lessons: Any, user: CurrentUser, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._lessons = lessons
        self._user = user
        self._tasks = tasks
        self._shown_for = ""
        self._asked = 0
        self._stopped = False
        self.summary = QLabel(self.tr("Past incidents like this one appear here."), self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Similar past incidents"))
        self.tree.setHeaderLabels(
            [self.tr("Past incident, causes and countermeasures"), self.tr("Details")]
        )
        widen_first_column(self.tree)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.refresh_button = QPushButton(self.tr("&Look again"), self)
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)

    def show_for(self, reference: str) -> None:
        """Look up incidents similar to *reference* (once; :meth:`refresh` looks again)."""
        if reference != self._shown_for:
            self._shown_for = reference
            self.refresh()

    def refresh(self) -> None:
        """Look up the similar incidents again (the analysis may have grown since)."""
        reference = self._shown_for
        if not reference:
            return
        self._asked += 1
        asked = self._asked
        self.summary.setText(self.tr("Looking for similar past incidents…"))
        self._tasks.run(
            lambda: self._lessons.similar_incidents(self._user, reference),
            on_done=lambda found: self._show(found, asked),
            on_failed=self._on_failed,
        )

    def stop(self) -> None:
        """Ignore answers still on their way (the window is closing)."""
        self._stopped = True

    def _on_failed(self, exc: BaseException) -> None:
        if not self._stopped:
            self.summary.setText(self.tr("Similar incidents could not be read."))
            show_error(self, exc)

    def _show(self, found: list[SimilarIncident], asked: int) -> None:
        if self._stopped or asked != self._asked:
            return  # a newer look-up is under way, or nobody is watching any more
        self.tree.clear()
        for past in found:
            top = self._past_item(past)
            self.tree.addTopLevelItem(top)
            # Expanding only works once the rows are in the tree.
            for index in range(top.childCount()):
                child = top.child(index)
                if child is not None:
                    child.setExpanded(True)
        if found:
            self.summary.setText(
                self.tr("{count} similar past incident(s), most alike first.").format(
                    count=len(found)
                )
            )
            self.tree.topLevelItem(0).setExpanded(True)  # type: ignore[union-attr]
        else:
            self.summary.setText(self.tr("No similar past incidents were found."))

    def _past_item(self, past: SimilarIncident) -> QTreeWidgetItem:
        top = tree_item(
            [
                f"{past.reference} — {past.title}",
                self.tr("{product}, {year}; score {score}").format(
                    product=past.product, year=past.year, score=f"{past.score:.1f}"
                ),
            ],
            past.reference,
        )
        top.setToolTip(0, self.tr("Double-click to open its analysis"))
        why = tree_item([self.tr("Why it matches"), "; ".join(past.reasons)])
        why.setToolTip(1, "\n".join(past.reasons))
        top.addChild(why)
        causes = tree_item(
            [self.tr("Confirmed causes ({count})").format(count=len(past.confirmed_causes)), ""]
        )
        for cause in past.confirmed_causes:
            causes.addChild(tree_item([cause.title, f"{cause.id} · {label(cause.layer)}"]))
        top.addChild(causes)
        measures = tree_item(
            [self.tr("Countermeasures ({count})").format(count=len(past.countermeasures)), ""]
        )
        for measure in past.countermeasures:
            details = ", ".join(
                p
                for p in (
                    label(measure.step),
                    measure.owner,
                    self.tr("check: {result}").format(result=label(measure.check.result)),
                )
                if p
            )
            measures.addChild(tree_item([measure.title, details]))
        top.addChild(measures)
        return top

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        reference = reference_of(item)
        if reference:
            self.analysis_requested.emit(reference)

"""Learning from the past: find analyses, see similar incidents, see causes that recur.

- :class:`LessonsSearchDialog` searches past analyses by product, component, failure mode,
  cause text and layer, and lists the causes that matched under each analysis.
- :class:`SimilarIncidentsPanel` shows, for one incident, the past incidents most like it
  with the causes confirmed then and the countermeasures taken.
- :class:`RecurringCausesWindow` is the cross-incident view: causes that recur across
  products and years, for example the same framework cause behind different failures.

Every view reads through the lessons service off the GUI thread; activating a past
incident asks for its analysis to be opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.analysis.recurrence import RecurrenceBasis, RecurringCause
from qa_desktop.domain.cause_graph import CauseLayer
from qa_desktop.services.analysis_results import AnalysisHit, SimilarIncident
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.cause_graph.wording import label
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.tasks import TaskRunner

_REFERENCE_ROLE = Qt.ItemDataRole.UserRole
_SEARCH_TEXT_LIMIT = 200


def _item(texts: Sequence[str], reference: str = "") -> QTreeWidgetItem:
    item = QTreeWidgetItem(list(texts))
    if reference:
        item.setData(0, _REFERENCE_ROLE, reference)
    return item


def _first_column_wide(tree: QTreeWidget) -> None:
    """The first column takes the room; the others fit their contents."""
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def _reference_of(item: QTreeWidgetItem | None) -> str:
    while item is not None:
        reference = item.data(0, _REFERENCE_ROLE)
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
        _first_column_wide(self.tree)
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
        top = _item(
            [
                f"{past.reference} — {past.title}",
                self.tr("{product}, {year}; score {score}").format(
                    product=past.product, year=past.year, score=f"{past.score:.1f}"
                ),
            ],
            past.reference,
        )
        top.setToolTip(0, self.tr("Double-click to open its analysis"))
        why = _item([self.tr("Why it matches"), "; ".join(past.reasons)])
        why.setToolTip(1, "\n".join(past.reasons))
        top.addChild(why)
        causes = _item(
            [self.tr("Confirmed causes ({count})").format(count=len(past.confirmed_causes)), ""]
        )
        for cause in past.confirmed_causes:
            causes.addChild(_item([cause.title, f"{cause.id} · {label(cause.layer)}"]))
        top.addChild(causes)
        measures = _item(
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
            measures.addChild(_item([measure.title, details]))
        top.addChild(measures)
        return top

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        reference = _reference_of(item)
        if reference:
            self.analysis_requested.emit(reference)


# ================================================================================ search


class LessonsSearchDialog(QDialog):
    """Searches past analyses by product, component, failure mode, cause text and layer."""

    #: Open the analysis of this incident.
    analysis_requested = Signal(str)

    def __init__(
        self, lessons: Any, user: CurrentUser, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._lessons = lessons
        self._user = user
        self._tasks = tasks
        self.setWindowTitle(self.tr("Search lessons from past analyses"))
        self.product_edit = self._field(self.tr("Product"))
        self.component_edit = self._field(self.tr("Component"))
        self.failure_mode_edit = self._field(self.tr("Failure mode"))
        self.text_edit = self._field(self.tr("Cause text"))
        self.layer_box = QComboBox(self)
        self.layer_box.setAccessibleName(self.tr("Layer"))
        self.layer_box.addItem(self.tr("Any layer"), "")
        for layer in CauseLayer:
            self.layer_box.addItem(label(layer), layer.value)
        self.search_button = QPushButton(self.tr("&Search"), self)
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.results = QTreeWidget(self)
        self.results.setAccessibleName(self.tr("Analyses found"))
        self.results.setHeaderLabels(
            [
                self.tr("Incident / cause"),
                self.tr("Product"),
                self.tr("Year"),
                self.tr("Layer / status"),
                self.tr("Component"),
                self.tr("Failure mode"),
            ]
        )
        _first_column_wide(self.results)
        self.results.itemActivated.connect(self._on_results_item_activated)
        form = QFormLayout()
        form.addRow(self.tr("&Product:"), self.product_edit)
        form.addRow(self.tr("&Component:"), self.component_edit)
        form.addRow(self.tr("&Failure mode:"), self.failure_mode_edit)
        form.addRow(self.tr("Cause &text:"), self.text_edit)
        form.addRow(self.tr("&Layer:"), self.layer_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.search_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 120, metrics.lineSpacing() * 32)

    def _field(self, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(_SEARCH_TEXT_LIMIT)
        edit.setClearButtonEnabled(True)
        return edit

    def search(self) -> None:
        """Search with the filters as typed (an empty filter matches everything)."""
        filters = {
            "product": self.product_edit.text().strip(),
            "component": self.component_edit.text().strip(),
            "failure_mode": self.failure_mode_edit.text().strip(),
            "text": self.text_edit.text().strip(),
            "layer": str(self.layer_box.currentData() or "") or None,
        }
        self.summary.setText(self.tr("Searching…"))
        self._tasks.run(
            lambda: self._lessons.search(self._user, **filters),
            on_done=self._show,
            on_failed=self._on_failed,
        )

    def _on_failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("The search failed."))
        show_error(self, exc)

    def _show(self, hits: list[AnalysisHit]) -> None:
        self.results.clear()
        for hit in hits:
            top = _item(
                [
                    f"{hit.reference} — {hit.title}",
                    hit.product,
                    str(hit.year),
                    self.tr("closed") if hit.status.value == "closed" else self.tr("draft"),
                    "",
                    "",
                ],
                hit.reference,
            )
            for cause in hit.causes:
                top.addChild(
                    _item(
                        [
                            f"{cause.cause_id}: {cause.title}",
                            "",
                            "",
                            f"{label(cause.layer)} · {label(cause.status)}",
                            cause.component,
                            cause.failure_mode,
                        ]
                    )
                )
            self.results.addTopLevelItem(top)
            top.setExpanded(True)
        self.summary.setText(
            self.tr("{count} analysis(es) found.").format(count=len(hits))
            if hits
            else self.tr("No analysis matches.")
        )

    def _on_results_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        reference = _reference_of(item)
        if reference:
            self.analysis_requested.emit(reference)


# ================================================================================ recurrence


class RecurringCausesWindow(QMainWindow):
    """Causes that recur across incidents, products and years — widest spread first."""

    #: Open the analysis of this incident.
    analysis_requested = Signal(str)

    def __init__(
        self, lessons: Any, user: CurrentUser, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._lessons = lessons
        self._user = user
        self._tasks = tasks
        self._groups: list[RecurringCause] = []
        self._closed = False
        self.setWindowTitle(self.tr("Recurring causes across incidents"))
        self.layer_box = QComboBox(self)
        self.layer_box.setAccessibleName(self.tr("Layer"))
        self.layer_box.addItem(self.tr("All layers"), "")
        for layer in CauseLayer:
            self.layer_box.addItem(label(layer), layer.value)
        self.layer_box.currentIndexChanged.connect(self._fill)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Recurring causes"))
        self.tree.setHeaderLabels(
            [
                self.tr("Recurring cause / incident and its cause"),
                self.tr("Product"),
                self.tr("Year"),
            ]
        )
        _first_column_wide(self.tree)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        close = QAction(self.tr("&Close"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addActions([refresh, close])
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Layer:"), self))
        row.addWidget(self.layer_box)
        row.addWidget(self.summary, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(row)
        layout.addWidget(self.tree, 1)
        self.setCentralWidget(central)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 140, metrics.lineSpacing() * 36)
        self.refresh()

    @property
    def groups(self) -> list[RecurringCause]:
        """The recurrences read last, widest first."""
        return list(self._groups)

    def refresh(self) -> None:
        """Read the recurrences again over every analysis."""
        self.summary.setText(self.tr("Reading every analysis…"))
        self._tasks.run(
            lambda: self._lessons.recurring_causes(self._user),
            on_done=self._on_read,
            on_failed=self._on_failed,
        )

    def _on_failed(self, exc: BaseException) -> None:
        if not self._closed:
            self.summary.setText(self.tr("The recurring causes could not be read."))
            show_error(self, exc)

    def _on_read(self, groups: list[RecurringCause]) -> None:
        if self._closed:
            return
        self._groups = list(groups)
        self._fill()

    def _fill(self) -> None:
        wanted = str(self.layer_box.currentData() or "")
        shown = [g for g in self._groups if not wanted or g.layer.value == wanted]
        self.tree.clear()
        for group in shown:
            sentence = recurrence_sentence(group)
            top = _item([sentence])
            top.setToolTip(0, sentence)
            for seen in group.occurrences:
                top.addChild(
                    _item(
                        [
                            f"{seen.reference} · {seen.cause_id}: {seen.title}",
                            seen.product,
                            str(seen.year),
                        ],
                        seen.reference,
                    )
                )
            self.tree.addTopLevelItem(top)
            # The sentence already names layer, incidents, products and years: full width.
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        self.summary.setText(
            self.tr("{count} cause(s) recur across incidents.").format(count=len(shown))
            if shown
            else self.tr("No cause recurs across incidents yet.")
        )

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        reference = _reference_of(item)
        if reference:
            self.analysis_requested.emit(reference)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Answers still on their way are ignored once the window is closed."""
        self._closed = True
        super().closeEvent(event)

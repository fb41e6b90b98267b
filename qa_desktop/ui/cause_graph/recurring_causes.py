"""Causes that recur across incidents, products and years: the graphs of all incidents together."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.analysis.recurrence import RecurringCause
from qa_desktop.domain.cause_graph import CauseLayer
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.cause_graph.lessons_views import (
    recurrence_sentence,
    reference_of,
    tree_item,
    widen_first_column,
)
from qa_desktop.ui.cause_graph.wording import label
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.tasks import TaskRunner


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
        widen_first_column(self.tree)
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
            top = tree_item([sentence])
            top.setToolTip(0, sentence)
            for seen in group.occurrences:
                top.addChild(
                    tree_item(
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
        reference = reference_of(item)
        if reference:
            self.analysis_requested.emit(reference)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Answers still on their way are ignored once the window is closed."""
        self._closed = True
        super().closeEvent(event)

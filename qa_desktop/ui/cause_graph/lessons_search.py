"""Searching the lessons of past analyses: product, component, failure mode, cause text, layer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.cause_graph import CauseLayer
from qa_desktop.services.analysis_results import AnalysisHit
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.cause_graph.lessons_views import (
    SEARCH_TEXT_LIMIT,
    reference_of,
    tree_item,
    widen_first_column,
)
from qa_desktop.ui.cause_graph.wording import label
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.tasks import TaskRunner


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
        widen_first_column(self.results)
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
        edit.setMaxLength(SEARCH_TEXT_LIMIT)
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
            top = tree_item(
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
                    tree_item(
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
        reference = reference_of(item)
        if reference:
            self.analysis_requested.emit(reference)

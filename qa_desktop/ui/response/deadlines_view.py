"""The deadlines window: every running regulator clock across all incidents by time left,
filterable by jurisdiction and business unit, and the overdue countermeasures of cause
analyses beside them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.clocks import Jurisdiction
from qa_desktop.services.reporting_clocks import DeadlineQuery
from qa_desktop.services.response_results import DeadlineSummary
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.response.deadlines_model import REFERENCE_ROLE, DeadlineColumn, DeadlinesModel
from qa_desktop.ui.tasks import TaskRunner


class DeadlinesWindow(QMainWindow):
    """Running clocks (most urgent first) and overdue countermeasures."""

    #: The user asked to open an incident (its reference).
    incident_requested = Signal(str)

    def __init__(
        self, services: Any, user: CurrentUser, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deadlines"))
        self._services = services
        self._user = user
        self._tasks = tasks
        self.model = DeadlinesModel(
            services.response.clocks, user, tasks, lambda exc: show_error(self, exc), self
        )

        self.jurisdiction = QComboBox()
        self.jurisdiction.addItem(self.tr("All jurisdictions"), "")
        for code in Jurisdiction:
            self.jurisdiction.addItem(code.value, code.value)
        self.jurisdiction.setAccessibleName(self.tr("Jurisdiction"))
        self.business_unit = QLineEdit()
        self.business_unit.setPlaceholderText(self.tr("Business unit (all when empty)"))
        self.business_unit.setAccessibleName(self.tr("Business unit"))
        self.business_unit.setClearButtonEnabled(True)
        refresh = QPushButton(self.tr("&Refresh"))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.jurisdiction)
        filters.addWidget(self.business_unit, 1)
        filters.addWidget(refresh)
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self._build_table()
        self.countermeasures = self._build_countermeasures()

        self.tabs = QTabWidget()
        clocks_page = QWidget()
        clocks_layout = QVBoxLayout(clocks_page)
        clocks_layout.addLayout(filters)
        clocks_layout.addWidget(self.summary_label)
        clocks_layout.addWidget(self.table)
        self.tabs.addTab(clocks_page, self.tr("Regulator clocks"))
        self.tabs.addTab(self.countermeasures, self.tr("Overdue countermeasures"))
        self.setCentralWidget(self.tabs)
        chars = self.fontMetrics().averageCharWidth()
        self.resize(chars * 190, self.fontMetrics().lineSpacing() * 32)

        refresh.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.jurisdiction.currentIndexChanged.connect(self._apply_filter)
        self.business_unit.editingFinished.connect(self._apply_filter)
        self.refresh()

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {
            DeadlineColumn.TIME_LEFT: 30,
            DeadlineColumn.REFERENCE: 18,
            DeadlineColumn.INCIDENT: 34,
            DeadlineColumn.REPORT: 40,
            DeadlineColumn.DUE_LOCAL: 24,
            DeadlineColumn.DUE_REGULATOR: 24,
        }
        chars = self.fontMetrics().averageCharWidth()
        for column in DeadlineColumn:
            self.table.setColumnWidth(column, chars * widths.get(column, 16))
        self.table.activated.connect(self._on_table_activated)

    def _build_countermeasures(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(
            [
                self.tr("Days overdue"),
                self.tr("Reference"),
                self.tr("Countermeasure"),
                self.tr("Owner"),
                self.tr("Due"),
            ]
        )
        tree.itemActivated.connect(self._on_countermeasure_activated)
        return tree

    def _query(self) -> DeadlineQuery:
        code = self.jurisdiction.currentData()
        units = tuple(u.strip() for u in self.business_unit.text().split(",") if u.strip())
        return DeadlineQuery(jurisdictions=(code,) if code else (), business_units=units)

    def _apply_filter(self) -> None:
        query = self._query()
        if query != self.model.query:
            self.model.set_query(query)
            self._read_summary(query)

    def refresh(self) -> None:
        """Read the clocks, their counts and the overdue countermeasures afresh."""
        query = self._query()
        self.model.set_query(query)
        self._read_summary(query)
        analyses = self._services.analysis.analyses
        user = self._user
        self._tasks.run(
            lambda: analyses.overdue_countermeasures(user, datetime.now(UTC)),
            on_done=self._show_countermeasures,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _read_summary(self, query: DeadlineQuery) -> None:
        clocks, user = self._services.response.clocks, self._user
        self._tasks.run(
            lambda: clocks.summary(user, query),
            on_done=self._show_summary,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _show_summary(self, summary: DeadlineSummary) -> None:
        self.summary_label.setText(
            self.tr(
                "{running} running clocks: {overdue} overdue, {immediate} due immediately, "
                "{blocked} cannot start"
            ).format(
                running=f"{summary.running:,}",
                overdue=f"{summary.overdue:,}",
                immediate=f"{summary.due_immediately:,}",
                blocked=f"{summary.cannot_start:,}",
            )
        )

    def _show_countermeasures(self, overdue: list[Any]) -> None:
        self.countermeasures.clear()
        for measure in overdue:
            item = QTreeWidgetItem(
                [
                    self.tr("{days} days overdue").format(days=measure.days_overdue),
                    measure.reference,
                    measure.title,
                    measure.owner,
                    measure.due_on.isoformat(),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, measure.reference)
            self.countermeasures.addTopLevelItem(item)
        self.tabs.setTabText(
            1, self.tr("Overdue countermeasures ({count})").format(count=len(overdue))
        )

    def _on_table_activated(self, index: QModelIndex) -> None:
        reference = index.data(REFERENCE_ROLE)
        if reference:
            self.incident_requested.emit(reference)

    def _on_countermeasure_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.incident_requested.emit(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Drop answers still on their way."""
        self.model.stop()
        super().closeEvent(event)

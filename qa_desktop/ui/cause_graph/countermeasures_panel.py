"""Countermeasures: what removes which cause, who owns it, by when, and whether it worked.

Each countermeasure names the causes it removes, its owner and due date, the step of the
three-step risk-reduction method it belongs to, and its effectiveness check (criterion,
date, result). It is done only when the check has passed. Adding, changing and deleting
are each one undoable edit of the analysis.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import (
    TEXT_LIMITS,
    CheckResult,
    Countermeasure,
    EffectivenessCheck,
    RiskReductionStep,
    id_sort_key,
    validate_countermeasure,
)
from qa_desktop.ui.cause_graph.wording import label

_ID_ROLE = Qt.ItemDataRole.UserRole


class OptionalDate(QWidget):
    """A date that may be left unset: a check box and a calendar field."""

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_box = QCheckBox(self)
        self.set_box.setAccessibleName(self.tr("{field} is set").format(field=accessible))
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setAccessibleName(accessible)
        self.edit.setDate(QDate.currentDate())
        self.set_box.toggled.connect(self.edit.setEnabled)
        self.edit.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.set_box)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        """The date, or ``None`` when unset."""
        if not self.set_box.isChecked():
            return None
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        """Show *value* (unset for ``None``)."""
        self.set_box.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class CountermeasureDialog(QDialog):
    """Adds or changes one countermeasure: text, owner, due date, step, check and causes."""

    def __init__(
        self, graph: CauseGraph, measure: Countermeasure, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._measure = measure
        self.setWindowTitle(self.tr("Countermeasure {id}").format(id=measure.id))
        self.title_edit = QLineEdit(measure.title, self)
        self.title_edit.setMaxLength(TEXT_LIMITS["title"])
        self.owner_edit = QLineEdit(measure.owner, self)
        self.owner_edit.setMaxLength(TEXT_LIMITS["owner"])
        self.due = OptionalDate(self.tr("Due date"), self)
        self.due.set_value(measure.due_on)
        self.step_box = QComboBox(self)
        for step in RiskReductionStep:
            self.step_box.addItem(label(step), step.value)
        self.step_box.setCurrentIndex(self.step_box.findData(measure.step.value))
        self.description_edit = QPlainTextEdit(measure.description, self)
        self.description_edit.setTabChangesFocus(True)
        self.criterion_edit = QPlainTextEdit(measure.check.criterion, self)
        self.criterion_edit.setTabChangesFocus(True)
        self.check_date = OptionalDate(self.tr("Check date"), self)
        self.check_date.set_value(measure.check.check_on)
        self.result_box = QComboBox(self)
        for result in CheckResult:
            self.result_box.addItem(label(result), result.value)
        self.result_box.setCurrentIndex(self.result_box.findData(measure.check.result.value))
        self.cause_list = self._cause_checklist(graph, measure)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self._lay_out()

    def _cause_checklist(self, graph: CauseGraph, measure: Countermeasure) -> QListWidget:
        causes = QListWidget(self)
        causes.setAccessibleName(self.tr("Causes it removes"))
        for cause_id in sorted(graph.causes, key=id_sort_key):
            item = QListWidgetItem(f"{cause_id} — {graph.causes[cause_id].title}")
            item.setData(_ID_ROLE, cause_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = cause_id in measure.removes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            causes.addItem(item)
        return causes

    def _lay_out(self) -> None:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lines = self.fontMetrics().lineSpacing()
        for edit in (self.description_edit, self.criterion_edit):
            edit.setMaximumHeight(lines * 5)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Owner:"), self.owner_edit)
        form.addRow(self.tr("D&ue on:"), self.due)
        form.addRow(self.tr("Risk-reduction &step:"), self.step_box)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("Effectiveness &criterion:"), self.criterion_edit)
        form.addRow(self.tr("Chec&k on:"), self.check_date)
        form.addRow(self.tr("Check &result:"), self.result_box)
        form.addRow(self.tr("Removes &causes:"), self.cause_list)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, lines * 34)

    def countermeasure(self) -> Countermeasure:
        """The countermeasure as the fields describe it."""
        removes = {
            str(item.data(_ID_ROLE))
            for item in (self.cause_list.item(i) for i in range(self.cause_list.count()))
            if item.checkState() == Qt.CheckState.Checked
        }
        return Countermeasure(
            id=self._measure.id,
            title=self.title_edit.text(),
            owner=self.owner_edit.text(),
            due_on=self.due.value(),
            step=RiskReductionStep(self.step_box.currentData()),
            check=EffectivenessCheck(
                criterion=self.criterion_edit.toPlainText(),
                check_on=self.check_date.value(),
                result=CheckResult(self.result_box.currentData()),
            ),
            removes=frozenset(removes),
            description=self.description_edit.toPlainText(),
        )

    def accept(self) -> None:
        """Close only when the countermeasure keeps the field rules; else say what is wrong."""
        problems = validate_countermeasure(self.countermeasure())
        if problems:
            self.problem_label.setText("\n".join(f"{p.field}: {p.message}" for p in problems))
            return
        super().accept()


class CountermeasuresPanel(QWidget):
    """Lists the analysis's countermeasures with their checks; adds, changes and deletes."""

    #: Add a countermeasure for the selected causes.
    add_requested = Signal()
    #: Change the countermeasure with this id.
    edit_requested = Signal(str)
    #: Delete the countermeasure with this id.
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Countermeasures"))
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Countermeasure"),
                self.tr("Removes"),
                self.tr("Owner"),
                self.tr("Due"),
                self.tr("Step"),
                self.tr("Effectiveness check"),
                self.tr("Result"),
            ]
        )
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("&Add countermeasure…"), self)
        self.edit_button = QPushButton(self.tr("Cha&nge…"), self)
        self.delete_button = QPushButton(self.tr("De&lete"), self)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._editable = True
        self._update_buttons()

    def set_editable(self, editable: bool) -> None:
        """Read-only for people who may look but not change."""
        self._editable = editable
        self._update_buttons()

    def selected_id(self) -> str | None:
        """The id of the selected countermeasure, if any."""
        items = self.tree.selectedItems()
        return str(items[0].data(0, _ID_ROLE)) if items else None

    def show_graph(self, graph: CauseGraph) -> None:
        """List *graph*'s countermeasures (keeping the selection)."""
        keep = self.selected_id()
        self.tree.clear()
        for measure_id in sorted(graph.countermeasures, key=id_sort_key):
            measure = graph.countermeasures[measure_id]
            item = QTreeWidgetItem(
                [
                    measure.id,
                    measure.title,
                    ", ".join(sorted(measure.removes, key=id_sort_key)),
                    measure.owner,
                    measure.due_on.isoformat() if measure.due_on else "",
                    label(measure.step),
                    _check_text(measure.check),
                    label(measure.check.result),
                ]
            )
            item.setData(0, _ID_ROLE, measure.id)
            item.setToolTip(1, measure.description or measure.title)
            self.tree.addTopLevelItem(item)
            if measure.id == keep:
                item.setSelected(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.add_button.setEnabled(self._editable)
        self.edit_button.setEnabled(self._editable and chosen)
        self.delete_button.setEnabled(self._editable and chosen)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._editable:
            self.edit_requested.emit(str(item.data(0, _ID_ROLE)))

    def _on_edit_button_clicked(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.edit_requested.emit(chosen)

    def _on_delete_button_clicked(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.delete_requested.emit(chosen)


def _check_text(check: EffectivenessCheck) -> str:
    first_line = next(iter(check.criterion.splitlines()), "")
    when = check.check_on.isoformat() if check.check_on else ""
    return " — ".join(p for p in (first_line, when) if p)


def removes_of(selected: Iterable[str], graph: CauseGraph) -> frozenset[str]:
    """The selected ids that are causes: what a new countermeasure starts out removing."""
    return frozenset(s for s in selected if s in graph.causes)

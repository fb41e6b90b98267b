"""The properties of the selected cause: text, layer, status, owner, dates and evidence.

A field's change is kept when the field is left (or, for choices, when one is picked) and
becomes one undoable edit, so the panel never holds a second copy of the truth. The panel
follows undo and redo: it always shows the cause as the graph holds it now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    TEXT_LIMITS,
    CauseLayer,
    CauseNode,
    CauseStatus,
)
from qa_desktop.services.analysis_results import EvidenceView
from qa_desktop.ui.cause_graph.wording import label

_FILE_ROLE = Qt.ItemDataRole.UserRole


class CausePanel(QWidget):
    """Shows and edits one cause; shows the incident's facts when the incident is selected."""

    #: A field was changed: the cause as it should now be, and the field's name for undo.
    cause_edited = Signal(object, str)
    #: The user asked to add an evidence file to this cause (carries its id).
    evidence_requested = Signal(str)
    #: The user asked to open a stored evidence file (carries the file's id).
    evidence_opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._node: CauseNode | None = None
        self._editable = True
        self._loading = False

        self.heading = QLabel(self.tr("Select a cause to see its properties."), self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.title_edit = self._line("title", self.tr("Title"))
        self.layer_box = self._choices(CauseLayer, self.tr("Layer"))
        self.status_box = self._choices(CauseStatus, self.tr("Status"))
        self.owner_edit = self._line("owner", self.tr("Owner"))
        self.component_edit = self._line("component", self.tr("Component"))
        self.failure_mode_edit = self._line("failure_mode", self.tr("Failure mode"))
        self.identified_edit = self._date_line(self.tr("Identified on"))
        self.resolved_edit = self._date_line(self.tr("Resolved on"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.installEventFilter(self)
        lines = self.fontMetrics().lineSpacing()
        self.description_edit.setMinimumHeight(lines * 4)
        self.description_edit.setMaximumHeight(lines * 9)
        self.description_count = QLabel(self)
        self.description_edit.textChanged.connect(self._count_description)
        self.evidence_list = QListWidget(self)
        self.evidence_list.setAccessibleName(self.tr("Evidence"))
        self.evidence_list.itemActivated.connect(self._on_evidence_list_item_activated)
        self.evidence_list.setMaximumHeight(lines * 5)
        self.add_evidence_button = QPushButton(self.tr("Add evidence &file…"), self)
        self.add_evidence_button.clicked.connect(self._on_add_evidence_button_clicked)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self._build_layout()
        self._fields: list[QWidget] = [
            self.title_edit,
            self.layer_box,
            self.status_box,
            self.owner_edit,
            self.component_edit,
            self.failure_mode_edit,
            self.identified_edit,
            self.resolved_edit,
            self.description_edit,
            self.add_evidence_button,
        ]
        self.show_node(None, None)

    # ------------------------------------------------------------------ building
    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(TEXT_LIMITS[name])
        edit.setAccessibleName(accessible)
        edit.editingFinished.connect(self.commit)
        return edit

    def _date_line(self, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        edit.setAccessibleName(accessible)
        edit.setMaxLength(10)
        edit.editingFinished.connect(self.commit)
        return edit

    def _choices(self, kind: type[Enum], accessible: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(accessible)
        for member in kind:
            # Stored as text: Qt hands enum members back as plain strings.
            box.addItem(label(member), member.value)
        box.activated.connect(lambda _index: self.commit())
        return box

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Layer:"), self.layer_box)
        form.addRow(self.tr("&Status:"), self.status_box)
        form.addRow(self.tr("&Owner:"), self.owner_edit)
        form.addRow(self.tr("&Component:"), self.component_edit)
        form.addRow(self.tr("&Failure mode:"), self.failure_mode_edit)
        form.addRow(self.tr("&Identified on:"), self.identified_edit)
        form.addRow(self.tr("&Resolved on:"), self.resolved_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow("", self.description_count)
        form.addRow(self.tr("&Evidence:"), self.evidence_list)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_evidence_button)
        form.addRow("", buttons)
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(self.problem_label)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # ------------------------------------------------------------------ showing
    @property
    def node(self) -> CauseNode | None:
        """The cause shown (``None`` for the incident or nothing)."""
        return self._node

    def set_editable(self, editable: bool) -> None:
        """Read-only for people who may look but not change."""
        self._editable = editable
        self._enable()

    def show_node(
        self,
        graph: CauseGraph | None,
        node_id: str | None,
        evidence: Sequence[EvidenceView] = (),
    ) -> None:
        """Show cause *node_id* of *graph* (the incident's facts for the root; nothing: empty)."""
        self._loading = True
        try:
            self._show(graph, node_id, evidence)
        finally:
            self._loading = False
        self._enable()

    def _show(
        self, graph: CauseGraph | None, node_id: str | None, evidence: Sequence[EvidenceView]
    ) -> None:
        node = graph.causes.get(node_id or "") if graph is not None else None
        self._node = node
        self.problem_label.clear()
        if graph is not None and node_id == ROOT_ID:
            root = graph.incident
            facts = [root.reference, root.title, root.product, root.model, root.business_unit]
            self.heading.setText(
                self.tr("The incident (the effect at the root):\n{facts}").format(
                    facts="\n".join(f for f in facts if f)
                )
            )
        elif node is None:
            self.heading.setText(self.tr("Select a cause to see its properties."))
        else:
            self.heading.setText(self.tr("Cause {id}").format(id=node.id))
        values: dict[QLineEdit, str] = {
            self.title_edit: node.title if node else "",
            self.owner_edit: node.owner if node else "",
            self.component_edit: node.component if node else "",
            self.failure_mode_edit: node.failure_mode if node else "",
            self.identified_edit: _iso(node.identified_on) if node else "",
            self.resolved_edit: _iso(node.resolved_on) if node else "",
        }
        for edit, text in values.items():
            if edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)
        description = node.description if node else ""
        if self.description_edit.toPlainText() != description:
            self.description_edit.setPlainText(description)
        self._count_description()
        if node is not None:
            self.layer_box.setCurrentIndex(self.layer_box.findData(node.layer.value))
            self.status_box.setCurrentIndex(self.status_box.findData(node.status.value))
        self._show_evidence(node, evidence)

    def _show_evidence(self, node: CauseNode | None, files: Sequence[EvidenceView]) -> None:
        self.evidence_list.clear()
        if node is None:
            return
        by_checksum = {f.sha256: f for f in files}
        for entry in node.evidence:
            text = self.tr("{label} — {kind}, added by {who}").format(
                label=entry.label, kind=label(entry.kind), who=entry.added_by or "?"
            )
            if entry.added_on is not None:
                text += f", {entry.added_on.isoformat()}"
            item = QListWidgetItem(text)
            stored = by_checksum.get(entry.checksum) if entry.checksum else None
            if stored is not None:
                item.setData(_FILE_ROLE, stored.id)
                item.setToolTip(self.tr("SHA-256 {checksum}").format(checksum=stored.sha256))
            self.evidence_list.addItem(item)

    def _enable(self) -> None:
        editable = self._editable and self._node is not None
        for widget in self._fields:
            widget.setEnabled(self._node is not None)
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not editable)
        self.layer_box.setEnabled(editable)
        self.status_box.setEnabled(editable)
        self.add_evidence_button.setEnabled(editable)

    def _count_description(self) -> None:
        limit = TEXT_LIMITS["description"]
        self.description_count.setText(
            self.tr("{count} of {limit} characters").format(
                count=f"{len(self.description_edit.toPlainText()):,}", limit=f"{limit:,}"
            )
        )

    # ------------------------------------------------------------------ editing
    def commit(self) -> None:
        """Turn what the fields hold into an edit of the cause, if anything changed."""
        node = self._node
        if self._loading or node is None or not self._editable:
            return
        problems: list[str] = []
        identified = self._read_date(self.identified_edit, node.identified_on, problems)
        resolved = self._read_date(self.resolved_edit, node.resolved_on, problems)
        changed = replace(
            node,
            title=self.title_edit.text(),
            layer=CauseLayer(self.layer_box.currentData()),
            status=CauseStatus(self.status_box.currentData()),
            owner=self.owner_edit.text(),
            component=self.component_edit.text(),
            failure_mode=self.failure_mode_edit.text(),
            description=self.description_edit.toPlainText(),
            identified_on=identified,
            resolved_on=resolved,
        )
        self.problem_label.setText("\n".join(problems))
        if changed != node:
            self.cause_edited.emit(changed, self._changed_field(node, changed))

    def _read_date(self, edit: QLineEdit, current: date | None, problems: list[str]) -> Any:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            problems.append(
                self.tr("{field}: “{text}” is not a date such as 2026-04-01.").format(
                    field=edit.accessibleName(), text=text
                )
            )
            return current

    def _changed_field(self, before: CauseNode, after: CauseNode) -> str:
        names = {
            "title": self.tr("title"),
            "layer": self.tr("layer"),
            "status": self.tr("status"),
            "owner": self.tr("owner"),
            "component": self.tr("component"),
            "failure_mode": self.tr("failure mode"),
            "description": self.tr("description"),
            "identified_on": self.tr("date identified"),
            "resolved_on": self.tr("date resolved"),
        }
        changed = [
            text for name, text in names.items() if getattr(before, name) != getattr(after, name)
        ]
        return ", ".join(changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The description is kept when the field is left."""
        if watched is self.description_edit and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return super().eventFilter(watched, event)

    def _on_add_evidence_button_clicked(self) -> None:
        if self._node is not None:
            self.evidence_requested.emit(self._node.id)

    def _on_evidence_list_item_activated(self, item: QListWidgetItem) -> None:
        stored = item.data(_FILE_ROLE)
        if isinstance(stored, int):
            self.evidence_opened.emit(stored)


def _iso(value: date | None) -> str:
    return value.isoformat() if value is not None else ""

"""When someone else saved the incident first: both versions side by side, and a choice.

The editor never overwrites another person's save. Instead this dialog lists every field
with "your version" and "their version", marks the ones that differ, and lets the user
reload theirs (the editor stays open on it) or go back to editing their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from qa_desktop.domain.incident import INCIDENT_FIELDS, flatten
from qa_desktop.services.results import IncidentRecord
from qa_desktop.ui.forms.ui_conflict_dialog import Ui_ConflictDialog
from qa_desktop.ui.history_text import describe_value, field_label, local_time

#: Table columns.
FIELD, YOURS, THEIRS = 0, 1, 2
_CELL_LIMIT = 500


def difference_colour(palette: QPalette) -> QColor:
    """A tint of the highlight colour: marks a row on light and dark palettes alike."""
    colour = QColor(palette.color(QPalette.ColorRole.Highlight))
    colour.setAlpha(70)
    return colour


class ConflictDialog(QDialog):
    """Compares the user's unsaved values with the version someone else saved."""

    #: The user chose to load their version (discarding the unsaved changes).
    reload_requested = Signal()

    def __init__(
        self,
        mine: Mapping[str, Any],
        theirs: IncidentRecord,
        my_version: int,
        names: Mapping[str, str] | None = None,
        zone: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._zone = zone
        who = (names or {}).get(theirs.updated_by, theirs.updated_by)
        self.ui.messageLabel.setText(
            self.tr(
                "{who} saved this incident at {time} (version {theirs}) after you opened version "
                "{mine}. Your changes are not saved. Compare both versions below, then reload "
                "theirs, or keep editing yours and copy over what you need."
            ).format(
                who=who,
                time=local_time(theirs.updated_at, zone),
                theirs=theirs.version,
                mine=my_version,
            )
        )
        stored = flatten(theirs.draft) | {"reference": theirs.reference}
        self._differences = self._fill(mine, stored)
        self.ui.differencesOnly.toggled.connect(self._on_differences_only_toggled)
        self.ui.reloadButton.clicked.connect(self._on_reload_button_clicked)
        self.ui.keepEditingButton.clicked.connect(self.reject)
        self._on_differences_only_toggled(self.ui.differencesOnly.isChecked())
        # Room for two long values side by side, measured in text so it scales with the font.
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 26)

    @property
    def differing_fields(self) -> list[str]:
        """The fields whose two versions differ, in form order."""
        return list(self._differences)

    def row_texts(self, name: str) -> tuple[str, str, str]:
        """The label, your value and their value shown for field *name*."""
        row = INCIDENT_FIELDS.index(name)
        table = self.ui.comparisonTable
        cells = [table.item(row, column) for column in (FIELD, YOURS, THEIRS)]
        label, yours, theirs = (cell.text() if cell else "" for cell in cells)
        return label, yours, theirs

    def _fill(self, mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> list[str]:
        table = self.ui.comparisonTable
        table.setRowCount(len(INCIDENT_FIELDS))
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(YOURS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(THEIRS, QHeaderView.ResizeMode.Stretch)
        tint = difference_colour(self.palette())
        differences = []
        for row, name in enumerate(INCIDENT_FIELDS):
            differs = _comparable(mine.get(name)) != _comparable(theirs.get(name))
            label = field_label(name)
            cells = [
                QTableWidgetItem(f"≠ {label}" if differs else label),
                self._value_item(name, mine.get(name)),
                self._value_item(name, theirs.get(name)),
            ]
            for column, cell in enumerate(cells):
                if differs:
                    font = QFont(cell.font())
                    font.setBold(True)
                    cell.setFont(font)
                    cell.setBackground(tint)
                table.setItem(row, column, cell)
            if differs:
                differences.append(name)
        table.resizeRowsToContents()
        return differences

    def _value_item(self, name: str, value: Any) -> QTableWidgetItem:
        text = describe_value(name, value, self._zone)
        shown = text if len(text) <= _CELL_LIMIT else text[:_CELL_LIMIT] + "…"
        item = QTableWidgetItem(shown if text else self.tr("(empty)"))
        # The whole value, however long, on hover: the cell shows its start.
        item.setToolTip(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return item

    def _on_differences_only_toggled(self, only: bool) -> None:
        for row, name in enumerate(INCIDENT_FIELDS):
            self.ui.comparisonTable.setRowHidden(row, only and name not in self._differences)

    def _on_reload_button_clicked(self) -> None:
        self.reload_requested.emit()
        self.accept()


def _comparable(value: Any) -> Any:
    """Values compared as stored: the same instant in two time zones is no difference."""
    if isinstance(value, datetime):
        return value.timestamp()
    return getattr(value, "value", value)

"""The register's table view: database-side sorting from the header, sizes, keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from qa_desktop.ui.register_model import REFERENCE_ROLE, RegisterColumn, RegisterModel

#: Widths (in characters) the register's columns start with.
_COLUMN_CHARS = {
    RegisterColumn.REFERENCE: 16, RegisterColumn.TITLE: 44, RegisterColumn.PRODUCT: 26,
    RegisterColumn.SEVERITY: 13, RegisterColumn.STATUS: 15, RegisterColumn.SOURCE: 14,
    RegisterColumn.COUNTRY: 8, RegisterColumn.FIRST_KNOWN: 17, RegisterColumn.QA_OWNER: 12,
    RegisterColumn.NEXT_DEADLINE: 17,
}


class RegisterTable(QTableView):
    """Shows a :class:`RegisterModel`; a header click asks the database for a new order."""

    def __init__(self, model: RegisterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setObjectName("register_table")
        self.setAccessibleName(self.tr("Incident register"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as keyboard users expect
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        # Sorting is the database's job: the view never sorts, the header click re-queries.
        header.sectionClicked.connect(self._on_header_section_clicked)
        self.size_columns()

    def size_columns(self) -> None:
        """Give every column its starting width, from the font (so 200 % scales too)."""
        width = self.fontMetrics().horizontalAdvance("M")
        for column, chars in _COLUMN_CHARS.items():
            self.setColumnWidth(column, chars * width * 3 // 4)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def reset_columns(self) -> None:
        """Put every column back in its place, shown, at its starting width."""
        header = self.horizontalHeader()
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
            header.showSection(logical)
        self.size_columns()

    def current_reference(self) -> str | None:
        """The reference of the incident the cursor is on, if any."""
        index = self.currentIndex()
        return str(index.data(REFERENCE_ROLE)) if index.isValid() else None

    def select_reference(self, reference: str | None) -> bool:
        """Put the cursor on *reference* if it is among the fetched rows."""
        row = self._model.row_of(reference) if reference else None
        if row is None:
            return False
        index = self._model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def focus_rows(self) -> None:
        """Move the keyboard focus to the rows, onto the first one if none is current."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.currentIndex().isValid() and self._model.rowCount():
            self.setCurrentIndex(self._model.index(0, 0))

    def show_sort_indicator(self) -> None:
        """Mark the column and direction the database orders by."""
        header = self.horizontalHeader()
        column = self._model.sort_column()
        header.blockSignals(True)
        if column is None:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            descending = self._model.query.descending
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(column, order)
        header.blockSignals(False)

    def _on_header_section_clicked(self, section: int) -> None:
        column = RegisterColumn(section)
        if column == self._model.sort_column():
            descending = not self._model.query.descending
        else:
            # Dates read best newest first; words, A to Z.
            descending = column is RegisterColumn.FIRST_KNOWN
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self._model.sort(section, order)
        self.show_sort_indicator()

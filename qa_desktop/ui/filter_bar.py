"""The bar above the register: search as you type, filters, and filters saved by name.

Typing is debounced: the register asks the database only once the user pauses, and the
model drops any answer to a query the user has typed past. Every other filter applies at
once. The bar only describes *what* to show; the main window turns it into a query.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.domain.countries import COUNTRIES
from qa_desktop.domain.incident import TEXT_LIMITS
from qa_desktop.domain.search_text import MAX_QUERY_LENGTH
from qa_desktop.ui.choice_button import ChoiceButton
from qa_desktop.ui.icons import icon
from qa_desktop.ui.labels import (
    SEVERITY_CODES,
    SOURCE_CODES,
    STATUS_CODES,
    country_label,
    severity_label,
    source_label,
    status_label,
)
from qa_desktop.ui.register_filter import RegisterFilter
from qa_desktop.ui.settings import MAX_FILTER_NAME, AppSettings

#: Pause in typing, in milliseconds, before the register is asked again.
SEARCH_DELAY_MS = 150
_NO_DATE = QDate(1900, 1, 1)
_MAX_SUGGESTIONS = 2_000


def _to_date(value: QDate) -> date | None:
    if not value.isValid() or value == _NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


def _to_qdate(value: date | None) -> QDate:
    return _NO_DATE if value is None else QDate(value.year, value.month, value.day)


class FilterBar(QWidget):
    """Search box, filters and saved filters; emits the filter whenever it changes."""

    #: The filter changed (carries a :class:`RegisterFilter`).
    filter_changed = Signal(object)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._emitted = RegisterFilter()
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self._emit_if_changed)

        self.search = QLineEdit(self)
        self.search.setMaxLength(MAX_QUERY_LENGTH)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search reference, title, product, model and description (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search incidents"))
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textEdited.connect(self._on_text_edited)

        self.statuses = ChoiceButton(self.tr("Stat&us"), STATUS_CODES, status_label, self)
        self.severities = ChoiceButton(self.tr("Se&verity"), SEVERITY_CODES, severity_label, self)
        self.sources = ChoiceButton(self.tr("Sou&rce"), SOURCE_CODES, source_label, self)
        for button in (self.statuses, self.severities, self.sources):
            button.choices_changed.connect(self._emit_if_changed)

        self.country = QComboBox(self)
        self.country.setAccessibleName(self.tr("Country"))
        self.country.addItem(self.tr("Any country"), "")
        for code in sorted(COUNTRIES, key=lambda c: COUNTRIES[c].casefold()):
            self.country.addItem(country_label(code), code)
        # Long names ("Virgin Islands (UK) (VG)") must not widen the whole window.
        self.country.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.country.setMinimumContentsLength(14)
        self.country.currentIndexChanged.connect(self._emit_if_changed)

        self._products = QStringListModel(self)
        self._owners = QStringListModel(self)
        self.product = self._exact_field(
            self.tr("Product (exact name)"), TEXT_LIMITS["product_name"], self._products
        )
        self.owner = self._exact_field(
            self.tr("QA owner (user name)"), TEXT_LIMITS["qa_owner"], self._owners
        )

        self.known_from = self._date_field(self.tr("First known from"))
        self.known_to = self._date_field(self.tr("First known until"))

        self.saved = QToolButton(self)
        self.saved.setText(self.tr("Sa&ved filters"))
        self.saved.setIcon(icon("filter"))
        self.saved.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.saved.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved.setAccessibleName(self.tr("Saved filters"))
        self.saved_menu = QMenu(self.saved)
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.saved.setMenu(self.saved_menu)

        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("C&lear filters"))
        self.clear_button.setIcon(icon("clear"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.setAccessibleName(self.tr("Clear all filters and the search"))
        self.clear_button.clicked.connect(self.clear)

        self._lay_out()

    # ---------------------------------------------------------------- building
    def _exact_field(self, label: str, limit: int, suggestions: QStringListModel) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(limit)
        edit.setClearButtonEnabled(True)
        edit.setPlaceholderText(label)
        edit.setAccessibleName(label)
        edit.setToolTip(label)
        completer = QCompleter(suggestions, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)
        edit.textEdited.connect(self._on_text_edited)
        # Picking a suggestion is a deliberate choice: apply it without waiting.
        completer.activated.connect(lambda _text: self._emit_if_changed())
        return edit

    def _date_field(self, label: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_DATE)
        edit.setMaximumDate(QDate(9999, 12, 31))
        # The minimum stands for "no limit" and reads as such.
        edit.setSpecialValueText(self.tr("any date"))
        edit.setDate(_NO_DATE)
        edit.setAccessibleName(label)
        edit.setToolTip(label)
        edit.dateChanged.connect(self._emit_if_changed)
        return edit

    def _lay_out(self) -> None:
        # Two rows of about equal width keep the window usable at 200 % on a laptop screen.
        top = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        for label, edit in ((self.tr("Fro&m:"), self.known_from), (self.tr("&To:"), self.known_to)):
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            top.addWidget(caption)
            top.addWidget(edit)
        top.addWidget(self.saved)
        top.addWidget(self.clear_button)

        bottom = QHBoxLayout()
        for widget in (self.statuses, self.severities, self.sources):
            bottom.addWidget(widget)
        country_label_widget = QLabel(self.tr("Co&untry:"), self)
        country_label_widget.setBuddy(self.country)
        bottom.addWidget(country_label_widget)
        bottom.addWidget(self.country)
        bottom.addWidget(self.product, 1)
        bottom.addWidget(self.owner, 1)

        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 0)
        column.addLayout(top)
        column.addLayout(bottom)

    # ---------------------------------------------------------------- the filter
    def current_filter(self) -> RegisterFilter:
        """The filter as the bar shows it now (including text still being typed)."""
        product = self.product.text().strip()
        owner = self.owner.text().strip()
        country = self.country.currentData()
        return RegisterFilter(
            text=self.search.text(),
            statuses=self.statuses.chosen(),
            severities=self.severities.chosen(),
            products=(product,) if product else (),
            sources=self.sources.chosen(),
            countries=(country,) if country else (),
            owners=(owner,) if owner else (),
            known_from=_to_date(self.known_from.date()),
            known_to=_to_date(self.known_to.date()),
        )

    def set_filter(self, value: RegisterFilter) -> None:
        """Show *value* in the bar and apply it at once."""
        widgets = (
            self.search,
            self.statuses,
            self.severities,
            self.sources,
            self.country,
            self.product,
            self.owner,
            self.known_from,
            self.known_to,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.setText(value.text)
            self.statuses.set_chosen(value.statuses)
            self.severities.set_chosen(value.severities)
            self.sources.set_chosen(value.sources)
            country = value.countries[0] if value.countries else ""
            self.country.setCurrentIndex(max(0, self.country.findData(country)))
            self.product.setText(value.products[0] if value.products else "")
            self.owner.setText(value.owners[0] if value.owners else "")
            self.known_from.setDate(_to_qdate(value.known_from))
            self.known_to.setDate(_to_qdate(value.known_to))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._emit_if_changed()

    def clear(self) -> None:
        """Remove every filter and the search text."""
        self.set_filter(RegisterFilter())

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected, ready to type over."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def add_suggestions(self, products: Iterable[str], owners: Iterable[str]) -> None:
        """Offer *products* and *owners* (seen in the register) as completions."""
        for model, values in ((self._products, products), (self._owners, owners)):
            known = set(model.stringList())
            fresh = {v for v in values if v} - known
            if fresh and len(known) < _MAX_SUGGESTIONS:
                model.setStringList(sorted(known | fresh, key=str.casefold)[:_MAX_SUGGESTIONS])

    def _on_text_edited(self, _text: str) -> None:
        self._typing.start()

    def _emit_if_changed(self) -> None:
        self._typing.stop()
        current = self.current_filter()
        if current != self._emitted:
            self._emitted = current
            self.filter_changed.emit(current)

    # ---------------------------------------------------------------- saved filters
    def save_filter(self, name: str) -> None:
        """Keep the current filter under *name*."""
        self._settings.save_filter(name, self.current_filter())

    def recall_filter(self, name: str) -> bool:
        """Apply the filter saved as *name*; False when there is none by that name."""
        saved = self._settings.saved_filters.get(name)
        if saved is None:
            return False
        self.set_filter(saved)
        return True

    def _fill_saved_menu(self) -> None:
        menu = self.saved_menu
        menu.clear()
        save = menu.addAction(self.tr("&Save current filter…"))
        save.triggered.connect(self._ask_name_and_save)
        saved = self._settings.saved_filters
        if not saved:
            empty = menu.addAction(self.tr("No saved filters yet"))
            empty.setEnabled(False)
            return
        menu.addSeparator()
        for name in saved:
            # A name is user text: keep any "&" literal rather than a mnemonic.
            action = QAction(name.replace("&", "&&"), menu)
            action.triggered.connect(lambda _checked=False, n=name: self.recall_filter(n))
            menu.addAction(action)
        menu.addSeparator()
        delete = menu.addMenu(self.tr("&Delete"))
        for name in saved:
            action = QAction(name.replace("&", "&&"), delete)
            action.triggered.connect(lambda _checked=False, n=name: self._settings.delete_filter(n))
            delete.addAction(action)

    def _ask_name_and_save(self) -> None:
        name, accepted = QInputDialog.getText(
            self, self.tr("Save filter"), self.tr("Name of this filter:")
        )
        name = name.strip()[:MAX_FILTER_NAME]
        if not accepted or not name:
            return
        if name in self._settings.saved_filters:
            answer = QMessageBox.question(
                self,
                self.tr("Save filter"),
                self.tr("A filter named “{name}” exists. Replace it?").format(name=name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_filter(name)

"""The editor's fields: each value read from and shown in its widget, and undone one by one.

A :class:`FieldBinding` ties one field of the incident draft to its input widget, the
message label below it and, for limited text, the "123 / 200" counter beside it. Bindings
report the user's edits only; the editor turns each into a :class:`FieldEdit` on its undo
stack, and showing a value (load, undo, redo) never counts as an edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from qa_desktop.domain.countries import COUNTRIES
from qa_desktop.domain.incident import (
    INCIDENT_FIELDS,
    TEXT_LIMITS,
    IncidentSource,
    IncidentStatus,
    Severity,
)
from qa_desktop.ui.history_text import field_label, market_names
from qa_desktop.ui.labels import (
    SEVERITY_CODES,
    SOURCE_CODES,
    STATUS_CODES,
    severity_label,
    source_label,
    status_label,
)

#: No paste is ever cut short silently: a line edit holds this much, and the counter and the
#: message say when the text is over its limit (Qt's default would truncate at 32,767).
PASTE_ROOM = 1_000_000
_MARKET_SEPARATORS = re.compile(r"[\s,、，;]+")
_DASH = " — "


def _paint(label: QLabel, colour: QColor) -> None:
    colours = label.palette()
    # Checked on every keystroke for every field: repaint only what changes colour.
    if colours.color(QPalette.ColorRole.WindowText) != colour:
        colours.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(colours)


class FieldBinding(QObject):
    """One field of the draft and its widget; emits ``edited`` for the user's changes only."""

    #: The user changed the field: its name and new value.
    edited = Signal(str, object)

    def __init__(self, name: str, widget: QWidget, message: QLabel) -> None:
        super().__init__(widget)
        self.name = name
        self.widget = widget
        self.message = message
        self.counter: QLabel | None = None
        message.hide()
        widget.setAccessibleDescription("")

    def value(self) -> Any:
        """The value the widget shows, typed as the draft holds it."""
        raise NotImplementedError

    def show(self, value: Any) -> None:
        """Show *value* without reporting it as an edit."""
        # Leave the widget alone when it shows the value already: rewriting it would move the
        # cursor of someone typing.
        if self.value() == value:
            return
        blocked = self.widget.blockSignals(True)
        try:
            self._write(value)
        finally:
            self.widget.blockSignals(blocked)

    def _write(self, value: Any) -> None:
        raise NotImplementedError

    def _report(self, *_: object) -> None:
        self.edited.emit(self.name, self.value())

    def set_editable(self, editable: bool) -> None:
        """Allow or prevent changes (people whose role may only view)."""
        self.widget.setEnabled(editable)

    def show_problem(self, text: str, colour: QColor) -> None:
        """Show *text* below the field in *colour* (``""`` hides it)."""
        if self.message.text() != text:
            self.message.setText(text)
            self.message.setVisible(bool(text))
            # Screen readers announce the problem with the field itself.
            self.widget.setAccessibleDescription(text)
        _paint(self.message, colour)

    def show_count(self, length: int, limit: int, colour: QColor) -> None:
        """Show "123 / 200" beside a limited text field."""
        if self.counter is not None:
            text = f"{QLocale().toString(length)} / {QLocale().toString(limit)}"
            if self.counter.text() != text:
                self.counter.setText(text)
            _paint(self.counter, colour)


class LineTextBinding(FieldBinding):
    """A single-line text field (a line edit)."""

    def __init__(self, name: str, widget: QLineEdit, message: QLabel) -> None:
        super().__init__(name, widget, message)
        self.edit = widget
        widget.setMaxLength(PASTE_ROOM)
        widget.textEdited.connect(self._report)

    def value(self) -> str:
        """The text as typed."""
        return self.edit.text()

    def _write(self, value: Any) -> None:
        self.edit.setText(str(value))

    def set_editable(self, editable: bool) -> None:
        """Read-only keeps the text selectable for copying."""
        self.edit.setReadOnly(not editable)


class PlainTextBinding(FieldBinding):
    """A multi-line text field (description, serial ranges)."""

    def __init__(self, name: str, widget: QPlainTextEdit, message: QLabel) -> None:
        super().__init__(name, widget, message)
        self.edit = widget
        # The editor's undo stack undoes edits; a second stack inside the widget would not.
        widget.setUndoRedoEnabled(False)
        widget.textChanged.connect(self._report)

    def value(self) -> str:
        """The text as typed (the raw text: plain text would turn no-break spaces into spaces)."""
        return self.edit.document().toRawText().replace("\u2029", "\n")

    def _write(self, value: Any) -> None:
        self.edit.setPlainText(str(value))

    def set_editable(self, editable: bool) -> None:
        """Read-only keeps the text selectable for copying."""
        self.edit.setReadOnly(not editable)


class CountBinding(FieldBinding):
    """A whole number (units, deaths, injuries, days)."""

    def __init__(self, name: str, widget: QSpinBox, message: QLabel) -> None:
        super().__init__(name, widget, message)
        self.spin = widget
        widget.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        widget.valueChanged.connect(self._report)

    def value(self) -> int:
        """The number shown."""
        return self.spin.value()

    def _write(self, value: Any) -> None:
        self.spin.setValue(int(value))

    def set_editable(self, editable: bool) -> None:
        """Read-only keeps the number selectable for copying."""
        self.spin.setReadOnly(not editable)


class FlagBinding(FieldBinding):
    """A yes/no fact (a check box)."""

    def __init__(self, name: str, widget: QCheckBox, message: QLabel) -> None:
        super().__init__(name, widget, message)
        self.box = widget
        widget.toggled.connect(self._report)

    def value(self) -> bool:
        """Whether the box is ticked."""
        return self.box.isChecked()

    def _write(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceBinding(FieldBinding):
    """One of a fixed list of codes (source, status, severity), shown by its label."""

    def __init__(
        self,
        name: str,
        widget: QComboBox,
        message: QLabel,
        choices: type[Enum],
        label: Callable[[str], str],
        order: Sequence[str],
    ) -> None:
        super().__init__(name, widget, message)
        self.combo = widget
        self._choices = choices
        for code in order:
            widget.addItem(label(code), code)
        widget.currentIndexChanged.connect(self._report)

    def value(self) -> Enum | None:
        """The chosen code as the domain's enum (``None`` when nothing is chosen)."""
        code = self.combo.currentData()
        return None if code is None else self._choices(code)

    def _write(self, value: Any) -> None:
        self.combo.setCurrentIndex(self.combo.findData(getattr(value, "value", value)))


class CountryBinding(FieldBinding):
    """The country of the incident: an ISO code typed or picked by name."""

    def __init__(self, name: str, widget: QComboBox, message: QLabel) -> None:
        super().__init__(name, widget, message)
        self.combo = widget
        for code, country in sorted(COUNTRIES.items()):
            widget.addItem(f"{code}{_DASH}{country}", code)
        completer = QCompleter(widget.model(), widget)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        widget.setCompleter(completer)
        widget.setCurrentIndex(-1)
        widget.editTextChanged.connect(self._report)
        self._by_name = {country.casefold(): code for code, country in COUNTRIES.items()}

    def value(self) -> str:
        """The ISO code: from a picked entry, a typed code or a typed country name."""
        text = self.combo.currentText().strip()
        code = text.split(_DASH, 1)[0].strip()
        if code.upper() in COUNTRIES:
            return code.upper()
        return self._by_name.get(text.casefold(), text)

    def _write(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(index)
        if index < 0:
            self.combo.setEditText(str(value))


class MarketsBinding(FieldBinding):
    """The markets sold to, typed as codes ("JP, US, EU") with their names shown beside."""

    def __init__(self, name: str, widget: QLineEdit, message: QLabel, names: QLabel) -> None:
        super().__init__(name, widget, message)
        self.edit = widget
        self.names = names
        widget.setMaxLength(PASTE_ROOM)
        widget.textEdited.connect(self._report)

    def value(self) -> tuple[str, ...]:
        """The codes in the order typed (upper case; duplicates kept for the rules to flag)."""
        return tuple(code.upper() for code in _MARKET_SEPARATORS.split(self.edit.text()) if code)

    def _write(self, value: Any) -> None:
        self.edit.setText(", ".join(value))

    def show_names(self) -> None:
        """Name the typed codes, so a wrong code is noticed before saving."""
        self.names.setText(market_names(self.value()))

    def set_editable(self, editable: bool) -> None:
        """Read-only keeps the codes selectable for copying."""
        self.edit.setReadOnly(not editable)


class MomentBinding(FieldBinding):
    """A date and time, shown and typed in local time, held as an aware UTC datetime.

    Optional moments have a "Known" box; unticked means the time is not known (``None``).
    """

    def __init__(
        self, name: str, widget: QDateTimeEdit, message: QLabel, known: QCheckBox | None = None
    ) -> None:
        super().__init__(name, widget, message)
        self.edit = widget
        self.known = known
        widget.setDateTime(QDateTime.currentDateTime())
        widget.dateTimeChanged.connect(self._report)
        if known is not None:
            known.toggled.connect(self._on_known_toggled)

    def value(self) -> datetime | None:
        """The moment shown, or ``None`` when it is marked not known."""
        if self.known is not None and not self.known.isChecked():
            return None
        return datetime.fromtimestamp(self.edit.dateTime().toMSecsSinceEpoch() / 1000, UTC)

    def _write(self, value: Any) -> None:
        if self.known is not None:
            blocked = self.known.blockSignals(True)
            self.known.setChecked(value is not None)
            self.known.blockSignals(blocked)
            self.edit.setEnabled(value is not None)
        if value is not None:
            milliseconds = round(value.timestamp() * 1000)
            self.edit.setDateTime(QDateTime.fromMSecsSinceEpoch(milliseconds))

    def _on_known_toggled(self, known: bool) -> None:
        self.edit.setEnabled(known)
        self._report()

    def set_editable(self, editable: bool) -> None:
        """Read-only keeps the time selectable for copying."""
        self.edit.setReadOnly(not editable)
        if self.known is not None:
            self.known.setEnabled(editable)


class FieldEdit(QUndoCommand):
    """One change of one field; consecutive changes of the same field merge into one step."""

    def __init__(self, name: str, old: Any, new: Any, apply: Callable[[str, Any, bool], None]):
        super().__init__(
            QCoreApplication.translate("IncidentEditor", "change {field}").format(
                field=field_label(name)
            )
        )
        self.name = name
        self.old = old
        self.new = new
        self._apply = apply
        self._pushed = False

    def id(self) -> int:
        """Commands of the same field share an id, so typing a word is one undo step."""
        return INCIDENT_FIELDS.index(self.name) + 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb the next change of the same field."""
        if not isinstance(other, FieldEdit) or other.name != self.name:
            return False
        self.new = other.new
        # Typing a field back to where it was leaves nothing to undo.
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        """Apply the new value (the first time it is already on screen: it was typed)."""
        self._apply(self.name, self.new, self._pushed)
        self._pushed = True

    def undo(self) -> None:
        """Put the old value back and show where."""
        self._apply(self.name, self.old, True)


def bind_fields(ui: Any) -> dict[str, FieldBinding]:
    """A binding for every field of the draft over the compiled editor form *ui*."""
    bindings: dict[str, FieldBinding] = {}
    for name in INCIDENT_FIELDS:
        camel = name.split("_")[0] + "".join(p.title() for p in name.split("_")[1:])
        message = getattr(ui, f"{camel}Error")
        widget = next(
            getattr(ui, camel + kind)
            for kind in ("Edit", "Spin", "Check", "Combo")
            if hasattr(ui, camel + kind)
        )
        binding: FieldBinding
        if name == "markets":
            binding = MarketsBinding(name, widget, message, ui.marketsNames)
        elif name == "country":
            binding = CountryBinding(name, widget, message)
        elif name == "source":
            binding = ChoiceBinding(
                name, widget, message, IncidentSource, source_label, SOURCE_CODES
            )
        elif name == "status":
            binding = ChoiceBinding(
                name, widget, message, IncidentStatus, status_label, STATUS_CODES
            )
        elif name == "severity":
            binding = ChoiceBinding(name, widget, message, Severity, severity_label, SEVERITY_CODES)
        elif isinstance(widget, QDateTimeEdit):
            binding = MomentBinding(name, widget, message, getattr(ui, f"{camel}Known", None))
        elif isinstance(widget, QPlainTextEdit):
            binding = PlainTextBinding(name, widget, message)
        elif isinstance(widget, QLineEdit):
            binding = LineTextBinding(name, widget, message)
        elif isinstance(widget, QSpinBox):
            binding = CountBinding(name, widget, message)
        else:
            binding = FlagBinding(name, widget, message)
        binding.counter = getattr(ui, f"{camel}Count", None) if name in TEXT_LIMITS else None
        bindings[name] = binding
    return bindings


class UndoKeysToWindow(QObject):
    """An event filter that lets the window's undo and redo keys win over the fields' own.

    A line edit would otherwise take Ctrl+Z for its built-in undo, which knows nothing of
    the editor's undo stack (and would be recorded there as one more edit).
    """

    def __init__(self, keys: Sequence[QKeySequence], parent: QObject) -> None:
        super().__init__(parent)
        self._keys = list(keys)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refuse a field's claim on the undo and redo keys, so the window's actions get them."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) in self._keys
        ):
            # Ignored and filtered: the field never sees it, and an override nobody accepted
            # lets the shortcut fire.
            event.ignore()
            return True
        return super().eventFilter(watched, event)

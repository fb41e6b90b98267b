"""Checking the editor's fields as they are typed, with the message right next to each.

The rules are the domain's (:func:`~qa_desktop.domain.incident.validate_incident`); this
module words their findings for the person typing, in their language, below the field
concerned, and keeps the "123 / 200" counters of limited text fields up to date.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QColor, QPalette

from qa_desktop.domain.errors import FieldError
from qa_desktop.domain.incident import TEXT_LIMITS, unflatten, validate_incident
from qa_desktop.ui.field_bindings import FieldBinding, MarketsBinding

_AT_MOST = re.compile(r"at most ([\d,]+)")
_UNKNOWN_CODES = re.compile(r":\s*(.+)$")


def error_colour(palette: QPalette) -> QColor:
    """A red readable on the palette's window colour, light or dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b00020")


_MARKED_MESSAGES = {
    "required": QT_TRANSLATE_NOOP("FieldValidation", "Required."),
    "control_characters": QT_TRANSLATE_NOOP(
        "FieldValidation",
        "Contains invisible control characters (often from a paste) that cannot be stored.",
    ),
    "single_line": QT_TRANSLATE_NOOP(
        "FieldValidation", "Must be a single line: remove line breaks and tabs."
    ),
    "non_negative": QT_TRANSLATE_NOOP("FieldValidation", "Must not be negative."),
    "needs_fire": QT_TRANSLATE_NOOP("FieldValidation", "Can only be ticked when there was a fire."),
    "needs_injury": QT_TRANSLATE_NOOP(
        "FieldValidation", "Can only be set when someone was injured."
    ),
    "unique": QT_TRANSLATE_NOOP("FieldValidation", "Lists a market twice."),
    "not_in_future": QT_TRANSLATE_NOOP("FieldValidation", "Must not be in the future."),
    "too_early": QT_TRANSLATE_NOOP("FieldValidation", "Must be in 1900 or later."),
    "after_first_known": QT_TRANSLATE_NOOP(
        "FieldValidation",
        "Must not be before the company first knew (QA cannot learn of it earlier).",
    ),
    "after_occurred": QT_TRANSLATE_NOOP(
        "FieldValidation", "Must not be before the incident occurred."
    ),
}


#: Rules whose message needs no detail from the value, marked for translation.
_RULE_MESSAGES: dict[str, str] = {rule: str(text) for rule, text in _MARKED_MESSAGES.items()}


def field_message(error: FieldError, value: Any) -> str:
    """What is wrong with a field, as a sentence for the person typing (translated)."""
    rule = error.rule
    if rule == "too_long" and isinstance(value, str):
        return QCoreApplication.translate(
            "FieldValidation", "Too long: {length} characters, the limit is {limit}."
        ).format(
            length=QLocale().toString(len(value)),
            limit=QLocale().toString(TEXT_LIMITS[error.field]),
        )
    if rule == "format" and error.field == "reference":
        return QCoreApplication.translate(
            "FieldValidation",
            "Must look like INC-2026-0042 (prefix, year, number); leave it empty to have one "
            "generated.",
        )
    if rule == "too_large":
        found = _AT_MOST.search(error.message)
        limit = QLocale().toString(int(found.group(1).replace(",", ""))) if found else ""
        return QCoreApplication.translate("FieldValidation", "Too large: at most {limit}.").format(
            limit=limit
        )
    if rule == "iso3166" and error.field == "country":
        return QCoreApplication.translate(
            "FieldValidation", "Choose a country from the list (ISO 3166 codes such as JP or US)."
        )
    if rule == "iso3166":
        found = _UNKNOWN_CODES.search(error.message)
        return QCoreApplication.translate(
            "FieldValidation", "Unknown market code(s): {codes}. Use ISO country codes or EU."
        ).format(codes=found.group(1) if found else "")
    if rule in _RULE_MESSAGES:
        return QCoreApplication.translate("FieldValidation", _RULE_MESSAGES[rule])
    # A rule this version has no words for: the domain's own sentence, capitalised.
    return error.message[:1].upper() + error.message[1:] + "."


def show_findings(
    bindings: Mapping[str, FieldBinding],
    errors: list[FieldError],
    values: Mapping[str, Any],
    touched: Collection[str],
    palette: QPalette,
) -> list[str]:
    """Show each touched field's problems below it and update counters and market names.

    Fields not touched yet stay quiet (a new form is not a wall of red); the returned list
    names every field with a problem, touched or not, for the summary beside Save.
    """
    by_field: dict[str, list[FieldError]] = {}
    for error in errors:
        by_field.setdefault(error.field, []).append(error)
    colour = error_colour(palette)
    quiet = palette.color(QPalette.ColorRole.PlaceholderText)
    for name, binding in bindings.items():
        shown = by_field.get(name, []) if name in touched else []
        binding.show_problem(" ".join(field_message(e, values[name]) for e in shown), colour)
        if binding.counter is not None:
            length, limit = len(values[name]), TEXT_LIMITS[name]
            binding.show_count(length, limit, colour if length > limit else quiet)
        if isinstance(binding, MarketsBinding):
            binding.show_names()
    return list(by_field)


class IncidentForm:
    """The editor's values as stored and as they stand now, and what the rules find wrong.

    Only fields the user has touched show their problems (a new form is not a wall of red);
    :meth:`touch_all` shows them all, for instance when Save is tried anyway.
    """

    def __init__(self, bindings: Mapping[str, FieldBinding], saved: Mapping[str, Any]) -> None:
        self.bindings = dict(bindings)
        self.saved = dict(saved)
        self.values = dict(saved)
        self.touched: set[str] = set()
        self.errors: list[FieldError] = []

    def reset(self, saved: Mapping[str, Any], *, touched: bool) -> None:
        """Show *saved* (a loaded or just saved record, or a new one) in every field."""
        self.saved = dict(saved)
        self.values = dict(saved)
        self.touched = set(self.bindings) if touched else set()
        for name, binding in self.bindings.items():
            binding.show(self.values[name])

    def set(self, name: str, value: Any) -> None:
        """Set one field (typed, undone or redone) and show it."""
        self.values[name] = value
        self.bindings[name].show(value)
        self.touched.add(name)

    def touch_all(self) -> None:
        """Show the problems of every field, touched or not."""
        self.touched = set(self.bindings)

    def is_modified(self) -> bool:
        """True when a value differs from the stored one."""
        return self.values != self.saved

    def changes(self) -> dict[str, Any]:
        """The changed fields and their new values (the reference is never changed)."""
        return {
            name: value
            for name, value in self.values.items()
            if name != "reference" and value != self.saved[name]
        }

    def check(self, palette: QPalette) -> list[str]:
        """Apply the rules, show what they find, and name the fields with problems."""
        try:
            self.errors = validate_incident(unflatten(self.values))
        except (TypeError, ValueError) as exc:  # a value no rule foresaw: refuse, never crash
            self.errors = [FieldError("title", "unexpected", str(exc))]
        return show_findings(self.bindings, self.errors, self.values, self.touched, palette)

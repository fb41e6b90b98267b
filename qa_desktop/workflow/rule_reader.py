"""Typed, line-aware access to the values of a rule data file.

Every accessor either returns a value of the promised type or raises the document's
:class:`DefinitionError` at the line of the offending key, so the loaders read like a
description of the file format instead of a list of ``isinstance`` checks.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

from qa_desktop.resources import workflows_dir
from qa_desktop.workflow.toml_source import TomlDocument

CLOCKS_FILE = "reporting_clocks.toml"
RMAP_FILE = "rmap.toml"
SAFETY_GATE_FILE = "safety_gate.toml"

_E = TypeVar("_E", bound=StrEnum)

#: A key path into a document, as :meth:`TomlDocument.line_of` takes it.
KeyPath = tuple[str | int, ...]


def rules_dir() -> Path:
    """The folder of the shipped rule files."""
    return workflows_dir() / "rules"


class RuleReader:
    """Reads values out of *doc*; ``what`` names the thing being read in each message."""

    def __init__(self, doc: TomlDocument) -> None:
        self.doc = doc

    def table(self, value: Any, what: str, *path: str | int) -> dict[str, Any]:
        """*value* as a table."""
        if not isinstance(value, dict):
            raise self.doc.error(f"{what} must be a table", *path)
        return value

    def array(self, value: Any, what: str, *path: str | int) -> list[Any]:
        """*value* as a non-empty array."""
        if not isinstance(value, list) or not value:
            raise self.doc.error(f"{what} must be a non-empty list", *path)
        return value

    def keys(
        self,
        table: dict[str, Any],
        what: str,
        path: KeyPath,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> None:
        """Refuse unknown keys (a typo would otherwise be ignored) and missing ones."""
        for key in table:
            if key not in required and key not in optional:
                known = ", ".join((*required, *optional))
                raise self.doc.error(f"{what}: unknown key {key!r} (known: {known})", *path, key)
        for key in required:
            if key not in table:
                raise self.doc.error(f"{what} is missing {key!r}", *path)

    def text(self, table: dict[str, Any], key: str, what: str, *path: str | int) -> str:
        """An optional text value, stripped; empty when absent."""
        value = table.get(key, "")
        if not isinstance(value, str):
            raise self.doc.error(f"{what}: {key} must be text", *path, key)
        return value.strip()

    def required_text(self, table: dict[str, Any], key: str, what: str, *path: str | int) -> str:
        """A text value that must not be empty."""
        value = self.text(table, key, what, *path)
        if not value:
            raise self.doc.error(f"{what}: {key} must not be empty", *path, key)
        return value

    def boolean(self, table: dict[str, Any], key: str, what: str, *path: str | int) -> bool:
        """``true`` or ``false``; false when absent."""
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise self.doc.error(f"{what}: {key} must be true or false", *path, key)
        return value

    def integer(
        self, table: dict[str, Any], key: str, what: str, *path: str | int, minimum: int = 0
    ) -> int:
        """A whole number of at least *minimum*."""
        value = table.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.doc.error(
                f"{what}: {key} must be a whole number of at least {minimum}", *path, key
            )
        return value

    def day(self, table: dict[str, Any], key: str, what: str, *path: str | int) -> date:
        """A TOML date (not a date-time)."""
        value = table.get(key)
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self.doc.error(f"{what}: {key} must be a date such as 2026-01-01", *path, key)
        return value

    def choice(
        self, table: dict[str, Any], key: str, kind: type[_E], what: str, *path: str | int
    ) -> _E:
        """One of the values of the enumeration *kind*."""
        value = table.get(key)
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            return kind(value)
        except ValueError:
            known = ", ".join(member.value for member in kind)
            raise self.doc.error(
                f"{what}: unknown {key.replace('_', ' ')} {value!r} (known: {known})", *path, key
            ) from None

    def fraction(self, value: Any, what: str, *path: str | int) -> Fraction:
        """A number in [0, 1), exactly: ``"1/1000"``, ``1e-4`` or ``0.5``."""
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.doc.error(f'{what} must be a number or a fraction such as "1/1000"', *path)
        try:
            # str() first so that 1e-4 means one ten-thousandth, not the nearest binary number.
            exact = Fraction(str(value).strip())
        except (ValueError, ZeroDivisionError):
            raise self.doc.error(f"{what}: {value!r} is not a number", *path) from None
        if not 0 <= exact < 1:
            raise self.doc.error(f"{what} must be at least 0 and below 1", *path)
        return exact

    def metadata(
        self, table: dict[str, Any], what: str, *path: str | int
    ) -> tuple[int, date, str, bool]:
        """``version``, ``effective_from``, ``citation`` and ``verify`` (with its note)."""
        version = self.integer(table, "version", what, *path, minimum=1)
        effective_from = self.day(table, "effective_from", what, *path)
        citation = self.required_text(table, "citation", what, *path)
        verify = self.boolean(table, "verify", what, *path)
        if verify and not self.text(table, "verify_note", what, *path):
            raise self.doc.error(
                f"{what}: verify = true needs a verify_note saying what to check", *path, "verify"
            )
        return version, effective_from, citation, verify

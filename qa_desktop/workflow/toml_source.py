"""Loading TOML definition files so that every later complaint can name its line.

``tomllib`` gives values but no positions. A definition that parses but is wrong (an unknown
role, a cycle) must still be reported as ``file:line: problem``, so :class:`TomlDocument`
keeps the text and finds the line of a key path by following table headers and keys.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa_desktop.domain.errors import DefinitionError

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")
_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _split_key(raw: str) -> tuple[str, ...]:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([^.\s]+)""", raw)
    return tuple(a or b or c for a, b, c in parts)


@dataclass(frozen=True, slots=True)
class TomlDocument:
    """A parsed TOML file with its source, for locating key paths."""

    path: Path
    data: dict[str, Any]
    lines: tuple[str, ...]

    @property
    def name(self) -> str:
        """The file name used in messages."""
        return str(self.path)

    def line_of(self, *key_path: str | int) -> int | None:
        """The 1-based line where *key_path* is defined, e.g. ``("steps", 2, "role")``.

        An ``int`` in the path is an index into an array of tables (``[[steps]]``). Returns the
        nearest enclosing line found when the exact key is not written out on its own line.
        """
        table: tuple[str | int, ...] = ()
        counters: dict[tuple[str | int, ...], int] = {}
        best: int | None = None
        best_len = -1
        for number, line in enumerate(self.lines, start=1):
            header = _HEADER.match(line)
            if header:
                names = _split_key(header.group(2))
                # A sub-table of an array of tables belongs to that array's latest element.
                # Arrays are counted per parent element: [[steps.tasks]] restarts at 0 in
                # every [[steps]] element.
                resolved: tuple[str | int, ...] = ()
                for depth, name in enumerate(names):
                    resolved = (*resolved, name)
                    if resolved in counters and depth < len(names) - 1:
                        resolved = (*resolved, counters[resolved])
                if header.group(1) == "[[":
                    index = counters.get(resolved, -1) + 1
                    counters[resolved] = index
                    table = (*resolved, index)
                else:
                    table = resolved
                matched = self._prefix_len(table, key_path)
                if matched == len(table) and matched > best_len:
                    best, best_len = number, matched
                continue
            key = _KEY.match(line)
            if key:
                full = (*table, *_split_key(key.group(1)))
                matched = self._prefix_len(full, key_path)
                if matched == len(full) and matched > best_len:
                    best, best_len = number, matched
        return best

    @staticmethod
    def _prefix_len(candidate: tuple[str | int, ...], wanted: tuple[str | int, ...]) -> int:
        if len(candidate) > len(wanted):
            return -1
        for a, b in zip(candidate, wanted, strict=False):
            if a != b:
                return -1
        return len(candidate)

    def error(self, problem: str, *key_path: str | int) -> DefinitionError:
        """A :class:`DefinitionError` for *problem* at *key_path*'s line."""
        return DefinitionError(self.name, self.line_of(*key_path) if key_path else None, problem)


def load_toml(path: Path) -> TomlDocument:
    """Parse *path*; a syntax error becomes a :class:`DefinitionError` with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DefinitionError(str(path), None, f"cannot be read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise DefinitionError(str(path), None, "is not UTF-8 text") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _AT_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        message = _AT_LINE.sub("", str(exc)).strip()
        raise DefinitionError(str(path), line, f"TOML syntax error: {message}") from exc
    return TomlDocument(path, data, tuple(text.splitlines()))

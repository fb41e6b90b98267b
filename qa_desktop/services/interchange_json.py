"""Reading a JSON incident file incident by incident, however large it is.

The standard decoder wants the whole text at once, and an export of a million incidents
is a gigabyte. This reader walks the document's outline itself and decodes each value
(a member of the document, one incident) from a sliding window of the file.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from qa_desktop.domain.errors import RowProblem
from qa_desktop.services.interchange_rows import KNOWN_FIELDS, SourceRow

#: What the ``format`` member of an export document says, and the version this reads.
DOCUMENT_FORMAT = "qa-desktop/incidents"
DOCUMENT_VERSION = 1
#: Largest single incident object read, in characters.
MAX_JSON_INCIDENT = 4 * 1024 * 1024
_MAX_MEMBER = 64 * 1024
_SPACE = re.compile(r"[ \t\n\r]*")


class _JsonFault(Exception):
    """The JSON text is broken at this point; reading cannot go on."""


class JsonStream:
    """A JSON text read piece by piece: whitespace, punctuation and whole values."""

    #: Characters read from the file at a time.
    piece = 1 << 20

    def __init__(self, binary: IO[bytes]) -> None:
        self._text = io.TextIOWrapper(binary, encoding="utf-8-sig")
        self._decoder = json.JSONDecoder()
        self._buffer = ""
        self._pos = 0
        self._eof = False

    def _more(self) -> bool:
        if self._eof:
            return False
        chunk = self._text.read(self.piece)
        if not chunk:
            self._eof = True
            return False
        self._buffer = self._buffer[self._pos :] + chunk
        self._pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            space = _SPACE.match(self._buffer, self._pos)
            self._pos = space.end() if space else self._pos
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not self._more():
                return ""

    def expect(self, char: str, what: str) -> None:
        """Step over *char*, or fail naming what was expected instead."""
        if self.peek() != char:
            raise _JsonFault(f"expected {what}")
        self._pos += 1

    def value(self, limit: int = MAX_JSON_INCIDENT) -> Any:
        """Decode the next value, reading more of the file until it is complete."""
        self.peek()
        while True:
            try:
                result, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as exc:
                # Broken or just cut off by the window: only more text can tell.
                if len(self._buffer) - self._pos > limit:
                    raise _JsonFault(f"a value is longer than {limit:,} characters") from None
                if not self._more():
                    raise _JsonFault(exc.msg) from None
                continue
            # A number at the very end of the window may go on in the next piece.
            if end == len(self._buffer) and self._more():
                continue
            self._pos = end
            return result


def json_rows(binary: IO[bytes]) -> Iterator[SourceRow]:
    """The incidents of a document ``{"format": …, "incidents": […]}`` or of a bare list."""
    stream = JsonStream(binary)
    index = 0
    try:
        first = stream.peek()
        if first == "[":
            for index, item in enumerate(_items(stream), start=1):
                yield _incident(index, item)
        elif first == "{":
            for row in _document(stream):
                index = max(index, row.row)
                yield row
        else:
            raise _JsonFault("expected a document {…} or a list of incidents […]")
        if stream.peek() != "":
            raise _JsonFault("there is more text after the end of the document")
    except _JsonFault as fault:
        where = f"after incident {index}" if index else "before the first incident"
        yield SourceRow(0, None, (RowProblem(0, "", f"the JSON is broken {where}: {fault}"),))
    except UnicodeDecodeError:
        yield SourceRow(0, None, (RowProblem(0, "", "the file is not UTF-8 text"),))


def _document(stream: JsonStream) -> Iterator[SourceRow]:
    meta: dict[str, Any] = {}
    stream.expect("{", "{")
    while stream.peek() != "}":
        if meta:
            stream.expect(",", "a comma between members")
        key = stream.value(limit=_MAX_MEMBER)
        if not isinstance(key, str):
            raise _JsonFault("expected a member name")
        stream.expect(":", "a colon after a member name")
        if key == "incidents":
            meta[key] = True
            for index, item in enumerate(_items(stream), start=1):
                yield _incident(index, item)
        else:
            meta[key] = stream.value(limit=_MAX_MEMBER)
    stream.expect("}", "}")
    problems = _document_problems(meta)
    if problems:
        yield SourceRow(0, None, tuple(problems))


def _items(stream: JsonStream) -> Iterator[Any]:
    stream.expect("[", "a list [ of incidents")
    if stream.peek() == "]":
        stream.expect("]", "]")
        return
    while True:
        yield stream.value()
        if stream.peek() == ",":
            stream.expect(",", ",")
            continue
        stream.expect("]", "a comma or the end of the list of incidents")
        return


def _incident(index: int, item: Any) -> SourceRow:
    if not isinstance(item, dict):
        return SourceRow(index, None, (RowProblem(index, "", "must be an object {…}"),))
    unknown = [key for key in item if key not in KNOWN_FIELDS]
    if unknown:
        return SourceRow(
            index, None, tuple(RowProblem(index, key, "is not a known field") for key in unknown)
        )
    return SourceRow(index, item)


def _document_problems(meta: dict[str, Any]) -> list[RowProblem]:
    problems = []
    if meta.get("format", DOCUMENT_FORMAT) != DOCUMENT_FORMAT:
        problems.append(RowProblem(0, "format", f"is {meta['format']!r}, not {DOCUMENT_FORMAT!r}"))
    version = meta.get("version", DOCUMENT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version > DOCUMENT_VERSION:
        problems.append(
            RowProblem(
                0,
                "version",
                f"is {version!r}: this version of QA Desktop reads version {DOCUMENT_VERSION}",
            )
        )
    if "incidents" not in meta:
        problems.append(RowProblem(0, "incidents", "the document has no list of incidents"))
    return problems

"""Reading incident files row by row: CSV, XLSX and (see ``interchange_json``) JSON.

Readers stream: a file of a million incidents is never held in memory. Each row comes with
its number as the person fixing the file will look for it: a spreadsheet's row number
(the header being row 1), or for JSON the position of the incident in its list (from 1).
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from qa_desktop.domain.errors import RowProblem
from qa_desktop.services.interchange_cells import Format
from qa_desktop.services.interchange_json import json_rows
from qa_desktop.services.interchange_rows import KNOWN_FIELDS, REQUIRED_FIELDS, SourceRow

FORMATS: tuple[Format, ...] = ("csv", "xlsx", "json")
#: Largest file an import reads, in bytes.
MAX_IMPORT_BYTES = 2 * 1024**3
#: Most incidents one XLSX sheet can hold (its rows, less the header).
MAX_XLSX_INCIDENTS = 1_048_575
#: Longest CSV cell read, in characters (the longest field, a description, takes 20,000).
MAX_CSV_CELL = csv.field_size_limit()


def format_of(path: Path, fmt: str | None) -> Format:
    """The format named by *fmt*, else by the file name's suffix; ``ValueError`` if neither."""
    name = (fmt or path.suffix.lstrip(".")).lower()
    for known in FORMATS:
        if name == known:
            return known
    raise ValueError(
        f"cannot tell the format of {path.name}: name it .csv, .xlsx or .json, or give the "
        "format (csv, xlsx or json)"
    )


def _header_problems(names: list[str]) -> tuple[list[RowProblem], frozenset[str]]:
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for index, name in enumerate(names, start=1):
        if not name:
            continue
        if name in seen:
            problems.append(RowProblem(1, name, f"the column is there twice (again as {index})"))
        elif name not in KNOWN_FIELDS:
            problems.append(RowProblem(1, name, "is not a known column (see the list of fields)"))
        seen.add(name)
    absent = tuple(name for name in REQUIRED_FIELDS if name not in seen)
    problems.extend(RowProblem(1, name, "the required column is missing") for name in absent)
    if len(names) == 1 and ";" in names[0]:
        problems.append(
            RowProblem(
                1,
                "",
                "the cells seem to be separated by ';': save the file as "
                "comma-separated values (CSV UTF-8)",
            )
        )
    return problems, frozenset(absent)


def _row_trouble(
    number: int, cells: list[Any], width: int, nameless: list[int]
) -> tuple[RowProblem, ...]:
    if len(cells) > width and any(c not in (None, "") for c in cells[width:]):
        return (RowProblem(number, "", f"holds values right of the last named column ({width})"),)
    for index in nameless:
        if index < len(cells) and cells[index] not in (None, ""):
            return (RowProblem(number, "", f"column {index + 1} holds a value but has no name"),)
    return ()


def _stopped(number: int, message: str) -> SourceRow:
    return SourceRow(number, None, (RowProblem(number, "", message + "; reading stopped here"),))


class _CountingReader(io.RawIOBase):
    """Counts the bytes read from a binary file, for the progress bar."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


class IncidentReader:
    """The rows of one import file, read lazily; :meth:`position` tells how far it has got."""

    def __init__(self, path: Path, fmt: Format) -> None:
        self.path = path
        self.format: Format = fmt
        self._size = path.stat().st_size
        self._counter: _CountingReader | None = None
        self._rows_done = 0
        self._rows_total = 0

    def position(self) -> tuple[int, int]:
        """(done, total): bytes for CSV and JSON, rows for XLSX (total 0 while unknown)."""
        if self.format == "xlsx":
            return self._rows_done, self._rows_total
        return (self._counter.count if self._counter else 0), self._size

    def rows(self) -> Iterator[SourceRow]:
        """Every row: file and header problems first (rows 0 and 1), blank rows skipped."""
        if self.format == "xlsx":
            yield from _xlsx_rows(self.path, self._xlsx_progress)
            return
        with self.path.open("rb", buffering=0) as raw:
            self._counter = _CountingReader(raw)
            binary = io.BufferedReader(self._counter, buffer_size=1 << 20)
            yield from (_csv_rows(binary) if self.format == "csv" else json_rows(binary))

    def _xlsx_progress(self, done: int, total: int) -> None:
        self._rows_done, self._rows_total = done, total


# ----------------------------------------------------------------------------- CSV
def _csv_rows(binary: IO[bytes]) -> Iterator[SourceRow]:
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    reader = csv.reader(text, strict=True)
    number = 0
    try:
        header = next(reader, None)
        if header is None:
            yield SourceRow(0, None, (RowProblem(0, "", "the file is empty"),))
            return
        number = 1
        names = [name.strip() for name in header]
        problems, absent = _header_problems(names)
        if problems:
            yield SourceRow(1, None, tuple(problems), absent)
        width = len(names)
        nameless = [i for i, name in enumerate(names) if not name]
        for number, record in enumerate(reader, start=2):
            if not any(record):
                continue
            trouble = _row_trouble(number, record, width, nameless)
            if trouble:
                yield SourceRow(number, None, trouble)
            else:
                yield SourceRow(number, dict(zip(names, record, strict=False)), (), absent)
    except UnicodeDecodeError:
        yield _stopped(number + 1, "the file is not UTF-8 text: in Excel, save it as CSV UTF-8")
    except csv.Error as exc:
        reason = str(exc)
        if "field larger than field limit" in reason:
            reason = f"a cell is longer than {MAX_CSV_CELL:,} characters"
        yield _stopped(number + 1, f"the CSV cannot be read here: {reason}")


# ----------------------------------------------------------------------------- XLSX
def _xlsx_rows(path: Path, progress: Callable[[int, int], None]) -> Iterator[SourceRow]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # Workbooks saved by other programs make openpyxl warn about styles it ignores.
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            book = load_workbook(path, read_only=True, data_only=False)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        yield SourceRow(0, None, (RowProblem(0, "", f"the file is not an XLSX workbook: {exc}"),))
        return
    try:
        sheet = book.worksheets[0]
        total = max((sheet.max_row or 0) - 1, 0)
        rows = sheet.iter_rows(min_row=1)
        header = next(rows, None)
        if header is None:
            yield SourceRow(0, None, (RowProblem(0, "", "the first sheet is empty"),))
            return
        names = ["" if c.value is None else str(c.value).strip() for c in header]
        problems, absent = _header_problems(names)
        if problems:
            yield SourceRow(1, None, tuple(problems), absent)
        nameless = [i for i, name in enumerate(names) if not name]
        for number, cells in enumerate(rows, start=2):
            progress(number - 1, total)
            values = [c.value for c in cells]
            if all(v in (None, "") for v in values):
                continue
            formulas = tuple(
                RowProblem(
                    number,
                    names[i] or f"column {i + 1}",
                    "holds a formula; an import takes values only",
                )
                for i, c in enumerate(cells[: len(names)])
                if c.data_type == "f"
            )
            trouble = formulas or _row_trouble(number, values, len(names), nameless)
            if trouble:
                yield SourceRow(number, None, trouble)
            else:
                yield SourceRow(number, dict(zip(names, values, strict=False)), (), absent)
    finally:
        book.close()

"""Writing incident files (CSV, XLSX, JSON) one incident at a time.

Nothing is held back: rows go to the file as they come, so an export of any size needs
the memory of one page of incidents.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from qa_desktop.services.interchange_cells import Format, cell_value, iso_utc, json_value
from qa_desktop.services.interchange_json import DOCUMENT_FORMAT, DOCUMENT_VERSION
from qa_desktop.services.interchange_rows import EXPORT_FIELDS


class IncidentWriter:
    """Writes incidents to *target* in *fmt*; :meth:`close` completes the file."""

    def __init__(self, target: Path, fmt: Format, exported_at: datetime) -> None:
        self.format: Format = fmt
        self._target = target
        self._count = 0
        self._handle: IO[str] | None = None
        self._csv: Any = None
        self._book: Any = None
        self._sheet: Any = None
        if fmt == "xlsx":
            from openpyxl import Workbook

            self._book = Workbook(write_only=True)
            self._sheet = self._book.create_sheet("incidents")
            self._sheet.append(list(EXPORT_FIELDS))
        elif fmt == "csv":
            # The byte order mark tells Excel the file is UTF-8, so Japanese shows correctly.
            self._handle = target.open("w", encoding="utf-8-sig", newline="")
            self._csv = csv.writer(self._handle, lineterminator="\r\n")
            self._csv.writerow(EXPORT_FIELDS)
        else:
            self._handle = target.open("w", encoding="utf-8", newline="\n")
            head = json.dumps(
                {
                    "format": DOCUMENT_FORMAT,
                    "version": DOCUMENT_VERSION,
                    "exported_at": iso_utc(exported_at),
                },
                ensure_ascii=False,
            )
            self._handle.write(head[:-1] + ', "incidents": [')

    def write(self, values: Mapping[str, Any]) -> None:
        """Append one incident given by field name (every name of :data:`EXPORT_FIELDS`)."""
        if self.format == "json":
            assert self._handle is not None
            item = {name: json_value(values[name]) for name in EXPORT_FIELDS}
            # One incident per line: diffable, and still readable without a viewer.
            self._handle.write(",\n" if self._count else "\n")
            self._handle.write(json.dumps(item, ensure_ascii=False))
        elif self.format == "csv":
            self._csv.writerow([cell_value(values[name], "csv") for name in EXPORT_FIELDS])
        else:
            self._sheet.append(self._xlsx_cells(values))
        self._count += 1

    def _xlsx_cells(self, values: Mapping[str, Any]) -> list[Any]:
        from openpyxl.cell import WriteOnlyCell

        cells: list[Any] = []
        for name in EXPORT_FIELDS:
            value = cell_value(values[name], "xlsx")
            if isinstance(value, str):
                cell = WriteOnlyCell(self._sheet, value=value)
                # Text stays text: openpyxl would store a value starting with = as a formula.
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(value)
        return cells

    def close(self) -> None:
        """Complete the file (the end of the JSON list, the XLSX package) and sync it."""
        if self.format == "xlsx":
            self._book.save(self._target)
            return
        assert self._handle is not None
        if self.format == "json":
            self._handle.write("\n]}\n" if self._count else "]}\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()

    def discard(self) -> None:
        """Close without completing the file (the caller removes it)."""
        if self._handle is not None and not self._handle.closed:
            self._handle.close()

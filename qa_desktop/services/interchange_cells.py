"""One cell of an incident file: the formula rule, OOXML escapes, and each field type.

CSV cells are text; XLSX cells may also be numbers, booleans or dates typed by someone in
a spreadsheet; JSON values have JSON's own types. The readers here turn any of them into
the domain's type or raise :class:`CellProblem` with a reason in plain English; the
writers turn a field value into what each format stores.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import Enum, StrEnum
from typing import Any, Literal

#: The file formats; each reads its cells slightly differently.
Format = Literal["csv", "xlsx", "json"]

# ----------------------------------------------------------------------------- formula rule
#: A spreadsheet reads a cell starting with one of these as a formula (TAB and CR included:
#: some spreadsheets drop them and then see the formula behind).
FORMULA_STARTS = frozenset("=+-@\t\r")


def _needs_apostrophe(text: str) -> bool:
    # Apostrophes already at the start are counted with the text behind them, so that the
    # rule can be undone exactly: '=1 is written ''=1 and read back as '=1.
    rest = text.lstrip("'")
    return bool(rest) and rest[0] in FORMULA_STARTS


def neutralise_formula(text: str) -> str:
    """*text* as a spreadsheet cell that is never run as a formula.

    A text that starts, after any apostrophes, with ``= + - @`` TAB or CR gets one more
    leading apostrophe; :func:`restore_formula` removes exactly that one again.
    """
    if text and (text[0] in FORMULA_STARTS or (text[0] == "'" and _needs_apostrophe(text))):
        return "'" + text
    return text


def restore_formula(cell: str) -> str:
    """The text behind a cell written by :func:`neutralise_formula` (exact for every text)."""
    if cell and cell[0] == "'" and _needs_apostrophe(cell):
        return cell[1:]
    return cell


# ----------------------------------------------------------------------------- OOXML escapes
# XML turns a CR into a line feed when it is read, so spreadsheets write it as _x000D_, and
# write a literal "_x" that looks like such an escape with its underscore escaped (_x005F_).
_OOXML_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f]")
_OOXML_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _escape_match(match: re.Match[str]) -> str:
    return f"_x{ord(match.group()):04X}_"


def _unescape_match(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    # A surrogate cannot stand alone in text: such a sequence stays as it was written.
    return match.group() if 0xD800 <= code <= 0xDFFF else chr(code)


def xlsx_escape(text: str) -> str:
    """*text* as an XLSX cell string: CR and other controls as ``_xHHHH_`` escapes."""
    if "_x" in text or not text.isprintable():
        return _OOXML_ESCAPE.sub(_escape_match, text)
    return text


def xlsx_unescape(cell: str) -> str:
    """The text behind an XLSX cell string (the inverse of :func:`xlsx_escape`)."""
    if "_x" in cell:
        return _OOXML_ESCAPED.sub(_unescape_match, cell)
    return cell


# ----------------------------------------------------------------------------- writing
def iso_utc(value: datetime | None) -> str | None:
    """A timestamp as ISO 8601 in UTC with its offset, e.g. ``2024-05-01T00:30:00+00:00``."""
    return None if value is None else value.astimezone(UTC).isoformat()


def json_value(value: Any) -> Any:
    """A field value as JSON writes it: choices by name, times in UTC, markets as a list."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def cell_value(value: Any, fmt: Format) -> Any:
    """A field value as a CSV cell (text) or an XLSX cell (text, number or boolean)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return value if fmt == "xlsx" else ("true" if value else "false")
    if isinstance(value, int):
        return value if fmt == "xlsx" else str(value)
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, tuple):
        return ",".join(value)
    text = neutralise_formula(str(value))
    return xlsx_escape(text) if fmt == "xlsx" else text


# ----------------------------------------------------------------------------- reading
class CellProblem(Exception):
    """A cell that cannot become its field's type; the message says why."""


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, datetime):
        return "a date cell"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0", ""})
EXAMPLE_TIME = "2024-05-01T09:30:00+09:00"


def read_text(value: Any, fmt: Format) -> str:
    """A text field's value (an empty cell is empty text)."""
    if isinstance(value, str):
        if fmt == "json":
            # JSON can spell half a UTF-16 pair (\ud83d); no database can store that.
            if _SURROGATE.search(value):
                raise CellProblem("holds an unpaired surrogate escape, which is not a character")
            return value
        if fmt == "xlsx":
            value = xlsx_unescape(value)
        return restore_formula(value)
    if value is None:
        return ""
    if fmt == "xlsx" and isinstance(value, int | float) and not isinstance(value, bool):
        # A spreadsheet turns a model number such as 1200 into a number cell.
        return str(int(value)) if float(value).is_integer() else repr(value)
    raise CellProblem(f"must be text, not {_kind(value)}")


def read_count(value: Any, fmt: Format) -> int:
    """A whole number (an empty cell is 0)."""
    if isinstance(value, str) and fmt != "json":
        text = value.strip()
        if not text:
            return 0
        if _INTEGER.match(text):
            return int(text)
        raise CellProblem(f"{_shown(value)} is not a whole number (digits only, e.g. 1200)")
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and fmt == "xlsx" and value.is_integer():
        return int(value)
    if isinstance(value, float):
        raise CellProblem(f"{value!r} is not a whole number")
    raise CellProblem(f"must be a whole number, not {_kind(value)}")


def read_flag(value: Any, fmt: Format) -> bool:
    """A true/false fact (an empty cell is false)."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, str) and fmt != "json":
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise CellProblem(f"{_shown(value)} is not true or false")
    if isinstance(value, int) and fmt == "xlsx" and value in (0, 1):
        return bool(value)
    raise CellProblem(f"must be true or false, not {_kind(value)}")


def read_time(value: Any, fmt: Format) -> datetime | None:
    """An ISO 8601 timestamp with a UTC offset (an empty cell is no time)."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise CellProblem(
                f"{_shown(value)} is not a date and time in ISO 8601 (e.g. {EXAMPLE_TIME})"
            ) from None
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise CellProblem(f"{_shown(value)} has no UTC offset: add one, e.g. {EXAMPLE_TIME}")
        return moment
    if isinstance(value, datetime):
        raise CellProblem(
            "is a spreadsheet date, which has no time zone: enter it as text with a UTC "
            f"offset, e.g. {EXAMPLE_TIME}"
        )
    raise CellProblem(f"must be a date and time as text, not {_kind(value)}")


def read_choice(choices: type[StrEnum], name: str, value: Any, fmt: Format) -> StrEnum | None:
    """A value of the field's vocabulary (``None`` for an empty cell)."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip() if fmt != "json" else value
        if not text:
            return None
        try:
            return choices(text)
        except ValueError:
            known = ", ".join(c.value for c in choices)
            raise CellProblem(
                f"{_shown(value)} is not a known {name}; use one of: {known}"
            ) from None
    raise CellProblem(f"must be the name of a {name}, not {_kind(value)}")


def read_markets(value: Any, fmt: Format) -> tuple[str, ...]:
    """Market codes: ``JP,US`` in a cell, a list of codes in JSON."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(code for code in (c.strip() for c in value.split(",")) if code)
    if isinstance(value, list) and fmt == "json":
        if all(isinstance(code, str) for code in value):
            return tuple(value)
        raise CellProblem('must be a list of country codes such as ["JP", "US"]')
    raise CellProblem(f"must be country codes such as JP,US, not {_kind(value)}")

"""Incident references (INC-2026-0042): handed out from a counter row per prefix and year.

The counter is bumped with ``UPDATE … RETURNING`` inside the caller's transaction, so two
people logging incidents at once on PostgreSQL never receive the same number.
"""

from __future__ import annotations

import re

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from qa_desktop.persistence.models import ReferenceCounter

PREFIX = "INC"
_NUMBERED = re.compile(r"^([A-Z][A-Z0-9]{1,9})-([0-9]{4})-([0-9]+)$")


def format_reference(year: int, number: int, prefix: str = PREFIX) -> str:
    """The reference text: at least four digits, more when a year passes 9,999 incidents."""
    return f"{prefix}-{year:04d}-{number:04d}"


def _ensure_counter(session: Session, prefix: str, year: int) -> None:
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else pg_insert
    session.execute(
        insert(ReferenceCounter)
        .values(prefix=prefix, year=year, last=0)
        .on_conflict_do_nothing(index_elements=["prefix", "year"])
    )


def next_references(session: Session, year: int, count: int, prefix: str = PREFIX) -> list[str]:
    """Reserve *count* consecutive references for *year*."""
    _ensure_counter(session, prefix, year)
    last = session.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .values(last=ReferenceCounter.last + count)
        .returning(ReferenceCounter.last)
    ).scalar_one()
    return [format_reference(year, n, prefix) for n in range(last - count + 1, last + 1)]


def note_reference(session: Session, reference: str) -> None:
    """Move the counter past a reference given by hand or by an import, so none repeats."""
    match = _NUMBERED.match(reference)
    if not match:
        return
    prefix, year, number = match.group(1), int(match.group(2)), int(match.group(3))
    _ensure_counter(session, prefix, year)
    session.execute(
        update(ReferenceCounter)
        .where(
            ReferenceCounter.prefix == prefix,
            ReferenceCounter.year == year,
            ReferenceCounter.last < number,
        )
        .values(last=number)
    )


def note_references(session: Session, references: list[str]) -> None:
    """:func:`note_reference` for many, touching each counter once (for imports)."""
    highest: dict[tuple[str, int], int] = {}
    for reference in references:
        match = _NUMBERED.match(reference)
        if match:
            key = (match.group(1), int(match.group(2)))
            highest[key] = max(highest.get(key, 0), int(match.group(3)))
    for (prefix, year), number in highest.items():
        note_reference(session, format_reference(year, number, prefix))

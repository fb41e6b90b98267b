"""Reading every incident in pages by key, for exports of any size.

Pages follow the primary key (``WHERE id > last id``), so the millionth incident costs what
the first does, and each page leaves the session before the next is read, so memory stays
flat however many incidents there are.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qa_desktop.persistence.models import Incident

PAGE_SIZE = 1_000


def count_incidents(session: Session) -> int:
    """How many incidents the database holds."""
    return int(session.scalar(select(func.count()).select_from(Incident)) or 0)


def incident_pages(session: Session, page_size: int = PAGE_SIZE) -> Iterator[list[Incident]]:
    """Every incident, oldest first, as lists of at most *page_size* rows.

    The rows of a page are detached from *session* when the next page is read: use them
    before asking for more.
    """
    last_id = 0
    while True:
        rows = list(
            session.scalars(
                select(Incident).where(Incident.id > last_id).order_by(Incident.id).limit(page_size)
            )
        )
        if not rows:
            return
        last_id = rows[-1].id
        yield rows
        session.expunge_all()

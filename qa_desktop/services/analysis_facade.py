"""The services of OCHIBO-HIROI analyses, as one object the application attaches.

``QaServices`` offers it as ``services.analysis``::

    services.analysis.analyses.load(user, "INC-2026-0001")
    services.analysis.lessons.similar_incidents(user, "INC-2026-0001")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from qa_desktop.persistence.database import Database
from qa_desktop.services.accounts import AccountService
from qa_desktop.services.analyses import AnalysisService
from qa_desktop.services.lessons import LessonService


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AnalysisServices:
    """One incident's analysis (``analyses``) and learning across analyses (``lessons``)."""

    database: Database
    now: Callable[[], datetime] = field(default=_utc_now)
    accounts: AccountService | None = None
    analyses: AnalysisService = field(init=False)
    lessons: LessonService = field(init=False)

    def __post_init__(self) -> None:
        self.analyses = AnalysisService(self.database, self.now, self.accounts)
        self.lessons = LessonService(self.database, self.now)

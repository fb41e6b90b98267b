"""The façade over the use cases that the UI and the command line hold: :class:`QaServices`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from qa_desktop.persistence.database import Database
from qa_desktop.services.accounts import AccountService
from qa_desktop.services.backup import BackupService
from qa_desktop.services.incidents import IncidentService

if TYPE_CHECKING:
    from qa_desktop.services.analysis_facade import AnalysisServices
    from qa_desktop.services.interchange import InterchangeService
    from qa_desktop.services.response import ResponseServices


def _utc_now() -> datetime:
    return datetime.now(UTC)


class QaServices:
    """The one façade the UI and the command line call.

    Services that need heavy imports (spreadsheets, graphs, PDFs) are built on first use, so
    the window paints the register before they are loaded.
    """

    def __init__(self, database: Database, now: Callable[[], datetime] = _utc_now) -> None:
        self.database = database
        self.now = now
        self.accounts = AccountService(database, now)
        self.incidents = IncidentService(database, now)
        self.backup = BackupService(database)

    @cached_property
    def interchange(self) -> InterchangeService:
        """Import and export of incidents (CSV, XLSX, JSON)."""
        from qa_desktop.services.interchange import InterchangeService

        return InterchangeService(self.database, self.now)

    @cached_property
    def analysis(self) -> AnalysisServices:
        """OCHIBO-HIROI cause analyses and the lessons drawn from them."""
        from qa_desktop.services.analysis_facade import AnalysisServices

        return AnalysisServices(self.database, self.now, self.accounts)

    @cached_property
    def response(self) -> ResponseServices:
        """The response flow: classification, reporting clocks, decisions and signatures."""
        from qa_desktop.persistence.analysis_store import cause_analysis_facts
        from qa_desktop.services.response import ResponseServices

        return ResponseServices(self.database, self.now, cause_analysis=cause_analysis_facts)

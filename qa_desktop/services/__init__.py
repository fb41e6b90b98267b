"""The use cases. Every call names the person acting; permissions are checked here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from qa_desktop.persistence.database import Database
from qa_desktop.services.accounts import AccountService
from qa_desktop.services.backup import BackupService
from qa_desktop.services.incidents import IncidentService


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class QaServices:
    """The one façade the UI and the command line call."""

    database: Database
    now: Callable[[], datetime] = field(default=_utc_now)
    accounts: AccountService = field(init=False)
    incidents: IncidentService = field(init=False)
    backup: BackupService = field(init=False)

    def __post_init__(self) -> None:
        self.accounts = AccountService(self.database, self.now)
        self.incidents = IncidentService(self.database, self.now)
        self.backup = BackupService(self.database)

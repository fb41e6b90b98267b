"""The register's first page, for a password checked, before the database layer has loaded.

Starting the desktop app means importing SQLAlchemy and the services, which takes longer
than starting Qt. For the common start, an up-to-date SQLite file and a person signing
in with ``--user`` and the password, this module checks the password against the stored
Argon2id hash and reads the first register page with the standard library alone, so the
window can show real rows at once while the full services load behind it.

It never writes and never decides a refusal: whatever it cannot settle (an unknown or
locked account, a wrong password, a database that needs an upgrade, a server) it declines
with ``None``, and the full sign-in, which counts failures and locks accounts, takes over.
The full sign-in also runs after a quick start; the window keeps the quick page only if it
agrees.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import Argon2Error, InvalidHashError

from qa_desktop.persistence.files import default_sqlite_path, sqlite_file_path
from qa_desktop.persistence.quick_read import AccountRow, QuickReader

if TYPE_CHECKING:
    from qa_desktop.domain.register import IncidentPage, IncidentQuery
    from qa_desktop.services.results import CurrentUser

# Verifying reads the cost parameters from the stored hash, so defaults do here.
_VERIFIER = PasswordHasher()


@dataclass(frozen=True, slots=True)
class QuickStart:
    """A password checked and a first page read, before the full services exist."""

    user: CurrentUser
    query: IncidentQuery
    page: IncidentPage
    #: The database as :func:`~qa_desktop.services.opening.open_services` names it.
    location: str


class QuickStarter:
    """Reads the account, checks the password, then reads a first page, step by step.

    The steps are separate so that a caller can start the slow one (the Argon2id check,
    slow on purpose) as early as possible and prepare its window for the person the
    account names meanwhile; nothing read is shown before the password checks out.
    Every step that cannot be settled here answers ``None`` or ``False``.
    """

    def __init__(self, location: str | None, username: str, password: str) -> None:
        """*location* is what the user chose (``None``: the embedded default file)."""
        self._location = location
        self._username = username
        self._password = password
        self._reader: QuickReader | None = None
        self._account: AccountRow | None = None
        self._verified = False
        self._path = ""
        self._page: tuple[IncidentQuery, int, IncidentPage | None] | None = None

    @property
    def path(self) -> str:
        """The database file, as the desktop names it (once the account has been read)."""
        return self._path

    def read_account(self) -> bool:
        """Find the account; False when this start must take the full path."""
        location = self._location
        if location is not None and "://" in location:
            return False  # a server: its driver comes with the database layer
        path = sqlite_file_path(location or str(default_sqlite_path()))
        reader = QuickReader.open(path)
        if reader is None:
            return False
        account = reader.account(self._username)
        if account is None or not account.active or account.locked:
            reader.close()
            return False
        self._reader, self._account, self._path = reader, account, str(path)
        return True

    def claimed_user(self) -> CurrentUser | None:
        """The person the account names if they may see the register (password unchecked)."""
        from qa_desktop.domain.roles import Permission, Role, may
        from qa_desktop.services.results import CurrentUser

        account = self._account
        if account is None:
            return None
        try:
            role = Role(account.role)
        except ValueError:
            return None
        if not may(role, Permission.VIEW_INCIDENTS):
            return None
        return CurrentUser(account.id, account.username, account.display_name, role)

    def verify(self) -> bool:
        """True when the password matches the account's stored hash."""
        if self._account is None:
            return False
        try:
            _VERIFIER.verify(self._account.password_hash, self._password)
        except (Argon2Error, InvalidHashError):
            return False
        self._verified = True
        return True

    def read_page(self, query: IncidentQuery, limit: int) -> None:
        """Read the first *limit* rows of *query* now, on any thread, while the password is
        being checked; they are kept back until it has checked out (:meth:`first_page`)."""
        if not self._path:
            return
        reader = QuickReader.open(Path(self._path))  # a connection of this thread's own
        if reader is None:
            return
        with reader:
            self._page = (query, limit, reader.first_page(query, limit))

    def first_page(self, query: IncidentQuery, limit: int) -> QuickStart | None:
        """The first *limit* rows of *query*, once the password has checked out."""
        user = self.claimed_user() if self._verified else None
        if user is None:
            return None
        if self._page is None or self._page[:2] != (query, limit):
            self.read_page(query, limit)
        page = self._page[2] if self._page is not None else None
        return QuickStart(user, query, page, self._path) if page is not None else None

    def close(self) -> None:
        """Let go of the file, and of any page read ahead but not handed out."""
        self._page = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None

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
    """Checks a password, then reads a first page, each as soon as it can be asked for.

    The password is checked first, since that is the slow part (Argon2id, on purpose) and
    needs only the database and the account; the page follows once the caller knows the
    register's query. Every step that cannot be settled here answers ``None``.
    """

    def __init__(self, location: str | None, username: str, password: str) -> None:
        """*location* is what the user chose (``None``: the embedded default file)."""
        self._location = location
        self._username = username
        self._password = password
        self._reader: QuickReader | None = None
        self._path = ""
        self.user: CurrentUser | None = None

    def sign_in(self) -> CurrentUser | None:
        """The person, if their password checks out and they may see the register."""
        location = self._location
        if location is not None and "://" in location:
            return None  # a server: its driver comes with the database layer
        path = sqlite_file_path(location or str(default_sqlite_path()))
        reader = QuickReader.open(path)
        if reader is None:
            return None
        account = reader.account(self._username)
        user = _checked(account, self._password) if account is not None else None
        if user is None:
            reader.close()
            return None
        self._reader, self._path, self.user = reader, str(path), user
        return user

    def first_page(self, query: IncidentQuery, limit: int) -> QuickStart | None:
        """The first *limit* rows of *query* for the person signed in, if read here."""
        if self._reader is None or self.user is None:
            return None
        page = self._reader.first_page(query, limit)
        return QuickStart(self.user, query, page, self._path) if page is not None else None

    def close(self) -> None:
        """Let go of the file."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None


def _checked(account: AccountRow, password: str) -> CurrentUser | None:
    if not account.active or account.locked:
        return None
    try:
        _VERIFIER.verify(account.password_hash, password)
    except (Argon2Error, InvalidHashError):
        return None
    # Imported after the check, which is the slow part and should start first.
    from qa_desktop.domain.roles import Permission, Role, may
    from qa_desktop.services.results import CurrentUser

    try:
        role = Role(account.role)
    except ValueError:
        return None
    if not may(role, Permission.VIEW_INCIDENTS):
        return None
    return CurrentUser(account.id, account.username, account.display_name, role)

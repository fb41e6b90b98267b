"""Opening the database and checking the password while Qt starts, on a worker thread.

Start-up time is mostly spent importing the database layer, checking the schema and
verifying the password hash (Argon2, deliberately slow). None of that needs Qt, so it runs
beside the creation of the application and its window; the result is picked up when the
session needs it. The outcome is exactly what opening and signing in would have given on
the GUI thread, failures included.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from qa_desktop.domain.errors import AuthenticationFailed

if TYPE_CHECKING:
    from qa_desktop.services.opening import OpenedDatabase
    from qa_desktop.services.results import CurrentUser

#: The variable that names the database (the command line reads the same one).
ENV_DB = "QA_DESKTOP_DB"
#: The password for ``--user`` (the command line's convention).
PASSWORD_ENV = "QA_DESKTOP_PASSWORD"  # noqa: S105 - the name of a variable, not a secret


def choose_location(explicit: str | None, recent: list[str]) -> str | None:
    """The database to open: *explicit*, else ``QA_DESKTOP_DB``, else the last one used.

    ``None`` means the embedded default file.
    """
    if explicit:
        return explicit
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    return recent[0] if recent else None


def _default_opener(location: str | None) -> OpenedDatabase:
    from qa_desktop.services.opening import open_services

    return open_services(location)


class EarlyStart:
    """Opens *location* and, given a user name and password, signs in, in the background."""

    def __init__(
        self,
        location: str | None,
        username: str = "",
        password: str | None = None,
        opener: Callable[[str | None], OpenedDatabase] = _default_opener,
    ) -> None:
        self.location = location
        self._username = username
        self._password = password
        self._opener = opener
        self._opened: OpenedDatabase | None = None
        self._failure: BaseException | None = None
        self._user: CurrentUser | None = None
        self._refusal: AuthenticationFailed | None = None
        self._thread = threading.Thread(target=self._run, name="qa-early-start", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._opened = self._opener(self.location)
            if self._username and self._password is not None:
                accounts = self._opened.services.accounts
                if not accounts.first_run_needed():
                    self._user = accounts.sign_in(self._username, self._password)
        except AuthenticationFailed as exc:
            self._refusal = exc
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self._failure = exc

    def opened(self) -> OpenedDatabase:
        """The opened database; raises what opening raised."""
        self._thread.join()
        if self._failure is not None:
            raise self._failure
        assert self._opened is not None
        return self._opened

    def sign_in_outcome(self) -> tuple[CurrentUser | None, AuthenticationFailed | None]:
        """The signed-in person, or why signing in was refused (both None if not tried)."""
        self._thread.join()
        return self._user, self._refusal

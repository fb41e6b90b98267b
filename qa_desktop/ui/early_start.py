"""Opening the database and checking the password while Qt starts, on a worker thread.

Start-up time is mostly spent importing the database layer, checking the schema and
verifying the password hash (Argon2, deliberately slow). None of that needs Qt, so it runs
beside the creation of the application and its window; the result is picked up when the
session needs it. The outcome is exactly what opening and signing in would have given on
the GUI thread, failures included.

Given the register's first query, the thread first tries a *quick start*
(:mod:`qa_desktop.services.quick_start`): the password checked and the first page read
with the standard library, in a fraction of the time the database layer takes to import.
It then waits until the window has painted those rows (:meth:`EarlyStart.proceed`), so
that its imports do not compete with the window's for the interpreter, and goes on to
open the database and sign in fully.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from qa_desktop.domain.errors import AuthenticationFailed

if TYPE_CHECKING:
    from qa_desktop.domain.register import IncidentQuery
    from qa_desktop.services.opening import OpenedDatabase
    from qa_desktop.services.quick_start import QuickStart, QuickStarter
    from qa_desktop.services.results import CurrentUser

log = logging.getLogger(__name__)
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


def begin_before_qt(args: list[str]) -> EarlyStart | None:
    """Start signing in at once when the command line says where and who, before Qt loads.

    Checking the password is the slowest step of a start (Argon2id, deliberately), and it
    needs neither Qt nor the user's settings when ``--db`` (or ``QA_DESKTOP_DB``) names the
    database and ``--user`` with ``QA_DESKTOP_PASSWORD`` names the person.
    """
    values: dict[str, str] = {}
    words = iter(args)
    for word in words:
        name, equals, value = word.partition("=")
        if name in ("--db", "--user"):
            values[name] = value if equals else next(words, "")
    location = values.get("--db") or os.environ.get(ENV_DB)
    username = values.get("--user", "")
    password = os.environ.get(PASSWORD_ENV)
    if not location or not username or password is None:
        return None
    return EarlyStart(location, username, password)


#: Longest the full opening waits for the window's first paint before going on anyway.
PROCEED_TIMEOUT_S = 2.0


def _default_opener(location: str | None) -> OpenedDatabase:
    from qa_desktop.services.opening import open_services

    return open_services(location)


class EarlyStart:
    """Opens *location* and, given a user name and password, signs in, in the background.

    Started before Qt is imported when the command line names the database; the GUI then
    asks for the register's first page (:meth:`request_first_page`) once it has read the
    user's settings.
    """

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
        self._first: tuple[IncidentQuery, int] | None = None
        self._first_asked = threading.Event()
        self._quick: QuickStart | None = None
        self._starter: QuickStarter | None = None
        #: Set once the account is read and the password check under way (or declined).
        self.verifying = threading.Event()
        self._quick_done = threading.Event()
        self._proceed = threading.Event()
        self._opened: OpenedDatabase | None = None
        self._failure: BaseException | None = None
        self._user: CurrentUser | None = None
        self._refusal: AuthenticationFailed | None = None
        self._thread = threading.Thread(target=self._run, name="qa-early-start", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._try_quick_start()
        if self._quick is not None:
            self._proceed.wait(PROCEED_TIMEOUT_S)
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

    def _try_quick_start(self) -> None:
        starter = None
        try:
            if self._username and self._password is not None:
                from qa_desktop.services.quick_start import QuickStarter

                starter = QuickStarter(self.location, self._username, self._password)
                if starter.read_account():
                    self._starter = starter
                    # The page is read beside the password check (which releases the
                    # interpreter) and handed out only if the password checks out.
                    reading = threading.Thread(
                        target=self._read_page_ahead, args=(starter,), name="qa-first-page"
                    )
                    reading.start()
                    self.verifying.set()
                    verified = starter.verify()
                    reading.join()
                    if verified and self._first is not None:
                        self._quick = starter.first_page(*self._first)
        except Exception:  # the full path decides, and reports, whatever went wrong here
            log.debug("quick start declined", exc_info=True)
            self._quick = None
        finally:
            if starter is not None:
                starter.close()
            self.verifying.set()
            self._quick_done.set()

    def quick_location(self) -> str:
        """The database file a quick start reads, as the window names it."""
        starter = self._starter
        return starter.path if starter is not None else ""

    def _read_page_ahead(self, starter: QuickStarter) -> None:
        self._first_asked.wait()
        if self._first is not None:
            try:
                starter.read_page(*self._first)
            except Exception:  # left to the full path, like every other quick-start fault
                log.debug("first page not read ahead", exc_info=True)

    def claimed_user(self) -> CurrentUser | None:
        """The person named on the command line, if a quick start is under way for them.

        Their password is still being checked: a window may be prepared for them, but
        nothing from the database is shown until :meth:`quick_start` confirms it.
        """
        self.verifying.wait()
        starter = self._starter
        return starter.claimed_user() if starter is not None else None

    def request_first_page(self, query: IncidentQuery, size: int) -> None:
        """Read the register's first *size* rows for *query* ahead, if signing in allows."""
        if not self._first_asked.is_set():
            self._first = (query, size)
            self._first_asked.set()

    def quick_start(self) -> QuickStart | None:
        """The password checked and the first page read ahead of the full opening, if done."""
        self._first_asked.set()
        self._quick_done.wait()
        return self._quick

    def proceed(self) -> None:
        """Go on to the full opening now (the window has painted, or needs the services)."""
        self._proceed.set()

    def opened(self) -> OpenedDatabase:
        """The opened database; raises what opening raised.

        Asked on the GUI thread, the opening goes on at once (someone is waiting for it);
        a worker thread asking waits until the window has painted, as planned.
        """
        self._first_asked.set()
        if threading.current_thread() is threading.main_thread():
            self._proceed.set()
        self._thread.join()
        if self._failure is not None:
            raise self._failure
        assert self._opened is not None
        return self._opened

    def sign_in_outcome(self) -> tuple[CurrentUser | None, AuthenticationFailed | None]:
        """The signed-in person, or why signing in was refused (both None if not tried)."""
        self._first_asked.set()
        self._proceed.set()
        self._thread.join()
        return self._user, self._refusal

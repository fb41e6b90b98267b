"""Accounts, sign-in and the permission check every service call goes through."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import (
    AuthenticationFailed,
    FieldError,
    PermissionDenied,
    ValidationFailed,
)
from qa_desktop.domain.roles import ROLE_LABELS, Permission, Role
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.models import AuditEntry, User
from qa_desktop.services.results import CurrentUser, UserView

#: Failed password entries (sign-in or signature) after which an account locks.
MAX_FAILED_ATTEMPTS = 5
MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")
# Argon2id with the RFC 9106 "second recommended" memory profile (64 MiB, 3 passes).
_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=2)


def use_fast_hashing_for_tests() -> None:
    """Cheaper Argon2id parameters, so a test suite can create hundreds of accounts.

    Called only by the test suite; the application always uses the parameters above.
    """
    global _HASHER  # noqa: PLW0603
    _HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def require(user: CurrentUser, permission: Permission) -> None:
    """Raise :class:`PermissionDenied` unless *user* may do *permission*."""
    if not user.may(permission):
        action = permission.value.replace("_", " ")
        raise PermissionDenied(f"{user.display_name} ({ROLE_LABELS[user.role]}) may not {action}.")


def hash_password(password: str) -> str:
    """An Argon2id hash of *password*."""
    return _HASHER.hash(password)


def _current(user: User) -> CurrentUser:
    return CurrentUser(user.id, user.username, user.display_name, Role(user.role))


def _validate_account(username: str, display_name: str, password: str) -> None:
    errors = []
    if not _USERNAME.match(username):
        errors.append(
            FieldError(
                "username",
                "format",
                "must be 2-64 characters: lower-case letters, digits, '.', '_' or '-', "
                "starting with a letter",
            )
        )
    if not display_name.strip() or len(display_name) > 200:
        errors.append(FieldError("display_name", "required", "must be 1-200 characters"))
    if len(password) < MIN_PASSWORD_LENGTH:
        errors.append(
            FieldError(
                "password", "too_short", f"must be at least {MIN_PASSWORD_LENGTH} characters"
            )
        )
    if errors:
        raise ValidationFailed(errors)


class AccountService:
    """Creates accounts, signs people in and locks accounts after repeated failures."""

    def __init__(self, database: Database, now: Callable[[], datetime] | None = None) -> None:
        self._db = database
        self._now = now or (lambda: datetime.now(UTC))

    def first_run_needed(self) -> bool:
        """True while the database has no account at all: the first administrator is due."""
        return self._db.read(lambda s: s.scalar(select(func.count()).select_from(User)) == 0)

    def create_first_administrator(
        self, username: str, display_name: str, password: str
    ) -> CurrentUser:
        """Create the first administrator of a new database (refused once any account exists)."""
        _validate_account(username, display_name, password)

        def work(session: Session) -> CurrentUser:
            if session.scalar(select(func.count()).select_from(User)):
                raise PermissionDenied("The database already has accounts; sign in instead.")
            user = self._insert(session, username, display_name, password, Role.ADMINISTRATOR)
            self._audit(session, username, user, "create_first_administrator")
            return _current(user)

        return self._db.write(work)

    def add_user(
        self,
        actor: CurrentUser,
        username: str,
        display_name: str,
        password: str,
        role: Role,
    ) -> UserView:
        """Create an account (administrators only)."""
        require(actor, Permission.MANAGE_USERS)
        _validate_account(username, display_name, password)

        def work(session: Session) -> UserView:
            if session.scalar(select(User.id).where(User.username == username)):
                raise ValidationFailed(
                    [FieldError("username", "unique", f"{username!r} is already taken")]
                )
            user = self._insert(session, username, display_name, password, role)
            self._audit(session, actor.username, user, "create_user")
            return self._view(user)

        return self._db.write(work)

    def list_users(self, actor: CurrentUser) -> list[UserView]:
        """Every account, by user name."""
        require(actor, Permission.MANAGE_USERS)
        return self._db.read(
            lambda s: [self._view(u) for u in s.scalars(select(User).order_by(User.username))]
        )

    def display_names(self, actor: CurrentUser) -> dict[str, str]:
        """Every account's display name by user name, so records can name people properly."""
        require(actor, Permission.VIEW_INCIDENTS)
        rows = self._db.read(lambda s: s.execute(select(User.username, User.display_name)).all())
        return dict(rows)

    def demo_accounts(self) -> list[UserView]:
        """Accounts a demo database shows on its sign-in screen (empty for real databases)."""
        from qa_desktop.persistence.models import Meta

        def work(session: Session) -> list[UserView]:
            if session.get(Meta, "demo") is None:
                return []
            return [self._view(u) for u in session.scalars(select(User).order_by(User.id))]

        return self._db.read(work)

    def sign_in(self, username: str, password: str) -> CurrentUser:
        """Check the password and return the person; five failures lock the account."""
        return self.verify_password(username, password, purpose="sign_in")

    def verify_password(self, username: str, password: str, *, purpose: str) -> CurrentUser:
        """Check *password* for *username*, counting failures towards the lock-out."""

        def work(session: Session) -> CurrentUser | str:
            user = session.scalar(select(User).where(User.username == username))
            if user is None or not user.active:
                return "Unknown user name or wrong password."
            if user.locked_at is not None:
                return (
                    f"The account {username!r} is locked after {MAX_FAILED_ATTEMPTS} failed "
                    "attempts; an administrator must unlock it."
                )
            try:
                _HASHER.verify(user.password_hash, password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                user.failed_attempts += 1
                self._audit(session, username, user, f"{purpose}_failed")
                if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                    user.locked_at = self._now()
                    self._audit(session, username, user, "account_locked")
                    return (
                        f"Wrong password. The account {username!r} is now locked after "
                        f"{MAX_FAILED_ATTEMPTS} failed attempts."
                    )
                return "Unknown user name or wrong password."
            if user.failed_attempts:
                user.failed_attempts = 0
            if _HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = _HASHER.hash(password)
            return _current(user)

        # Failures are committed too, so the lock-out counts even though sign-in fails.
        outcome = self._db.write(work)
        if isinstance(outcome, str):
            raise AuthenticationFailed(outcome)
        return outcome

    def unlock(self, actor: CurrentUser, username: str) -> None:
        """Unlock an account after failed attempts (administrators only)."""
        require(actor, Permission.MANAGE_USERS)

        def work(session: Session) -> None:
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                raise ValidationFailed(
                    [FieldError("username", "exists", f"no account {username!r}")]
                )
            user.locked_at = None
            user.failed_attempts = 0
            self._audit(session, actor.username, user, "account_unlocked")

        self._db.write(work)

    def _insert(
        self, session: Session, username: str, display_name: str, password: str, role: Role
    ) -> User:
        user = User(
            username=username,
            display_name=display_name.strip(),
            role=role.value,
            password_hash=hash_password(password),
            active=True,
            failed_attempts=0,
            created_at=self._now(),
        )
        session.add(user)
        session.flush()
        return user

    def _audit(self, session: Session, actor: str, user: User, action: str) -> None:
        session.add(
            AuditEntry(
                at=self._now(),
                actor=actor,
                entity="user",
                entity_id=user.id,
                action=action,
                field="",
                old_value=None,
                new_value=user.username,
                reason="",
            )
        )

    @staticmethod
    def _view(user: User) -> UserView:
        return UserView(
            username=user.username,
            display_name=user.display_name,
            role=Role(user.role),
            active=user.active,
            locked=user.locked_at is not None,
            created_at=user.created_at,
        )

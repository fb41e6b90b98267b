"""Errors a user can act on. Each says what is wrong in words a QA engineer understands."""

from __future__ import annotations

from dataclasses import dataclass


class QaError(Exception):
    """Base of every error the application reports to a user rather than as a bug."""


@dataclass(frozen=True, slots=True)
class FieldError:
    """One broken rule: the field, a stable rule code, and a readable message."""

    field: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message} [{self.rule}]"


class ValidationFailed(QaError):
    """A record breaks one or more field rules; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


class NotFound(QaError):
    """The record asked for does not exist."""


class PermissionDenied(QaError):
    """The signed-in person's role does not allow the action."""


class AuthenticationFailed(QaError):
    """Wrong user name or password, or a locked account."""


class ConflictError(QaError):
    """Someone else saved the record after it was read; the save was refused."""

    def __init__(self, message: str, *, reference: str = "", current_version: int = 0) -> None:
        self.reference = reference
        self.current_version = current_version
        super().__init__(message)


class DuplicateReference(QaError):
    """The reference is already used by another incident."""


class ReasonRequired(QaError):
    """A record past intake can only be changed with a stated reason."""


class StorageError(QaError):
    """The database could not complete the work (disk full, locked, read-only, unreachable).

    The unit of work was rolled back: nothing was half-written.
    """


class DatabaseRefused(QaError):
    """The file or server is not a QA Desktop database this version can open."""


class ImportRejected(QaError):
    """An import file was rejected as a whole; ``problems`` lists every bad row and why."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = list(problems)
        rows = {p.row for p in self.problems}
        super().__init__(
            f"import rejected: {len(self.problems)} problem(s) in {len(rows)} row(s); "
            "nothing was written"
        )

    def report(self) -> str:
        """The problems as text, one per line, for the user to fix the file."""
        return "\n".join(str(p) for p in self.problems)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One problem of an import file: the row (1-based, as a spreadsheet numbers it)."""

    row: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        return (
            f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class Cancelled(QaError):
    """The user cancelled long work (an import, an export); nothing was written."""


class DefinitionError(QaError):
    """A workflow or rule file is invalid; names the file, the line and the problem."""

    def __init__(self, file: str, line: int | None, problem: str) -> None:
        self.file = file
        self.line = line
        self.problem = problem
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {problem}")

"""Electronic signatures of QA division heads: confirming the signer, showing and verifying.

Signing needs the SIGN permission and the signer's password entered again
(:meth:`AccountService.verify_password` with ``purpose="signature"``): five wrong entries lock
the account, and every failure is in the audit trail. A signature shows the signer's name,
the date-time and the meaning wherever its record is shown, and carries a SHA-256 over the
signed record, so it cannot be moved to another record or outlive a change to its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import AuthenticationFailed, NotFound, PermissionDenied
from qa_desktop.domain.roles import Permission, may
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.flow_runner import SignatureRequired, Signer
from qa_desktop.persistence.response_models import Signature
from qa_desktop.persistence.response_records import incident_row
from qa_desktop.persistence.signature_store import signature_problem
from qa_desktop.services.accounts import AccountService, require
from qa_desktop.services.response_results import SignatureMeaning, SignatureView
from qa_desktop.services.results import CurrentUser

__all__ = [
    "SignatureRequired",
    "SignatureService",
    "Signer",
    "signature_view",
    "signatures_of",
]


def signature_view(session: Session, row: Signature) -> SignatureView:
    """*row* as shown beside its record, verified against the record as stored now."""
    problem = signature_problem(session, row)
    return SignatureView(
        id=row.id,
        signer=row.signer,
        signer_name=row.signer_name,
        signer_role=row.signer_role,
        meaning=SignatureMeaning(row.meaning),
        signed_at=row.signed_at,
        record_kind=row.record_kind,
        record_id=row.record_id,
        valid=not problem,
        problem=problem,
    )


def signatures_of(
    session: Session, kind: str, record_ids: Iterable[int]
) -> dict[int, tuple[SignatureView, ...]]:
    """The signatures on records of *kind*, by record id, oldest first."""
    ids = list(record_ids)
    if not ids:
        return {}
    rows = session.scalars(
        select(Signature)
        .where(Signature.record_kind == kind, Signature.record_id.in_(ids))
        .order_by(Signature.id)
    ).all()
    found: dict[int, list[SignatureView]] = {}
    for row in rows:
        found.setdefault(row.record_id, []).append(signature_view(session, row))
    return {key: tuple(views) for key, views in found.items()}


class SignatureService:
    """Confirms signers and lists and verifies signatures."""

    def __init__(
        self, database: Database, accounts: AccountService, now: Callable[[], datetime]
    ) -> None:
        self._db = database
        self._accounts = accounts
        self._now = now

    def confirm_signer(
        self, actor: CurrentUser, password: str, meaning: SignatureMeaning
    ) -> Signer:
        """Check that *actor* may sign and that *password* is theirs; the signer to record.

        A wrong password counts towards the account's lock-out like a failed sign-in.
        """
        require(actor, Permission.SIGN)
        if not isinstance(meaning, SignatureMeaning):
            raise SignatureRequired(
                "State the meaning of the signature: approved, rejected or reviewed."
            )
        if not password:
            raise SignatureRequired("Re-enter your password to sign.")
        verified = self._accounts.verify_password(actor.username, password, purpose="signature")
        if verified.id != actor.id:
            raise AuthenticationFailed("The password does not belong to the person signing.")
        # The role is read again: someone whose role changed since signing in may not sign.
        if not may(verified.role, Permission.SIGN):
            raise PermissionDenied(f"{verified.display_name} may no longer sign.")
        return Signer(verified.username, verified.display_name, verified.role, meaning.value)

    def for_incident(self, actor: CurrentUser, reference: str) -> tuple[SignatureView, ...]:
        """Every signature given on the incident's records, oldest first, each verified."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> tuple[SignatureView, ...]:
            incident = incident_row(session, reference)
            rows = session.scalars(
                select(Signature).where(Signature.incident_id == incident.id).order_by(Signature.id)
            ).all()
            return tuple(signature_view(session, row) for row in rows)

        return self._db.read(work)

    def verify(self, actor: CurrentUser, signature_id: int) -> SignatureView:
        """One signature, its hash recomputed from the signed record as stored now."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> SignatureView:
            row = session.get(Signature, signature_id)
            if row is None:
                raise NotFound(f"There is no signature {signature_id}.")
            return signature_view(session, row)

        return self._db.read(work)

"""Electronic signatures: password re-entry, meaning, lock-out, and binding to one record."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from qa_desktop.domain.errors import AuthenticationFailed, PermissionDenied
from qa_desktop.domain.incident import IncidentStatus
from qa_desktop.services.accounts import MAX_FAILED_ATTEMPTS
from qa_desktop.services.decisions import RecallDecisionInput
from qa_desktop.services.response import ResponseServices
from qa_desktop.services.response_results import SignatureMeaning
from qa_desktop.services.signatures import SignatureRequired
from tests.conftest import PASSWORD, make_draft


def _analysis_closed(_session, _incident_id):  # type: ignore[no-untyped-def]
    return True, True


@pytest.fixture
def response(services):  # type: ignore[no-untyped-def]
    return ResponseServices(services.database, services.now, cause_analysis=_analysis_closed)


def _ready_to_close(services, people, response) -> str:  # type: ignore[no-untyped-def]
    """A low-severity incident (no clocks) at the countermeasures step."""
    engineer, head = people["engineer"], people["head"]
    reference = services.incidents.create(engineer, make_draft(markets=("JP",))).reference
    response.flow.take(engineer, reference, "submit_for_classification")
    proposal = response.classification.propose(engineer, reference)
    response.classification.confirm(engineer, reference, proposal.incident_version)
    for action in ("confirm_classification", "record_immediate_action", "start_investigation"):
        response.flow.take(engineer, reference, action)
    response.flow.take(head, reference, "approve_root_causes")
    return reference


def _proposed_recall(services, people, response) -> int:  # type: ignore[no-untyped-def]
    engineer = people["engineer"]
    draft = make_draft(markets=("JP",), fire=True, fire_service_confirmed=True)
    reference = services.incidents.create(engineer, draft).reference
    response.flow.take(engineer, reference, "submit_for_classification")
    proposal = response.classification.propose(engineer, reference)
    response.classification.confirm(engineer, reference, proposal.incident_version)
    for action in ("confirm_classification", "record_immediate_action", "start_serious_response"):
        response.flow.take(engineer, reference, action)
    decision = RecallDecisionInput(False, reason="Single unit; cord cut by a pet")
    return int(response.decisions.propose_recall(engineer, reference, decision).id)


def test_closing_needs_the_heads_password_and_shows_name_time_and_meaning(
    services, people, response
):
    head = people["head"]
    reference = _ready_to_close(services, people, response)
    with pytest.raises(SignatureRequired, match="re-enter your password"):
        response.flow.take(head, reference, "close")
    with pytest.raises(AuthenticationFailed):
        response.flow.take(head, reference, "close", password="not my password")
    with pytest.raises(PermissionDenied, match="Only a QA division head"):
        response.flow.take(people["engineer"], reference, "close", password=PASSWORD)
    assert response.flow.view(head, reference).step == "countermeasures"

    view = response.flow.take(head, reference, "close", password=PASSWORD)

    assert view.step == "closed"
    assert services.incidents.get(head, reference).draft.status is IncidentStatus.CLOSED
    signature = view.history[-1].signature
    assert signature is not None
    assert (signature.signer_name, signature.meaning, signature.valid) == (
        "Hiro Head",
        SignatureMeaning.APPROVED,
        True,
    )
    assert signature.manifestation.startswith("Hiro Head (head), ")
    assert signature.manifestation.endswith(" UTC: approved")
    assert response.signatures.for_incident(people["manager"], reference) == (signature,)


def test_repeated_wrong_signature_passwords_lock_the_account_and_are_logged(
    services, people, response
):
    decision_id = _proposed_recall(services, people, response)
    head = people["head"]
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationFailed, match="wrong password"):
            response.decisions.approve(head, decision_id, "guess")
    with pytest.raises(AuthenticationFailed, match="now locked"):
        response.decisions.approve(head, decision_id, "guess")
    with pytest.raises(AuthenticationFailed, match="locked"):
        response.decisions.approve(head, decision_id, PASSWORD)
    with pytest.raises(AuthenticationFailed, match="locked"):
        services.accounts.sign_in("head", PASSWORD)
    with services.database.engine.connect() as c:
        logged = c.execute(
            text(
                "SELECT action FROM audit_entries WHERE entity = 'user' AND new_value = 'head' "
                "AND action IN ('signature_failed', 'account_locked') ORDER BY id"
            )
        ).scalars()
        assert list(logged) == ["signature_failed"] * MAX_FAILED_ATTEMPTS + ["account_locked"]
    assert response.decisions.get(head, decision_id).signatures == ()


def test_a_qa_engineer_cannot_sign(services, people, response):
    decision_id = _proposed_recall(services, people, response)
    with pytest.raises(PermissionDenied, match="may not sign"):
        response.decisions.approve(people["engineer"], decision_id, PASSWORD)


def _disable_guard(services, table: str) -> None:  # type: ignore[no-untyped-def]
    # Tampering below the application: someone with direct database access removes the guard.
    with services.database.engine.begin() as c:
        if services.database.backend == "sqlite":
            c.execute(text(f"DROP TRIGGER {table}_no_update"))
        else:
            c.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only"))


def test_a_signature_moved_to_another_record_no_longer_verifies(services, people, response):
    head = people["head"]
    first = _proposed_recall(services, people, response)
    second = _proposed_recall(services, people, response)
    signed = response.decisions.approve(head, first, PASSWORD).signatures[0]
    assert response.signatures.verify(head, signed.id).valid

    _disable_guard(services, "signatures")
    with services.database.engine.begin() as c:
        c.execute(
            text("UPDATE signatures SET record_id = :other WHERE id = :id"),
            {"other": second, "id": signed.id},
        )

    moved = response.signatures.verify(head, signed.id)
    assert not moved.valid
    assert "does not match" in moved.problem
    assert not response.decisions.get(head, second).signatures[0].valid


def test_a_signed_record_changed_afterwards_no_longer_verifies(services, people, response):
    head = people["head"]
    decision_id = _proposed_recall(services, people, response)
    signed = response.decisions.approve(head, decision_id, PASSWORD).signatures[0]

    _disable_guard(services, "response_decisions")
    with services.database.engine.begin() as c:
        c.execute(text("UPDATE response_decisions SET reason = 'Nothing to see'"))

    assert not response.signatures.verify(head, signed.id).valid


def test_signatures_are_evidence_the_database_will_not_change(services, people, response):
    response.decisions.approve(
        people["head"], _proposed_recall(services, people, response), PASSWORD
    )
    for statement in ("UPDATE signatures SET meaning = 'rejected'", "DELETE FROM signatures"):
        with pytest.raises(Exception, match="append-only"), services.database.engine.begin() as c:
            c.execute(text(statement))

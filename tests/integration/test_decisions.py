"""Recall and "not reportable" decisions: proposals, the head's answers, signed approvals."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from qa_desktop.domain.errors import ConflictError, PermissionDenied, ValidationFailed
from qa_desktop.services.classification import ClassificationInput, RMapInput
from qa_desktop.services.decisions import (
    DecisionState,
    NoticeChannel,
    RecallDecisionInput,
    Remedy,
)
from qa_desktop.services.reporting_clocks import FilingInput
from qa_desktop.services.response import ResponseServices
from qa_desktop.services.response_results import SignatureMeaning
from qa_desktop.workflow.flow_engine import StepRefused
from tests.conftest import PASSWORD, make_draft

FIRE = {"fire": True, "fire_service_confirmed": True}
RECALL = RecallDecisionInput(
    recall=True,
    reason="発火のおそれ: cord insulation <b>&amp;</b> plug",
    models=("OH-12B", "OH-12C"),
    serials_or_lots="S-1000 to S-1999\nLot 2026-07",
    units=1_200,
    remedies=(Remedy.REPAIR, Remedy.REPLACEMENT),
    channels=(NoticeChannel.NEWSPAPERS, NoticeChannel.WEBSITE),
    channel_details="読売新聞 2026-09-10",
)


@pytest.fixture
def response(services):  # type: ignore[no-untyped-def]
    return ResponseServices(services.database, services.now)


def _incident(services, people, response, *, to: str, **changes) -> str:  # type: ignore[no-untyped-def]
    """An incident classified with R-Map data and walked to step *to*."""
    engineer = people["engineer"]
    draft = make_draft(markets=("JP", "US"), **FIRE, **changes)
    reference = services.incidents.create(engineer, draft).reference
    response.flow.take(engineer, reference, "submit_for_classification")
    inputs = ClassificationInput(rmap=RMapInput(incidents=3, years_in_use="2"))
    proposal = response.classification.propose(engineer, reference, inputs)
    response.classification.confirm(engineer, reference, proposal.incident_version, inputs)
    steps = ["confirm_classification", "record_immediate_action", "start_serious_response"]
    for action in steps[: {"classification": 0, "containment": 1, "serious_response": 3}[to]]:
        response.flow.take(engineer, reference, action)
    return reference


def _tasks(response, people, reference) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    return {t.id: t.done for t in response.flow.view(people["head"], reference).tasks}


def test_a_signed_recall_decision_completes_its_task_with_the_risk_results_beside_it(
    services, people, response
):
    reference = _incident(services, people, response, to="serious_response")
    proposed = response.decisions.propose_recall(people["engineer"], reference, RECALL)
    assert proposed.state is DecisionState.AWAITING_REVIEW
    assert proposed.content.rmap is not None
    assert proposed.content.rmap.region == "A"
    assert proposed.content.recall == RECALL

    approved = response.decisions.approve(people["head"], proposed.id, PASSWORD)

    assert approved.state is DecisionState.APPROVED
    (signature,) = approved.signatures
    assert (signature.signer_name, signature.meaning, signature.valid) == (
        "Hiro Head",
        SignatureMeaning.APPROVED,
        True,
    )
    assert _tasks(response, people, reference)["recall_decision"]
    last = response.flow.view(people["head"], reference).history[-1]
    assert (last.action_id, last.decision_id) == ("decide_recall", proposed.id)
    assert last.signature == signature


def test_a_returned_proposal_cannot_be_approved_and_its_revision_supersedes_it(
    services, people, response
):
    engineer, head = people["engineer"], people["head"]
    reference = _incident(services, people, response, to="serious_response")
    first = response.decisions.propose_recall(engineer, reference, RECALL)
    returned = response.decisions.return_with_comments(head, first.id, "Add lot 2026-08 too")
    assert returned.state is DecisionState.RETURNED
    assert returned.reviews[-1].comment == "Add lot 2026-08 too"
    assert returned.signatures == ()
    with pytest.raises(ConflictError, match="returned"):
        response.decisions.approve(head, first.id, PASSWORD)

    revised = replace(RECALL, serials_or_lots=RECALL.serials_or_lots + "\nLot 2026-08")
    second = response.decisions.propose_recall(engineer, reference, revised)
    states = [d.state for d in response.decisions.decisions(head, reference)]
    assert states == [DecisionState.SUPERSEDED, DecisionState.AWAITING_REVIEW]
    approved = response.decisions.approve(head, second.id, PASSWORD)
    assert approved.content.recall is not None
    assert approved.content.recall.serials_or_lots.endswith("Lot 2026-07\nLot 2026-08")
    assert [d.state for d in response.decisions.decisions(head, reference)] == [
        DecisionState.SUPERSEDED,
        DecisionState.APPROVED,
    ]


def test_asking_for_more_information_and_rejecting_are_recorded(services, people, response):
    engineer, head = people["engineer"], people["head"]
    reference = _incident(services, people, response, to="serious_response")
    first = response.decisions.propose_recall(engineer, reference, RECALL)
    asked = response.decisions.ask_for_information(head, first.id, "How many units in Canada?")
    assert asked.state is DecisionState.MORE_INFORMATION

    second = response.decisions.propose_recall(engineer, reference, RECALL)
    with pytest.raises(ValidationFailed, match="comment"):
        response.decisions.reject(head, second.id, PASSWORD, " ")
    rejected = response.decisions.reject(head, second.id, PASSWORD, "Scope too narrow")
    assert rejected.state is DecisionState.REJECTED
    assert rejected.signatures[0].meaning is SignatureMeaning.REJECTED
    assert not _tasks(response, people, reference)["recall_decision"]


def test_a_decision_against_recall_needs_a_reason_and_a_recall_its_scope(
    services, people, response
):
    reference = _incident(services, people, response, to="serious_response")
    with pytest.raises(ValidationFailed) as caught:
        response.decisions.propose_recall(people["engineer"], reference, RecallDecisionInput(True))
    assert {e.field for e in caught.value.errors} == {"models", "units", "remedies", "channels"}
    with pytest.raises(ValidationFailed, match="reason"):
        response.decisions.propose_recall(people["engineer"], reference, RecallDecisionInput(False))


def test_not_reportable_stops_every_clock_and_completes_the_regulator_reports_task(
    services, people, response
):
    reference = _incident(services, people, response, to="serious_response")
    reason = "明らかに製品欠陥ではない: arson confirmed by the police"
    proposed = response.decisions.propose_not_reportable(people["engineer"], reference, reason)
    assert len(proposed.content.clock_ids) == 2
    assert response.clocks.summary(people["head"]).running == 2

    response.decisions.approve(people["head"], proposed.id, PASSWORD)

    clocks = response.clocks.incident_clocks(people["head"], reference).clocks
    assert {(c.state, c.stop_kind, c.decision_id) for c in clocks} == {
        ("stopped", "not_reportable", proposed.id)
    }
    assert {c.stop_reason for c in clocks} == {reason}
    assert _tasks(response, people, reference)["regulator_reports"]
    assert response.clocks.summary(people["head"]).running == 0


def test_not_reportable_before_the_serious_response_stops_the_clocks_only(
    services, people, response
):
    engineer, head = people["engineer"], people["head"]
    reference = _incident(services, people, response, to="classification")
    proposed = response.decisions.propose_not_reportable(engineer, reference, "Not our product")
    approved = response.decisions.approve(head, proposed.id, PASSWORD)

    assert approved.reviews[-1].action_id is None
    assert response.flow.view(head, reference).step == "classification"
    assert response.clocks.summary(head).running == 0


def test_an_approval_the_flow_refuses_records_nothing(services, people, response):
    engineer, head = people["engineer"], people["head"]
    reference = _incident(services, people, response, to="containment")
    proposed = response.decisions.propose_recall(engineer, reference, RECALL)
    with pytest.raises(StepRefused, match="Containment"):
        response.decisions.approve(head, proposed.id, PASSWORD)
    after = response.decisions.get(head, proposed.id)
    assert (after.state, after.signatures, after.reviews) == (
        DecisionState.AWAITING_REVIEW,
        (),
        (),
    )


def test_a_clock_filed_after_the_proposal_refuses_the_approval(services, people, response):
    engineer, head = people["engineer"], people["head"]
    reference = _incident(services, people, response, to="serious_response")
    proposed = response.decisions.propose_not_reportable(engineer, reference, "No defect")
    clock_id = proposed.content.clock_ids[0]
    filed_at = datetime.now(UTC) - timedelta(minutes=1)
    response.clocks.record_filing(
        engineer, clock_id, FilingInput(filed_at, "REF-1", "report.pdf", b"report")
    )
    with pytest.raises(ConflictError, match="not running any more"):
        response.decisions.approve(head, proposed.id, PASSWORD)
    assert response.clocks.summary(head).running == 1


def test_only_a_qa_head_answers_a_decision(services, people, response):
    reference = _incident(services, people, response, to="serious_response")
    proposed = response.decisions.propose_recall(people["engineer"], reference, RECALL)
    with pytest.raises(PermissionDenied):
        response.decisions.approve(people["engineer"], proposed.id, PASSWORD)
    with pytest.raises(PermissionDenied):
        response.decisions.return_with_comments(people["manager"], proposed.id, "No")
    with pytest.raises(PermissionDenied):
        response.decisions.propose_recall(people["manager"], reference, RECALL)

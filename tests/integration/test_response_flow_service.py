"""The response flow through the services: order, roles, status, disclosure, the heads' inbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from qa_desktop.domain.errors import PermissionDenied, ValidationFailed
from qa_desktop.domain.incident import IncidentStatus, Severity
from qa_desktop.services.decisions import RecallDecisionInput
from qa_desktop.services.response import ResponseServices
from qa_desktop.services.response_results import ReviewOutcome
from qa_desktop.workflow.flow_engine import StepRefused
from tests.conftest import make_draft

FIRE = {"fire": True, "fire_service_confirmed": True}


class Clock:
    """The response services' "now", which a test can move forward."""

    def __init__(self) -> None:
        self.at = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def response(services, clock):  # type: ignore[no-untyped-def]
    return ResponseServices(services.database, clock)


def _classify(response, people, reference) -> None:  # type: ignore[no-untyped-def]
    engineer = people["engineer"]
    proposal = response.classification.propose(engineer, reference)
    response.classification.confirm(engineer, reference, proposal.incident_version)


def _serious_response(services, people, response, **changes) -> str:  # type: ignore[no-untyped-def]
    engineer = people["engineer"]
    draft = make_draft(markets=("JP",), **FIRE, **changes)
    reference = services.incidents.create(engineer, draft).reference
    response.flow.take(engineer, reference, "submit_for_classification")
    _classify(response, people, reference)
    for action in ("confirm_classification", "record_immediate_action", "start_serious_response"):
        response.flow.take(engineer, reference, action)
    return reference


def test_each_step_keeps_the_incident_status_in_step_with_an_audit_entry(
    services, people, response
):
    engineer = people["engineer"]
    reference = services.incidents.create(engineer, make_draft()).reference
    view = response.flow.take(engineer, reference, "submit_for_classification")

    assert (view.step, view.status) == ("classification", "classification")
    record = services.incidents.get(engineer, reference)
    assert record.draft.status is IncidentStatus.CLASSIFICATION
    last = services.incidents.history(engineer, reference)[-1]
    assert (last.field, last.old_value, last.new_value, last.reason) == (
        "status",
        "intake",
        "classification",
        "Submit for classification",
    )
    assert [h.action_id for h in view.history] == ["submit_for_classification"]


def test_a_step_out_of_order_or_by_the_wrong_role_is_refused_and_changes_nothing(
    services, people, response
):
    engineer = people["engineer"]
    reference = services.incidents.create(engineer, make_draft(**FIRE)).reference
    response.flow.take(engineer, reference, "submit_for_classification")

    with pytest.raises(StepRefused, match="the classification is not confirmed"):
        response.flow.take(engineer, reference, "confirm_classification")
    with pytest.raises(PermissionDenied, match="Only a QA engineer or a QA division head"):
        response.flow.take(people["manager"], reference, "ask_for_information", "why")
    with pytest.raises(StepRefused, match='at "Classification"'):
        response.flow.take(engineer, reference, "start_serious_response")
    view = response.flow.view(engineer, reference)
    assert view.step == "classification"
    assert len(view.history) == 1
    refused = {action.id: why for action, why in view.refused}
    assert "the classification is not confirmed" in refused["confirm_classification"]

    _classify(response, people, reference)
    view = response.flow.take(engineer, reference, "confirm_classification")
    assert view.step == "containment"


def test_a_serious_incident_reaches_the_head_office_with_its_four_tasks_open(
    services, people, response
):
    reference = _serious_response(services, people, response)
    view = response.flow.view(people["head"], reference)

    assert (view.step, view.status) == ("serious_response", "reporting")
    assert view.responsible_tier == "Head-office QA division"
    assert [(t.title, t.done) for t in view.tasks] == [
        ("Regulator reports", False),
        ("Website disclosure", False),
        ("Status report to top management", False),
        ("Recall decision", False),
    ]
    assert services.incidents.get(people["head"], reference).draft.severity is Severity.SERIOUS


def test_recording_the_website_disclosure_completes_its_task(services, people, response, clock):
    engineer = people["engineer"]
    reference = _serious_response(services, people, response)
    with pytest.raises(ValidationFailed, match="address"):
        response.flow.record_website_disclosure(engineer, reference, "javascript:x", clock.at)

    view = response.flow.record_website_disclosure(
        engineer, reference, "https://example.com/お知らせ/2026-09", clock.at - timedelta(hours=1)
    )

    done = {t.id: t.done for t in view.tasks}
    assert done["website_disclosure"]
    assert view.history[-1].comment == "https://example.com/お知らせ/2026-09"


def test_the_status_report_task_is_overdue_after_its_24_hours(services, people, response, clock):
    reference = _serious_response(services, people, response)
    clock.at += timedelta(hours=25)
    view = response.flow.view(people["head"], reference)
    overdue = {t.id for t in view.tasks if t.overdue}
    assert overdue == {"top_management_report"}


def test_the_inbox_lists_decisions_to_sign_and_escalations_most_urgent_clock_first(
    services, people, response, clock
):
    engineer, head = people["engineer"], people["head"]
    quiet = services.incidents.create(engineer, make_draft(title="Knob loose")).reference
    urgent = _serious_response(
        services, people, response, first_known_at=clock.at - timedelta(days=20), occurred_at=None
    )
    decision = response.decisions.propose_recall(
        engineer, urgent, RecallDecisionInput(False, reason="Single unit, misuse ruled out")
    )
    clock.at += timedelta(days=2)  # intake is escalated after a day

    items = response.inbox.items(head)

    assert [item.reference for item in items] == [urgent, quiet]
    first = items[0]
    assert first.decision is not None
    assert first.decision.id == decision.id
    assert first.why == "Sign a recall decision"
    assert first.classification is not None
    assert first.classification.severity is Severity.SERIOUS
    assert first.urgent_clock is not None
    assert first.urgent_clock.status is not None
    assert first.urgent_clock.status.value == "overdue"
    assert first.draft.harm.fire_service_confirmed
    assert "decide_no_recall" in {a.id for a in first.actions}
    assert items[1].why.startswith("Escalated to Head-office QA division: at Intake since")
    with pytest.raises(PermissionDenied):
        response.inbox.items(engineer)


def test_a_head_answers_an_escalation_and_the_answer_is_recorded(services, people, response, clock):
    engineer, head = people["engineer"], people["head"]
    reference = services.incidents.create(engineer, make_draft()).reference
    response.flow.take(engineer, reference, "submit_for_classification")
    clock.at += timedelta(days=3)
    with pytest.raises(ValidationFailed, match="comment"):
        response.flow.respond(head, reference, ReviewOutcome.MORE_INFORMATION)

    view = response.flow.respond(
        head,
        reference,
        ReviewOutcome.MORE_INFORMATION,
        "写真をください <photos>",
        action_id="ask_for_information",
    )

    assert view.step == "intake"
    assert view.history[-1].comment == "写真をください <photos>"
    with services.database.engine.connect() as c:
        reviews = c.execute(text("SELECT outcome, comment, action_id FROM response_reviews")).all()
    assert [tuple(r) for r in reviews] == [
        ("more_information", "写真をください <photos>", "ask_for_information")
    ]


def test_an_incident_logged_before_the_flow_was_used_starts_at_its_status(
    services, people, response
):
    engineer = people["engineer"]
    reference = services.incidents.create(
        engineer, make_draft(status=IncidentStatus.INVESTIGATION)
    ).reference
    view = response.flow.view(engineer, reference)
    assert view.step == "investigation"
    assert "reopen_classification" in {a.id for a in view.available}


def test_the_flow_history_is_evidence_the_database_will_not_change(services, people, response):
    engineer = people["engineer"]
    reference = services.incidents.create(engineer, make_draft()).reference
    response.flow.take(engineer, reference, "submit_for_classification")
    for statement in ("UPDATE flow_records SET actor = 'someone'", "DELETE FROM flow_records"):
        with pytest.raises(Exception, match="append-only"), services.database.engine.begin() as c:
            c.execute(text(statement))


@pytest.mark.parametrize(
    "action", ["record_website_disclosure", "decide_recall", "send_top_management_report"]
)
def test_a_step_with_a_record_of_its_own_cannot_be_taken_bare(services, people, action) -> None:  # type: ignore[no-untyped-def]
    from qa_desktop.workflow.flow_engine import StepRefused

    record = services.incidents.create(people["engineer"], make_draft())
    with pytest.raises(StepRefused, match="taken with its record"):
        services.response.flow.take(people["head"], record.reference, action)

"""The response flow engine on the shipped flow: the walks a QA team actually makes."""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from qa_desktop.domain.errors import PermissionDenied
from qa_desktop.domain.incident import IncidentStatus, Severity
from qa_desktop.domain.roles import Role
from qa_desktop.workflow.flow import Flow, IncidentFacts
from qa_desktop.workflow.flow_engine import (
    FlowRecord,
    FlowState,
    StepRefused,
    apply,
    available_actions,
    initial_state,
    overdue_tasks,
    replay,
    responsible_tier,
)
from qa_desktop.workflow.flow_loader import load_shipped_flow

T0 = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)
ENGINEER, HEAD, MANAGER = Role.QA_ENGINEER, Role.QA_HEAD, Role.MANAGER
SERIOUS = IncidentFacts(severity=Severity.SERIOUS, classification_confirmed=True)
LOW = IncidentFacts(severity=Severity.LOW, classification_confirmed=True)
DONE = {
    "all_clocks_stopped": True,
    "disclosure_published": True,
    "analysis_closed": True,
    "countermeasures_verified": True,
}


@pytest.fixture(scope="module")
def flow() -> Flow:
    return load_shipped_flow()


class Walk:
    """An incident going through the flow, keeping its history as the services would."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.state = initial_state(flow, T0)
        self.now = T0
        self.history: list[FlowRecord] = []

    def do(
        self, action_id: str, role: Role, facts: IncidentFacts, comment: str = ""
    ) -> IncidentStatus:
        self.now += timedelta(hours=1)
        transition = apply(
            self.flow, self.state, action_id, role, facts, self.now, comment=comment, actor="sato"
        )
        self.state = transition.state
        self.history.append(transition.record)
        return transition.status

    def offered(self, role: Role, facts: IncidentFacts) -> list[str]:
        return [a.id for a in available_actions(self.flow, self.state, role, facts)]


def _to_containment(walk: Walk, facts: IncidentFacts) -> None:
    walk.do("submit_for_classification", ENGINEER, facts)
    walk.do("confirm_classification", ENGINEER, facts)
    walk.do("record_immediate_action", ENGINEER, facts)


def test_a_serious_incident_closes_only_after_every_serious_task_and_signature(
    flow: Flow,
) -> None:
    walk = Walk(flow)
    _to_containment(walk, SERIOUS)
    assert "start_investigation" not in walk.offered(ENGINEER, SERIOUS)
    assert walk.do("start_serious_response", ENGINEER, SERIOUS) is IncidentStatus.REPORTING
    facts = replace(SERIOUS, **DONE)
    walk.do("record_regulator_reports", ENGINEER, facts)
    walk.do("record_website_disclosure", ENGINEER, facts)
    walk.do("send_top_management_report", HEAD, facts)
    with pytest.raises(StepRefused, match="recall decision not signed"):
        walk.do("investigate_serious_incident", ENGINEER, facts)
    walk.do("decide_recall", HEAD, facts)
    assert walk.do("investigate_serious_incident", ENGINEER, facts) is IncidentStatus.INVESTIGATION
    walk.do("approve_root_causes", HEAD, facts)
    assert walk.do("close", HEAD, facts) is IncidentStatus.CLOSED
    assert walk.state.step == "closed"
    signed = {r.action_id: r.signed_by for r in walk.history if r.signed_by}
    assert signed == {"decide_recall": HEAD, "close": HEAD}


def test_a_serious_incident_cannot_start_investigation_with_tasks_open(flow: Flow) -> None:
    walk = Walk(flow)
    _to_containment(walk, SERIOUS)
    walk.do("start_serious_response", ENGINEER, SERIOUS)
    with pytest.raises(StepRefused) as refused:
        walk.do("investigate_serious_incident", ENGINEER, replace(SERIOUS, **DONE))
    assert refused.value.reasons == (
        "regulator reports not done",
        "website disclosure not done",
        "status report to top management not done",
        "recall decision not signed",
    )


def test_a_non_serious_incident_skips_the_serious_response(flow: Flow) -> None:
    walk = Walk(flow)
    _to_containment(walk, LOW)
    assert "start_serious_response" not in walk.offered(HEAD, LOW)
    walk.do("start_investigation", ENGINEER, LOW)
    facts = replace(LOW, **DONE)
    walk.do("approve_root_causes", HEAD, facts)
    walk.do("close", HEAD, facts)
    assert [r.to_step for r in walk.history if r.task is None] == [
        "classification",
        "containment",
        "investigation",
        "countermeasures",
        "closed",
    ]


def test_an_incident_found_serious_late_cannot_close_without_the_serious_response(
    flow: Flow,
) -> None:
    walk = Walk(flow)
    _to_containment(walk, LOW)
    walk.do("start_investigation", ENGINEER, LOW)
    walk.do("approve_root_causes", HEAD, replace(LOW, **DONE))
    late = replace(SERIOUS, **DONE)
    with pytest.raises(StepRefused) as refused:
        walk.do("close", HEAD, late)
    assert str(refused.value) == (
        'Cannot close the incident: severity is "serious" and serious incident response not '
        "complete (regulator reports not done, website disclosure not done, status report to "
        "top management not done, recall decision not signed)."
    )
    walk.do("return_to_investigation", HEAD, late, comment="Reclassify: a fire was confirmed.")
    walk.do("reopen_classification", HEAD, late, comment="Now serious.")
    assert walk.state.step == "classification"
    assert walk.state.done_tasks == {"immediate_action"}


def test_the_wrong_role_is_told_who_may_act(flow: Flow) -> None:
    walk = Walk(flow)
    with pytest.raises(PermissionDenied) as denied:
        walk.do("submit_for_classification", MANAGER, LOW)
    assert str(denied.value) == (
        "A manager cannot submit for classification. Only a QA engineer or a QA division head "
        "may submit for classification."
    )
    assert walk.state == initial_state(flow, T0)
    assert walk.history == []


def test_only_a_qa_head_signs_the_recall_decision(flow: Flow) -> None:
    walk = Walk(flow)
    _to_containment(walk, SERIOUS)
    walk.do("start_serious_response", ENGINEER, SERIOUS)
    with pytest.raises(PermissionDenied, match="Only a QA division head may decide on a recall"):
        walk.do("decide_recall", ENGINEER, SERIOUS)
    assert "decide_recall" not in walk.offered(ENGINEER, SERIOUS)
    assert "decide_recall" in walk.offered(HEAD, SERIOUS)


def test_an_action_out_of_order_is_refused(flow: Flow) -> None:
    walk = Walk(flow)
    with pytest.raises(StepRefused) as refused:
        walk.do("close", HEAD, replace(LOW, **DONE))
    assert str(refused.value) == (
        'Cannot close the incident: the incident is at "Intake", and this is done at '
        '"Countermeasures".'
    )
    assert walk.state.step == "intake"


def test_a_failing_guard_is_named(flow: Flow) -> None:
    walk = Walk(flow)
    walk.do("submit_for_classification", ENGINEER, LOW)
    with pytest.raises(StepRefused, match="the classification is not confirmed"):
        walk.do("confirm_classification", ENGINEER, replace(LOW, classification_confirmed=False))
    with pytest.raises(StepRefused, match='severity is "unclassified"'):
        walk.do("confirm_classification", ENGINEER, replace(LOW, severity=Severity.UNCLASSIFIED))


def test_a_task_cannot_be_done_twice(flow: Flow) -> None:
    walk = Walk(flow)
    _to_containment(walk, LOW)
    with pytest.raises(StepRefused, match="immediate action done already"):
        walk.do("record_immediate_action", ENGINEER, LOW)


def test_a_return_needs_a_comment_and_keeps_it_exactly(flow: Flow) -> None:
    walk = Walk(flow)
    walk.do("submit_for_classification", ENGINEER, LOW)
    with pytest.raises(StepRefused, match="a comment is required"):
        walk.do("ask_for_information", HEAD, LOW, comment="  \n ")
    comment = "型番と製造ロットを追記してください <b>&amp;</b> 🔥"
    assert walk.do("ask_for_information", HEAD, LOW, comment=comment) is IncidentStatus.INTAKE
    record = walk.history[-1]
    assert (record.comment, record.from_step, record.to_step) == (
        comment,
        "classification",
        "intake",
    )


def test_the_record_says_who_did_what_when_from_where_to_where(flow: Flow) -> None:
    walk = Walk(flow)
    walk.do("submit_for_classification", ENGINEER, LOW)
    record = walk.history[0]
    assert (record.actor, record.actor_role, record.action_id) == (
        "sato",
        ENGINEER,
        "submit_for_classification",
    )
    assert (record.from_step, record.to_step, record.at) == (
        "intake",
        "classification",
        T0 + timedelta(hours=1),
    )
    assert record.signed_by is None
    assert record.facts == LOW


def test_the_history_replays_to_the_current_state(flow: Flow) -> None:
    walk = Walk(flow)
    _to_containment(walk, SERIOUS)
    walk.do("start_serious_response", ENGINEER, SERIOUS)
    walk.do("decide_recall", HEAD, SERIOUS)
    walk.do("return_for_reclassification", HEAD, SERIOUS, comment="Check the fire report.")
    assert replay(flow, walk.history, T0) == walk.state
    assert walk.state.recorded == {"recall_decision_signed"}


def test_managers_and_administrators_take_no_flow_actions(flow: Flow) -> None:
    everything = replace(SERIOUS, **DONE)
    for step in flow.steps:
        state = FlowState(step.id, T0)
        for role in (MANAGER, Role.ADMINISTRATOR):
            assert available_actions(flow, state, role, everything) == []


def test_the_top_management_report_is_overdue_after_24_hours(flow: Flow) -> None:
    state = FlowState("serious_response", T0)
    assert overdue_tasks(flow, state, T0 + timedelta(hours=24)) == []
    late = overdue_tasks(flow, state, T0 + timedelta(hours=24, minutes=1))
    assert [t.id for t in late] == ["top_management_report"]
    done = replace(state, done_tasks=frozenset({"top_management_report"}))
    assert overdue_tasks(flow, done, T0 + timedelta(days=3)) == []


def test_an_incident_left_at_intake_escalates_to_head_office_qa(flow: Flow) -> None:
    state = initial_state(flow, T0)
    assert responsible_tier(flow, state, T0 + timedelta(hours=23)).id == "business_unit_qa"
    assert responsible_tier(flow, state, T0 + timedelta(days=1)).id == "head_office_qa"
    serious = FlowState("serious_response", T0)
    assert responsible_tier(flow, serious, T0).title == "Head-office QA division"


def test_a_time_without_zone_and_an_unknown_action_are_refused(flow: Flow) -> None:
    state = initial_state(flow, T0)
    with pytest.raises(ValueError, match="time zone"):
        apply(flow, state, "submit_for_classification", ENGINEER, LOW, datetime(2026, 9, 3))
    with pytest.raises(StepRefused, match='no action "reopen"'):
        apply(flow, state, "reopen", HEAD, LOW, T0)


def test_every_step_of_the_shipped_flow_can_be_reached_through_the_engine(flow: Flow) -> None:
    fact_sets = [replace(SERIOUS, **DONE), replace(LOW, **DONE)]
    start = initial_state(flow, T0)
    seen = {start}
    pending = deque([start])
    while pending:
        state = pending.popleft()
        for role in Role:
            for facts in fact_sets:
                for action in available_actions(flow, state, role, facts):
                    after = apply(flow, state, action.id, role, facts, T0, comment="ok").state
                    if after not in seen:
                        seen.add(after)
                        pending.append(after)
    assert {s.step for s in seen} == {s.id for s in flow.steps}


def test_a_state_at_a_step_the_flow_no_longer_has_is_refused_plainly(flow: Flow) -> None:
    stale = FlowState("legal_review", T0)
    assert available_actions(flow, stale, HEAD, LOW) == []
    with pytest.raises(StepRefused, match='at step "legal_review", which version 1'):
        apply(flow, stale, "close", HEAD, LOW, T0)

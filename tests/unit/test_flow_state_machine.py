"""Random people taking random actions with random facts never push an incident into a state
the shipped flow forbids.

The oracle is the flow file itself, read with ``tomllib`` and its guards evaluated as the
Python expressions they happen to be, so the engine is checked against the definition rather
than against its own loader.
"""

from __future__ import annotations

import tomllib
from collections import deque
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from qa_desktop.domain.errors import PermissionDenied
from qa_desktop.domain.incident import Severity
from qa_desktop.domain.roles import Role
from qa_desktop.resources import workflows_dir
from qa_desktop.workflow.flow import IncidentFacts
from qa_desktop.workflow.flow_engine import (
    FlowRecord,
    FlowState,
    StepRefused,
    apply,
    available_actions,
    initial_state,
    replay,
)
from qa_desktop.workflow.flow_loader import load_shipped_flow

FLOW = load_shipped_flow()
RAW: dict[str, Any] = tomllib.loads(
    (workflows_dir() / "incident_response.toml").read_text(encoding="utf-8")
)
ACTIONS: dict[str, dict[str, Any]] = {a["id"]: a for a in RAW["actions"]}
TASKS_OF: dict[str, set[str]] = {}
for _task in RAW.get("tasks", []):
    TASKS_OF.setdefault(_task["step"], set()).add(_task["id"])
EDGES = {(a["from"], a["to"]) for a in RAW["actions"] if "to" in a}
SERIOUS_TASKS = TASKS_OF["serious_response"]
T0 = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)

_REACHABLE = {RAW["flow"]["start"]}
_pending = deque(_REACHABLE)
while _pending:
    _here = _pending.popleft()
    for _source, _target in EDGES:
        if _source == _here and _target not in _REACHABLE:
            _REACHABLE.add(_target)
            _pending.append(_target)

_mostly_true = st.sampled_from([True, True, True, False])
FACTS = st.builds(
    IncidentFacts,
    severity=st.sampled_from([*Severity, Severity.SERIOUS, Severity.SERIOUS]),
    classification_confirmed=_mostly_true,
    all_clocks_stopped=_mostly_true,
    disclosure_published=_mostly_true,
    analysis_closed=_mostly_true,
    countermeasures_verified=_mostly_true,
)
COMMENTS = st.sampled_from(["", "  \n", "詳細を追記してください <b>&amp;</b> 🙂"])


def _roles_of(raw: dict[str, Any]) -> set[Role]:
    names = raw.get("roles") or [raw["signature_required"]]
    return {Role(name) for name in names}


def _guard_holds(text: str, facts: IncidentFacts, state: FlowState) -> bool:
    names: dict[str, object] = dict(facts.values())
    for owner in [*RAW["steps"], *RAW.get("tasks", [])]:
        if "records" in owner:
            names[owner["records"]] = owner["records"] in state.recorded
    return bool(eval(text, {"__builtins__": {}}, names))


class ResponseFlowMachine(RuleBasedStateMachine):
    """One incident, pushed around by anyone with any facts."""

    def __init__(self) -> None:
        super().__init__()
        self.state = initial_state(FLOW, T0)
        self.now = T0
        self.history: list[FlowRecord] = []
        # What the services currently know; it changes a little at a time, as in real life.
        self.facts = IncidentFacts()

    def _attempt(self, action_id: str, role: Role, facts: IncidentFacts, comment: str) -> None:
        before = self.state
        offered = {a.id for a in available_actions(FLOW, before, role, facts)}
        self.now += timedelta(minutes=37)
        raw = ACTIONS.get(action_id)
        try:
            transition = apply(FLOW, before, action_id, role, facts, self.now, comment=comment)
        except PermissionDenied:
            assert raw is not None
            assert role not in _roles_of(raw)
            assert action_id not in offered
            return
        except StepRefused:
            needs_comment = raw is not None and (
                raw.get("returns", False) or raw.get("comment_required", False)
            )
            assert action_id not in offered or (needs_comment and not comment.strip())
            return
        assert raw is not None
        assert action_id in offered
        self._check_allowed(raw, before, transition.state, role, facts)
        assert transition.record.comment == comment
        self.state = transition.state
        self.history.append(transition.record)

    def _check_allowed(
        self,
        raw: dict[str, Any],
        before: FlowState,
        after: FlowState,
        role: Role,
        facts: IncidentFacts,
    ) -> None:
        assert raw["from"] == before.step
        assert role in _roles_of(raw)
        for guard in raw.get("guards", []):
            assert _guard_holds(guard, facts, before), guard
        if "to" in raw:
            assert after.step == raw["to"]
            if not raw.get("returns", False):
                assert TASKS_OF.get(before.step, set()) <= before.done_tasks
        else:
            assert after.step == before.step
            assert raw["completes"] not in before.done_tasks
            assert after.done_tasks == before.done_tasks | {raw["completes"]}

    @rule(
        action_id=st.sampled_from([*ACTIONS, "reopen"]),
        role=st.sampled_from(list(Role)),
        facts=FACTS,
        comment=COMMENTS,
    )
    def try_any_action(
        self, action_id: str, role: Role, facts: IncidentFacts, comment: str
    ) -> None:
        self._attempt(action_id, role, facts, comment)

    @rule(facts=FACTS, reclassified=st.booleans())
    def learn_new_facts(self, facts: IncidentFacts, reclassified: bool) -> None:
        keep = self.facts.severity is not Severity.UNCLASSIFIED and not reclassified
        self.facts = replace(facts, severity=self.facts.severity) if keep else facts

    @rule(data=st.data(), moves=st.integers(min_value=1, max_value=4))
    def push_forward(self, data: st.DataObject, moves: int) -> None:
        # Returns are reached through try_any_action; preferring forward actions here lets a
        # walk of 30 rules get deep enough to close serious incidents.
        for _ in range(moves):
            choices = [
                (role, action)
                for role in (Role.QA_ENGINEER, Role.QA_HEAD)
                for action in available_actions(FLOW, self.state, role, self.facts)
                if not action.returns
            ]
            if not choices:
                return
            role, action = data.draw(st.sampled_from(choices))
            self._attempt(action.id, role, self.facts, "確認しました。")

    @rule(data=st.data(), comment=COMMENTS)
    def send_back(self, data: st.DataObject, comment: str) -> None:
        choices = [
            (role, action)
            for role in (Role.QA_ENGINEER, Role.QA_HEAD)
            for action in available_actions(FLOW, self.state, role, self.facts)
            if action.returns
        ]
        if choices:
            role, action = data.draw(st.sampled_from(choices))
            self._attempt(action.id, role, self.facts, comment)

    @invariant()
    def history_explains_the_state(self) -> None:
        assert replay(FLOW, self.history, T0) == self.state

    @invariant()
    def only_steps_and_moves_the_definition_has(self) -> None:
        assert self.state.step in _REACHABLE
        for record in self.history:
            if record.task is None:
                assert (record.from_step, record.to_step) in EDGES

    @invariant()
    def closed_only_when_signed_and_complete(self) -> None:
        if self.state.step != RAW["flow"]["final"]:
            return
        closing = self.history[-1]
        assert closing.action_id == "close"
        assert closing.signed_by is Role.QA_HEAD
        facts = closing.facts
        assert facts.countermeasures_verified
        assert facts.analysis_closed
        assert facts.all_clocks_stopped
        if facts.severity is Severity.SERIOUS:
            assert self.state.done_tasks >= SERIOUS_TASKS
            assert any(
                r.task == "recall_decision" and r.signed_by is Role.QA_HEAD for r in self.history
            )
        for role in Role:
            assert available_actions(FLOW, self.state, role, facts) == []


ResponseFlowMachine.TestCase.settings = settings(
    max_examples=100, stateful_step_count=30, deadline=None
)
TestResponseFlow = ResponseFlowMachine.TestCase

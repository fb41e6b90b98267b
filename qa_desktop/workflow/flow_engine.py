"""Running a response flow: which actions a role may take now, and what taking one changes.

Pure and deterministic: the caller passes the incident's flow state, the role acting, the
facts it knows and the time; the engine returns the new state and the entry to record. The
GUI and the command line both go through :func:`available_actions` and :func:`apply`, so
their messages are plain English sentences the GUI can show as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from qa_desktop.domain.errors import PermissionDenied, QaError
from qa_desktop.domain.incident import IncidentStatus
from qa_desktop.domain.roles import ROLE_LABELS, Role
from qa_desktop.workflow.flow import (
    Action,
    FactValue,
    Flow,
    Guard,
    GuardTerm,
    IncidentFacts,
    Task,
    Tier,
    lower_first,
)


class StepRefused(QaError):
    """An action cannot be taken now: it is out of order, a guard fails or a comment is missing.

    ``reasons`` lists each obstacle as a phrase; the message joins them after the action.
    """

    def __init__(self, action_id: str, message: str, reasons: Iterable[str] = ()) -> None:
        self.action_id = action_id
        self.reasons = tuple(reasons)
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class FlowState:
    """Where an incident stands in its flow.

    ``entered_at`` is when the current step was entered (task deadlines and escalation count
    from it); ``done_tasks`` and ``recorded`` (flow facts) keep what has been achieved, also
    across returns to an earlier step, since a report filed stays filed.
    """

    step: str
    entered_at: datetime
    done_tasks: frozenset[str] = frozenset()
    recorded: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class FlowRecord:
    """One entry of the incident's flow history: who did what, when, from where to where.

    ``recorded`` names the flow facts this action made true, so that the history replays to
    the same state even after the flow file has been edited.
    """

    flow_id: str
    flow_version: int
    at: datetime
    actor: str
    actor_role: Role
    action_id: str
    action_title: str
    from_step: str
    to_step: str
    task: str | None
    signed_by: Role | None
    comment: str
    facts: IncidentFacts
    recorded: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Transition:
    """The outcome of :func:`apply`: the new state, its incident status and what to record."""

    state: FlowState
    status: IncidentStatus
    record: FlowRecord


def initial_state(flow: Flow, at: datetime) -> FlowState:
    """The state of a newly logged incident: at the flow's start step since *at*."""
    return FlowState(flow.start, at)


def open_tasks(flow: Flow, state: FlowState) -> list[Task]:
    """The tasks of the current step that are not done yet, in file order."""
    return [t for t in flow.step(state.step).tasks if t.id not in state.done_tasks]


def _with_article(role: Role) -> str:
    label = lower_first(ROLE_LABELS[role])
    return f"{'an' if label[0] in 'aeiou' else 'a'} {label}"


def who_may(action: Action) -> str:
    """A sentence naming who may take *action*: "Only a QA division head may ..."."""
    names = [_with_article(role) for role in action.roles]
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    signed = ", with their signature" if action.signature else ""
    return f"Only {who} may {lower_first(action.title)}{signed}."


def _values(flow: Flow, state: FlowState, facts: IncidentFacts) -> dict[str, FactValue]:
    values = facts.values()
    for kind in flow.flow_facts:
        values[kind.name] = kind.name in state.recorded
    return values


def _explain_term(
    flow: Flow, state: FlowState, term: GuardTerm, values: dict[str, FactValue]
) -> str:
    kind = flow.vocabulary[term.fact]
    if term.op == "is":
        pending = [
            flow.pending_phrase(task)
            for step in flow.steps
            if step.records == term.fact
            for task in step.tasks
            if task.id not in state.done_tasks
        ]
        return f"{kind.lacking} ({', '.join(pending)})" if pending else kind.lacking
    if term.op == "is not":
        return f"not allowed once {kind.meaning}"
    name = term.fact.replace("_", " ")
    if term.op == "==":
        return f'{name} is "{values[term.fact]}", not "{term.value}"'
    return f'{name} is "{term.value}"'


def _explain(flow: Flow, state: FlowState, guard: Guard, values: dict[str, FactValue]) -> str:
    return " and ".join(_explain_term(flow, state, term, values) for term in guard.terms)


def obstacles(flow: Flow, state: FlowState, action: Action, facts: IncidentFacts) -> list[str]:
    """Why *action* cannot be taken now, whoever asks; empty when nothing stands in its way.

    The role and the comment are not checked here: :func:`apply` does that.
    """
    if action.from_step != state.step:
        here, there = flow.step(state.step).title, flow.step(action.from_step).title
        return [f'the incident is at "{here}", and this is done at "{there}"']
    reasons: list[str] = []
    if action.completes is not None and action.completes in state.done_tasks:
        reasons.append(f"{flow.pending_phrase(flow.task(action.completes), done=True)} already")
    if action.moves and not action.returns:
        reasons.extend(flow.pending_phrase(task) for task in open_tasks(flow, state))
    values = _values(flow, state, facts)
    reasons.extend(
        _explain(flow, state, guard, values) for guard in action.guards if not guard.holds(values)
    )
    return reasons


def available_actions(
    flow: Flow, state: FlowState, role: Role, facts: IncidentFacts
) -> list[Action]:
    """The actions *role* may take now, in the order the flow file lists them."""
    return [
        action
        for action in flow.actions_from(state.step)
        if role in action.roles and not obstacles(flow, state, action, facts)
    ]


def apply(
    flow: Flow,
    state: FlowState,
    action_id: str,
    actor_role: Role,
    facts: IncidentFacts,
    now: datetime,
    *,
    comment: str = "",
    actor: str = "",
) -> Transition:
    """Take *action_id* as *actor_role* at *now*; the new state and the entry to record.

    Raises :class:`PermissionDenied` when the role may not take the action and
    :class:`StepRefused` when the action is out of order, a guard fails or a required
    comment is blank. A signed action is recorded as signed by the actor's role; confirming
    the signer's identity (re-entering the password) is the caller's part. *comment* is
    recorded exactly as given.
    """
    if now.tzinfo is None:
        raise ValueError("the time of an action must carry a time zone")
    action = flow.action(action_id)
    if action is None:
        raise StepRefused(action_id, f'There is no action "{action_id}" in "{flow.title}".')
    if not flow.has_step(state.step):
        raise StepRefused(
            action.id,
            f'The incident is at step "{state.step}", which version {flow.version} of '
            f'"{flow.title}" does not have.',
        )
    verb = lower_first(action.title)
    if actor_role not in action.roles:
        actor_text = _with_article(actor_role)
        raise PermissionDenied(
            f"{actor_text[0].upper()}{actor_text[1:]} cannot {verb}. {who_may(action)}"
        )
    reasons = obstacles(flow, state, action, facts)
    if action.comment_required and not comment.strip():
        reasons.append("a comment is required, saying what is missing or what to change")
    if reasons:
        raise StepRefused(action.id, f"Cannot {verb}: {'; '.join(reasons)}.", reasons)
    recorded = _newly_recorded(flow, state, action)
    if action.to_step is not None:
        new_state = FlowState(action.to_step, now, state.done_tasks, state.recorded | set(recorded))
    else:
        done = state.done_tasks | {str(action.completes)}
        new_state = replace(state, done_tasks=done, recorded=state.recorded | set(recorded))
    record = FlowRecord(
        flow_id=flow.id,
        flow_version=flow.version,
        at=now,
        actor=actor,
        actor_role=actor_role,
        action_id=action.id,
        action_title=action.title,
        from_step=state.step,
        to_step=new_state.step,
        task=action.completes,
        signed_by=actor_role if action.signature else None,
        comment=comment,
        facts=facts,
        recorded=recorded,
    )
    return Transition(new_state, flow.status_of(new_state.step), record)


def _newly_recorded(flow: Flow, state: FlowState, action: Action) -> tuple[str, ...]:
    if action.completes is not None:
        name = flow.task(action.completes).records
    elif not action.returns:
        # Leaving a step forward means all its tasks are done: the step is complete.
        name = flow.step(state.step).records
    else:
        name = None
    return (name,) if name and name not in state.recorded else ()


def replay(flow: Flow, history: Iterable[FlowRecord], started_at: datetime) -> FlowState:
    """The state *history* leads to from the flow's start: what the records say happened."""
    state = initial_state(flow, started_at)
    for record in history:
        recorded = state.recorded | set(record.recorded)
        if record.task is None:
            state = FlowState(record.to_step, record.at, state.done_tasks, recorded)
        else:
            state = replace(state, done_tasks=state.done_tasks | {record.task}, recorded=recorded)
    return state


def responsible_tier(flow: Flow, state: FlowState, now: datetime) -> Tier:
    """Who owns the incident now: the step's tier, or the tier it escalates to once the
    step has been open for its ``escalate_after``."""
    step = flow.step(state.step)
    due = step.escalate_after is not None and now - state.entered_at >= step.escalate_after
    if due and step.escalate_to is not None:
        return flow.tier(step.escalate_to)
    return flow.tier(step.tier)


def overdue_tasks(flow: Flow, state: FlowState, now: datetime) -> list[Task]:
    """Open tasks of the current step whose ``sla`` has run out since the step was entered."""
    return [
        task
        for task in open_tasks(flow, state)
        if task.sla is not None and now - state.entered_at > task.sla
    ]

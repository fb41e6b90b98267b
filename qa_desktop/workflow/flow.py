"""The response flow as data: steps, their required tasks, the actions between them, guards.

A flow is loaded from ``workflows/*.toml`` by :mod:`qa_desktop.workflow.flow_loader` and run by
:mod:`qa_desktop.workflow.flow_engine`. Everything here is immutable and plain Python, so the
GUI, the command line and the tests all see the same definition.

Guards read *facts*. Two kinds exist:

- caller facts, the fields of :class:`IncidentFacts`, which the services compute from the
  incident record, its clocks and its cause analysis each time they ask the engine;
- flow facts, named by a step's or task's ``records`` key in the flow file, which become true
  once that task is done or that step has been completed, and stay true.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import timedelta
from typing import Literal

from qa_desktop.domain.incident import IncidentStatus, Severity
from qa_desktop.domain.roles import Role

FactValue = bool | str


def _fact(meaning: str, lacking: str) -> dict[str, str]:
    return {"meaning": meaning, "lacking": lacking}


@dataclass(frozen=True, slots=True)
class IncidentFacts:
    """What the caller knows about the incident when it asks the engine for actions.

    The field names are the guard vocabulary a flow file may use; adding a fact means adding a
    field here (with its plain-English ``meaning`` and ``lacking`` phrases).
    """

    severity: Severity = field(
        default=Severity.UNCLASSIFIED,
        metadata=_fact("the severity is set", "the severity is not set"),
    )
    classification_confirmed: bool = field(
        default=False,
        metadata=_fact("the classification is confirmed", "the classification is not confirmed"),
    )
    all_clocks_stopped: bool = field(
        default=False,
        metadata=_fact(
            "every regulator reporting clock is stopped",
            "a regulator reporting clock is still running",
        ),
    )
    disclosure_published: bool = field(
        default=False,
        metadata=_fact(
            "the disclosure is published on the website",
            "the disclosure is not published on the website",
        ),
    )
    analysis_closed: bool = field(
        default=False,
        metadata=_fact("the cause analysis is closed", "the cause analysis is not closed"),
    )
    countermeasures_verified: bool = field(
        default=False,
        metadata=_fact("every countermeasure is verified", "a countermeasure is not verified yet"),
    )

    def values(self) -> dict[str, FactValue]:
        """The facts by name, enumerations as their text values."""
        return {
            f.name: (v.value if isinstance(v := getattr(self, f.name), Severity) else v)
            for f in fields(self)
        }


@dataclass(frozen=True, slots=True)
class FactKind:
    """A guard fact: its name, the values it may take (``None``: a yes/no fact), its phrases."""

    name: str
    choices: tuple[str, ...] | None
    meaning: str
    lacking: str


#: The caller facts a guard may name, from :class:`IncidentFacts`.
CALLER_FACTS: Mapping[str, FactKind] = {
    f.name: FactKind(
        f.name,
        tuple(s.value for s in Severity) if f.name == "severity" else None,
        f.metadata["meaning"],
        f.metadata["lacking"],
    )
    for f in fields(IncidentFacts)
}

_DURATION = re.compile(r"^(?:\d+[wdhm])+$")
_DURATION_PART = re.compile(r"(\d+)([wdhm])")
_UNITS = {
    "w": timedelta(weeks=1),
    "d": timedelta(days=1),
    "h": timedelta(hours=1),
    "m": timedelta(minutes=1),
}


def parse_duration(text: str) -> timedelta:
    """``"24h"``, ``"2d"``, ``"1d12h"``, ``"90m"``, ``"2w"`` as a :class:`timedelta`.

    Raises :class:`ValueError` with a plain sentence for anything else, for negative
    durations and for zero (no duration in a flow may be zero).
    """
    compact = text.strip()
    if compact.startswith("-") and _DURATION.match(compact[1:]):
        raise ValueError(f'duration "{text}" is negative; durations must be positive')
    if not _DURATION.match(compact):
        raise ValueError(
            f'invalid duration "{text}": write whole numbers with a unit w, d, h or m, '
            'such as "24h", "2d" or "1d12h"'
        )
    total = sum((int(n) * _UNITS[unit] for n, unit in _DURATION_PART.findall(compact)), timedelta())
    if total <= timedelta():
        raise ValueError(f'duration "{text}" is zero; durations must be positive')
    return total


GuardOp = Literal["is", "is not", "==", "!="]

_TERM = re.compile(
    r"""^(?:(?P<neg>not)\s+)?(?P<fact>[a-z][a-z0-9_]*)
        (?:\s*(?P<op>==|!=)\s*"(?P<value>[^"]*)")?$""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class GuardTerm:
    """One condition on one fact: ``fact``, ``not fact``, ``fact == "v"`` or ``fact != "v"``."""

    fact: str
    op: GuardOp
    value: str | None = None

    def holds(self, facts: Mapping[str, FactValue]) -> bool:
        """True when the condition is met by *facts*."""
        actual = facts[self.fact]
        if self.op == "is":
            return actual is True
        if self.op == "is not":
            return actual is False
        if self.op == "==":
            return actual == self.value
        return actual != self.value


@dataclass(frozen=True, slots=True)
class Guard:
    """A condition an action needs: its terms joined by ``or``, as written in the file."""

    text: str
    terms: tuple[GuardTerm, ...]

    def holds(self, facts: Mapping[str, FactValue]) -> bool:
        """True when at least one term holds."""
        return any(term.holds(facts) for term in self.terms)

    @property
    def facts(self) -> frozenset[str]:
        """The fact names the guard reads."""
        return frozenset(term.fact for term in self.terms)


def parse_guard(text: str, vocabulary: Mapping[str, FactKind]) -> Guard:
    """Parse a guard such as ``'severity != "serious" or recall_decision_signed'``.

    Raises :class:`ValueError` naming the unknown fact or the misuse (comparing a yes/no fact,
    a value a fact cannot take).
    """
    terms: list[GuardTerm] = []
    for raw in re.split(r"\s+or\s+", text.strip()):
        match = _TERM.match(raw.strip())
        if not match:
            raise ValueError(
                f'cannot read guard "{text}": write fact, not fact, fact == "value" or '
                'fact != "value", joined by "or"'
            )
        name, op, value = match["fact"], match["op"], match["value"]
        kind = vocabulary.get(name)
        if kind is None:
            known = ", ".join(sorted(vocabulary))
            raise ValueError(f'unknown fact "{name}" in guard "{text}"; known facts: {known}')
        if kind.choices is None:
            if op:
                raise ValueError(
                    f'"{name}" is a yes/no fact: write "{name}" or "not {name}", not a comparison'
                )
            terms.append(GuardTerm(name, "is not" if match["neg"] else "is"))
            continue
        if not op or match["neg"]:
            raise ValueError(f'"{name}" must be compared: write {name} == "value"')
        if value not in kind.choices:
            allowed = ", ".join(kind.choices)
            raise ValueError(f'"{value}" is not a value of {name}; allowed: {allowed}')
        terms.append(GuardTerm(name, "==" if op == "==" else "!=", value))
    return Guard(text, tuple(terms))


def lower_first(title: str) -> str:
    """*title* for use inside a sentence; acronyms such as "QA" stay as written."""
    if len(title) > 1 and title[1].isupper():
        return title
    return title[:1].lower() + title[1:]


@dataclass(frozen=True, slots=True)
class Tier:
    """An organisational level that owns steps, e.g. business-unit QA or head-office QA."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Task:
    """Work required inside a step; all tasks of a step must be done before moving forward.

    Tasks of one step may be done in any order, which is how parallel work (regulator
    reports, website disclosure, the status report, the recall decision) is modelled.
    """

    id: str
    title: str
    step: str
    sla: timedelta | None = None
    records: str | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """A stage of the response; ``status`` is the incident status shown while it is current."""

    id: str
    title: str
    status: IncidentStatus
    tier: str
    escalate_after: timedelta | None = None
    escalate_to: str | None = None
    records: str | None = None
    tasks: tuple[Task, ...] = ()


@dataclass(frozen=True, slots=True)
class Action:
    """Something a person does at a step: move to another step, or complete one of its tasks."""

    id: str
    title: str
    from_step: str
    roles: tuple[Role, ...]
    to_step: str | None = None
    completes: str | None = None
    guards: tuple[Guard, ...] = ()
    signature: Role | None = None
    comment_required: bool = False
    returns: bool = False

    @property
    def moves(self) -> bool:
        """True when the action changes the step (rather than completing a task)."""
        return self.to_step is not None


@dataclass(frozen=True, slots=True)
class Flow:
    """A validated response flow; build it with :func:`flow_loader.load_flow`."""

    id: str
    title: str
    version: int
    source: str
    start: str
    final: str
    tiers: tuple[Tier, ...]
    steps: tuple[Step, ...]
    actions: tuple[Action, ...]
    flow_facts: tuple[FactKind, ...] = ()

    def has_step(self, step_id: str) -> bool:
        """True when the flow has a step *step_id*."""
        return any(step.id == step_id for step in self.steps)

    def step(self, step_id: str) -> Step:
        """The step *step_id*; :class:`KeyError` when the flow has none."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def task(self, task_id: str) -> Task:
        """The task *task_id*; :class:`KeyError` when the flow has none."""
        for step in self.steps:
            for task in step.tasks:
                if task.id == task_id:
                    return task
        raise KeyError(task_id)

    def tier(self, tier_id: str) -> Tier:
        """The tier *tier_id*; :class:`KeyError` when the flow has none."""
        for tier in self.tiers:
            if tier.id == tier_id:
                return tier
        raise KeyError(tier_id)

    def action(self, action_id: str) -> Action | None:
        """The action *action_id*, or ``None``."""
        return next((a for a in self.actions if a.id == action_id), None)

    def actions_from(self, step_id: str) -> tuple[Action, ...]:
        """The actions defined at *step_id*, in file order."""
        return tuple(a for a in self.actions if a.from_step == step_id)

    def needs_signature(self, task_id: str) -> bool:
        """True when every action that completes *task_id* must be signed."""
        finishers = [a for a in self.actions if a.completes == task_id]
        return bool(finishers) and all(a.signature is not None for a in finishers)

    def pending_phrase(self, task: Task, *, done: bool = False) -> str:
        """How a refusal names *task* while it is open: "recall decision not signed".

        With *done*, the phrase for the finished task: "recall decision signed".
        """
        verb = "signed" if self.needs_signature(task.id) else "done"
        return f"{lower_first(task.title)} {verb if done else 'not ' + verb}"

    def status_of(self, step_id: str) -> IncidentStatus:
        """The incident status shown while *step_id* is current."""
        return self.step(step_id).status

    @property
    def vocabulary(self) -> Mapping[str, FactKind]:
        """Every fact a guard of this flow may read."""
        return {**CALLER_FACTS, **{kind.name: kind for kind in self.flow_facts}}

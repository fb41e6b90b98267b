"""Reading and checking ``workflows/*.toml`` response flows.

A flow that loads is safe to run: every name it uses exists, every step can be reached and
can reach closure, and the only loops are actions marked ``returns = true``. Every problem is
a :class:`DefinitionError` naming the file and the line, because the person fixing it is a QA
head with a text editor, not a developer with a debugger.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from qa_desktop.domain.errors import DefinitionError
from qa_desktop.domain.incident import IncidentStatus
from qa_desktop.domain.roles import Role
from qa_desktop.resources import workflows_dir
from qa_desktop.workflow.flow import (
    CALLER_FACTS,
    Action,
    FactKind,
    Flow,
    Guard,
    Step,
    Task,
    Tier,
    lower_first,
    parse_duration,
    parse_guard,
)
from qa_desktop.workflow.flow_checks import check_graph, check_references
from qa_desktop.workflow.toml_source import TomlDocument, load_toml

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TOP_KEYS = ("flow", "tiers", "steps", "tasks", "actions")
_FLOW_KEYS = ("id", "title", "version", "start", "final")
_TIER_KEYS = ("id", "title")
_STEP_KEYS = ("id", "title", "status", "tier", "escalate_after", "escalate_to", "records")
_TASK_KEYS = ("id", "title", "step", "sla", "records")
_ACTION_KEYS = (
    "id",
    "title",
    "from",
    "to",
    "completes",
    "roles",
    "guards",
    "signature_required",
    "comment_required",
    "returns",
)

KeyPath = tuple[str | int, ...]


class _Table:
    """One TOML table being read; keys it does not know are refused, since a typo that is
    silently ignored would change the flow without anyone noticing."""

    def __init__(
        self, doc: TomlDocument, path: KeyPath, raw: Any, what: str, allowed: tuple[str, ...]
    ) -> None:
        if not isinstance(raw, dict):
            raise doc.error(f"{what} must be a table", *path)
        self.doc, self.path, self.raw, self.what = doc, path, raw, what
        for key in raw:
            if key not in allowed:
                raise self.error(
                    f'unknown key "{key}" in {what}; allowed keys: {", ".join(allowed)}', key
                )

    def error(self, problem: str, *key: str | int) -> DefinitionError:
        """A problem at *key* of this table (or at its header)."""
        return self.doc.error(problem, *self.path, *key)

    def has(self, key: str) -> bool:
        """True when *key* is written in the table."""
        return key in self.raw

    def text(self, key: str, default: str | None = None) -> str:
        """A non-blank string; required unless *default* is given."""
        if key not in self.raw:
            if default is not None:
                return default
            raise self.error(f'{self.what} is missing the required key "{key}"')
        value = self.raw[key]
        if not isinstance(value, str) or not value.strip():
            raise self.error(f'"{key}" must be a non-empty text in quotes', key)
        return value

    def ident(self, key: str, *, required: bool = True) -> str | None:
        """An identifier: lower-case letters, digits and underscores, starting with a letter."""
        if not required and key not in self.raw:
            return None
        value = self.text(key)
        if not _ID.match(value):
            raise self.error(
                f'"{value}" is not a valid {key}: use lower-case letters, digits and '
                "underscores, starting with a letter",
                key,
            )
        return value

    def flag(self, key: str, default: bool) -> bool:
        """A true/false value."""
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            raise self.error(f'"{key}" must be true or false', key)
        return value

    def positive_int(self, key: str) -> int:
        """A required whole number above zero."""
        value = self.raw.get(key)
        if value is None:
            raise self.error(f'{self.what} is missing the required key "{key}"')
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.error(f'"{key}" must be a whole number of 1 or more', key)
        return value

    def duration(self, key: str) -> timedelta | None:
        """An optional duration such as ``"24h"``."""
        if key not in self.raw:
            return None
        value = self.raw[key]
        if not isinstance(value, str):
            raise self.error(f'"{key}" must be a duration in quotes, such as "24h" or "2d"', key)
        try:
            return parse_duration(value)
        except ValueError as exc:
            raise self.error(str(exc), key) from exc

    def texts(self, key: str) -> list[tuple[str, int | None]]:
        """A list of strings, each with the line it is written on (for multi-line arrays)."""
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(f'"{key}" must be a list of texts in quotes', key)
        return [(item, self._item_line(key, item)) for item in value]

    def _item_line(self, key: str, item: str) -> int | None:
        start = self.doc.line_of(*self.path, key)
        if start is None:
            return None
        for number in range(start, len(self.doc.lines) + 1):
            line = self.doc.lines[number - 1]
            if item in line:
                return number
            if "]" in line.split("#", 1)[0]:
                break
        return start


def _tables(top: _Table, key: str, what: str, allowed: tuple[str, ...]) -> list[_Table]:
    raw = top.raw.get(key, [])
    if not isinstance(raw, list):
        raise top.error(f'"{key}" must be written as [[{key}]] tables', key)
    return [_Table(top.doc, (key, i), item, what, allowed) for i, item in enumerate(raw)]


def _choice(table: _Table, key: str, allowed: Iterable[str], what: str) -> str:
    value = table.text(key)
    choices = sorted(allowed)
    if value not in choices:
        raise table.error(f'unknown {what} "{value}"; allowed: {", ".join(choices)}', key)
    return value


def _unique(tables: list[_Table], ids: list[str], what: str) -> dict[str, int]:
    seen: dict[str, int] = {}
    for index, (table, ident) in enumerate(zip(tables, ids, strict=True)):
        if ident in seen:
            raise table.error(f'duplicate {what} id "{ident}"', "id")
        seen[ident] = index
    return seen


def load_flow(path: Path) -> Flow:
    """Load and check the flow file at *path*; :class:`DefinitionError` on any problem."""
    doc = load_toml(path)
    top = _Table(doc, (), doc.data, "the flow file", _TOP_KEYS)
    for key in ("flow", "tiers", "steps", "actions"):
        if not top.has(key):
            raise DefinitionError(doc.name, None, f'the file has no "{key}" section')
    head = _Table(doc, ("flow",), doc.data["flow"], "[flow]", _FLOW_KEYS)

    tier_tables = _tables(top, "tiers", "[[tiers]]", _TIER_KEYS)
    tiers = [Tier(str(t.ident("id")), t.text("title")) for t in tier_tables]
    tier_index = _unique(tier_tables, [t.id for t in tiers], "tier")

    step_tables = _tables(top, "steps", "[[steps]]", _STEP_KEYS)
    raw_steps = [_read_step(t, tier_index) for t in step_tables]
    step_index = _unique(step_tables, [s.id for s in raw_steps], "step")

    task_tables = _tables(top, "tasks", "[[tasks]]", _TASK_KEYS)
    tasks = [_read_task(t, step_index) for t in task_tables]
    task_index = _unique(task_tables, [t.id for t in tasks], "task")

    recorders = _flow_fact_names(step_tables, raw_steps, task_tables, tasks)
    draft_vocabulary = {
        **CALLER_FACTS,
        **{name: FactKind(name, None, name, name) for name in recorders},
    }
    action_tables = _tables(top, "actions", "[[actions]]", _ACTION_KEYS)
    actions = [_read_action(t, draft_vocabulary) for t in action_tables]
    action_index = _unique(action_tables, [a.id for a in actions], "action")

    steps = tuple(
        Step(
            s.id,
            s.title,
            s.status,
            s.tier,
            s.escalate_after,
            s.escalate_to,
            s.records,
            tuple(t for t in tasks if t.step == s.id),
        )
        for s in raw_steps
    )
    start, final = str(head.ident("start")), str(head.ident("final"))
    flow = Flow(
        id=str(head.ident("id")),
        title=head.text("title"),
        version=head.positive_int("version"),
        source=doc.name,
        start=start,
        final=final,
        tiers=tuple(tiers),
        steps=steps,
        actions=tuple(actions),
    )
    flow = replace(flow, flow_facts=_flow_facts(flow))
    for key in ("start", "final"):
        if getattr(flow, key) not in step_index:
            raise head.error(f'{key} step "{getattr(flow, key)}" is not a step of the flow', key)
    check_references(doc, flow, step_index, task_index, action_index)
    check_graph(doc, flow, step_index, action_index)
    return flow


def _read_step(table: _Table, tier_index: Mapping[str, int]) -> Step:
    status = _choice(table, "status", (s.value for s in IncidentStatus), "status")
    tier = _choice(table, "tier", tier_index, "tier")
    escalate_after = table.duration("escalate_after")
    escalate_to = table.ident("escalate_to", required=False)
    if (escalate_after is None) != (escalate_to is None):
        missing = "escalate_to" if escalate_to is None else "escalate_after"
        present = "escalate_after" if escalate_to is None else "escalate_to"
        raise table.error(f'"{present}" needs "{missing}" as well', present)
    if escalate_to is not None:
        _choice(table, "escalate_to", tier_index, "tier")
        if escalate_to == tier:
            raise table.error(f'a step cannot escalate to its own tier "{tier}"', "escalate_to")
    return Step(
        id=str(table.ident("id")),
        title=table.text("title"),
        status=IncidentStatus(status),
        tier=tier,
        escalate_after=escalate_after,
        escalate_to=escalate_to,
        records=table.ident("records", required=False),
    )


def _read_task(table: _Table, step_index: Mapping[str, int]) -> Task:
    return Task(
        id=str(table.ident("id")),
        title=table.text("title"),
        step=_choice(table, "step", step_index, "step"),
        sla=table.duration("sla"),
        records=table.ident("records", required=False),
    )


def _flow_fact_names(
    step_tables: list[_Table], steps: list[Step], task_tables: list[_Table], tasks: list[Task]
) -> list[str]:
    names: list[str] = []
    owners: list[tuple[_Table, str | None]] = [
        *((table, step.records) for table, step in zip(step_tables, steps, strict=True)),
        *((table, task.records) for table, task in zip(task_tables, tasks, strict=True)),
    ]
    for table, name in owners:
        if name is None:
            continue
        if name in CALLER_FACTS:
            raise table.error(
                f'"{name}" is a fact the application supplies; choose another name', "records"
            )
        if name in names:
            raise table.error(f'the fact "{name}" is already recorded elsewhere', "records")
        names.append(name)
    return names


def _roles(table: _Table, key: str) -> list[Role]:
    roles: list[Role] = []
    allowed = ", ".join(sorted(r.value for r in Role))
    for item, line in table.texts(key):
        if item not in {r.value for r in Role}:
            raise DefinitionError(
                table.doc.name, line, f'unknown role "{item}"; roles are {allowed}'
            )
        roles.append(Role(item))
    return roles


def _read_action(table: _Table, vocabulary: Mapping[str, FactKind]) -> Action:
    signature: Role | None = None
    if table.has("signature_required"):
        name = table.text("signature_required")
        if name not in {r.value for r in Role}:
            allowed = ", ".join(sorted(r.value for r in Role))
            raise table.error(f'unknown role "{name}"; roles are {allowed}', "signature_required")
        signature = Role(name)
    if table.has("roles"):
        roles = _roles(table, "roles")
        if not roles:
            raise table.error("roles must name at least one role", "roles")
        if signature is not None and roles != [signature]:
            raise table.error(
                f'a signed action is taken by its signer only: write roles = ["{signature}"] '
                "or leave roles out",
                "roles",
            )
    elif signature is not None:
        roles = [signature]
    else:
        raise table.error('[[actions]] is missing the required key "roles"')
    guards: list[Guard] = []
    for text, line in table.texts("guards"):
        try:
            guards.append(parse_guard(text, vocabulary))
        except ValueError as exc:
            raise DefinitionError(table.doc.name, line, str(exc)) from exc
    to_step = table.ident("to", required=False)
    completes = table.ident("completes", required=False)
    if (to_step is None) == (completes is None):
        raise table.error(
            'an action needs either "to" (the next step) or "completes" (a task of its step), '
            "exactly one of them"
        )
    returns = table.flag("returns", False)
    if returns and to_step is None:
        raise table.error('a return action needs "to": the step it goes back to', "returns")
    if returns and table.has("comment_required") and not table.flag("comment_required", True):
        raise table.error(
            "a return action always needs a comment; remove comment_required = false",
            "comment_required",
        )
    return Action(
        id=str(table.ident("id")),
        title=table.text("title"),
        from_step=str(table.ident("from")),
        roles=tuple(roles),
        to_step=to_step,
        completes=completes,
        guards=tuple(guards),
        signature=signature,
        comment_required=returns or table.flag("comment_required", False),
        returns=returns,
    )


def _flow_facts(flow: Flow) -> tuple[FactKind, ...]:
    kinds: list[FactKind] = []
    for step in flow.steps:
        if step.records:
            title = lower_first(step.title)
            kinds.append(FactKind(step.records, None, f"{title} complete", f"{title} not complete"))
    for step in flow.steps:
        for task in step.tasks:
            if task.records:
                kinds.append(
                    FactKind(
                        task.records,
                        None,
                        flow.pending_phrase(task, done=True),
                        flow.pending_phrase(task),
                    )
                )
    return tuple(kinds)


def load_flows(directory: Path | None = None) -> dict[str, Flow]:
    """Every flow in *directory* (``workflows/`` by default), by flow id.

    Only the ``*.toml`` files directly in the folder are flows; sub-folders such as
    ``rules/`` hold other kinds of definition.
    """
    folder = directory or workflows_dir()
    flows: dict[str, Flow] = {}
    for path in sorted(folder.glob("*.toml")):
        flow = load_flow(path)
        if flow.id in flows:
            doc = load_toml(path)
            raise doc.error(
                f'flow id "{flow.id}" is already used by {flows[flow.id].source}', "flow", "id"
            )
        flows[flow.id] = flow
    return flows


def load_shipped_flow() -> Flow:
    """The incident response flow shipped in ``workflows/incident_response.toml``."""
    return load_flow(workflows_dir() / "incident_response.toml")

"""Structural checks of a response flow: every name exists, and the graph can be walked.

The graph rules: forward actions (all but those marked ``returns``) form no loop, a return
action goes back to a step that leads forward to where it starts, every step can be reached
from the start, and closure can be reached from every step. With these, an incident can
always be brought to closure by some sequence of actions, whatever loops it went through.
"""

from __future__ import annotations

from collections.abc import Mapping

from qa_desktop.domain.incident import IncidentStatus
from qa_desktop.workflow.flow import Action, Flow
from qa_desktop.workflow.toml_source import TomlDocument


def next_steps(flow: Flow, step_id: str, *, include_returns: bool = True) -> list[str]:
    """The steps one action away from *step_id*, in file order."""
    return [
        a.to_step
        for a in flow.actions_from(step_id)
        if a.to_step is not None and (include_returns or not a.returns)
    ]


def reachable(
    flow: Flow, origin: str, *, include_returns: bool = True, backwards: bool = False
) -> set[str]:
    """The steps reachable from *origin* by one or more actions (or leading to it, backwards).

    *origin* itself is in the result only when a loop leads back to it.
    """
    edges: dict[str, list[str]] = {s.id: [] for s in flow.steps}
    for step in flow.steps:
        for target in next_steps(flow, step.id, include_returns=include_returns):
            if backwards:
                edges.setdefault(target, []).append(step.id)
            else:
                edges[step.id].append(target)
    seen: set[str] = set()
    pending = list(edges.get(origin, []))
    while pending:
        current = pending.pop()
        if current not in seen:
            seen.add(current)
            pending.extend(edges.get(current, []))
    return seen


def forward_loop(flow: Flow) -> Action | None:
    """The first action, in file order of a depth-first walk, that closes a loop without being
    marked ``returns``; ``None`` when forward actions form no loop."""
    finished: set[str] = set()
    on_path: set[str] = set()

    def visit(step_id: str) -> Action | None:
        on_path.add(step_id)
        for action in flow.actions_from(step_id):
            target = action.to_step
            if target is None or action.returns or target in finished:
                continue
            if target in on_path:
                return action
            found = visit(target)
            if found:
                return found
        on_path.discard(step_id)
        finished.add(step_id)
        return None

    for step in flow.steps:
        if step.id not in finished:
            found = visit(step.id)
            if found:
                return found
    return None


def check_references(
    doc: TomlDocument,
    flow: Flow,
    step_index: Mapping[str, int],
    task_index: Mapping[str, int],
    action_index: Mapping[str, int],
) -> None:
    """Refuse statuses, tasks and actions that name steps or tasks wrongly."""
    final = flow.step(flow.final)
    if final.status is not IncidentStatus.CLOSED:
        raise doc.error(
            'the final step must have status "closed"', "steps", step_index[final.id], "status"
        )
    for step in flow.steps:
        if step.id != flow.final and step.status is IncidentStatus.CLOSED:
            raise doc.error(
                'only the final step may have status "closed"',
                "steps",
                step_index[step.id],
                "status",
            )
    for task in final.tasks:
        raise doc.error(
            f'the final step "{final.id}" cannot have tasks', "tasks", task_index[task.id], "step"
        )
    finishers = {a.completes for a in flow.actions}
    for step in flow.steps:
        for task in step.tasks:
            if task.id not in finishers:
                raise doc.error(
                    f'no action completes task "{task.id}", so step "{step.id}" could never '
                    "be left forward",
                    "tasks",
                    task_index[task.id],
                )
    _check_action_references(doc, flow, step_index, task_index, action_index)


def _check_action_references(
    doc: TomlDocument,
    flow: Flow,
    step_index: Mapping[str, int],
    task_index: Mapping[str, int],
    action_index: Mapping[str, int],
) -> None:
    for action in flow.actions:
        where = ("actions", action_index[action.id])
        if action.from_step not in step_index:
            raise doc.error(f'step "{action.from_step}" does not exist', *where, "from")
        if action.from_step == flow.final:
            raise doc.error(
                f'the final step "{flow.final}" ends the flow; no action may start there',
                *where,
                "from",
            )
        if action.to_step is not None and action.to_step not in step_index:
            raise doc.error(f'step "{action.to_step}" does not exist', *where, "to")
        if action.completes is not None:
            if action.completes not in task_index:
                raise doc.error(f'task "{action.completes}" does not exist', *where, "completes")
            if flow.task(action.completes).step != action.from_step:
                raise doc.error(
                    f'task "{action.completes}" belongs to step '
                    f'"{flow.task(action.completes).step}", not to "{action.from_step}"',
                    *where,
                    "completes",
                )


def check_graph(
    doc: TomlDocument,
    flow: Flow,
    step_index: Mapping[str, int],
    action_index: Mapping[str, int],
) -> None:
    """Refuse loops not marked as returns, unreachable steps and steps that cannot close."""
    loop = forward_loop(flow)
    if loop is not None:
        raise doc.error(
            f'action "{loop.id}" leads from "{loop.from_step}" back to "{loop.to_step}", making '
            "a loop; an action that returns work for comments or more information must say "
            "returns = true",
            "actions",
            action_index[loop.id],
            "to",
        )
    for action in flow.actions:
        if action.returns and action.from_step not in reachable(
            flow, str(action.to_step), include_returns=False
        ):
            raise doc.error(
                f'return action "{action.id}" must go back to an earlier step, but '
                f'"{action.to_step}" does not lead to "{action.from_step}"',
                "actions",
                action_index[action.id],
                "to",
            )
    from_start = reachable(flow, flow.start) | {flow.start}
    to_final = reachable(flow, flow.final, backwards=True) | {flow.final}
    for step in flow.steps:
        if step.id not in from_start:
            raise doc.error(
                f'step "{step.id}" cannot be reached from the start step "{flow.start}"',
                "steps",
                step_index[step.id],
            )
    for step in flow.steps:
        if step.id not in to_final:
            raise doc.error(
                f'closure ("{flow.final}") cannot be reached from step "{step.id}"',
                "steps",
                step_index[step.id],
            )

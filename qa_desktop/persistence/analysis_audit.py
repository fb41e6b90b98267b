"""The audit trail of analyses: one entry per element a save added, changed or removed.

Elements are compared in the interchange's flat shape (the same attributes a file carries),
so the trail names exactly what a reader of an exported file would see change: a cause's
status, a link's gate, a countermeasure's check result, a node moved on the canvas. Values
are canonical JSON with the element's id, text exactly as typed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.analysis.interchange_flat import flatten
from qa_desktop.domain.cause_graph import CauseLayer, id_sort_key
from qa_desktop.persistence import audit
from qa_desktop.persistence.analysis_store import ANALYSIS_ENTITY
from qa_desktop.persistence.clock_snapshots import canonical_json

_KIND_ORDER = ("incident", "cause", "link", "countermeasure", "yokoten", "review")


def graph_elements(graph: CauseGraph) -> dict[tuple[str, str], dict[str, Any]]:
    """Every element of *graph* by (kind, key), with its attributes as a file carries them."""
    flat = flatten(graph)
    elements: dict[tuple[str, str], dict[str, Any]] = {}
    for node_id, attrs in flat.nodes.items():
        # The label repeats the title (or the yokoten target); the trail need not.
        values = {k: v for k, v in attrs.items() if k not in ("kind", "label")}
        elements[(str(attrs["kind"]), node_id)] = {"id": node_id, **values}
    for source, target, attrs in flat.edges:
        kind = str(attrs["kind"])
        key = f"{source} → {target} ({kind})"
        values = {k: v for k, v in attrs.items() if k != "kind"}
        elements[("link", key)] = {"from": source, "to": target, "kind": kind, **values}
    for layer in CauseLayer:
        name = f"review_{layer.value}"
        if name in flat.graph:
            elements[("review", layer.value)] = {
                "layer": layer.value,
                "verdict": flat.graph[name],
                "reason": flat.graph.get(f"{name}_reason", ""),
            }
    return elements


def record_changes(
    session: Session,
    *,
    analysis_id: int,
    before: CauseGraph | None,
    after: CauseGraph,
    actor: str,
    at: datetime,
    action: str,
    reason: str = "",
) -> int:
    """Append an entry for each element that differs between *before* and *after*.

    The entry's field is the element's kind; old and new values are its attributes (absent
    for an element added or removed). Returns how many entries were written.
    """
    old = graph_elements(before) if before is not None else {}
    new = graph_elements(after)
    changed = [key for key in old.keys() | new.keys() if old.get(key) != new.get(key)]
    changed.sort(key=lambda key: (_KIND_ORDER.index(key[0]), id_sort_key(key[1])))
    for key in changed:
        audit.record(
            session,
            at=at,
            actor=actor,
            entity=ANALYSIS_ENTITY,
            entity_id=analysis_id,
            action=action,
            field=key[0],
            old=_json(old.get(key)),
            new=_json(new.get(key)),
            reason=reason,
        )
    return len(changed)


def record_event(
    session: Session,
    *,
    analysis_id: int,
    actor: str,
    at: datetime,
    action: str,
    field: str = "",
    new: str | None = None,
    reason: str = "",
) -> None:
    """Append one entry that is not an element change (closing, an evidence file, an import)."""
    audit.record(
        session,
        at=at,
        actor=actor,
        entity=ANALYSIS_ENTITY,
        entity_id=analysis_id,
        action=action,
        field=field,
        new=new,
        reason=reason,
    )


def _json(values: dict[str, Any] | None) -> str | None:
    return canonical_json(values) if values is not None else None

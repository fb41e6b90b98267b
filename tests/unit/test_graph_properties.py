"""Random edit sequences: never a cycle or a dangling reference, and undo restores exactly."""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from qa_desktop.analysis.graph_ops import (
    CauseGraph,
    Edit,
    GraphPatch,
    add_cause,
    add_countermeasure,
    add_yokoten,
    apply_patch,
    delete_cause,
    delete_countermeasure,
    edit_cause,
    integrity_problems,
    link_cause,
    move_nodes,
    new_graph,
    remove_gate,
    set_gate,
    set_layer_review,
    unlink_cause,
)
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseNode,
    CauseStatus,
    Countermeasure,
    GateKind,
    IncidentRoot,
    LayerReview,
    LayerVerdict,
    YokotenCandidate,
)
from qa_desktop.domain.errors import QaError

Pick = Callable[[list[str]], str]
Step = Callable[[CauseGraph, Pick, int], Edit]
_counter = iter(range(10**9))


def _fresh(prefix: str) -> str:
    return f"{prefix}{next(_counter)}"


def _add(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    layer = list(CauseLayer)[n % 4]
    node = CauseNode(_fresh("C"), layer, f"cause {n}", list(CauseStatus)[n % 4])
    effect = pick([ROOT_ID, *graph.causes]) if n % 3 else None
    return add_cause(graph, node, effect=effect)


def _link(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    return link_cause(graph, pick([ROOT_ID, *graph.causes]), pick(list(graph.causes)))


def _unlink(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    links = sorted(graph.links, key=lambda k: (k.effect, k.cause))
    link = links[n % len(links)] if links else None
    return unlink_cause(graph, link.effect, link.cause) if link else unlink_cause(graph, "x", "y")


def _delete(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    return delete_cause(graph, pick(list(graph.causes)))


def _gate(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    digraph = graph.caused_by()
    # Mostly an effect with two causes or more, so a gate forms; now and then any (refused).
    least = 2 if n % 5 else 0
    effect = pick([e for e in [ROOT_ID, *graph.causes] if digraph.out_degree(e) >= least])
    linked = sorted(c for _, c in digraph.out_edges(effect))
    return set_gate(graph, effect, linked[: 2 + n % 2], GateKind.AND if n % 2 else GateKind.OR)


def _ungate(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    return remove_gate(graph, pick(list(graph.gates)))


def _measure(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    removes = frozenset({pick(list(graph.causes))}) if graph.causes and n % 2 else frozenset()
    return add_countermeasure(graph, Countermeasure(_fresh("M"), f"measure {n}", removes=removes))


def _drop_measure(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    return delete_countermeasure(graph, pick(list(graph.countermeasures)))


def _candidate(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    shared = pick(list(graph.causes)) if graph.causes and n % 2 else ""
    return add_yokoten(graph, YokotenCandidate(_fresh("Y"), product="FH-300", shared_cause=shared))


def _restatus(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    chosen = pick(list(graph.causes))
    node = graph.causes.get(chosen, CauseNode(chosen, CauseLayer.PROCESS, "gone"))
    new = CauseNode(node.id, node.layer, node.title + "!", CauseStatus.CONFIRMED, owner="Sato")
    return edit_cause(graph, new)


def _review(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    review = LayerReview(list(CauseLayer)[n % 4], LayerVerdict.NOT_APPLICABLE, f"reason {n}")
    return set_layer_review(graph, review)


def _move(graph: CauseGraph, pick: Pick, n: int) -> Edit:
    return move_nodes(graph, {pick([ROOT_ID, *graph.causes]): (n * 1.5, -n / 3)})


STEPS: list[Step] = [
    _add, _add, _add, _link, _link, _link, _unlink, _delete, _gate, _ungate, _measure,
    _drop_measure, _candidate, _restatus, _review, _move,
]


def base_graph() -> CauseGraph:
    graph = new_graph(IncidentRoot("INC-2026-0007", "Charger overheated"))
    for number, effect in enumerate([ROOT_ID, ROOT_ID, "B1", "B2"], start=1):
        node = CauseNode(f"B{number}", CauseLayer.TECHNICAL, f"base {number}")
        graph = add_cause(graph, node, effect=effect).graph
    return graph


edit_sequences = st.lists(
    st.tuples(st.sampled_from(STEPS), st.integers(0, 1_000), st.integers(0, 1_000)),
    max_size=40,
)


def _apply_all(sequence: list[tuple[Step, int, int]]) -> tuple[CauseGraph, list[GraphPatch]]:
    graph = base_graph()
    undos: list[GraphPatch] = []
    for step, choice, n in sequence:

        def pick(options: list[str], choice: int = choice) -> str:
            return options[choice % len(options)] if options else "missing"

        before = graph
        try:
            edit = step(graph, pick, n)
        except QaError:
            assert graph == before  # a refused edit leaves the graph as it was
            continue
        graph = edit.graph
        undos.append(edit.undo)
        assert integrity_problems(graph) == []
        assert nx.is_directed_acyclic_graph(graph.caused_by())
        referenced = {c for m in graph.countermeasures.values() for c in m.removes}
        referenced |= {y.shared_cause for y in graph.yokoten.values()} - {""}
        referenced |= {c for g in graph.gates.values() for c in g.causes}
        referenced |= {e for link in graph.links for e in (link.effect, link.cause)} - {ROOT_ID}
        assert referenced <= set(graph.causes)
    return graph, undos


@settings(max_examples=100, deadline=None)
@given(edit_sequences)
def test_random_edits_never_make_a_cycle_or_a_dangling_link(
    sequence: list[tuple[Step, int, int]],
) -> None:
    _apply_all(sequence)


@settings(max_examples=100, deadline=None)
@given(edit_sequences)
def test_undoing_any_edit_sequence_restores_the_original_exactly(
    sequence: list[tuple[Step, int, int]],
) -> None:
    final, undos = _apply_all(sequence)
    graph = final
    redos: list[GraphPatch] = []
    for undo in reversed(undos):
        edit = apply_patch(graph, undo)
        graph = edit.graph
        redos.append(edit.undo)
    assert graph == base_graph()
    for redo in reversed(redos):
        graph = apply_patch(graph, redo).graph
    assert graph == final

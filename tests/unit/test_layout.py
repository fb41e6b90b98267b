"""Automatic layout: columns left to right, no overlaps, fewer crossings, saved places kept."""

from __future__ import annotations

import random
from collections import defaultdict
from itertools import pairwise

import pytest

from qa_desktop.analysis.graph_ops import CauseGraph, add_cause, move_nodes, new_graph
from qa_desktop.analysis.layout import LayoutSpacing, count_crossings, layered_layout
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseLink,
    CauseNode,
    IncidentRoot,
)

SPACING = LayoutSpacing()


def random_analysis(causes: int, seed: int) -> CauseGraph:
    """A tree of causes with extra cross links to later causes (acyclic by construction)."""
    rnd = random.Random(seed)
    ids = [ROOT_ID]
    nodes: dict[str, CauseNode] = {}
    links: set[CauseLink] = set()
    for number in range(1, causes + 1):
        cause_id = f"C{number}"
        nodes[cause_id] = CauseNode(cause_id, list(CauseLayer)[number % 4], f"cause {number}")
        links.add(CauseLink(rnd.choice(ids[-30:]), cause_id))
        ids.append(cause_id)
    for _ in range(causes // 5):
        first = rnd.randrange(1, causes)
        links.add(CauseLink(ids[first], ids[rnd.randrange(first + 1, min(causes, first + 20) + 1)]))
    return CauseGraph(IncidentRoot("INC-2026-0100", "Battery swelling"), nodes, frozenset(links))


def assert_no_overlaps(positions: dict[str, tuple[float, float]]) -> None:
    columns: dict[float, list[float]] = defaultdict(list)
    for x, y in positions.values():
        columns[x].append(y)
    for ys in columns.values():
        ys.sort()
        gaps = [b - a for a, b in pairwise(ys)]
        assert min(gaps, default=SPACING.row_gap) >= SPACING.row_gap - 1e-6


def test_every_link_points_right_and_no_two_causes_overlap() -> None:
    graph = random_analysis(300, seed=3)
    positions = layered_layout(graph)
    assert set(positions) == {ROOT_ID, *graph.causes}
    assert positions[ROOT_ID] == (0.0, 0.0)
    for link in graph.links:
        assert positions[link.cause][0] > positions[link.effect][0]
    assert_no_overlaps(positions)


def test_a_cause_sits_one_column_right_of_its_deepest_effect() -> None:
    graph = random_analysis(60, seed=8)
    positions = layered_layout(graph)
    for cause_id in graph.causes:
        effects = [link.effect for link in graph.links if link.cause == cause_id]
        deepest = max(positions[e][0] for e in effects)
        assert positions[cause_id][0] == deepest + SPACING.column_gap


def crossed_pairs() -> CauseGraph:
    """C1..C3 in column 1 each caused by one of C4..C6, numbered so that id order crosses."""
    graph = new_graph(IncidentRoot("INC-2026-0101", "Door hinge broke"))
    for number in (1, 2, 3):
        graph = add_cause(
            graph, CauseNode(f"C{number}", CauseLayer.TECHNICAL, "effect side"), effect=ROOT_ID
        ).graph
    for number, effect in ((4, "C3"), (5, "C2"), (6, "C1")):
        graph = add_cause(
            graph, CauseNode(f"C{number}", CauseLayer.PROCESS, "cause side"), effect=effect
        ).graph
    return graph


def test_crossing_reduction_untangles_a_known_graph() -> None:
    graph = crossed_pairs()
    naive = layered_layout(graph, sweeps=0)
    assert count_crossings(graph, naive) == 3
    assert count_crossings(graph, layered_layout(graph)) == 0


def test_crossing_reduction_never_does_worse_than_id_order() -> None:
    counts = []
    for seed in range(5):
        graph = random_analysis(120, seed)
        naive = count_crossings(graph, layered_layout(graph, sweeps=0))
        counts.append((count_crossings(graph, layered_layout(graph)), naive))
    assert all(reduced <= naive for reduced, naive in counts)
    assert sum(reduced for reduced, _ in counts) < sum(naive for _, naive in counts) / 2


def test_saved_positions_are_kept_and_only_new_causes_are_placed() -> None:
    graph = random_analysis(40, seed=5)
    saved = layered_layout(graph)
    graph = move_nodes(graph, saved).graph
    graph = move_nodes(graph, {"C3": (5_000.0, -700.0)}).graph  # the user dragged one away
    graph = add_cause(graph, CauseNode("C41", CauseLayer.FRAMEWORK, "new"), effect="C3").graph
    graph = add_cause(graph, CauseNode("C42", CauseLayer.FRAMEWORK, "new"), effect="C3").graph
    graph = add_cause(graph, CauseNode("C43", CauseLayer.MOTIVATION, "new"), effect="C42").graph
    positions = layered_layout(graph)
    for cause_id, node in graph.causes.items():
        if node.x is not None:
            assert positions[cause_id] == (node.x, node.y)
    assert positions[ROOT_ID] == saved[ROOT_ID]
    new = ["C41", "C42", "C43"]
    assert positions["C41"][0] == positions["C42"][0] == 5_000.0 + SPACING.column_gap
    assert positions["C43"][0] == positions["C42"][0] + SPACING.column_gap
    for cause_id in new:
        for other, (x, y) in positions.items():
            if other != cause_id and abs(x - positions[cause_id][0]) < SPACING.column_gap * 0.75:
                assert abs(y - positions[cause_id][1]) >= SPACING.row_gap


def test_relayout_all_replaces_saved_positions() -> None:
    graph = random_analysis(30, seed=2)
    fresh = layered_layout(graph)
    moved = move_nodes(graph, {"C5": (-9_999.0, 9_999.0)}).graph
    assert layered_layout(moved)["C5"] == (-9_999.0, 9_999.0)
    assert layered_layout(moved, relayout_all=True) == fresh


def test_unlinked_causes_are_placed_too() -> None:
    graph = new_graph(IncidentRoot("INC-2026-0102", "Lid cracked"))
    graph = add_cause(graph, CauseNode("C1", CauseLayer.TECHNICAL, "linked"), effect=ROOT_ID).graph
    graph = add_cause(graph, CauseNode("C2", CauseLayer.PROCESS, "not yet linked")).graph
    positions = layered_layout(graph)
    assert positions["C1"][0] == positions["C2"][0] == SPACING.column_gap
    assert_no_overlaps(positions)


@pytest.mark.slow
def test_five_thousand_causes_are_all_placed_without_overlaps() -> None:
    # The time it takes is measured by benchmarks/bench_graph_editor.py, not asserted here.
    graph = random_analysis(5_000, seed=1)
    positions = layered_layout(graph)
    assert len(positions) == 5_001
    assert_no_overlaps(positions)

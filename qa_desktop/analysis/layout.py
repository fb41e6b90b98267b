"""Automatic left-to-right layout of a cause graph (layered, Sugiyama style).

The incident sits in column 0 and every cause one column right of its deepest effect
(longest path), so "caused by" links always point right. Links spanning several columns
pass through invisible waypoints so that they take part in crossing reduction, which sorts
each column by the barycentre of its neighbours in sweeps down and up the columns and keeps
the best order seen. Rows are then placed as close to their neighbours as the minimum gap
allows (isotonic regression per column), which straightens chains and long links.

Every step is linear in nodes plus links (sorting aside), so 5,000 causes lay out in a
fraction of a second. Positions are centres of nodes, in scene units.

Saved positions are kept: only nodes without one are placed, next to their effects and
clear of the nodes already there. ``relayout_all=True`` places everything afresh.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import ROOT_ID, id_sort_key
from qa_desktop.domain.errors import QaError

Position = tuple[float, float]

# A waypoint of a long link needs less room than a cause box.
_WAYPOINT_SHARE = 0.3
_SWEEPS_WITHOUT_GAIN = 2
_TRANSPOSE_PASSES = 4


@dataclass(frozen=True, slots=True)
class LayoutSpacing:
    """Distances between node centres: columns (x) and rows within a column (y)."""

    column_gap: float = 280.0
    row_gap: float = 100.0


def layered_layout(
    graph: CauseGraph,
    *,
    relayout_all: bool = False,
    spacing: LayoutSpacing | None = None,
    sweeps: int = 8,
) -> dict[str, Position]:
    """Positions (centres) for the incident and every cause.

    Nodes with a saved position keep it unless *relayout_all*; the rest are placed.
    *sweeps* bounds the rounds of crossing reduction (0 keeps the id order of each column).
    """
    spacing = spacing or LayoutSpacing()
    node_ids = [ROOT_ID, *sorted(graph.causes, key=id_sort_key)]
    saved = {} if relayout_all else _saved_positions(graph)
    if len(saved) == len(node_ids):
        return saved
    fresh = _LayeredDrawing(graph, node_ids, spacing, sweeps).positions()
    if not saved:
        return fresh
    return _place_new(graph, node_ids, saved, fresh, spacing)


def _saved_positions(graph: CauseGraph) -> dict[str, Position]:
    saved: dict[str, Position] = {}
    root = graph.incident
    if root.x is not None and root.y is not None:
        saved[ROOT_ID] = (root.x, root.y)
    for node in graph.causes.values():
        if node.x is not None and node.y is not None:
            saved[node.id] = (node.x, node.y)
    return saved


class _LayeredDrawing:
    """One run of the layered layout over integer vertices (causes first, then waypoints)."""

    def __init__(
        self, graph: CauseGraph, node_ids: list[str], spacing: LayoutSpacing, sweeps: int
    ) -> None:
        self.node_ids = node_ids
        self.spacing = spacing
        index = {node_id: i for i, node_id in enumerate(node_ids)}
        edges = sorted((index[link.effect], index[link.cause]) for link in graph.links)
        self.rank = _longest_path_ranks(len(node_ids), edges)
        self.up: list[list[int]] = [[] for _ in node_ids]
        self.down: list[list[int]] = [[] for _ in node_ids]
        self.height: list[float] = [spacing.row_gap] * len(node_ids)
        self.layers: list[list[int]] = [[] for _ in range(max(self.rank, default=0) + 1)]
        for vertex, rank in enumerate(self.rank):
            self.layers[rank].append(vertex)
        for effect, cause in edges:
            self._add_chain(effect, cause)
        self._reduce_crossings(sweeps)

    def _add_chain(self, effect: int, cause: int) -> None:
        previous = effect
        for rank in range(self.rank[effect] + 1, self.rank[cause]):
            waypoint = len(self.rank)
            self.rank.append(rank)
            self.up.append([previous])
            self.down.append([])
            self.height.append(self.spacing.row_gap * _WAYPOINT_SHARE)
            self.layers[rank].append(waypoint)
            self.down[previous].append(waypoint)
            previous = waypoint
        self.down[previous].append(cause)
        self.up[cause].append(previous)

    # ------------------------------------------------------------------ crossing reduction

    def _reduce_crossings(self, sweeps: int) -> None:
        # Id order is the baseline; the result is never worse than it.
        best = [list(layer) for layer in self.layers]
        best_crossings = self.crossings()
        if sweeps and best_crossings:
            self._depth_first_order()
        without_gain = 0
        for _ in range(sweeps):
            if best_crossings == 0 or without_gain >= _SWEEPS_WITHOUT_GAIN:
                break
            self._sweep(range(1, len(self.layers)), self.up)
            self._sweep(range(len(self.layers) - 2, -1, -1), self.down)
            self._transpose()
            crossings = self.crossings()
            if crossings < best_crossings:
                best, best_crossings, without_gain = [list(x) for x in self.layers], crossings, 0
            else:
                without_gain += 1
        self.layers = best

    def _depth_first_order(self) -> None:
        """Order each column by first visit from the incident: subtrees start out together."""
        visited = [False] * len(self.rank)
        order: list[int] = []
        for start in range(len(self.rank)):
            if visited[start] or (start and self.up[start]):
                continue
            stack = [start]
            while stack:
                vertex = stack.pop()
                if visited[vertex]:
                    continue
                visited[vertex] = True
                order.append(vertex)
                stack.extend(reversed(self.down[vertex]))
        for layer in self.layers:
            layer.clear()
        for vertex in order:
            self.layers[self.rank[vertex]].append(vertex)

    def _transpose(self) -> None:
        """Swap neighbours within a column while that removes crossings (a few passes)."""
        position = self._positions_in_layers()
        for _ in range(_TRANSPOSE_PASSES):
            improved = False
            for layer in self.layers:
                for i in range(len(layer) - 1):
                    left, right = layer[i], layer[i + 1]
                    if self._pair_crossings(right, left, position) < self._pair_crossings(
                        left, right, position
                    ):
                        layer[i], layer[i + 1] = right, left
                        position[left], position[right] = i + 1, i
                        improved = True
            if not improved:
                return

    def _pair_crossings(self, left: int, right: int, position: list[int]) -> int:
        """Crossings between the links of *left* and *right* if *left* stands above *right*."""
        total = 0
        for near in (self.up, self.down):
            for a in near[left]:
                for b in near[right]:
                    total += position[a] > position[b]
        return total

    def _sweep(self, ranks: range, neighbours: list[list[int]]) -> None:
        position = self._positions_in_layers()
        for rank in ranks:
            layer = self.layers[rank]

            def barycentre(vertex: int) -> tuple[float, int]:
                near = neighbours[vertex]
                if not near:
                    return (float(position[vertex]), position[vertex])
                return (sum(position[n] for n in near) / len(near), position[vertex])

            layer.sort(key=barycentre)
            for i, vertex in enumerate(layer):
                position[vertex] = i

    def _positions_in_layers(self) -> list[int]:
        position = [0] * len(self.rank)
        for layer in self.layers:
            for i, vertex in enumerate(layer):
                position[vertex] = i
        return position

    def crossings(self) -> int:
        """Link crossings between neighbouring columns in the current order."""
        position = self._positions_in_layers()
        total = 0
        for upper, lower in pairwise(self.layers):
            targets = [p for u in upper for p in sorted(position[d] for d in self.down[u])]
            total += _inversions(targets, len(lower))
        return total

    # ------------------------------------------------------------------ coordinates

    def positions(self) -> dict[str, Position]:
        """Centres of the real nodes; the incident at (0, 0)."""
        y = [0.0] * len(self.rank)
        for layer in self.layers:
            offset = 0.0
            for i, vertex in enumerate(layer):
                if i:
                    offset += (self.height[layer[i - 1]] + self.height[vertex]) / 2
                y[vertex] = offset
        down_ranks = range(1, len(self.layers))
        up_ranks = range(len(self.layers) - 2, -1, -1)
        for ranks, neighbours in ((down_ranks, self.up), (up_ranks, self.down)) * 2:
            for rank in ranks:
                self._align(self.layers[rank], neighbours, y)
        root_y = y[0]
        gap = self.spacing.column_gap
        return {
            node_id: (self.rank[v] * gap, y[v] - root_y) for v, node_id in enumerate(self.node_ids)
        }

    def _align(self, layer: list[int], neighbours: list[list[int]], y: list[float]) -> None:
        desired = []
        for vertex in layer:
            near = neighbours[vertex]
            desired.append(sum(y[n] for n in near) / len(near) if near else y[vertex])
        gaps = [0.0]
        for before, after in pairwise(layer):
            gaps.append(gaps[-1] + (self.height[before] + self.height[after]) / 2)
        fitted = _isotonic([d - g for d, g in zip(desired, gaps, strict=True)])
        for vertex, z, g in zip(layer, fitted, gaps, strict=True):
            y[vertex] = z + g


def _longest_path_ranks(count: int, edges: list[tuple[int, int]]) -> list[int]:
    """Column of each vertex: one more than its deepest effect; unlinked causes in column 1."""
    children: list[list[int]] = [[] for _ in range(count)]
    waiting = [0] * count
    for effect, cause in edges:
        children[effect].append(cause)
        waiting[cause] += 1
    rank = [1] * count
    rank[0] = 0
    ready = [v for v in range(count) if waiting[v] == 0]
    done = 0
    while ready:
        vertex = ready.pop()
        done += 1
        for child in children[vertex]:
            rank[child] = max(rank[child], rank[vertex] + 1)
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    if done < count:
        raise QaError("The causes form a cycle, so they cannot be laid out in columns.")
    return rank


def _inversions(values: list[int], size: int) -> int:
    """Pairs out of order in *values* (each in ``0..size-1``), counted with a Fenwick tree."""
    tree = [0] * (size + 1)
    total = 0
    for seen, value in enumerate(values):
        # Count earlier values strictly greater than this one.
        i, not_greater = value + 1, 0
        while i > 0:
            not_greater += tree[i]
            i -= i & -i
        total += seen - not_greater
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return total


def _isotonic(targets: list[float]) -> list[float]:
    """The non-decreasing sequence nearest to *targets* in least squares (pool adjacent)."""
    sums: list[float] = []
    counts: list[int] = []
    for value in targets:
        sums.append(value)
        counts.append(1)
        while len(sums) > 1 and sums[-2] / counts[-2] > sums[-1] / counts[-1]:
            last_sum, last_count = sums.pop(), counts.pop()
            sums[-1] += last_sum
            counts[-1] += last_count
    fitted: list[float] = []
    for total, count in zip(sums, counts, strict=True):
        fitted.extend([total / count] * count)
    return fitted


# ---------------------------------------------------------------------- keeping saved positions


class _Occupancy:
    """Node centres bucketed by column, to find a free row for a new node quickly."""

    def __init__(self, spacing: LayoutSpacing) -> None:
        self.spacing = spacing
        self.columns: dict[int, list[tuple[float, float]]] = {}
        self.count = 0

    def _column(self, x: float) -> int:
        return round(x / self.spacing.column_gap)

    def add(self, position: Position) -> None:
        bisect.insort(self.columns.setdefault(self._column(position[0]), []), position[::-1])
        self.count += 1

    def free(self, x: float, y: float) -> bool:
        width, height = self.spacing.column_gap * 0.75, self.spacing.row_gap
        column = self._column(x)
        for near in (column - 1, column, column + 1):
            entries = self.columns.get(near, [])
            start = bisect.bisect_right(entries, (y - height, float("inf")))
            for other_y, other_x in entries[start:]:
                if other_y >= y + height:
                    break
                if abs(other_x - x) < width:
                    return False
        return True

    def nearest_free(self, x: float, y: float) -> float:
        step = self.spacing.row_gap
        for distance in range(self.count + 2):
            for candidate in (y + distance * step, y - distance * step):
                if self.free(x, candidate):
                    return candidate
        return y  # unreachable: some row within n steps is always free


def _place_new(
    graph: CauseGraph,
    node_ids: list[str],
    saved: Mapping[str, Position],
    fresh: Mapping[str, Position],
    spacing: LayoutSpacing,
) -> dict[str, Position]:
    placed = dict(saved)
    occupancy = _Occupancy(spacing)
    for position in saved.values():
        occupancy.add(position)
    effects: dict[str, list[str]] = {}
    causes: dict[str, list[str]] = {}
    for link in graph.links:
        effects.setdefault(link.cause, []).append(link.effect)
        causes.setdefault(link.effect, []).append(link.cause)
    below = max(y for _, y in saved.values()) + 2 * spacing.row_gap
    fresh_top = min(y for _, y in fresh.values())
    # In column order, so a new node's new effects are placed before it.
    for node_id in sorted((n for n in node_ids if n not in saved), key=lambda n: fresh[n]):
        anchors = [placed[e] for e in effects.get(node_id, []) if e in placed]
        if anchors:
            x = max(a[0] for a in anchors) + spacing.column_gap
        else:
            anchors = [placed[c] for c in causes.get(node_id, []) if c in placed]
            x = min((a[0] for a in anchors), default=fresh[node_id][0] + spacing.column_gap)
            x -= spacing.column_gap
        if anchors:
            y = sum(a[1] for a in anchors) / len(anchors)
        else:
            y = below + fresh[node_id][1] - fresh_top
        position = (x, occupancy.nearest_free(x, y))
        placed[node_id] = position
        occupancy.add(position)
    return placed


def count_crossings(graph: CauseGraph, positions: Mapping[str, Position]) -> int:
    """How many pairs of links cross when drawn as straight lines (quadratic: for checks)."""
    segments = [(positions[link.effect], positions[link.cause]) for link in graph.links]
    total = 0
    for i, (a, b) in enumerate(segments):
        for c, d in segments[i + 1 :]:
            if len({a, b, c, d}) == 4 and _cross(a, b, c, d):
                total += 1
    return total


def _cross(a: Position, b: Position, c: Position, d: Position) -> bool:
    def turn(p: Position, q: Position, r: Position) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return turn(a, b, c) * turn(a, b, d) < 0 and turn(c, d, a) * turn(c, d, b) < 0

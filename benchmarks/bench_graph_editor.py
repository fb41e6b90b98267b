"""Opening a 500-cause analysis in the cause-graph editor: layout, scene, first paint.

    .venv/bin/python benchmarks/bench_graph_editor.py [--causes 500] [--runs 9]

Target: layout and first paint of a 500-cause graph under 300 ms. Three figures, medians
over the runs (each run starts from a fresh scene; the first run, which warms caches, is
not counted):

- ``scene``: automatic layout, building the scene, fitting the whole graph into an
  1400 x 900 view and painting it (what the analyst sees on opening);
- ``scene_actual_size``: the same, painted at 100 % (text drawn for the nodes in view);
- ``editor``: the whole editor window with its panels opened on the graph and painted
  (the analysis read from a stand-in service, so no database time is included).

Writes ``benchmarks/results/graph_editor.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.analysis.layout import layered_layout
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseLink,
    CauseNode,
    CauseStatus,
    IncidentRoot,
)
from qa_desktop.domain.roles import Role
from qa_desktop.resources import japanese_font_path
from qa_desktop.services.analysis_results import AnalysisRecord, AnalysisStatus
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.cause_graph.editor_window import AnalysisEditor
from qa_desktop.ui.cause_graph.graph_view import CauseGraphView
from qa_desktop.ui.cause_graph.scene import CauseGraphScene
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.tasks import SynchronousTaskRunner

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_MS = 300.0
_TITLES = [
    "Solder joint cracked under thermal cycling",
    "検査工程で温度試験が省略された",
    "Supplier changed the insulation material without approval",
    "納期圧力で最終検査を短縮",
    "No rule for supplier change approval <b>&amp;</b>",
    "Operator skipped the torque check on night shift",
    "Design review did not consider cord bending at the plug",
]


def analysis_of(causes: int, seed: int = 7) -> CauseGraph:
    """A tree of causes with cross links to later causes (acyclic), about 1.2 links a cause."""
    rnd = random.Random(seed)
    ids = [ROOT_ID]
    nodes: dict[str, CauseNode] = {}
    links: set[CauseLink] = set()
    statuses = list(CauseStatus)
    for number in range(1, causes + 1):
        cause_id = f"C{number}"
        title = f"{_TITLES[number % len(_TITLES)]} ({number})"
        layer = list(CauseLayer)[number % 4]
        nodes[cause_id] = CauseNode(cause_id, layer, title, statuses[number % 4])
        links.add(CauseLink(rnd.choice(ids[-30:]), cause_id))
        ids.append(cause_id)
    for _ in range(causes // 5):
        first = rnd.randrange(1, causes)
        links.add(CauseLink(ids[first], ids[rnd.randrange(first + 1, min(causes, first + 20) + 1)]))
    return CauseGraph(IncidentRoot("INC-2026-0500", "Battery swelling"), nodes, frozenset(links))


def placed(graph: CauseGraph, positions: dict[str, tuple[float, float]]) -> CauseGraph:
    """*graph* with every node at its laid-out position (no validation: the value is known)."""
    causes = {
        cause_id: _moved(node, positions[cause_id]) for cause_id, node in graph.causes.items()
    }
    root = graph.incident
    x, y = positions[ROOT_ID]
    incident = IncidentRoot(root.reference, root.title, x=x, y=y)
    return CauseGraph(incident, causes, graph.links, graph.gates)


def _moved(node: CauseNode, at: tuple[float, float]) -> CauseNode:
    return CauseNode(node.id, node.layer, node.title, node.status, x=at[0], y=at[1])


def open_scene(graph: CauseGraph, *, fit: bool) -> dict[str, float]:
    """Lay out, build, show and paint once; the milliseconds of each step."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    started = time.perf_counter()
    positions = layered_layout(graph)
    laid_out = time.perf_counter()
    scene = CauseGraphScene()
    view = CauseGraphView(scene)
    view.resize(1400, 900)
    scene.show_graph(placed(graph, positions))
    built = time.perf_counter()
    if fit:
        view.fit_all()
    else:
        view.centerOn(scene.nodes[ROOT_ID])
    view.grab()  # paints every item in view, as the first frame on screen would
    painted = time.perf_counter()
    view.deleteLater()
    scene.deleteLater()
    app.processEvents()
    return {
        "layout_ms": (laid_out - started) * 1000,
        "scene_ms": (built - laid_out) * 1000,
        "paint_ms": (painted - built) * 1000,
        "total_ms": (painted - started) * 1000,
    }


class _StandInAnalyses:
    """Hands the editor a stored analysis without a database, so only the window is timed."""

    def __init__(self, graph: CauseGraph) -> None:
        self._record = AnalysisRecord(
            reference=graph.incident.reference,
            graph=graph,
            version=1,
            status=AnalysisStatus.DRAFT,
            updated_at=datetime.now(UTC),
            updated_by="bench",
        )

    def load(self, _user: Any, _reference: str) -> AnalysisRecord:
        return self._record


class _StandInServices:
    def __init__(self, graph: CauseGraph) -> None:
        self.analyses = _StandInAnalyses(graph)
        self.lessons = None


def open_editor(graph: CauseGraph) -> dict[str, float]:
    """Open the whole editor window on *graph* (without positions) and paint it once."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    user = CurrentUser(1, "bench", "Bench Engineer", Role.QA_ENGINEER)
    tasks = SynchronousTaskRunner(lambda exc: print(f"failed: {exc!r}"))
    started = time.perf_counter()
    editor = AnalysisEditor(
        None,
        user,
        tasks,
        EventHub(),
        graph.incident.reference,
        analysis_services=_StandInServices(graph),
    )
    editor.resize(1400, 900)
    editor.show()
    app.processEvents()  # lays out and paints the window once
    painted = time.perf_counter()
    editor.close()
    app.processEvents()
    return {"total_ms": (painted - started) * 1000}


def median_of(runs: int, measure: Callable[[], dict[str, float]]) -> dict[str, float]:
    """Medians of each figure over *runs* runs, after one warm-up run."""
    measure()
    samples = [measure() for _ in range(runs)]
    return {key: round(statistics.median(s[key] for s in samples), 1) for key in samples[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--causes", type=int, default=500)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    app = QApplication([])
    font_id = QFontDatabase.addApplicationFont(str(japanese_font_path()))
    font = QFont(app.font())
    font.setFamilies([font.family(), *QFontDatabase.applicationFontFamilies(font_id)])
    app.setFont(font)
    graph = analysis_of(args.causes)
    result = {
        "causes": len(graph.causes),
        "links": len(graph.links),
        "runs": args.runs,
        "target_ms": TARGET_MS,
        "platform": f"{platform.system()} {platform.machine()}, Qt {os.environ['QT_QPA_PLATFORM']}",
        "scene": median_of(args.runs, lambda: open_scene(graph, fit=True)),
        "scene_actual_size": median_of(args.runs, lambda: open_scene(graph, fit=False)),
        "editor": median_of(args.runs, lambda: open_editor(graph)),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "graph_editor.json").write_text(json.dumps(result, indent=2) + "\n")
    for name in ("scene", "scene_actual_size", "editor"):
        figures = ", ".join(f"{k} {v:.1f}" for k, v in result[name].items())
        print(f"{name}: {figures}")
    print(f"{result['causes']} causes, {result['links']} links; target {TARGET_MS:.0f} ms")


if __name__ == "__main__":
    main()

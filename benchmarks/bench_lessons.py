"""Lessons across analyses: similar past incidents over 1,000,000 incidents, and the
cross-incident view of recurring causes over 10,000 analyses.

    .venv/bin/python -m benchmarks.bench_lessons [--rows 1000000] [--analyses 10000] [--runs 40]

Targets (SQLite): similar-incident suggestions for an incident, median under 200 ms; opening
the cross-incident view (the 100 widest recurring causes), under 2 s. Both run through the
service layer (permission check, dataclasses) on a database of ``--rows`` incidents, built
once under benchmarks/data/ by the register benchmark's raw bulk load, of which
``--analyses`` carry an analysis of about a dozen causes (70 % confirmed, texts drawn from
a shared vocabulary so that causes recur as they do in a real history). The analyses are
stored raw too, but as the service stores them: the same document and derived rows.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from benchmarks.bench_register_queries import DATA, PASSWORD, RESULTS, build_sqlite
from qa_desktop.analysis.graph_ops import CauseGraph, new_graph
from qa_desktop.analysis.recurrence import normalise_text
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseLink,
    CauseNode,
    CauseStatus,
    CheckResult,
    Countermeasure,
    EffectivenessCheck,
)
from qa_desktop.persistence import analysis_store as store
from qa_desktop.persistence.analysis_models import CauseAnalysis
from qa_desktop.persistence.database import resolve_url
from qa_desktop.persistence.migrate import open_database
from qa_desktop.persistence.models import Incident
from qa_desktop.services import QaServices
from qa_desktop.services.analysis_facade import AnalysisServices

SIMILAR_TARGET_MS = 200.0
RECURRENCE_TARGET_S = 2.0

COMPONENTS = [
    f"{part} {n}"
    for part in (
        "connector J",
        "relay K",
        "thermostat T",
        "cord C",
        "fan motor M",
        "heater element H",
        "battery cell B",
        "PCB P",
    )
    for n in range(25)
]
FAILURES = [
    "overheating",
    "cracking",
    "corrosion",
    "short circuit",
    "被覆の溶融",
    "発煙",
    "loose contact",
    "swelling",
    "wear",
    "fracture",
]
PROCESSES = [f"No incoming inspection of {c}" for c in COMPONENTS[::4]] + [
    "Torque not checked at final assembly",
    "受入検査の手順がない",
    "Design review skipped",
    "Supplier change not notified",
    "Burn-in test shortened",
]
FRAMEWORKS = [
    "No rule for supplier change approval",
    "品質保証部門の権限が不明確",
    "Design standard does not cover heat dissipation",
    "No escalation path for field returns",
    "Audit plan omits sub-suppliers",
    "Change control board meets too rarely",
] + [f"Standard QS-{n} out of date" for n in range(30)]
MOTIVATIONS = [
    "Schedule pressure before launch",
    "納期優先の雰囲気",
    "Cost targets rewarded over quality",
    "Habit of skipping checklists",
    "Fear of reporting defects",
] + [f"Team {n} overloaded" for n in range(20)]
LAYER_TEXTS = {
    CauseLayer.PROCESS: PROCESSES,
    CauseLayer.FRAMEWORK: FRAMEWORKS,
    CauseLayer.MOTIVATION: MOTIVATIONS,
}


def synthetic_graph(rng: random.Random, graph: CauseGraph) -> CauseGraph:
    """An analysis of about a dozen causes over the four layers, linked as a tree."""
    causes: dict[str, CauseNode] = {}
    links: set[CauseLink] = set()
    effects = [ROOT_ID]
    number = 0
    for layer, count in (
        (CauseLayer.TECHNICAL, 4),
        (CauseLayer.PROCESS, 3),
        (CauseLayer.FRAMEWORK, 3),
        (CauseLayer.MOTIVATION, 2),
    ):
        added = []
        for _ in range(count):
            number += 1
            status = (
                CauseStatus.CONFIRMED
                if rng.random() < 0.7
                else rng.choice(
                    [CauseStatus.HYPOTHESIS, CauseStatus.RULED_OUT, CauseStatus.UNKNOWN]
                )
            )
            if layer is CauseLayer.TECHNICAL:
                component, failure = rng.choice(COMPONENTS), rng.choice(FAILURES)
                title = f"{component}: {failure}"
            else:
                component, failure, title = "", "", rng.choice(LAYER_TEXTS[layer])
            cause_id = f"C{number}"
            causes[cause_id] = CauseNode(
                cause_id,
                layer,
                title,
                status,
                component=component,
                failure_mode=failure,
                owner=f"owner{rng.randint(1, 40)}",
            )
            links.add(CauseLink(rng.choice(effects), cause_id))
            added.append(cause_id)
        effects = added
    confirmed = [c for c, node in causes.items() if node.status is CauseStatus.CONFIRMED]
    measures = {}
    for index in range(2):
        result = rng.choice(list(CheckResult))
        removes = frozenset(rng.sample(confirmed, min(2, len(confirmed))))
        measures[f"M{index + 1}"] = Countermeasure(
            f"M{index + 1}",
            f"Countermeasure {rng.randint(1, 500)}",
            owner="owner1",
            due_on=date(2024 + rng.randint(0, 3), rng.randint(1, 12), 1),
            check=EffectivenessCheck("No recurrence in 6 months", None, result),
            removes=removes,
        )
    return CauseGraph(graph.incident, causes, frozenset(links), {}, measures)


def add_analyses(services: QaServices, count: int, rows: int) -> None:
    """Store *count* analyses of random incidents, as the service stores them (raw, fast)."""
    rng = random.Random(10_000)
    chosen = sorted(rng.sample(range(1, rows + 1), count))
    now = services.now()

    def work(session: Session) -> None:
        for start in range(0, len(chosen), 2_000):
            batch = chosen[start : start + 2_000]
            incidents = session.scalars(select(Incident).where(Incident.id.in_(batch))).all()
            heads, derived = [], {}
            for incident in incidents:
                graph = synthetic_graph(rng, new_graph(store.incident_root(incident)))
                heads.append(
                    {
                        "id": incident.id,
                        "incident_id": incident.id,
                        "version": 1,
                        "status": store.DRAFT,
                        "document": store.graph_document(graph),
                        "product_key": normalise_text(incident.product_name)[:200],
                        "year": store.incident_year(incident),
                        "created_at": now,
                        "created_by": "bench",
                        "updated_at": now,
                        "updated_by": "bench",
                    }
                )
                for table, values in store.derived_rows(incident.id, graph).items():
                    derived.setdefault(table, []).extend(values)
            session.execute(insert(CauseAnalysis), heads)
            for table, values in derived.items():
                session.execute(insert(table), values)
            session.expunge_all()

    services.database.write(work)


def build(path: Path, rows: int, analyses: int) -> None:
    """The benchmark database: *rows* incidents, *analyses* of them analysed."""
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    print(f"building {path.name}: {rows:,} incidents…", flush=True)
    started = time.perf_counter()
    build_sqlite(partial, rows)
    database, _ = open_database(resolve_url(str(partial)))
    print(
        f"  incidents in {time.perf_counter() - started:.0f} s; {analyses:,} analyses…", flush=True
    )
    add_analyses(QaServices(database), analyses, rows)
    database.engine.dispose()
    partial.replace(path)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)


def timed(work: Callable[[], Any], runs: int) -> list[float]:
    """Seconds taken by each of *runs* calls of *work* (after one warm-up call)."""
    work()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--analyses", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"lessons-{args.rows}-{args.analyses}.sqlite3"
    if not path.exists():
        build(path, args.rows, args.analyses)
    database, _ = open_database(resolve_url(str(path)))
    services = QaServices(database)
    lessons = AnalysisServices(database, services.now, services.accounts).lessons
    actor = services.accounts.sign_in("bench", PASSWORD)
    rng = random.Random(7)
    analysed = database.read(
        lambda s: s.scalars(
            select(Incident.reference).join(CauseAnalysis, CauseAnalysis.incident_id == Incident.id)
        ).all()
    )
    fresh = database.read(
        lambda s: s.scalars(
            select(Incident.reference).where(Incident.id.in_(rng.sample(range(1, args.rows), 200)))
        ).all()
    )
    # Half the suggestions are for new incidents, half for incidents with an analysis.
    targets = rng.sample(list(analysed), args.runs // 2) + rng.sample(list(fresh), args.runs // 2)
    similar: list[float] = []
    found = []
    for reference in targets:
        lessons.similar_incidents(actor, reference)  # warm the statement cache once
        start = time.perf_counter()
        found.append(len(lessons.similar_incidents(actor, reference)))
        similar.append(time.perf_counter() - start)
    view = timed(lambda: lessons.recurring_causes(actor, limit=100), 5)
    full_view = timed(lambda: lessons.recurring_causes(actor, limit=None), 3)
    search = timed(lambda: lessons.search(actor, component="relay", text="corrosion"), 10)
    groups = lessons.recurring_causes(actor, limit=100)
    results = {
        "rows": args.rows,
        "analyses": args.analyses,
        "similar_incidents": {
            "runs": len(similar),
            "median_ms": statistics.median(similar) * 1000,
            "p90_ms": sorted(similar)[int(len(similar) * 0.9) - 1] * 1000,
            "max_ms": max(similar) * 1000,
            "mean_suggestions": statistics.mean(found),
            "target_ms": SIMILAR_TARGET_MS,
        },
        "recurring_causes_limit_100": {
            "median_s": statistics.median(view),
            "max_s": max(view),
            "groups": len(groups),
            "widest": groups[0].summary if groups else "",
            "target_s": RECURRENCE_TARGET_S,
        },
        "recurring_causes_all": {"median_s": statistics.median(full_view)},
        "search_component_and_text": {"median_ms": statistics.median(search) * 1000},
    }
    print(json.dumps(results, indent=2, ensure_ascii=False))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "lessons.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    ok = (
        results["similar_incidents"]["median_ms"] < SIMILAR_TARGET_MS
        and results["recurring_causes_limit_100"]["median_s"] < RECURRENCE_TARGET_S
    )
    print("targets met" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()

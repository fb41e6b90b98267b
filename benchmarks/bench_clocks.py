"""The deadlines view over 1,000,000 incidents with 100,000 running clocks, and reclassifying.

    .venv/bin/python -m benchmarks.bench_clocks [--rows 1000000] [--clocks 100000] [--runs 25]

The database (benchmarks/data/clocks-<rows>-<clocks>.sqlite3, git-ignored) is built once by
a raw bulk load: every tenth incident has a running clock of one of the shipped rules, with
its deadline computed by the domain arithmetic, first known inside that rule's reporting
window (one in twenty past it, so overdue); one old incident in seven has a stopped (filed)
clock, and a few clocks cannot start. Measured, each as the median of ``--runs`` alternating runs:

* the first page (100 rows) of the deadlines view through ``ReportingClockService.deadlines``
  (permission check, dataclasses) against the same SQL run raw; also filtered by business
  unit and by jurisdiction, and a page deep in the list (after 50,000 rows);
* the counts shown above the view;
* ``qa-desktop clocks`` in-process (``run_clocks``, output discarded) with the filters a
  scheduled job uses, and listing every running clock (text and JSON);
* reclassifying one incident (``ClassificationService.confirm``: a new version, the
  severity, its clocks recomputed), and recomputing its clocks alone.

Targets: median under 200 ms for the deadlines view and the command; under 50 ms to
reclassify. Results go to benchmarks/results/clocks.json.
"""

from __future__ import annotations

import argparse
import io
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.dialects import sqlite as sqlite_dialect

from benchmarks.bench_register_queries import HAZARDS, PRODUCTS, SOURCES
from benchmarks.common import DATA, machine, write_result
from qa_desktop.domain.clocks import compute_deadline
from qa_desktop.domain.incident import HarmFacts, IncidentDraft, IncidentSource
from qa_desktop.domain.roles import Role
from qa_desktop.domain.search_text import index_text
from qa_desktop.persistence.bulk_import import sqlite_timestamp
from qa_desktop.persistence.clock_queries import ClockFilter, timed_statement
from qa_desktop.persistence.clock_snapshots import rule_snapshot
from qa_desktop.persistence.database import resolve_url
from qa_desktop.persistence.migrate import open_database
from qa_desktop.services import QaServices
from qa_desktop.services.reporting_clocks import DeadlineQuery
from qa_desktop.services.response import ResponseServices, shipped_rules
from qa_desktop.services.response_results import DeadlineCursor

#: The moment the benchmark pretends it is: clock deadlines are read against it.
BENCH_NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
PASSWORD = "benchmark-password"
TARGET_VIEW_MS = 200
TARGET_RECLASSIFY_MS = 50
UNITS = ["Home appliances", "Power tools", "Medical", "Elevators", "Batteries"]
#: The shipped rules the clocks use, and how often (a market mix a manufacturer might see).
RULE_MIX = [
    ("JP-CPSA-35", 4),
    ("US-CPSA-15B-24H", 2),
    ("EU-GPSR-20", 1),
    ("AU-ACL-131", 1),
    ("CA-CCPSA-14-INFO", 1),
    ("CA-CCPSA-14-REPORT", 1),
]
#: How many days after first knowledge each rule's report is due, roughly: running clocks are
#: spread over that window.
WINDOW_DAYS = {
    "JP-CPSA-35": 10.0,
    "US-CPSA-15B-24H": 1.0,
    "EU-GPSR-20": 3.0,
    "AU-ACL-131": 2.0,
    "CA-CCPSA-14-INFO": 2.0,
    "CA-CCPSA-14-REPORT": 10.0,
}
OVERDUE_SHARE = 0.05
_INCIDENT_COLUMNS = (
    "reference, title, description, product_name, model, serial_ranges, units_in_field, "
    "source, country, markets, deaths, injuries, max_treatment_days, permanent_disability, "
    "co_poisoning, fire, fire_service_confirmed, property_damage, occurred_at, first_known_at, "
    "qa_aware_at, status, severity, business_unit, qa_owner, search_text, version, created_at, "
    "created_by, updated_at, updated_by"
)
_CLOCK_COLUMNS = (
    "incident_id, rule_id, rule_version, jurisdiction, title, regulator, citation, time_zone, "
    "rule_snapshot, kind, state, first_known_at, calendar_due_at, due_at, moved_by, "
    "move_reason, verify, started_at, started_by, stopped_at, stopped_by, stop_kind, stop_reason"
)


def build(path: Path, rows: int, clocks: int) -> None:
    """A fresh database at *path* with *rows* incidents, *clocks* of them with running clocks."""
    database, _ = open_database(resolve_url(str(path)))
    services = QaServices(database)
    admin = services.accounts.create_first_administrator("bench", "Benchmark", PASSWORD)
    services.accounts.add_user(admin, "head", "Bench Head", PASSWORD, Role.QA_HEAD)
    database.dispose()
    rng = random.Random(100_000)
    book = shipped_rules().clock_rules
    weighted = [book.rule(rule_id) for rule_id, weight in RULE_MIX for _ in range(weight)]
    every = max(1, rows // clocks)
    old_start = datetime(2019, 1, 1, tzinfo=UTC)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    trigger = con.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'incidents_fts_insert'"
    ).fetchone()[0]
    con.execute("DROP TRIGGER incidents_fts_insert")
    incidents: list[tuple[Any, ...]] = []
    clock_rows: list[tuple[Any, ...]] = []
    stamp = sqlite_timestamp(BENCH_NOW)
    running = 0
    for n in range(1, rows + 1):
        rule = rng.choice(weighted)
        recent = n % every == 0 and running < clocks
        if recent:
            running += 1
            known = BENCH_NOW - _age(rng, WINDOW_DAYS[rule.rule_id])
        else:
            known = old_start + timedelta(seconds=rng.randint(0, 7 * 365 * 86400))
        product, prefix = rng.choice(PRODUCTS)
        model = f"{prefix}{rng.randint(10, 99)}"
        title = f"{product} {model}: {rng.choice(HAZARDS)}"
        reference = f"INC-{known.year}-{n:07d}"
        known_text = sqlite_timestamp(known)
        incidents.append(
            (
                reference,
                title,
                f"{rng.choice(HAZARDS)} #{n}",
                product,
                model,
                "",
                rng.randint(0, 500_000),
                rng.choice(SOURCES),
                "JP",
                "JP,US,DE,AU,CA",
                0,
                0,
                0,
                0,
                0,
                1,
                1,
                0,
                known_text,
                known_text,
                known_text,
                "reporting" if recent else "closed",
                "serious" if recent else "low",
                rng.choice(UNITS),
                "",
                index_text(reference, title, product, model, ""),
                1,
                stamp,
                "bench",
                stamp,
                "bench",
            )
        )
        if recent or n % 7 == 0:
            deadline = compute_deadline(rule, None if recent and n % 20_000 == 0 else known)
            stopped = not recent
            clock_rows.append(
                (
                    n,
                    rule.rule_id,
                    rule.version,
                    rule.jurisdiction.value,
                    rule.title,
                    rule.regulator,
                    rule.citation,
                    rule.time_zone,
                    _snapshot(rule),
                    deadline.kind.value,
                    "stopped" if stopped else "running",
                    sqlite_timestamp(deadline.first_known_at),
                    sqlite_timestamp(deadline.calendar_due_at),
                    sqlite_timestamp(deadline.due_at),
                    deadline.moved_by,
                    deadline.move_reason,
                    int(rule.verify),
                    stamp,
                    "bench",
                    known_text if stopped else None,
                    "bench" if stopped else "",
                    "filed" if stopped else "",
                    "",
                )
            )
        if len(incidents) == 50_000:
            _flush(con, incidents, clock_rows)
    _flush(con, incidents, clock_rows)
    con.execute("INSERT INTO incident_fts(incident_fts) VALUES ('rebuild')")
    con.execute(trigger)
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.close()


def _age(rng: random.Random, window: float) -> timedelta:
    # Most running clocks are inside their reporting window; one in twenty has run past it.
    if rng.random() < OVERDUE_SHARE:
        days = rng.uniform(window + 1, window + 15)
    else:
        days = rng.uniform(0, window)
    return timedelta(days=days)


_SNAPSHOTS: dict[str, str] = {}


def _snapshot(rule: Any) -> str:
    return _SNAPSHOTS.setdefault(rule.rule_id, rule_snapshot(rule))


def _flush(con: sqlite3.Connection, incidents: list[Any], clocks: list[Any]) -> None:
    # Incident ids are assigned in insertion order from 1, so a clock's incident number is its id.
    marks = ",".join("?" * 31)
    con.executemany(f"INSERT INTO incidents ({_INCIDENT_COLUMNS}) VALUES ({marks})", incidents)
    marks = ",".join("?" * 23)
    con.executemany(f"INSERT INTO reporting_clocks ({_CLOCK_COLUMNS}) VALUES ({marks})", clocks)
    incidents.clear()
    clocks.clear()


def measure(
    pairs: dict[str, tuple[Callable[[], Any], Callable[[], Any]]], runs: int
) -> dict[str, Any]:
    """Alternate ours and raw for each query: medians in ms and their ratio."""
    out: dict[str, Any] = {}
    for name, (ours, raw) in pairs.items():
        ours(), raw()  # warm caches
        ours_t, raw_t = [], []
        for _ in range(runs):
            start = time.perf_counter()
            ours()
            ours_t.append(time.perf_counter() - start)
            start = time.perf_counter()
            raw()
            raw_t.append(time.perf_counter() - start)
        ours_ms, raw_ms = statistics.median(ours_t) * 1000, statistics.median(raw_t) * 1000
        out[name] = {"ours_median_ms": ours_ms, "raw_median_ms": raw_ms, "ratio": ours_ms / raw_ms}
        print(
            f"  {name:<32} ours {ours_ms:8.2f} ms   raw {raw_ms:8.2f} ms   x{ours_ms / raw_ms:.2f}"
        )
    return out


def median_ms(work: Callable[[], Any], runs: int) -> float:
    """The median duration of *work* in milliseconds (after one warm-up run)."""
    work()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    """Build the database if needed, measure, print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--clocks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"clocks-{args.rows}-{args.clocks}.sqlite3"
    if not path.exists():
        print(f"building {path} ({args.rows:,} incidents, {args.clocks:,} running clocks)…")
        start = time.perf_counter()
        build(path, args.rows, args.clocks)
        print(f"  built in {time.perf_counter() - start:.0f} s")
    database, _ = open_database(resolve_url(str(path)))
    services = QaServices(database, now=lambda: BENCH_NOW)
    response = ResponseServices(database, lambda: BENCH_NOW)
    head = services.accounts.sign_in("head", PASSWORD)
    raw = sqlite3.connect(path)
    results: dict[str, Any] = {"rows": args.rows, "running_clocks": args.clocks, "runs": args.runs}

    print("deadlines view (first page of 100 unless said otherwise):")
    pairs = {}
    for name, query in (
        ("all", DeadlineQuery()),
        ("business_unit", DeadlineQuery(business_units=("Medical",))),
        ("jurisdiction_ca", DeadlineQuery(jurisdictions=("CA",))),
    ):
        pairs[name] = _pair(response, head, raw, query, None)
    # Halfway down the list, reached page by page as a user scrolling would.
    halfway = max(1, args.clocks // 2_000)
    deep = response.clocks.deadlines(head, DeadlineQuery(), limit=1_000)
    for _ in range(halfway - 1):
        assert deep.next is not None
        deep = response.clocks.deadlines(head, DeadlineQuery(), after=deep.next, limit=1_000)
    pairs[f"after_{halfway * 1_000}_rows"] = _pair(response, head, raw, DeadlineQuery(), deep.next)
    results["deadlines"] = measure(pairs, args.runs)
    results["summary_counts_ms"] = median_ms(lambda: response.clocks.summary(head), args.runs)
    print(f"  {'counts above the view':<32} ours {results['summary_counts_ms']:8.2f} ms")

    print("qa-desktop clocks (in-process, output discarded); the time grows with the lines:")
    results["cli"] = {}
    for name, argv, query, runs in (
        ("jp_due_within_24h", ["--jurisdiction", "JP", "--due-within", "24"],
         DeadlineQuery(jurisdictions=("JP",), due_within=timedelta(hours=24)), args.runs),
        ("one_unit_due_now", ["--business-unit", "Medical", "--due-within", "0"],
         DeadlineQuery(business_units=("Medical",), due_within=timedelta(0)), args.runs),
        ("due_within_24h", ["--due-within", "24"],
         DeadlineQuery(due_within=timedelta(hours=24)), max(5, args.runs // 5)),
        ("all_running", [], DeadlineQuery(), 5),
        ("all_running_json", ["--json"], DeadlineQuery(), 5),
    ):  # fmt: skip
        lines = response.clocks.summary(head, query).running
        took = median_ms(lambda argv=argv: _cli(response, head, argv), runs)
        results["cli"][name] = {"lines": lines, "median_ms": took}
        print(f"  {name:<32} {lines:7,} lines {took:10.2f} ms")

    results["reclassify"] = _reclassify(services, response, head, args.runs)
    results["targets"] = {"view_ms": TARGET_VIEW_MS, "reclassify_ms": TARGET_RECLASSIFY_MS}
    results["machine"] = machine()
    print(f"written to {write_result('clocks', results)}")
    raw.close()
    database.dispose()


def _pair(
    response: ResponseServices,
    head: Any,
    raw: sqlite3.Connection,
    query: DeadlineQuery,
    after: DeadlineCursor | None,
) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """(the page through the service, the same SQL run raw on *raw*)."""
    where = ClockFilter(query.jurisdictions, query.business_units, None)
    key = (after.due_at, after.clock_id) if after and after.due_at else None
    # The view lists clocks that cannot start first; with only a handful of them, the page
    # is the timed query, which is what runs raw here.
    statement = timed_statement(where, key, 101)
    compiled = statement.compile(
        dialect=sqlite_dialect.dialect(), compile_kwargs={"render_postcompile": True}
    )
    params = tuple(compiled.params[k] for k in compiled.positiontup or ())
    sql = str(compiled)
    return (
        lambda: response.clocks.deadlines(head, query, after=after, limit=100),
        lambda: raw.execute(sql, params).fetchall(),
    )


def _cli(response: ResponseServices, head: Any, argv: list[str]) -> None:
    from qa_desktop.cli.clocks import add_clocks_parser, run_clocks

    parser = argparse.ArgumentParser()
    add_clocks_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["clocks", "--time-zone", "Europe/Berlin", *argv])
    sink = io.StringIO()
    with redirect_stdout(sink), redirect_stderr(sink):
        run_clocks(args, lambda _a: (response.clocks, head))


def _reclassify(
    services: QaServices, response: ResponseServices, head: Any, runs: int
) -> dict[str, float]:
    draft = IncidentDraft(
        title="Heater cord overheats / コードが過熱",
        product_name="Oil heater OH-12",
        source=IncidentSource.CUSTOMER,
        country="JP",
        markets=("JP", "US", "DE", "AU", "CA"),
        occurred_at=None,
        first_known_at=BENCH_NOW - timedelta(days=2),
        qa_aware_at=BENCH_NOW - timedelta(days=1),
        units_in_field=12_000,
        harm=HarmFacts(injuries=1, max_treatment_days=40, fire=True, fire_service_confirmed=True),
    )
    reference = services.incidents.create(head, draft).reference
    version = response.classification.propose(head, reference).incident_version
    response.classification.confirm(head, reference, version)
    version = services.incidents.get(head, reference).version
    confirm = median_ms(
        lambda: response.classification.confirm(head, reference, version, reason="Re-checked"),
        runs,
    )
    recompute = median_ms(lambda: response.clocks.recompute(head, reference, "bench"), runs)
    clocks = len(response.clocks.incident_clocks(head, reference).clocks)
    print(f"reclassify one incident ({clocks} clocks): {confirm:.2f} ms")
    print(f"recompute its clocks only: {recompute:.2f} ms")
    return {"confirm_ms": confirm, "recompute_clocks_ms": recompute, "clocks": clocks}


if __name__ == "__main__":
    main()

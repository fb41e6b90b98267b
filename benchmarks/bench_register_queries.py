"""Register queries on 1,000,000 incidents: the newest 100, and a full-text search.

    .venv/bin/python benchmarks/bench_register_queries.py [--rows 1000000] [--runs 30]

Each query runs through the service layer (``IncidentService.page``, permission check,
dataclasses) and, in the same run and alternating, as the equivalent raw SQL on the same
database. Targets on SQLite: median under 50 ms each, and within 3x of raw. The database is
built once under benchmarks/data/ (git-ignored) by a raw bulk load of synthetic incidents.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from qa_desktop.domain.register import IncidentQuery
from qa_desktop.domain.search_text import index_text
from qa_desktop.persistence.database import resolve_url
from qa_desktop.persistence.incident_queries import page_query
from qa_desktop.persistence.migrate import open_database
from qa_desktop.services import QaServices
from qa_desktop.services.results import CurrentUser

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results"
PASSWORD = "benchmark-password"

PRODUCTS = [
    ("電気ストーブ", "ES-"),
    ("Oil heater", "OH-"),
    ("Lithium battery pack", "LB-"),
    ("洗濯機", "WM-"),
    ("Power drill", "PD-"),
    ("エレベーター", "EV-"),
    ("Hair dryer", "HD-"),
    ("冷蔵庫", "RF-"),
    ("Infusion pump", "IP-"),
    ("電子レンジ", "MW-"),
]
HAZARDS = [
    "発火のおそれ",
    "cord overheats",
    "smoke from the unit",
    "感電のおそれ",
    "door hinge breaks",
    "battery swelling",
    "異音と発煙",
    "unexpected start",
    "転倒のおそれ",
    "display failure",
]
SOURCES = [
    "customer",
    "dealer",
    "call_centre",
    "group_company",
    "regulator",
    "media",
    "internal_test",
]
STATUSES = [
    "intake",
    "classification",
    "containment",
    "reporting",
    "investigation",
    "countermeasures",
    "closed",
]
SEVERITIES = ["unclassified", "low", "medium", "high", "serious"]
COUNTRIES = ["JP", "US", "DE", "FR", "AU", "CA", "GB", "CN", "TH", "IN"]


def build_sqlite(path: Path, rows: int) -> None:
    """Create a QA Desktop database at *path* holding *rows* synthetic incidents."""
    database, _ = open_database(resolve_url(str(path)))
    services = QaServices(database)
    services.accounts.create_first_administrator("bench", "Benchmark", PASSWORD)
    database.dispose()
    rng = random.Random(1_000_000)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    trigger = con.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'incidents_fts_insert'"
    ).fetchone()[0]
    con.execute("DROP TRIGGER incidents_fts_insert")
    columns = (
        "reference, title, description, product_name, model, serial_ranges, units_in_field, "
        "source, country, markets, deaths, injuries, max_treatment_days, permanent_disability, "
        "co_poisoning, fire, fire_service_confirmed, property_damage, occurred_at, "
        "first_known_at, qa_aware_at, status, severity, business_unit, qa_owner, search_text, "
        "version, created_at, created_by, updated_at, updated_by"
    )
    marks = ",".join("?" * 31)
    batch: list[tuple[Any, ...]] = []
    for n in range(1, rows + 1):
        product, prefix = rng.choice(PRODUCTS)
        model = f"{prefix}{rng.randint(10, 99)}"
        title = f"{product} {model}: {rng.choice(HAZARDS)}"
        description = f"{rng.choice(HAZARDS)} / {rng.choice(HAZARDS)} reported #{n}"
        known = start + timedelta(seconds=rng.randint(0, 7 * 365 * 86400))
        stamp = known.strftime("%Y-%m-%d %H:%M:%S.000000")
        reference = f"INC-{known.year}-{n:07d}"
        batch.append(
            (
                reference,
                title,
                description,
                product,
                model,
                "",
                rng.randint(0, 500_000),
                rng.choice(SOURCES),
                rng.choice(COUNTRIES),
                "JP,US",
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                stamp,
                stamp,
                stamp,
                rng.choice(STATUSES),
                rng.choice(SEVERITIES),
                "Home appliances",
                f"owner{rng.randint(1, 40)}",
                index_text(reference, title, product, model, description),
                1,
                stamp,
                "bench",
                stamp,
                "bench",
            )
        )
        if len(batch) == 50_000:
            con.executemany(f"INSERT INTO incidents ({columns}) VALUES ({marks})", batch)
            batch.clear()
    if batch:
        con.executemany(f"INSERT INTO incidents ({columns}) VALUES ({marks})", batch)
    con.execute("INSERT INTO incident_fts(incident_fts) VALUES ('rebuild')")
    con.execute(trigger)
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.close()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def measure(
    pairs: dict[str, tuple[Callable[[], Any], Callable[[], Any]]], runs: int
) -> dict[str, Any]:
    """Alternate ours and raw for each query; medians and ratios."""
    out: dict[str, Any] = {}
    for name, (ours, raw) in pairs.items():
        ours(), raw()  # warm caches
        ours_t, raw_t = [], []
        for _ in range(runs):
            t = time.perf_counter()
            ours()
            ours_t.append(time.perf_counter() - t)
            t = time.perf_counter()
            raw()
            raw_t.append(time.perf_counter() - t)
        out[name] = {
            "ours_median_ms": median_ms(ours_t),
            "raw_median_ms": median_ms(raw_t),
            "ratio": statistics.median(ours_t) / statistics.median(raw_t),
        }
    return out


def compiled_sql(services: QaServices, query: IncidentQuery) -> tuple[str, Any]:
    """The exact SQL and parameters the service runs for the first page of *query*."""
    statement, params = page_query(services.database.backend, query, None, 101)
    compiled = statement.compile(
        dialect=services.database.engine.dialect, compile_kwargs={"render_postcompile": True}
    )
    values = {**compiled.params, **params}
    if compiled.positiontup:
        return str(compiled), tuple(values[k] for k in compiled.positiontup)
    return str(compiled), values


def query_pairs(
    services: QaServices, actor: CurrentUser, raw_run: Callable[[str, Any], Any], term: str
) -> dict[str, Any]:
    """For the newest 100 and a search: (through the service, the same SQL run raw)."""
    pairs = {}
    for name, query in (
        ("newest_100", IncidentQuery()),
        (f"search_{term}", IncidentQuery(text=term)),
    ):
        sql, params = compiled_sql(services, query)
        pairs[name] = (
            lambda q=query: services.incidents.page(actor, q, limit=100),
            lambda sql=sql, params=params: raw_run(sql, params),
        )
    return pairs


PG_SCHEMA = "bench_register"
PG_COLUMNS = (
    "id, reference, title, description, product_name, model, serial_ranges, units_in_field, "
    "source, country, markets, deaths, injuries, max_treatment_days, permanent_disability, "
    "co_poisoning, fire, fire_service_confirmed, property_damage, occurred_at, first_known_at, "
    "qa_aware_at, status, severity, business_unit, qa_owner, search_text, version, "
    "created_at, created_by, updated_at, updated_by"
)
_BOOLEAN_AT = (14, 15, 16, 17, 18)  # SQLite stores booleans as 0/1; COPY wants true/false


def build_postgresql(base_url: str, sqlite_path: Path) -> str:
    """Copy the SQLite benchmark incidents into a PostgreSQL schema (once); its URL."""
    import psycopg
    from sqlalchemy import text

    libpq = base_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(libpq, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA IF NOT EXISTS {PG_SCHEMA}")
    url = f"{base_url}{'&' if '?' in base_url else '?'}options=-csearch_path%3D{PG_SCHEMA}"
    database, _ = open_database(resolve_url(url))
    services = QaServices(database)
    if services.accounts.first_run_needed():
        services.accounts.create_first_administrator("bench", "Benchmark", PASSWORD)
    with database.engine.connect() as c:
        have = c.execute(text("SELECT count(*) FROM incidents")).scalar() or 0
    database.dispose()
    if have:
        return url
    print("copying the incidents into PostgreSQL…", flush=True)
    source = sqlite3.connect(sqlite_path)
    with psycopg.connect(libpq, options=f"-csearch_path={PG_SCHEMA}") as pg:
        with (
            pg.cursor() as cursor,
            cursor.copy(f"COPY incidents ({PG_COLUMNS}) FROM STDIN") as copy,
        ):
            for row in source.execute(f"SELECT {PG_COLUMNS} FROM incidents"):
                values = list(row)
                for i in _BOOLEAN_AT:
                    values[i] = bool(values[i])
                for i in (19, 20, 21, 28, 30):  # timestamps are naive UTC text in SQLite
                    if values[i] is not None:
                        values[i] = values[i] + "+00"
                copy.write_row(values)
        pg.execute(
            "SELECT setval(pg_get_serial_sequence('incidents', 'id'), max(id)) FROM incidents"
        )
        pg.commit()
        pg.execute("ANALYZE incidents")
        pg.commit()
    source.close()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--terms", nargs="*", default=["発火", "battery", "異音と発煙", "ES-42"])
    parser.add_argument("--pg", metavar="URL", help="also measure on this PostgreSQL server")
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"register-{args.rows}.sqlite3"
    if not path.exists():
        print(f"building {path} ({args.rows:,} incidents)…", flush=True)
        t = time.perf_counter()
        build_sqlite(path, args.rows)
        print(f"  built in {time.perf_counter() - t:.0f} s", flush=True)
    database, _ = open_database(resolve_url(str(path)))
    services = QaServices(database)
    actor = services.accounts.sign_in("bench", PASSWORD)
    results: dict[str, Any] = {"rows": args.rows, "runs": args.runs, "sqlite": {}}
    raw = sqlite3.connect(path)
    for term in args.terms:
        pairs = query_pairs(services, actor, lambda q, p: raw.execute(q, p).fetchall(), term)
        results["sqlite"].update(measure(pairs, args.runs))
    for name, r in results["sqlite"].items():
        print(
            f"sqlite {name:<22} ours {r['ours_median_ms']:7.2f} ms  "
            f"raw {r['raw_median_ms']:7.2f} ms  ratio {r['ratio']:.2f}"
        )
    if args.pg:
        results["postgresql"] = measure_postgresql(args, path)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "register_queries.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False)
    )


def measure_postgresql(args: argparse.Namespace, sqlite_path: Path) -> dict[str, Any]:
    """The same pairs on PostgreSQL, raw being the same SQL through psycopg."""
    import psycopg

    url = build_postgresql(args.pg, sqlite_path)
    database, _ = open_database(resolve_url(url))
    services = QaServices(database)
    actor = services.accounts.sign_in("bench", PASSWORD)
    libpq = args.pg.replace("postgresql+psycopg://", "postgresql://", 1)
    raw = psycopg.connect(libpq, options=f"-csearch_path={PG_SCHEMA}", autocommit=True)
    out: dict[str, Any] = {}
    for term in args.terms:
        pairs = query_pairs(services, actor, lambda q, p: raw.execute(q, p).fetchall(), term)
        out.update(measure(pairs, args.runs))
    for name, r in out.items():
        print(
            f"postgresql {name:<18} ours {r['ours_median_ms']:7.2f} ms  "
            f"raw {r['raw_median_ms']:7.2f} ms  ratio {r['ratio']:.2f}"
        )
    raw.close()
    database.dispose()
    return out


if __name__ == "__main__":
    main()

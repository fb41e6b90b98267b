"""Import speed against raw ``sqlite3``: ``python -m benchmarks.bench_import [--rows N]``.

Both sides insert the same incidents, in one transaction each, into a fresh database made
by ``open_database`` (so columns, indexes, the FTS5 table and its triggers are the same):

* baseline: ``sqlite3`` ``executemany`` of tuples built before the clock starts (search
  text included), the full-text trigger firing per row;
* ours: ``InterchangeService.import_file`` on the file, i.e. reading and parsing it,
  checking every row, building the search text and writing.

The runs alternate (baseline, ours, baseline, ...) so that a change in the machine's load
hits both; the medians and their ratio are printed and written to
``benchmarks/results/import.json``. The target is a ratio of at least 0.5.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import Any

from benchmarks.common import (
    DATA_NOW,
    benchmark_drafts,
    data_file,
    machine,
    median,
    scratch_dir,
    sqlite_connection,
    timed,
    write_result,
)

TARGET_RATIO = 0.5


def baseline_rows(rows: int) -> list[tuple[Any, ...]]:
    """The rows as tuples of column values, exactly as the importer stores them."""
    from qa_desktop.persistence.bulk_import import INSERT_COLUMNS, sqlite_timestamp
    from qa_desktop.persistence.incident_columns import draft_columns

    stamp = sqlite_timestamp(DATA_NOW)
    tail = {
        "version": 1, "import_batch_id": None, "created_at": stamp, "created_by": "bench",
        "updated_at": stamp, "updated_by": "bench",
    }
    built = []
    for draft in benchmark_drafts(rows):
        columns = draft_columns(draft)
        for name in ("occurred_at", "first_known_at", "qa_aware_at"):
            columns[name] = sqlite_timestamp(columns[name])
        columns.update(tail)
        built.append(tuple(columns[name] for name in INSERT_COLUMNS))
    return built


def run_baseline(rows: list[tuple[Any, ...]]) -> float:
    """Seconds for raw ``executemany`` of *rows* into a fresh database, one transaction."""
    from qa_desktop.persistence.bulk_import import INSERT_COLUMNS
    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database

    with scratch_dir("qa-bench-raw-") as folder:
        path = folder / "raw.sqlite3"
        database, _ = open_database(resolve_url(str(path)))
        database.dispose()
        connection = sqlite_connection(path)
        marks = ", ".join("?" * len(INSERT_COLUMNS))
        sql = f"INSERT INTO incidents ({', '.join(INSERT_COLUMNS)}) VALUES ({marks})"

        def work() -> None:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(sql, rows)
            connection.execute("COMMIT")

        try:
            seconds = timed(work)
            count = connection.execute("SELECT count(*) FROM incidents").fetchone()[0]
        finally:
            connection.close()
    assert count == len(rows), (count, len(rows))
    return seconds


def run_ours(path: Path, rows: int) -> float:
    """Seconds for ``InterchangeService.import_file`` of *path* into a fresh database."""
    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database
    from qa_desktop.services import QaServices

    with scratch_dir("qa-bench-ours-") as folder:
        database, _ = open_database(resolve_url(str(folder / "ours.sqlite3")))
        try:
            services = QaServices(database)
            actor = services.accounts.create_first_administrator(
                "bench", "Benchmark", "bench-password"
            )
            result: list[int] = []
            seconds = timed(
                lambda: result.append(services.interchange.import_file(actor, path).created)
            )
        finally:
            database.dispose()
    assert result == [rows], (result, rows)
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit status 1 when the ratio misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side (median)")
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.rows < 1:
        parser.error("--rows and --repeat must be positive")

    print(f"preparing {args.rows:,} incidents ({args.format}) …", flush=True)
    path = data_file(args.rows, args.format)
    rows = baseline_rows(args.rows)
    gc.collect()
    raw_times: list[float] = []
    our_times: list[float] = []
    for attempt in range(1, args.repeat + 1):
        raw_times.append(run_baseline(rows))
        print(f"  run {attempt}: raw executemany {args.rows / raw_times[-1]:>9,.0f} rows/s",
              flush=True)
        our_times.append(run_ours(path, args.rows))
        print(f"  run {attempt}: qa-desktop import {args.rows / our_times[-1]:>8,.0f} rows/s",
              flush=True)
    raw_rate = args.rows / median(raw_times)
    our_rate = args.rows / median(our_times)
    ratio = our_rate / raw_rate
    result = {
        "benchmark": "import",
        "rows": args.rows,
        "format": args.format,
        "file_bytes": path.stat().st_size,
        "repeat": args.repeat,
        "raw_seconds": raw_times,
        "import_seconds": our_times,
        "raw_rows_per_second": round(raw_rate),
        "import_rows_per_second": round(our_rate),
        "ratio": round(ratio, 3),
        "target_ratio": TARGET_RATIO,
        "machine": machine(),
    }
    saved = write_result("import", result)
    print(f"raw sqlite3 executemany: {raw_rate:,.0f} rows/s (median of {args.repeat})")
    print(f"qa-desktop import:       {our_rate:,.0f} rows/s (median of {args.repeat})")
    print(f"ratio: {ratio:.2f} (target ≥ {TARGET_RATIO}); result in {saved}")
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

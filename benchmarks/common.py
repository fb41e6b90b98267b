"""Shared pieces of the benchmarks: data files, fresh databases, timing and result files."""

from __future__ import annotations

import json
import platform
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qa_desktop.domain.incident import IncidentDraft
from qa_desktop.persistence.references import format_reference

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
RESULTS = ROOT / "results"
#: The moment the benchmark data pretends to be generated at: fixed, so files are reusable.
DATA_NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
DATA_SEED = 20_260_630


def benchmark_drafts(rows: int) -> Iterator[IncidentDraft]:
    """The same *rows* realistic incidents on every call, with references per year."""
    from qa_desktop.services.demo import DemoIncidents

    generator = DemoIncidents(DATA_SEED, DATA_NOW)
    for year, count in generator.per_year(rows).items():
        references = [format_reference(year, n) for n in range(1, count + 1)]
        yield from generator.for_year(year, references)


def data_file(rows: int, fmt: str) -> Path:
    """The cached import file of *rows* incidents, written once as an export would be."""
    from qa_desktop.services.interchange_rows import flat_values
    from qa_desktop.services.interchange_writer import IncidentWriter

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"incidents-{rows}.{fmt}"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    writer = IncidentWriter(partial, fmt, DATA_NOW)  # type: ignore[arg-type]
    for draft in benchmark_drafts(rows):
        values = flat_values(draft)
        values.update(
            version=1, created_at=DATA_NOW, created_by="bench", updated_at=DATA_NOW,
            updated_by="bench",
        )
        writer.write(values)
    writer.close()
    partial.replace(path)
    return path


@contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    """A temporary folder for one run's database, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sqlite_connection(path: Path) -> sqlite3.Connection:
    """A raw connection set up as the application sets up its own (WAL, FULL sync, FKs)."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def timed(work: Callable[[], Any]) -> float:
    """Seconds *work* took."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    """The median of *values*."""
    return statistics.median(values)


def machine() -> dict[str, Any]:
    """Facts about the machine that belong next to a measured figure."""
    import os

    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
    }


def write_result(name: str, result: dict[str, Any]) -> Path:
    """Save *result* as ``benchmarks/results/<name>.json``."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path

"""Start-up of the command line against ``python -c "import sqlalchemy"``, same run.

    .venv/bin/python benchmarks/bench_cli_startup.py [--runs 21]

Target: ``qa-desktop --version`` within 1.5x of importing SQLAlchemy. Runs alternate so that
machine noise hits both sides alike; medians are reported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    script = Path(sys.executable).with_name("qa-desktop")
    baseline_cmd = [sys.executable, "-c", "import sqlalchemy"]
    ours_cmd = [str(script), "--version"]
    for command in (baseline_cmd, ours_cmd):  # warm the file cache
        timed(command)
    baseline, ours = [], []
    for _ in range(args.runs):
        baseline.append(timed(baseline_cmd))
        ours.append(timed(ours_cmd))
    result = {
        "runs": args.runs,
        "baseline_import_sqlalchemy_s": statistics.median(baseline),
        "qa_desktop_version_s": statistics.median(ours),
    }
    result["ratio"] = result["qa_desktop_version_s"] / result["baseline_import_sqlalchemy_s"]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "cli_startup.json").write_text(json.dumps(result, indent=2))
    print(
        f"import sqlalchemy: {result['baseline_import_sqlalchemy_s'] * 1000:.1f} ms, "
        f"qa-desktop --version: {result['qa_desktop_version_s'] * 1000:.1f} ms, "
        f"ratio {result['ratio']:.2f} (target <= 1.5)"
    )


if __name__ == "__main__":
    main()

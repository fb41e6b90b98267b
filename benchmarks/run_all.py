"""Run every benchmark in turn (each writes benchmarks/results/<name>.json).

    .venv/bin/python -m benchmarks.run_all [--quick]

``--quick`` uses small data sets to check that every script still runs; the figures in
docs/performance.md come from the full runs (1,000,000 incidents), which take a long time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

FULL = [
    ["benchmarks/bench_cli_startup.py"],
    ["benchmarks/bench_register_queries.py"],
    ["-m", "benchmarks.bench_import"],
    ["benchmarks/bench_gui.py"],
    ["-m", "benchmarks.bench_clocks"],
    ["-m", "benchmarks.bench_lessons"],
    ["benchmarks/bench_graph_editor.py"],
]
QUICK_ARGS = {
    "benchmarks/bench_cli_startup.py": ["--runs", "5"],
    "benchmarks/bench_register_queries.py": ["--rows", "20000", "--runs", "5"],
    "benchmarks.bench_import": ["--rows", "5000", "--repeat", "1"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    failed = 0
    for command in FULL:
        extra = QUICK_ARGS.get(command[-1], []) if args.quick else []
        if args.quick and command[-1] not in QUICK_ARGS:
            continue
        print("==>", " ".join(command + extra), flush=True)
        failed += subprocess.run([sys.executable, *command, *extra], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

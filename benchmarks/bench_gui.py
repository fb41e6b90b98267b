"""The register window on 1,000,000 incidents: cold start, search as you type, memory.

    .venv/bin/python benchmarks/bench_gui.py [--runs 7] [--db benchmarks/data/gui-1m.sqlite3]

1. Cold start: a fresh ``qa-desktop`` process, signed in from ``--user`` and
   ``QA_DESKTOP_PASSWORD``, until the register has painted its first rows (the hidden
   ``--exit-after-first-page`` option), against a fresh process showing a bare PySide6
   QMainWindow with an empty QTableView until its first paint. Runs alternate; medians.
   Target: at most 2x. Both processes print ``time.monotonic()`` (one clock for every
   process on the machine) once painted; the time from launch to that line is the figure.
   The whole process, exit included, is reported beside it: after its first paint the
   application goes on to load its database layer, which a bare window does not have.
   The package is byte-compiled first, as an installed copy is.
2. Search: a term typed into the search box until the first filtered page is shown.
   Reported from the moment the typing pause ends (the debounce fires) and from the
   last keystroke (which includes the 150 ms pause). Target: median under 100 ms.
3. Memory: resident set size of the running application with the register open (after
   the searches and a few pages of scrolling). Target: under 300 MB.

The database is made once with ``qa-desktop --db FILE demo --incidents 1000000``; results go to
``benchmarks/results/gui.json``. Qt runs on the offscreen platform, so no display is needed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "benchmarks" / "data" / "gui-1m.sqlite3"
RESULTS = ROOT / "benchmarks" / "results"
INCIDENTS = 1_000_000
DEMO_PASSWORD = "demo-password"
SEARCH_TERMS = ("heater", "発火", "battery smoke", "エレベーター", "cord", "INC-2024", "kettle",
                "異音", "fire", "drill")

BARE_WINDOW = """
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

def painted():
    print("qa-desktop: first page painted at", f"{time.monotonic():.6f}", flush=True)
    QApplication.quit()

class QuitOnPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, painted)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
table = QTableView(window)
window.setCentralWidget(table)
watch = QuitOnPaint()
table.viewport().installEventFilter(watch)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


def _environment(config: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        QA_DESKTOP_PASSWORD=DEMO_PASSWORD,
        XDG_CONFIG_HOME=str(config),
        PYTHONDONTWRITEBYTECODE="1",
    )
    environment.pop("QA_DESKTOP_DB", None)
    return environment


def ensure_database(path: Path) -> None:
    """Create the demo database of a million incidents once (takes a few minutes)."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"creating {path} with {INCIDENTS:,} demo incidents …", file=sys.stderr)
    partial = path.with_name(path.stem + ".partial.sqlite3")
    partial.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "qa_desktop.app", "--db", str(partial), "demo",
         "--incidents", str(INCIDENTS)],
        check=True,
        cwd=ROOT,
    )
    partial.replace(path)


#: What both processes print, followed by ``time.monotonic()``, once they have painted.
PAINTED_MARK = "qa-desktop: first page painted at"


def _timed(command: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """(seconds from launch to the first paint, seconds for the whole process)."""
    launched = time.monotonic()
    done = subprocess.run(
        command, check=True, capture_output=True, text=True, env=environment, cwd=ROOT
    )
    whole = time.monotonic() - launched
    marks = [line for line in done.stdout.splitlines() if line.startswith(PAINTED_MARK)]
    if not marks:
        raise RuntimeError(f"{command[:3]} never reported its first paint: {done.stderr}")
    return float(marks[0].rsplit(" ", 1)[1]) - launched, whole


def cold_start(database: Path, runs: int) -> dict[str, Any]:
    """Median seconds to the first painted register page vs. a bare window."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "qa_desktop")],
        check=True, capture_output=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""},
    )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="qa-bench-gui-") as folder:
        environment = _environment(Path(folder))
        ours = [sys.executable, "-m", "qa_desktop.app", "--db", str(database),
                "--user", "engineer", "--lang", "en", "--exit-after-first-page"]
        bare = [sys.executable, "-c", BARE_WINDOW]
        for command in (bare, ours):  # warm the file cache
            _timed(command, environment)
        app_runs, bare_runs = [], []
        for _ in range(runs):
            bare_runs.append(_timed(bare, environment))
            app_runs.append(_timed(ours, environment))
    app_paint = statistics.median(r[0] for r in app_runs)
    bare_paint = statistics.median(r[0] for r in bare_runs)
    app_whole = statistics.median(r[1] for r in app_runs)
    bare_whole = statistics.median(r[1] for r in bare_runs)
    return {
        "app_seconds_median": round(app_paint, 3),
        "bare_window_seconds_median": round(bare_paint, 3),
        "ratio": round(app_paint / bare_paint, 2),
        "target_ratio": 2.0,
        "app_runs": [round(r[0], 3) for r in app_runs],
        "bare_runs": [round(r[0], 3) for r in bare_runs],
        "whole_process": {
            "app_seconds_median": round(app_whole, 3),
            "bare_window_seconds_median": round(bare_whole, 3),
            "ratio": round(app_whole / bare_whole, 2),
        },
    }


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def in_process(database: Path) -> dict[str, Any]:
    """Search latency and memory, measured inside one running application."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from qa_desktop.services.opening import open_services
    from qa_desktop.ui.application import prepare_application
    from qa_desktop.ui.hub import EventHub
    from qa_desktop.ui.main_window import DatabaseInfo, MainWindow
    from qa_desktop.ui.settings import AppSettings
    from qa_desktop.ui.tasks import TaskRunner

    with tempfile.TemporaryDirectory(prefix="qa-bench-gui-") as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        _app, _translators = prepare_application([], "en")
        opened = open_services(str(database))
        user = opened.services.accounts.sign_in("engineer", DEMO_PASSWORD)
        failures: list[BaseException] = []
        tasks = TaskRunner(failures.append)
        window = MainWindow(
            opened.services, user, tasks, EventHub(), AppSettings(),
            DatabaseInfo(opened.display_name, opened.backend, opened.location),
        )
        window.resize(1280, 800)
        window.show()
        model = window.model

        def wait_for_page(timeout_ms: int = 30_000) -> None:
            loop = QEventLoop()
            model.page_shown.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
            model.page_shown.disconnect(loop.quit)

        if model.is_loading:
            wait_for_page()
        clock = QElapsedTimer()
        from_pause: list[float] = []
        from_keystroke: list[float] = []
        rows: dict[str, int] = {}
        search = window.filter_bar.search
        search.setFocus()
        for term in SEARCH_TERMS:
            search.clear()
            search.textEdited.emit("")
            window.filter_bar.set_filter(window.filter_bar.current_filter())
            if model.is_loading:
                wait_for_page()
            pause_ended: list[float] = []

            def handler(_value: object, ended: list[float] = pause_ended) -> None:
                ended.append(clock.nsecsElapsed() / 1e6)

            window.filter_bar.filter_changed.connect(handler)
            clock.start()
            if term.isascii():
                QTest.keyClicks(search, term)
            else:  # the way an input method delivers Japanese: one committed string
                event = QInputMethodEvent("", [])
                event.setCommitString(term)
                QApplication.sendEvent(search, event)
            last_key = clock.nsecsElapsed() / 1e6
            wait_for_page()
            shown = clock.nsecsElapsed() / 1e6
            window.filter_bar.filter_changed.disconnect(handler)
            from_pause.append(shown - pause_ended[0])
            from_keystroke.append(shown - last_key)
            rows[term] = model.rowCount()
        search.clear()
        window.filter_bar.set_filter(window.filter_bar.current_filter())
        if model.is_loading:
            wait_for_page()
        for _ in range(5):  # scroll down a few pages
            model.fetchMore()
            loop = QEventLoop()
            model.rowsInserted.connect(loop.quit)
            QTimer.singleShot(10_000, loop.quit)
            loop.exec()
        rss = _rss_mb()
        loaded = model.rowCount()
        window.close()
        tasks.wait_idle()
        opened.services.database.dispose()
        if failures:
            raise RuntimeError(f"background work failed: {failures!r}")
    return {
        "search": {
            "from_pause_ms_median": round(statistics.median(from_pause), 1),
            "from_last_keystroke_ms_median": round(statistics.median(from_keystroke), 1),
            "debounce_ms": 150,
            "target_ms": 100,
            "per_term_from_pause_ms": {
                t: round(v, 1) for t, v in zip(SEARCH_TERMS, from_pause, strict=True)
            },
            "first_page_rows": rows,
        },
        "memory": {"rss_mb": round(rss, 1), "rows_loaded": loaded, "target_mb": 300},
    }


def main() -> None:
    """Run the three measurements and write benchmarks/results/gui.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_process:
        print(json.dumps(in_process(args.db), ensure_ascii=False))
        return
    ensure_database(args.db)
    startup = cold_start(args.db, args.runs)
    measured = subprocess.run(
        [sys.executable, __file__, "--in-process", "--db", str(args.db)],
        check=True, capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )
    inside = json.loads(measured.stdout.strip().splitlines()[-1])
    result = {
        "benchmark": "gui",
        "incidents": INCIDENTS,
        "database": str(args.db),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "cold_start": startup,
        **inside,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "gui.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

"""Screenshots of the register on a demo database: 100 %, 200 % and a dark palette.

Each picture is rendered in a fresh process (the scale factor and the screen can only be
chosen before Qt starts) into ``test-artifacts/`` for people to look at, and checked for
what a user would see: a window that is not blank, rows in the register, the right
scale, and dark colours in the dark theme.

Run as a script, this file renders one screenshot (that is what the test starts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WINDOW = (1280, 760)


def render(database: str, target: str, language: str, dark: bool) -> dict[str, object]:
    """Open the register on *database* as the demo engineer and save it as *target*."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from qa_desktop.services.accounts import use_fast_hashing_for_tests
    from qa_desktop.services.opening import open_services
    from qa_desktop.ui.application import prepare_application
    from qa_desktop.ui.hub import EventHub
    from qa_desktop.ui.main_window import DatabaseInfo, MainWindow
    from qa_desktop.ui.settings import AppSettings
    from qa_desktop.ui.tasks import SynchronousTaskRunner

    use_fast_hashing_for_tests()
    app, _translators = prepare_application([], language)
    if dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        palette = QPalette()
        # A dark system theme as a desktop would hand it to Qt.
        role = QPalette.ColorRole
        for which, colour in (
            (role.Window, "#2b2b2b"),
            (role.WindowText, "#e6e6e6"),
            (role.Base, "#1e1e1e"),
            (role.AlternateBase, "#262626"),
            (role.Text, "#e6e6e6"),
            (role.Button, "#353535"),
            (role.ButtonText, "#e6e6e6"),
            (role.Highlight, "#3d6fa8"),
            (role.HighlightedText, "#ffffff"),
            (role.ToolTipBase, "#353535"),
            (role.ToolTipText, "#e6e6e6"),
            (role.PlaceholderText, "#9a9a9a"),
        ):
            palette.setColor(which, QColor(colour))
        app.setPalette(palette)
    opened = open_services(database)
    user = opened.services.accounts.sign_in("engineer", "demo-password")

    def fail(exc: BaseException) -> None:
        raise exc

    tasks = SynchronousTaskRunner(fail)
    window = MainWindow(
        opened.services,
        user,
        tasks,
        EventHub(),
        AppSettings(),
        DatabaseInfo(opened.display_name, opened.backend, opened.location),
    )
    window.resize(*WINDOW)
    window.show()
    window.table.setCurrentIndex(window.model.index(1, 0))
    for _ in range(5):
        app.processEvents()
    picture = window.grab()
    picture.save(target, "PNG")
    facts = {
        "rows": window.model.rowCount(),
        "title": window.windowTitle(),
        "header": window.model.headerData(0, Qt.Orientation.Horizontal),
        "fonts": app.font().families(),
    }
    window.close()
    opened.services.database.dispose()
    QApplication.processEvents()
    return facts


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A demo database of 300 incidents (made once for the three screenshots)."""
    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database
    from qa_desktop.services import QaServices
    from qa_desktop.services.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database, _ = open_database(resolve_url(str(path)))
    try:
        fill_demo(QaServices(database), 300)
    finally:
        database.dispose()
    return str(path)


def _shoot(
    tmp_path: Path, database: str, name: str, *, scale: int, language: str, dark: bool
) -> tuple[Path, dict[str, object]]:
    ARTIFACTS.mkdir(exist_ok=True)
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "screen",
                        "x": 0,
                        "y": 0,
                        "width": 1600 * scale,
                        "height": 1000 * scale,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    target = ARTIFACTS / name
    environment = dict(os.environ)
    environment.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        QT_SCALE_FACTOR=str(scale),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    done = subprocess.run(
        [sys.executable, __file__, database, str(target), language, "dark" if dark else "light"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return target, json.loads(done.stdout.strip().splitlines()[-1])


def _look(path: Path) -> tuple[int, int, int, float]:
    """Width, height, distinct colours and mean brightness (0–255) of a picture."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull()
    colours = set()
    brightness = 0.0
    samples = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colour = image.pixelColor(x, y)
            colours.add(colour.rgb())
            brightness += colour.lightness()
            samples += 1
    return image.width(), image.height(), len(colours), brightness / samples


@pytest.mark.slow
def test_the_register_renders_at_100_and_200_percent_and_in_a_dark_palette(
    tmp_path: Path,
    demo_database: str,
) -> None:
    normal, facts = _shoot(
        tmp_path, demo_database, "register-100.png", scale=1, language="en", dark=False
    )
    double, facts_ja = _shoot(
        tmp_path, demo_database, "register-200-ja.png", scale=2, language="ja", dark=False
    )
    dark, _ = _shoot(
        tmp_path, demo_database, "register-dark.png", scale=1, language="en", dark=True
    )

    assert facts["rows"] == 200  # the first page, not the whole table
    assert "IPAexGothic" in facts["fonts"]  # type: ignore[operator]
    assert facts_ja["header"] == "管理番号"
    width, height, colours, light = _look(normal)
    assert (width, height) == WINDOW
    assert colours > 20  # text, icons and severity swatches, not an empty window
    assert light > 150
    width2, height2, colours2, _ = _look(double)
    assert (width2, height2) == (WINDOW[0] * 2, WINDOW[1] * 2)
    assert colours2 > 20
    *_, dark_light = _look(dark)
    assert dark_light < 100


if __name__ == "__main__":
    print(
        json.dumps(
            render(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "dark"), ensure_ascii=False
        )
    )

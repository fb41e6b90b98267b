"""Refresh the Japanese translation: ``python -m qa_desktop.ui.i18n_build``.

Runs ``pyside6-lupdate`` over the interface code (``qa_desktop/ui/*.py``) and the Designer
forms (``forms/*.ui``) into ``resources/translations/qa_desktop_ja.ts``, keeping every
translation already made, then ``pyside6-lrelease`` to compile ``qa_desktop_ja.qm``. Both
files are kept in the repository; new strings show up in the ``.ts`` as unfinished until
they are translated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "qa_desktop_ja.ts"


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found: install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    """The files whose strings are translated."""
    code = sorted((ROOT / "qa_desktop" / "ui").rglob("*.py"))
    code = [p for p in code if "forms" not in p.relative_to(ROOT).parts[2:3]]
    forms = sorted((ROOT / "forms").glob("*.ui"))
    return [p for p in code + forms if p.name != "i18n_build.py"]


def main() -> int:
    """Update the .ts from the sources and compile the .qm; returns the exit code."""
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    relative = [str(p.relative_to(ROOT)) for p in sources()]
    # The tools are PySide6's own, found beside this Python; the arguments are fixed paths.
    subprocess.run(  # noqa: S603
        [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "relative",
         "-source-language", "en", "-target-language", "ja",
         *relative, "-ts", str(TS_FILE.relative_to(ROOT))],
        cwd=ROOT,
        check=True,
    )
    subprocess.run(  # noqa: S603
        [_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(TS_FILE.with_suffix(".qm"))],
        cwd=ROOT,
        check=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

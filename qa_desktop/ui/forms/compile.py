"""Compile every Qt Designer form ``forms/*.ui`` into ``qa_desktop/ui/forms/ui_<name>.py``.

Run ``python -m qa_desktop.ui.forms.compile`` (``make forms``) after editing a form. The
generated modules are committed, so the application and its tests need no build step;
``tests/gui/test_forms_fresh.py`` fails when one is stale against its form.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

#: The checkout's ``forms/`` folder, next to the package.
FORMS_DIR = Path(__file__).resolve().parents[3] / "forms"
#: Where the compiled modules go (this package).
OUTPUT_DIR = Path(__file__).resolve().parent
HEADER = "# Generated from forms/{name}.ui by pyside6-uic: do not edit; run `make forms`.\n"


def uic_executable() -> Path:
    """The ``pyside6-uic`` of the running environment (the venv's, not whichever is first on PATH).

    Mixing in another installation's uic would generate code for another Qt version.
    """
    folder = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = folder / name
        if candidate.exists():
            return candidate
    found = shutil.which("pyside6-uic")
    if found is None:
        raise FileNotFoundError(f"pyside6-uic is neither in {folder} nor on PATH")
    return Path(found)


def compiled_text(ui_file: Path) -> str:
    """The module text compiled from *ui_file*, with the "generated" header line first."""
    # Run inside the form's folder: uic names its input in the output, and a relative name
    # keeps the output identical on every checkout.
    result = subprocess.run(  # noqa: S603 - a fixed executable on a form file of this checkout
        [str(uic_executable()), "--generator", "python", ui_file.name],
        cwd=ui_file.parent,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"pyside6-uic failed on {ui_file.name}: {message}")
    body = result.stdout.decode("utf-8").replace("\r\n", "\n")
    return HEADER.format(name=ui_file.stem) + body


def output_path(ui_file: Path, output_dir: Path = OUTPUT_DIR) -> Path:
    """Where the module compiled from *ui_file* is kept."""
    return output_dir / f"ui_{ui_file.stem}.py"


def form_files(forms_dir: Path = FORMS_DIR) -> list[Path]:
    """Every Designer form, in name order."""
    return sorted(forms_dir.glob("*.ui"))


def compile_forms(forms_dir: Path = FORMS_DIR, output_dir: Path = OUTPUT_DIR) -> list[Path]:
    """Compile every form in *forms_dir* into *output_dir*; returns the modules written."""
    written = []
    for ui_file in form_files(forms_dir):
        target = output_path(ui_file, output_dir)
        target.write_text(compiled_text(ui_file), encoding="utf-8", newline="\n")
        written.append(target)
    return written


def main() -> int:
    """Compile the checkout's forms and say which modules were written."""
    for path in compile_forms():
        print(f"wrote {path.relative_to(FORMS_DIR.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

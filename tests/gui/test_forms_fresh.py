"""The committed ui_*.py modules match their Designer forms (``make forms`` regenerates them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_desktop.ui.forms.compile import (
    FORMS_DIR,
    HEADER,
    OUTPUT_DIR,
    compiled_text,
    form_files,
    output_path,
)

pytestmark = pytest.mark.gui


def _body(text: str) -> list[str]:
    """The module without lines that may differ between identical compilations.

    Our header line, and uic's "Created by: Qt User Interface Compiler version x.y.z": a uic
    of another patch release that generates the same code is not a stale form.
    """
    return [
        line
        for line in text.splitlines()
        if not line.startswith("# Generated from forms/") and not line.startswith("## Created by:")
    ]


@pytest.mark.parametrize("form", form_files(), ids=lambda path: path.name)
def test_the_compiled_module_is_fresh_against_its_form(form: Path) -> None:
    committed = output_path(form)
    assert committed.exists(), f"{committed.name} is missing: run `make forms`"
    text = committed.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER.format(name=form.stem).rstrip("\n")
    assert _body(text) == _body(compiled_text(form)), (
        f"{committed.name} is stale against forms/{form.name}: run `make forms`"
    )


def test_every_compiled_module_has_its_form() -> None:
    forms = {form.stem for form in form_files()}
    assert forms, f"no forms found in {FORMS_DIR}"
    orphans = [
        p.name for p in OUTPUT_DIR.glob("ui_*.py") if p.stem.removeprefix("ui_") not in forms
    ]
    assert not orphans, f"compiled modules without a form (delete them): {orphans}"

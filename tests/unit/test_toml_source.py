"""Definition files: every complaint names the line a QA head has to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_desktop.domain.errors import DefinitionError
from qa_desktop.workflow.toml_source import load_toml

FLOW = """\
name = "x"

[[steps]]
id = "intake"
[[steps.tasks]]
id = "t0"
[[steps.tasks]]
id = "t1"

[[steps]]
id = "classify"
role = "nobody"
[[steps.tasks]]
id = "u0"
role = "ghost"
[steps.guards]
severity = "serious"
"""


@pytest.fixture
def flow(tmp_path: Path) -> Path:
    path = tmp_path / "flow.toml"
    path.write_text(FLOW, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("key_path", "line"),
    [
        (("name",), 1),
        (("steps", 0), 3),
        (("steps", 0, "tasks", 1, "id"), 8),
        (("steps", 1, "role"), 12),
        (("steps", 1, "tasks", 0, "role"), 15),
        (("steps", 1, "guards", "severity"), 17),
    ],
)
def test_line_of_follows_tables_and_arrays_of_tables(flow: Path, key_path, line) -> None:  # type: ignore[no-untyped-def]
    assert load_toml(flow).line_of(*key_path) == line


def test_an_error_names_the_file_and_line(flow: Path) -> None:
    error = load_toml(flow).error("unknown role 'ghost'", "steps", 1, "tasks", 0, "role")
    assert str(error) == f"{flow}:15: unknown role 'ghost'"


def test_a_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('name = "x"\nsteps = [\n  "a",\n  b\n]\n', encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_toml(path)
    assert caught.value.line == 4
    assert "TOML syntax error" in caught.value.problem

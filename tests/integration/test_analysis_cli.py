"""``qa-desktop analysis export|import|print`` as a script or a headless machine runs them."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import pytest

from qa_desktop.cli.analysis import add_analysis_parser, run_analysis
from qa_desktop.cli.main import _open, _sign_in
from qa_desktop.domain.errors import QaError
from qa_desktop.domain.roles import Role
from qa_desktop.persistence.database import resolve_url
from qa_desktop.persistence.migrate import open_database
from qa_desktop.services import QaServices
from qa_desktop.services.analysis_facade import AnalysisServices
from tests.conftest import PASSWORD, make_draft
from tests.integration.analysis_samples import complete_analysis


def run(database_url: str, user: str, *argv: str) -> tuple[int, str, str]:
    """Parse and run one ``analysis`` command as ``qa-desktop`` does (exit code, out, err)."""
    parser = argparse.ArgumentParser(prog="qa-desktop")
    parser.add_argument("--db")
    parser.add_argument("--user")
    add_analysis_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--db", database_url, "--user", user, "analysis", *argv])
    opened: list[QaServices] = []

    def open_services(namespace: argparse.Namespace) -> QaServices:
        services: QaServices = _open(namespace)
        opened.append(services)
        return services

    try:
        return run_analysis(args, open_services, _sign_in), "", ""
    except QaError as error:
        return 1, "", str(error)
    finally:
        for services in opened:  # a process would exit here; a test must close its pool
            services.database.dispose()


@pytest.fixture
def world(database_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A database with people, a saved analysis and a second incident without one."""
    monkeypatch.setenv("QA_DESKTOP_PASSWORD", PASSWORD)
    database, _ = open_database(resolve_url(database_url))
    services = QaServices(database)
    admin = services.accounts.create_first_administrator("admin", "Ada Admin", PASSWORD)
    services.accounts.add_user(admin, "engineer", "Eri Engineer", PASSWORD, Role.QA_ENGINEER)
    services.accounts.add_user(admin, "manager", "Mei Manager", PASSWORD, Role.MANAGER)
    engineer = services.accounts.sign_in("engineer", PASSWORD)
    source = services.incidents.create(engineer, make_draft()).reference
    target = services.incidents.create(engineer, make_draft(title="Second")).reference
    analysis = AnalysisServices(database, services.now, services.accounts)
    record = analysis.analyses.load(engineer, source)
    saved = analysis.analyses.save(engineer, source, complete_analysis(record.graph), 1)
    try:
        yield analysis, engineer, source, target, saved.graph
    finally:
        database.dispose()


@pytest.mark.parametrize(("suffix", "fmt"), [(".graphml", None), (".gv", "dot"), (".json", None)])
def test_export_then_import_moves_the_analysis_whole(
    world,
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
    fmt: str | None,
) -> None:  # type: ignore[no-untyped-def]
    analysis, engineer, source, target, graph = world
    path = tmp_path / f"analysis{suffix}"
    format_args = ["--format", fmt] if fmt else []
    code, _, err = run(database_url, "manager", "export", source, *format_args, "-o", str(path))
    assert code == 0, err
    assert f"exported the analysis of {source} to {path}" in capsys.readouterr().out
    assert "コードの絶縁が溶けた".encode() in path.read_bytes()
    code, _, err = run(database_url, "engineer", "import", target, str(path), *format_args)
    assert code == 0, err
    assert "5 cause(s), 1 countermeasure(s)" in capsys.readouterr().out
    imported = analysis.analyses.load(engineer, target).graph
    assert replace(imported, incident=graph.incident) == graph


def test_a_refused_file_names_its_problems_and_changes_nothing(
    world, database_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    analysis, engineer, source, _, _ = world
    before = analysis.analyses.load(engineer, source)
    document = json.loads(analysis.analyses.export(engineer, source, "json"))
    document["nodes"] = [n for n in document["nodes"] if n["id"] != "C2"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run(database_url, "engineer", "import", source, str(broken))
    assert code == 1
    assert "names a node that is not in the file" in err
    assert "nothing was imported" in err
    unknown = tmp_path / "analysis.txt"
    unknown.write_text("digraph {}", encoding="utf-8")
    code, _, err = run(database_url, "engineer", "import", source, str(unknown))
    assert code == 1
    assert "use .graphml, .gv, .dot or .json" in err
    code, _, err = run(database_url, "engineer", "import", source, str(tmp_path / "missing.gv"))
    assert code == 1
    assert "could not be read" in err
    code, _, err = run(database_url, "manager", "import", source, str(broken))
    assert code == 1
    assert analysis.analyses.load(engineer, source) == before


def test_print_writes_the_8d_report(world, database_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, _, source, _, _ = world
    output = tmp_path / "report.pdf"
    code, _, err = run(database_url, "manager", "print", source, "-o", str(output))
    assert code == 0, err
    assert output.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".report.pdf.*")), "no temporary file is left behind"


def test_an_unwritable_output_is_reported_and_leaves_nothing(
    world, database_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _, _, source, _, _ = world
    output = tmp_path / "no such folder" / "a.graphml"
    code, _, err = run(database_url, "manager", "export", source, "-o", str(output))
    assert code == 1
    assert "could not be written" in err


def test_the_help_states_the_size_limit(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser(prog="qa-desktop")
    add_analysis_parser(parser.add_subparsers(dest="command"))
    with pytest.raises(SystemExit):
        parser.parse_args(["analysis", "--help"])
    assert "at most 20 MB" in " ".join(capsys.readouterr().out.split())


def test_the_command_line_knows_the_graph_formats_without_importing_networkx() -> None:
    import subprocess
    import sys

    from qa_desktop.analysis.interchange import MAX_FILE_BYTES, GraphFormat
    from qa_desktop.cli import analysis as cli_analysis

    assert [f.value for f in GraphFormat] == cli_analysis._FORMATS
    assert cli_analysis.MAX_FILE_BYTES == MAX_FILE_BYTES
    code = (
        "import sys, qa_desktop.cli.main; "
        "print([m for m in ('networkx', 'reportlab', 'openpyxl', 'PySide6') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

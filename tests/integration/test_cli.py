"""The command line, as a script or a headless machine uses it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qa_desktop import __version__
from qa_desktop.app import main

PASSWORD = "s3cret-password"


@pytest.fixture
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``qa-desktop --db URL …`` in-process; returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("QA_DESKTOP_PASSWORD", PASSWORD)
    monkeypatch.delenv("QA_DESKTOP_USER", raising=False)

    def run(*args: str, user: str | None = "admin") -> tuple[int, str, str]:
        argv = ["--db", database_url, *(["--user", user] if user else []), *args]
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    code, _out, err = run("init", "--admin", "admin", "--admin-name", "Ada Admin", user=None)
    assert code == 0, err
    return run


def test_init_creates_the_first_administrator_once(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("init", user=None)
    assert code == 0
    assert "accounts exist already" in out


def test_user_add_and_list(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QA_DESKTOP_NEW_PASSWORD", "engineer-pass")
    code, out, err = cli("user", "add", "eri", "--role", "qa_engineer", "--name", "江里 Eri")
    assert code == 0, err
    code, out, _ = cli("user", "list", "--json")
    users = {u["username"]: u for u in json.loads(out)}
    assert users["eri"]["role"] == "qa_engineer"
    assert users["eri"]["display_name"] == "江里 Eri"


def test_permissions_are_refused_on_the_command_line_as_in_the_gui(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QA_DESKTOP_NEW_PASSWORD", PASSWORD)
    cli("user", "add", "mei", "--role", "manager", "--name", "Mei")
    code, _, err = cli("user", "list", user="mei")
    assert code == 1
    assert "may not manage users" in err


def test_a_wrong_password_is_refused_without_a_traceback(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QA_DESKTOP_PASSWORD", "wrong")
    code, _, err = cli("incident", "list")
    assert code == 1
    assert "wrong password" in err
    assert "Traceback" not in err


def test_incident_list_and_show_json(cli, services_for_cli) -> None:  # type: ignore[no-untyped-def]
    reference = services_for_cli()
    code, out, err = cli("incident", "list", "--json", user="eng")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["reference"] for r in rows] == [reference]
    code, out, _ = cli("incident", "show", reference, "--json", user="eng")
    shown = json.loads(out)
    assert shown["title"] == "電源コードの発火 <b>&</b>"
    code, out, _ = cli("incident", "show", "INC-1999-0001", user="eng")
    assert code == 1


@pytest.fixture
def services_for_cli(database_url: str):  # type: ignore[no-untyped-def]
    """Log one incident as a new engineer account; returns its reference."""

    def make() -> str:
        from qa_desktop.domain.roles import Role
        from qa_desktop.persistence.database import resolve_url
        from qa_desktop.persistence.migrate import open_database
        from qa_desktop.services import QaServices
        from tests.conftest import make_draft

        database, _ = open_database(resolve_url(database_url))
        try:
            services = QaServices(database)
            admin = services.accounts.sign_in("admin", PASSWORD)
            services.accounts.add_user(admin, "eng", "Eng", PASSWORD, Role.QA_ENGINEER)
            eng = services.accounts.sign_in("eng", PASSWORD)
            return services.incidents.create(
                eng, make_draft(title="電源コードの発火 <b>&</b>")
            ).reference
        finally:
            database.dispose()

    return make


def test_backup_writes_a_database_that_opens(cli, tmp_path: Path, database_url: str) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "backup.out"
    code, _out, err = cli("backup", "-o", str(target))
    assert code == 0, err
    assert target.stat().st_size > 0
    if "://" not in database_url:
        import sqlite3

        con = sqlite3.connect(target)
        assert con.execute("SELECT count(*) FROM users").fetchone()[0] == 1
        con.close()
    code, _, err = cli("backup", "-o", str(target))
    assert code == 1
    assert "exists already" in err


def test_version_starts_without_qt_or_sqlalchemy() -> None:
    code = (
        "import sys; from qa_desktop.app import main; main(['--version']); "
        "heavy = [m for m in ('PySide6', 'sqlalchemy', 'reportlab', 'networkx') "
        "if m in sys.modules]; "
        "print('heavy:', heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert f"qa-desktop {__version__}" in result.stdout
    assert "heavy: []" in result.stdout


def test_commands_never_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from qa_desktop.app import main; "
        f"main(['--db', {str(tmp_path / 'x.sqlite3')!r}, 'init', '--admin', 'root']); "
        "print('qt loaded:', 'PySide6' in sys.modules)"
    )
    env = dict(os.environ, QA_DESKTOP_PASSWORD=PASSWORD)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert "qt loaded: False" in result.stdout


def test_without_a_display_the_app_says_how_to_run_it() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "qa_desktop.app"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr

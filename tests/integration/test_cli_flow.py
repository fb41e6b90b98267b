"""The response flow from the command line: refused exactly as in the window."""

from __future__ import annotations

import json

import pytest

from qa_desktop.app import main
from qa_desktop.domain.roles import Role
from tests.conftest import make_draft

PASSWORD = "flow-cli-password"


@pytest.fixture
def flow_cli(services, database_url: str, monkeypatch: pytest.MonkeyPatch, capsys):  # type: ignore[no-untyped-def]
    """Accounts and one incident; returns run(user, *args) -> (code, stdout, stderr)."""
    admin = services.accounts.create_first_administrator("admin", "Admin", PASSWORD)
    services.accounts.add_user(admin, "eri", "江里 Eri", PASSWORD, Role.QA_ENGINEER)
    services.accounts.add_user(admin, "mei", "Mei Manager", PASSWORD, Role.MANAGER)
    eri = services.accounts.sign_in("eri", PASSWORD)
    reference = services.incidents.create(eri, make_draft()).reference
    monkeypatch.setenv("QA_DESKTOP_PASSWORD", PASSWORD)

    def run(user: str, *args: str) -> tuple[int, str, str]:
        code = main(["--db", database_url, "--user", user, "flow", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run, reference


def test_show_lists_the_step_and_what_this_person_may_do(flow_cli) -> None:  # type: ignore[no-untyped-def]
    run, reference = flow_cli
    code, out, err = run("eri", "show", reference, "--json")
    assert code == 0, err
    view = json.loads(out)
    assert view["step"] == "intake"
    assert "submit_for_classification" in [a["id"] for a in view["available"]]


def test_a_step_moves_the_incident_and_is_in_its_history(flow_cli) -> None:  # type: ignore[no-untyped-def]
    run, reference = flow_cli
    code, out, err = run("eri", "take", reference, "submit_for_classification", "--comment", "送付")
    assert code == 0, err
    assert "Classification" in out
    _, shown, _ = run("eri", "show", reference, "--json")
    history = json.loads(shown)["history"]
    assert history[-1]["action"] == "submit_for_classification"
    assert history[-1]["comment"] == "送付"


def test_the_wrong_role_and_a_step_out_of_order_are_refused(flow_cli) -> None:  # type: ignore[no-untyped-def]
    run, reference = flow_cli
    code, _, err = run("mei", "take", reference, "submit_for_classification")
    assert code == 1
    assert "may" in err.lower()
    code, _, err = run("eri", "take", reference, "close_incident")
    assert code == 1
    assert "Traceback" not in err
    _, shown, _ = run("eri", "show", reference, "--json")
    assert json.loads(shown)["step"] == "intake"  # nothing moved

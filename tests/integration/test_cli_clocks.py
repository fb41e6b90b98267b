"""``qa-desktop clocks`` as a scheduled job runs it: the listing, JSON, filters, exit status."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta

import pytest

from qa_desktop.cli.clocks import add_clocks_parser, run_clocks
from qa_desktop.services.response import ResponseServices
from tests.conftest import PASSWORD, make_draft

FIRE = {"fire": True, "fire_service_confirmed": True}


@pytest.fixture
def response(services):  # type: ignore[no-untyped-def]
    return ResponseServices(services.database, services.now)


@pytest.fixture
def clocks_cli(services, people, response, capsys):  # type: ignore[no-untyped-def]
    """Run ``clocks ARGS`` as *user* with *password*; (exit status, stdout, stderr)."""

    def run(*argv: str, user: str = "manager", password: str = PASSWORD) -> tuple[int, str, str]:
        parser = argparse.ArgumentParser(prog="qa-desktop")
        add_clocks_parser(parser.add_subparsers(dest="command"))
        args = parser.parse_args(["clocks", *argv])

        def factory(_args: argparse.Namespace):  # type: ignore[no-untyped-def]
            return response.clocks, services.accounts.sign_in(user, password)

        code = run_clocks(args, factory)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _classified(services, people, response, days_ago: float, **changes) -> str:  # type: ignore[no-untyped-def]
    engineer = people["engineer"]
    known = datetime.now(UTC) - timedelta(days=days_ago)
    draft = make_draft(**FIRE, first_known_at=known, qa_aware_at=known, occurred_at=None, **changes)
    reference = services.incidents.create(engineer, draft).reference
    proposal = response.classification.propose(engineer, reference)
    response.classification.confirm(engineer, reference, proposal.incident_version)
    return reference


def test_an_overdue_clock_exits_3_and_stands_out(services, people, response, clocks_cli):
    late = _classified(services, people, response, 20, markets=("JP",), business_unit="家電")
    fine = _classified(services, people, response, 1, markets=("JP",))

    code, out, err = clocks_cli("--time-zone", "Europe/Berlin")

    assert code == 3
    lines = out.splitlines()
    assert lines[1].startswith("OVERDUE")
    assert late in lines[1]
    assert "late" in lines[1]
    assert "JST" in lines[1]
    assert "CET" in lines[1]
    assert "家電" in lines[1]
    assert lines[2].startswith("running")
    assert fine in lines[2]
    assert lines[-1].startswith("2 running clock(s): 1 OVERDUE")
    assert "1 reporting clock(s) OVERDUE" in err


def test_nothing_overdue_exits_0_and_json_lists_both_zones(services, people, response, clocks_cli):
    reference = _classified(services, people, response, 1, markets=("JP",))

    code, out, _ = clocks_cli("--json", "--time-zone", "America/New_York")

    assert code == 0
    document = json.loads(out)
    (clock,) = document["clocks"]
    assert (clock["reference"], clock["rule_id"], clock["overdue"]) == (
        reference,
        "JP-CPSA-35",
        False,
    )
    assert clock["due_at_regulator"].endswith("+09:00")
    assert clock["due_at_yours"].endswith(("-05:00", "-04:00"))
    assert clock["due_at"].endswith("+00:00")
    assert clock["seconds_left"] > 0
    assert document["summary"] == {
        "running": 1,
        "overdue": 0,
        "due_immediately": 0,
        "cannot_start": 0,
    }


def test_filters_narrow_the_listing_and_the_exit_status(services, people, response, clocks_cli):
    _classified(services, people, response, 20, markets=("JP",), business_unit="Tools")
    # Known six hours ago: the 24-hour CPSC clock still runs.
    us = _classified(
        services, people, response, 0.25, markets=("US",), country="US", business_unit="Home"
    )

    code, out, _ = clocks_cli("--jurisdiction", "US", "--json")
    assert code == 0
    assert {c["reference"] for c in json.loads(out)["clocks"]} == {us}

    code, out, _ = clocks_cli("--business-unit", "Tools", "--due-within", "0")
    assert code == 3
    assert out.splitlines()[-1].startswith("1 running clock(s): 1 OVERDUE")


def test_errors_exit_1_with_a_message_and_no_traceback(services, people, response, clocks_cli):
    code, _, err = clocks_cli("--jurisdiction", "XX")
    assert code == 1
    assert "unknown jurisdiction XX" in err
    code, _, err = clocks_cli("--due-within", "-2")
    assert code == 1
    assert "--due-within" in err
    code, _, err = clocks_cli(password="wrong")
    assert code == 1
    assert "wrong password" in err
    assert "Traceback" not in err

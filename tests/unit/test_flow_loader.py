"""Loading response flows: the shipped flow loads, and every kind of broken file is refused
with the file and the exact line a QA head has to fix."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from qa_desktop.domain.errors import DefinitionError
from qa_desktop.domain.incident import IncidentStatus
from qa_desktop.domain.roles import Role
from qa_desktop.workflow.flow import CALLER_FACTS, parse_duration, parse_guard
from qa_desktop.workflow.flow_loader import load_flow, load_flows, load_shipped_flow

# A small valid flow; each test breaks one thing and marks the line it expects with "# <-".
MINI = """\
[flow]
id = "mini"
title = "Mini flow"
version = 1
start = "intake"
final = "closed"

[[tiers]]
id = "bu"
title = "Business-unit QA"

[[tiers]]
id = "ho"
title = "Head-office QA division"

[[steps]]
id = "intake"
title = "Intake"
status = "intake"
tier = "bu"
escalate_after = "1d"
escalate_to = "ho"

[[steps]]
id = "review"
title = "Review"
status = "investigation"
tier = "bu"

[[steps]]
id = "closed"
title = "Closed"
status = "closed"
tier = "bu"

[[tasks]]
id = "check"
title = "Check"
step = "review"
sla = "24h"

[[actions]]
id = "submit"
title = "Submit"
from = "intake"
to = "review"
roles = [
    "qa_engineer",
    "qa_head",
]

[[actions]]
id = "do_check"
title = "Do the check"
from = "review"
completes = "check"
roles = ["qa_engineer"]

[[actions]]
id = "send_back"
title = "Send back"
from = "review"
to = "intake"
returns = true
roles = ["qa_head"]

[[actions]]
id = "close"
title = "Close"
from = "review"
to = "closed"
signature_required = "qa_head"
guards = [
    "analysis_closed",
    'severity != "serious"',
]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "flow.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(tmp_path: Path, text: str) -> tuple[DefinitionError, int]:
    """The error loading *text* raises, and the line marked "# <-" in it."""
    marked = [n for n, line in enumerate(text.splitlines(), start=1) if "# <-" in line]
    assert len(marked) == 1, "mark exactly one line with '# <-'"
    path = _write(tmp_path, text)
    with pytest.raises(DefinitionError) as caught:
        load_flow(path)
    assert caught.value.file == str(path)
    assert str(caught.value).startswith(f"{path}:{marked[0]}: ")
    return caught.value, marked[0]


def _broken(old: str, new: str, *, count: int = 1) -> str:
    assert MINI.count(old) >= count, old
    return MINI.replace(old, new, count)


def test_the_shipped_flow_loads_with_its_serious_response_tasks() -> None:
    flow = load_shipped_flow()
    assert flow.start == "intake"
    assert flow.final == "closed"
    assert [t.id for t in flow.step("serious_response").tasks] == [
        "regulator_reports",
        "website_disclosure",
        "top_management_report",
        "recall_decision",
    ]
    assert flow.task("top_management_report").sla == timedelta(hours=24)
    assert flow.status_of("serious_response") is IncidentStatus.REPORTING
    close = flow.action("close")
    assert close is not None
    assert close.signature is Role.QA_HEAD
    assert close.roles == (Role.QA_HEAD,)


def test_the_shipped_flow_maps_every_incident_status_to_a_step() -> None:
    flow = load_shipped_flow()
    assert {s.status for s in flow.steps} == set(IncidentStatus)


def test_load_flows_reads_the_workflows_folder_but_not_its_sub_folders(tmp_path: Path) -> None:
    _write(tmp_path, MINI)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "japan.toml").write_text("not a flow = at all", encoding="utf-8")
    assert list(load_flows(tmp_path)) == ["mini"]


def test_two_files_with_the_same_flow_id_are_refused(tmp_path: Path) -> None:
    _write(tmp_path, MINI)
    (tmp_path / "other.toml").write_text(MINI, encoding="utf-8")
    with pytest.raises(DefinitionError, match='flow id "mini" is already used'):
        load_flows(tmp_path)


def test_a_toml_syntax_error_names_its_line(tmp_path: Path) -> None:
    error, _ = _refusal(tmp_path, _broken('title = "Review"', "title = Review  # <-"))
    assert "TOML syntax error" in error.problem


def test_a_loop_not_marked_as_a_return_is_refused_at_the_action_closing_it(
    tmp_path: Path,
) -> None:
    text = _broken(
        'to = "intake"\nreturns = true',
        'to = "intake"  # <-',
    )
    error, _ = _refusal(tmp_path, text)
    assert 'action "send_back" leads from "review" back to "intake"' in error.problem
    assert "returns = true" in error.problem


def test_a_return_that_goes_forward_is_refused(tmp_path: Path) -> None:
    text = _broken(
        'id = "send_back"\ntitle = "Send back"\nfrom = "review"\nto = "intake"',
        'id = "send_back"\ntitle = "Send back"\nfrom = "intake"\nto = "review"  # <-',
    )
    error, _ = _refusal(tmp_path, text)
    assert "must go back to an earlier step" in error.problem


def test_an_unreachable_step_is_refused_at_its_header(tmp_path: Path) -> None:
    text = _broken(
        "[[tasks]]",
        '[[steps]]  # <-\nid = "orphan"\ntitle = "Orphan"\nstatus = "containment"\n'
        'tier = "bu"\n\n[[actions]]\nid = "orphan_on"\ntitle = "Go on"\nfrom = "orphan"\n'
        'to = "closed"\nroles = ["qa_head"]\n\n[[tasks]]',
    )
    error, _ = _refusal(tmp_path, text)
    assert error.problem == 'step "orphan" cannot be reached from the start step "intake"'


def test_a_step_from_which_closure_cannot_be_reached_is_refused(tmp_path: Path) -> None:
    text = _broken(
        "[[tasks]]",
        '[[steps]]  # <-\nid = "parked"\ntitle = "Parked"\nstatus = "containment"\n'
        'tier = "bu"\n\n[[actions]]\nid = "park"\ntitle = "Park"\nfrom = "intake"\n'
        'to = "parked"\nroles = ["qa_head"]\n\n[[tasks]]',
    )
    error, _ = _refusal(tmp_path, text)
    assert error.problem == 'closure ("closed") cannot be reached from step "parked"'


def test_an_unknown_role_in_a_multi_line_list_is_refused_at_its_own_line(
    tmp_path: Path,
) -> None:
    error, _ = _refusal(tmp_path, _broken('    "qa_head",\n]', '    "qa_lead",  # <-\n]'))
    assert error.problem.startswith('unknown role "qa_lead"; roles are administrator')


def test_an_unknown_fact_in_a_guard_is_refused_at_the_guard(tmp_path: Path) -> None:
    error, _ = _refusal(
        tmp_path, _broken('    "analysis_closed",', '    "analysis_finished",  # <-')
    )
    assert error.problem.startswith('unknown fact "analysis_finished" in guard')


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ('"3 dayz"', 'invalid duration "3 dayz"'),
        ('"-2d"', "negative"),
        ('"0h"', "zero"),
        ('"2.5d"', 'invalid duration "2.5d"'),
        ("24", "must be a duration in quotes"),
    ],
)
def test_an_invalid_duration_is_refused(tmp_path: Path, written: str, problem: str) -> None:
    error, _ = _refusal(tmp_path, _broken('sla = "24h"', f"sla = {written}  # <-"))
    assert problem in error.problem


def test_a_duplicate_step_id_is_refused_at_the_second_one(tmp_path: Path) -> None:
    text = _broken('id = "review"', 'id = "intake"  # <-')
    error, _ = _refusal(tmp_path, text)
    assert error.problem == 'duplicate step id "intake"'


def test_an_action_to_a_step_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    error, _ = _refusal(tmp_path, _broken('to = "review"', 'to = "reveiw"  # <-'))
    assert error.problem == 'step "reveiw" does not exist'


def test_a_missing_required_key_is_refused_at_the_table_header(tmp_path: Path) -> None:
    text = _broken(
        '[[steps]]\nid = "review"\ntitle = "Review"\n', '[[steps]]  # <-\nid = "review"\n'
    )
    error, _ = _refusal(tmp_path, text)
    assert error.problem == '[[steps]] is missing the required key "title"'


def test_an_unknown_key_is_refused_rather_than_ignored(tmp_path: Path) -> None:
    error, _ = _refusal(tmp_path, _broken("guards = [", "gaurds = [  # <-"))
    assert error.problem.startswith('unknown key "gaurds" in [[actions]]; allowed keys: id,')


def test_a_task_no_action_completes_is_refused(tmp_path: Path) -> None:
    text = _broken('completes = "check"', 'to = "closed"').replace("[[tasks]]", "[[tasks]]  # <-")
    error, _ = _refusal(tmp_path, text)
    assert 'no action completes task "check"' in error.problem


_DO_CHECK = '[[actions]]\nid = "do_check"\ntitle = "Do the check"\nfrom = "review"\n'


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('status = "investigation"', 'status = "reviewing"  # <-', 'unknown status "reviewing"'),
        ('escalate_to = "ho"', 'escalate_to = "hq"  # <-', 'unknown tier "hq"'),
        ('escalate_to = "ho"', 'escalate_to = "bu"  # <-', "cannot escalate to its own tier"),
        (
            'escalate_after = "1d"\nescalate_to = "ho"',
            'escalate_after = "1d"  # <-',
            '"escalate_after" needs "escalate_to"',
        ),
        ('    "analysis_closed",', "    'severity == \"grave\"',  # <-", '"grave" is not a value'),
        ('    "analysis_closed",', "    'analysis_closed == \"yes\"',  # <-", "yes/no fact"),
        ('    "analysis_closed",', '    "severity",  # <-', "must be compared"),
        ('    "analysis_closed",', '    "analysis_closed and",  # <-', "cannot read guard"),
        ("version = 1", "version = 0  # <-", "whole number of 1 or more"),
        ('id = "mini"', 'id = "Mini Flow"  # <-', "lower-case letters"),
        (_DO_CHECK, _DO_CHECK.replace("]]", "]]  # <-") + 'to = "closed"\n', "exactly one"),
        ("returns = true", "returns = true\ncomment_required = false  # <-", "always needs"),
        (
            'signature_required = "qa_head"',
            'signature_required = "qa_head"\nroles = ["qa_engineer"]  # <-',
            "taken by its signer only",
        ),
        (
            'from = "review"\ncompletes = "check"',
            'from = "intake"\ncompletes = "check"  # <-',
            "belongs to step",
        ),
        ('id = "check"', 'id = "check"\nrecords = "analysis_closed"  # <-', "application"),
        (
            'id = "close"\ntitle = "Close"\nfrom = "review"',
            'id = "close"\ntitle = "Close"\nfrom = "closed"  # <-',
            "ends the flow",
        ),
        ('status = "investigation"', 'status = "closed"  # <-', "only the final step"),
    ],
)
def test_other_definition_mistakes_are_refused_at_their_line(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    error, _ = _refusal(tmp_path, _broken(old, new))
    assert problem in error.problem


def test_an_unreadable_file_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "missing.toml"
    with pytest.raises(DefinitionError, match=r"missing\.toml: cannot be read"):
        load_flow(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24h", timedelta(hours=24)),
        ("2d", timedelta(days=2)),
        ("1d12h", timedelta(days=1, hours=12)),
        ("90m", timedelta(minutes=90)),
        ("2w", timedelta(weeks=2)),
    ],
)
def test_durations_read_as_a_qa_head_writes_them(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


def test_a_guard_with_or_holds_when_either_side_holds() -> None:
    guard = parse_guard('severity != "serious" or analysis_closed', CALLER_FACTS)
    assert guard.holds({"severity": "low", "analysis_closed": False})
    assert guard.holds({"severity": "serious", "analysis_closed": True})
    assert not guard.holds({"severity": "serious", "analysis_closed": False})


def test_a_negated_guard_holds_only_while_the_fact_is_false() -> None:
    guard = parse_guard("not analysis_closed", CALLER_FACTS)
    assert guard.holds({"analysis_closed": False})
    assert not guard.holds({"analysis_closed": True})

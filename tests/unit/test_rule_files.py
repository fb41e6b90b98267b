"""The shipped rule files load; broken ones are refused naming the file and the line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qa_desktop.domain.clock_rules import Jurisdiction
from qa_desktop.domain.errors import DefinitionError
from qa_desktop.workflow.rules import (
    CLOCKS_FILE,
    RMAP_FILE,
    SAFETY_GATE_FILE,
    load_clock_rules,
    load_rmap,
    load_safety_gate,
    rules_dir,
)

Loader = Callable[[Path], Any]


def shipped(name: str) -> str:
    return (rules_dir() / name).read_text(encoding="utf-8")


def break_file(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of a shipped file with *old* replaced by *new* (once); the changed line's number."""
    text = shipped(name)
    assert old in text, f"{old!r} is not in {name}"
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(new))
    return path, text[: text.index(old) + same].count("\n") + 1


def refusal(loader: Loader, path: Path) -> DefinitionError:
    with pytest.raises(DefinitionError) as caught:
        loader(path)
    error = caught.value
    assert error.file == str(path)
    assert str(error).startswith(f"{path}:{error.line}: ")
    return error


def line_of_text(path: Path, fragment: str, after: str = "") -> int:
    """The number of the first line holding *fragment* (below the line holding *after*)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if fragment in line)


# ---------------------------------------------------------------- the shipped files


def test_shipped_clock_rules_cover_every_jurisdiction_with_citations() -> None:
    book = load_clock_rules()

    assert {rule.jurisdiction for rule in book.rules} == set(Jurisdiction)
    assert len({rule.rule_id for rule in book.rules}) == len(book.rules)
    for rule in book.rules:
        assert rule.citation
        assert rule.version >= 1
        assert not rule.verify or rule.verify_note
    assert book.rule("JP-CPSA-35").period_text == "10 days"
    assert book.rule("US-CPSA-15B-24H").period_text == "24 hours"
    assert book.rule("EU-GPSR-20").period_text == "immediately"


def test_shipped_rmap_and_safety_gate_load() -> None:
    rmap = load_rmap()
    gate = load_safety_gate()

    assert [level.level for level in rmap.frequency_levels] == [5, 4, 3, 2, 1, 0]
    assert [harm.numeral for harm in rmap.harm_levels] == ["0", "I", "II", "III", "IV"]
    assert "QA head must confirm" in rmap.note
    assert len(gate.bands) == 8
    assert gate.verify


# ---------------------------------------------------------------- broken clock rules


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            'counting = "calendar_days_including_day_known"',
            'counting = "calendar_days_counting_weekdays"',
            "unknown counting",
        ),
        ('period = "10 days"', 'period = "10 dayz"', "invalid duration"),
        ('period = "10 days"', 'period = "-10 days"', "must be positive"),
        ('period = "10 days"', 'period = "0 days"', "must be positive"),
        ('period = "10 days"', 'period = "10 hours"', "needs a period in days"),
        ('jurisdiction = "JP"', 'jurisdiction = "JA"', "unknown jurisdiction"),
        ('citation = "Consumer Product Safety Act (消', 'citation = " " # (消', "citation"),
        ('time_zone = "Asia/Tokyo"', 'time_zone = "Asia/Tokio"', "unknown time zone"),
        ('calendar = "JP-agency"', 'calendar = "JP-agencies"', "unknown calendar"),
        (
            'move = "next_open_day"\nmove_citation = "Act',
            'move = "next_business_day"\nmove_citation = "Act',
            "unknown move",
        ),
        ('period = "10 days"', 'perod = "10 days"', "unknown key 'perod'"),
        ("effective_from = 2007-05-14", 'effective_from = "May 2007"', "must be a date"),
        ("version = 1", "version = 0", "version"),
        ('holidays_country = "JP"', 'holidays_country = "XJ"', "no calendar for country"),
        ('from = "12-29"', 'from = "12-32"', "not a month-day"),
        ('weekend = ["saturday", "sunday"]', 'weekend = ["saturday", "sundae"]', "weekday"),
    ],
)
def test_broken_clock_rule_is_refused_at_its_line(
    tmp_path: Path, old: str, new: str, words: str
) -> None:
    path, line = break_file(tmp_path, CLOCKS_FILE, old, new)

    error = refusal(load_clock_rules, path)

    assert error.line == line
    assert words in error.problem


def test_missing_citation_is_refused_at_the_rule(tmp_path: Path) -> None:
    path, _ = break_file(
        tmp_path,
        CLOCKS_FILE,
        'citation = "General Product Safety Regulation (EU) 2023/988 art. 20"\n',
        "",
    )

    error = refusal(load_clock_rules, path)

    assert "missing 'citation'" in error.problem
    assert "EU-GPSR-20" in error.problem
    # The [[clock]] header of the EU rule: the first line above its id.
    assert error.line == line_of_text(path, 'id = "EU-GPSR-20"') - 1


def test_duplicate_rule_id_names_both_lines(tmp_path: Path) -> None:
    path, line = break_file(
        tmp_path, CLOCKS_FILE, 'id = "US-CPSA-15B-INVESTIGATION"', 'id = "US-CPSA-15B-24H"'
    )

    error = refusal(load_clock_rules, path)

    assert error.line == line
    assert "duplicate rule id 'US-CPSA-15B-24H'" in error.problem
    first = line_of_text(path, 'id = "US-CPSA-15B-24H"')
    assert f"(first defined on line {first})" in error.problem


def test_toml_syntax_error_names_its_line(tmp_path: Path) -> None:
    path, line = break_file(tmp_path, CLOCKS_FILE, 'period = "2 days"', 'period = "2 days')

    error = refusal(load_clock_rules, path)

    assert error.line == line
    assert "TOML syntax error" in error.problem


def test_verify_without_a_note_is_refused(tmp_path: Path) -> None:
    path, _ = break_file(
        tmp_path, CLOCKS_FILE, 'verify_note = "effective_from of the current Part 803."\n', ""
    )

    error = refusal(load_clock_rules, path)

    assert "verify_note" in error.problem
    assert error.line == line_of_text(path, "verify = true", after='id = "US-FDA-803-30D"')


# ---------------------------------------------------------------- broken risk tables


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('3 = ["C", "B", "B", "A", "A"]', '3 = ["C", "B", "D", "A", "A"]', "'D' is not a region"),
        ('3 = ["C", "B", "B", "A", "A"]', '3 = ["C", "B", "B", "A"]', "needs 5 cells"),
        ('5 = ["C", "B", "A", "A", "A"]', '5 = ["C", "B", "A", "A", "C"]', "only worsen"),
        ("above = 1e-6", 'above = "often"', "is not a number"),
        ("level = 3\n", "level = 7\n", "highest frequency down"),
        ("confirmed_by_qa_head = false", "confirmed_by_qa_head = 0", "true or false"),
    ],
)
def test_broken_rmap_is_refused_at_its_line(tmp_path: Path, old: str, new: str, words: str) -> None:
    path, line = break_file(tmp_path, RMAP_FILE, old, new)

    error = refusal(load_rmap, path)

    assert error.line == line
    assert words in error.problem


def test_missing_grid_row_is_refused(tmp_path: Path) -> None:
    path, _ = break_file(tmp_path, RMAP_FILE, '0 = ["C", "C", "C", "C", "C"]\n', "")

    error = refusal(load_rmap, path)

    assert "missing '0'" in error.problem
    assert error.line == line_of_text(path, "[grid]")


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            'risk = ["low", "high", "serious", "serious"]',
            'risk = ["low", "high", "severe", "serious"]',
            "unknown risk level",
        ),
        (
            'risk = ["low", "high", "serious", "serious"]',
            'risk = ["low", "high", "medium", "serious"]',
            "may not fall as severity rises",
        ),
        (
            'risk = ["low", "low", "low", "medium"]',
            'risk = ["low", "low", "low", "serious"]',
            "may not rise as probability falls",
        ),
        ('above = "1/10000"', 'above = "1/100"', "highest probability down"),
        (
            'label = "lower"\nabove = "0"',
            'label = "lower"\nabove = "1/10000000"',
            'must have above = "0"',
        ),
        ('above = "1/2"', 'above = "3/2"', "below 1"),
    ],
)
def test_broken_safety_gate_is_refused_at_its_line(
    tmp_path: Path, old: str, new: str, words: str
) -> None:
    path, line = break_file(tmp_path, SAFETY_GATE_FILE, old, new)

    error = refusal(load_safety_gate, path)

    assert error.line == line
    assert words in error.problem

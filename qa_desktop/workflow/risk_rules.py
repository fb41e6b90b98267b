"""Loading the R-Map and Safety Gate tables from their rule data files.

Besides the shape of each file, the tables are checked for order: a risk may never fall as
frequency, harm, probability or severity rises. A cell that breaks that order is almost
always a typing slip, and it would quietly rate a dangerous product as acceptable.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

from qa_desktop.domain.risk import (
    SEVERITIES,
    FrequencyLevel,
    HarmLevel,
    ProbabilityBand,
    Region,
    RiskLevel,
    RMap,
    SafetyGateTable,
)
from qa_desktop.workflow.rule_reader import RMAP_FILE, SAFETY_GATE_FILE, RuleReader, rules_dir
from qa_desktop.workflow.toml_source import load_toml

_META = ("version", "effective_from", "citation", "verify")
_REGION_RANK = {Region.C: 0, Region.B: 1, Region.A: 2}


def load_rmap(path: Path | None = None) -> RMap:
    """Load and check the R-Map levels and region grid (the shipped file by default)."""
    doc = load_toml(path or rules_dir() / RMAP_FILE)
    reader = RuleReader(doc)
    data = doc.data
    reader.keys(
        data,
        "the R-Map",
        (),
        (*_META, "confirmed_by_qa_head", "frequency", "harm", "grid"),
        ("verify_note", "note"),
    )
    version, effective_from, citation, verify = reader.metadata(data, "the R-Map")
    frequencies = _frequency_levels(
        reader, reader.array(data["frequency"], "frequency", "frequency")
    )
    harms = _harm_levels(reader, reader.array(data["harm"], "harm", "harm"))
    grid = _grid(reader, reader.table(data["grid"], "grid", "grid"), frequencies, harms)
    return RMap(
        frequency_levels=frequencies,
        harm_levels=harms,
        grid=grid,
        version=version,
        effective_from=effective_from,
        citation=citation,
        verify=verify,
        confirmed_by_qa_head=reader.boolean(data, "confirmed_by_qa_head", "the R-Map"),
        note=reader.text(data, "note", "the R-Map"),
    )


def _frequency_levels(reader: RuleReader, entries: list[Any]) -> tuple[FrequencyLevel, ...]:
    levels: list[FrequencyLevel] = []
    for index, raw in enumerate(entries):
        at = ("frequency", index)
        entry = reader.table(raw, "each frequency level", *at)
        reader.keys(entry, f"frequency level {index + 1}", at, ("level", "name"), ("above",))
        level = reader.integer(entry, "level", "a frequency level", *at)
        what = f"frequency level {level}"
        last = index == len(entries) - 1
        if last != ("above" not in entry):
            raise reader.doc.error(
                f"{what}: every level but the last needs 'above'; the last takes the rest", *at
            )
        above = None if last else reader.fraction(entry["above"], f"{what}: above", *at, "above")
        if levels:
            previous = levels[-1]
            assert previous.above is not None
            if level >= previous.level or (above is not None and above >= previous.above):
                raise reader.doc.error(
                    f"{what}: levels must be listed from the highest frequency down", *at, "level"
                )
        levels.append(FrequencyLevel(level, reader.required_text(entry, "name", what, *at), above))
    return tuple(levels)


def _harm_levels(reader: RuleReader, entries: list[Any]) -> tuple[HarmLevel, ...]:
    levels: list[HarmLevel] = []
    for index, raw in enumerate(entries):
        at = ("harm", index)
        entry = reader.table(raw, "each harm level", *at)
        fields = ("level", "numeral", "name", "people", "property")
        reader.keys(entry, f"harm level {index + 1}", at, fields)
        level = reader.integer(entry, "level", "a harm level", *at)
        if level != index:
            raise reader.doc.error(
                f"harm level {level}: levels must be listed as 0, 1, 2, ... in order", *at, "level"
            )
        texts = [reader.required_text(entry, key, f"harm level {level}", *at) for key in fields[1:]]
        levels.append(HarmLevel(level, *texts))
    return tuple(levels)


def _grid(
    reader: RuleReader,
    raw: dict[str, Any],
    frequencies: tuple[FrequencyLevel, ...],
    harms: tuple[HarmLevel, ...],
) -> dict[int, tuple[Region, ...]]:
    rows = {str(level.level): level.level for level in frequencies}
    reader.keys(raw, "the grid", ("grid",), tuple(rows))
    grid: dict[int, tuple[Region, ...]] = {}
    for key, level in rows.items():
        cells = raw[key]
        if not isinstance(cells, list) or len(cells) != len(harms):
            raise reader.doc.error(
                f"grid row {key}: needs {len(harms)} cells, one per harm level", "grid", key
            )
        row: list[Region] = []
        for harm, cell in zip(harms, cells, strict=True):
            if cell not in Region.__members__:
                raise reader.doc.error(
                    f"grid row {key}, harm {harm.numeral}: {cell!r} is not a region; use A, B or C",
                    "grid",
                    key,
                )
            row.append(Region(cell))
        grid[level] = tuple(row)
    for index, frequency in enumerate(frequencies):
        lower = frequencies[index + 1].level if index + 1 < len(frequencies) else None
        for column, harm in enumerate(harms):
            region = grid[frequency.level][column]
            left = grid[frequency.level][column - 1] if column else Region.C
            below = grid[lower][column] if lower is not None else Region.C
            if _REGION_RANK[region] < max(_REGION_RANK[left], _REGION_RANK[below]):
                raise reader.doc.error(
                    f"grid row {frequency.level}, harm {harm.numeral}: {region.value} is better "
                    "than a cell of lower frequency or harm; regions may only worsen upwards "
                    "and to the right",
                    "grid",
                    str(frequency.level),
                )
    return grid


def load_safety_gate(path: Path | None = None) -> SafetyGateTable:
    """Load and check the Safety Gate probability × severity table."""
    doc = load_toml(path or rules_dir() / SAFETY_GATE_FILE)
    reader = RuleReader(doc)
    data = doc.data
    reader.keys(data, "the Safety Gate table", (), (*_META, "band"), ("verify_note", "note"))
    version, effective_from, citation, verify = reader.metadata(data, "the Safety Gate table")
    bands: list[ProbabilityBand] = []
    for index, raw in enumerate(reader.array(data["band"], "band", "band")):
        at = ("band", index)
        entry = reader.table(raw, "each band", *at)
        reader.keys(entry, f"band {index + 1}", at, ("label", "above", "risk"))
        what = f"band {index + 1}"
        above = reader.fraction(entry["above"], f"{what}: above", *at, "above")
        risks = entry["risk"]
        if not isinstance(risks, list) or len(risks) != len(SEVERITIES):
            raise reader.doc.error(
                f"{what}: risk must list one level per severity 1 to 4", *at, "risk"
            )
        try:
            levels = tuple(RiskLevel(level) for level in risks)
        except ValueError:
            known = ", ".join(level.value for level in RiskLevel)
            raise reader.doc.error(
                f"{what}: unknown risk level in {risks!r} (known: {known})", *at, "risk"
            ) from None
        if any(a.rank > b.rank for a, b in pairwise(levels)):
            raise reader.doc.error(f"{what}: risk may not fall as severity rises", *at, "risk")
        if bands:
            if above >= bands[-1].above:
                raise reader.doc.error(
                    f"{what}: bands must go from the highest probability down", *at, "above"
                )
            if any(a.rank > b.rank for a, b in zip(levels, bands[-1].risks, strict=True)):
                raise reader.doc.error(
                    f"{what}: risk may not rise as probability falls", *at, "risk"
                )
        bands.append(
            ProbabilityBand(above, reader.required_text(entry, "label", what, *at), levels)
        )
    if bands[-1].above != 0:
        raise reader.doc.error(
            'the last band must have above = "0" to take every lower probability',
            "band",
            len(bands) - 1,
            "above",
        )
    return SafetyGateTable(
        bands=tuple(bands),
        version=version,
        effective_from=effective_from,
        citation=citation,
        verify=verify,
        note=reader.text(data, "note", "the Safety Gate table"),
    )

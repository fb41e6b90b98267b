"""Incident files without a database: the formula rule, cell types, and row-exact problems."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa_desktop.domain.incident import IncidentSource, IncidentStatus, Severity
from qa_desktop.services.interchange_cells import (
    FORMULA_STARTS,
    neutralise_formula,
    restore_formula,
    xlsx_escape,
    xlsx_unescape,
)
from qa_desktop.services.interchange_formats import IncidentReader, format_of
from qa_desktop.services.interchange_json import DOCUMENT_FORMAT, JsonStream
from qa_desktop.services.interchange_rows import EXPORT_FIELDS, draft_from_cells, flat_values
from qa_desktop.services.interchange_writer import IncidentWriter
from tests.conftest import make_draft

NOW = datetime.now(UTC)
KNOWN = (NOW - timedelta(days=2)).isoformat()
AWARE = (NOW - timedelta(days=1)).isoformat()

# ----------------------------------------------------------------------------- formula rule
TRICKY = [
    "=1+2", "+81 3 1234", "-5", "@SUM(A1:A9)", "\tindented", "\rcarriage", "'abc", "'=1",
    "''=1", "'''@x", "'", "''", "", "abc", "=", "'\t", " =not a formula", "日本語=", "=日本",
    "'-", "😀=", "=😀", "a'b",
]


@pytest.mark.parametrize("text", TRICKY)
def test_formula_rule_round_trips_and_never_leaves_a_formula(text: str) -> None:
    cell = neutralise_formula(text)
    assert restore_formula(cell) == text
    assert not cell or cell[0] not in FORMULA_STARTS


def test_formula_rule_adds_one_apostrophe_only_where_a_spreadsheet_would_calculate() -> None:
    assert neutralise_formula("=1+2") == "'=1+2"
    assert neutralise_formula("'=1") == "''=1"
    assert neutralise_formula("'abc") == "'abc"
    assert neutralise_formula("plain") == "plain"
    # A cell someone typed with a leading apostrophe before a formula keeps the formula text.
    assert restore_formula("'=A1") == "=A1"
    assert restore_formula("'hello") == "'hello"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab日😀 "), max_size=8) | st.text())
def test_formula_rule_is_exact_for_every_text(text: str) -> None:
    cell = neutralise_formula(text)
    assert restore_formula(cell) == text
    assert not cell or cell[0] not in FORMULA_STARTS


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["_x000D_", "_x005F_", "_x", "_", "\r", "\n", "a", "D_"])).map("".join)
    | st.text(st.characters(exclude_categories=("Cs",)))
)
def test_xlsx_escapes_round_trip_and_leave_no_carriage_return(text: str) -> None:
    cell = xlsx_escape(text)
    assert xlsx_unescape(cell) == text
    assert "\r" not in cell


# ----------------------------------------------------------------------------- helpers
def _problems(path: Path, fmt: str) -> set[tuple[int, str]]:
    """Every (row, field) an import of *path* would report, read as the importer reads."""
    reader = IncidentReader(path, format_of(path, fmt))
    found: set[tuple[int, str]] = set()
    for source in reader.rows():
        if source.values is None:
            found.update((p.row, p.field) for p in source.problems)
            continue
        _, errors = draft_from_cells(source.values, reader.format, NOW, source.absent)
        found.update((source.row, e.field) for e in errors)
    return found


def _good(**changes: str) -> dict[str, str]:
    row = {
        "reference": "", "title": "Cord overheats / コード過熱", "product_name": "Heater OH-12",
        "source": "customer", "country": "JP", "first_known_at": KNOWN, "qa_aware_at": AWARE,
    }
    row.update(changes)
    return row


def _write_csv(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> Path:
    names = header or list(rows[0])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(names)
        for row in rows:
            writer.writerow([row.get(name, "") for name in names])
    return path


BAD_CELLS = [
    ("units_in_field", "12a"),
    ("units_in_field", "1,000"),
    ("deaths", "-1"),
    ("fire", "maybe"),
    ("first_known_at", "yesterday"),
    ("qa_aware_at", "2024-01-01T10:00:00"),  # no UTC offset
    ("source", "email"),
    ("status", "done"),
    ("severity", "urgent"),
    ("country", "XX"),
    ("markets", "JP,ZZ"),
    ("title", "x" * 201),
    ("title", "two\nlines"),
    ("reference", "inc-1"),
    ("first_known_at", ""),
]


def test_every_kind_of_bad_csv_cell_is_reported_with_its_row_and_field(tmp_path: Path) -> None:
    rows = [_good(description="several\nlines\n\nof text")]  # one record over four lines
    rows += [_good(**{name: value}) for name, value in BAD_CELLS]
    rows.append(_good(fire="false", fire_service_confirmed="true"))
    rows.append(_good(qa_aware_at=(NOW - timedelta(days=3)).isoformat()))
    header = list(dict.fromkeys(name for row in rows for name in row))
    path = _write_csv(tmp_path / "bad.csv", rows, header)
    expected = {(row, name) for row, (name, _) in enumerate(BAD_CELLS, start=3)}
    n = len(BAD_CELLS) + 3
    expected |= {(n, "fire_service_confirmed"), (n + 1, "qa_aware_at")}
    assert _problems(path, "csv") == expected


def test_csv_header_problems_are_on_row_1_and_named_once(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text(
        "titel,title,product_name,source,country,product_name\n"
        "A,Heater,Heater OH,customer,JP,Heater OH\n"
        ",,,,,\n"
        "B,Heater,Heater OH,customer,JP,Heater OH,extra\n",
        encoding="utf-8",
    )
    assert _problems(path, "csv") == {
        (1, "titel"), (1, "product_name"), (1, "first_known_at"), (4, ""),
    }


def test_csv_reads_with_or_without_byte_order_mark_and_names_a_non_utf8_file(
    tmp_path: Path,
) -> None:
    rows = [_good(title="日本語のタイトル")]
    plain = _write_csv(tmp_path / "plain.csv", rows)
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    for path in (plain, with_bom):
        [source] = IncidentReader(path, "csv").rows()
        assert source.values is not None
        assert source.values["title"] == "日本語のタイトル"
    shift_jis = tmp_path / "sjis.csv"
    shift_jis.write_bytes(plain.read_text(encoding="utf-8").encode("cp932"))
    [source] = IncidentReader(shift_jis, "csv").rows()
    assert source.values is None
    assert "UTF-8" in source.problems[0].message


def test_xlsx_rows_report_formulas_dates_and_bad_values_by_spreadsheet_row(
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    names = [*_good(), "units_in_field", "fire", "model"]
    sheet.append(names)
    sheet.append([*_good().values(), 12000, True, 1200])  # numbers and booleans typed in Excel
    sheet.append([*_good().values(), "many", False, "M-1"])
    sheet.append([])  # a blank row still counts as a row
    sheet.append([*_good(title="=HYPERLINK(\"x\")").values(), 0, False, "M-2"])
    sheet.cell(row=5, column=2).data_type = "f"
    sheet.append([*_good().values(), 1, False, "M-3"])
    sheet.cell(row=6, column=6).value = datetime(2024, 5, 1, 9, 30)  # a date without a zone
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert _problems(path, "xlsx") == {(3, "units_in_field"), (5, "title"), (6, "first_known_at")}
    first = next(IncidentReader(path, "xlsx").rows())
    assert first.values is not None
    draft, errors = draft_from_cells(first.values, "xlsx", NOW)
    assert errors == []
    assert draft is not None
    assert (draft.units_in_field, draft.harm.fire, draft.model) == (12000, True, "1200")


def test_json_items_report_their_position_in_the_list(tmp_path: Path) -> None:
    items: list[Any] = [
        _good(),
        _good(units_in_field="12"),  # type: ignore[arg-type]
        "not an object",
        {**_good(), "colour": "red"},
        {**_good(), "title": 42},
        {**_good(), "markets": "JP,US", "fire": True},
        {key: value for key, value in _good().items() if key != "source"},
    ]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    assert _problems(path, "json") == {
        (2, "units_in_field"), (3, ""), (4, "colour"), (5, "title"), (7, "source"),
    }


def test_json_document_problems_and_broken_text_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(
        json.dumps({"format": "someone-else", "version": 9, "incidents": [_good()]}),
        encoding="utf-8",
    )
    assert _problems(path, "json") == {(0, "format"), (0, "version")}
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"incidents": [_good(), _good()]})[:-30], encoding="utf-8")
    [(row, field)] = _problems(broken, "json")
    assert (row, field) == (0, "")
    messages = [p.message for s in IncidentReader(broken, "json").rows() for p in s.problems]
    assert "after incident 1" in messages[-1]


def test_json_stream_reads_values_split_across_the_read_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [{**_good(title=f"Incident {i} 🔥 <b>&amp;</b>"), "units_in_field": 10**i}
             for i in range(8)]
    document = {"format": DOCUMENT_FORMAT, "version": 1, "exported_at": KNOWN,
                "incidents": items, "comment": 12345678}
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    monkeypatch.setattr(JsonStream, "piece", 7)
    rows = list(IncidentReader(path, "json").rows())
    assert [r.row for r in rows] == list(range(1, 9))
    assert [r.values["units_in_field"] for r in rows if r.values] == [10**i for i in range(8)]
    assert rows[3].values is not None
    assert rows[3].values["title"] == "Incident 3 🔥 <b>&amp;</b>"


# ----------------------------------------------------------------------------- writing
def _export_values(**changes: Any) -> dict[str, Any]:
    values = flat_values(make_draft(**changes))
    values.update(version=3, created_at=NOW, created_by="eri", updated_at=NOW, updated_by="eri")
    return values


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_written_rows_read_back_to_the_same_draft(tmp_path: Path, fmt: str) -> None:
    zone = timezone(timedelta(hours=9))
    values = _export_values(
        reference="INC-2024-0042",
        title="=cmd|' /C calc'!A0 'quoted' \"double\" <b>&amp;</b> 🔥",
        description="\r\nline one\r\n\tline two\rline three _x000D_ '=x",
        model="-12",
        markets=("JP", "EU"),
        occurred_at=datetime(2024, 4, 30, 23, 59, 59, 999999, tzinfo=zone),
        first_known_at=datetime(2024, 5, 1, 9, 30, tzinfo=zone),
        qa_aware_at=None,
        fire=True,
        status=IncidentStatus.REPORTING,
        severity=Severity.HIGH,
        source=IncidentSource.MEDIA,
    )
    path = tmp_path / f"out.{fmt}"
    writer = IncidentWriter(path, fmt, NOW)  # type: ignore[arg-type]
    writer.write(values)
    writer.close()
    [source] = IncidentReader(path, fmt).rows()  # type: ignore[arg-type]
    assert source.values is not None
    draft, errors = draft_from_cells(source.values, fmt, NOW)  # type: ignore[arg-type]
    assert errors == []
    assert draft is not None
    assert flat_values(draft) == {name: values[name] for name in flat_values(draft)}


def test_csv_export_opens_in_excel_as_utf8_and_xlsx_text_is_never_a_formula(
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    for fmt in ("csv", "xlsx"):
        writer = IncidentWriter(tmp_path / f"out.{fmt}", fmt, NOW)  # type: ignore[arg-type]
        writer.write(_export_values(title="=1+1", qa_owner="@admin"))
        writer.close()
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\r\n")[0].decode("utf-8-sig").split(",") == list(EXPORT_FIELDS)
    sheet = load_workbook(tmp_path / "out.xlsx").active
    title = sheet.cell(row=2, column=EXPORT_FIELDS.index("title") + 1)
    owner = sheet.cell(row=2, column=EXPORT_FIELDS.index("qa_owner") + 1)
    assert (title.data_type, title.value) == ("s", "'=1+1")
    assert (owner.data_type, owner.value) == ("s", "'@admin")


def test_format_is_taken_from_the_suffix_unless_given() -> None:
    assert format_of(Path("a.CSV"), None) == "csv"
    assert format_of(Path("a.txt"), "json") == "json"
    with pytest.raises(ValueError, match=r"\.csv, \.xlsx or \.json"):
        format_of(Path("a.txt"), None)


# ----------------------------------------------------------------------------- JSON Schema
def _schema() -> dict[str, Any]:
    from qa_desktop.resources import resources_dir

    path = resources_dir() / "schemas" / "incident.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_json_schema_describes_exactly_what_an_import_reads() -> None:
    from qa_desktop.domain.countries import COUNTRIES, MARKET_REGIONS
    from qa_desktop.domain.incident import TEXT_LIMITS
    from qa_desktop.services.interchange_rows import KNOWN_FIELDS, REQUIRED_FIELDS

    incident = _schema()["$defs"]["incident"]
    properties = incident["properties"]
    assert set(properties) == KNOWN_FIELDS
    assert incident["required"] == list(REQUIRED_FIELDS)
    assert {name: properties[name]["maxLength"] for name in TEXT_LIMITS} == TEXT_LIMITS
    for name, choices in (("source", IncidentSource), ("status", IncidentStatus),
                          ("severity", Severity)):
        assert properties[name]["enum"] == [c.value for c in choices]
    assert set(properties["country"]["enum"]) == set(COUNTRIES)
    assert set(properties["markets"]["items"]["enum"]) == set(COUNTRIES) | set(MARKET_REGIONS)


def test_an_export_is_valid_under_the_json_schema_and_a_broken_one_is_not(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(_schema())
    path = tmp_path / "out.json"
    writer = IncidentWriter(path, "json", NOW)
    writer.write(_export_values(title="=1 🔥", description="a\r\nb", qa_aware_at=None))
    writer.write(_export_values(reference="INC-2024-0001", markets=()))
    writer.close()
    document = json.loads(path.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(document)) == []
    assert list(validator.iter_errors(document["incidents"])) == []
    broken = document["incidents"][0] | {"title": "two\nlines", "colour": "red"}
    assert len(list(validator.iter_errors([broken]))) >= 1
    assert not validator.is_valid({**document, "incidents": [broken]})

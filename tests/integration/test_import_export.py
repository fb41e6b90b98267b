"""Import and export on real databases: round trips, all-or-nothing, references, cancel."""

from __future__ import annotations

import csv
import hashlib
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from qa_desktop.domain.errors import (
    Cancelled,
    ImportRejected,
    PermissionDenied,
    StorageError,
)
from qa_desktop.domain.incident import (
    INCIDENT_FIELDS,
    IncidentDraft,
    IncidentSource,
    IncidentStatus,
    Severity,
    validate_incident,
)
from qa_desktop.domain.register import IncidentQuery
from qa_desktop.persistence.incident_columns import search_text_for
from qa_desktop.persistence.references import format_reference
from qa_desktop.services.demo import DemoIncidents
from qa_desktop.services.interchange import IMPORT_CHUNK
from qa_desktop.services.interchange_rows import READ_ONLY_FIELDS, flat_values
from qa_desktop.services.interchange_writer import IncidentWriter
from tests.conftest import PASSWORD, PgSchema, make_draft, pg_base_url

JST = timezone(timedelta(hours=9))
NEWFOUNDLAND = timezone(timedelta(hours=-3, minutes=-30))


# ----------------------------------------------------------------------------- helpers
@contextmanager
def empty_database(backend: str, folder: Path) -> Iterator[tuple[Any, Any]]:
    """A second, empty database on *backend* and its administrator, signed in."""
    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database
    from qa_desktop.services import QaServices

    schema = None
    if backend == "sqlite":
        url = str(folder / f"empty-{uuid.uuid4().hex[:8]}.sqlite3")
    else:
        base = pg_base_url()
        assert base is not None
        schema = PgSchema(base)
        url = schema.url
    database, _ = open_database(resolve_url(url))
    try:
        services = QaServices(database)
        admin = services.accounts.create_first_administrator("admin", "Ada Admin", PASSWORD)
        yield services, admin
    finally:
        database.dispose()
        if schema is not None:
            schema.drop()


def tricky_drafts() -> list[IncidentDraft]:
    """Incidents whose text and times a careless exporter would damage."""
    now = datetime.now(UTC).replace(microsecond=123456)
    return [
        make_draft(
            title='=HYPERLINK("http://x") 発火のおそれ 🔥 <b>&amp;</b> "quoted"',
            description="行1\r\nline 2\n\tindented _x000D_ literal\r'=apostrophe first",
            model="-12",
            qa_owner="@owner",
            markets=(),
            occurred_at=None,
            first_known_at=(now - timedelta(days=5)).astimezone(JST),
            qa_aware_at=(now - timedelta(days=4)).astimezone(NEWFOUNDLAND),
        ),
        make_draft(
            title="'=1 stays as typed",
            description="+ plus\n- minus\n@ at",
            serial_ranges="\tA-1 – A-9\nB-1 – B-9",
            product_name="ガスファンヒーター GF-32 😀",
            markets=("JP", "US", "EU", "DE"),
            source=IncidentSource.REGULATOR,
            status=IncidentStatus.REPORTING,
            severity=Severity.SERIOUS,
            injuries=2,
            max_treatment_days=31,
            co_poisoning=True,
            fire=True,
            fire_service_confirmed=True,
            units_in_field=999_999_999,
            qa_aware_at=None,
        ),
        make_draft(title="'abc", business_unit="Home Appliances 家電事業部", country="DE"),
    ]


def write_demo_file(path: Path, count: int, fmt: str, without_reference_every: int = 0) -> None:
    """*count* realistic incidents as an import file (every n-th without a reference)."""
    generator = DemoIncidents(seed=11, now=datetime.now(UTC))
    year = datetime.now(UTC).year - 1
    references = [format_reference(year, 5000 + n) for n in range(count)]
    writer = IncidentWriter(path, fmt, datetime.now(UTC))  # type: ignore[arg-type]
    for index, draft in enumerate(generator.for_year(year, references)):
        values = flat_values(draft)
        if without_reference_every and index % without_reference_every == 0:
            values["reference"] = ""
        values.update(dict.fromkeys(READ_ONLY_FIELDS, None))
        writer.write(values)
    writer.close()


def incident_fields(path: Path) -> list[dict[str, Any]]:
    """The user-entered fields of every incident in an export, read back as text/JSON."""
    if path.suffix == ".json":
        document = json.loads(path.read_text(encoding="utf-8"))
        return [
            {k: v for k, v in item.items() if k in INCIDENT_FIELDS}
            for item in document["incidents"]
        ]
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [
                {k: v for k, v in row.items() if k in INCIDENT_FIELDS}
                for row in csv.DictReader(handle)
            ]
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()  # read-only workbooks keep the file open until closed
    return [
        {k: v for k, v in zip(rows[0], row, strict=True) if k in INCIDENT_FIELDS}
        for row in rows[1:]
    ]


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    """A hand-made CSV import file."""
    names = list(dict.fromkeys(name for row in rows for name in row))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, names)
        writer.writeheader()
        writer.writerows(rows)
    return path


def csv_row(**changes: str) -> dict[str, str]:
    """A valid import row; *changes* override its cells."""
    now = datetime.now(UTC)
    row = {
        "reference": "",
        "title": "Cord overheats",
        "product_name": "Heater OH-12",
        "source": "customer",
        "country": "JP",
        "first_known_at": (now - timedelta(days=2)).isoformat(),
        "qa_aware_at": (now - timedelta(days=1)).isoformat(),
    }
    row.update(changes)
    return row


def row_count(services: Any, table: str) -> int:
    with services.database.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


# ----------------------------------------------------------------------------- round trips
@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_export_import_export_round_trip_is_exact(services, people, tmp_path, fmt):
    engineer = people["engineer"]
    made = [services.incidents.create(engineer, draft) for draft in tricky_drafts()]
    first = tmp_path / f"first.{fmt}"
    assert services.interchange.export_file(engineer, first, fmt) == len(made)
    with empty_database(services.database.backend, tmp_path) as (other, admin):
        result = other.interchange.import_file(admin, first)
        assert result.references == tuple(r.reference for r in made)
        for record in made:
            assert other.incidents.get(admin, record.reference).draft == record.draft
        second = tmp_path / f"second.{fmt}"
        other.interchange.export_file(admin, second, fmt)
    assert incident_fields(second) == incident_fields(first)


def test_a_json_export_is_a_versioned_document_in_utc(services, people, tmp_path):
    engineer = people["engineer"]
    services.incidents.create(engineer, tricky_drafts()[0])
    path = tmp_path / "out.json"
    services.interchange.export_file(engineer, path, "json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("qa-desktop/incidents", 1)
    [item] = document["incidents"]
    assert item["first_known_at"].endswith("+00:00")
    assert item["markets"] == []
    assert item["version"] == 1
    assert item["created_by"] == "engineer"
    assert item["title"].startswith("=HYPERLINK")  # JSON carries text exactly, no apostrophe


# ----------------------------------------------------------------------------- all or nothing
def test_a_file_with_bad_rows_writes_nothing_and_names_every_bad_row(services, people, tmp_path):
    engineer = people["engineer"]
    path = write_csv(
        tmp_path / "mixed.csv",
        [
            csv_row(reference="INC-2024-0001"),
            csv_row(country="Japan"),
            csv_row(reference="INC-2024-0001"),
            csv_row(first_known_at="2024-02-30T10:00:00+09:00", units_in_field="a lot"),
            csv_row(),
        ],
    )
    with pytest.raises(ImportRejected) as caught:
        services.interchange.import_file(engineer, path)
    found = {(p.row, p.field) for p in caught.value.problems}
    assert found == {(3, "country"), (4, "reference"), (5, "first_known_at"), (5, "units_in_field")}
    assert "row 4, reference: INC-2024-0001 is also the reference of row 2" in (
        caught.value.report()
    )
    assert services.incidents.count(engineer, IncidentQuery()) == 0
    assert row_count(services, "import_batches") == 0


def test_a_reference_already_in_the_database_is_reported(services, people, tmp_path):
    engineer = people["engineer"]
    existing = services.incidents.create(engineer, make_draft()).reference
    path = write_csv(tmp_path / "again.csv", [csv_row(), csv_row(reference=existing)])
    with pytest.raises(ImportRejected) as caught:
        services.interchange.import_file(engineer, path)
    [problem] = caught.value.problems
    assert (problem.row, problem.field) == (3, "reference")
    assert "already used" in problem.message
    assert services.incidents.count(engineer, IncidentQuery()) == 1


def test_missing_references_are_generated_after_the_ones_the_file_gives(services, people, tmp_path):
    engineer = people["engineer"]
    year = datetime.now(UTC).year
    given = format_reference(year, 5)
    path = write_csv(tmp_path / "refs.csv", [csv_row(), csv_row(reference=given), csv_row()])
    result = services.interchange.import_file(engineer, path)
    assert result.references == (
        format_reference(year, 6),
        given,
        format_reference(year, 7),
    )
    assert services.incidents.create(engineer, make_draft()).reference == format_reference(year, 8)
    found = services.incidents.page(engineer, IncidentQuery(text=format_reference(year, 7)))
    assert [r.reference for r in found.rows] == [format_reference(year, 7)]
    # The search text of a generated reference is what logging it by hand would have stored.
    for reference in result.references:
        with services.database.engine.connect() as connection:
            stored = connection.execute(
                text("SELECT search_text FROM incidents WHERE reference = :r"), {"r": reference}
            ).scalar_one()
        assert stored == search_text_for(services.incidents.get(engineer, reference).draft)


def test_an_imported_incident_shows_its_file_in_the_history(services, people, tmp_path):
    engineer = people["engineer"]
    path = write_csv(tmp_path / "入力 file.csv", [csv_row(title="履歴のテスト")])
    result = services.interchange.import_file(engineer, path)
    assert (result.file_name, result.created) == ("入力 file.csv", 1)
    [first, *_] = services.incidents.history(engineer, result.references[0])
    assert first.action == "import"
    assert first.actor == "engineer"
    assert "入力 file.csv" in (first.new_value or "")
    assert hashlib.sha256(path.read_bytes()).hexdigest() in (first.new_value or "")


def test_only_people_allowed_may_import_but_managers_may_export(services, people, tmp_path):
    path = write_csv(tmp_path / "one.csv", [csv_row()])
    with pytest.raises(PermissionDenied):
        services.interchange.import_file(people["manager"], path)
    services.interchange.import_file(people["admin"], path)
    assert services.interchange.export_file(people["manager"], tmp_path / "out.csv", "csv") == 1


def test_a_large_import_is_searchable_and_keeps_the_search_index_whole(services, people, tmp_path):
    engineer = people["engineer"]
    path = tmp_path / "large.json"
    write_demo_file(path, 1_200, "json", without_reference_every=50)
    result = services.interchange.import_file(engineer, path)
    assert result.created == 1_200
    drafts = json.loads(path.read_text(encoding="utf-8"))["incidents"]
    expected = sum("発火" in (d["title"] + d["description"] + d["product_name"]) for d in drafts)
    assert services.incidents.count(engineer, IncidentQuery(text="発火")) == expected > 0
    generated = result.references[0]
    found = services.incidents.page(engineer, IncidentQuery(text=generated))
    assert [r.reference for r in found.rows] == [generated]
    record = services.incidents.get(engineer, result.references[1])
    services.incidents.update(
        engineer, record.reference, record.version, {"title": "ストーブ retitled"}, reason="typo"
    )
    assert services.incidents.count(engineer, IncidentQuery(text="ストーブ")) == 1
    if services.database.backend == "sqlite":
        with services.database.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')"
            )
            triggers = set(
                connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                ).scalars()
            )
        assert {"incidents_fts_insert", "incidents_fts_update"} <= triggers


# ----------------------------------------------------------------------------- cancel
def test_cancelling_an_import_after_rows_were_written_leaves_nothing(services, people, tmp_path):
    engineer = people["engineer"]
    path = tmp_path / "big.csv"
    write_demo_file(path, IMPORT_CHUNK + 500, "csv")
    calls: list[tuple[int, int]] = []
    polls = iter([False, True])  # the first chunk goes in, then the user cancels
    with pytest.raises(Cancelled):
        services.interchange.import_file(
            engineer, path, progress=lambda d, t: calls.append((d, t)), cancel=lambda: next(polls)
        )
    assert len(calls) == 1
    assert 0 < calls[0][0] < calls[0][1] == path.stat().st_size
    assert services.incidents.count(engineer, IncidentQuery()) == 0
    assert row_count(services, "import_batches") == 0
    # The suspended search trigger came back with the rollback: new incidents are found.
    services.incidents.create(engineer, make_draft(title="ストーブ after cancel"))
    assert services.incidents.count(engineer, IncidentQuery(text="ストーブ")) == 1


def test_cancelling_or_failing_an_export_leaves_no_file(services, people, tmp_path):
    engineer = people["engineer"]
    services.incidents.create(engineer, make_draft())
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        services.interchange.export_file(engineer, folder / "x.csv", "csv", cancel=lambda: True)
    assert list(folder.iterdir()) == []
    with pytest.raises(StorageError, match="does not exist"):
        services.interchange.export_file(engineer, tmp_path / "nowhere" / "x.csv", "csv")
    done: list[tuple[int, int]] = []
    services.interchange.export_file(
        engineer, folder / "x.xlsx", "xlsx", progress=lambda d, t: done.append((d, t))
    )
    assert done[-1] == (1, 1)
    assert [p.name for p in folder.iterdir()] == ["x.xlsx"]


# ----------------------------------------------------------------------------- property
_SINGLE_LINE = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"))
_TRICKY = st.sampled_from(
    ["=1+2", "'=1", "''", "'", "@x", "-", "+", "<b>&amp;</b>", '"', "発火", "😀", "_x000D_"]
)


def _line(max_size: int) -> st.SearchStrategy[str]:
    return (
        st.lists(st.text(_SINGLE_LINE, max_size=12) | _TRICKY, max_size=4)
        .map("".join)
        .map(lambda s: s[:max_size])
    )


_MULTI = st.lists(
    st.text(_SINGLE_LINE, max_size=12) | _TRICKY | st.sampled_from(["\n", "\r\n", "\r", "\t"]),
    max_size=6,
).map("".join)
_ZONES = st.sampled_from([UTC, JST, NEWFOUNDLAND, timezone(timedelta(hours=5, minutes=45))])


@st.composite
def drafts(draw: st.DrawFn) -> IncidentDraft:
    """Valid incidents with text and times that are hard to carry through a file."""
    first_known = draw(
        st.datetimes(
            min_value=datetime(1990, 1, 1), max_value=datetime(2024, 12, 31), timezones=_ZONES
        )
    )
    before = draw(st.none() | st.timedeltas(timedelta(0), timedelta(days=400)))
    after = draw(st.none() | st.timedeltas(timedelta(0), timedelta(days=30)))
    injuries = draw(st.integers(0, 5))
    fire = draw(st.booleans())
    draft = IncidentDraft(
        title=draw(_line(200)),
        description=draw(_MULTI),
        product_name=draw(_line(200)),
        model=draw(_line(100)),
        serial_ranges=draw(_MULTI),
        units_in_field=draw(st.integers(0, 10**9)),
        source=draw(st.sampled_from(IncidentSource)),
        country=draw(st.sampled_from(["JP", "US", "DE", "BR"])),
        markets=tuple(draw(st.lists(st.sampled_from(["JP", "US", "EU", "CN"]), unique=True))),
        occurred_at=None if before is None else first_known - before,
        first_known_at=first_known,
        qa_aware_at=None if after is None else first_known + after,
        status=draw(st.sampled_from(IncidentStatus)),
        severity=draw(st.sampled_from(Severity)),
        business_unit=draw(_line(100)),
        qa_owner=draw(_line(64)),
    ).with_changes(
        injuries=injuries,
        max_treatment_days=draw(st.integers(0, 400)) if injuries else 0,
        fire=fire,
        fire_service_confirmed=fire and draw(st.booleans()),
        deaths=draw(st.integers(0, 3)),
    )
    assume(not validate_incident(draft))
    return draft


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch=st.lists(drafts(), min_size=1, max_size=3))
def test_property_json_export_import_export_is_identical(services, people, tmp_path, batch):
    engineer = people["engineer"]
    for draft in batch:
        services.incidents.create(engineer, draft)
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    first, second = folder / "first.json", folder / "second.json"
    services.interchange.export_file(engineer, first, "json")
    with empty_database(services.database.backend, folder) as (other, admin):
        other.interchange.import_file(admin, first)
        other.interchange.export_file(admin, second, "json")
    assert incident_fields(second) == incident_fields(first)


def test_a_bulk_insert_committed_without_finishing_is_rolled_back(services, people):
    from qa_desktop.persistence.bulk_import import LARGE_BATCH, IncidentBulkInsert

    def unfinished(session: Any) -> None:
        sink = IncidentBulkInsert(
            session,
            created_by="engineer",
            created_at=datetime.now(UTC),
            import_batch_id=None,
            reference_year=datetime.now(UTC).year,
        )
        sink.add([make_draft()] * LARGE_BATCH)  # no references: placeholders until finish()

    with pytest.raises(RuntimeError, match="finish"):
        services.database.write(unfinished)
    engineer = people["engineer"]
    assert services.incidents.count(engineer, IncidentQuery()) == 0
    services.incidents.create(engineer, make_draft(title="ストーブ kept searchable"))
    assert services.incidents.count(engineer, IncidentQuery(text="ストーブ")) == 1

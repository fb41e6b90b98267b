"""Regulator clocks on a real database: the deadlines view, filings, time zones, recomputing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from qa_desktop.domain.clocks import ClockStatus
from qa_desktop.domain.errors import ConflictError, ValidationFailed
from qa_desktop.services.reporting_clocks import DeadlineQuery, FilingInput
from qa_desktop.services.response import ResponseServices
from tests.conftest import make_draft

FIRE = {"fire": True, "fire_service_confirmed": True}
TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def response(services):  # type: ignore[no-untyped-def]
    return ResponseServices(services.database, services.now)


def _classified(services, people, response, **changes) -> str:  # type: ignore[no-untyped-def]
    engineer = people["engineer"]
    reference = services.incidents.create(engineer, make_draft(**changes)).reference
    proposal = response.classification.propose(engineer, reference)
    response.classification.confirm(engineer, reference, proposal.incident_version)
    return reference


def _known(days_ago: float) -> dict[str, object]:
    known = datetime.now(UTC) - timedelta(days=days_ago)
    return {"first_known_at": known, "qa_aware_at": known, "occurred_at": None}


def _japan(services, people, response, days_ago: float, **changes) -> str:  # type: ignore[no-untyped-def]
    return _classified(
        services,
        people,
        response,
        markets=("JP",),
        country="JP",
        **FIRE,
        **_known(days_ago),
        **changes,
    )


def _filing(**changes: object) -> FilingInput:
    values: dict[str, object] = {
        "filed_at": datetime.now(UTC) - timedelta(minutes=5),
        "regulator_reference": "消安-2026-0042",
        "document_name": "様式第一.pdf",
        "document": b"%PDF-1.7 form one",
    }
    values.update(changes)
    return FilingInput(**values)  # type: ignore[arg-type]


def test_every_running_clock_is_listed_by_time_left_with_overdue_ones_flagged(
    services, people, response
):
    late = _japan(services, people, response, 20)
    soon = _japan(services, people, response, 8)
    later = _japan(services, people, response, 1)

    page = response.clocks.deadlines(people["manager"])

    assert [row.reference for row in page.rows] == [late, soon, later]
    assert [row.status for row in page.rows] == [
        ClockStatus.OVERDUE,
        ClockStatus.RUNNING,
        ClockStatus.RUNNING,
    ]
    assert page.rows[0].overdue
    assert page.rows[0].time_left is not None
    assert page.rows[0].time_left < timedelta(0)
    assert page.rows[1].time_left is not None
    assert page.rows[1].time_left > timedelta(0)
    assert page.next is None
    summary = response.clocks.summary(people["manager"])
    assert (summary.running, summary.overdue, summary.cannot_start) == (3, 1, 0)


def test_pages_continue_by_key_without_gaps_or_repeats(services, people, response):
    made = [_japan(services, people, response, days) for days in (3, 12, 6, 1, 9)]
    seen, cursor = [], None
    for _ in range(10):
        page = response.clocks.deadlines(people["engineer"], after=cursor, limit=2)
        seen.extend(row.reference for row in page.rows)
        cursor = page.next
        if cursor is None:
            break
    by_age = [made[i] for i in (1, 4, 2, 0, 3)]
    assert seen == by_age


def test_the_view_filters_by_jurisdiction_business_unit_and_time_left(services, people, response):
    tokyo = _japan(services, people, response, 20, business_unit="家電事業部")
    ohio = _classified(
        services,
        people,
        response,
        markets=("US",),
        country="US",
        business_unit="Tools",
        **FIRE,
        **_known(6),
    )
    _japan(services, people, response, 1, business_unit="Tools")
    manager = people["manager"]

    us = response.clocks.deadlines(manager, DeadlineQuery(jurisdictions=("us",))).rows
    assert {row.reference for row in us} == {ohio}
    unit = response.clocks.deadlines(manager, DeadlineQuery(business_units=("家電事業部",))).rows
    assert [row.reference for row in unit] == [tokyo]
    soon = response.clocks.deadlines(manager, DeadlineQuery(due_within=timedelta(hours=48))).rows
    # Overdue clocks are due "within 48 hours" too; the one due in 9 days is not.
    assert {row.reference for row in soon} == {tokyo, ohio}
    with pytest.raises(ValidationFailed, match="unknown jurisdiction XX"):
        response.clocks.deadlines(manager, DeadlineQuery(jurisdictions=("XX",)))


def test_a_clock_that_cannot_start_is_shown_first_and_never_skipped(services, people, response):
    reference = _japan(services, people, response, 20)
    # A clock carried over from records without a first-known time (not possible to enter
    # today, but such data exists): it must still be listed, first, with its problem.
    with services.database.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO reporting_clocks (incident_id, rule_id, rule_version, jurisdiction, "
                "title, regulator, citation, time_zone, rule_snapshot, kind, state, moved_by, "
                "move_reason, verify, started_at, started_by, stopped_by, stop_kind, stop_reason) "
                "SELECT incident_id, 'AU-ACL-131', 1, 'AU', 'Mandatory injury report', 'ACCC', "
                "'ACL s131', 'Australia/Sydney', rule_snapshot, 'cannot_start', 'running', '', '', "
                "false, started_at, 'legacy', '', '', '' FROM reporting_clocks"
            )
        )
    page = response.clocks.deadlines(people["engineer"])
    first = page.rows[0]
    assert (first.reference, first.status, first.due_at) == (
        reference,
        ClockStatus.CANNOT_START,
        None,
    )
    assert first.problem == "cannot start: first known time missing"
    assert response.clocks.summary(people["engineer"]).cannot_start == 1
    views = response.clocks.incident_clocks(people["engineer"], reference).clocks
    assert views[0].problem == "cannot start: first known time missing"


def test_due_times_are_stored_in_utc_and_shown_in_the_regulators_and_readers_zone(
    services, people, response
):
    known = datetime(2026, 9, 3, 15, 0, tzinfo=TOKYO)  # a Thursday
    reference = _classified(
        services,
        people,
        response,
        markets=("JP",),
        country="JP",
        first_known_at=known,
        qa_aware_at=known + timedelta(days=1),
        occurred_at=None,
        **FIRE,
    )
    (clock,) = response.clocks.incident_clocks(people["engineer"], reference).clocks

    assert clock.due_at is not None
    assert clock.due_at.tzinfo == UTC
    regulator = clock.due_at_regulator
    assert regulator is not None
    # Day 10 is Saturday 12 September; the agency-holiday rule moves it to Monday 14.
    assert (regulator.date(), regulator.hour, regulator.minute) == (date(2026, 9, 14), 23, 59)
    assert clock.calendar_due_at == datetime(2026, 9, 12, 23, 59, 59, 999_000, tzinfo=TOKYO)
    assert clock.move_reason.startswith("Saturday 2026-09-12 is an agency holiday")
    berlin = clock.due_in("Europe/Berlin")
    assert berlin is not None
    assert (berlin.date(), berlin.hour) == (date(2026, 9, 14), 16)


def test_the_delay_before_qa_knew_is_shown_as_time_and_as_share_of_the_window(
    services, people, response
):
    known = datetime.now(UTC) - timedelta(days=3)
    reference = _classified(
        services,
        people,
        response,
        markets=("JP",),
        first_known_at=known,
        qa_aware_at=known + timedelta(hours=36),
        occurred_at=None,
        **FIRE,
    )
    clocks = response.clocks.incident_clocks(people["engineer"], reference)
    assert clocks.awareness_gap == timedelta(hours=36)
    (clock,) = clocks.clocks
    assert clock.due_at is not None
    window = (clock.due_at - known).total_seconds()
    assert clock.share_of_window_before_qa == pytest.approx(36 * 3600 / window)


def test_recording_the_filing_stops_the_clock_with_who_when_reference_and_document(
    services, people, response
):
    engineer = people["engineer"]
    reference = _japan(services, people, response, 20)
    (clock,) = response.clocks.incident_clocks(engineer, reference).clocks
    filing = _filing(filed_by="佐藤 (call centre)")

    stopped = response.clocks.record_filing(engineer, clock.id, filing)

    assert (stopped.state, stopped.stop_kind, stopped.stopped_at) == (
        "stopped",
        "filed",
        filing.filed_at,
    )
    assert stopped.filing is not None
    assert (stopped.filing.filed_by, stopped.filing.regulator_reference) == (
        "佐藤 (call centre)",
        "消安-2026-0042",
    )
    assert stopped.filed_late is not None
    assert stopped.filed_late > timedelta(days=5)
    assert response.clocks.deadlines(engineer).rows == ()
    view, document = response.clocks.filing_document(engineer, stopped.filing.id)
    assert (view.document_name, document) == ("様式第一.pdf", b"%PDF-1.7 form one")
    with pytest.raises(ConflictError, match="already filed"):
        response.clocks.record_filing(engineer, clock.id, filing)


def test_an_incomplete_filing_is_refused_naming_every_missing_part(services, people, response):
    reference = _japan(services, people, response, 2)
    (clock,) = response.clocks.incident_clocks(people["engineer"], reference).clocks
    bad = _filing(
        regulator_reference=" ",
        document=b"",
        filed_at=datetime.now(UTC) + timedelta(hours=2),
    )
    with pytest.raises(ValidationFailed) as caught:
        response.clocks.record_filing(people["engineer"], clock.id, bad)
    assert {e.field for e in caught.value.errors} == {"regulator_reference", "document", "filed_at"}
    assert (
        response.clocks.incident_clocks(people["engineer"], reference).clocks[0].state == "running"
    )


def test_a_corrected_first_known_time_moves_the_running_clock_audited(services, people, response):
    engineer = people["engineer"]
    reference = _japan(services, people, response, 2)
    (before,) = response.clocks.incident_clocks(engineer, reference).clocks
    record = services.incidents.get(engineer, reference)
    services.incidents.update(
        engineer,
        reference,
        record.version,
        {"first_known_at": record.draft.first_known_at - timedelta(days=7)},
        reason="A dealer had reported it a week earlier",
    )
    response.clocks.recompute(engineer, reference, "A dealer had reported it a week earlier")

    (after,) = response.clocks.incident_clocks(engineer, reference).clocks
    assert after.due_at is not None
    assert before.due_at is not None
    assert after.due_at < before.due_at
    assert after.id == before.id
    history = services.incidents.history(engineer, reference)
    assert [h.reason for h in history if h.action == "clock_recomputed"] == [
        "A dealer had reported it a week earlier"
    ]


def test_filings_are_evidence_the_database_will_not_change(services, people, response):
    reference = _japan(services, people, response, 1)
    (clock,) = response.clocks.incident_clocks(people["engineer"], reference).clocks
    response.clocks.record_filing(people["engineer"], clock.id, _filing())
    for statement in (
        "UPDATE regulator_filings SET regulator_reference = 'forged'",
        "DELETE FROM regulator_filings",
    ):
        with pytest.raises(Exception, match="append-only"), services.database.engine.begin() as c:
            c.execute(text(statement))


def test_the_register_shows_each_incidents_next_running_deadline(  # type: ignore[no-untyped-def]
    services, people, response
) -> None:
    from qa_desktop.domain.register import IncidentQuery

    engineer = people["engineer"]
    serious = _classified(
        services, people, response, markets=("JP", "US"), country="JP", **FIRE, **_known(2)
    )
    quiet = services.incidents.create(engineer, make_draft(title="no clock yet")).reference
    clocks = response.clocks.incident_clocks(engineer, serious).clocks
    earliest = min(c.due_at for c in clocks if c.due_at is not None)
    rows = {r.reference: r for r in services.incidents.page(engineer, IncidentQuery()).rows}
    assert rows[serious].next_deadline == earliest
    assert rows[quiet].next_deadline is None
    found = services.incidents.page(engineer, IncidentQuery(text="コード")).rows  # search page
    assert [r.next_deadline for r in found if r.reference == serious] == [earliest]

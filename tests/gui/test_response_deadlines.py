"""The deadlines view: running clocks by time left, overdue ones unmistakable, filters, paging."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from qa_desktop.domain.clocks import ClockStatus
from qa_desktop.domain.roles import Role
from qa_desktop.services import QaServices
from qa_desktop.services.response_results import DeadlineCursor, DeadlinePage, DeadlineRow
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.response.deadlines_model import (
    STATUS_ROLE,
    DeadlineColumn,
    DeadlinesModel,
)
from qa_desktop.ui.response.deadlines_view import DeadlinesWindow
from qa_desktop.ui.tasks import SynchronousTaskRunner
from tests.conftest import PASSWORD, make_draft

FIRE = {"fire": True, "fire_service_confirmed": True}


@pytest.fixture
def head(gui_services: QaServices, staff: dict[str, CurrentUser]) -> CurrentUser:
    """A QA division head."""
    gui_services.accounts.add_user(staff["admin"], "head", "Hiro Head", PASSWORD, Role.QA_HEAD)
    return gui_services.accounts.sign_in("head", PASSWORD)


def classified(services: QaServices, engineer: CurrentUser, **changes: Any) -> str:
    """A fire incident with the clocks its classification starts."""
    reference = services.incidents.create(engineer, make_draft(**FIRE, **changes)).reference
    response = services.response
    response.flow.take(engineer, reference, "submit_for_classification")
    proposal = response.classification.propose(engineer, reference)
    response.classification.confirm(engineer, reference, proposal.incident_version)
    return reference


def _fail(exc: BaseException) -> None:
    pytest.fail(f"reading the deadlines failed: {exc!r}")


def _column(model: DeadlinesModel, column: DeadlineColumn, role: int = 0) -> list[Any]:
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def test_overdue_clocks_come_first_and_stand_out_by_icon_text_colour_and_weight(
    qtmodeltester: Any,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
) -> None:
    now = datetime.now(UTC)
    fresh = classified(
        gui_services,
        staff["engineer"],
        first_known_at=now - timedelta(hours=2),
        qa_aware_at=now - timedelta(hours=1),
        occurred_at=now - timedelta(hours=3),
    )
    late = classified(
        gui_services,
        staff["engineer"],
        first_known_at=now - timedelta(days=90),
        qa_aware_at=now - timedelta(days=80),
        occurred_at=now - timedelta(days=91),
    )
    model = DeadlinesModel(gui_services.response.clocks, staff["manager"], tasks, _fail)
    model.set_query(model.query)

    references = _column(model, DeadlineColumn.REFERENCE)
    assert references[:2] == [late, late]
    assert set(references[2:]) == {fresh}
    top = model.index(0, DeadlineColumn.TIME_LEFT)
    assert top.data().startswith("OVERDUE by ")
    assert top.data(STATUS_ROLE) == ClockStatus.OVERDUE.value
    assert not top.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert top.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert top.data(Qt.ItemDataRole.FontRole).bold()
    calm = model.index(model.rowCount() - 1, DeadlineColumn.TIME_LEFT)
    assert calm.data().endswith(" left")
    assert calm.data(Qt.ItemDataRole.BackgroundRole) is None
    # Both zones: the regulator's names its own zone (JST for Japan).
    regulator_times = _column(model, DeadlineColumn.DUE_REGULATOR)
    assert any(text.endswith("JST") for text in regulator_times)
    qtmodeltester.check(model)


def test_the_window_filters_by_jurisdiction_and_business_unit_and_lists_overdue_measures(
    qtbot: QtBot,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
) -> None:
    classified(gui_services, staff["engineer"], business_unit="Heating 暖房")
    classified(gui_services, staff["engineer"], business_unit="Kitchen", markets=("JP",))
    opened: list[str] = []
    window = DeadlinesWindow(gui_services, staff["manager"], tasks)
    qtbot.addWidget(window)
    window.incident_requested.connect(opened.append)
    window.show()
    assert window.model.rowCount() == 3
    assert "3 running clocks" in window.summary_label.text()

    window.jurisdiction.setCurrentIndex(window.jurisdiction.findData("US"))
    assert set(_column(window.model, DeadlineColumn.JURISDICTION)) == {"US"}
    window.jurisdiction.setCurrentIndex(0)
    window.business_unit.setText("Kitchen")
    window.business_unit.editingFinished.emit()
    assert _column(window.model, DeadlineColumn.BUSINESS_UNIT) == ["Kitchen"]
    assert "1 running clocks" in window.summary_label.text()

    window.table.activated.emit(window.model.index(0, DeadlineColumn.INCIDENT))
    assert len(opened) == 1
    assert window.tabs.tabText(1) == "Overdue countermeasures (0)"
    window.close()


class _ManyClocks:
    """A clock service answering pages of a very long deadline list, counting what was read."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.rows_read = 0

    def deadlines(
        self, _user: Any, _query: Any, after: DeadlineCursor | None = None, limit: int = 100
    ) -> DeadlinePage:
        start = after.clock_id if after else 0
        now = datetime.now(UTC)
        rows = tuple(self._row(n, now) for n in range(start, min(start + limit, self.total)))
        self.rows_read += len(rows)
        end = start + len(rows)
        cursor = DeadlineCursor(1, None, end) if end < self.total else None
        return DeadlinePage(rows, cursor, now)

    @staticmethod
    def _row(number: int, now: datetime) -> DeadlineRow:
        due = now + timedelta(minutes=number)
        return DeadlineRow(
            clock_id=number,
            reference=f"INC-{number:06d}",
            incident_title="t",
            product_name="p",
            business_unit="b",
            jurisdiction="JP",
            rule_id="jp",
            rule_version=1,
            title="report",
            citation="art. 35",
            time_zone="Asia/Tokyo",
            status=ClockStatus.RUNNING,
            due_at=due,
            calendar_due_at=due,
            time_left=due - now,
            past_calendar_due=False,
            moved=False,
            verify=False,
        )


def test_a_hundred_thousand_clocks_are_read_a_page_at_a_time(
    qtmodeltester: Any, staff: dict[str, CurrentUser], tasks: SynchronousTaskRunner
) -> None:
    clocks = _ManyClocks(100_000)
    model = DeadlinesModel(clocks, staff["manager"], tasks, _fail, page_size=200)
    model.set_query(model.query)
    assert (model.rowCount(), clocks.rows_read) == (200, 200)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    assert model.index(399, DeadlineColumn.REFERENCE).data() == "INC-000399"
    qtmodeltester.check(model)
    assert clocks.rows_read < 2_000

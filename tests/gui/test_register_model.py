"""The register model: lazy pages from the database, database-side order, stale answers dropped."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from qa_desktop.domain.errors import StorageError
from qa_desktop.domain.incident import IncidentStatus, Severity
from qa_desktop.domain.register import IncidentQuery, SortKey
from qa_desktop.services import QaServices
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.register_model import REFERENCE_ROLE, RegisterColumn, RegisterModel
from qa_desktop.ui.tasks import SynchronousTaskRunner, TaskRunner


def _model(
    services: QaServices, user: CurrentUser, tasks: TaskRunner, page_size: int = 5
) -> RegisterModel:
    errors: list[BaseException] = []
    model = RegisterModel(services, user, tasks, errors.append, page_size=page_size)
    model.reported_errors = errors  # type: ignore[attr-defined]
    return model


def _column(model: RegisterModel, column: RegisterColumn) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_first_page_is_newest_first_and_more_is_fetched_on_demand(
    qtmodeltester: Any,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    add_incidents: Callable[..., Any],
    tasks: SynchronousTaskRunner,
) -> None:
    records = add_incidents(12)
    model = _model(gui_services, staff["manager"], tasks)
    counts: list[int] = []
    model.count_changed.connect(counts.append)

    model.set_query(IncidentQuery())

    assert model.rowCount() == 5
    assert _column(model, RegisterColumn.REFERENCE) == [r.reference for r in records[::-1][:5]]
    assert counts == [12]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 12
    assert not model.canFetchMore(QModelIndex())
    assert _column(model, RegisterColumn.REFERENCE) == [r.reference for r in records[::-1]]
    qtmodeltester.check(model)


def test_cells_show_readable_labels_and_the_reference_role(
    qtmodeltester: Any,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    add_incidents: Callable[..., Any],
    tasks: SynchronousTaskRunner,
) -> None:
    (record,) = add_incidents(
        1,
        title="発火のおそれ <b>&amp; 🔥",
        severity=Severity.SERIOUS,
        status=IncidentStatus.CONTAINMENT,
        model="OH-12B",
    )
    model = _model(gui_services, staff["manager"], tasks)
    model.set_query(IncidentQuery())

    def cell(column: RegisterColumn, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.index(0, column).data(role)

    assert cell(RegisterColumn.TITLE) == "発火のおそれ <b>&amp; 🔥"
    assert cell(RegisterColumn.PRODUCT) == "Oil heater OH-12 · OH-12B"
    assert cell(RegisterColumn.SEVERITY) == "Serious"
    assert cell(RegisterColumn.STATUS) == "Containment"
    assert cell(RegisterColumn.SOURCE) == "Customer"
    assert cell(RegisterColumn.COUNTRY, Qt.ItemDataRole.ToolTipRole) == "Japan (JP)"
    assert cell(RegisterColumn.NEXT_DEADLINE) == ""
    assert cell(RegisterColumn.TITLE, REFERENCE_ROLE) == record.reference
    assert not cell(RegisterColumn.SEVERITY, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.headerData(RegisterColumn.FIRST_KNOWN, Qt.Orientation.Horizontal) == "First known"
    qtmodeltester.check(model)


def test_sorting_is_done_by_the_database_across_pages(
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    add_incidents: Callable[..., Any],
    tasks: SynchronousTaskRunner,
) -> None:
    titles = ["delta", "alpha", "echo", "charlie", "bravo", "foxtrot", "golf"]
    for title in titles:
        add_incidents(1, title=title)
    model = _model(gui_services, staff["manager"], tasks, page_size=3)
    model.set_query(IncidentQuery())

    model.sort(RegisterColumn.TITLE, Qt.SortOrder.AscendingOrder)

    assert model.query.sort is SortKey.TITLE
    assert _column(model, RegisterColumn.TITLE) == ["alpha", "bravo", "charlie"]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert _column(model, RegisterColumn.TITLE) == sorted(titles)
    model.sort(RegisterColumn.TITLE, Qt.SortOrder.DescendingOrder)
    assert _column(model, RegisterColumn.TITLE) == ["golf", "foxtrot", "echo"]


def test_the_deadline_column_cannot_reorder_the_register(
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    add_incidents: Callable[..., Any],
    tasks: SynchronousTaskRunner,
) -> None:
    add_incidents(2)
    model = _model(gui_services, staff["manager"], tasks)
    model.set_query(IncidentQuery())
    before = _column(model, RegisterColumn.REFERENCE)

    model.sort(RegisterColumn.NEXT_DEADLINE, Qt.SortOrder.AscendingOrder)

    assert model.query.sort is SortKey.FIRST_KNOWN
    assert _column(model, RegisterColumn.REFERENCE) == before


def test_filter_and_japanese_search_narrow_the_rows_and_the_count(
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    add_incidents: Callable[..., Any],
    tasks: SynchronousTaskRunner,
) -> None:
    add_incidents(3, title="Cord overheats", status=IncidentStatus.CLOSED)
    add_incidents(2, title="発火のおそれがある製品")
    model = _model(gui_services, staff["manager"], tasks)
    counts: list[int] = []
    model.count_changed.connect(counts.append)

    model.set_query(IncidentQuery(statuses=("closed",)))
    assert _column(model, RegisterColumn.STATUS) == ["Closed"] * 3
    model.set_query(IncidentQuery(text="発火"))
    assert _column(model, RegisterColumn.TITLE) == ["発火のおそれがある製品"] * 2

    assert counts == [3, 2]


def test_an_answer_to_an_older_query_is_dropped(
    qapp: Any,
    gui_services: QaServices,
    staff: dict[str, CurrentUser],
    add_incidents: Callable[..., Any],
) -> None:
    add_incidents(2, title="heater")
    add_incidents(1, title="kettle")
    deferred: list[Callable[[], None]] = []

    class DeferredRunner(SynchronousTaskRunner):
        """Runs work now but delivers results only when the test says so."""

        def run(self, work: Any, on_done: Any = None, on_failed: Any = None) -> None:
            result = work()
            deferred.append(lambda: on_done(result))

    runner = DeferredRunner(lambda exc: None)
    model = _model(gui_services, staff["manager"], runner)
    model.set_query(IncidentQuery(text="heater"))
    model.set_query(IncidentQuery(text="kettle"))
    # The newer answer arrives first, the older one after it: the older must not win.
    for deliver in deferred[2:] + deferred[:2]:
        deliver()

    assert _column(model, RegisterColumn.TITLE) == ["kettle"]
    assert model.matching_count == 1


def test_a_failed_read_reaches_the_user_once(
    staff: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
) -> None:
    class LockedIncidents:
        """Every read fails the way a locked database does."""

        def page(self, *args: Any, **kwargs: Any) -> Any:
            raise StorageError("The database is locked by another program.")

        count = page

    services = SimpleNamespace(incidents=LockedIncidents())
    model = _model(services, staff["manager"], tasks)  # type: ignore[arg-type]

    model.set_query(IncidentQuery())

    assert [str(e) for e in model.reported_errors] == [  # type: ignore[attr-defined]
        "The database is locked by another program."
    ]
    assert not model.is_loading
    assert model.rowCount() == 0

"""Learning from past analyses: the search dialog, similar incidents, recurring causes and the
Analysis menu of the register window, against a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTreeWidget, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from qa_desktop.analysis import graph_ops
from qa_desktop.analysis.layout import layered_layout
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseNode,
    CauseStatus,
    Countermeasure,
)
from qa_desktop.domain.roles import Role
from qa_desktop.services import QaServices
from qa_desktop.services.analysis_facade import AnalysisServices
from qa_desktop.services.results import CurrentUser, IncidentRecord
from qa_desktop.ui.cause_graph.editor_window import AnalysisEditor
from qa_desktop.ui.cause_graph.entry import AnalysisMenu, install_analysis_ui
from qa_desktop.ui.cause_graph.lessons_search import LessonsSearchDialog
from qa_desktop.ui.cause_graph.lessons_views import SimilarIncidentsPanel
from qa_desktop.ui.cause_graph.recurring_causes import RecurringCausesWindow
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.main_window import DatabaseInfo, MainWindow
from qa_desktop.ui.settings import AppSettings
from qa_desktop.ui.tasks import SynchronousTaskRunner
from tests.conftest import PASSWORD, make_draft

pytestmark = pytest.mark.gui

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SUPPLIER_RULE = "No rule for supplier change approval"
MARKUP_CAUSE = "<b>Cord</b> &amp; plug 過熱"


@pytest.fixture
def people(gui_services: QaServices, staff: dict[str, CurrentUser]) -> dict[str, CurrentUser]:
    """The GUI fixtures' people plus a QA head."""
    gui_services.accounts.add_user(staff["admin"], "head", "Hiro Head", PASSWORD, Role.QA_HEAD)
    return {**staff, "head": gui_services.accounts.sign_in("head", PASSWORD)}


@pytest.fixture
def analysis(gui_services: QaServices) -> AnalysisServices:
    """The analysis services over the same database."""
    return AnalysisServices(gui_services.database, accounts=gui_services.accounts)


def log_with_analysis(
    services: QaServices,
    analysis: AnalysisServices,
    user: CurrentUser,
    *,
    title: str,
    product: str,
    year: int,
    causes: list[CauseNode],
    measures: tuple[Countermeasure, ...] = (),
) -> IncidentRecord:
    """Log an incident of *year* and save its analysis with *causes* (all of the incident)."""
    occurred = datetime(year, 5, 1, 9, 0, tzinfo=UTC)
    record = services.incidents.create(
        user,
        make_draft(
            title=title,
            product_name=product,
            occurred_at=occurred,
            first_known_at=occurred,
            qa_aware_at=occurred,
        ),
    )
    stored = analysis.analyses.load(user, record.reference)
    graph = stored.graph
    for cause in causes:
        graph = graph_ops.add_cause(graph, cause, effect=ROOT_ID).graph
    for measure in measures:
        graph = graph_ops.add_countermeasure(graph, measure).graph
    graph = graph_ops.move_nodes(graph, layered_layout(graph)).graph
    analysis.analyses.save(user, record.reference, graph, stored.version)
    return record


def confirmed(cause_id: str, layer: CauseLayer, title: str, **fields: Any) -> CauseNode:
    """A confirmed cause."""
    return CauseNode(cause_id, layer, title, CauseStatus.CONFIRMED, **fields)


@pytest.fixture
def history(
    gui_services: QaServices, analysis: AnalysisServices, people: dict[str, CurrentUser]
) -> list[IncidentRecord]:
    """Three past incidents of three products and years behind which one framework cause
    recurs; the first also names the cord component, with a countermeasure."""
    engineer = people["engineer"]
    heater = log_with_analysis(
        gui_services,
        analysis,
        engineer,
        title="Heater cord overheats",
        product="Oil heater OH-12",
        year=2019,
        causes=[
            confirmed("C1", CauseLayer.TECHNICAL, MARKUP_CAUSE, component="Power cord"),
            confirmed("C2", CauseLayer.FRAMEWORK, SUPPLIER_RULE),
        ],
        measures=(
            Countermeasure("CM1", "Approve every supplier change", removes=frozenset({"C2"})),
        ),
    )
    kettle = log_with_analysis(
        gui_services,
        analysis,
        engineer,
        title="Kettle switch sticks",
        product="Kettle K-10",
        year=2022,
        causes=[confirmed("C1", CauseLayer.FRAMEWORK, SUPPLIER_RULE)],
    )
    fan = log_with_analysis(
        gui_services,
        analysis,
        engineer,
        title="Fan blade cracks",
        product="Desk fan F-3",
        year=2024,
        causes=[confirmed("C1", CauseLayer.FRAMEWORK, "no rule for supplier  change approval")],
    )
    return [heater, kettle, fan]


def texts(tree: QTreeWidget) -> list[str]:
    """The first column of every row, depth first."""
    found: list[str] = []

    def walk(item: QTreeWidgetItem) -> None:
        found.append(item.text(0))
        for index in range(item.childCount()):
            child = item.child(index)
            if child is not None:
                walk(child)

    for index in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(index)
        if top is not None:
            walk(top)
    return found


def type_text(widget: QWidget, text: str) -> None:
    """Type ASCII as keys, anything else as an input method commits it."""
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


# ------------------------------------------------------------------ search


def test_the_search_finds_analyses_by_layer_and_cause_text_with_the_matching_causes(
    qtbot: QtBot,
    analysis: AnalysisServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    history: list[IncidentRecord],
) -> None:
    dialog = LessonsSearchDialog(analysis.lessons, people["engineer"], tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.text_edit, "supplier change")
    dialog.layer_box.setCurrentIndex(dialog.layer_box.findData(CauseLayer.FRAMEWORK.value))
    QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return)  # the default button searches

    found = {dialog.results.topLevelItem(i).text(0) for i in range(3)}  # type: ignore[union-attr]
    assert dialog.results.topLevelItemCount() == 3
    assert found == {f"{r.reference} — {r.draft.title}" for r in history}
    assert dialog.summary.text() == "3 analysis(es) found."
    assert f"C2: {SUPPLIER_RULE}" in texts(dialog.results)

    # Japanese and markup characters are searched and shown as typed.
    dialog.text_edit.clear()
    dialog.layer_box.setCurrentIndex(0)
    type_text(dialog.text_edit, "過熱")
    dialog.search_button.click()
    assert dialog.results.topLevelItemCount() == 1
    assert f"C1: {MARKUP_CAUSE}" in texts(dialog.results)

    with qtbot.waitSignal(dialog.analysis_requested) as opened:
        dialog.results.itemActivated.emit(dialog.results.topLevelItem(0), 0)
    assert opened.args == [history[0].reference]
    dialog.close()


def test_a_search_that_matches_nothing_says_so(
    qtbot: QtBot,
    analysis: AnalysisServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    history: list[IncidentRecord],
) -> None:
    dialog = LessonsSearchDialog(analysis.lessons, people["manager"], tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.product_edit, "Refrigerator")
    dialog.search_button.click()
    assert dialog.results.topLevelItemCount() == 0
    assert dialog.summary.text() == "No analysis matches."
    dialog.close()


# ------------------------------------------------------------------ similar incidents


def test_a_new_incident_shows_similar_past_incidents_with_their_causes_and_countermeasures(
    qtbot: QtBot,
    gui_services: QaServices,
    analysis: AnalysisServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    history: list[IncidentRecord],
) -> None:
    new = gui_services.incidents.create(
        people["engineer"],
        make_draft(title="Heater cord overheats again", product_name="Oil heater OH-12"),
    )
    panel = SimilarIncidentsPanel(analysis.lessons, people["engineer"], tasks)
    qtbot.addWidget(panel)
    panel.show_for(new.reference)

    assert panel.tree.topLevelItemCount() >= 1
    best = panel.tree.topLevelItem(0)
    assert best is not None
    assert best.text(0) == f"{history[0].reference} — Heater cord overheats"
    rows = texts(panel.tree)
    assert MARKUP_CAUSE in rows
    assert SUPPLIER_RULE in rows
    assert "Approve every supplier change" in rows
    assert "most alike first" in panel.summary.text()
    panel.resize(900, 500)
    ARTIFACTS.mkdir(exist_ok=True)
    assert panel.grab().save(str(ARTIFACTS / "similar-incidents.png"))
    with qtbot.waitSignal(panel.analysis_requested) as opened:
        panel.tree.itemActivated.emit(best.child(1), 0)  # a row under the incident opens it
    assert opened.args == [history[0].reference]


def test_the_analysis_editor_has_a_similar_incidents_tab(
    qtbot: QtBot,
    gui_services: QaServices,
    analysis: AnalysisServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    history: list[IncidentRecord],
) -> None:
    new = gui_services.incidents.create(
        people["engineer"], make_draft(title="Kettle switch sticks", product_name="Kettle K-10")
    )
    # Without analysis_services: the editor finds them attached as services.analysis.
    editor = AnalysisEditor(gui_services, people["engineer"], tasks, hub, new.reference)
    editor.show()
    assert editor.similar.tree.topLevelItemCount() == 0  # read only when the tab is opened
    editor.tabs.setCurrentWidget(editor.similar)
    assert editor.similar.tree.topLevelItem(0) is not None
    assert history[1].reference in editor.similar.tree.topLevelItem(0).text(0)  # type: ignore[union-attr]
    editor.close()


# ------------------------------------------------------------------ recurring causes


def test_the_cross_incident_view_shows_a_cause_recurring_across_products_and_years(
    qtbot: QtBot,
    analysis: AnalysisServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    history: list[IncidentRecord],
) -> None:
    window = RecurringCausesWindow(analysis.lessons, people["manager"], tasks)
    qtbot.addWidget(window)
    window.show()

    top = window.tree.topLevelItem(0)
    assert top is not None
    assert top.text(0) == (
        f"The same Framework cause “{SUPPLIER_RULE}” recurs in 3 incidents across "
        "3 product(s), 2019–2024."
    )
    assert top.childCount() == 3
    assert {top.child(i).text(1) for i in range(3)} == {  # type: ignore[union-attr]
        "Oil heater OH-12",
        "Kettle K-10",
        "Desk fan F-3",
    }
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "recurring-causes.png"))
    window.layer_box.setCurrentIndex(window.layer_box.findData(CauseLayer.TECHNICAL.value))
    assert window.tree.topLevelItemCount() == 0
    assert window.summary.text() == "No cause recurs across incidents yet."
    window.layer_box.setCurrentIndex(0)
    top = window.tree.topLevelItem(0)
    assert top is not None
    with qtbot.waitSignal(window.analysis_requested) as opened:
        window.tree.itemActivated.emit(top.child(0), 0)
    assert opened.args[0] in {r.reference for r in history}
    window.close()


# ------------------------------------------------------------------ the Analysis menu


@pytest.fixture
def register(
    qtbot: QtBot,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    app_settings: AppSettings,
    analysis: AnalysisServices,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[MainWindow, AnalysisMenu]]:
    """The register window with the Analysis menu installed."""
    database = gui_services.database
    window = MainWindow(
        gui_services,
        people["engineer"],
        tasks,
        hub,
        app_settings,
        DatabaseInfo(database.display_name, database.backend, database.display_name),
    )
    # The register window installs its Analysis menu itself; this one uses the test's services.
    own = window.analysis_menu
    window.menuBar().removeAction(own.menu.menuAction())
    for action in (own.open_analysis, own.search_lessons, own.recurring):
        window.removeAction(action)
    menu = install_analysis_ui(
        window,
        services=gui_services,
        user=people["engineer"],
        tasks=tasks,
        hub=hub,
        analysis_services=analysis,
    )
    with qtbot.waitExposed(window):
        window.show()
    yield window, menu
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Discard)
    if shiboken6.isValid(window):
        window.close()


def test_the_analysis_menu_opens_the_selected_incidents_analysis_once(
    qtbot: QtBot,
    register: tuple[MainWindow, AnalysisMenu],
    history: list[IncidentRecord],
) -> None:
    window, menu = register
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Analysis") == len(titles) - 2  # before Help
    assert [a.text() for a in menu.menu.actions() if a.text()] == [
        "&Open analysis of selected incident",
        "&Search lessons…",
        "&Recurring causes…",
    ]
    window.refresh()
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 0))
    reference = window.current_reference()
    assert reference is not None

    QTest.keyClick(
        window.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    editor = menu.editors[reference]
    assert editor.isVisible()
    assert editor.graph.causes  # the stored analysis, not an empty one
    menu.open_analysis.trigger()  # again: the same window comes to the front
    assert list(menu.editors) == [reference]

    search = menu.show_search()
    assert search.isVisible()
    recurring = menu.show_recurring_causes()
    assert recurring.tree.topLevelItemCount() == 1
    editor.close()
    qtbot.waitUntil(lambda: not menu.editors)
    window.close()  # closes the windows it opened
    QApplication.processEvents()
    assert not shiboken6.isValid(recurring) or not recurring.isVisible()
    search.close()


def test_opening_an_analysis_without_a_selected_incident_says_what_to_do(
    register: tuple[MainWindow, AnalysisMenu],
) -> None:
    window, menu = register
    window.table.clearSelection()
    window.table.setCurrentIndex(window.model.index(-1, -1))
    menu.open_analysis.trigger()
    assert not menu.editors
    assert "Select an incident" in window.statusBar().currentMessage()

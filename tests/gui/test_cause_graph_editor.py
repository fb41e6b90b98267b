"""The cause-graph editor driven with mouse and keyboard, against a real SQLite file."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QInputMethodEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from qa_desktop.analysis import graph_ops
from qa_desktop.analysis.closure import missing_for_closure
from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.analysis.interchange import GraphFormat
from qa_desktop.analysis.layout import layered_layout
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseLink,
    CauseNode,
    CauseStatus,
    CheckResult,
    Countermeasure,
    EffectivenessCheck,
    GateKind,
    LayerReview,
    LayerVerdict,
    RiskReductionStep,
    YokotenCandidate,
    YokotenDecision,
)
from qa_desktop.domain.roles import Role
from qa_desktop.resources import japanese_font_path
from qa_desktop.services import QaServices
from qa_desktop.services.analysis_facade import AnalysisServices
from qa_desktop.services.analysis_results import AnalysisStatus
from qa_desktop.services.results import CurrentUser, IncidentRecord
from qa_desktop.ui.cause_graph.drawing_style import HANDLE_RADIUS, NODE_WIDTH
from qa_desktop.ui.cause_graph.editor_window import AnalysisEditor
from qa_desktop.ui.cause_graph.items import NodeItem
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.tasks import SynchronousTaskRunner
from tests.conftest import PASSWORD, make_draft

pytestmark = pytest.mark.gui

OpenEditor = Callable[..., AnalysisEditor]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
MARKUP = "<b>&amp; \"quoted\" 'single' </b>"
JAPANESE = "検査工程で温度試験が省略された"
EMOJI = "作業者が確認を飛ばした 😀"
LONG_DESCRIPTION = ("温度サイクル試験の記録 <i>&lt;</i>\n" * 80)[:2_000]


@pytest.fixture
def people(gui_services: QaServices, staff: dict[str, CurrentUser]) -> dict[str, CurrentUser]:
    """The GUI fixtures' people plus a QA head, who may sign the closed analysis."""
    gui_services.accounts.add_user(staff["admin"], "head", "Hiro Head", PASSWORD, Role.QA_HEAD)
    return {**staff, "head": gui_services.accounts.sign_in("head", PASSWORD)}


@pytest.fixture
def analysis(gui_services: QaServices) -> AnalysisServices:
    """The analysis services over the same database as the window's services."""
    return AnalysisServices(gui_services.database, accounts=gui_services.accounts)


@pytest.fixture
def incident(gui_services: QaServices, people: dict[str, CurrentUser]) -> IncidentRecord:
    """One logged incident with a Japanese title."""
    return gui_services.incidents.create(
        people["engineer"], make_draft(title="Heater cord overheats / コードが過熱")
    )


@pytest.fixture
def open_editor(
    qtbot: QtBot,
    gui_services: QaServices,
    analysis: AnalysisServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[OpenEditor]:
    """Open the analysis editor as *who*, shown at 100 %; every one still open is closed after."""
    opened: list[AnalysisEditor] = []

    def open_(reference: str, who: str = "engineer") -> AnalysisEditor:
        editor = AnalysisEditor(
            gui_services, people[who], tasks, hub, reference, analysis_services=analysis
        )
        opened.append(editor)
        editor.resize(1400, 900)
        with qtbot.waitExposed(editor):
            editor.show()
        editor.activateWindow()
        QApplication.processEvents()
        actual_size(editor)
        return editor

    yield open_
    # Unsaved changes are thrown away here; the tests that care answered the question.
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Discard)
    for editor in opened:
        if shiboken6.isValid(editor) and editor.isVisible():
            editor.close()
    QApplication.processEvents()


StoreGraph = Callable[..., CauseGraph]


@pytest.fixture
def store_graph(
    analysis: AnalysisServices, people: dict[str, CurrentUser], incident: IncidentRecord
) -> StoreGraph:
    """Save a graph for the incident through the service, built by *build* from the empty one."""

    def store(build: Callable[[CauseGraph], CauseGraph]) -> CauseGraph:
        record = analysis.analyses.load(people["engineer"], incident.reference)
        graph = build(record.graph)
        graph = graph_ops.move_nodes(graph, layered_layout(graph)).graph
        return analysis.analyses.save(
            people["engineer"], incident.reference, graph, record.version
        ).graph

    return store


def add(graph: CauseGraph, cause_id: str, effect: str, **fields: Any) -> CauseGraph:
    """*graph* with a cause *cause_id* of *effect* (technical, unknown unless given)."""
    values: dict[str, Any] = {"layer": CauseLayer.TECHNICAL, "title": f"Cause {cause_id}"}
    values.update(fields)
    return graph_ops.add_cause(graph, CauseNode(cause_id, **values), effect=effect).graph


def chain_of_two(graph: CauseGraph) -> CauseGraph:
    """Incident ← C1 ← C2, plus C3 of the incident in the process layer."""
    graph = add(graph, "C1", ROOT_ID, title="Solder joint cracked")
    graph = add(graph, "C2", "C1", title="No thermal cycling test", layer=CauseLayer.PROCESS)
    return add(graph, "C3", ROOT_ID, title="Insulation changed", layer=CauseLayer.PROCESS)


# ------------------------------------------------------------------ driving helpers


def actual_size(editor: AnalysisEditor) -> None:
    """Show the graph at 100 %, scrolled to the incident, as a user starts from."""
    editor.view.resetTransform()
    editor.view.centerOn(editor.scene.nodes[ROOT_ID])
    QApplication.processEvents()


def on_screen(editor: AnalysisEditor, scene_point: QPointF) -> QPoint:
    """Where *scene_point* is in the view's viewport (for QTest mouse events)."""
    return editor.view.mapFromScene(scene_point)


def handle_of(editor: AnalysisEditor, node_id: str) -> QPointF:
    """The scene position of a node's link handle (its right edge)."""
    node = editor.scene.nodes[node_id]
    return node.mapToScene(NodeItem.handle_centre())


def drag(editor: AnalysisEditor, start: QPointF, end: QPointF) -> None:
    """Press at *start*, move in steps and release at *end* (scene positions)."""
    viewport = editor.view.viewport()
    begin, finish = on_screen(editor, start), on_screen(editor, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, begin)
    for step in range(1, 6):
        point = begin + (finish - begin) * (step / 5)
        QTest.mouseMove(viewport, point)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, finish)
    QApplication.processEvents()


def click(editor: AnalysisEditor, node_id: str) -> None:
    """Click in the middle of a node's box (selects it)."""
    centre = editor.scene.nodes[node_id].pos() - QPointF(NODE_WIDTH / 4, 0)
    QTest.mouseClick(
        editor.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        on_screen(editor, centre),
    )


def type_text(widget: QWidget, text: str) -> None:
    """Type *text*: Latin letters as key presses, the rest as an input method commits it."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            QTest.keyClicks(widget, run)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(run)
            QApplication.sendEvent(widget, commit)


def key(
    editor: AnalysisEditor, which: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press *which* with the graph focused."""
    editor.view.setFocus()
    QTest.keyClick(editor.view, which, modifiers)
    QApplication.processEvents()


# ------------------------------------------------------------------ adding, linking, deleting


def test_a_cause_is_added_and_titled_with_the_keyboard(
    open_editor: OpenEditor, incident: IncidentRecord
) -> None:
    editor = open_editor(incident.reference)
    assert not editor.isWindowModified()
    key(editor, Qt.Key.Key_Right)  # nothing selected: the arrow keys start at the incident
    assert editor.scene.selected_node_ids() == [ROOT_ID]
    key(editor, Qt.Key.Key_Insert)
    assert editor.scene.title_editor is not None
    title = f"Solder {MARKUP} {JAPANESE} {EMOJI}"
    type_text(editor.view, title)
    key(editor, Qt.Key.Key_Return)

    graph = editor.graph
    assert [c.title for c in graph.causes.values()] == [title]
    assert graph.links == {CauseLink(ROOT_ID, "C1")}
    assert graph.causes["C1"].status is CauseStatus.UNKNOWN
    assert editor.scene.title_editor is None
    assert editor.scene.selected_node_ids() == ["C1"]
    assert editor.isWindowModified()
    assert editor.cause_panel.title_edit.text() == title
    # N adds a deeper cause of the selected one; Escape drops it again.
    key(editor, Qt.Key.Key_N)
    type_text(editor.view, "never mind")
    key(editor, Qt.Key.Key_Escape)
    assert list(editor.graph.causes) == ["C1"]
    key(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not editor.graph.causes
    assert not editor.isWindowModified()


def test_dragging_from_a_node_to_another_links_them(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    before = editor.graph
    assert CauseLink("C3", "C2") not in before.links

    drag(editor, handle_of(editor, "C3"), editor.scene.nodes["C2"].pos())

    assert editor.graph.links == before.links | {CauseLink("C3", "C2")}
    assert editor.scene.links[CauseLink("C3", "C2")].isVisible()
    assert editor.undo_stack.count() == 1
    assert editor.isWindowModified()


def test_a_link_that_would_make_a_cycle_is_refused_before_anything_changes(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    before = editor.graph

    # C1 is caused by C2; making C2 caused by C1 would close a loop.
    drag(editor, handle_of(editor, "C2"), editor.scene.nodes["C1"].pos())

    assert editor.graph is before
    assert editor.undo_stack.count() == 0
    assert not editor.isWindowModified()
    assert editor.notice.isVisible()
    assert "cycle" in editor.notice.text()
    assert len(editor.scene.links) == len(before.links)


def test_deleting_a_cause_takes_its_links_and_undo_brings_them_back(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    def gated(graph: CauseGraph) -> CauseGraph:
        graph = add(chain_of_two(graph), "C4", "C1", title="Flux residue")
        return graph_ops.set_gate(graph, "C1", ["C2", "C4"], GateKind.AND).graph

    store_graph(gated)
    editor = open_editor(incident.reference)
    before = editor.graph
    click(editor, "C1")
    assert editor.scene.selected_node_ids() == ["C1"]

    key(editor, Qt.Key.Key_Delete)
    assert "C1" not in editor.graph.causes
    assert not any("C1" in (k.effect, k.cause) for k in editor.graph.links)
    assert not editor.graph.gates
    assert "C1" not in editor.scene.nodes
    assert not editor.scene.gates
    assert editor.undo_stack.count() == 1

    key(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.graph == before
    assert set(editor.scene.links) == set(before.links)
    assert set(editor.scene.gates) == set(before.gates)
    key(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "C1" not in editor.graph.causes


def test_a_layer_can_be_hidden_and_shown_again(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    process = editor.actions_.show_layer[CauseLayer.PROCESS]

    process.trigger()
    nodes = editor.scene.nodes
    assert not nodes["C2"].isVisible()
    assert not nodes["C3"].isVisible()
    assert nodes["C1"].isVisible()
    assert nodes[ROOT_ID].isVisible()
    assert not editor.scene.links[CauseLink("C1", "C2")].isVisible()
    assert editor.scene.links[CauseLink(ROOT_ID, "C1")].isVisible()
    assert editor.graph.causes.keys() == {"C1", "C2", "C3"}  # hiding is not deleting

    process.trigger()
    assert nodes["C2"].isVisible()
    assert editor.scene.links[CauseLink("C1", "C2")].isVisible()


def test_dragged_positions_are_saved_and_come_back_on_reopening(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    assert editor.record is not None
    read_version = editor.record.version
    node = editor.scene.nodes["C3"]
    start = node.pos() - QPointF(NODE_WIDTH / 4, 0)
    drag(editor, start, start + QPointF(60, 140))
    moved = (node.x(), node.y())
    assert moved != (280.0, 0.0)
    assert (editor.graph.causes["C3"].x, editor.graph.causes["C3"].y) == moved
    assert editor.isWindowModified()

    key(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isWindowModified()
    assert editor.record is not None
    assert editor.record.version == read_version + 1
    editor.close()

    again = open_editor(incident.reference)
    reopened = again.scene.nodes["C3"]
    assert (reopened.x(), reopened.y()) == moved
    assert (again.graph.causes["C3"].x, again.graph.causes["C3"].y) == moved


def test_the_window_marks_unsaved_changes_and_asks_before_losing_them(
    qtbot: QtBot,
    analysis: AnalysisServices,
    people: dict[str, CurrentUser],
    open_editor: OpenEditor,
    incident: IncidentRecord,
    store_graph: StoreGraph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    assert "unsaved" not in editor.status_label.text()
    click(editor, "C2")
    editor.actions_.status[CauseStatus.CONFIRMED].trigger()
    assert editor.isWindowModified()
    assert "unsaved" in editor.status_label.text()

    asked: list[Any] = []

    def answer(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", answer)
    assert not editor.close()
    assert asked
    assert editor.isVisible()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Save)
    editor.close()  # saves, then closes
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible())
    record = analysis.analyses.load(people["engineer"], incident.reference)
    assert record.graph.causes["C2"].status is CauseStatus.CONFIRMED


# ------------------------------------------------------------------ text survives


def test_text_survives_edit_save_export_import_and_drawing(
    qtbot: QtBot,
    open_editor: OpenEditor,
    incident: IncidentRecord,
    store_graph: StoreGraph,
    tmp_path: Path,
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    click(editor, "C1")
    panel = editor.cause_panel
    title = f"{MARKUP} {JAPANESE}"
    panel.title_edit.setFocus()
    panel.title_edit.selectAll()
    type_text(panel.title_edit, title)
    QTest.keyClick(panel.title_edit, Qt.Key.Key_Return)
    panel.description_edit.setFocus()
    panel.description_edit.setPlainText(LONG_DESCRIPTION)
    editor.view.setFocus()  # leaving the field keeps it
    QApplication.processEvents()
    node = editor.graph.causes["C1"]
    assert (node.title, node.description) == (title, LONG_DESCRIPTION)
    assert editor.scene.nodes["C1"].title == title
    assert "&lt;b&gt;&amp;amp;" in editor.scene.nodes["C1"].toolTip()  # shown, not interpreted

    editor.save()
    assert editor.record is not None
    saved_version = editor.record.version
    exported = tmp_path / "analysis.graphml"
    editor.files.export(GraphFormat.GRAPHML, exported)
    editor.close()

    again = open_editor(incident.reference)
    assert again.graph.causes["C1"].title == title
    assert again.graph.causes["C1"].description == LONG_DESCRIPTION
    click(again, "C1")
    key(again, Qt.Key.Key_Delete)
    again.save()
    assert "C1" not in again.graph.causes
    again.import_file(exported)  # brings the exported analysis back
    assert again.graph.causes["C1"].title == title
    assert again.graph.causes["C1"].description == LONG_DESCRIPTION
    assert again.scene.nodes["C1"].title == title
    assert again.record is not None
    assert again.record.version == saved_version + 2


# ------------------------------------------------------------------ countermeasures, yokoten


def test_a_countermeasure_is_attached_to_the_selected_cause(
    qtbot: QtBot, open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    click(editor, "C2")
    editor.actions_.countermeasure.trigger()
    dialog = editor.lists.countermeasure_dialog
    assert dialog is not None
    type_text(dialog.title_edit, "Add thermal cycling to the release test 熱サイクル")
    type_text(dialog.owner_edit, "eri")
    dialog.due.set_value(date(2026, 12, 1))
    dialog.step_box.setCurrentIndex(dialog.step_box.findData(RiskReductionStep.SAFEGUARD.value))
    dialog.criterion_edit.setPlainText("No cracks after 1,000 cycles")
    dialog.accept()

    measure = editor.graph.countermeasures["CM1"]
    assert measure.removes == {"C2"}
    assert measure.title == "Add thermal cycling to the release test 熱サイクル"
    assert measure.check.criterion == "No cracks after 1,000 cycles"
    assert editor.lists.countermeasures.tree.topLevelItemCount() == 1
    editor.undo_stack.undo()
    assert not editor.graph.countermeasures
    assert editor.lists.countermeasures.tree.topLevelItemCount() == 0


def test_yokoten_candidates_are_applied_or_skipped_with_a_reason(
    open_editor: OpenEditor,
    incident: IncidentRecord,
    store_graph: StoreGraph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def with_candidates(graph: CauseGraph) -> CauseGraph:
        graph = chain_of_two(graph)
        for number, product in enumerate(("Heater H-300", "Kettle K-10"), start=1):
            candidate = YokotenCandidate(f"Y{number}", product=product, shared_cause="C1")
            graph = graph_ops.add_yokoten(graph, candidate).graph
        return graph

    store_graph(with_candidates)
    editor = open_editor(incident.reference)
    panel = editor.lists.yokoten
    replies = [("", True), ("  ", True), ("Different cord supplier; no shared part", True)]
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: replies.pop(0))

    panel.select("Y1")
    panel.apply_button.click()
    assert editor.graph.yokoten["Y1"].decision is YokotenDecision.APPLY
    panel.select("Y2")
    panel.skip_button.click()  # an empty reason is not enough to skip
    assert editor.graph.yokoten["Y2"].decision is YokotenDecision.UNDECIDED
    assert "reason" in panel.summary.text()
    panel.skip_button.click()
    skipped = editor.graph.yokoten["Y2"]
    assert (skipped.decision, skipped.reason) == (
        YokotenDecision.SKIP,
        "Different cord supplier; no shared part",
    )
    assert "0 without a decision" in panel.summary.text()


# ------------------------------------------------------------------ closing


def closable(graph: CauseGraph) -> CauseGraph:
    """Every rule met but one layer review."""
    graph = add(graph, "C1", ROOT_ID, status=CauseStatus.CONFIRMED, title="Solder cracked")
    graph = add(
        graph,
        "C2",
        "C1",
        status=CauseStatus.CONFIRMED,
        layer=CauseLayer.PROCESS,
        title="No thermal test",
    )
    measure = Countermeasure(
        "CM1",
        "Thermal test at release",
        removes=frozenset({"C2"}),
        check=EffectivenessCheck("No cracks", result=CheckResult.PASSED),
    )
    graph = graph_ops.add_countermeasure(graph, measure).graph
    return graph_ops.set_layer_review(
        graph, LayerReview(CauseLayer.FRAMEWORK, LayerVerdict.NOT_APPLICABLE, "Rules were fine")
    ).graph


def test_closing_lists_exactly_what_is_missing_and_the_qa_head_signs(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    stored = store_graph(closable)
    editor = open_editor(incident.reference, who="head")
    editor.check_closure()
    dialog = editor.closure_dialog
    assert dialog is not None
    assert dialog.gaps == missing_for_closure(stored)
    assert len(dialog.gaps) == 1
    assert "motivation" in dialog.gaps[0]
    assert not dialog.can_sign
    dialog.reject()

    # Mark the last layer not applicable in the Layers tab, save, and sign.
    reviews = editor.lists.layer_reviews
    verdict = reviews.verdicts[CauseLayer.MOTIVATION]
    reviews.reasons[CauseLayer.MOTIVATION].setText("No pressure or habit involved")
    verdict.setCurrentIndex(verdict.findData(LayerVerdict.NOT_APPLICABLE.value))
    verdict.activated.emit(verdict.currentIndex())
    assert CauseLayer.MOTIVATION in editor.graph.reviews
    editor.check_closure()
    assert editor.closure_dialog is not None
    assert "unsaved" in editor.closure_dialog.note.text()
    assert editor.closure_dialog.gaps == []
    editor.closure_dialog.reject()
    editor.save()

    editor.check_closure()
    dialog = editor.closure_dialog
    assert dialog is not None
    assert dialog.gaps == []
    assert dialog.can_sign
    assert not dialog.sign_button.isEnabled()
    type_text(dialog.password_edit, PASSWORD)
    assert dialog.sign_button.isEnabled()
    dialog.sign_button.click()

    record = editor.record
    assert record is not None
    assert record.status is AnalysisStatus.CLOSED
    assert record.signature is not None
    assert record.signature.signer_name == "Hiro Head"
    assert "Hiro Head" in editor.status_label.text()


def test_an_engineer_sees_the_gaps_but_cannot_sign(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    editor.check_closure()
    dialog = editor.closure_dialog
    assert dialog is not None
    assert dialog.gaps == missing_for_closure(editor.graph)
    assert any("C1" in gap and "unknown" in gap for gap in dialog.gaps)
    assert not dialog.sign_button.isVisible()
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "analysis-closure-gaps.png"))
    assert "QA division head" in dialog.note.text()
    dialog.reject()


def test_a_manager_may_look_but_not_change(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference, who="manager")
    before = editor.graph
    assert not editor.actions_.add_cause.isEnabled()
    assert not editor.actions_.save.isEnabled()
    assert "read only" in editor.status_label.text()
    drag(editor, handle_of(editor, "C3"), editor.scene.nodes["C2"].pos())
    click(editor, "C1")
    key(editor, Qt.Key.Key_Delete)
    assert editor.graph is before
    assert editor.cause_panel.title_edit.isReadOnly()


def test_a_save_over_someone_elses_is_refused_and_offers_their_version(
    open_editor: OpenEditor,
    incident: IncidentRecord,
    store_graph: StoreGraph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store_graph(chain_of_two)
    mine = open_editor(incident.reference)
    theirs = open_editor(incident.reference, who="head")
    click(theirs, "C3")
    theirs.actions_.status[CauseStatus.CONFIRMED].trigger()
    theirs.save()
    click(mine, "C3")
    mine.actions_.status[CauseStatus.RULED_OUT].trigger()

    shown: list[str] = []

    def pick_reload(box: QMessageBox) -> int:
        shown.append(box.text())
        reload_button = next(b for b in box.buttons() if "Reload" in b.text())
        reload_button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", pick_reload)
    mine.save()
    assert shown
    assert "version 3" in shown[0]
    assert mine.graph.causes["C3"].status is CauseStatus.CONFIRMED
    assert not mine.isWindowModified()


# ------------------------------------------------------------------ pictures


def thirty_causes(graph: CauseGraph) -> CauseGraph:
    """A realistic 30-cause analysis over all four layers, with gates and long texts."""
    titles = [
        "Solder joint cracked under thermal cycling",
        JAPANESE,
        MARKUP,
        "Supplier changed the insulation material without approval",
        "納期圧力で検査を省略",
        "No rule for supplier change approval",
        EMOJI,
    ]
    layers = list(CauseLayer)
    statuses = list(CauseStatus)
    for number in range(1, 31):
        # A tree two causes wide per effect, four to five columns deep.
        effect = ROOT_ID if number <= 3 else f"C{(number - 2) // 2}"
        suffix = " — and a longer explanation that wraps over several lines" if number % 4 else ""
        graph = add(
            graph,
            f"C{number}",
            effect,
            title=titles[number % len(titles)] + suffix,
            layer=layers[min(3, (number - 1) // 8)],
            status=statuses[number % 4],
        )
    graph = graph_ops.set_gate(graph, ROOT_ID, ["C1", "C2"], GateKind.AND).graph
    return graph_ops.set_gate(graph, "C4", ["C10", "C11"], GateKind.OR).graph


@pytest.fixture
def japanese_font(qapp: QApplication) -> Iterator[None]:
    """The bundled Japanese font as the application's fallback, as the app installs it."""
    before = QFont(qapp.font())
    font_id = QFontDatabase.addApplicationFont(str(japanese_font_path()))
    font = QFont(before)
    font.setFamilies([before.family(), *QFontDatabase.applicationFontFamilies(font_id)])
    qapp.setFont(font)
    yield
    qapp.setFont(before)
    QFontDatabase.removeApplicationFont(font_id)


def dark_palette() -> QPalette:
    """A dark desktop theme."""
    palette = QPalette(QColor("#2b2b2b"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8e8e8"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3d6fb3"))
    return palette


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_thirty_cause_graph_is_drawn_readably(
    open_editor: OpenEditor,
    incident: IncidentRecord,
    store_graph: StoreGraph,
    japanese_font: None,
    theme: str,
) -> None:
    store_graph(thirty_causes)
    editor = open_editor(incident.reference)
    if theme == "dark":
        editor.setPalette(dark_palette())
    QApplication.processEvents()
    style = editor.scene.drawing_style
    for layer in CauseLayer:
        assert _contrast(style.text, style.fills[layer]) >= 7.0
        assert _contrast(style.layers[layer], style.base) >= 3.0
    boxes = [n.sceneBoundingRect() for n in editor.scene.nodes.values()]
    overlapping = [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a.adjusted(HANDLE_RADIUS, 4, -HANDLE_RADIUS, -4).intersects(b.adjusted(4, 4, -4, -4))
    ]
    assert not overlapping
    click(editor, "C2")
    ARTIFACTS.mkdir(exist_ok=True)
    assert editor.grab().save(str(ARTIFACTS / f"cause-graph-editor-{theme}.png"))
    editor.view.fit_all()
    QApplication.processEvents()
    assert editor.view.grab().save(str(ARTIFACTS / f"cause-graph-overview-{theme}.png"))


# ------------------------------------------------------------------ more gestures


def test_keyboard_alone_links_groups_and_navigates(
    open_editor: OpenEditor,
    incident: IncidentRecord,
    store_graph: StoreGraph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    key(editor, Qt.Key.Key_Down)  # starts at the incident
    assert editor.scene.selected_node_ids() == [ROOT_ID]
    key(editor, Qt.Key.Key_Right)  # to a cause of the incident
    assert editor.scene.selected_node_ids() in (["C1"], ["C3"])
    editor.scene.select_only(["C1"])
    key(editor, Qt.Key.Key_Right)  # to its cause
    assert editor.scene.selected_node_ids() == ["C2"]
    key(editor, Qt.Key.Key_Left)
    assert editor.scene.selected_node_ids() == ["C1"]
    nodes = editor.scene.nodes
    key(editor, Qt.Key.Key_Down if nodes["C3"].y() > nodes["C1"].y() else Qt.Key.Key_Up)
    assert editor.scene.selected_node_ids() == ["C3"]

    offered: list[list[str]] = []

    def choose(_parent: Any, _title: str, _label: str, items: list[str], *a: Any) -> Any:
        offered.append(items)
        return next(i for i in items if i.startswith("C2 ")), True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    key(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert offered == [["C1 — Solder joint cracked", "C2 — No thermal cycling test"]]
    assert CauseLink("C3", "C2") in editor.graph.links

    editor.scene.select_only(["C1", "C3"])
    key(editor, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    (gate,) = editor.graph.gates.values()
    assert (gate.effect, gate.kind, gate.causes) == (ROOT_ID, GateKind.AND, {"C1", "C3"})
    assert editor.scene.gates[gate.id].isVisible()
    editor.scene.select_only([gate.id])
    key(
        editor,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.graph.gates[gate.id].kind is GateKind.OR
    editor.scene.select_only(["C2"])
    key(editor, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # one cause is no group
    assert "two or more causes" in editor.notice.text()
    assert editor.undo_stack.count() == 3  # link, gate, gate kind: the refusal added none


def test_dragging_a_link_onto_empty_space_adds_a_cause_there(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    target = editor.scene.nodes["C3"].pos() + QPointF(0, 160)
    drag(editor, handle_of(editor, ROOT_ID), target)
    assert editor.scene.title_editor is not None
    type_text(editor.view, "Cord clamp loose")
    key(editor, Qt.Key.Key_Enter)
    new = editor.graph.causes["C4"]
    assert new.title == "Cord clamp loose"
    assert CauseLink(ROOT_ID, "C4") in editor.graph.links
    assert (new.x, new.y) == pytest.approx((target.x(), target.y()), abs=2)


def test_evidence_files_are_kept_for_a_saved_cause_and_listed(
    open_editor: OpenEditor,
    incident: IncidentRecord,
    store_graph: StoreGraph,
    tmp_path: Path,
) -> None:
    store_graph(chain_of_two)
    editor = open_editor(incident.reference)
    report = tmp_path / "熱サイクル試験 <1>.pdf"
    report.write_bytes(b"%PDF-1.4 thermal cycling results")
    click(editor, "C1")
    editor.files.add_evidence("C1", [report])

    (entry,) = editor.graph.causes["C1"].evidence
    assert entry.label == report.name
    assert entry.checksum == hashlib.sha256(report.read_bytes()).hexdigest()
    assert entry.added_by == "engineer"
    listed = editor.cause_panel.evidence_list.item(0)
    assert listed is not None
    assert listed.text().startswith(report.name)
    assert editor.isWindowModified()  # the entry in the graph is an edit to save
    editor.save()
    assert not editor.isWindowModified()


def test_the_8d_report_of_the_saved_analysis_is_printed_to_pdf(
    open_editor: OpenEditor, incident: IncidentRecord, store_graph: StoreGraph, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    title = f"{MARKUP} {JAPANESE}"
    store_graph(lambda g: add(chain_of_two(g), "C4", "C1", title=title))
    editor = open_editor(incident.reference)
    target = tmp_path / "8d.pdf"
    editor.print_report(target, preview=False)
    text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert f"8D report {incident.reference}" in text
    assert "Solder joint cracked" in text
    assert title in " ".join(text.split())
    assert "D4 Root causes" in text
    assert "8d.pdf" in editor.statusBar().currentMessage()


def test_a_second_add_while_typing_a_title_starts_afresh(
    open_editor: OpenEditor, incident: IncidentRecord
) -> None:
    editor = open_editor(incident.reference)
    key(editor, Qt.Key.Key_Right)
    key(editor, Qt.Key.Key_Insert)
    type_text(editor.view, "first thought")
    key(editor, Qt.Key.Key_Insert)  # changed their mind: a new title to type
    type_text(editor.view, "Cord strain relief missing")
    key(editor, Qt.Key.Key_Return)
    assert [c.title for c in editor.graph.causes.values()] == ["Cord strain relief missing"]
    assert editor.undo_stack.count() == 1

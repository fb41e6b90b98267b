"""Editing a cause graph: every edit undoes exactly, and refusals change nothing."""

from __future__ import annotations

from datetime import date

import pytest

from qa_desktop.analysis.graph_ops import (
    CauseGraph,
    GraphEditRefused,
    add_cause,
    add_countermeasure,
    add_yokoten,
    apply_patch,
    clear_layer_review,
    delete_cause,
    delete_countermeasure,
    edit_cause,
    integrity_problems,
    link_cause,
    move_nodes,
    new_graph,
    next_id,
    remove_gate,
    set_gate,
    set_layer_review,
    unlink_cause,
)
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseLink,
    CauseNode,
    CauseStatus,
    Countermeasure,
    GateKind,
    IncidentRoot,
    LayerReview,
    LayerVerdict,
    YokotenCandidate,
)
from qa_desktop.domain.errors import NotFound, ValidationFailed


def cause(cause_id: str, layer: CauseLayer = CauseLayer.TECHNICAL, **changes: object) -> CauseNode:
    fields: dict[str, object] = {"title": f"Cause {cause_id}", **changes}
    return CauseNode(cause_id, layer, **fields)  # type: ignore[arg-type]


def heater_fire() -> CauseGraph:
    """incident -> C1, C2 (AND gate); C1 -> C3; C2 -> C3; C3 -> C4; M1 removes C3; Y1 shares C3."""
    graph = new_graph(IncidentRoot("INC-2026-0042", "Heater caught fire", "FH-200"))
    graph = add_cause(graph, cause("C1"), effect=ROOT_ID).graph
    graph = add_cause(graph, cause("C2", CauseLayer.PROCESS), effect=ROOT_ID).graph
    graph = add_cause(graph, cause("C3", CauseLayer.FRAMEWORK), effect="C1").graph
    graph = link_cause(graph, "C2", "C3").graph
    graph = add_cause(graph, cause("C4", CauseLayer.MOTIVATION), effect="C3").graph
    graph = set_gate(graph, ROOT_ID, ["C1", "C2"], GateKind.AND).graph
    measure = Countermeasure("M1", "Torque audit", removes=frozenset({"C3", "C4"}))
    graph = add_countermeasure(graph, measure).graph
    return add_yokoten(graph, YokotenCandidate("Y1", product="FH-300", shared_cause="C3")).graph


def test_adding_a_cause_under_an_effect_links_it_in_one_undoable_step() -> None:
    graph = new_graph(IncidentRoot("INC-2026-0001", "Fan stopped"))
    edit = add_cause(graph, cause("C1"), effect=ROOT_ID)
    assert edit.graph.causes["C1"].title == "Cause C1"
    assert CauseLink(ROOT_ID, "C1") in edit.graph.links
    assert apply_patch(edit.graph, edit.undo).graph == graph


def test_deleting_a_cause_takes_its_links_and_undo_restores_them_exactly() -> None:
    graph = heater_fire()
    edit = delete_cause(graph, "C3")
    after = edit.graph
    assert "C3" not in after.causes
    assert not [link for link in after.links if "C3" in (link.effect, link.cause)]
    assert after.countermeasures["M1"].removes == frozenset({"C4"})
    assert after.yokoten["Y1"].shared_cause == ""
    assert integrity_problems(after) == []

    restored = apply_patch(after, edit.undo).graph
    assert restored == graph
    assert {CauseLink("C1", "C3"), CauseLink("C2", "C3"), CauseLink("C3", "C4")} <= restored.links
    assert restored.countermeasures["M1"].removes == frozenset({"C3", "C4"})
    assert restored.yokoten["Y1"].shared_cause == "C3"


def test_deleting_a_gated_cause_dissolves_a_gate_left_with_one_cause_and_undo_brings_it_back() -> (
    None
):
    graph = heater_fire()
    edit = delete_cause(graph, "C1")
    assert edit.graph.gates == {}
    assert apply_patch(edit.graph, edit.undo).graph.gates == graph.gates


def test_deleting_the_effect_of_a_gate_removes_the_gate() -> None:
    graph = heater_fire()
    graph = add_cause(graph, cause("C5"), effect="C3").graph
    graph = set_gate(graph, "C3", ["C4", "C5"], GateKind.OR, "G9").graph
    edit = delete_cause(graph, "C3")
    assert "G9" not in edit.graph.gates
    assert apply_patch(edit.graph, edit.undo).graph == graph


def test_a_link_that_would_close_a_cycle_is_refused_and_changes_nothing() -> None:
    graph = heater_fire()
    with pytest.raises(GraphEditRefused, match="cycle"):
        link_cause(graph, "C4", "C1")
    assert graph == heater_fire()
    assert integrity_problems(graph) == []


@pytest.mark.parametrize(
    ("effect", "cause_id", "error"),
    [
        ("C1", "C1", GraphEditRefused),  # a cause of itself
        ("C1", "C3", GraphEditRefused),  # already linked
        ("C1", "C99", NotFound),
        ("C99", "C1", NotFound),
        ("C1", ROOT_ID, NotFound),  # the incident is never a cause
    ],
)
def test_impossible_links_are_refused(effect: str, cause_id: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        link_cause(heater_fire(), effect, cause_id)


def test_unlinking_a_gated_cause_dissolves_the_gate_and_undo_restores_it() -> None:
    graph = heater_fire()
    edit = unlink_cause(graph, ROOT_ID, "C2")
    assert CauseLink(ROOT_ID, "C2") not in edit.graph.links
    assert edit.graph.gates == {}
    assert apply_patch(edit.graph, edit.undo).graph == graph


def test_a_gate_only_joins_causes_linked_to_its_effect() -> None:
    with pytest.raises(GraphEditRefused, match="C3 is not linked"):
        set_gate(heater_fire(), ROOT_ID, ["C1", "C3"], GateKind.OR)
    with pytest.raises(ValidationFailed, match="at least two"):
        set_gate(heater_fire(), ROOT_ID, ["C1"], GateKind.OR)


def test_a_cause_moved_to_a_new_gate_leaves_its_old_one() -> None:
    graph = heater_fire()
    graph = add_cause(graph, cause("C5"), effect=ROOT_ID).graph
    edit = set_gate(graph, ROOT_ID, ["C2", "C5"], GateKind.OR)
    gates = edit.graph.gates
    assert [(g.kind, g.causes) for g in gates.values()] == [
        (GateKind.OR, frozenset({"C2", "C5"}))
    ]
    assert apply_patch(edit.graph, edit.undo).graph == graph
    assert remove_gate(graph, "G1").graph.gates == {}


def test_an_undo_patch_applied_twice_is_refused() -> None:
    graph = heater_fire()
    edit = delete_cause(graph, "C4")
    undone = apply_patch(edit.graph, edit.undo)
    with pytest.raises(GraphEditRefused):
        apply_patch(undone.graph, edit.undo)
    assert apply_patch(undone.graph, undone.undo).graph == edit.graph  # redo


def test_cause_fields_are_validated_at_the_limits() -> None:
    graph = heater_fire()
    longest = cause("C1", description="説" * 2_000)
    assert edit_cause(graph, longest).graph.causes["C1"].description == "説" * 2_000
    with pytest.raises(ValidationFailed, match="2,001 characters; the limit is 2,000"):
        edit_cause(graph, cause("C1", description="x" * 2_001))
    with pytest.raises(ValidationFailed, match="single line"):
        edit_cause(graph, cause("C1", title="two\nlines"))
    with pytest.raises(ValidationFailed, match="cannot be stored"):
        edit_cause(graph, cause("C1", description="bell\x07"))
    with pytest.raises(ValidationFailed, match="must not be empty"):
        edit_cause(graph, cause("C1", title="  "))


def test_ids_are_unique_across_causes_countermeasures_and_candidates() -> None:
    graph = heater_fire()
    with pytest.raises(GraphEditRefused, match="M1 is already used"):
        add_cause(graph, cause("M1"))
    with pytest.raises(ValidationFailed, match="reserved"):
        add_cause(graph, cause(ROOT_ID))
    assert next_id(graph, "C") == "C5"
    assert next_id(graph, "G") == "G2"


def test_a_countermeasure_names_only_causes_that_exist() -> None:
    with pytest.raises(NotFound, match="C9"):
        add_countermeasure(heater_fire(), Countermeasure("M2", "Guard", removes=frozenset({"C9"})))
    edit = delete_countermeasure(heater_fire(), "M1")
    assert "M1" not in edit.graph.countermeasures
    assert apply_patch(edit.graph, edit.undo).graph == heater_fire()


def test_moving_nodes_saves_positions_and_undo_clears_them() -> None:
    graph = heater_fire()
    edit = move_nodes(graph, {ROOT_ID: (0.0, 0.0), "C1": (280.0, -50.5)})
    assert (edit.graph.causes["C1"].x, edit.graph.causes["C1"].y) == (280.0, -50.5)
    assert (edit.graph.incident.x, edit.graph.incident.y) == (0.0, 0.0)
    assert apply_patch(edit.graph, edit.undo).graph.causes["C1"].x is None
    with pytest.raises(ValidationFailed):
        move_nodes(graph, {"C1": (float("nan"), 0.0)})


def test_layer_reviews_are_recorded_and_cleared() -> None:
    review = LayerReview(CauseLayer.MOTIVATION, LayerVerdict.NOT_APPLICABLE, "Automated line")
    graph = set_layer_review(heater_fire(), review).graph
    assert graph.reviews[CauseLayer.MOTIVATION] == review
    assert clear_layer_review(graph, CauseLayer.MOTIVATION).graph == heater_fire()
    with pytest.raises(NotFound):
        clear_layer_review(heater_fire(), CauseLayer.PROCESS)


def test_an_uninvestigated_cause_reads_as_a_question_mark() -> None:
    assert CauseStatus("?") is CauseStatus.UNKNOWN
    assert CauseStatus.UNKNOWN.symbol == "?"
    assert cause("C1", identified_on=date(2026, 4, 1)).status is CauseStatus.UNKNOWN


def test_applying_a_yokoten_candidate_opens_a_follow_up_that_holds_closure() -> None:
    from qa_desktop.analysis.closure import missing_for_closure
    from qa_desktop.analysis.graph_ops import decide_yokoten
    from qa_desktop.domain.cause_graph import YokotenDecision

    graph = heater_fire()
    edit = decide_yokoten(graph, "Y1", YokotenDecision.APPLY, "same heater element")
    after = edit.graph
    assert after.yokoten["Y1"].decision is YokotenDecision.APPLY
    (follow_up,) = [m for m in after.countermeasures.values() if m.id not in graph.countermeasures]
    assert follow_up.removes == frozenset({"C3"})
    assert "FH-300" in follow_up.title
    assert any(follow_up.id in gap for gap in missing_for_closure(after))  # check not passed yet
    assert apply_patch(after, edit.undo).graph == graph


def test_skipping_a_yokoten_candidate_opens_nothing() -> None:
    from qa_desktop.analysis.graph_ops import decide_yokoten
    from qa_desktop.domain.cause_graph import YokotenDecision

    graph = heater_fire()
    after = decide_yokoten(graph, "Y1", YokotenDecision.SKIP, "different element").graph
    assert after.countermeasures == graph.countermeasures
    assert after.yokoten["Y1"].reason == "different element"

"""One incident's analysis through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from qa_desktop.analysis.graph_ops import CauseGraph, add_cause, edit_cause, set_layer_review
from qa_desktop.analysis.interchange import GraphFileRefused
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseLink,
    CauseNode,
    CauseStatus,
    CheckResult,
    LayerReview,
    LayerVerdict,
    YokotenDecision,
)
from qa_desktop.domain.errors import (
    AuthenticationFailed,
    ConflictError,
    NotFound,
    PermissionDenied,
    QaError,
    ReasonRequired,
    ValidationFailed,
)
from qa_desktop.persistence.analysis_store import cause_analysis_facts
from qa_desktop.persistence.models import Incident
from qa_desktop.services.analyses import ClosureRefused
from qa_desktop.services.analysis_facade import AnalysisServices
from qa_desktop.services.analysis_results import AnalysisStatus
from tests.conftest import PASSWORD, make_draft
from tests.integration.analysis_samples import (
    CORD,
    FRAMEWORK_RULE,
    LONG_DESCRIPTION,
    TRICKY,
    complete_analysis,
    with_status,
)

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@pytest.fixture
def analysis(services):  # type: ignore[no-untyped-def]
    """The analysis services over the same database, with a fixed clock."""
    return AnalysisServices(services.database, lambda: NOW, services.accounts)


def _incident(services, people, **changes) -> str:  # type: ignore[no-untyped-def]
    return services.incidents.create(people["engineer"], make_draft(**changes)).reference


def _closable(analysis, people, reference: str):  # type: ignore[no-untyped-def]
    engineer = people["engineer"]
    record = analysis.analyses.load(engineer, reference)
    return analysis.analyses.save(
        engineer, reference, complete_analysis(record.graph), record.version
    )


def test_opening_an_incident_creates_an_empty_draft_once(services, people, analysis) -> None:
    reference = _incident(services, people, title="Dryer smokes / 乾燥機から発煙")
    first = analysis.analyses.load(people["engineer"], reference)
    again = analysis.analyses.load(people["head"], reference)
    assert (first.version, first.status, again.version) == (1, AnalysisStatus.DRAFT, 1)
    assert first.graph.incident.reference == reference
    assert first.graph.incident.title == "Dryer smokes / 乾燥機から発煙"
    assert not first.graph.causes
    assert first.signature is None
    assert [e.action for e in analysis.analyses.history(people["head"], reference)] == ["create"]


def test_a_manager_sees_an_empty_analysis_without_anything_being_written(
    services, people, analysis
) -> None:
    reference = _incident(services, people)
    shown = analysis.analyses.load(people["manager"], reference)
    assert shown.version == 0
    assert not shown.graph.causes
    assert analysis.analyses.history(people["manager"], reference) == []
    with pytest.raises(PermissionDenied):
        analysis.analyses.save(people["manager"], reference, shown.graph, 0)


def test_text_positions_and_structure_survive_save_and_reload_exactly(
    services, people, analysis
) -> None:
    reference = _incident(services, people)
    saved = _closable(analysis, people, reference)
    reloaded = analysis.analyses.load(people["manager"], reference)
    assert saved.version == 2
    assert reloaded.graph == saved.graph
    assert reloaded.graph.causes["C1"].description == LONG_DESCRIPTION
    assert reloaded.graph.causes["C2"].description == TRICKY
    assert reloaded.graph.countermeasures["M1"].description == TRICKY
    assert (reloaded.graph.causes["C1"].x, reloaded.graph.causes["C1"].y) == (280.0, -50.5)
    assert reloaded.graph.gates["G1"].causes == frozenset({"C1", "C4"})


def test_the_incident_node_always_shows_the_incident_record(services, people, analysis) -> None:
    reference = _incident(services, people, title="Heater cord overheats")
    record = analysis.analyses.load(people["engineer"], reference)
    renamed = replace(
        record.graph, incident=replace(record.graph.incident, title="Other", x=5.0, y=6.0)
    )
    saved = analysis.analyses.save(people["engineer"], reference, renamed, record.version)
    assert saved.graph.incident.title == "Heater cord overheats"
    assert (saved.graph.incident.x, saved.graph.incident.y) == (5.0, 6.0)


def test_a_stale_save_is_refused_and_keeps_the_other_persons_work(
    services, people, analysis
) -> None:
    reference = _incident(services, people)
    opened = analysis.analyses.load(people["engineer"], reference)
    theirs = add_cause(
        opened.graph, CauseNode("C1", CauseLayer.TECHNICAL, "Theirs"), effect=ROOT_ID
    )
    analysis.analyses.save(people["head"], reference, theirs.graph, opened.version)
    mine = add_cause(opened.graph, CauseNode("C1", CauseLayer.PROCESS, "Mine"), effect=ROOT_ID)
    with pytest.raises(ConflictError) as refused:
        analysis.analyses.save(people["engineer"], reference, mine.graph, opened.version)
    assert refused.value.current_version == 2
    assert (
        analysis.analyses.load(people["engineer"], reference).graph.causes["C1"].title == "Theirs"
    )


def test_a_cycle_or_a_dangling_link_is_refused_before_anything_changes(
    services, people, analysis
) -> None:
    reference = _incident(services, people)
    record = _closable(analysis, people, reference)
    cyclic = replace(record.graph, links=record.graph.links | {CauseLink("C3", "C1")})
    with pytest.raises(ValidationFailed, match="cycle"):
        analysis.analyses.save(people["engineer"], reference, cyclic, record.version)
    dangling = replace(record.graph, links=record.graph.links | {CauseLink("C3", "C99")})
    with pytest.raises(ValidationFailed, match="does not exist"):
        analysis.analyses.save(people["engineer"], reference, dangling, record.version)
    assert analysis.analyses.load(people["engineer"], reference) == record


def test_every_save_is_audited_element_by_element(services, people, analysis) -> None:
    reference = _incident(services, people)
    record = _closable(analysis, people, reference)
    confirmed = edit_cause(record.graph, replace(record.graph.causes["C4"], title="腐食 <b>"))
    analysis.analyses.save(people["head"], reference, confirmed.graph, record.version)
    last = analysis.analyses.history(people["manager"], reference)[-1]
    assert (last.actor, last.action, last.field, last.at) == ("head", "update", "cause", NOW)
    assert json.loads(last.old_value or "")["title"] == "Plug contact corrosion"
    assert json.loads(last.new_value or "")["title"] == "腐食 <b>"
    unchanged = analysis.analyses.save(
        people["head"], reference, confirmed.graph, record.version + 1
    )
    assert unchanged.version == record.version + 1  # saving the same graph writes nothing


def test_closure_lists_exactly_what_is_missing(services, people, analysis) -> None:
    reference = _incident(services, people)
    record = _closable(analysis, people, reference)
    open_graph = with_status(record.graph, "C2", CauseStatus.HYPOTHESIS)
    open_graph = replace(
        open_graph,
        countermeasures={
            "M1": replace(
                open_graph.countermeasures["M1"],
                check=replace(open_graph.countermeasures["M1"].check, result=CheckResult.PENDING),
            )
        },
        yokoten={"Y1": replace(open_graph.yokoten["Y1"], decision=YokotenDecision.UNDECIDED)},
    )
    analysis.analyses.save(people["engineer"], reference, open_graph, record.version)
    gaps = analysis.analyses.check_closure(people["manager"], reference)
    assert gaps == [
        "The process layer has no confirmed cause and is not marked not applicable.",
        "Cause C2 “Supplier change not inspected <受入検査なし>” is an unresolved hypothesis.",
        "Countermeasure M1 “Supplier changes need QA approval” has not passed its "
        "effectiveness check (pending).",
        "Yokoten candidate Y1 (Fan heater / FH-3 / Home appliances) has no decision.",
    ]
    with pytest.raises(ClosureRefused) as refused:
        analysis.analyses.close(people["head"], reference, PASSWORD, "approved")
    assert refused.value.gaps == gaps
    assert analysis.analyses.load(people["head"], reference).status is AnalysisStatus.DRAFT


def test_the_qa_head_signs_the_closed_analysis(services, people, analysis) -> None:
    reference = _incident(services, people)
    saved = _closable(analysis, people, reference)
    assert analysis.analyses.check_closure(people["engineer"], reference) == []
    with pytest.raises(PermissionDenied):
        analysis.analyses.close(people["engineer"], reference, PASSWORD, "approved")
    with pytest.raises(AuthenticationFailed):
        analysis.analyses.close(people["head"], reference, "wrong password", "approved")
    closed = analysis.analyses.close(people["head"], reference, PASSWORD, "approved")
    assert closed.status is AnalysisStatus.CLOSED
    assert closed.version == saved.version + 1
    signature = closed.signature
    assert signature is not None
    assert signature.valid
    assert (signature.signer_name, signature.meaning.value, signature.signed_at) == (
        "Hiro Head",
        "approved",
        NOW,
    )
    assert analysis.analyses.load(people["manager"], reference).signature == signature
    with pytest.raises(QaError, match="closed already"):
        analysis.analyses.close(people["head"], reference, PASSWORD, "approved")


def test_changing_a_closed_analysis_needs_a_reason_and_reopens_it(
    services, people, analysis
) -> None:
    reference = _incident(services, people)
    _closable(analysis, people, reference)
    closed = analysis.analyses.close(people["head"], reference, PASSWORD, "approved")
    changed = edit_cause(closed.graph, replace(closed.graph.causes["C5"], title="Overload"))
    with pytest.raises(ReasonRequired):
        analysis.analyses.save(people["engineer"], reference, changed.graph, closed.version)
    reopened = analysis.analyses.save(
        people["engineer"], reference, changed.graph, closed.version, reason="Typo in C5"
    )
    assert reopened.status is AnalysisStatus.DRAFT
    assert reopened.signature is None
    history = analysis.analyses.history(people["head"], reference)
    assert [(e.action, e.reason) for e in history[-2:]] == [
        ("update", "Typo in C5"),
        ("reopen", "Typo in C5"),
    ]


def test_the_flow_guard_reads_closed_and_verified(services, people, analysis) -> None:
    reference = _incident(services, people)
    _closable(analysis, people, reference)

    def facts() -> tuple[bool, bool]:
        def work(session) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
            incident_id = session.query(Incident.id).filter_by(reference=reference).scalar()
            return cause_analysis_facts(session, incident_id)

        return services.database.read(work)

    assert facts() == (False, True)
    analysis.analyses.close(people["head"], reference, PASSWORD, "approved")
    assert facts() == (True, True)


def test_evidence_files_are_kept_per_cause_with_their_checksum(services, people, analysis) -> None:
    reference = _incident(services, people)
    saved = _closable(analysis, people, reference)
    content = "測定結果 <b>&amp;</b>\n".encode() * 100
    view = analysis.analyses.add_evidence(
        people["engineer"], reference, "C1", "温度測定 report.csv", content
    )
    shown, data = analysis.analyses.evidence_content(people["manager"], view.id)
    assert data == content
    assert shown == view
    assert view.cause_id == "C1"
    record = analysis.analyses.load(people["manager"], reference)
    assert record.version == saved.version  # the editor's copy is still current
    assert record.evidence_for("C1") == (view,)
    with pytest.raises(NotFound, match="save the analysis first"):
        analysis.analyses.add_evidence(people["engineer"], reference, "C9", "a.txt", b"x")
    with pytest.raises(ValidationFailed):
        analysis.analyses.add_evidence(people["engineer"], reference, "C1", "../a.txt", b"x")


@pytest.mark.parametrize("fmt", ["graphml", "dot", "json"])
def test_export_and_import_through_the_service_lose_nothing(
    services, people, analysis, fmt: str
) -> None:
    source = _incident(services, people)
    target = _incident(services, people)
    exported = analysis.analyses.export(people["manager"], source, fmt)
    assert exported  # an empty analysis exports too
    saved = _closable(analysis, people, source)
    data = analysis.analyses.export(people["manager"], source, fmt)
    imported = analysis.analyses.import_(people["engineer"], target, data, fmt)
    assert imported.graph.incident.reference == target
    assert replace(imported.graph, incident=saved.graph.incident) == saved.graph
    assert analysis.analyses.history(people["engineer"], target)[-1].action == "import"


def test_a_refused_import_changes_nothing(services, people, analysis) -> None:
    reference = _incident(services, people)
    before = _closable(analysis, people, reference)
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
        b"<node id='incident'/></graph></graphml>"
    )
    with pytest.raises(GraphFileRefused, match="DTD"):
        analysis.analyses.import_(people["engineer"], reference, hostile, "graphml")
    data = json.loads(analysis.analyses.export(people["engineer"], reference, "json"))
    data["edges"].append({"source": "C3", "target": "C1", "kind": "caused_by"})
    with pytest.raises(GraphFileRefused, match="cycle"):
        analysis.analyses.import_(people["engineer"], reference, json.dumps(data).encode(), "json")
    data["edges"].pop()
    data["nodes"][1]["layer"] = "spiritual"
    with pytest.raises(GraphFileRefused, match="unknown layer 'spiritual'"):
        analysis.analyses.import_(people["engineer"], reference, json.dumps(data).encode(), "json")
    with pytest.raises(QaError, match="not a cause-graph format"):
        analysis.analyses.import_(people["engineer"], reference, b"{}", "xlsx")
    assert analysis.analyses.load(people["engineer"], reference) == before


def test_yokoten_proposes_other_products_sharing_a_confirmed_cause_or_the_component(
    services, people, analysis
) -> None:
    engineer = people["engineer"]
    reference = _incident(services, people, product_name="Oil heater OH-12", model="OH-12B")
    _closable(analysis, people, reference)
    fan = _incident(  # already a candidate
        services, people, product_name="Fan heater", model="FH-3", business_unit="Home appliances"
    )
    kettle = _incident(
        services, people, product_name="Kettle", model="KT-1", business_unit="Kitchen"
    )
    dryer = _incident(services, people, product_name="Hair dryer", model="HD-9")
    same_product = _incident(services, people, product_name="Oil heater OH-12", model="OH-12B")
    for other, cause in (
        (fan, CauseNode("C1", CauseLayer.FRAMEWORK, FRAMEWORK_RULE, CauseStatus.CONFIRMED)),
        (
            kettle,
            CauseNode(
                "C1",
                CauseLayer.FRAMEWORK,
                "  no RULE for supplier change  approval ",
                CauseStatus.CONFIRMED,
            ),
        ),
        (
            dryer,
            CauseNode(
                "C7",
                CauseLayer.TECHNICAL,
                "Cord pinched",
                CauseStatus.HYPOTHESIS,
                component="Power Cord",
            ),
        ),
        (
            same_product,
            CauseNode("C1", CauseLayer.FRAMEWORK, FRAMEWORK_RULE, CauseStatus.CONFIRMED),
        ),
    ):
        record = analysis.analyses.load(engineer, other)
        analysis.analyses.save(
            engineer, other, add_cause(record.graph, cause, effect=ROOT_ID).graph, 1
        )
    proposals = analysis.analyses.yokoten_proposals(engineer, reference)
    assert [(p.id, p.product, p.model, p.business_unit) for p in proposals] == [
        ("Y2", "Hair dryer", "HD-9", ""),
        ("Y3", "Kettle", "KT-1", "Kitchen"),
    ]
    dryer_proposal, kettle_proposal = proposals
    assert (dryer_proposal.shared_cause, dryer_proposal.shared_component) == ("", CORD)
    assert (kettle_proposal.shared_cause, kettle_proposal.shared_component) == ("C3", "")
    assert all(p.decision is YokotenDecision.UNDECIDED for p in proposals)


def test_overdue_countermeasures_reach_the_deadlines_view(services, people, analysis) -> None:
    done = _incident(services, people)
    late = _incident(services, people, title="Late one")
    _closable(analysis, people, done)
    record = analysis.analyses.load(people["engineer"], late)
    graph = complete_analysis(record.graph, measure_result=CheckResult.FAILED)
    analysis.analyses.save(people["engineer"], late, graph, record.version)
    overdue = analysis.analyses.overdue_countermeasures(people["manager"])
    assert [(o.reference, o.measure_id, o.due_on, o.days_overdue) for o in overdue] == [
        (late, "M1", date(2026, 6, 30), 149)
    ]
    assert overdue[0].check_result is CheckResult.FAILED
    assert overdue[0].incident_title == "Late one"
    early = datetime(2026, 6, 30, tzinfo=UTC)
    assert analysis.analyses.overdue_countermeasures(people["manager"], early) == []


def test_layer_review_not_applicable_needs_its_reason_to_close(services, people, analysis) -> None:
    reference = _incident(services, people)
    record = _closable(analysis, people, reference)
    graph: CauseGraph = set_layer_review(
        record.graph, LayerReview(CauseLayer.MOTIVATION, LayerVerdict.NOT_APPLICABLE, "")
    ).graph
    analysis.analyses.save(people["engineer"], reference, graph, record.version)
    assert analysis.analyses.check_closure(people["head"], reference) == [
        "The motivation layer is marked not applicable without a reason."
    ]

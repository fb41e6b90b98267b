"""Sample analyses for the analysis tests: a complete one that may be closed, and parts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from qa_desktop.analysis.graph_ops import (
    CauseGraph,
    add_cause,
    add_countermeasure,
    add_yokoten,
    link_cause,
    move_nodes,
    set_gate,
    set_layer_review,
)
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
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

#: Text a user may type: Japanese, markup characters, an emoji, line breaks and tabs.
TRICKY = 'コードが<b>過熱</b> &amp; "smoke" 🔥 \\n\n\tline two'
#: A description at the 2,000-character limit, markup included.
LONG_DESCRIPTION = ("発火<i>&amp;</i> 0123456789 " * 100)[:2_000]

CORD = "power cord"
FRAMEWORK_RULE = "No rule for supplier change approval"


def complete_analysis(
    graph: CauseGraph, *, measure_result: CheckResult = CheckResult.PASSED
) -> CauseGraph:
    """*graph* (an empty analysis) filled in so that every closing rule is met."""
    causes = [
        CauseNode(
            "C1",
            CauseLayer.TECHNICAL,
            "Cord insulation melted / コードの絶縁が溶けた",
            CauseStatus.CONFIRMED,
            description=LONG_DESCRIPTION,
            owner="engineer",
            component=CORD,
            failure_mode="insulation melting",
            identified_on=date(2026, 3, 2),
        ),
        CauseNode(
            "C2",
            CauseLayer.PROCESS,
            "Supplier change not inspected <受入検査なし>",
            CauseStatus.CONFIRMED,
            description=TRICKY,
        ),
        CauseNode("C3", CauseLayer.FRAMEWORK, FRAMEWORK_RULE, CauseStatus.CONFIRMED),
        CauseNode("C4", CauseLayer.TECHNICAL, "Plug contact corrosion", CauseStatus.RULED_OUT),
        CauseNode("C5", CauseLayer.TECHNICAL, "Overload by the user", CauseStatus.RULED_OUT),
    ]
    graph = add_cause(graph, causes[0], effect=ROOT_ID).graph
    graph = add_cause(graph, causes[1], effect="C1").graph
    graph = add_cause(graph, causes[2], effect="C2").graph
    graph = add_cause(graph, causes[3], effect=ROOT_ID).graph
    graph = add_cause(graph, causes[4], effect=ROOT_ID).graph
    graph = link_cause(graph, "C4", "C5").graph
    graph = set_gate(graph, ROOT_ID, ["C1", "C4"], GateKind.OR).graph
    check = EffectivenessCheck(
        "No cord failure in 6 months / 6か月間不具合なし", date(2026, 9, 1), measure_result
    )
    graph = add_countermeasure(
        graph,
        Countermeasure(
            "M1",
            "Supplier changes need QA approval",
            owner="head",
            due_on=date(2026, 6, 30),
            step=RiskReductionStep.SAFEGUARD,
            check=check,
            removes=frozenset({"C3"}),
            description=TRICKY,
        ),
    ).graph
    graph = add_yokoten(
        graph,
        YokotenCandidate(
            "Y1",
            product="Fan heater",
            model="FH-3",
            business_unit="Home appliances",
            shared_cause="C3",
            decision=YokotenDecision.SKIP,
            reason="Different cord supplier / 別の仕入先",
        ),
    ).graph
    graph = set_layer_review(
        graph,
        LayerReview(CauseLayer.MOTIVATION, LayerVerdict.NOT_APPLICABLE, "No time pressure found"),
    ).graph
    return move_nodes(
        graph, {ROOT_ID: (0.0, 0.0), "C1": (280.0, -50.5), "C2": (560.0, 12.25)}
    ).graph


def with_status(graph: CauseGraph, cause_id: str, status: CauseStatus) -> CauseGraph:
    """*graph* with one cause's status changed."""
    cause = replace(graph.causes[cause_id], status=status)
    return replace(graph, causes={**graph.causes, cause_id: cause})

"""Learning across analyses: search, similar past incidents and recurring causes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from qa_desktop.analysis.graph_ops import add_cause, add_countermeasure
from qa_desktop.analysis.recurrence import (
    IncidentTerms,
    PastAnalysis,
    RecurrenceBasis,
    similar_incidents,
)
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseNode,
    CauseStatus,
    Countermeasure,
)
from qa_desktop.domain.errors import ValidationFailed
from qa_desktop.services.analysis_facade import AnalysisServices
from tests.conftest import make_draft

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@pytest.fixture
def analysis(services):  # type: ignore[no-untyped-def]
    """The analysis services over the same database."""
    return AnalysisServices(services.database, lambda: NOW, services.accounts)


def _analysed(services, people, analysis, causes, *, year=2024, measures=(), **incident):  # type: ignore[no-untyped-def]
    """An incident of *year* with an analysis holding *causes* (each linked to the incident)."""
    engineer = people["engineer"]
    occurred = datetime(year, 5, 1, tzinfo=UTC)
    reference = services.incidents.create(
        engineer, make_draft(occurred_at=occurred, **incident)
    ).reference
    record = analysis.analyses.load(engineer, reference)
    graph = record.graph
    for cause in causes:
        graph = add_cause(graph, cause, effect=ROOT_ID).graph
    for measure in measures:
        graph = add_countermeasure(graph, measure).graph
    analysis.analyses.save(engineer, reference, graph, record.version)
    return reference


def _cause(cause_id: str, layer: CauseLayer, title: str, status=CauseStatus.CONFIRMED, **more):  # type: ignore[no-untyped-def]
    return CauseNode(cause_id, layer, title, status, **more)


@pytest.fixture
def history(services, people, analysis):  # type: ignore[no-untyped-def]
    """Four past analyses across products and years, and a new incident without causes."""
    rule = "No rule for supplier change approval"
    refs = {
        "heater": _analysed(
            services,
            people,
            analysis,
            [
                _cause(
                    "C1",
                    CauseLayer.TECHNICAL,
                    "Cord insulation melted",
                    component="Power cord",
                    failure_mode="Melting",
                    description="コードの被覆が 発火 した",
                ),
                _cause("C2", CauseLayer.FRAMEWORK, rule),
                _cause("C3", CauseLayer.PROCESS, "Bad crimping tool", CauseStatus.RULED_OUT),
            ],
            measures=[Countermeasure("M1", "Approve supplier changes", removes=frozenset({"C2"}))],
            year=2019,
            product_name="Oil heater OH-12",
            title="Oil heater cord melted",
        ),
        "dryer": _analysed(
            services,
            people,
            analysis,
            [
                _cause("C1", CauseLayer.TECHNICAL, "電源コードの発火", component="POWER CORD"),
                _cause("C2", CauseLayer.FRAMEWORK, "no rule for  supplier change approval"),
            ],
            year=2022,
            product_name="Hair dryer HD-9",
            title="ドライヤーのコードから発火",
        ),
        "drill": _analysed(
            services,
            people,
            analysis,
            [
                _cause(
                    "C1",
                    CauseLayer.TECHNICAL,
                    "Gear teeth sheared",
                    component="Gearbox",
                    failure_mode="Fracture",
                ),
                _cause("C2", CauseLayer.FRAMEWORK, rule.upper()),
                _cause("C3", CauseLayer.MOTIVATION, "Schedule pressure", CauseStatus.HYPOTHESIS),
            ],
            year=2024,
            product_name="Power drill PD-4",
            title="Drill gearbox breaks",
        ),
        "fridge": _analysed(
            services,
            people,
            analysis,
            [_cause("C1", CauseLayer.PROCESS, "Door seal glued badly", component="Door seal")],
            year=2025,
            product_name="冷蔵庫 RF-2",
            title="冷蔵庫の扉が閉まらない",
        ),
    }
    refs["new"] = services.incidents.create(
        people["engineer"],
        make_draft(
            product_name="Oil heater OH-12",
            title="Heater cord melted and smoked",
            description="発火 near the plug",
        ),
    ).reference
    return refs


def test_search_by_product_component_failure_mode_text_and_layer(history, people, analysis) -> None:
    lessons, manager = analysis.lessons, people["manager"]

    def found(**filters) -> list[tuple[str, list[str]]]:  # type: ignore[no-untyped-def]
        return [
            (h.reference, [c.cause_id for c in h.causes])
            for h in lessons.search(manager, **filters)
        ]

    # Causes are listed by layer: technical, process, framework, motivation.
    assert found(product="heater") == [(history["heater"], ["C1", "C3", "C2"])]
    assert found(component="power cord") == [
        (history["dryer"], ["C1"]),
        (history["heater"], ["C1"]),
    ]
    assert found(failure_mode="fract") == [(history["drill"], ["C1"])]
    assert found(text="発火") == [(history["dryer"], ["C1"]), (history["heater"], ["C1"])]
    assert found(text="supplier APPROVAL", layer="framework") == [
        (history["drill"], ["C2"]),
        (history["dryer"], ["C2"]),
        (history["heater"], ["C2"]),
    ]
    assert found(text="supplier", layer=CauseLayer.TECHNICAL) == []
    assert found(product="冷蔵庫")[0][0] == history["fridge"]
    assert found(text="100%_") == []  # LIKE wildcards are matched literally
    with pytest.raises(ValidationFailed):
        lessons.search(manager, layer="spiritual")


def test_similar_incidents_rank_as_the_analysis_model_does(history, people, analysis) -> None:
    manager = people["manager"]
    shown = analysis.lessons.similar_incidents(manager, history["new"])
    assert [s.reference for s in shown][:2] == [history["heater"], history["dryer"]]
    assert history["new"] not in [s.reference for s in shown]
    heater = shown[0]
    assert "same product Oil heater OH-12" in heater.reasons
    assert [c.id for c in heater.confirmed_causes] == ["C1", "C2"]
    assert [m.id for m in heater.countermeasures] == ["M1"]
    # The same ranking and scores as the pure model computed over every past analysis.
    past = [
        PastAnalysis(r, g.incident.product, y, g)
        for r, y in (
            (history[k], y)
            for k, y in (("heater", 2019), ("dryer", 2022), ("drill", 2024), ("fridge", 2025))
        )
        for g in [analysis.analyses.load(manager, r).graph]
    ]
    new = analysis.analyses.load(manager, history["new"])
    terms = IncidentTerms(
        product="Oil heater OH-12",
        text="\n".join(["Heater cord melted and smoked", "発火 near the plug"]),
    )
    expected = similar_incidents(terms, past)
    assert not new.graph.causes
    assert [(s.reference, s.score, s.reasons) for s in shown] == [
        (e.reference, e.score, e.reasons) for e in expected
    ]


def test_similar_incidents_use_the_analysis_found_so_far(history, people, analysis) -> None:
    engineer = people["engineer"]
    record = analysis.analyses.load(engineer, history["new"])
    graph = add_cause(
        record.graph,
        _cause(
            "C1", CauseLayer.TECHNICAL, "Gear wear", component="gearbox", failure_mode="fracture"
        ),
        effect=ROOT_ID,
    ).graph
    analysis.analyses.save(engineer, history["new"], graph, record.version)
    shown = analysis.lessons.similar_incidents(engineer, history["new"])
    drill = next(s for s in shown if s.reference == history["drill"])
    assert {"shared component gearbox", "shared failure mode fracture"} <= set(drill.reasons)


def test_recurring_causes_span_products_and_years(history, people, analysis) -> None:
    groups = analysis.lessons.recurring_causes(people["manager"])
    top = groups[0]
    assert (top.basis, top.layer, top.incident_count, top.product_count, top.years) == (
        RecurrenceBasis.TEXT,
        CauseLayer.FRAMEWORK,
        3,
        3,
        (2019, 2022, 2024),
    )
    assert {o.reference for o in top.occurrences} == {
        history["heater"],
        history["dryer"],
        history["drill"],
    }
    cords = [g for g in groups if g.basis is RecurrenceBasis.COMPONENT]
    assert [(g.key, g.incident_count) for g in cords] == [("power cord", 2)]
    assert all(g.incident_count >= 2 for g in groups)  # one-off causes are not "recurring"
    assert analysis.lessons.recurring_causes(people["manager"], limit=1) == [top]

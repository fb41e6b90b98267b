"""Across incidents: causes that recur across products and years, and similar past incidents."""

from __future__ import annotations

import random

import pytest

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.analysis.recurrence import (
    IncidentTerms,
    PastAnalysis,
    RecurrenceBasis,
    document_terms,
    normalise_text,
    recurring_causes,
    search_terms,
    similar_incidents,
)
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseLink,
    CauseNode,
    CauseStatus,
    IncidentRoot,
)

CONFIRMED = CauseStatus.CONFIRMED


def analysis(
    reference: str, product: str, year: int, title: str, *causes: CauseNode
) -> PastAnalysis:
    links = frozenset(CauseLink(ROOT_ID, c.id) for c in causes)
    graph = CauseGraph(IncidentRoot(reference, title), {c.id: c for c in causes}, links)
    return PastAnalysis(reference, product, year, graph)


def framework(cause_id: str, title: str, status: CauseStatus = CONFIRMED) -> CauseNode:
    return CauseNode(cause_id, CauseLayer.FRAMEWORK, title, status)


def technical(cause_id: str, title: str, component: str = "", mode: str = "") -> CauseNode:
    return CauseNode(cause_id, CauseLayer.TECHNICAL, title, CONFIRMED, component=component,
                     failure_mode=mode)


PAST = [
    analysis("INC-2019-0003", "FH-200 heater", 2019, "Heater fire",
             technical("C1", "Terminal screw loosened", "terminal block", "loosening"),
             framework("C2", "No rule for supplier change approval")),
    analysis("INC-2021-0017", "AC-5 air conditioner", 2021, "Fan stopped",
             technical("C1", "Fan bearing seized", "fan motor", "seizure"),
             framework("C7", "no rule for  supplier change approval")),
    analysis("INC-2024-0102", "BT-9 charger", 2024, "Charger swelled",
             technical("C4", "Cell separator thin", "battery cell", "short circuit"),
             framework("C3", "ＮＯ ＲＵＬＥ ＦＯＲ ＳＵＰＰＬＩＥＲ ＣＨＡＮＧＥ ＡＰＰＲＯＶＡＬ"),
             framework("C5", "Schedule pressure", CauseStatus.RULED_OUT)),
    analysis("INC-2024-0150", "FH-200 heater", 2024, "端子台の発熱",
             technical("C1", "端子のネジが緩んだ", "Terminal Block", "loosening"),
             framework("C2", "Schedule pressure", CauseStatus.RULED_OUT)),
]


def test_text_is_compared_after_nfkc_case_folding_and_white_space() -> None:
    assert normalise_text("  ＴＥＲＭＩＮＡＬ\u3000Screw\n loosened ") == "terminal screw loosened"
    assert normalise_text("ﾈｼﾞ") == "ネジ"


def test_the_same_framework_cause_behind_three_different_failures_comes_first() -> None:
    found = recurring_causes(PAST)
    top = found[0]
    assert (top.basis, top.layer, top.key) == (
        RecurrenceBasis.TEXT,
        CauseLayer.FRAMEWORK,
        "no rule for supplier change approval",
    )
    assert (top.incident_count, top.product_count, top.years) == (3, 3, (2019, 2021, 2024))
    assert [o.reference for o in top.occurrences] == [
        "INC-2019-0003",
        "INC-2021-0017",
        "INC-2024-0102",
    ]
    assert top.summary == (
        "The same framework cause “No rule for supplier change approval” recurs in 3 incidents "
        "across 3 product(s), 2019–2024."
    )


def test_shared_components_and_failure_modes_form_their_own_groups() -> None:
    groups = {(r.basis, r.key): r for r in recurring_causes(PAST)}
    terminal = groups[(RecurrenceBasis.COMPONENT, "terminal block")]
    assert (terminal.incident_count, terminal.product_count) == (2, 1)  # one product, two years
    assert terminal.years == (2019, 2024)
    assert (RecurrenceBasis.FAILURE_MODE, "loosening") in groups
    assert (RecurrenceBasis.FAILURE_MODE, "seizure") not in groups  # seen once only
    only_text = recurring_causes(PAST, bases=[RecurrenceBasis.TEXT])
    assert {r.basis for r in only_text} == {RecurrenceBasis.TEXT}


def test_a_limit_keeps_the_widest_groups() -> None:
    everything = recurring_causes(PAST)
    assert recurring_causes(PAST, limit=1) == everything[:1]
    assert len(everything) > 1


def test_ruled_out_causes_do_not_recur_unless_asked_for() -> None:
    assert all(r.key != "schedule pressure" for r in recurring_causes(PAST))
    widened = recurring_causes(PAST, statuses=frozenset(CauseStatus))
    pressure = [r for r in widened if r.key == "schedule pressure"]
    assert pressure[0].incident_count == 2


def test_a_cause_repeated_within_one_incident_is_not_a_recurrence() -> None:
    single = analysis(
        "INC-2025-0001", "FH-200 heater", 2025, "Smoke",
        framework("C1", "Unclear duties"), framework("C2", "unclear duties"),
    )
    assert recurring_causes([single]) == []
    assert recurring_causes([single], min_incidents=1)[0].occurrences[1].cause_id == "C2"


def test_the_same_text_in_different_layers_is_not_grouped() -> None:
    first = analysis("A-1", "P", 2020, "x", framework("C1", "Lack of training"))
    second = analysis(
        "A-2", "Q", 2021, "y", CauseNode("C1", CauseLayer.MOTIVATION, "Lack of training", CONFIRMED)
    )
    assert recurring_causes([first, second]) == []


def test_similar_incidents_rank_shared_product_and_component_first() -> None:
    terms = IncidentTerms(
        product="FH-200 heater",
        components=("terminal block",),
        failure_modes=("loosening",),
        text="端子のネジ緩みによる発熱",
    )
    found = similar_incidents(terms, PAST)
    assert [s.reference for s in found] == ["INC-2024-0150", "INC-2019-0003"]
    best = found[0]
    assert best.reasons[:3] == (
        "same product FH-200 heater",
        "shared component terminal block",
        "shared failure mode loosening",
    )
    assert "端子" in best.reasons[3]
    assert [c.id for c in best.confirmed_causes] == ["C1"]  # the ruled-out cause is not offered


def test_cause_words_find_incidents_of_other_products() -> None:
    found = similar_incidents(IncidentTerms(text="Supplier changed the fan bearing"), PAST)
    assert found[0].reference == "INC-2021-0017"  # bearing and fan are rarer than supplier
    assert {s.reference for s in found} == {"INC-2019-0003", "INC-2021-0017", "INC-2024-0102"}
    assert similar_incidents(IncidentTerms(text="the of and"), PAST) == []
    assert len(similar_incidents(IncidentTerms(text="supplier"), PAST, limit=2)) == 2


def test_japanese_text_is_matched_by_character_pairs() -> None:
    assert search_terms("端子のネジ") == {"端子", "子の", "のネ", "ネジ"}
    assert search_terms("Fan ファン停止 fan") == {"fan", "ファ", "ァン", "ン停", "停止"}


def many_analyses(count: int) -> list[PastAnalysis]:
    rnd = random.Random(7)
    layers = list(CauseLayer)
    result = []
    for number in range(count):
        causes = [
            CauseNode(
                f"C{i}", layers[i % 4], f"{layers[i % 4].value} cause {rnd.randrange(3_000)}",
                CONFIRMED, component=f"part {rnd.randrange(200)}", failure_mode="wear",
            )
            for i in range(1, 11)
        ]
        reference, product = f"INC-{number:05d}", f"product {number % 300}"
        result.append(analysis(reference, product, 2015 + number % 10, "incident", *causes))
    return result


@pytest.mark.slow
def test_ten_thousand_analyses_give_recurring_causes_and_similar_incidents() -> None:
    # The time it takes is measured by benchmarks/bench_lessons.py, not asserted here.
    analyses = many_analyses(10_000)
    groups = recurring_causes(analyses)
    terms = IncidentTerms("product 3", ("part 7",), text="process cause")
    similar = similar_incidents(terms, analyses)
    assert groups
    assert all(len({o.reference for o in g.occurrences}) >= 2 for g in groups[:20])
    assert similar


def test_the_terms_an_index_holds_find_what_a_scan_finds() -> None:
    past = analysis(
        "INC-2019-0001", "Oil heater", 2019, "コードから発火",
        framework("C1", "No rule for supplier change"),
    )
    terms = document_terms(past.graph)
    assert {"発火", "コー", "rule", "supplier", "change"} <= terms
    assert {"火", "発"} <= terms  # one character alone finds it, as a scan of the text would
    assert "no" not in terms
    assert "for" not in terms
    for query in ("火", "発火", "supplier rule"):
        scanned = similar_incidents(IncidentTerms(text=query), [past])
        indexed = search_terms(query) <= terms
        assert bool(scanned) == indexed

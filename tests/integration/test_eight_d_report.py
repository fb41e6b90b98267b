"""The 8D report of an analysis, read back from the real PDF with poppler's tools."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qa_desktop.analysis.graph_ops import add_cause, new_graph
from qa_desktop.domain.cause_graph import ROOT_ID, CauseLayer, CauseNode, IncidentRoot
from qa_desktop.reporting.cause_graph_drawing import MAX_DRAWN_CAUSES
from qa_desktop.reporting.eight_d_report import (
    ContainmentAction,
    PrintedAnalysis,
    PrintedEvidenceFile,
    PrintedSignature,
    TeamMember,
    eight_d_report_pdf,
)
from qa_desktop.services.analysis_facade import AnalysisServices
from tests.conftest import PASSWORD, make_draft
from tests.integration.analysis_samples import TRICKY, complete_analysis

TOKYO = ZoneInfo("Asia/Tokyo")
PRINTED_AT = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
TITLE = 'Heater <b>&amp;</b> "cord" 発火のおそれ'
HEADINGS = [
    "D1 Team",
    "D2 Problem description",
    "D3 Containment",
    "D4 Root causes",
    "D5/D6 Countermeasures and effectiveness checks",
    "D7 Recurrence prevention (yokoten)",
    "D8 Closure",
]

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is not installed"
)


def numbered_text(length: int) -> str:
    """Japanese and markup characters, numbered so that order and completeness show."""
    text, number = "", 0
    while len(text) < length:
        number += 1
        text += f"第{number}段: 被覆が溶けた <i>&amp;</i> melted {number}. "
    return text[:length]


def sample(description: str, **changes: object) -> PrintedAnalysis:
    """A closed analysis with a long description, a signature, containment and evidence."""
    root = IncidentRoot("INC-2026-0007", TITLE, "Oil heater OH-12", "OH-12B")
    graph = complete_analysis(new_graph(root))
    cause = replace(graph.causes["C1"], description=description)
    graph = replace(graph, causes={**graph.causes, "C1": cause})
    values: dict[str, object] = {
        "reference": "INC-2026-0007",
        "incident": make_draft(title=TITLE, description="Cord melted.\n  コードが溶けた <br/>"),
        "graph": graph,
        "version": 4,
        "status": "closed",
        "team": (TeamMember("江里 Eri Engineer (engineer)", "owner of cause C1"),),
        "containment": (
            ContainmentAction(PRINTED_AT, "engineer", "Stopped shipments <all lots> & 出荷停止"),
        ),
        "evidence_files": (
            PrintedEvidenceFile("C1", "温度 <1>.csv", 2_048, "ab" * 32, "engineer", PRINTED_AT),
        ),
        "signature": PrintedSignature("head", "Hiro Head", "approved", PRINTED_AT, True),
    }
    values.update(changes)
    return PrintedAnalysis(**values)  # type: ignore[arg-type]


def write(analysis: PrintedAnalysis, folder: Path) -> Path:
    pdf = eight_d_report_pdf(
        analysis, printed_by="江里 Eri Engineer", printed_at=PRINTED_AT, local_zone=TOKYO
    )
    path = folder / "8d.pdf"
    path.write_bytes(pdf)
    return path


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def without_page_furniture(text: str) -> str:
    """The body text without running headers and footers, white space removed."""
    kept = [
        line
        for line in text.splitlines()
        if not line.startswith("8D report INC-")
        and not line.startswith("Printed by ")
        and not re.fullmatch(r"Page \d+ of \d+", line.strip())
    ]
    return "".join("".join(kept).split())


def test_every_discipline_prints_with_the_text_exactly_as_typed(tmp_path: Path) -> None:
    description = numbered_text(2_000)
    path = write(sample(description), tmp_path)
    text = pdf_text(path)
    positions = [text.index(f"\n{heading}\n") for heading in HEADINGS]
    assert positions == sorted(positions)
    assert 'Heater <b>&amp;</b> "cord" 発火のおそれ' in text
    assert "".join(description.split()) in without_page_furniture(text)
    # The emoji the font lacks is spelled out rather than silently dropped.
    assert 'コードが<b>過熱</b> &amp; "smoke" [U+1F525] \\n' in text
    assert "江里 Eri Engineer (engineer)" in text
    assert (
        "2026-11-26 18:30 (JST, UTC+09:00), engineer: Stopped shipments <all lots> & 出荷停止"
        in text
    )
    assert "<br/>" in text
    assert "コードが溶けた" in text
    assert "File: 温度 <1>.csv, 2.0 KB" in text
    assert "ab" * 32 in "".join(text.split())
    assert re.search(r"C3\s+confirmed\s+\(root cause\)", text)
    assert "Not applicable: No time pressure found" in text
    assert "Gate G1: OR of C1, C4 → incident" in text
    assert "Different cord supplier / 別の仕入先" in text
    assert "Signed by Hiro Head (head) at 2026-11-26 18:30 (JST, UTC+09:00): approved." in text
    assert re.search(r"C2\s+\[confirmed\]", text), "the cause graph is drawn"

    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "the PDF names no font at all"
    assert all("IPAexGothic" in row for row in rows), fonts.stdout
    assert all(row.split()[-5] == "yes" for row in rows), f"a font is not embedded:\n{fonts.stdout}"

    image = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(image)], check=True)
    assert all(p.stat().st_size > 10_000 for p in tmp_path.glob("page-*.png"))


def test_an_open_analysis_lists_what_is_missing_instead_of_a_signature(tmp_path: Path) -> None:
    gaps = (
        "Cause C2 “<b>x</b>” is an unresolved hypothesis.",
        "The motivation layer has no confirmed cause and is not marked not applicable.",
    )
    path = write(sample("short", status="draft", signature=None, gaps=gaps), tmp_path)
    text = pdf_text(path)
    assert "Not closed: the analysis is still open. Missing before closure:" in text
    assert all(gap in text for gap in gaps)
    assert "Signed by" not in text
    ready = write(sample("short", status="draft", signature=None), tmp_path)
    assert "nothing is missing; it awaits the QA executive's signature" in pdf_text(ready)


def test_a_broken_signature_is_shown_as_not_holding(tmp_path: Path) -> None:
    broken = PrintedSignature("head", "Hiro Head", "approved", PRINTED_AT, False, "Changed.")
    text = pdf_text(write(sample("short", signature=broken), tmp_path))
    assert "This signature does not hold: Changed." in text


def test_a_graph_too_large_to_draw_is_listed_only(tmp_path: Path) -> None:
    graph = new_graph(IncidentRoot("INC-2026-0008", "Many causes"))
    for number in range(1, MAX_DRAWN_CAUSES + 2):
        cause = CauseNode(f"C{number}", CauseLayer.TECHNICAL, f"Cause number {number}")
        graph = add_cause(graph, cause, effect=ROOT_ID).graph
    path = write(sample("short", graph=graph, status="draft", signature=None), tmp_path)
    text = pdf_text(path)
    assert f"The graph has {MAX_DRAWN_CAUSES + 1} causes; it is listed above but not drawn." in text
    assert f"Cause number {MAX_DRAWN_CAUSES + 1}" in text


def test_the_service_prints_the_stored_analysis(services, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    analysis = AnalysisServices(services.database, lambda: PRINTED_AT, services.accounts)
    engineer = people["engineer"]
    reference = services.incidents.create(
        engineer, make_draft(title=TITLE, qa_owner="engineer")
    ).reference
    record = analysis.analyses.load(engineer, reference)
    analysis.analyses.save(engineer, reference, complete_analysis(record.graph), record.version)
    analysis.analyses.add_evidence(engineer, reference, "C1", "測定 <2>.txt", b"12.5 C")
    analysis.analyses.close(people["head"], reference, PASSWORD, "approved")
    path = tmp_path / "service.pdf"
    path.write_bytes(analysis.analyses.eight_d_report(people["manager"], reference))
    text = pdf_text(path)
    assert f"8D report {reference}" in text
    assert TITLE in text
    assert "Eri Engineer (engineer)" in text
    assert "Hiro Head (head)" in text
    assert "File: 測定 <2>.txt" in text
    assert "Signed by Hiro Head (head) at 2026-11-26 09:30 (UTC+00:00): approved." in text
    assert "Printed by Mei Manager" in text
    assert TRICKY.split("\n")[0].replace("🔥", "[U+1F525]") in text

"""The status report to top management and the recall decision record, as real PDFs."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qa_desktop.domain.errors import PermissionDenied, ValidationFailed
from qa_desktop.services.decisions import NoticeChannel, RecallDecisionInput, Remedy
from qa_desktop.services.reporting_clocks import FilingInput
from qa_desktop.services.response import ResponseServices
from tests.conftest import PASSWORD, make_draft

TITLE = '電源コードの発火 <b>&amp;</b> "quotes"'
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def response(services):  # type: ignore[no-untyped-def]
    return ResponseServices(services.database, services.now)


def _serious(services, people, response) -> str:  # type: ignore[no-untyped-def]
    engineer = people["engineer"]
    known = datetime.now(UTC) - timedelta(days=20)
    draft = make_draft(
        title=TITLE,
        markets=("JP",),
        fire=True,
        fire_service_confirmed=True,
        business_unit="家電事業部",
        first_known_at=known,
        qa_aware_at=known + timedelta(hours=30),
        occurred_at=None,
    )
    reference = services.incidents.create(engineer, draft).reference
    response.flow.take(engineer, reference, "submit_for_classification")
    proposal = response.classification.propose(engineer, reference)
    response.classification.confirm(engineer, reference, proposal.incident_version)
    for action in ("confirm_classification", "record_immediate_action", "start_serious_response"):
        response.flow.take(engineer, reference, action)
    return reference


def _text(pdf: bytes, folder: Path, name: str) -> str:
    path = folder / name
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def _fonts_embedded(pdf: bytes, folder: Path) -> list[str]:
    path = folder / "fonts.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "the PDF names no font"
    return [row for row in rows if "IPAexGothic" not in row or row.split()[-5] != "yes"]


def test_the_status_report_is_recorded_as_sent_and_completes_its_task(services, people, response):
    head = people["head"]
    reference = _serious(services, people, response)
    with pytest.raises(ValidationFailed, match="recipient"):
        response.management_notice.send(head, reference)
    with pytest.raises(PermissionDenied):
        response.management_notice.send(people["engineer"], reference, ["CEO"])
    response.management_notice.set_management_list(head, ["社長 CEO", "Chief Quality Officer"])

    notice = response.management_notice.send(head, reference)

    assert notice.recipients == ("社長 CEO", "Chief Quality Officer")
    tasks = {t.id: t.done for t in response.flow.view(head, reference).tasks}
    assert tasks["top_management_report"]
    assert response.management_notice.notices(people["manager"], reference) == (notice,)
    history = services.incidents.history(head, reference)
    assert "management_notice_sent" in [h.action for h in history]


def test_the_printed_report_shows_what_was_sent_exactly_with_fonts_embedded(
    services, people, response, tmp_path
):
    head, engineer = people["head"], people["engineer"]
    reference = _serious(services, people, response)
    notice = response.management_notice.send(head, reference, ["社長 CEO"])
    (clock,) = response.clocks.incident_clocks(engineer, reference).clocks
    # Filed after the report was sent: the reprint must still show it as sent.
    filed_at = datetime.now(UTC) - timedelta(minutes=1)
    response.clocks.record_filing(
        engineer, clock.id, FilingInput(filed_at, "消安-0815", "様式第一.pdf", b"%PDF")
    )

    pdf = response.management_notice.status_report_pdf(people["manager"], notice.id, BERLIN)

    text = _text(pdf, tmp_path, "status.pdf")
    assert f"Status report {reference}" in text
    assert TITLE in text
    assert "社長 CEO" in text
    assert "家電事業部" in text
    assert "30.0 hours" in text
    assert "OVERDUE by" in text
    assert "消安-0815" not in text
    assert "(JST, UTC+09:00)" in text
    assert "Submit for classification" in text
    assert _fonts_embedded(pdf, tmp_path) == []

    later = response.management_notice.send(head, reference, ["社長 CEO"])
    again = _text(
        response.management_notice.status_report_pdf(head, later.id, BERLIN), tmp_path, "2.pdf"
    )
    assert "消安-0815" in again


def test_the_recall_decision_record_prints_its_risk_basis_and_signature_block(
    services, people, response, tmp_path
):
    engineer, head = people["engineer"], people["head"]
    reference = _serious(services, people, response)
    decision = RecallDecisionInput(
        recall=True,
        reason="発火のおそれ <i>not</i> &amp; misuse",
        models=("OH-12B",),
        serials_or_lots="S-1000 – S-1999\nLot 2026-07",
        units=1_200,
        remedies=(Remedy.REPLACEMENT,),
        channels=(NoticeChannel.NEWSPAPERS, NoticeChannel.DIRECT_MAIL),
        channel_details="読売新聞 2026-09-10",
    )
    proposed = response.decisions.propose_recall(engineer, reference, decision)
    unsigned = _text(
        response.decisions.recall_record_pdf(head, proposed.id, BERLIN), tmp_path, "u.pdf"
    )
    assert "Not signed: not in force." in unsigned

    response.decisions.approve(head, proposed.id, PASSWORD)
    pdf = response.decisions.recall_record_pdf(people["manager"], proposed.id, BERLIN)

    text = _text(pdf, tmp_path, "recall.pdf")
    assert f"Recall decision {reference}-{proposed.id}: Recall" in text
    assert "発火のおそれ <i>not</i> &amp; misuse" in text
    assert "S-1000 – S-1999" in text
    assert "Lot 2026-07" in text
    assert "1,200" in text
    assert "direct mail" in text
    assert "読売新聞 2026-09-10" in text
    assert "Hiro Head (head)" in text
    assert "approved" in text
    assert "verified" in text
    assert "Severity serious" in text
    assert _fonts_embedded(pdf, tmp_path) == []

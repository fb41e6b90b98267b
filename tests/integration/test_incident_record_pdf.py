"""The printed incident record, read back from the real PDF with poppler's tools."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qa_desktop.domain.incident import IncidentDraft, IncidentSource
from qa_desktop.reporting.incident_record import (
    PrintedAttachment,
    PrintedIncident,
    incident_record_pdf,
)
from tests.conftest import make_draft

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TOKYO = ZoneInfo("Asia/Tokyo")
TITLE = 'Smoke <b>&amp;</b> "quotes" 発火のおそれ 🔥'
PRINTED_AT = datetime(2026, 11, 26, 1, 42, tzinfo=UTC)

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is not installed"
)


def long_description(length: int) -> str:
    """Japanese and markup characters, numbered so that order and completeness show."""
    text, number = "", 0
    while len(text) < length:
        number += 1
        text += f"第{number}段落: コードが過熱 <b>&amp;</b> melted {number} times. "
    return text[:length]


def printed(record_draft: IncidentDraft, reference: str, **changes: object) -> PrintedIncident:
    values: dict[str, object] = {
        "reference": reference,
        "draft": record_draft,
        "version": 2,
        "created_at": PRINTED_AT - timedelta(days=1),
        "created_by": "江里 Eri Engineer",
        "updated_at": PRINTED_AT,
        "updated_by": "Hiro Head",
        "attachments": (),
        "history": (
            "2026-11-26 10:42 — Hiro Head changed Title from “A” to “<i>B</i> & C”. "
            "Reason: hospital report.",
            "2026-11-25 10:42 — 江里 Eri Engineer logged the incident.",
        ),
    }
    values.update(changes)
    return PrintedIncident(**values)  # type: ignore[arg-type]


def write_pdf(incident: PrintedIncident, name: str) -> Path:
    pdf = incident_record_pdf(
        incident, printed_by="江里 Eri Engineer", printed_at=PRINTED_AT, local_zone=TOKYO
    )
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
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


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    found = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M)
    assert found
    return int(found.group(1))


def section(text: str, start: str, end: str, reference: str) -> str:
    """The body text between two headings, without the running header and footer lines."""
    body = text.split(f"\n{start}\n", 1)[1].split(f"\n{end}\n", 1)[0]
    kept = [
        line
        for line in body.splitlines()
        if not line.startswith(f"{reference} — ")
        and not line.startswith("Printed by ")
        and not re.fullmatch(r"Page \d+ of \d+", line)
        and "\f" not in line
    ]
    return "".join("".join(kept).split())


def test_the_record_prints_what_was_stored_exactly_with_the_font_embedded(services, people) -> None:
    engineer = people["engineer"]
    description = long_description(2_000)
    record = services.incidents.create(
        engineer,
        make_draft(title=TITLE, description=description, markets=("JP", "EU"), fire=True),
    )
    photo = b"\x89PNG not really a photo"
    attachment = services.incidents.add_attachment(
        engineer, record.reference, "写真 <1>.jpg", photo
    )
    stored = services.incidents.get(engineer, record.reference)
    path = write_pdf(
        printed(
            stored.draft,
            stored.reference,
            attachments=tuple(
                PrintedAttachment(a.file_name, a.size, a.sha256, a.added_by, a.added_at)
                for a in stored.attachments
            ),
        ),
        "incident-record.pdf",
    )

    text = pdf_text(path)
    # Markup characters print as typed; the emoji the font lacks is spelled out, not lost.
    assert 'Smoke <b>&amp;</b> "quotes" 発火のおそれ [U+1F525]' in text
    assert section(text, "Description", "Serial number ranges", stored.reference) == "".join(
        description.split()
    )
    assert "JP (Japan), EU (European Union)" in text
    assert re.search(r"\nFire\s+Yes\n", text)
    assert "写真 <1>.jpg" in text
    assert attachment.sha256 in "".join(text.split())
    assert "Hiro Head changed Title from “A” to “<i>B</i> & C”. Reason: hospital report." in text
    assert "Printed by 江里 Eri Engineer at 2026-11-26 10:42 (JST, UTC+09:00)" in text
    first_known = stored.draft.first_known_at
    assert f"{first_known.astimezone(UTC):%Y-%m-%d %H:%M}" in text
    assert f"{first_known.astimezone(TOKYO):%Y-%m-%d %H:%M} (JST, UTC+09:00)" in text

    # The 2,000 characters run on from the first page onto the second.
    pages = page_count(path)
    assert pages >= 2
    assert "第1段落" in pdf_text(path, 1)
    assert description.split()[-1] in pdf_text(path, 2)
    assert f"Page 1 of {pages}" in text
    assert f"Page {pages} of {pages}" in text

    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "the PDF names no font at all"
    assert all("IPAexGothic" in row for row in rows), fonts.stdout
    assert all(row.split()[-5] == "yes" for row in rows), f"a font is not embedded:\n{fonts.stdout}"

    image = ARTIFACTS / "incident-record-page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(path), str(image)], check=True
    )
    assert (ARTIFACTS / "incident-record-page-1.png").stat().st_size > 10_000


def test_the_longest_description_a_record_may_hold_flows_over_many_pages() -> None:
    now = datetime.now(UTC)
    description = long_description(20_000) + "\n\n   indented  line\tafter a tab"
    draft = make_draft(
        description=description,
        serial_ranges="A0001-A0999\nB0001-B0100",
        occurred_at=None,
        first_known_at=now - timedelta(days=2),
        qa_aware_at=now,
        source=IncidentSource.CALL_CENTRE,
    )
    path = write_pdf(printed(draft, "INC-2026-0042"), "incident-record-long.pdf")
    text = pdf_text(path)
    assert page_count(path) >= 5
    assert section(text, "Description", "Serial number ranges", "INC-2026-0042") == "".join(
        description.split()
    )
    # Runs of spaces and a tab print as typed rather than collapsing into one space (poppler
    # normalises spacing when it extracts text, so read the words' positions with pypdf).
    from pypdf import PdfReader

    words = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "   indented  line    after a tab" in words.replace("\u00a0", " ")
    assert "Call centre" in text
    assert "Not known" in text  # occurred_at

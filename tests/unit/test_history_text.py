"""The history in plain language: what a QA engineer reads on the History tab and on paper."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from qa_desktop.services.results import AuditView
from qa_desktop.ui.history_text import QUOTE_LIMIT, history_line, history_lines

TOKYO = timezone(timedelta(hours=9))
AT = datetime(2026, 11, 26, 1, 42, tzinfo=UTC)
NAMES = {"engineer": "Eri Engineer"}


def change(
    field: str,
    old: str | None,
    new: str | None,
    reason: str = "",
    *,
    at: datetime = AT,
    actor: str = "engineer",
) -> AuditView:
    return AuditView(at, actor, "update", field, old, new, reason)


def line(entry: AuditView) -> str:
    return history_line(entry, zone=TOKYO, names=NAMES)


def test_a_change_names_when_who_the_field_label_both_values_and_the_reason() -> None:
    text = line(change("title", "A", "B", "hospital report"))
    assert text == (
        "2026-11-26 10:42 — Eri Engineer changed Title from “A” to “B”. Reason: hospital report."
    )


def test_a_reason_that_ends_a_sentence_is_not_given_a_second_full_stop() -> None:
    assert line(change("model", "X", "Y", "病院からの報告。")).endswith("Reason: 病院からの報告。")
    assert line(change("model", "X", "Y", "Why not?")).endswith("Reason: Why not?")


def test_people_without_a_known_name_are_shown_by_user_name() -> None:
    assert "— head changed" in line(change("title", "A", "B", actor="head"))


def test_stored_values_are_worded_as_people_read_them() -> None:
    assert "changed Fire from “No” to “Yes”" in line(change("fire", "false", "true"))
    assert "changed Source from “Customer” to “Call centre”" in line(
        change("source", "customer", "call_centre")
    )
    assert "changed Severity from “Unclassified” to “Serious”" in line(
        change("severity", "unclassified", "serious")
    )
    # Times in the reader's zone, to the minute; markets as a list.
    assert "from “2026-11-24 09:00” to “2026-11-25 09:30”" in line(
        change("first_known_at", "2026-11-24T00:00:00+00:00", "2026-11-25T00:30:00+00:00")
    )
    assert "changed Markets from “JP, US” to “JP, US, EU”" in line(
        change("markets", "JP,US", "JP,US,EU")
    )
    assert "changed Country from “JP (Japan)” to “US (United States)”" in line(
        change("country", "JP", "US")
    )


def test_setting_and_clearing_read_naturally() -> None:
    assert line(change("model", "", "OH-12B")).endswith("Eri Engineer set Model to “OH-12B”.")
    assert line(change("occurred_at", None, "2026-11-20T03:00:00+00:00")).endswith(
        "set Occurred at to “2026-11-20 12:00”."
    )
    assert line(change("qa_owner", "eri", "")).endswith("cleared QA owner (it was “eri”).")


def test_typed_text_is_quoted_exactly_and_a_long_value_is_cut_with_a_count() -> None:
    typed = 'Smoke <b>&amp;</b> "quotes" 発火のおそれ 🔥 {braces}'
    assert f"to “{typed}”" in line(change("title", "A", typed))
    long = "あ" * (QUOTE_LIMIT + 50)
    text = line(change("description", "", long))
    assert "あ" * QUOTE_LIMIT + "… (50 more characters)" in text
    assert "あ" * (QUOTE_LIMIT + 1) not in text
    multiline = line(change("description", "", "line one\nline two"))
    assert "“line one ⏎ line two”" in multiline
    assert "\n" not in multiline


def test_creation_import_and_attachment_are_worded_naturally() -> None:
    snapshot = json.dumps({"title": "A"})
    created = AuditView(AT, "engineer", "create", "", None, snapshot, "")
    assert line(created) == "2026-11-26 10:42 — Eri Engineer logged the incident."
    imported = AuditView(
        AT, "admin", "import", "", None, f"register.xlsx (sha256 {'ab' * 32}, 1200 rows)", ""
    )
    assert line(imported).startswith(
        "2026-11-26 10:42 — admin imported the incident from “register.xlsx” ("
    )
    assert "SHA-256 abababababababab…" in line(imported)
    attached = AuditView(
        AT,
        "engineer",
        "attach",
        "attachments",
        None,
        f"写真 (1).jpg (2048 bytes, sha256 {'cd' * 32})",
        "",
    )
    text = line(attached)
    assert text.startswith("2026-11-26 10:42 — Eri Engineer attached “写真 (1).jpg” (")
    assert "SHA-256 cdcdcdcdcdcdcdcd…" in text
    assert "2048 bytes" not in text  # the size is shown the way people read sizes


def test_the_trail_reads_newest_first() -> None:
    entries = [
        AuditView(AT, "engineer", "create", "", None, "{}", ""),
        change("title", "A", "B", at=AT + timedelta(hours=1)),
        change("title", "B", "C", at=AT + timedelta(hours=2)),
    ]
    lines = history_lines(entries, zone=TOKYO, names=NAMES)
    assert [text[:16] for text in lines] == [
        "2026-11-26 12:42",
        "2026-11-26 11:42",
        "2026-11-26 10:42",
    ]
    assert lines[-1].endswith("logged the incident.")

"""An incident's audit trail in plain language, and the words for its fields and values.

"2026-11-26 10:42 — Eri Engineer changed Title from “A” to “B”. Reason: hospital report."
Field names are shown by their labels and stored values in words (Yes, Call centre, local
time), all through Qt's translation, so the history reads naturally in the user's language.
No widgets here: the editor, the conflict dialog and the printed record share these words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTimeZone

from qa_desktop.domain.countries import COUNTRIES, MARKET_REGIONS
from qa_desktop.domain.incident import MULTILINE_FIELDS
from qa_desktop.reporting.incident_record import zone_name
from qa_desktop.services.results import AuditView
from qa_desktop.ui.labels import severity_label, source_label, status_label

_FIELD_CONTEXT = "IncidentField"

_MARKED_LABELS = {
    "reference": QT_TRANSLATE_NOOP("IncidentField", "Reference"),
    "title": QT_TRANSLATE_NOOP("IncidentField", "Title"),
    "description": QT_TRANSLATE_NOOP("IncidentField", "Description"),
    "product_name": QT_TRANSLATE_NOOP("IncidentField", "Product name"),
    "model": QT_TRANSLATE_NOOP("IncidentField", "Model"),
    "serial_ranges": QT_TRANSLATE_NOOP("IncidentField", "Serial number ranges"),
    "units_in_field": QT_TRANSLATE_NOOP("IncidentField", "Units in the field"),
    "source": QT_TRANSLATE_NOOP("IncidentField", "Source"),
    "country": QT_TRANSLATE_NOOP("IncidentField", "Country"),
    "markets": QT_TRANSLATE_NOOP("IncidentField", "Markets"),
    "deaths": QT_TRANSLATE_NOOP("IncidentField", "Deaths"),
    "injuries": QT_TRANSLATE_NOOP("IncidentField", "Injuries"),
    "max_treatment_days": QT_TRANSLATE_NOOP("IncidentField", "Longest treatment (days)"),
    "permanent_disability": QT_TRANSLATE_NOOP("IncidentField", "Permanent disability"),
    "co_poisoning": QT_TRANSLATE_NOOP("IncidentField", "CO poisoning"),
    "fire": QT_TRANSLATE_NOOP("IncidentField", "Fire"),
    "fire_service_confirmed": QT_TRANSLATE_NOOP(
        "IncidentField", "Fire confirmed by the fire service"
    ),
    "property_damage": QT_TRANSLATE_NOOP("IncidentField", "Property damage"),
    "occurred_at": QT_TRANSLATE_NOOP("IncidentField", "Occurred at"),
    "first_known_at": QT_TRANSLATE_NOOP("IncidentField", "Company first knew at"),
    "qa_aware_at": QT_TRANSLATE_NOOP("IncidentField", "QA aware at"),
    "status": QT_TRANSLATE_NOOP("IncidentField", "Status"),
    "severity": QT_TRANSLATE_NOOP("IncidentField", "Severity"),
    "business_unit": QT_TRANSLATE_NOOP("IncidentField", "Business unit"),
    "qa_owner": QT_TRANSLATE_NOOP("IncidentField", "QA owner"),
    "attachments": QT_TRANSLATE_NOOP("IncidentField", "Attachments"),
}
#: Labels of the incident's fields, marked for translation (see :func:`field_label`).
FIELD_LABELS: dict[str, str] = {name: str(text) for name, text in _MARKED_LABELS.items()}

_FLAGS = frozenset(
    {"permanent_disability", "co_poisoning", "fire", "fire_service_confirmed", "property_damage"}
)
_COUNTS = frozenset({"units_in_field", "deaths", "injuries", "max_treatment_days"})
_MOMENTS = frozenset({"occurred_at", "first_known_at", "qa_aware_at"})
_CHOICES = {"source": source_label, "status": status_label, "severity": severity_label}
#: History lines quote at most this much of a value; the record itself holds all of it.
QUOTE_LIMIT = 300
_IMPORT = re.compile(r"^(?P<file>.*) \(sha256 (?P<sha>[0-9a-f]+), (?P<rows>\d+) rows\)$", re.S)
_ATTACH = re.compile(r"^(?P<file>.*) \((?P<size>\d+) bytes, sha256 (?P<sha>[0-9a-f]+)\)$", re.S)
_SENTENCE_END = (".", "。", "!", "?", "！", "？")


def field_label(name: str) -> str:
    """The translated label of field *name* (the name itself for a field this version lacks)."""
    source = FIELD_LABELS.get(name)
    return name if source is None else QCoreApplication.translate(_FIELD_CONTEXT, source)


def local_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """*moment* in the reader's time zone, to the minute (``2026-11-26 10:42``)."""
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def describe_value(name: str, value: Any, zone: tzinfo | None = None) -> str:
    """A field's value in words: Yes/No, labels for codes, local times, names of markets.

    Empty text and unknown times give ``""``; callers word those cases themselves.
    """
    if value is None or value in ("", ()):
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("History", "Yes")
            if value
            else QCoreApplication.translate("History", "No")
        )
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, datetime):
        return local_time(value, zone)
    if name in _CHOICES:
        return _CHOICES[name](str(getattr(value, "value", value)))
    if name == "country":
        country = COUNTRIES.get(str(value))
        return f"{value} ({country})" if country else str(value)
    if name == "markets":
        return ", ".join(str(code) for code in value)
    return str(value)


def _stored(name: str, text: str | None) -> Any:
    """A value as the audit trail stores it (``"true"``, ISO times, ``"JP,US"``) made typed."""
    if text is None or text == "":
        return None
    if name in _FLAGS:
        return text == "true"
    if name in _COUNTS and text.lstrip("-").isdigit():
        return int(text)
    if name in _MOMENTS:
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return text
    if name == "markets":
        return tuple(code for code in text.split(",") if code)
    return text


def describe_stored(name: str, text: str | None, zone: tzinfo | None = None) -> str:
    """An audit-trail value in words, as :func:`describe_value` words a typed one."""
    return describe_value(name, _stored(name, text), zone)


def _quote(text: str, name: str = "") -> str:
    if name in MULTILINE_FIELDS or "\n" in text:
        text = " ⏎ ".join(text.splitlines())
    if len(text) <= QUOTE_LIMIT:
        return text
    more = len(text) - QUOTE_LIMIT
    return QCoreApplication.translate("History", "{start}… ({count} more characters)").format(
        start=text[:QUOTE_LIMIT], count=QLocale().toString(more)
    )


def market_names(codes: Iterable[str]) -> str:
    """The names of market codes (``Japan, European Union``); unknown codes stay as typed."""
    names = {**COUNTRIES, **MARKET_REGIONS}
    return ", ".join(names.get(code, code) for code in codes)


def history_line(
    entry: AuditView, *, zone: tzinfo | None = None, names: Mapping[str, str] | None = None
) -> str:
    """One audit entry as a sentence: when, who, what changed, and why."""
    when = local_time(entry.at, zone)
    who = (names or {}).get(entry.actor, entry.actor)
    sentence = _sentence(entry, when, who, zone)
    reason = entry.reason.strip()
    if reason:
        reason = _quote(reason)
        if not reason.endswith(_SENTENCE_END):
            reason += "."
        sentence += " " + QCoreApplication.translate("History", "Reason: {reason}").format(
            reason=reason
        )
    return sentence


def _sentence(entry: AuditView, when: str, who: str, zone: tzinfo | None) -> str:
    new = entry.new_value or ""
    if entry.action == "create":
        return QCoreApplication.translate("History", "{when} — {who} logged the incident.").format(
            when=when, who=who
        )
    if entry.action == "import":
        found = _IMPORT.match(new)
        if found is None:
            return QCoreApplication.translate(
                "History", "{when} — {who} imported the incident."
            ).format(when=when, who=who)
        return QCoreApplication.translate(
            "History",
            "{when} — {who} imported the incident from “{file}” ({rows} rows, SHA-256 {sha}…).",
        ).format(
            when=when,
            who=who,
            file=found["file"],
            rows=QLocale().toString(int(found["rows"])),
            sha=found["sha"][:16],
        )
    if entry.action == "attach":
        found = _ATTACH.match(new)
        if found is None:
            return QCoreApplication.translate(
                "History", "{when} — {who} attached “{file}”."
            ).format(when=when, who=who, file=_quote(new))
        return QCoreApplication.translate(
            "History", "{when} — {who} attached “{file}” ({size}, SHA-256 {sha}…)."
        ).format(
            when=when,
            who=who,
            file=found["file"],
            size=QLocale().formattedDataSize(int(found["size"])),
            sha=found["sha"][:16],
        )
    if entry.action == "update" and entry.field:
        return _change(entry, when, who, zone)
    return (
        QCoreApplication.translate("History", "{when} — {who}: {action} {field} {value}")
        .format(
            when=when,
            who=who,
            action=entry.action,
            field=field_label(entry.field),
            value=_quote(new),
        )
        .rstrip()
    )


def _change(entry: AuditView, when: str, who: str, zone: tzinfo | None) -> str:
    name = entry.field
    old = _quote(describe_stored(name, entry.old_value, zone), name)
    new = _quote(describe_stored(name, entry.new_value, zone), name)
    label = field_label(name)
    if not old:
        return QCoreApplication.translate(
            "History", "{when} — {who} set {field} to “{new}”."
        ).format(when=when, who=who, field=label, new=new)
    if not new:
        return QCoreApplication.translate(
            "History", "{when} — {who} cleared {field} (it was “{old}”)."
        ).format(when=when, who=who, field=label, old=old)
    return QCoreApplication.translate(
        "History", "{when} — {who} changed {field} from “{old}” to “{new}”."
    ).format(when=when, who=who, field=label, old=old, new=new)


def history_lines(
    entries: Iterable[AuditView],
    *,
    zone: tzinfo | None = None,
    names: Mapping[str, str] | None = None,
) -> list[str]:
    """The whole trail as sentences, newest first (the services give it oldest first)."""
    return [history_line(e, zone=zone, names=names) for e in reversed(list(entries))]


def local_zone() -> tzinfo:
    """The computer's time zone, with its daylight-saving rules when Python knows them.

    A fixed offset would print a winter date with the summer offset.
    """
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = datetime.now().astimezone().tzinfo
        assert zone is not None
        return zone


def zone_label(zone: tzinfo | None = None) -> str:
    """The time zone as people recognise it now, e.g. ``JST, UTC+09:00``."""
    return zone_name(datetime.now(zone or local_zone()))

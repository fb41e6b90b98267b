"""How response records read on screen: times in both zones, time left, signatures."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from qa_desktop.services.response_results import SignatureMeaning, SignatureView


def local_time(value: datetime | None) -> str:
    """*value* in the reader's zone, ISO order (unambiguous in every locale)."""
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M %Z")


def zone_time(value: datetime | None) -> str:
    """*value* in the zone it already carries (the regulator's), with the zone's name."""
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M %Z")


def span(value: timedelta) -> str:
    """A duration as days and hours, or hours and minutes when under a day."""
    minutes = int(abs(value).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("ResponseWording", "{days} d {hours} h").format(
            days=days, hours=hours
        )
    return QCoreApplication.translate("ResponseWording", "{hours} h {minutes} min").format(
        hours=hours, minutes=mins
    )


def time_left_text(left: timedelta | None, problem: str) -> str:
    """ "3 d 4 h left", "OVERDUE by 2 h 5 min" or why the clock has no due time."""
    if left is None:
        if problem:
            return QCoreApplication.translate(
                "ResponseWording", "Cannot start: first known time missing"
            )
        return ""
    if left < timedelta(0):
        return QCoreApplication.translate("ResponseWording", "OVERDUE by {span}").format(
            span=span(left)
        )
    return QCoreApplication.translate("ResponseWording", "{span} left").format(span=span(left))


def meaning_label(meaning: SignatureMeaning) -> str:
    """The translated meaning a signer states."""
    labels = {
        SignatureMeaning.APPROVED: QCoreApplication.translate("ResponseWording", "approved"),
        SignatureMeaning.REJECTED: QCoreApplication.translate("ResponseWording", "rejected"),
        SignatureMeaning.REVIEWED: QCoreApplication.translate("ResponseWording", "reviewed"),
    }
    return labels[meaning]


def signature_line(signature: SignatureView) -> str:
    """Name, date-time and meaning of a signature, and a warning when it no longer holds."""
    line = QCoreApplication.translate(
        "ResponseWording", "Signed by {name} ({user}), {when}: {meaning}"
    ).format(
        name=signature.signer_name,
        user=signature.signer,
        when=local_time(signature.signed_at),
        meaning=meaning_label(signature.meaning),
    )
    if not signature.valid:
        line += QCoreApplication.translate("ResponseWording", " — NOT VALID: {problem}").format(
            problem=signature.problem
        )
    return line

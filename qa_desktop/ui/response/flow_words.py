"""Titles of the shipped response flow, so the translation tools offer them.

The flow lives in ``workflows/incident_response.toml``; its step, task and action titles reach
the screens through the services in English. Listed here, ``pyside6-lupdate`` collects them
for the Japanese catalogue. A title a QA head adds later shows as written until it is listed
(a test holds this list to the shipped file).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

SHIPPED_TITLES: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("Workflow", "Business-unit QA"),
    QT_TRANSLATE_NOOP("Workflow", "Head-office QA division"),
    QT_TRANSLATE_NOOP("Workflow", "Intake"),
    QT_TRANSLATE_NOOP("Workflow", "Classification"),
    QT_TRANSLATE_NOOP("Workflow", "Containment"),
    QT_TRANSLATE_NOOP("Workflow", "Serious incident response"),
    QT_TRANSLATE_NOOP("Workflow", "Investigation"),
    QT_TRANSLATE_NOOP("Workflow", "Countermeasures"),
    QT_TRANSLATE_NOOP("Workflow", "Closed"),
    QT_TRANSLATE_NOOP("Workflow", "Immediate action"),
    QT_TRANSLATE_NOOP("Workflow", "Regulator reports"),
    QT_TRANSLATE_NOOP("Workflow", "Website disclosure"),
    QT_TRANSLATE_NOOP("Workflow", "Status report to top management"),
    QT_TRANSLATE_NOOP("Workflow", "Recall decision"),
    QT_TRANSLATE_NOOP("Workflow", "Submit for classification"),
    QT_TRANSLATE_NOOP("Workflow", "Ask for more information"),
    QT_TRANSLATE_NOOP("Workflow", "Confirm the classification"),
    QT_TRANSLATE_NOOP("Workflow", "Record the immediate action"),
    QT_TRANSLATE_NOOP("Workflow", "Return for reclassification"),
    QT_TRANSLATE_NOOP("Workflow", "Start the serious incident response"),
    QT_TRANSLATE_NOOP("Workflow", "Start the investigation"),
    QT_TRANSLATE_NOOP("Workflow", "Record the regulator reports as filed"),
    QT_TRANSLATE_NOOP("Workflow", "Decide the incident is not reportable"),
    QT_TRANSLATE_NOOP("Workflow", "Record the website disclosure"),
    QT_TRANSLATE_NOOP("Workflow", "Send the status report to top management"),
    QT_TRANSLATE_NOOP("Workflow", "Decide on a recall"),
    QT_TRANSLATE_NOOP("Workflow", "Decide against a recall"),
    QT_TRANSLATE_NOOP("Workflow", "Approve the root causes"),
    QT_TRANSLATE_NOOP("Workflow", "Return with comments"),
    QT_TRANSLATE_NOOP("Workflow", "Close the incident"),
)


def flow_text(title: str) -> str:
    """*title* from the flow file in the interface language (as written when not listed)."""
    return QCoreApplication.translate("Workflow", title)

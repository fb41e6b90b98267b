"""The R-Map and Safety Gate results as lines of plain text, wherever they are shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qa_desktop.services.decision_records import RecallDecisionInput
from qa_desktop.services.response_results import RMapResult, SafetyGateResult


def rmap_lines(rmap: RMapResult | None) -> list[str]:
    """The R-Map point, its region and the figures it was placed from."""
    if rmap is None:
        return [QCoreApplication.translate("RiskText", "No R-Map point: no field data given.")]
    return [
        QCoreApplication.translate("RiskText", "Region {region}: {meaning}").format(
            region=rmap.region, meaning=rmap.region_meaning
        ),
        QCoreApplication.translate(
            "RiskText", "Frequency {level} ({name}): {rate} incidents per unit-year"
        ).format(
            level=rmap.frequency_level, name=rmap.frequency_name, rate=rmap.incidents_per_unit_year
        ),
        QCoreApplication.translate("RiskText", "Harm {numeral} ({name})").format(
            numeral=rmap.harm_numeral, name=rmap.harm_name
        ),
        QCoreApplication.translate(
            "RiskText", "{incidents} incidents, {units} units in the field, {years} years in use"
        ).format(
            incidents=rmap.incidents, units=f"{rmap.units_in_field:,}", years=rmap.years_in_use
        ),
    ]


def safety_gate_lines(gate: SafetyGateResult | None) -> list[str]:
    """Every scenario's risk and the one that governs."""
    if gate is None:
        return [
            QCoreApplication.translate("RiskText", "No Safety Gate assessment: no scenario given.")
        ]
    lines = [
        QCoreApplication.translate("RiskText", "Risk {risk}, governed by “{scenario}”").format(
            risk=gate.risk, scenario=gate.governing
        )
    ]
    for scenario in gate.scenarios:
        steps = " → ".join(f"{text} ({probability})" for text, probability in scenario.steps)
        lines.append(
            QCoreApplication.translate(
                "RiskText", "{name}: {steps} = {probability}, severity {severity}: {risk}"
            ).format(
                name=scenario.name,
                steps=steps,
                probability=scenario.probability,
                severity=scenario.severity,
                risk=scenario.risk,
            )
        )
    return lines


def recall_lines(recall: RecallDecisionInput) -> list[str]:
    """A recall decision's scope, remedy and channels, text exactly as typed."""
    verdict = (
        QCoreApplication.translate("RiskText", "Recall")
        if recall.recall
        else QCoreApplication.translate("RiskText", "No recall")
    )
    remedies = ", ".join(r.value for r in recall.remedies)
    channels = ", ".join(c.value.replace("_", " ") for c in recall.channels)
    return [
        verdict,
        QCoreApplication.translate("RiskText", "Models: {models}").format(
            models=", ".join(recall.models)
        ),
        QCoreApplication.translate("RiskText", "Serials / lots: {lots}").format(
            lots=recall.serials_or_lots
        ),
        QCoreApplication.translate("RiskText", "Units in scope: {units}").format(
            units=f"{recall.units:,}"
        ),
        QCoreApplication.translate("RiskText", "Remedy: {remedies}").format(remedies=remedies),
        QCoreApplication.translate("RiskText", "Channels: {channels}").format(channels=channels),
        QCoreApplication.translate("RiskText", "Channel details: {details}").format(
            details=recall.channel_details
        ),
    ]

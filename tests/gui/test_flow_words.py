"""The response flow's own words reach the Japanese interface."""

from __future__ import annotations

import tomllib

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from qa_desktop.resources import resources_dir, workflows_dir
from qa_desktop.ui.response.flow_words import SHIPPED_TITLES, flow_text


def shipped_titles() -> set[str]:
    data = tomllib.loads((workflows_dir() / "incident_response.toml").read_text("utf-8"))
    return {
        item["title"]
        for key in ("tiers", "steps", "tasks", "actions")
        for item in data.get(key, [])
        if "title" in item
    }


def test_every_title_of_the_shipped_flow_is_listed_for_translation() -> None:
    assert shipped_titles() == set(SHIPPED_TITLES)


def test_flow_titles_read_in_japanese_and_unknown_ones_as_written(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "qa_desktop_ja.qm"))
    qapp.installTranslator(translator)
    try:
        assert flow_text("Serious incident response") == "重大事故対応"
        assert flow_text("A step a QA head added <b>") == "A step a QA head added <b>"
    finally:
        qapp.removeTranslator(translator)

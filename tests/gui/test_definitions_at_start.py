"""A broken response-flow or rule file stops the application with its file and line."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from qa_desktop.domain.errors import DefinitionError
from qa_desktop.ui import application


def test_a_broken_definition_file_is_named_and_the_application_stops(
    qapp: QApplication, message_boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    codes: list[int] = []
    monkeypatch.setattr(qapp, "exit", codes.append)
    problem = DefinitionError("workflows/incident_response.toml", 42, "unknown role 'ghost'")
    application._refuse_definitions(qapp, problem)
    shown = message_boxes.pop()
    assert "QA Desktop cannot start" in shown
    assert "workflows/incident_response.toml:42: unknown role 'ghost'" in shown
    assert codes == [2]


def test_the_shipped_definitions_load() -> None:
    rules = application._load_definitions()
    assert rules is not None

"""A serious incident walked through the GUI from intake to a signed recall decision."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QTableWidgetItem, QTreeWidget
from pytestqt.qtbot import QtBot

from qa_desktop.domain.roles import Role
from qa_desktop.services import QaServices
from qa_desktop.services.decisions import DecisionState
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.incident_editor import IncidentEditor
from qa_desktop.ui.response.classification_dialog import ClassificationDialog
from qa_desktop.ui.response.disclosure_dialog import DisclosureDialog
from qa_desktop.ui.response.recall_decision_dialog import RecallDecisionDialog
from qa_desktop.ui.response.review_inbox import ReviewInboxWindow
from qa_desktop.ui.response.signature_dialog import SignatureDialog
from qa_desktop.ui.tasks import SynchronousTaskRunner
from tests.conftest import PASSWORD, make_draft

FIRE = {"fire": True, "fire_service_confirmed": True}
TYPED = "発火のおそれ <b>&amp;</b> 🔥"


@pytest.fixture
def people(gui_services: QaServices, staff: dict[str, CurrentUser]) -> dict[str, CurrentUser]:
    """The GUI fixtures' people plus a QA division head."""
    gui_services.accounts.add_user(staff["admin"], "head", "Hiro Head", PASSWORD, Role.QA_HEAD)
    return {**staff, "head": gui_services.accounts.sign_in("head", PASSWORD)}


@pytest.fixture
def editor(
    qtbot: QtBot,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    hub: EventHub,
) -> Iterator[IncidentEditor]:
    """The incident window of a newly logged fire incident, as the engineer."""
    draft = make_draft(markets=("JP", "US"), **FIRE)
    reference = gui_services.incidents.create(people["engineer"], draft).reference
    window = IncidentEditor(gui_services, people["engineer"], tasks, hub, reference)
    window.resize(1100, 800)
    window.show()
    yield window
    window.close()


def texts(tree: QTreeWidget, column: int) -> list[str]:
    """The text of *column* in every top-level row of *tree*."""
    rows = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [row.text(column) for row in rows if row is not None]


def sign(dialog: SignatureDialog | None, password: str) -> None:
    """Type *password* into the signature dialog and press Sign."""
    assert dialog is not None
    assert dialog.isVisible()
    dialog.password_edit.setText(password)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_status_is_read_only_because_the_flow_sets_it(editor: IncidentEditor) -> None:
    status = editor.bindings["status"].widget
    assert status.toolTip() == "The response flow sets the status"
    assert not status.isEnabled()


def test_an_action_out_of_order_is_refused_with_the_services_message(
    editor: IncidentEditor, message_boxes: list[str]
) -> None:
    flow = editor.response_tab.flow
    assert flow.view is not None
    assert "confirm_classification" not in flow.buttons
    flow.take("confirm_classification")
    assert message_boxes == [
        'QA Desktop: Cannot confirm the classification: the incident is at "Intake", and this '
        'is done at "Classification".'
    ]
    message_boxes.clear()
    assert flow.view.step == "intake"


def test_a_serious_incident_from_intake_to_a_signed_recall_decision(
    qtbot: QtBot,
    editor: IncidentEditor,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    message_boxes: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = editor.response_tab
    reference = editor.record.reference if editor.record else ""
    assert "Intake" in tab.flow.step_label.text()
    tab.flow.buttons["submit_for_classification"].click()
    assert "Classification" in tab.flow.step_label.text()
    assert editor.bindings["status"].value() == "classification"

    # Classify: the proposal is serious for both markets, with an R-Map point and a scenario.
    editor.classify_action.trigger()
    dialog = tab.dialog
    assert isinstance(dialog, ClassificationDialog)
    dialog.similar_incidents.setValue(3)
    dialog.years_in_use.setText("2")
    for column, text in enumerate(["cord fire", "4", "insulation melts = 1/10 | fire = 1/2"]):
        dialog.scenarios.setItem(0, column, QTableWidgetItem(text))
    dialog.propose_button.click()
    assert dialog.proposed_label.text() == "Proposed severity: Serious"
    findings = texts(dialog.findings, 0)
    assert "R-Map" in findings
    assert "Safety Gate" in findings
    dialog.confirm_button.click()
    assert tab.dialog is None or not tab.dialog.isVisible()
    assert tab.classification_label.text().startswith("Classified Serious")

    # Two clocks run, in the reader's and the regulator's zone.
    clocks = tab.clocks
    assert clocks.clocks is not None
    assert len(clocks.clocks.clocks) == 2
    assert "passed before QA heard of it" in clocks.gap_label.text()
    for action in ("confirm_classification", "record_immediate_action", "start_serious_response"):
        tab.flow.buttons[action].click()
    assert tab.flow.view is not None
    assert tab.flow.view.step == "serious_response"

    # The Japanese report is filed with its document: that clock stops.
    document = tmp_path / "報告書.pdf"
    document.write_bytes(b"%PDF-1.4 report")
    first_clock = clocks.tree.topLevelItem(0)
    assert first_clock is not None
    clocks.tree.setCurrentItem(first_clock)
    filing = clocks.record_filing()
    assert filing is not None
    filing.reference_edit.setText("METI-2026-001")
    filing.document_edit.setText(str(document))
    filing.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    filings = texts(clocks.tree, 5)
    assert [f for f in filings if f] == [
        next(f for f in filings if "reference METI-2026-001, document 報告書.pdf" in f)
    ]

    # The website disclosure is recorded with its address, through its own form.
    button = tab.flow.buttons["record_website_disclosure"]
    assert button.isEnabled(), button.toolTip()
    button.click()
    disclosure = tab.dialog
    assert isinstance(disclosure, DisclosureDialog)
    disclosure.address_edit.setText("https://example.com/recall/oh-12 <告知>")
    disclosure.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert tab.flow.view is not None
    done = {t.title for t in tab.flow.view.tasks if t.done}
    assert any("disclos" in title.lower() for title in done), done

    # The engineer proposes the recall; the R-Map and Safety Gate results are beside it.
    tab.recall_button.click()
    recall = tab.dialog
    assert isinstance(recall, RecallDecisionDialog)
    assert "Region A" in recall.risk_label.text()
    recall.reason_edit.setPlainText(TYPED)
    recall.models_edit.setPlainText("OH-12B\nOH-12C")
    recall.serials_edit.setPlainText("S-1000 to S-1999")
    recall.units_spin.setValue(1_200)
    recall.remedy_boxes[next(iter(recall.remedy_boxes))].setChecked(True)
    for box in recall.channel_boxes.values():
        box.setChecked(True)
    recall.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    (proposed,) = gui_services.response.decisions.decisions(people["engineer"], reference)
    assert proposed.state is DecisionState.AWAITING_REVIEW
    assert proposed.reason == TYPED

    # The head signs it from the review inbox; a wrong password is refused by the service.
    inbox = ReviewInboxWindow(gui_services, people["head"], tasks)
    qtbot.addWidget(inbox)
    inbox.show()
    item = inbox.current_item()
    assert item is not None
    assert item.decision is not None
    assert item.why == "Sign a recall decision"
    assert "Region A" in inbox.details.toPlainText()
    assert TYPED in inbox.details.toPlainText()
    inbox.approve_button.click()
    sign(inbox.signature_dialog, "wrong password")
    assert len(message_boxes) == 1
    message_boxes.clear()
    inbox.approve_button.click()
    sign(inbox.signature_dialog, PASSWORD)
    (approved,) = gui_services.response.decisions.decisions(people["head"], reference)
    assert approved.state is DecisionState.APPROVED
    assert inbox.statusBar().currentMessage() == "Your answer was recorded."
    inbox.close()

    # The engineer's window shows the signature: name, date-time and meaning.
    editor.reload()
    decision = tab.decisions.topLevelItem(0)
    assert decision is not None
    children = (decision.child(i) for i in range(decision.childCount()))
    lines = [child.text(1) for child in children if child is not None]
    assert any(
        line.startswith("Signed by Hiro Head (head), ") and line.endswith(": approved")
        for line in lines
    )
    history = texts(tab.flow.history, 2)
    assert history[-1] == "Decide on a recall"
    assert "Signed by Hiro Head" in texts(tab.flow.history, 3)[-1]

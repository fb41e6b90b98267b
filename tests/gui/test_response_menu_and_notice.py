"""The Response menu, "not reportable" from the clocks, and the status report to top management."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from qa_desktop.domain.roles import Role
from qa_desktop.services import QaServices
from qa_desktop.services.decisions import DecisionState
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.incident_editor import IncidentEditor
from qa_desktop.ui.main_window import DatabaseInfo, MainWindow
from qa_desktop.ui.response.management_notice_dialog import ManagementNoticeDialog
from qa_desktop.ui.settings import AppSettings
from qa_desktop.ui.tasks import SynchronousTaskRunner
from tests.conftest import PASSWORD, make_draft

FIRE = {"fire": True, "fire_service_confirmed": True}


@pytest.fixture
def people(gui_services: QaServices, staff: dict[str, CurrentUser]) -> dict[str, CurrentUser]:
    """The GUI fixtures' people plus a QA division head."""
    gui_services.accounts.add_user(staff["admin"], "head", "Hiro Head", PASSWORD, Role.QA_HEAD)
    return {**staff, "head": gui_services.accounts.sign_in("head", PASSWORD)}


@pytest.fixture
def classified(gui_services: QaServices, people: dict[str, CurrentUser]) -> str:
    """A fire incident in its serious response, with two clocks running."""
    engineer = people["engineer"]
    reference = gui_services.incidents.create(engineer, make_draft(**FIRE)).reference
    response = gui_services.response
    response.flow.take(engineer, reference, "submit_for_classification")
    proposal = response.classification.propose(engineer, reference)
    response.classification.confirm(engineer, reference, proposal.incident_version)
    for action in ("confirm_classification", "record_immediate_action", "start_serious_response"):
        response.flow.take(engineer, reference, action)
    return reference


@pytest.fixture
def open_window(
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    app_settings: AppSettings,
) -> Iterator[object]:
    """Open the register window as *who*; closed again after the test."""
    opened: list[MainWindow] = []

    def open_(who: str) -> MainWindow:
        database = gui_services.database
        window = MainWindow(
            gui_services,
            people[who],
            tasks,
            hub,
            app_settings,
            DatabaseInfo(database.display_name, database.backend, database.display_name),
        )
        opened.append(window)
        window.show()
        return window

    yield open_
    for window in opened:
        window.close()


def test_the_response_menu_sits_before_help_and_the_inbox_is_for_qa_heads(
    open_window: object,
) -> None:
    engineer_window = open_window("engineer")  # type: ignore[operator]
    menus = [a.text() for a in engineer_window.menuBar().actions()]
    assert menus[-2:] == ["&Response", "&Help"]
    menu = engineer_window.response_menu
    assert menu.deadlines.shortcut().toString() == "Ctrl+D"
    assert not menu.inbox.isEnabled()
    assert menu.inbox.toolTip() == "Only QA division heads review and sign"
    assert menu.show_inbox() is None

    head_window = open_window("head")  # type: ignore[operator]
    assert head_window.response_menu.inbox.isEnabled()
    inbox = head_window.response_menu.show_inbox()
    assert inbox is not None
    assert inbox.isVisible()
    deadlines = head_window.response_menu.show_deadlines()
    assert deadlines.model.rowCount() == 0
    inbox.close()
    deadlines.close()


def test_not_reportable_is_proposed_with_a_reason_and_signed_by_the_head(
    qtbot: QtBot,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    hub: EventHub,
    classified: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = IncidentEditor(gui_services, people["engineer"], tasks, hub, classified)
    qtbot.addWidget(editor)
    reason = "放火 confirmed by police <b>&amp;</b>"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: (reason, True))
    editor.response_tab.clocks.not_reportable_button.click()
    (decision,) = gui_services.response.decisions.decisions(people["head"], classified)
    assert (decision.kind.value, decision.state, decision.reason) == (
        "not_reportable",
        DecisionState.AWAITING_REVIEW,
        reason,
    )
    gui_services.response.decisions.approve(people["head"], decision.id, PASSWORD)
    editor.reload()
    states = [
        editor.response_tab.clocks.tree.topLevelItem(i).text(5)  # type: ignore[union-attr]
        for i in range(editor.response_tab.clocks.tree.topLevelItemCount())
    ]
    assert states == [f"Not reportable (signed): {reason}"] * 2
    editor.close()


def test_the_status_report_is_sent_to_the_management_list_and_printed_as_sent(
    qtbot: QtBot,
    gui_services: QaServices,
    people: dict[str, CurrentUser],
    tasks: SynchronousTaskRunner,
    classified: str,
    tmp_path: Path,
) -> None:
    head = people["head"]
    gui_services.response.management_notice.set_management_list(head, ["社長 President", "COO"])
    dialog = ManagementNoticeDialog(gui_services, head, tasks, classified)
    qtbot.addWidget(dialog)
    sent: list[str] = []
    dialog.sent.connect(sent.append)
    assert dialog.recipients_edit.text() == "社長 President, COO"
    assert classified in dialog.preview.toPlainText()
    assert not dialog.print_button.isEnabled()

    dialog.send_button.click()
    assert sent == [classified]
    (notice,) = gui_services.response.management_notice.notices(head, classified)
    assert notice.recipients == ("社長 President", "COO")
    assert dialog.sent_list.count() == 1
    assert dialog.print_button.isEnabled()
    flow = gui_services.response.flow.view(head, classified)
    assert {t.id: t.done for t in flow.tasks}["top_management_report"]

    target = tmp_path / "status.pdf"
    dialog.save_pdf(notice.id, target)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_qa_head_sets_the_management_list_and_the_change_is_audited(
    open_window: object, gui_services: QaServices, people: dict[str, CurrentUser]
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox
    from sqlalchemy import text

    head_window = open_window("head")  # type: ignore[operator]
    dialog = head_window.response_menu.show_management_list()
    dialog.recipients_edit.setPlainText("社長 山田 <president@example.com>\n\n  CTO  \n")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    notice = gui_services.response.management_notice
    assert notice.management_list(people["head"]) == ("社長 山田 <president@example.com>", "CTO")
    with gui_services.database.engine.connect() as c:
        audited = c.execute(
            text("SELECT actor, new_value FROM audit_entries WHERE field = 'management_list'")
        ).one()
    assert audited.actor == "head"
    assert "CTO" in audited.new_value

    engineer_window = open_window("engineer")  # type: ignore[operator]
    read_only = engineer_window.response_menu.show_management_list()
    assert read_only.recipients_edit.isReadOnly()
    assert "CTO" in read_only.recipients_edit.toPlainText()
    read_only.close()

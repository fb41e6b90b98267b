"""The OCHIBO-HIROI analysis editor: one incident's cause graph, its countermeasures and lessons.

The incident sits on the left and its causes to the right, laid out automatically (left to
right, few crossings) and then wherever the analyst drags them; positions are saved with
the graph. Each of the four layers has its own colour and can be hidden. Every edit is one
undo step, refused edits change nothing and say why, and the title bar marks unsaved
changes. Saving never overwrites someone else's save; closing the analysis lists what is
missing and takes the QA executive's signature.

Database work runs through the :class:`~qa_desktop.ui.tasks.TaskRunner`, off the GUI thread.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPalette, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qa_desktop.analysis import graph_ops
from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import (
    IncidentRoot,
)
from qa_desktop.domain.errors import ConflictError
from qa_desktop.domain.roles import Permission
from qa_desktop.services.analysis_results import AnalysisRecord, AnalysisStatus, EvidenceView
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.cause_graph.analysis_files import AnalysisFiles, evidence_entry
from qa_desktop.ui.cause_graph.cause_panel import CausePanel
from qa_desktop.ui.cause_graph.closure_dialog import ClosureDialog, ClosureFlow
from qa_desktop.ui.cause_graph.document import AnalysisDocument
from qa_desktop.ui.cause_graph.editor_actions import EditorActions
from qa_desktop.ui.cause_graph.editor_questions import ask_reason, ask_to_reload_theirs, may_discard
from qa_desktop.ui.cause_graph.graph_editing import GraphEditing, with_positions
from qa_desktop.ui.cause_graph.graph_view import CauseGraphView
from qa_desktop.ui.cause_graph.lessons_views import SimilarIncidentsPanel
from qa_desktop.ui.cause_graph.measures_and_yokoten import MeasuresAndYokoten
from qa_desktop.ui.cause_graph.scene import CauseGraphScene
from qa_desktop.ui.cause_graph.wording import analysis_state
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.hub import EventHub
from qa_desktop.ui.tasks import TaskRunner

_NOTICE_MS = 12_000


def attached_analysis_services(services: Any) -> Any:
    """The analysis services attached to the application's services (``services.analysis``)."""
    found = getattr(services, "analysis", None)
    if found is None:
        raise RuntimeError("The analysis services are not attached to QaServices.analysis.")
    return found


class AnalysisEditor(QMainWindow):
    """The window in which one incident's OCHIBO-HIROI analysis is drawn and edited."""

    #: Saved, imported or closed: carries the incident's reference.
    analysis_saved = Signal(str)
    #: The user asked to open another incident's analysis (from the similar incidents).
    analysis_requested = Signal(str)

    def __init__(
        self,
        services: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        hub: EventHub,
        reference: str,
        parent: QWidget | None = None,
        *,
        analysis_services: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services = services
        self._analysis = analysis_services or attached_analysis_services(services)
        self._user = user
        self._tasks = tasks
        self._hub = hub
        self.reference = reference
        self._editable = user.may(Permission.EDIT_INCIDENTS)
        self._record: AnalysisRecord | None = None
        self._busy = False
        self._closing = False
        self._close_after_save = False
        self._scratch = tempfile.TemporaryDirectory(
            prefix="qa-desktop-", ignore_cleanup_errors=True
        )
        self._fit_pending = False
        self.setObjectName("analysis_editor")

        placeholder = graph_ops.CauseGraph(IncidentRoot(reference[:32], reference))
        self.document = AnalysisDocument(placeholder, self)
        self.undo_stack = QUndoStack(self)
        self.scene = CauseGraphScene(self)
        self.view = CauseGraphView(self.scene, self)
        self.view.setAccessibleName(self.tr("Cause graph"))
        self.setCentralWidget(self._build_centre())

        self.actions_ = EditorActions(self, self.undo_stack, self.view)
        self.editing = GraphEditing(self.document, self.undo_stack, self.scene, self.view, self)
        self.files = AnalysisFiles(
            self, self._analysis.analyses, user, tasks, reference, Path(self._scratch.name)
        )
        self.cause_panel = CausePanel(self)
        self.lists = MeasuresAndYokoten(self.editing, self._analysis.analyses, user, tasks, self)
        self.similar = SimilarIncidentsPanel(self._analysis.lessons, user, tasks, self)
        self.closure = ClosureFlow(self, self._analysis.analyses, user, tasks, reference)
        self._build_docks()
        self._connect()
        self._set_editable(self._editable)
        self.resize(1280, 820)
        self._refresh()
        self._load()

    # ------------------------------------------------------------------ building
    def _build_centre(self) -> QWidget:
        """The graph with a message line above it for refused edits."""
        self.notice = QLabel(self)
        self.notice.setObjectName("analysis_notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setAccessibleName(self.tr("Message"))
        # A message bar in the tooltip colours: set apart from the graph in any theme.
        self.notice.setMargin(6)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setAutoFillBackground(True)
        self.notice.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.notice.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.notice.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.notice.hide)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(self.view, 1)
        return central

    def _build_docks(self) -> None:
        cause_dock = QDockWidget(self.tr("Cause"), self)
        cause_dock.setObjectName("cause_dock")
        cause_dock.setWidget(self.cause_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, cause_dock)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.lists.countermeasures, self.tr("Countermeasures"))
        self.tabs.addTab(self.lists.layer_reviews, self.tr("Layers"))
        self.tabs.addTab(self.lists.yokoten, self.tr("Yokoten"))
        self.tabs.addTab(self.similar, self.tr("Similar past incidents"))
        lists_dock = QDockWidget(self.tr("Countermeasures and lessons"), self)
        lists_dock.setObjectName("lists_dock")
        lists_dock.setWidget(self.tabs)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, lists_dock)
        self.resizeDocks([cause_dock], [360], Qt.Orientation.Horizontal)
        self.resizeDocks([lists_dock], [220], Qt.Orientation.Vertical)
        view_menu = self.actions_.view_menu
        view_menu.addSeparator()
        view_menu.addActions([cause_dock.toggleViewAction(), lists_dock.toggleViewAction()])
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.status_label)

    def _connect(self) -> None:
        actions = self.actions_
        editing = self.editing
        actions.save.triggered.connect(lambda _checked=False: self.save())
        actions.reload.triggered.connect(self._on_reload_triggered)
        actions.close.triggered.connect(self.close)
        for fmt, action in actions.export.items():
            action.triggered.connect(lambda _checked=False, f=fmt: self._export(f))
        actions.import_.triggered.connect(self._on_import_triggered)
        actions.print_report.triggered.connect(lambda _checked=False: self.print_report())
        actions.connect_graph(editing, self.scene, self.view, self.lists)
        actions.check_closure.triggered.connect(lambda _c=False: self.check_closure())
        editing.refused.connect(self.show_notice)
        self.lists.refused.connect(self.show_notice)
        self.lists.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.files.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.files.imported.connect(self._on_files_imported)
        self.files.evidence_added.connect(self._on_files_evidence_added)
        self.document.graph_changed.connect(self._on_document_graph_changed)
        self.undo_stack.cleanChanged.connect(lambda _clean: self._refresh())
        self.scene.selectionChanged.connect(self._on_scene_selection_changed)
        self.cause_panel.cause_edited.connect(self.editing.edit_cause)
        self.cause_panel.evidence_requested.connect(self._on_cause_panel_evidence_requested)
        self.cause_panel.evidence_opened.connect(self.files.open_evidence)
        self.similar.analysis_requested.connect(self.analysis_requested)
        self.closure.signed.connect(self._on_closure_signed)
        self.closure.busy_changed.connect(self._set_busy)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def _set_editable(self, editable: bool) -> None:
        self.actions_.set_editable(editable)
        self.scene.set_editable(editable)
        self.cause_panel.set_editable(editable)
        self.lists.set_editable(editable)

    # ------------------------------------------------------------------ state
    @property
    def record(self) -> AnalysisRecord | None:
        """The analysis as last loaded or saved."""
        return self._record

    @property
    def graph(self) -> CauseGraph:
        """The graph as it stands in the editor (unsaved edits included)."""
        return self.document.graph

    def is_modified(self) -> bool:
        """True when the graph holds edits that are not saved."""
        return not self.undo_stack.isClean()

    def show_notice(self, text: str) -> None:
        """Show a message above the graph (a refused edit, for one) for a few seconds."""
        self.notice.setText(text)
        self.notice.show()
        self._notice_timer.start(_NOTICE_MS)
        self.statusBar().showMessage(text, _NOTICE_MS)

    def _refresh(self) -> None:
        record = self._record
        modified = self.is_modified()
        self.setWindowModified(modified)
        title = self.tr("Analysis of {reference}").format(reference=self.reference)
        if record is not None:
            title += f" — {record.graph.incident.title}"
        # "[*]" marks where Qt shows the modified star; one typed in a title is doubled.
        self.setWindowTitle(title.replace("[*]", "[*][*]") + "[*]")
        self.status_label.setText(
            analysis_state(record, modified=modified, editable=self._editable)
        )
        self.actions_.save.setEnabled(self._editable and not self._busy and record is not None)
        self.actions_.reload.setEnabled(not self._busy and record is not None)

    def changeEvent(self, event: QEvent) -> None:
        """Redraw the graph in the new colours when the palette changes (dark theme)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "actions_"):
            self.scene.apply_palette(self.palette(), self.font())
            self.actions_.recolour()

    # ------------------------------------------------------------------ loading
    def _load(self) -> None:
        self._set_busy(True)
        self.statusBar().showMessage(
            self.tr("Opening the analysis of {reference}…").format(reference=self.reference)
        )
        self._tasks.run(
            lambda: self._analysis.analyses.load(self._user, self.reference),
            on_done=self._on_loaded,
            on_failed=self._on_load_failed,
        )

    def _on_loaded(self, record: AnalysisRecord) -> None:
        self._set_busy(False)
        self._show_record(record)
        self.statusBar().clearMessage()

    def _show_record(self, record: AnalysisRecord) -> None:
        """Start over from *record*: the graph as stored, nothing to undo."""
        self._record = record
        graph = with_positions(record.graph)
        self.undo_stack.clear()
        self.scene.show_graph(graph)
        self.document.replace(graph)
        self.lists.show_graph(graph)
        self.undo_stack.setClean()
        self._fit_pending = True
        if self.isVisible():
            QTimer.singleShot(0, self._fit_once)
        self._on_scene_selection_changed()
        self._refresh()

    def _fit_once(self) -> None:
        if self._fit_pending:
            self._fit_pending = False
            self.view.fit_all()

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the graph to the window now that the window has its size (before painting)."""
        super().showEvent(event)
        self._fit_once()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)
        if self._record is None:
            # Later, not now: the window may still be in the hands of whoever opened it.
            self._closing = True
            QTimer.singleShot(0, self.close)

    def _on_reload_triggered(self) -> None:
        if self.is_modified() and not may_discard(
            self,
            self.tr("Reload the analysis"),
            self.tr("Reloading discards your unsaved changes."),
        ):
            return
        self.reload()

    def reload(self) -> None:
        """Read the analysis again, discarding unsaved changes."""
        self._load()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh()

    # ------------------------------------------------------------------ following edits
    def _on_document_graph_changed(self, old: CauseGraph, new: CauseGraph) -> None:
        self.scene.update_graph(new)
        self.lists.update_graph(old, new)
        self._on_scene_selection_changed()
        self._refresh()

    def _on_scene_selection_changed(self) -> None:
        selected = self.scene.selected_node_ids()
        shown = selected[0] if len(selected) == 1 else None
        evidence = self._record.evidence_for(shown) if self._record and shown else ()
        self.cause_panel.show_node(self.graph, shown, evidence)

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.similar:
            self.similar.show_for(self.reference)

    # ------------------------------------------------------------------ evidence
    def _on_cause_panel_evidence_requested(self, cause_id: str) -> None:
        record = self._record
        if record is None or cause_id not in record.graph.causes:
            self.show_notice(
                self.tr("Save the analysis first: evidence is kept for a saved cause.")
            )
            return
        self.files.add_evidence(cause_id)

    def _on_files_evidence_added(self, view: EvidenceView) -> None:
        record = self._record
        if record is not None:
            self._record = replace(record, evidence=(*record.evidence, view))
        node = self.graph.causes.get(view.cause_id)
        if node is None:
            return
        entry = evidence_entry(view)
        self.editing.edit_cause(
            replace(node, evidence=(*node.evidence, entry)), self.tr("evidence")
        )

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Save the graph over the version read (Ctrl+S); someone else's save is never lost."""
        record = self._record
        if record is None or self._busy or not self._editable:
            self._close_after_save = False
            return
        self.cause_panel.commit()
        reason = ""
        if record.status is AnalysisStatus.CLOSED:
            asked = self._ask_reason()
            if asked is None:
                self._close_after_save = False
                return
            reason = asked
        sent = self.document.graph
        self._set_busy(True)
        self.statusBar().showMessage(self.tr("Saving…"))
        self._tasks.run(
            lambda: self._analysis.analyses.save(
                self._user, self.reference, sent, record.version, reason
            ),
            on_done=lambda saved: self._on_saved(saved, sent),
            on_failed=self._on_save_failed,
        )

    def _ask_reason(self) -> str | None:
        reason = ask_reason(self)
        if reason == "":
            self.show_notice(self.tr("Not saved: changing a closed analysis needs a reason."))
        return reason or None

    def _on_saved(self, saved: AnalysisRecord, sent: CauseGraph) -> None:
        self._busy = False
        self._record = saved
        if self.document.graph is sent:
            if saved.graph == sent:
                self.undo_stack.setClean()
            else:
                # The services filled in facts (the incident's own title, for one).
                self._show_record(saved)
        self._refresh()
        self.analysis_saved.emit(self.reference)
        self.statusBar().showMessage(
            self.tr("Saved version {version}.").format(version=saved.version), 10_000
        )
        if self._close_after_save:
            self._closing = not self.is_modified()
            QTimer.singleShot(0, self.close)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._close_after_save = False
        self._set_busy(False)
        self.statusBar().clearMessage()
        if isinstance(exc, ConflictError):
            self._offer_reload(exc)
            return
        show_error(self, exc)

    def _offer_reload(self, exc: ConflictError) -> None:
        if ask_to_reload_theirs(self, self.reference, exc.current_version):
            self.reload()

    # ------------------------------------------------------------------ files
    def _export(self, fmt: Any) -> None:
        self._warn_if_unsaved()
        self.files.export(fmt)

    def _on_import_triggered(self) -> None:
        path = self.files.ask_import_file()
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Replace the analysis with a GraphML, DOT or JSON file (asks before losing edits)."""
        if self.is_modified() and not may_discard(
            self,
            self.tr("Import an analysis"),
            self.tr("Importing replaces the analysis and discards your unsaved changes."),
        ):
            return
        reason = ""
        if self._record is not None and self._record.status is AnalysisStatus.CLOSED:
            asked = self._ask_reason()
            if asked is None:
                return
            reason = asked
        self.files.import_file(path, reason)

    def _on_files_imported(self, record: AnalysisRecord) -> None:
        self._show_record(record)
        self.analysis_saved.emit(self.reference)

    def print_report(self, path: Path | None = None, *, preview: bool = True) -> None:
        """Save the 8D report of the saved analysis as a PDF (and show it in a viewer)."""
        self._warn_if_unsaved()
        self.files.print_report(path, preview=preview)

    def _warn_if_unsaved(self) -> None:
        if self.is_modified():
            self.show_notice(
                self.tr("The file holds the saved analysis; your unsaved changes are not in it.")
            )

    # ------------------------------------------------------------------ closing the analysis
    @property
    def closure_dialog(self) -> ClosureDialog | None:
        """The closing dialog while it is open."""
        return self.closure.dialog

    def check_closure(self) -> None:
        """List what is missing before the analysis may close, and offer the signature."""
        closed = self._record is not None and self._record.status is AnalysisStatus.CLOSED
        self.closure.check(self.graph, unsaved=self.is_modified(), closed=closed)

    def _on_closure_signed(self, record: AnalysisRecord) -> None:
        self._show_record(record)
        self.analysis_saved.emit(self.reference)
        self.statusBar().showMessage(self.tr("The analysis is closed and signed."), 15_000)

    # ------------------------------------------------------------------ closing the window
    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before unsaved changes are lost: save, discard or go back."""
        self.cause_panel.commit()
        if self._closing or not self._editable or not self.is_modified():
            self._release()
            event.accept()
            return
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.warning(
            self,
            self.tr("Unsaved changes"),
            self.tr("The analysis of {reference} has changes that are not saved.").format(
                reference=self.reference
            ),
            buttons,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._release()
            event.accept()
            return
        event.ignore()
        if answer == QMessageBox.StandardButton.Save:
            self._close_after_save = True
            self.save()

    def _release(self) -> None:
        # The stack announces "clean" once more while it is destroyed with the window.
        self.undo_stack.blockSignals(True)
        self.document.blockSignals(True)
        self.closure.close_dialog()
        self.similar.stop()
        self._scratch.cleanup()

"""Files in and out of the analysis editor: GraphML, DOT and JSON, evidence, the 8D report.

Exports and the printed report show the saved analysis (the services read it from the
database), so the window says so when there are unsaved changes. An import replaces the
saved analysis as a whole; a refused file changes nothing and says why. Evidence files are
kept for a cause of the saved analysis and opened in the desktop's viewer. All file and
database work runs off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from qa_desktop.analysis.interchange import MAX_FILE_BYTES, GraphFormat, format_for_path
from qa_desktop.domain.cause_graph import TEXT_LIMITS, CauseLayer, Evidence, EvidenceKind
from qa_desktop.domain.errors import QaError
from qa_desktop.reporting.eight_d_report import EightDWording
from qa_desktop.services.analysis_results import AnalysisRecord, EvidenceView
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.cause_graph.wording import label
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.history_text import local_zone
from qa_desktop.ui.tasks import TaskRunner

_PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".heic", ".tif", ".tiff", ".webp"}
_MEASUREMENT_SUFFIXES = {".csv", ".xlsx", ".xls", ".tsv", ".dat"}
_FILTERS = {
    GraphFormat.GRAPHML: QT_TRANSLATE_NOOP("AnalysisFiles", "GraphML (*.graphml)"),
    GraphFormat.DOT: QT_TRANSLATE_NOOP("AnalysisFiles", "Graphviz DOT (*.gv *.dot)"),
    GraphFormat.JSON: QT_TRANSLATE_NOOP("AnalysisFiles", "Node-link JSON (*.json)"),
}


def evidence_kind(file_name: str) -> EvidenceKind:
    """What a file most likely is, from its suffix (photos and measurement tables)."""
    suffix = Path(file_name).suffix.lower()
    if suffix in _PHOTO_SUFFIXES:
        return EvidenceKind.PHOTO
    if suffix in _MEASUREMENT_SUFFIXES:
        return EvidenceKind.MEASUREMENT
    return EvidenceKind.DOCUMENT


def evidence_entry(view: EvidenceView) -> Evidence:
    """The cause's record of a kept file: name, kind, who added it, its SHA-256, the day."""
    return Evidence(
        label=view.file_name[: TEXT_LIMITS["label"]],
        kind=evidence_kind(view.file_name),
        added_by=view.added_by,
        checksum=view.sha256,
        added_on=view.added_at.date(),
    )


def _file_filter(fmt: GraphFormat) -> str:
    return QCoreApplication.translate("AnalysisFiles", str(_FILTERS[fmt]))


def eight_d_wording() -> EightDWording:
    """The words of the printed 8D report in the user's language."""
    return EightDWording(
        document_title=QCoreApplication.translate("EightDReport", "8D report {reference}"),
        version_line=QCoreApplication.translate(
            "EightDReport", "Analysis version {version}, {status}."
        ),
        headings=(
            QCoreApplication.translate("EightDReport", "D1 Team"),
            QCoreApplication.translate("EightDReport", "D2 Problem description"),
            QCoreApplication.translate("EightDReport", "D3 Containment"),
            QCoreApplication.translate("EightDReport", "D4 Root causes"),
            QCoreApplication.translate(
                "EightDReport", "D5/D6 Countermeasures and effectiveness checks"
            ),
            QCoreApplication.translate("EightDReport", "D7 Recurrence prevention (yokoten)"),
            QCoreApplication.translate("EightDReport", "D8 Closure"),
        ),
        layer_names={layer.value: label(layer) for layer in CauseLayer},
        nobody=QCoreApplication.translate("EightDReport", "No one is named yet."),
        no_containment=QCoreApplication.translate(
            "EightDReport", "No containment action is recorded."
        ),
        no_causes=QCoreApplication.translate("EightDReport", "No cause in this layer."),
        not_applicable=QCoreApplication.translate("EightDReport", "Not applicable: {reason}"),
        root_mark=QCoreApplication.translate("EightDReport", "root cause"),
        no_measures=QCoreApplication.translate("EightDReport", "No countermeasure yet."),
        no_yokoten=QCoreApplication.translate("EightDReport", "No yokoten candidate."),
        too_large_to_draw=QCoreApplication.translate(
            "EightDReport", "The graph has {count} causes; it is listed above but not drawn."
        ),
        signed=QCoreApplication.translate(
            "EightDReport", "Signed by {name} ({username}) at {time}: {meaning}."
        ),
        signature_broken=QCoreApplication.translate(
            "EightDReport", "This signature does not hold: {problem}"
        ),
        not_signed=QCoreApplication.translate(
            "EightDReport", "Not closed: the analysis is still open. Missing before closure:"
        ),
        ready_to_sign=QCoreApplication.translate(
            "EightDReport",
            "Not closed yet: nothing is missing; it awaits the QA executive's signature.",
        ),
        gates=QCoreApplication.translate("EightDReport", "AND/OR gates"),
        printed=QCoreApplication.translate("EightDReport", "Printed by {name} at {time}"),
        page=QCoreApplication.translate("EightDReport", "Page {page} of {pages}"),
    )


class AnalysisFiles(QObject):
    """Export, import, evidence files and the printed report for one analysis."""

    #: A short outcome for the status bar.
    message = Signal(str)
    #: An import replaced the analysis: carries the new record.
    imported = Signal(object)
    #: An evidence file was kept for a cause: carries its :class:`EvidenceView`.
    evidence_added = Signal(object)

    def __init__(
        self,
        window: QWidget,
        analyses: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        reference: str,
        scratch: Path,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._analyses = analyses
        self._user = user
        self._tasks = tasks
        self._reference = reference
        self._scratch = scratch

    def _failed(self, exc: BaseException) -> None:
        show_error(self._window, exc)

    # ------------------------------------------------------------------ export, import
    def export(self, fmt: GraphFormat, path: Path | None = None) -> None:
        """Write the saved analysis to *path* (asked for when not given) in *fmt*."""
        if path is None:
            suggested = f"{self._reference}.{'gv' if fmt is GraphFormat.DOT else fmt.value}"
            name, _filter = QFileDialog.getSaveFileName(
                self._window,
                self.tr("Export the analysis as {format}").format(format=fmt.display_name),
                suggested,
                _file_filter(fmt),
            )
            if not name:
                return
            path = Path(name)
        target = path

        def work() -> Path:
            data = self._analyses.export(self._user, self._reference, fmt.value)
            try:
                target.write_bytes(data)
            except OSError as error:
                raise QaError(
                    f"{target.name} could not be written: {error.strerror or error}."
                ) from None
            return target

        self._tasks.run(
            work,
            on_done=lambda written: self.message.emit(
                self.tr("Exported the saved analysis to {file}.").format(file=written.name)
            ),
            on_failed=self._failed,
        )

    def ask_import_file(self) -> Path | None:
        """The cause-graph file the user picks, if any."""
        filters = ";;".join(
            [
                self.tr("Cause graphs (*.graphml *.gv *.dot *.json)"),
                *(_file_filter(f) for f in GraphFormat),
            ]
        )
        name, _filter = QFileDialog.getOpenFileName(
            self._window, self.tr("Import an analysis"), "", filters
        )
        return Path(name) if name else None

    def import_file(self, path: Path, reason: str = "") -> None:
        """Replace the analysis with the graph in *path*; a refused file changes nothing."""

        def work() -> AnalysisRecord:
            fmt = format_for_path(path)
            try:
                if path.stat().st_size > MAX_FILE_BYTES:
                    raise QaError(
                        f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                        "nothing was imported."
                    )
                data = path.read_bytes()
            except OSError as error:
                raise QaError(
                    f"{path.name} could not be read: {error.strerror or error}."
                ) from None
            record: AnalysisRecord = self._analyses.import_(
                self._user, self._reference, data, fmt.value, reason
            )
            return record

        def done(record: AnalysisRecord) -> None:
            self.imported.emit(record)
            self.message.emit(self.tr("Imported {file}.").format(file=path.name))

        self._tasks.run(work, on_done=done, on_failed=self._failed)

    # ------------------------------------------------------------------ evidence
    def add_evidence(self, cause_id: str, paths: list[Path] | None = None) -> None:
        """Keep files as evidence for *cause_id* (asked for when not given)."""
        if paths is None:
            names, _filter = QFileDialog.getOpenFileNames(
                self._window, self.tr("Evidence for {cause}").format(cause=cause_id)
            )
            paths = [Path(n) for n in names]
        if not paths:
            return
        chosen = list(paths)

        def work() -> list[EvidenceView]:
            kept = []
            for path in chosen:
                try:
                    content = path.read_bytes()
                except OSError as error:
                    raise QaError(
                        f"{path.name} could not be read: {error.strerror or error}."
                    ) from None
                kept.append(
                    self._analyses.add_evidence(
                        self._user, self._reference, cause_id, path.name, content
                    )
                )
            return kept

        def done(views: list[EvidenceView]) -> None:
            for view in views:
                self.evidence_added.emit(view)

        self._tasks.run(work, on_done=done, on_failed=self._failed)

    def open_evidence(self, evidence_id: int) -> None:
        """Open a stored evidence file in the desktop's viewer for its type."""

        def work() -> Path:
            view, content = self._analyses.evidence_content(self._user, evidence_id)
            # A folder per file keeps its own name (viewers show it) without clashes.
            folder = self._scratch / f"evidence-{view.id}"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / Path(view.file_name).name
            target.write_bytes(content)
            return target

        self._tasks.run(work, on_done=self._show_file, on_failed=self._failed)

    def _show_file(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.message.emit(
                self.tr("No program could open {file}; a copy is at {path}.").format(
                    file=path.name, path=str(path)
                )
            )

    # ------------------------------------------------------------------ the 8D report
    def print_report(self, path: Path | None = None, *, preview: bool = True) -> None:
        """Write the 8D report of the saved analysis to *path* (asked for when not given)."""
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self._window,
                self.tr("Save the 8D report"),
                f"{self._reference}-8D.pdf",
                self.tr("PDF documents (*.pdf)"),
            )
            if not name:
                return
            path = Path(name)
        target = path
        # Worded here, on the GUI thread: translation belongs to the interface.
        wording = eight_d_wording()
        zone = local_zone()

        def work() -> Path:
            data: bytes = self._analyses.eight_d_report(
                self._user, self._reference, local_zone=zone, wording=wording
            )
            try:
                target.write_bytes(data)
            except OSError as error:
                raise QaError(
                    f"{target.name} could not be written: {error.strerror or error}."
                ) from None
            return target

        def done(written: Path) -> None:
            self.message.emit(
                self.tr("Saved the 8D report of the saved analysis to {file}.").format(
                    file=written.name
                )
            )
            if preview:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))

        self._tasks.run(work, on_done=done, on_failed=self._failed)

"""The Attachments tab: files kept with an incident, added by button or by dropping them.

Each file is listed with its size, SHA-256, who added it and when. Opening one writes the
stored bytes (checked against their SHA-256 by the service) to a temporary file and hands it
to the desktop's viewer. Files can only be kept with a saved incident; a new one says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QFontDatabase
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeWidgetItem, QWidget

from qa_desktop.domain.errors import ValidationFailed
from qa_desktop.domain.roles import Permission
from qa_desktop.services.incidents import MAX_ATTACHMENT_BYTES
from qa_desktop.services.results import AttachmentView, CurrentUser
from qa_desktop.ui.errors import show_error
from qa_desktop.ui.forms.ui_attachments_panel import Ui_AttachmentsPanel
from qa_desktop.ui.history_text import local_time
from qa_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qa_desktop.services import QaServices

_NAME, _SIZE, _SHA256, _ADDED_BY, _ADDED_AT = range(5)
_NOT_A_FILE, _TOO_LARGE, _UNREADABLE, _REFUSED = "not_a_file", "too_large", "unreadable", "refused"


@dataclass(frozen=True, slots=True)
class _Added:
    """What adding several files did: the incident's attachments now, and the files refused.

    A refusal is (file name, kind, detail); it is worded on the GUI thread, in the user's
    language.
    """

    attachments: tuple[AttachmentView, ...]
    refused: tuple[tuple[str, str, str], ...]


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files in a drag's data (folders and web links are not files to keep)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class AttachmentsPanel(QWidget):
    """Lists an incident's attachments and adds or opens them."""

    #: Files were added to the incident; carries its reference.
    attachments_added = Signal(str)

    def __init__(
        self,
        services: QaServices,
        user: CurrentUser,
        tasks: TaskRunner,
        scratch_dir: Path,
        names: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AttachmentsPanel()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._services = services
        self._user = user
        self._tasks = tasks
        self._scratch = scratch_dir
        self._names = dict(names or {})
        self._reference: str | None = None
        self._attachments: tuple[AttachmentView, ...] = ()
        self.setAcceptDrops(True)
        header = self.ui.attachmentList.header()
        header.setStretchLastSection(False)
        for column in (_SIZE, _ADDED_BY, _ADDED_AT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_NAME, QHeaderView.ResizeMode.Stretch)
        # The checksum starts narrow (elided in the middle, whole in its tooltip) so names
        # keep their room; it can be widened.
        header.setSectionResizeMode(_SHA256, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(_SHA256, self.fontMetrics().averageCharWidth() * 24)
        self.ui.addButton.clicked.connect(self._on_add_button_clicked)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.attachmentList.itemActivated.connect(lambda *_: self.open_selected())
        self.ui.attachmentList.itemSelectionChanged.connect(self._update_buttons)
        self.show_incident(None, ())

    # ------------------------------------------------------------------ showing
    @property
    def attachments(self) -> tuple[AttachmentView, ...]:
        """The attachments listed."""
        return self._attachments

    def may_add(self) -> bool:
        """True when files can be added now: a saved incident and a role that may edit."""
        return self._reference is not None and self._user.may(Permission.EDIT_INCIDENTS)

    def show_incident(self, reference: str | None, attachments: Iterable[AttachmentView]) -> None:
        """List the attachments of *reference* (``None``: a new, unsaved incident)."""
        self._reference = reference
        self._attachments = tuple(attachments)
        if reference is None:
            notice = self.tr(
                "Attachments can be added once the incident is saved: save it first (Ctrl+S)."
            )
        elif not self._user.may(Permission.EDIT_INCIDENTS):
            notice = self.tr("Your role may open these files but not add new ones.")
        else:
            notice = ""
        self.ui.noticeLabel.setText(notice)
        self.ui.noticeLabel.setVisible(bool(notice))
        self.ui.dropHint.setVisible(self.may_add())
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        listing = self.ui.attachmentList
        listing.clear()
        for attachment in self._attachments:
            item = QTreeWidgetItem(
                [
                    attachment.file_name,
                    QLocale().formattedDataSize(attachment.size),
                    attachment.sha256,
                    self._names.get(attachment.added_by, attachment.added_by),
                    local_time(attachment.added_at),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, attachment.id)
            item.setToolTip(_NAME, attachment.file_name)
            item.setToolTip(_SIZE, self.tr("{size} bytes").format(size=f"{attachment.size:,}"))
            item.setToolTip(_SHA256, attachment.sha256)
            item.setFont(_SHA256, fixed)
            item.setTextAlignment(
                _SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            listing.addTopLevelItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ui.addButton.setEnabled(self.may_add())
        self.ui.openButton.setEnabled(bool(self.ui.attachmentList.selectedItems()))

    # ------------------------------------------------------------------ adding
    def _on_add_button_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files to the incident"))
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Keep *paths* with the incident; files that cannot be kept are named with the reason."""
        if not paths:
            return
        if self._reference is None:
            self.ui.noticeLabel.setText(
                self.tr("Save the incident first: attachments can be added only to a saved one.")
            )
            self.ui.noticeLabel.show()
            return
        if not self.may_add():
            return
        reference = self._reference
        self.ui.addButton.setEnabled(False)
        self._tasks.run(
            lambda: self._store(reference, list(paths)),
            on_done=self._on_files_stored,
            on_failed=self._on_store_failed,
        )

    def _store(self, reference: str, paths: list[Path]) -> _Added:
        """Runs off the GUI thread: read and store each file, collecting the refusals."""
        refused = []
        for path in paths:
            try:
                if not path.is_file():
                    refused.append((path.name, _NOT_A_FILE, ""))
                    continue
                if path.stat().st_size > MAX_ATTACHMENT_BYTES:
                    refused.append((path.name, _TOO_LARGE, ""))
                    continue
                content = path.read_bytes()
            except OSError as exc:
                refused.append((path.name, _UNREADABLE, exc.strerror or str(exc)))
                continue
            try:
                self._services.incidents.add_attachment(self._user, reference, path.name, content)
            except ValidationFailed as exc:
                detail = "; ".join(e.message for e in exc.errors)
                refused.append((path.name, _REFUSED, detail))
        record = self._services.incidents.get(self._user, reference)
        return _Added(record.attachments, tuple(refused))

    def _on_files_stored(self, added: _Added) -> None:
        reference = self._reference
        self.show_incident(reference, added.attachments)
        if reference is not None:
            self.attachments_added.emit(reference)
        if added.refused:
            lines = "\n".join(
                f"• {name}: {self._refusal(kind, detail)}" for name, kind, detail in added.refused
            )
            self.ui.noticeLabel.setText(self.tr("Not attached:\n{files}").format(files=lines))
            self.ui.noticeLabel.show()

    def _refusal(self, kind: str, detail: str) -> str:
        if kind == _NOT_A_FILE:
            return self.tr("not a file (folders cannot be attached).")
        if kind == _TOO_LARGE:
            return self.tr("larger than {size}, the most an attachment may be.").format(
                size=QLocale().formattedDataSize(MAX_ATTACHMENT_BYTES)
            )
        if kind == _UNREADABLE:
            return self.tr("could not be read ({reason}).").format(reason=detail)
        return self.tr("refused ({reason}).").format(reason=detail)

    def _on_store_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        show_error(self, exc)

    # ------------------------------------------------------------------ opening
    def selected_attachment(self) -> AttachmentView | None:
        """The attachment selected in the list, if any."""
        items = self.ui.attachmentList.selectedItems()
        if not items:
            return None
        wanted = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((a for a in self._attachments if a.id == wanted), None)

    def open_selected(self) -> None:
        """Open the selected attachment in the desktop's viewer for its type."""
        attachment = self.selected_attachment()
        if attachment is None:
            return
        self._tasks.run(
            lambda: self._write_copy(attachment.id),
            on_done=self._on_copy_written,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _write_copy(self, attachment_id: int) -> Path:
        """Runs off the GUI thread: fetch the verified bytes and write them to a scratch file."""
        view, content = self._services.incidents.attachment_content(self._user, attachment_id)
        # A folder per attachment keeps the file's own name (viewers show it) without clashes.
        folder = self._scratch / f"attachment-{view.id}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / view.file_name
        target.write_bytes(content)
        return target

    def _on_copy_written(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.ui.noticeLabel.setText(
                self.tr("No program could open {file}; a copy is at {path}.").format(
                    file=path.name, path=str(path)
                )
            )
            self.ui.noticeLabel.show()

    # ------------------------------------------------------------------ dropping
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dragged over the list."""
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Attach the dropped files."""
        files = dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.add_files(files)

"""The cause-graph editor's commands: one QAction each, shared by menus, toolbar and keys.

Single-key shortcuts (Insert, N, Delete, F2) act on the graph only while the graph view has
the keyboard focus, so typing in a properties field never deletes a cause.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from qa_desktop.analysis.interchange import GraphFormat
from qa_desktop.domain.cause_graph import CauseLayer, CauseStatus, GateKind
from qa_desktop.ui.cause_graph.graph_editing import GraphEditing
from qa_desktop.ui.cause_graph.graph_view import CauseGraphView
from qa_desktop.ui.cause_graph.scene import CauseGraphScene
from qa_desktop.ui.cause_graph.wording import label, layer_colour
from qa_desktop.ui.icons import icon


def swatch(colour: QColor, size: int = 16) -> QIcon:
    """A small square of *colour*: the layer's key in menus and on the toolbar."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour.darker(130))
    painter.setBrush(colour)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class EditorActions(QObject):
    """Creates the editor's commands and puts them in its menus and toolbar."""

    def __init__(self, window: QMainWindow, stack: QUndoStack, view: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._view = view
        keys = QKeySequence.StandardKey
        # File
        self.save = self._action(self.tr("&Save"), keys.Save, "save")
        self.reload = self._action(self.tr("&Reload"), keys.Refresh, "refresh")
        self.export = {
            fmt: self._action(
                self.tr("Export as {format}…").format(format=fmt.display_name), None, "export"
            )
            for fmt in GraphFormat
        }
        self.import_ = self._action(self.tr("&Import from file…"), None, "import")
        self.print_report = self._action(self.tr("Print &8D report (PDF)…"), keys.Print, None)
        self.close = self._action(self.tr("&Close"), keys.Close, None)
        # Edit
        self.undo = stack.createUndoAction(window, self.tr("&Undo"))
        self.undo.setShortcuts(keys.Undo)
        self.redo = stack.createRedoAction(window, self.tr("&Redo"))
        redo_keys = QKeySequence.keyBindings(keys.Redo)
        for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
            if QKeySequence(extra) not in redo_keys:
                redo_keys.append(QKeySequence(extra))
        self.redo.setShortcuts(redo_keys)
        self.add_cause = self._graph_action(
            self.tr("&Add cause"), [QKeySequence(Qt.Key.Key_Insert), QKeySequence(Qt.Key.Key_N)]
        )
        self.add_cause.setToolTip(self.tr("Add a cause of the selected node (Insert or N)"))
        self.edit_title = self._graph_action(self.tr("Edit &title"), [QKeySequence(Qt.Key.Key_F2)])
        self.link = self._action(self.tr("&Link to a cause…"), QKeySequence("Ctrl+L"), None)
        self.delete = self._graph_action(
            self.tr("&Delete"),
            [QKeySequence(keys.Delete), QKeySequence(Qt.Key.Key_Backspace)],
        )
        self.and_gate = self._action(self.tr("Join under an &AND gate"), QKeySequence("Ctrl+G"))
        self.or_gate = self._action(self.tr("Join under an &OR gate"), QKeySequence("Ctrl+Shift+G"))
        self.layer = {
            layer: self._action(label(layer), QKeySequence(f"Ctrl+{number}"))
            for number, layer in enumerate(CauseLayer, start=1)
        }
        self.status = {
            status: self._action(label(status), QKeySequence(f"Alt+{number}"))
            for number, status in enumerate(CauseStatus, start=1)
        }
        # View
        self.show_layer = {}
        for layer in CauseLayer:
            action = self._action(label(layer), None)
            action.setCheckable(True)
            action.setChecked(True)
            action.setToolTip(self.tr("Show or hide the {layer} layer").format(layer=label(layer)))
            self.show_layer[layer] = action
        self.zoom_in = self._action(self.tr("Zoom &in"), keys.ZoomIn, None)
        self.zoom_out = self._action(self.tr("Zoom &out"), keys.ZoomOut, None)
        self.fit = self._action(self.tr("&Fit the whole graph"), QKeySequence("Ctrl+0"), None)
        self.arrange = self._action(
            self.tr("&Arrange automatically"), QKeySequence("Ctrl+Shift+R"), None
        )
        # Analysis
        self.countermeasure = self._action(self.tr("Add &countermeasure…"), QKeySequence("Ctrl+M"))
        self.find_yokoten = self._action(self.tr("Find &yokoten proposals"), None)
        self.check_closure = self._action(self.tr("Check and &close the analysis…"), None)
        self.recolour()
        self._build_menus(window)

    def connect_graph(
        self, editing: GraphEditing, scene: CauseGraphScene, view: CauseGraphView, lists: Any
    ) -> None:
        """Wire the editing, layer and view commands to what carries them out."""
        self.add_cause.triggered.connect(lambda _c=False: editing.add_cause())
        self.edit_title.triggered.connect(lambda _c=False: editing.edit_title())
        self.link.triggered.connect(lambda _c=False: editing.link_selected())
        self.delete.triggered.connect(lambda _c=False: editing.delete_selected())
        self.and_gate.triggered.connect(lambda _c=False: editing.group_selected(GateKind.AND))
        self.or_gate.triggered.connect(lambda _c=False: editing.group_selected(GateKind.OR))
        for layer, action in self.layer.items():
            action.triggered.connect(lambda _c=False, lay=layer: editing.set_layer(lay))
        for status, action in self.status.items():
            action.triggered.connect(lambda _c=False, st=status: editing.set_status(st))
        for layer, action in self.show_layer.items():
            action.toggled.connect(lambda shown, lay=layer: scene.set_layer_visible(lay, shown))
        self.zoom_in.triggered.connect(lambda _c=False: view.zoom_by(1.25))
        self.zoom_out.triggered.connect(lambda _c=False: view.zoom_by(0.8))
        self.fit.triggered.connect(lambda _c=False: view.fit_all())
        self.arrange.triggered.connect(lambda _c=False: editing.arrange())
        self.countermeasure.triggered.connect(lambda _c=False: lists.add_countermeasure())
        self.find_yokoten.triggered.connect(lambda _c=False: lists.find_proposals())

    def set_editable(self, editable: bool) -> None:
        """Disable every command that changes the analysis (for people who only look)."""
        for action in (
            self.save,
            self.import_,
            self.add_cause,
            self.edit_title,
            self.link,
            self.delete,
            self.and_gate,
            self.or_gate,
            self.arrange,
            self.countermeasure,
            self.find_yokoten,
            *self.layer.values(),
            *self.status.values(),
        ):
            action.setEnabled(editable)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if icon_name:
            action.setIcon(icon(icon_name))
        self._window.addAction(action)
        return action

    def _graph_action(self, text: str, shortcuts: list[QKeySequence]) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._view.addAction(action)
        return action

    def recolour(self) -> None:
        """Layer swatches in the colours of the palette in use (light or dark)."""
        palette = self._window.palette()
        for layer, action in self.show_layer.items():
            action.setIcon(swatch(layer_colour(layer, palette)))
        for layer, action in self.layer.items():
            action.setIcon(swatch(layer_colour(layer, palette)))

    def _build_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.save, self.reload])
        file_menu.addSeparator()
        file_menu.addActions([*self.export.values(), self.import_])
        file_menu.addSeparator()
        file_menu.addAction(self.print_report)
        file_menu.addSeparator()
        file_menu.addAction(self.close)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_cause, self.edit_title, self.link, self.delete])
        edit_menu.addSeparator()
        edit_menu.addActions([self.and_gate, self.or_gate])
        layer_menu = QMenu(self.tr("Set &layer"), edit_menu)
        layer_menu.addActions(list(self.layer.values()))
        status_menu = QMenu(self.tr("Set &status"), edit_menu)
        status_menu.addActions(list(self.status.values()))
        edit_menu.addMenu(layer_menu)
        edit_menu.addMenu(status_menu)
        view_menu = bar.addMenu(self.tr("&View"))
        layers_menu = QMenu(self.tr("&Layers"), view_menu)
        layers_menu.addActions(list(self.show_layer.values()))
        view_menu.addMenu(layers_menu)
        view_menu.addSeparator()
        view_menu.addActions([self.zoom_in, self.zoom_out, self.fit, self.arrange])
        self.view_menu = view_menu
        analysis_menu = bar.addMenu(self.tr("&Analysis"))
        analysis_menu.addActions([self.countermeasure, self.find_yokoten])
        analysis_menu.addSeparator()
        analysis_menu.addAction(self.check_closure)

        toolbar = QToolBar(self.tr("Analysis tools"), window)
        toolbar.setObjectName("analysis_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.save)
        toolbar.addSeparator()
        toolbar.addActions([self.add_cause, self.link, self.delete])
        toolbar.addSeparator()
        toolbar.addActions(list(self.show_layer.values()))
        toolbar.addSeparator()
        toolbar.addActions([self.fit, self.arrange])
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

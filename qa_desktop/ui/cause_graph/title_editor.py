"""Typing a cause's title in place, over its box in the graph."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from qa_desktop.ui.cause_graph.drawing_style import (
    NODE_HEIGHT,
    NODE_WIDTH,
    PADDING,
    Z_EDITOR,
    SceneStyle,
)

# ================================================================================ editing


class TitleEditor(QGraphicsTextItem):
    """Types a cause's title in place: Enter keeps it, Escape drops it.

    Plain text only (``setPlainText``/``toPlainText``): markup characters stay characters.
    A title is one line, so line breaks that arrive by pasting become spaces.
    """

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, text: str, centre: QPointF, style: SceneStyle, colour: QColor) -> None:
        super().__init__()
        self._done = False
        self._colour = colour
        self._style = style
        self.setFont(style.title_font)
        self.setDefaultTextColor(style.text)
        self.setTextWidth(NODE_WIDTH - 2 * PADDING)
        self.setPlainText(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(Z_EDITOR)
        self.setPos(centre + QPointF(-NODE_WIDTH / 2 + PADDING, -NODE_HEIGHT / 2 + PADDING))

    def text(self) -> str:
        """The title typed so far, on one line."""
        return " ".join(self.toPlainText().splitlines())

    def start(self) -> None:
        """Take the keyboard focus with the whole text selected, ready to type over."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter commits, Escape cancels; everything else edits."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(commit=True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Clicking elsewhere keeps what was typed, as renaming a file does."""
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(commit=True)

    def finish(self, *, commit: bool) -> None:
        """End editing once: emit the text (or the cancellation)."""
        if self._done:
            return
        self._done = True
        if commit:
            self.committed.emit(self.text())
        else:
            self.cancelled.emit()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """A frame in the layer's colour behind the text."""
        frame = self.boundingRect().adjusted(-PADDING + 2, -PADDING + 2, PADDING - 2, 4)
        painter.setPen(QPen(self._colour, 2.0))
        painter.setBrush(self._style.base)
        painter.drawRoundedRect(frame, 6, 6)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # None is allowed

"""A compact multiple-choice filter: a button that names what is chosen and opens a checklist."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

#: More chosen values than this are summarised as a number rather than listed.
_LISTED = 2


class ChoiceButton(QToolButton):
    """Lets the user pick any number of codes; none picked means "any"."""

    #: The chosen codes changed (by the user or by :meth:`set_chosen`).
    choices_changed = Signal()

    def __init__(
        self,
        title: str,
        codes: Iterable[str],
        label: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._label = label
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title.replace("&", ""))
        menu = QMenu(self)
        self._any = QAction(self.tr("Any"), menu)
        self._any.triggered.connect(self.clear)
        menu.addAction(self._any)
        menu.addSeparator()
        self._actions: dict[str, QAction] = {}
        for code in codes:
            action = QAction(label(code), menu)
            action.setCheckable(True)
            action.setData(code)
            action.toggled.connect(self._on_action_toggled)
            menu.addAction(action)
            self._actions[code] = action
        self.setMenu(menu)
        self._update_text()

    def chosen(self) -> tuple[str, ...]:
        """The codes ticked, in menu order."""
        return tuple(code for code, action in self._actions.items() if action.isChecked())

    def set_chosen(self, codes: Iterable[str]) -> None:
        """Tick exactly *codes* (unknown codes are ignored); signals once if that changed."""
        wanted = set(codes)
        before = self.chosen()
        for code, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(code in wanted)
            action.blockSignals(False)
        self._update_text()
        if self.chosen() != before:
            self.choices_changed.emit()

    def clear(self) -> None:
        """Untick everything: the filter matches any value again."""
        self.set_chosen(())

    def action_for(self, code: str) -> QAction | None:
        """The menu entry of *code* (for keyboard users and tests)."""
        return self._actions.get(code)

    def _on_action_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.choices_changed.emit()

    def _update_text(self) -> None:
        chosen = self.chosen()
        if not chosen:
            summary = self.tr("any")
        elif len(chosen) <= _LISTED:
            summary = ", ".join(self._label(code) for code in chosen)
        else:
            summary = self.tr("{n} chosen").format(n=len(chosen))
        self.setText(f"{self._title}: {summary}")
        self._any.setEnabled(bool(chosen))

"""The bundled SVG icons, drawn in the palette's text colour so they suit light and dark themes.

The line icons in ``resources/icons`` are drawn with ``currentColor``; they are rendered in
the window text colour of the running palette, at the sizes menus, buttons and the toolbar
use, so that 100 % and 200 % scaling both get crisp pixels. The application icon keeps
its own colours.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from qa_desktop.resources import resources_dir

#: Line icons appear in menus (16), buttons (20) and the toolbar (24), twice that at 200 %.
_SIZES = (16, 20, 24, 32, 48)
#: The application icon also shows large (task switchers, the About box).
_APP_SIZES = (16, 24, 32, 48, 64, 128)
APP_ICON = "qa-desktop"


def _render(svg: bytes, sizes: tuple[int, ...]) -> QIcon:
    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    if not renderer.isValid():
        return result
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result


@cache
def _coloured(name: str, colour: str, sizes: tuple[int, ...] = _SIZES) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        svg = path.read_bytes()
    except OSError:
        return QIcon()  # a missing icon leaves a text-only button, never a crash
    return _render(svg.replace(b"currentColor", colour.encode("ascii")), sizes)


def icon(name: str) -> QIcon:
    """The line icon *name* in the current palette's text colour (empty if missing)."""
    palette = QGuiApplication.palette()
    colour: QColor = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    return _coloured(name, colour.name())


def app_icon() -> QIcon:
    """The application's own icon (window title bar, task bar, About box)."""
    return _coloured(APP_ICON, "#000000", _APP_SIZES)


def swatch(colour: str) -> QIcon:
    """A small filled circle of *colour* (a severity's mark beside its name)."""
    fill = QColor(colour)
    result = QIcon()
    for size in (12, 16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(fill.darker(140))
        painter.setBrush(fill)
        margin = max(1, size // 6)
        painter.drawEllipse(margin, margin, size - 2 * margin - 1, size - 2 * margin - 1)
        painter.end()
        result.addPixmap(pixmap)
    return result

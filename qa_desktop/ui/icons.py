"""The bundled SVG icons, drawn in the palette's text colour so they suit light and dark themes.

The line icons in ``resources/icons`` are drawn with ``currentColor``. Each is written once,
coloured for the running palette, to the user's cache folder and loaded from there, so Qt's
own SVG icon engine draws it at exactly the size and pixel ratio asked for (crisp at 100 %
and 200 % scaling alike) and only when it is first painted. Where the cache folder cannot
be written, the icon is rendered here at the usual sizes instead. The application icon
keeps its own colours.
"""

from __future__ import annotations

import logging
import os
import tempfile
from functools import cache
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from qa_desktop.resources import resources_dir

log = logging.getLogger(__name__)
#: Sizes rendered when an icon cannot be handed to Qt's SVG engine as a file.
_SIZES = (16, 20, 24, 32, 48, 64, 128)
APP_ICON = "qa-desktop"


def _cache_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(location) / "qa-desktop" / "icons"


def _cached_file(name: str, svg: bytes) -> Path | None:
    """*svg* as a file in the cache folder (written once, atomically); None if it cannot be."""
    folder = _cache_folder()
    target = folder / name
    try:
        if target.is_file() and target.read_bytes() == svg:
            return target
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(svg)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.info("icons are rendered in memory: %s", exc)
        return None
    return target


def _rendered(svg: bytes) -> QIcon:
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    if not renderer.isValid():
        return result
    for size in _SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result


def _svg_icon(file_name: str, svg: bytes) -> QIcon:
    path = _cached_file(file_name, svg)
    return QIcon(str(path)) if path is not None else _rendered(svg)


@cache
def _coloured(name: str, colour: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        svg = path.read_bytes()
    except OSError:
        return QIcon()  # a missing icon leaves a text-only button, never a crash
    svg = svg.replace(b"currentColor", colour.encode("ascii"))
    return _svg_icon(f"{name}-{colour.lstrip('#')}.svg", svg)


def icon(name: str) -> QIcon:
    """The line icon *name* in the current palette's text colour (empty if missing)."""
    palette = QGuiApplication.palette()
    colour: QColor = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    return _coloured(name, colour.name())


def app_icon() -> QIcon:
    """The application's own icon (window title bar, task bar, About box)."""
    return _coloured(APP_ICON, "#000000")


@cache
def swatch(colour: str) -> QIcon:
    """A small filled circle of *colour* (a severity's mark beside its name)."""
    fill = QColor(colour)
    edge = fill.darker(140).name()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">'
        f'<circle cx="8" cy="8" r="5.25" fill="{fill.name()}" stroke="{edge}" '
        'stroke-width="1"/></svg>'
    ).encode("ascii")
    return _svg_icon(f"swatch-{fill.name().lstrip('#')}.svg", svg)

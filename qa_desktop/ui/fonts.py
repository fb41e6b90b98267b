"""Japanese text on any machine: the bundled IPAexGothic font as a fallback for every widget.

A Linux machine without CJK fonts would otherwise draw Japanese as empty boxes. The
system's own font stays first, so Latin text looks native; Qt falls back to the bundled
font for each glyph the first font lacks.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from qa_desktop.resources import japanese_font_path

log = logging.getLogger(__name__)
JAPANESE_FAMILY = "IPAexGothic"


def install_japanese_fallback(app: QGuiApplication) -> list[str]:
    """Register the bundled font and add it to the application font's families.

    Returns the families added (empty when the font could not be loaded; the interface
    then relies on the system's fonts and says so in the log).
    """
    path = japanese_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("the bundled Japanese font %s could not be loaded", path)
        return []
    added = QFontDatabase.applicationFontFamilies(font_id)
    font = QFont(app.font())
    families = [font.family(), *(f for f in added if f != font.family())]
    font.setFamilies(families)
    app.setFont(font)
    return list(added)

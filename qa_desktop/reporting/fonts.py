"""The bundled Japanese font for printed documents, and text made safe to print with it.

Every printed document uses IPAexGothic (bundled with the application) for every piece of
text, so Japanese prints on any machine and the PDF embeds the font it needs: a document that
names a font it does not embed prints differently, or not at all, on another computer.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from qa_desktop.resources import japanese_font_path

#: The name printed documents use for the bundled font.
JAPANESE_FONT = "IPAexGothic"

_lock = threading.Lock()
_glyphs: frozenset[int] = frozenset()
_SPACE_RUN = re.compile(r"(?<= ) +|^ +")
# C0/C1 controls other than line breaks and tabs: never meaningful on paper.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def register_japanese_font() -> str:
    """Register the bundled font with ReportLab (once) and return its name.

    Bold and italic map to the same face: the font has no such variants, and without the
    mapping ReportLab would fall back to a standard font it cannot embed.
    """
    global _glyphs  # noqa: PLW0603 - one registration per process, shared by every document
    with _lock:
        if JAPANESE_FONT not in pdfmetrics.getRegisteredFontNames():
            font = TTFont(JAPANESE_FONT, str(japanese_font_path()))
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(JAPANESE_FONT, bold, italic, JAPANESE_FONT)
            _glyphs = frozenset(font.face.charToGlyph)
    return JAPANESE_FONT


def covers(character: str) -> bool:
    """True when the bundled font can draw *character*."""
    register_japanese_font()
    return ord(character) in _glyphs


def printable_text(text: str) -> str:
    """*text* with every character the font cannot draw spelled out as ``[U+XXXX]``.

    Emoji and rare symbols are not in the font; ReportLab would drop them silently, so a
    reader would never know they were there. Invisible format characters (joiners,
    variation selectors, direction marks) are dropped instead, as they draw nothing anyway.
    """
    register_japanese_font()
    out: list[str] = []
    for character in _CONTROL.sub("\ufffd", text):
        if character in "\n\t" or ord(character) in _glyphs:
            out.append(character)
        elif unicodedata.category(character) == "Cf" or 0xFE00 <= ord(character) <= 0xFE0F:
            continue
        else:
            out.append(f"[U+{ord(character):04X}]")
    return "".join(out)


def paragraph_markup(text: str) -> str:
    """*text* as ReportLab paragraph markup that prints exactly what was typed.

    Markup characters (``<b>&amp;``) are escaped so they print rather than format; runs of
    spaces and tabs are kept (a paragraph would collapse them); line breaks become ``<br/>``.
    """
    lines = []
    for line in printable_text(text).replace("\t", "    ").split("\n"):
        kept = _SPACE_RUN.sub(lambda match: "\u00a0" * len(match.group()), line)
        lines.append(escape(kept))
    return "<br/>".join(lines)

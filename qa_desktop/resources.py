"""Where bundled files live: next to the package in a checkout, or in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder (icons, fonts, translations, templates)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def workflows_dir() -> Path:
    """The ``workflows/`` folder of declarative response flows and rules."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "workflows"
    return Path(__file__).resolve().parent.parent / "workflows"


def japanese_font_path() -> Path:
    """The bundled Japanese TrueType font (IPAexGothic), used by Qt and by ReportLab."""
    return resources_dir() / "fonts" / "ipaexg.ttf"

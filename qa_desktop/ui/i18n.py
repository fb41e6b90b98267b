"""The interface language: English (the source text) or Japanese.

The choice comes from Preferences, else from the system locale. Qt's own dialogs (file
pickers, standard buttons) get their translations from the Qt installation.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from qa_desktop.resources import resources_dir

log = logging.getLogger(__name__)
SUPPORTED = ("en", "ja")
CATALOGUE = "qa_desktop"


def system_language() -> str:
    """``ja`` when the system locale is Japanese, else ``en``."""
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def effective_language(preference: str) -> str:
    """The language to use for *preference* (``""`` follows the system)."""
    return preference if preference in SUPPORTED else system_language()


def translations_dir() -> str:
    """Where the compiled catalogues (``qa_desktop_ja.qm``) are."""
    return str(resources_dir() / "translations")


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Translate the interface into *language*; returns the translators installed.

    The caller keeps the list alive for as long as the translations are in use.
    """
    locale = (
        QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
        if language == "ja"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    QLocale.setDefault(locale)
    if language != "ja":
        return []  # the source text is English
    installed = []
    sources = (
        (CATALOGUE, translations_dir()),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no %s translation for %s in %s", name, locale.name(), folder)
    return installed

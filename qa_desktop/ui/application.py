"""Starting the desktop application: options, language, fonts, then the session.

``qa-desktop [--db URL] [--user NAME] [--lang ja|en]``. With ``--user`` and the password in
``QA_DESKTOP_PASSWORD`` (the command line's convention) the sign-in is automatic; the
hidden ``--exit-after-first-page`` quits once the register has painted its first rows,
which is how start-up time is measured.

The database layer is opened on a worker thread while Qt starts (see :mod:`early_start`),
so the windows and the services are imported only after that work has begun; on an
up-to-date SQLite file the register's first page is read ahead without the database layer
and shown before it has loaded.
"""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from qa_desktop import __version__
from qa_desktop.ui.early_start import PASSWORD_ENV, EarlyStart, choose_location
from qa_desktop.ui.fonts import install_japanese_fallback
from qa_desktop.ui.i18n import effective_language, install_translators
from qa_desktop.ui.icons import app_icon
from qa_desktop.ui.register_model import PAGE_SIZE
from qa_desktop.ui.settings import APPLICATION, ORGANISATION, AppSettings


def _parse(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="qa-desktop", add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--user", default="")
    parser.add_argument("--lang", choices=("ja", "en"))
    parser.add_argument("--exit-after-first-page", action="store_true", help=argparse.SUPPRESS)
    # Qt's own options (-style, -platform …) pass through to QApplication.
    options, _qt_args = parser.parse_known_args(args)
    return options


def _qt_arguments(args: list[str]) -> list[str]:
    ours = {"--db", "--user", "--lang"}
    passed: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in ours:
            skip = True
        elif arg.split("=", 1)[0] in ours or arg == "--exit-after-first-page":
            continue
        else:
            passed.append(arg)
    return passed


def prepare_application(
    args: list[str], language: str | None
) -> tuple[QApplication, list[QTranslator]]:
    """The QApplication with name, icon, translations and the Japanese font fallback."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0] if sys.argv else "qa-desktop", *_qt_arguments(args)])
    )
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app.setDesktopFileName("qa-desktop")
    settings = AppSettings()
    translators = install_translators(app, effective_language(language or settings.language))
    install_japanese_fallback(app)
    app.setWindowIcon(app_icon())
    return app, translators


def run_gui(args: list[str], early: EarlyStart | None = None) -> int:
    """Run the desktop application until its last window closes; returns the exit code.

    *early* is the opening and sign-in begun before Qt was imported, if it was.
    """
    options = _parse(args)
    settings = AppSettings()
    location = choose_location(options.db, settings.recent_databases)
    if early is None or early.location != location:
        early = EarlyStart(
            location, options.user, os.environ.get(PASSWORD_ENV) if options.user else None
        )
    # The register opens on the filters and order it closed with: read its first page
    # ahead (see early_start), so the window can show it as soon as it is built.
    early.request_first_page(settings.last_filter.to_query(*settings.last_sort), PAGE_SIZE)
    app, _translators = prepare_application(args, options.lang)
    from qa_desktop.ui.desktop_session import DesktopSession, StartOptions
    from qa_desktop.ui.errors import show_error
    from qa_desktop.ui.hub import EventHub
    from qa_desktop.ui.tasks import TaskRunner

    hub = EventHub()
    tasks = TaskRunner(lambda exc: show_error(QApplication.activeWindow(), exc))
    session = DesktopSession(
        settings,
        tasks,
        hub,
        StartOptions(
            database=options.db,
            username=options.user,
            exit_after_first_page=options.exit_after_first_page,
        ),
    )
    try:
        if not session.start(early):
            return 1
        # The response flow and rule files are checked as soon as the window is up; a broken
        # file stops the application with its file, line and problem.
        # Deferred past the first page: loading them imports a lot (holidays of every country),
        # and an import in another thread holds the import lock the window needs.
        QTimer.singleShot(
            DEFINITIONS_DELAY_MS,
            lambda: tasks.run(_load_definitions, on_failed=lambda e: _refuse_definitions(app, e)),
        )
        return app.exec()
    finally:
        session.shutdown()


#: How long after start the response-flow and rule files are checked.
DEFINITIONS_DELAY_MS = 1_000


def _load_definitions() -> object:
    from qa_desktop.services.response import shipped_rules

    return shipped_rules()


def _refuse_definitions(app: QApplication, exc: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    from qa_desktop.domain.errors import DefinitionError
    from qa_desktop.ui.errors import show_error

    if not isinstance(exc, DefinitionError):
        show_error(QApplication.activeWindow(), exc)
        return
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Application", "QA Desktop cannot start"))
    box.setText(
        QCoreApplication.translate(
            "Application",
            "A response-flow or rule file is invalid, so deadlines cannot be computed "
            "safely:\n\n{problem}\n\nAsk a QA division head to correct the file.",
        ).format(problem=str(exc))
    )
    box.exec()
    app.exit(2)


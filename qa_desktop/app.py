"""Entry point: a sub-command runs the command line (no Qt); none starts the desktop app.

Kept tiny on purpose: ``qa-desktop --version`` must start about as fast as importing
SQLAlchemy, so everything heavy is imported only by the branch that needs it.
"""

from __future__ import annotations

import os
import sys

from qa_desktop import __version__

#: Sub-commands of the command line; anything else starts the desktop application.
COMMANDS = frozenset(
    {
        "init",
        "user",
        "import",
        "export",
        "incident",
        "demo",
        "backup",
        "clocks",
        "analysis",
        "flow",
    }
)


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


#: Longest the start waits for the password check to begin before it imports Qt.
EARLY_HEAD_START_S = 0.1

NO_DISPLAY_MESSAGE = """\
qa-desktop: there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).
  - On a desktop, start it from the desktop session.
  - On a headless machine, run it under a virtual display:  xvfb-run -a qa-desktop
  - The command line works without a display:  qa-desktop --help
"""


def main(argv: list[str] | None = None) -> int:
    """Run QA Desktop with *argv* (defaults to the process arguments); returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("--version", "-V"):
        print(f"qa-desktop {__version__}")
        return 0
    if any(a in COMMANDS for a in _positionals(args)) or any(a in ("-h", "--help") for a in args):
        from qa_desktop.cli.main import run

        return run(args)
    if not _has_display():
        sys.stderr.write(NO_DISPLAY_MESSAGE)
        return 1
    # Signing in starts first, on a worker thread, while Qt and the window load.
    from qa_desktop.ui.early_start import begin_before_qt

    early = begin_before_qt(args)
    if early is not None:
        # Importing Qt holds the interpreter for long stretches; let the password check
        # get under way first (a few milliseconds), then both proceed side by side.
        early.verifying.wait(EARLY_HEAD_START_S)
    from qa_desktop.ui.application import run_gui

    return int(run_gui(args, early))


def _positionals(args: list[str]) -> list[str]:
    """The words that are not options or option values (``--db URL`` takes a value)."""
    words = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("--db", "--user", "--lang"):
            skip = True
            continue
        if arg.startswith("-"):
            continue
        words.append(arg)
    return words[:1]


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""``qa-desktop analysis``: export, import and print an incident's OCHIBO-HIROI analysis.

    qa-desktop analysis export REF --format graphml|dot|json -o FILE
    qa-desktop analysis import REF FILE [--format graphml|dot|json] [--reason TEXT]
    qa-desktop analysis print REF -o FILE.pdf

The format defaults to the one the file name's suffix names (.graphml, .gv/.dot, .json).
A refused import lists every problem found and changes nothing. Imports no Qt.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qa_desktop.domain.errors import QaError

# Spelled out rather than read from analysis.interchange, so that building the command line
# does not import networkx for commands that never touch a graph (a test holds them equal).
_FORMATS = ["graphml", "dot", "json"]
#: Largest graph file accepted, in bytes (analysis.interchange.MAX_FILE_BYTES; tested equal).
MAX_FILE_BYTES = 20 * 1_048_576


def add_analysis_parser(subparsers: Any) -> None:
    """Add the ``analysis`` command to the command line's sub-parsers."""
    analysis = subparsers.add_parser(
        "analysis", help="export, import or print an incident's OCHIBO-HIROI analysis"
    )
    actions = analysis.add_subparsers(dest="analysis_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the analysis as GraphML, DOT or JSON")
    export.add_argument("reference", metavar="REF", help="the incident, e.g. INC-2026-0001")
    export.add_argument("--format", choices=_FORMATS, help="default: from the suffix of -o")
    export.add_argument("-o", "--output", type=Path, required=True)
    load = actions.add_parser(
        "import",
        help="replace the analysis with a GraphML, DOT or JSON file "
        f"(at most {MAX_FILE_BYTES // 1_048_576} MB; all or nothing)",
    )
    load.add_argument("reference", metavar="REF")
    load.add_argument("file", type=Path)
    load.add_argument("--format", choices=_FORMATS, help="default: from the file's suffix")
    load.add_argument(
        "--reason", default="", help="why, when the analysis is closed (the import reopens it)"
    )
    printing = actions.add_parser("print", help="write the analysis as an 8D report (PDF)")
    printing.add_argument("reference", metavar="REF")
    printing.add_argument("-o", "--output", type=Path, required=True)


def run_analysis(
    args: argparse.Namespace,
    open_services: Callable[[argparse.Namespace], Any],
    sign_in: Callable[[Any, argparse.Namespace], Any],
) -> int:
    """Run one ``analysis`` action; returns the exit code (errors are raised as QaError)."""
    from qa_desktop.analysis.interchange import format_for_path

    services = open_services(args)
    actor = sign_in(services, args)
    analyses = _analysis_services(services).analyses
    if args.analysis_command == "export":
        fmt = args.format or format_for_path(args.output).value
        data = analyses.export(actor, args.reference, fmt)
        _write(args.output, data)
        print(f"exported the analysis of {args.reference} to {args.output} ({len(data):,} bytes)")
        return 0
    if args.analysis_command == "import":
        fmt = args.format or format_for_path(args.file).value
        record = analyses.import_(actor, args.reference, _read(args.file), fmt, args.reason)
        print(
            f"imported {args.file} into the analysis of {args.reference}: "
            f"{len(record.graph.causes)} cause(s), {len(record.graph.countermeasures)} "
            f"countermeasure(s), version {record.version}"
        )
        return 0
    pdf = analyses.eight_d_report(actor, args.reference)
    _write(args.output, pdf)
    print(f"printed the 8D report of {args.reference} to {args.output}")
    return 0


def _analysis_services(services: Any) -> Any:
    attached = getattr(services, "analysis", None)
    if attached is not None:
        return attached
    from qa_desktop.services.analysis_facade import AnalysisServices

    return AnalysisServices(services.database, services.now, services.accounts)


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise QaError(
                f"{path.name} is larger than {MAX_FILE_BYTES // 1_048_576} MB; "
                "nothing was imported."
            )
        with path.open("rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise QaError(f"{path} could not be read: {error.strerror or error}.") from None


def _write(path: Path, data: bytes) -> None:
    """Write *data* whole or not at all: a half-written file never replaces a good one."""
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as out:
            temporary = Path(out.name)
            out.write(data)
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise QaError(f"{path} could not be written: {error.strerror or error}.") from None

"""The command line: every use case for scripts and headless machines. Imports no Qt.

The person acting is named by ``--user`` (or ``QA_DESKTOP_USER``); the password comes from
``QA_DESKTOP_PASSWORD`` or is asked for on the terminal. The services check permissions
exactly as they do for the desktop app.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qa_desktop import __version__
from qa_desktop.cli.analysis import add_analysis_parser, run_analysis
from qa_desktop.cli.clocks import add_clocks_parser, run_clocks
from qa_desktop.cli.flow import add_flow_parser, run_flow
from qa_desktop.domain.errors import QaError, ValidationFailed

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_OVERDUE = 3

#: Databases this command opened; closed when it ends.
_OPENED: list[Any] = []


class CliError(QaError):
    """A command-line problem the user can fix (missing password, bad argument)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa-desktop",
        description="QA Desktop: product incidents, response flow and OCHIBO-HIROI analyses. "
        "Without a command it opens the desktop application.",
    )
    parser.add_argument("--version", "-V", action="version", version=f"qa-desktop {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database: an SQLite file path or postgresql+psycopg://user@host/db "
        "(default: $QA_DESKTOP_DB, else the file in your data folder)",
    )
    parser.add_argument(
        "--user", metavar="NAME", help="act as this account (default: $QA_DESKTOP_USER)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create or upgrade the database and its first administrator")
    init.add_argument("--admin", metavar="NAME", help="user name of the first administrator")
    init.add_argument(
        "--admin-name", metavar="TEXT", help="display name of the first administrator"
    )

    user = sub.add_parser("user", help="manage accounts (administrators)")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser("add", help="create an account")
    add.add_argument("username")
    add.add_argument(
        "--role", required=True, choices=["qa_engineer", "qa_head", "manager", "administrator"]
    )
    add.add_argument("--name", required=True, help="display name")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the new password from standard input"
    )
    ulist = user_sub.add_parser("list", help="list accounts")
    ulist.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", help="import incidents from CSV, XLSX or JSON (all or nothing)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", choices=["csv", "xlsx", "json"], help="default: from the suffix")

    exp = sub.add_parser("export", help="export incidents to CSV, XLSX or JSON")
    exp.add_argument("--format", choices=["csv", "xlsx", "json"], required=True)
    exp.add_argument("-o", "--output", type=Path, required=True)

    incident = sub.add_parser("incident", help="list or show incidents")
    inc_sub = incident.add_subparsers(dest="incident_command", metavar="ACTION", required=True)
    ilist = inc_sub.add_parser("list", help="the newest incidents")
    ilist.add_argument("--json", action="store_true")
    ilist.add_argument("--limit", type=int, default=100)
    ilist.add_argument("--search", default="", help="full-text search")
    ilist.add_argument("--status", action="append", default=[])
    ilist.add_argument("--severity", action="append", default=[])
    show = inc_sub.add_parser("show", help="one incident")
    show.add_argument("reference")
    show.add_argument("--json", action="store_true")

    demo = sub.add_parser("demo", help="fill a new database with realistic demo data")
    demo.add_argument("--incidents", type=int, default=500, metavar="N")
    demo.add_argument("--seed", type=int, default=2021)

    backup = sub.add_parser("backup", help="online backup of the database")
    backup.add_argument("-o", "--output", type=Path, required=True)
    add_analysis_parser(sub)
    add_clocks_parser(sub)
    add_flow_parser(sub)
    return parser


def run(argv: list[str]) -> int:
    """Run the command line; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return _dispatch(args)
    except ValidationFailed as exc:
        for error in exc.errors:
            print(f"error: {error.field}: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except QaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        report = getattr(exc, "report", None)
        if callable(report):
            print(report(), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted; nothing was half-written", file=sys.stderr)
        return 130
    finally:
        # Connections are closed before the process ends: a server counts them.
        while _OPENED:
            _OPENED.pop().database.dispose()


def _open(args: argparse.Namespace) -> Any:
    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database
    from qa_desktop.services import QaServices

    database, report = open_database(resolve_url(args.db))
    services = QaServices(database)
    _OPENED.append(services)
    if report.backup is not None:
        print(
            f"database upgraded from schema {report.upgraded_from}; backup at {report.backup}",
            file=sys.stderr,
        )
    return services


def _password(prompt: str, env: str = "QA_DESKTOP_PASSWORD") -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"no password: set {env} or run on a terminal to be asked")
    return getpass.getpass(prompt)


def _sign_in(services: Any, args: argparse.Namespace) -> Any:
    username = args.user or os.environ.get("QA_DESKTOP_USER")
    if not username:
        raise CliError("who is acting? give --user NAME or set QA_DESKTOP_USER")
    return services.accounts.sign_in(username, _password(f"Password for {username}: "))


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _dispatch(args: argparse.Namespace) -> int:
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "init": _cmd_init,
        "user": _cmd_user,
        "import": _cmd_import,
        "export": _cmd_export,
        "incident": _cmd_incident,
        "demo": _cmd_demo,
        "backup": _cmd_backup,
        "analysis": lambda a: run_analysis(a, _open, _sign_in),
        "clocks": lambda a: run_clocks(a, _clocks_session),
        "flow": lambda a: run_flow(a, _open, _sign_in),
    }
    handler = handlers.get(args.command)
    if handler is None:
        raise CliError(f"'{args.command}' is not available in this version")
    return handler(args)


def _clocks_session(args: argparse.Namespace) -> tuple[Any, Any]:
    services = _open(args)
    return services.response.clocks, _sign_in(services, args)


def _cmd_init(args: argparse.Namespace) -> int:
    services = _open(args)
    print(f"database ready: {services.database.display_name}")
    if not services.accounts.first_run_needed():
        print("accounts exist already; nothing else to do")
        return EXIT_OK
    username = args.admin or os.environ.get("QA_DESKTOP_USER")
    if not username:
        raise CliError("the first administrator needs a user name: give --admin NAME")
    password = _password(f"Password for the new administrator {username}: ")
    admin = services.accounts.create_first_administrator(
        username, args.admin_name or username, password
    )
    print(f"first administrator created: {admin.username}")
    return EXIT_OK


def _cmd_user(args: argparse.Namespace) -> int:
    from qa_desktop.domain.roles import ROLE_LABELS, Role

    services = _open(args)
    actor = _sign_in(services, args)
    if args.user_command == "add":
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = _password(f"Password for {args.username}: ", "QA_DESKTOP_NEW_PASSWORD")
        view = services.accounts.add_user(
            actor, args.username, args.name, password, Role(args.role)
        )
        print(f"account created: {view.username} ({ROLE_LABELS[view.role]})")
        return EXIT_OK
    users = services.accounts.list_users(actor)
    if args.json:
        _print_json(
            [
                {
                    "username": u.username,
                    "display_name": u.display_name,
                    "role": u.role.value,
                    "active": u.active,
                    "locked": u.locked,
                    "created_at": u.created_at.isoformat(),
                }
                for u in users
            ]
        )
    else:
        for u in users:
            state = "locked" if u.locked else ("active" if u.active else "inactive")
            print(f"{u.username:<20} {ROLE_LABELS[u.role]:<18} {state:<8} {u.display_name}")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    services = _open(args)
    actor = _sign_in(services, args)
    result = services.interchange.import_file(actor, args.file, fmt=args.format)
    print(f"imported {result.created} incident(s) from {args.file} (batch {result.batch_id})")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    services = _open(args)
    actor = _sign_in(services, args)
    count = services.interchange.export_file(actor, args.output, args.format)
    print(f"exported {count} incident(s) to {args.output}")
    return EXIT_OK


def _cmd_incident(args: argparse.Namespace) -> int:
    from qa_desktop.domain.register import IncidentQuery
    from qa_desktop.services.interchange import record_to_json, summary_to_json

    services = _open(args)
    actor = _sign_in(services, args)
    if args.incident_command == "show":
        record = services.incidents.get(actor, args.reference)
        if args.json:
            _print_json(record_to_json(record))
        else:
            _print_record(record)
        return EXIT_OK
    query = IncidentQuery(
        text=args.search, statuses=tuple(args.status), severities=tuple(args.severity)
    )
    page = services.incidents.page(actor, query, limit=args.limit)
    if args.json:
        _print_json([summary_to_json(row) for row in page.rows])
    else:
        for row in page.rows:
            print(
                f"{row.reference:<16} {row.first_known_at:%Y-%m-%d} {row.severity:<12} "
                f"{row.status:<15} {row.product_name[:24]:<24} {row.title[:60]}"
            )
    return EXIT_OK


def _print_record(record: Any) -> None:
    from qa_desktop.domain.incident import flatten

    print(f"{record.reference}  (version {record.version})")
    for name, value in flatten(record.draft).items():
        if name == "reference":
            continue
        shown = ",".join(value) if isinstance(value, tuple) else value
        print(f"  {name:<24} {shown}")
    print(f"  {'created':<24} {record.created_at.isoformat()} by {record.created_by}")
    print(f"  {'updated':<24} {record.updated_at.isoformat()} by {record.updated_by}")
    for a in record.attachments:
        print(f"  attachment {a.file_name} {a.size} bytes sha256 {a.sha256} by {a.added_by}")


def _cmd_demo(args: argparse.Namespace) -> int:
    from qa_desktop.services.demo import fill_demo

    services = _open(args)
    if args.incidents < 0:
        raise CliError("--incidents must not be negative")
    actor = None if services.accounts.first_run_needed() else _sign_in(services, args)
    summary = fill_demo(services, args.incidents, seed=args.seed, actor=actor)
    print(summary)
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    services = _open(args)
    actor = _sign_in(services, args)
    target = services.backup.backup(actor, args.output)
    print(f"backup written to {target}")
    return EXIT_OK

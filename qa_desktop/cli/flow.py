"""``qa-desktop flow``: where an incident stands in its response flow, and taking a step.

    qa-desktop flow show REF [--json]
    qa-desktop flow take REF ACTION [--comment TEXT] [--sign]

The services refuse a step out of order or by the wrong role exactly as they do in the
window. ``--sign`` asks for the signer's password again (``QA_DESKTOP_SIGNATURE_PASSWORD``
in scripts). Imports no Qt.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from qa_desktop.domain.errors import QaError

SIGNATURE_ENV = "QA_DESKTOP_SIGNATURE_PASSWORD"


def add_flow_parser(subparsers: Any) -> None:
    """Add the ``flow`` command to the command line's sub-parsers."""
    flow = subparsers.add_parser("flow", help="show or take a step of an incident's response flow")
    actions = flow.add_subparsers(dest="flow_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="the current step, its tasks and what may be done")
    show.add_argument("reference", metavar="REF")
    show.add_argument("--json", action="store_true")
    take = actions.add_parser("take", help="take a step (an action id from 'flow show')")
    take.add_argument("reference", metavar="REF")
    take.add_argument("action", metavar="ACTION")
    take.add_argument("--comment", default="", help="recorded with the step")
    take.add_argument(
        "--sign", action="store_true", help="sign the step (asks for your password again)"
    )


def run_flow(
    args: argparse.Namespace,
    open_services: Callable[[argparse.Namespace], Any],
    sign_in: Callable[[Any, argparse.Namespace], Any],
) -> int:
    """Run one ``flow`` action; returns the exit code (refusals are raised as QaError)."""
    services = open_services(args)
    actor = sign_in(services, args)
    flow = services.response.flow
    if args.flow_command == "take":
        password = _signature_password(actor) if args.sign else None
        view = flow.take(actor, args.reference, args.action, args.comment, password=password)
        print(f"{args.reference}: now at {view.step_title} (status {view.status})")
        return 0
    view = flow.view(actor, args.reference)
    if args.json:
        json.dump(_as_json(view), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    print(f"{view.reference}: {view.step_title} — {view.responsible_tier} (status {view.status})")
    for task in view.tasks:
        mark = "x" if task.done else " "
        late = " (overdue)" if task.overdue and not task.done else ""
        print(f"  [{mark}] {task.title}{late}")
    for action in view.available:
        signed = " (signature)" if action.needs_signature else ""
        print(f"  may do: {action.id:<34} {action.title}{signed}")
    for action, reason in view.refused:
        print(f"  not now: {action.id:<33} {reason}")
    return 0


def _signature_password(actor: Any) -> str:
    value = os.environ.get(SIGNATURE_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise QaError(f"signing needs your password: set {SIGNATURE_ENV} or run on a terminal")
    return getpass.getpass(f"Password of {actor.username}, to sign: ")


def _as_json(view: Any) -> dict[str, Any]:
    return {
        "reference": view.reference,
        "flow": {"id": view.flow_id, "version": view.flow_version},
        "step": view.step,
        "step_title": view.step_title,
        "status": view.status,
        "responsible_tier": view.responsible_tier,
        "entered_at": view.entered_at.isoformat(),
        "tasks": [
            {"id": t.id, "title": t.title, "done": t.done, "overdue": t.overdue} for t in view.tasks
        ],
        "available": [{"id": a.id, "title": a.title} for a in view.available],
        "refused": [{"id": a.id, "why": reason} for a, reason in view.refused],
        "history": [
            {
                "at": r.at.isoformat(),
                "actor": r.actor,
                "action": r.action_id,
                "from": r.from_step,
                "to": r.to_step,
                "comment": r.comment,
                "signed_by": r.signature.signer_name if r.signature else None,
            }
            for r in view.history
        ],
    }

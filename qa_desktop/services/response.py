"""The response services in one place: classification, flow, clocks, decisions, signatures.

The flow and rule files are loaded and checked once per process (:func:`shipped_rules`); an
invalid file raises ``DefinitionError`` naming the file, the line and the problem, which the
application shows at start-up instead of running on a wrong rule.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache

from qa_desktop.persistence.database import Database
from qa_desktop.persistence.flow_runner import CauseAnalysisFacts, FlowRunner, no_cause_analysis
from qa_desktop.services.accounts import AccountService
from qa_desktop.services.classification import ClassificationService
from qa_desktop.services.decisions import DecisionService
from qa_desktop.services.management_notice import ManagementNoticeService
from qa_desktop.services.reporting_clocks import ReportingClockService
from qa_desktop.services.response_flow import ResponseFlowService
from qa_desktop.services.response_results import ResponseRules
from qa_desktop.services.review_inbox import ReviewInboxService
from qa_desktop.services.signatures import SignatureService
from qa_desktop.workflow.flow_loader import load_shipped_flow
from qa_desktop.workflow.rules import load_clock_rules, load_rmap, load_safety_gate


@cache
def shipped_rules() -> ResponseRules:
    """The shipped flow and rule files, loaded and checked on first use."""
    return ResponseRules(load_shipped_flow(), load_clock_rules(), load_rmap(), load_safety_gate())


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ResponseServices:
    """Every response-flow use case over one database.

    *rules* defaults to the shipped files; *cause_analysis* answers "analysis closed,
    countermeasures verified" for the closing guards (until cause analyses are kept,
    neither holds, so no incident can be closed by mistake).
    """

    def __init__(
        self,
        database: Database,
        now: Callable[[], datetime] = _utc_now,
        *,
        rules: ResponseRules | None = None,
        cause_analysis: CauseAnalysisFacts = no_cause_analysis,
    ) -> None:
        self.rules = rules or shipped_rules()
        runner = FlowRunner(self.rules.flow, cause_analysis)
        self.signatures = SignatureService(database, AccountService(database, now), now)
        self.classification = ClassificationService(database, now, self.rules)
        self.clocks = ReportingClockService(database, now)
        self.flow = ResponseFlowService(database, now, runner, self.signatures)
        self.decisions = DecisionService(database, now, runner, self.signatures)
        self.inbox = ReviewInboxService(database, now, runner)
        self.management_notice = ManagementNoticeService(database, now, runner)

"""Running database work off the GUI thread, with a success and a failure path.

Every background task reports back on the GUI thread: its result to ``on_done``, or its
exception to ``on_failed`` (by default a message box), so no failure ends as a log line only.
Tests swap in :class:`SynchronousTaskRunner` to run the same code inline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry the outcome back to it."""

    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # every failure must reach the user
            log.exception("background task failed")
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class TaskRunner(QObject):
    """Runs callables on a small thread pool and calls back on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, default_failed: Failed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._default_failed = default_failed
        self._relays: set[_Relay] = set()

    def run(
        self, work: Callable[[], Any], on_done: Done | None = None, on_failed: Failed | None = None
    ) -> None:
        """Run *work* in the background; deliver its outcome to the callbacks."""
        relay = _Relay()
        self._relays.add(relay)
        if not self._relays - {relay}:
            self.busy_changed.emit(True)

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._relays.discard(relay)
            if not self._relays:
                self.busy_changed.emit(False)
            if callback is not None:
                callback(value)

        relay.finished.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda exc: finish(on_failed or self._default_failed, exc))
        self._pool.start(_Job(work, relay))

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until every task has finished (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)


class SynchronousTaskRunner(TaskRunner):
    """Runs tasks inline on the calling thread: deterministic GUI tests."""

    def run(
        self, work: Callable[[], Any], on_done: Done | None = None, on_failed: Failed | None = None
    ) -> None:
        """Run *work* now and call the matching callback before returning."""
        try:
            result = work()
        except Exception as exc:
            (on_failed or self._default_failed)(exc)
        else:
            if on_done is not None:
                on_done(result)

"""Services that are still loading: the window can be built before they exist.

After a quick start the register window shows its first page while the database layer
loads on a worker thread. The window and its models hold this stand-in; the first use of
any service waits for the loading to finish (a fraction of a second at most, and usually
already over by the time anyone clicks) and from then on goes straight to the real one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from qa_desktop.services import QaServices


class PendingServices:
    """Stands in for the services that *resolve* returns (blocking until they exist)."""

    def __init__(self, resolve: Callable[[], QaServices]) -> None:
        self._resolve = resolve
        self._lock = threading.Lock()
        self._target: QaServices | None = None

    def target(self) -> QaServices:
        """The real services, waiting for them if they are still loading."""
        target = self._target
        if target is None:
            with self._lock:
                if self._target is None:
                    self._target = self._resolve()
                target = self._target
        return target

    @property
    def ready(self) -> bool:
        """True once the real services are known."""
        return self._target is not None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.target(), name)

    def as_services(self) -> QaServices:
        """This stand-in, typed as what it stands for."""
        return cast("QaServices", self)

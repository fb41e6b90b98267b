"""The use cases. Every call names the person acting; permissions are checked here.

``QaServices`` (in :mod:`facade`) is imported on first use rather than with the package:
it brings in the database layer, and the desktop app paints its register from a quick
read-only snapshot (:mod:`quick_start`) before that layer has finished loading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qa_desktop.services.facade import QaServices

__all__ = ["QaServices"]


def __getattr__(name: str) -> Any:
    if name == "QaServices":
        from qa_desktop.services.facade import QaServices

        return QaServices
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""What the application remembers between runs, kept with QSettings.

One INI file per user on every platform (organisation and application "QA Desktop"), so
support can read it and tests can point it at a temporary folder with
``QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)``.
Structured values are stored as JSON text: the INI format keeps only strings, and a key
holding a user's filter name could otherwise contain the group separator ``/``.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QByteArray, QSettings

from qa_desktop.domain.register import SortKey
from qa_desktop.ui.register_filter import RegisterFilter

ORGANISATION = "QA Desktop"
APPLICATION = "QA Desktop"
MAX_RECENT_DATABASES = 8
MAX_SAVED_FILTERS = 100
MAX_FILTER_NAME = 80
#: Languages the interface is translated into; "" follows the system.
LANGUAGES = ("", "en", "ja")


def _without_password(location: str) -> str:
    """*location* with any password removed, so the settings file never holds one."""
    if "://" not in location:
        return location
    parts = urlsplit(location)
    if parts.password is None:
        return location
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=user + host))


class AppSettings:
    """Typed access to the remembered window layout, filters, databases and language."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    @property
    def file_name(self) -> str:
        """Where the settings are kept (for the About box and support)."""
        return self._store.fileName()

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._store.sync()

    # ---------------------------------------------------------------- JSON helpers
    def _json(self, key: str) -> Any:
        raw = self._store.value(key)
        if not isinstance(raw, str):
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None  # a hand-edited, broken value is forgotten, not fatal

    def _set_json(self, key: str, value: Any) -> None:
        self._store.setValue(key, json.dumps(value, ensure_ascii=False))

    def _bytes(self, key: str) -> QByteArray:
        raw = self._store.value(key)
        return raw if isinstance(raw, QByteArray) else QByteArray()

    # ---------------------------------------------------------------- language
    @property
    def language(self) -> str:
        """``en``, ``ja``, or ``""`` to follow the system language."""
        value = self._store.value("interface/language", "")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("interface/language", value if value in LANGUAGES else "")

    # ---------------------------------------------------------------- databases
    @property
    def recent_databases(self) -> list[str]:
        """Databases opened lately, most recent first (file paths or server URLs)."""
        value = self._json("databases/recent")
        if not isinstance(value, list):
            return []
        return [v for v in value if isinstance(v, str) and v][:MAX_RECENT_DATABASES]

    def remember_database(self, location: str) -> None:
        """Put *location* first in the recent databases (without any password)."""
        location = _without_password(location)
        recent = [location] + [d for d in self.recent_databases if d != location]
        self._set_json("databases/recent", recent[:MAX_RECENT_DATABASES])

    def forget_database(self, location: str) -> None:
        """Drop *location* from the recent databases (it was refused or is gone)."""
        self._set_json("databases/recent", [d for d in self.recent_databases if d != location])

    # ---------------------------------------------------------------- window layout
    @property
    def window_geometry(self) -> QByteArray:
        """The main window's saved geometry (empty the first time)."""
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        """The main window's toolbars and docks."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def register_header(self) -> QByteArray:
        """The register's column widths, order and hidden columns."""
        return self._bytes("register/header")

    @register_header.setter
    def register_header(self, value: QByteArray) -> None:
        self._store.setValue("register/header", value)

    # ---------------------------------------------------------------- register
    @property
    def last_filter(self) -> RegisterFilter:
        """The filters and search text in force when the window last closed."""
        return RegisterFilter.from_json(self._json("register/filter"))

    @last_filter.setter
    def last_filter(self, value: RegisterFilter) -> None:
        self._set_json("register/filter", value.to_json())

    @property
    def last_sort(self) -> tuple[SortKey, bool]:
        """The register's order when it last closed: (column, descending)."""
        value = self._json("register/sort")
        if isinstance(value, list) and len(value) == 2:
            key, descending = value
            if key in {k.value for k in SortKey} and isinstance(descending, bool):
                return SortKey(key), descending
        return SortKey.FIRST_KNOWN, True

    @last_sort.setter
    def last_sort(self, value: tuple[SortKey, bool]) -> None:
        self._set_json("register/sort", [value[0].value, value[1]])

    @property
    def saved_filters(self) -> dict[str, RegisterFilter]:
        """Filters the user saved by name, sorted by name."""
        value = self._json("register/saved_filters")
        if not isinstance(value, dict):
            return {}
        named = {
            name: RegisterFilter.from_json(data)
            for name, data in value.items()
            if isinstance(name, str) and 0 < len(name) <= MAX_FILTER_NAME
        }
        return dict(sorted(named.items(), key=lambda item: item[0].casefold()))

    def save_filter(self, name: str, value: RegisterFilter) -> None:
        """Keep *value* under *name* (replacing a filter of that name)."""
        name = name.strip()[:MAX_FILTER_NAME]
        if not name:
            return
        saved = self.saved_filters
        saved[name] = value
        kept = list(saved.items())[-MAX_SAVED_FILTERS:]
        self._set_json("register/saved_filters", {k: v.to_json() for k, v in kept})

    def delete_filter(self, name: str) -> None:
        """Forget the saved filter *name*."""
        saved = self.saved_filters
        saved.pop(name, None)
        self._set_json("register/saved_filters", {k: v.to_json() for k, v in saved.items()})

"""What an extra list reads from the app database, kept per list version.

An engine reads each extra list's version on every request; what the list shows (its line on the
sources page, its rows) changes only with the version, so it is read once per version. While the
app database cannot be reached the last values read are given, so checks go on answering.
"""
from __future__ import annotations

import threading
from typing import Callable, TypeVar

from verifier.appdb.backend import unavailable_errors

T = TypeVar("T")


class ListCache:
    """Values read once per list version; the last ones (or a default) while the database is down."""

    def __init__(self) -> None:
        self.version: object = None  # set by the list's version(), read on every request
        self._held: dict[str, tuple[object, object]] = {}
        self._lock = threading.Lock()

    def get(self, what: str, read: Callable[[], T], default: T) -> T:
        """Give `what` as read for the current version (reading it now when the version moved on)."""
        version = self.version
        with self._lock:
            held = self._held.get(what)
        if held is not None and version is not None and held[0] == version:
            return held[1]
        try:
            value = read()
        except unavailable_errors():  # the app database is down: what was last read, if anything
            return held[1] if held is not None else default
        with self._lock:
            self._held[what] = (version, value)
        return value

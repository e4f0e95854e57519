"""An engine's registry in snapshot mode: the newest verified snapshot of a folder, swapped between requests.

Nothing runs in the background of the gunicorn master. Each worker looks at the folder from within
a request, at most once per poll interval (a time check); when a newer snapshot checks out, a
short-lived thread of that worker opens it and builds its index while requests keep answering
from the old one, then one reference is swapped. A request holds the registry it started with to
its end (Engine.pin), so none sees half of two. A snapshot that is broken, or whose registry does
not load or lacks a required source, is skipped and the last good one kept.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Callable

from verifier.snapshots import Snapshot, SnapshotFolder, manifest_name

log = logging.getLogger(__name__)

DEFAULT_POLL = 60.0


class SnapshotFollower:
    """Holds the loaded snapshot an engine answers from and replaces it when a newer one checks out."""

    def __init__(self, folder: str | Path, required: tuple[str, ...], open_snapshot: Callable[[Snapshot], object],
                 poll: float = DEFAULT_POLL):
        self.snapshots = SnapshotFolder(folder, required)
        self.poll = poll
        self._open = open_snapshot  # Snapshot -> Loaded; raises when its registry cannot answer
        self._current = None
        self._next_poll = 0.0
        self._lock = threading.Lock()       # guards _current and _next_poll
        self._load_lock = threading.Lock()  # one look at the folder (and one load) at a time

    @property
    def folder(self) -> Path:
        """Return the folder snapshots are read from."""
        return self.snapshots.folder

    def current(self, reopen: Callable) -> object | None:
        """Return the loaded snapshot to answer from now (None when none has loaded), polling when due."""
        due, cur = self._tick(reopen)
        if cur is None:
            if due:
                self.update()
            else:
                with self._load_lock:  # a first load under way in another thread: wait for it
                    pass
            return self._current
        if due:
            threading.Thread(target=self.update, kwargs={"blocking": False}, name="registry-snapshot",
                             daemon=True).start()
        return cur

    def _tick(self, reopen: Callable) -> tuple[bool, object | None]:
        """Return (whether the folder is due a look, the current loaded snapshot), reopened after a fork."""
        now = time.monotonic()
        with self._lock:
            due = now >= self._next_poll
            cur = self._current
            if cur is not None and cur.pid != os.getpid():  # a new worker: its own connection, a look now
                cur = self._current = reopen(cur)
                due = True
            if due:
                self._next_poll = now + self.poll
            return due, cur

    def update(self, blocking: bool = True) -> None:
        """Load the newest snapshot that checks out when it should replace the current one; keep the old on failure."""
        if not self._load_lock.acquire(blocking=blocking):
            return
        try:
            started = time.monotonic()
            newest = self.snapshots.newest()
            if newest is None or not self._replaces(newest):
                return
            try:
                loaded = self._open(newest)
            except Exception as exc:  # noqa: BLE001 (a registry that will not load is one more broken snapshot)
                self.snapshots.reject(newest, f"its registry cannot answer: {exc}")
                return
            with self._lock:
                self._current = loaded
            log.info("answering from registry snapshot %s (checked and loaded in %.2f s)", newest.short,
                     time.monotonic() - started)
        except Exception:  # noqa: BLE001 (the folder unreadable for a moment: keep answering, look again later)
            log.exception("registry snapshot folder %s could not be read", self.folder)
        finally:
            self._load_lock.release()

    def _replaces(self, newest: Snapshot) -> bool:
        """Tell whether a verified snapshot should replace the current one: newer, or the current one withdrawn."""
        cur = self._current
        if cur is None:
            return True
        old: Snapshot = cur.snapshot
        if newest.hash == old.hash:
            return False
        return newest.built_at > old.built_at or not (self.folder / manifest_name(old.hash)).exists()


def poll_seconds(value) -> float | None:
    """Return VERIFIER_SNAPSHOT_POLL as seconds (None when unset); a clear error when it is not a number above 0."""
    if value in (None, ""):
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = -1.0
    if not seconds > 0:
        raise ValueError(f"VERIFIER_SNAPSHOT_POLL must be a number of seconds above 0, got {value!r}")
    return seconds

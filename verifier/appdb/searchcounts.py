"""Search counts per day and verdict (never the query text), written off the request path.

A check only adds one to a dict in memory. A background thread per process, started by the first
count (and again in each forked worker), writes the counts every VERIFIER_COUNT_FLUSH_SECONDS. A
write that fails (the app database locked, its disk full) keeps the counts for the next attempt,
so a check never waits for, or fails on, a write to the app database.
"""
from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from pathlib import Path

from verifier import appdb
from verifier.appdb.backend import is_postgres

FLUSH_SECONDS = 10.0  # how often the background thread writes; an app sets it from its config (init_app)
log = logging.getLogger(__name__)

# (app database path, day, verdict) -> searches not yet written
_counts: dict[tuple[str, str, str], int] = {}
_lock = threading.Lock()
_flusher_pid: int | None = None


def init_app(app) -> None:
    """Take the flush interval from an app's config (VERIFIER_COUNT_FLUSH_SECONDS), read when the app is made."""
    global FLUSH_SECONDS
    FLUSH_SECONDS = float(app.config.get("VERIFIER_COUNT_FLUSH_SECONDS") or FLUSH_SECONDS)


def count_search(verdict: str, path: str | Path | None = None) -> None:
    """Count one search under today's date and its verdict, in memory only; return at once."""
    key = (str(path or appdb.db_path()), appdb.now()[:10], str(verdict)[:32])
    with _lock:
        _counts[key] = _counts.get(key, 0) + 1
    if _flusher_pid != os.getpid():
        start_flusher()


def pending(path: str | Path | None = None) -> int:
    """Give how many counted searches are not written yet (for one app database, or all)."""
    with _lock:
        return sum(n for key, n in _counts.items() if path is None or key[0] == str(path))


def start_flusher() -> None:
    """Start this process's background writer unless it runs already (a forked child starts its own)."""
    global _flusher_pid
    with _lock:
        if _flusher_pid == os.getpid():
            return
        _flusher_pid = os.getpid()
    threading.Thread(target=_flush_forever, name="search-count-flusher", daemon=True).start()


def _flush_forever() -> None:
    """Write the counts every FLUSH_SECONDS for as long as the process lives; never raise."""
    while True:
        time.sleep(FLUSH_SECONDS)
        try:
            flush_counts()
        except Exception as error:  # kept in memory; the next round tries again
            log.warning("search counts not written yet (%d kept): %s", pending(), error)


def _take(path: str | Path | None) -> dict[tuple[str, str, str], int]:
    """Remove and give the pending counts of one app database (or all)."""
    with _lock:
        taken = {k: n for k, n in _counts.items() if path is None or k[0] == str(path)}
        for key in taken:
            del _counts[key]
    return taken


def _put_back(counts: dict[tuple[str, str, str], int]) -> None:
    """Add counts that could not be written back to the pending ones."""
    with _lock:
        for key, n in counts.items():
            _counts[key] = _counts.get(key, 0) + n


def flush_counts(path: str | Path | None = None) -> int:
    """Write the pending counts (of one app database, or all); give how many searches were written.

    On failure whatever was not written is kept for the next flush, and the error is raised.
    """
    taken, written = _take(path), 0
    try:
        for db_file in sorted({key[0] for key in taken}):
            mine = {k: n for k, n in taken.items() if k[0] == db_file}
            if not is_postgres(db_file) and not Path(db_file).is_file():  # no app database yet: keep counting
                continue
            with appdb.session(db_file) as db:
                for (_, day, verdict), n in mine.items():
                    db.execute("insert into search_counts (day, verdict, n) values (?, ?, ?) on conflict "
                               "(day, verdict) do update set n = search_counts.n + excluded.n", [day, verdict, n])
            for key in mine:
                written += taken.pop(key)
    finally:
        _put_back(taken)
    return written


def search_counts(days: int = 31, path: str | Path | None = None) -> list[dict]:
    """Give search counts per day and verdict, newest day first (writing this process's first if it can)."""
    path = path or appdb.db_path()
    try:
        flush_counts(path)
    except Exception as error:  # a locked or full database: show what is stored
        log.warning("search counts not written before reading them: %s", error)
    return appdb.query("select day, verdict, n from search_counts order by day desc, verdict limit ?",
                       [days * 8], path)


def _flush_at_exit() -> None:
    """Write what is pending when the process ends; log (never raise) when it cannot."""
    try:
        flush_counts()
    except Exception as error:
        log.error("search counts lost at exit (%d): %s", pending(), error)


def _after_fork_in_child() -> None:
    """Give a forked child a fresh lock and no counts of its parent (the parent writes its own)."""
    global _lock, _flusher_pid
    _lock = threading.Lock()
    _counts.clear()
    _flusher_pid = None


atexit.register(_flush_at_exit)
os.register_at_fork(after_in_child=_after_fork_in_child)


def count_scan(risk: str, flag_codes: list[str], path: str | Path | None = None) -> None:
    """Count one offer scan as "scan:<risk>" and each flag as "scan_flag:<code>" (never the text)."""
    count_search(f"scan:{risk}", path)
    for code in dict.fromkeys(flag_codes):
        count_search(f"scan_flag:{code}", path)

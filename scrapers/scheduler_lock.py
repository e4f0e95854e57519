"""One scheduler among many servers: `scrapers run --due` runs on whichever server holds this lock.

With the app database on PostgreSQL (VERIFIER_APP_DB=postgresql://...) the lock is a session-level
advisory lock there, which every server reaches and which PostgreSQL releases when the holder's
connection ends (a crashed run never leaves it held). Otherwise it is an flock on a file beside
the app database (`<app db>.scheduler.lock`), which the kernel releases when the process ends.
Neither waits: a server that does not get the lock skips the run.
"""
from __future__ import annotations

import fcntl
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

# The advisory lock's key: "verifier" as eight bytes, read as one signed 64-bit integer.
ADVISORY_KEY = int.from_bytes(b"verifier", "big", signed=True)
CONNECT_TIMEOUT = 10  # seconds
SKIPPED = "another server holds the scheduler lock: skipped"


def is_postgres(app_db: str) -> bool:
    """Tell whether the app database setting is a PostgreSQL URL."""
    return str(app_db).startswith(("postgresql://", "postgres://"))


@contextmanager
def scheduler_lock(app_db: str) -> Iterator[bool]:
    """Hold the scheduler lock for the block if no other process holds it; yield whether it is held."""
    locker = _advisory_lock if is_postgres(app_db) else _file_lock
    with locker(str(app_db)) as held:
        yield held


def lock_file(app_db: str) -> Path:
    """Return the file whose flock is the scheduler lock when the app database is a SQLite file."""
    return Path(f"{app_db}.scheduler.lock")


@contextmanager
def _file_lock(app_db: str) -> Iterator[bool]:
    """Hold an exclusive flock on the lock file beside the app database, without waiting."""
    path = lock_file(app_db)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock(url: str) -> Iterator[bool]:
    """Hold PostgreSQL's session advisory lock on one connection kept open for the block, without waiting."""
    import psycopg
    with psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT) as conn:
        (held,) = conn.execute("select pg_try_advisory_lock(%s)", [ADVISORY_KEY]).fetchone()
        try:
            yield bool(held)
        finally:
            if held and not conn.closed:
                try:
                    conn.execute("select pg_advisory_unlock(%s)", [ADVISORY_KEY])
                except psycopg.Error:  # the connection broke: PostgreSQL released the lock with it
                    pass

"""The app database under test on either engine: its state read, locked or changed from outside the app."""
from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing, contextmanager
from pathlib import Path

from verifier.appdb.backend import WRITE_LOCK, is_postgres


def engine_of(target) -> str:
    """Give "postgresql" for a URL, "sqlite" for a file."""
    return "postgresql" if is_postgres(target) else "sqlite"


@contextmanager
def outside_connection(target):
    """Give a plain DB-API connection of our own (autocommit), as another program would open one."""
    if is_postgres(target):
        import psycopg
        with psycopg.connect(str(target), autocommit=True) as conn:
            yield conn
    else:
        with closing(sqlite3.connect(target, isolation_level=None)) as conn:
            yield conn


def scalar(target, sql: str):
    """Give the one value a query returns, read from outside the app."""
    with outside_connection(target) as conn:
        return conn.execute(sql).fetchone()[0]


@contextmanager
def write_locked(target):
    """Hold the app database's write lock from another connection (SQLite EXCLUSIVE, PostgreSQL its advisory lock)."""
    with outside_connection(target) as conn:
        if is_postgres(target):
            conn.execute("select pg_advisory_lock(%s)", [WRITE_LOCK])
            try:
                yield
            finally:
                conn.execute("select pg_advisory_unlock(%s)", [WRITE_LOCK])
            return
        conn.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")


def stored_bytes(target) -> bytes:
    """Give everything the app database holds as bytes (its files, or a plain-text pg_dump)."""
    if is_postgres(target):
        from verifier.appdb.backups import pg_tool
        return subprocess.run([pg_tool("pg_dump"), str(target)], capture_output=True, check=True).stdout
    return b"".join(p.read_bytes() for p in Path(target).parent.glob(Path(target).name + "*"))

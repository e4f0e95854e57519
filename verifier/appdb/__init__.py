"""The app database: reports, the NGO warning list, staff accounts, audit log and search counts.

A SQLite file of its own (VERIFIER_APP_DB, default data/app.db), apart from the registry: no
scrape touches it and a registry swap leaves it alone. WAL mode, so every web worker reads while
one writes. The audit log is append-only: triggers refuse UPDATE and DELETE. Searches are kept
only as counts per day and verdict, never with their text.
"""
from __future__ import annotations

import fcntl
import json
import os
import secrets
import sqlite3
import threading
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("verifier-app")
SQLITE_MAX_INT = 2**63 - 1


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """Create reports, ngo_entries, staff, audit_log, list_version and search_counts."""
    db["reports"].create({
        "id": int, "kind": str, "name": str, "phone": str, "licence_number": str, "country": str,
        "agency_id": str, "details": str, "contact": str, "status": str, "created_at": str,
        "decided_at": str, "decided_by": str, "decision_note": str, "entry_id": str,
    }, pk="id")
    db["reports"].create_index(["status", "id"])
    db["ngo_entries"].create({
        "id": str, "name": str, "aliases": str, "phones": str, "licence_number": str,
        "country": str, "status": str, "reason": str, "listed_on": str, "source_url": str,
        "created_at": str, "updated_at": str, "removed_at": str,
    }, pk="id")
    db["staff"].create({"id": int, "username": str, "password_hash": str, "active": int,
                        "created_at": str, "last_login": str}, pk="id")
    db["staff"].create_index(["username"], unique=True)
    db["audit_log"].create({"id": int, "at": str, "actor": str, "action": str, "target": str,
                            "detail": str}, pk="id")
    for verb in ("UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
    # A token every web worker reads per request: it changes whenever the warning list does.
    db["list_version"].create({"id": int, "token": str}, pk="id")
    db["list_version"].insert({"id": 1, "token": secrets.token_hex(8)})
    for verb in ("INSERT", "UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER ngo_entries_{verb.lower()} AFTER {verb} ON ngo_entries BEGIN "
                   "UPDATE list_version SET token = lower(hex(randomblob(8))) WHERE id = 1; END")
    db["search_counts"].create({"day": str, "verdict": str, "n": int}, pk=("day", "verdict"))


@migrations()
def m002_staff_session_version(db: sqlite_utils.Database) -> None:
    """Give each staff account a session version: bumping it ends every session signed with the old one."""
    db["staff"].add_column("session_version", int, not_null_default=0)


def db_path() -> Path:
    """Return the app database path: the current Flask app's VERIFIER_APP_DB, else the environment's."""
    try:
        from flask import current_app, has_app_context
        if has_app_context() and current_app.config.get("VERIFIER_APP_DB"):
            return Path(current_app.config["VERIFIER_APP_DB"])
    except ImportError:  # the CLI without Flask installed
        pass
    return Path(os.environ.get("VERIFIER_APP_DB", "data/app.db"))


def now() -> str:
    """Return the current UTC time as ISO 8601 seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _connect(path: Path) -> sqlite3.Connection:
    """Open a read-write connection in WAL mode with a busy timeout."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


_migrated: set[tuple[int, str]] = set()


def open_db(path: str | Path | None = None) -> sqlite_utils.Database:
    """Open the app database for writing, creating it and applying migrations when needed."""
    path = Path(path or db_path())
    if (os.getpid(), str(path)) not in _migrated:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(f"{path}.lock", "w") as lock:  # two workers starting at once migrate in turn
            fcntl.flock(lock, fcntl.LOCK_EX)
            with closing(_connect(path)) as conn:
                migrations.apply(sqlite_utils.Database(conn))
        _migrated.add((os.getpid(), str(path)))
    return sqlite_utils.Database(_connect(path))


@contextmanager
def session(path: str | Path | None = None):
    """Give a database handle inside one write transaction: all of it lands, or none."""
    db = open_db(path)
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    finally:
        db.conn.close()


def query(sql: str, params: list | tuple = (), path: str | Path | None = None) -> list[dict]:
    """Return the rows of a read query on the app database (empty when it does not exist)."""
    conn = reader(path)
    return [dict(r) for r in conn.execute(sql, params)] if conn is not None else []


_local = threading.local()
_inherited: list[sqlite3.Connection] = []  # opened before a fork: never used or closed again


def reader(path: str | Path | None = None) -> sqlite3.Connection | None:
    """Return this thread's cached connection for reads, or None when the database is missing."""
    path = str(path or db_path())
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
        open_db(path).conn.close()  # brings the schema up to date first
        _local.conn, _local.pid, _local.path = _connect(Path(path)), os.getpid(), path
    return _local.conn


def list_token(path: str | Path | None = None) -> str | None:
    """Return the warning list's version token (None when there is no app database)."""
    conn = reader(path)
    row = conn.execute("select token from list_version where id = 1").fetchone() if conn else None
    return row[0] if row else None


# --- audit -------------------------------------------------------------------------------------

def audit(db: sqlite_utils.Database, actor: str, action: str, target: str = "", **detail) -> None:
    """Append one row to the audit log (inside the caller's transaction)."""
    db["audit_log"].insert({"at": now(), "actor": actor[:100], "action": action, "target": str(target)[:100],
                            "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True)})


def audit_rows(limit: int = 500, target: str | None = None, path: str | Path | None = None) -> list[dict]:
    """Return the newest audit rows first, optionally for one target."""
    if target is not None:
        return query("select * from audit_log where target = ? order by id desc limit ?", [target, limit], path)
    return query("select * from audit_log order by id desc limit ?", [limit])


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


def decide_report(db: sqlite_utils.Database, report_id: int, status: str, actor: str,
                  note: str, entry_id: str | None = None) -> None:
    """Close a pending report (inside the caller's transaction); raise ValueError if it is not pending."""
    row = db.execute("select status from reports where id = ?", [report_id]).fetchone()
    if row is None or row[0] != "pending":
        raise ValueError(f"report {report_id} is not pending")
    db["reports"].update(report_id, {"status": status, "decided_at": now(), "decided_by": actor,
                                     "decision_note": note, "entry_id": entry_id})


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


# --- backup and restore ------------------------------------------------------------------------

def integrity(path: str | Path) -> str:
    """Return the result of PRAGMA integrity_check on a database file ("ok" when sound)."""
    with closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as conn:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))


def backup(dest: str | Path) -> Path:
    """Copy the live app database consistently (SQLite online backup) to dest; return the file."""
    src = db_path()
    if not src.is_file():
        raise FileNotFoundError(f"app database {src} not found (VERIFIER_APP_DB)")
    if str(dest).endswith(("/", os.sep)) and not Path(dest).is_dir():
        raise ValueError(f"{dest} is not a directory: create it first, or name a file")
    dest = Path(dest)
    if not dest.parent.is_dir():
        raise ValueError(f"{dest.parent} is not a directory: create it first")
    if dest.is_dir():
        dest = dest / f"app-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}.db"
    if dest.exists():
        raise ValueError(f"{dest} exists: not overwriting a backup")
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        with closing(_connect(src)) as source, closing(sqlite3.connect(tmp, isolation_level=None)) as target:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        if (result := integrity(tmp)) != "ok":
            raise ValueError(f"backup failed its integrity check: {result}")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def restore(src: str | Path, actor: str = "cli") -> Path:
    """Copy a backup into the live app database (online; writers wait); return the live path."""
    src, live = Path(src), db_path()
    if not src.is_file():
        raise FileNotFoundError(f"backup {src} not found")
    if (result := integrity(src)) != "ok":
        raise ValueError(f"{src} failed its integrity check: {result}")
    live.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(f"file:{src.resolve()}?mode=ro", uri=True)) as source, \
            closing(_connect(live)) as target:
        source.backup(target)
    _migrated.discard((os.getpid(), str(live)))  # an older backup may need migrating again
    with session(live) as db:  # a new token, so every worker rebuilds its warning index
        db.execute("update list_version set token = lower(hex(randomblob(8))) where id = 1")
        audit(db, actor, "db.restored", str(src.name))
    return live

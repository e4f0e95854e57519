"""Read-only access to the registry database the scrapers write.

Every connection is opened with `mode=ro`: the web process and the CLI never write here. A
refresh swaps in a new file; the engine (`verifier.engine`) notices by the file's identity
(`file_identity`), reopens it and reloads its index.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only
    from verifier.names.match import Index


class ListsNotLoaded(RuntimeError):
    """The registry is missing, unreadable or lacks a source: no verdict may be given from it."""

    def __init__(self, message: str, sources: list[dict] | None = None):
        super().__init__(message)
        self.sources = sources or []


@dataclass
class Loaded:
    """What an engine holds for one version of the registry file and of its extra lists."""
    identity: tuple
    conn: object
    index: Index
    sources: dict[str, dict]
    extra_versions: tuple = ()
    extra_indexes: tuple = ()
    lock: threading.Lock = field(default_factory=threading.Lock)
    pid: int | None = None  # the process whose connection `conn` is (None: closed, open anew on use)
    path: Path | None = None  # the registry file it was opened from
    snapshot: object = None  # the verified snapshot it is (verifier.snapshots.Snapshot), in snapshot mode

    @property
    def snapshot_name(self) -> str | None:
        """Return the hash prefix of the snapshot answered from, or None outside snapshot mode."""
        return self.snapshot.short if self.snapshot is not None else None


def connect(path: str | Path, immutable: bool = False) -> sqlite3.Connection:
    """Open the registry read-only (immutable: a snapshot, which never changes); raise FileNotFoundError
    when it has not been built."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"registry database {path} not found: run `python -m scrapers run`")
    mode = "ro&immutable=1" if immutable else "ro"
    conn = sqlite3.connect(f"file:{path.resolve()}?mode={mode}", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def file_identity(path: str | Path) -> tuple:
    """Return what changes when a refresh swaps the file in (inode, size, mtime)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return ()
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def source_health(row: dict, today: date | None = None) -> str:
    """Return ok|stale|failed|never: failed last run, never succeeded, or data older than allowed."""
    today = today or date.today()
    if not row.get("last_success"):
        return "never"
    if row.get("last_outcome") == "failed":
        return "failed"
    stamp = row.get("data_as_of") or row["last_success"]
    try:
        age = (today - datetime.fromisoformat(stamp[:10]).date()).days
    except ValueError:
        return "stale"
    return "stale" if age > (row.get("stale_after_days") or 45) else "ok"


def list_sources(path: str | Path, conn: sqlite3.Connection | None = None) -> list[dict]:
    """Return every source with counts, last success, health and as-of date."""
    own = conn is None
    conn = conn or connect(path)
    try:
        rows = [dict(r) for r in conn.execute("select * from sources order by kind, id")]
    finally:
        if own:
            conn.close()
    for r in rows:
        r["health"] = source_health(r)
        r["live"] = bool(r.get("live", 1))
    return rows


def _decode(row: sqlite3.Row) -> dict:
    """Return an agencies row with its JSON columns decoded."""
    d = dict(row)
    for key in ("aliases", "alias_keys", "other_ids", "emails", "extra"):
        try:
            d[key] = json.loads(d.get(key) or "null") or ([] if key != "extra" else {})
        except ValueError:
            d[key] = [] if key != "extra" else {}
    return d


def agency_dict(row, phones: list[dict], history: list[dict], source: dict) -> dict:
    """Return one agency as every view shows it: its row decoded, phones, status history, source."""
    d = _decode(row)
    d.update(phones=phones, status_history=history, source_info=source)
    return d


def get_agency(conn: sqlite3.Connection, agency_id: str) -> dict | None:
    """Return one agency with its phones, status history and source, or None."""
    row = conn.execute("select * from agencies where id = ?", [agency_id]).fetchone()
    if row is None:
        return None
    phones = [dict(p) for p in conn.execute(
        "select e164, raw, country, valid from phones where agency_id = ? order by e164", [agency_id])]
    history = [dict(h) for h in conn.execute(
        "select status, status_group, status_date, seen_at, change from status_history "
        "where agency_id = ? order by id", [agency_id])]
    src = conn.execute("select * from sources where id = ?", [row["source"]]).fetchone()
    return agency_dict(row, phones, history, dict(src) if src else {})


# The columns of a record the match index is built from, in this order (registry and NGO list alike).
INDEX_COLUMNS = ("id", "source", "list_kind", "name", "aliases", "name_key", "alias_keys", "licence_key",
                 "other_ids", "status", "status_group", "status_date", "expires_on", "country", "data_as_of",
                 "norm_version")


def iter_agencies(conn: sqlite3.Connection):
    """Yield (agency row, its phone rows) for every current record, for building the index."""
    def plain(sql: str) -> sqlite3.Cursor:  # rows as tuples: faster than sqlite3.Row for every record
        cur = conn.cursor()
        cur.row_factory = None
        return cur.execute(sql)

    phones: dict[str, list] = {}
    for agency_id, e164, national in plain("select agency_id, e164, national from phones"):
        phones.setdefault(agency_id, []).append((e164, national))
    none: list = []
    for row in plain(f"select {', '.join(INDEX_COLUMNS)} from agencies where removed_at is null"):
        yield row, phones.get(row[0], none)


def record_hashes(conn: sqlite3.Connection) -> str:
    """Return every current record's id and content hash, joined: what the match index is made of."""
    (joined,) = conn.execute(
        "select group_concat(id || record_hash, ',') from agencies where removed_at is null").fetchone()
    return joined or ""


def read_match_snapshot(conn: sqlite3.Connection, fingerprint: str) -> bytes | None:
    """Return the stored match index made from records with this fingerprint, or None (also for a
    registry written before snapshots existed)."""
    try:
        row = conn.execute("select data from match_snapshot where fingerprint = ?", [fingerprint]).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None

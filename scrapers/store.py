"""The one writer of the registry database.

Stable hashed ids, upserts, status history, records retired rather than deleted, one transaction
per source. A run works on a copy of the database and swaps it in with one atomic rename, so a
reader sees either the old file or the new one, never a half-written state.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from verifier.names.numbers import parse_phones

from verifier.records import Record, SourceInfo, agency_row

migrations = Migrations("verifier-registry")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """Create sources, agencies, phones, status_history and runs."""
    db["sources"].create({
        "id": str, "name": str, "publisher": str, "country": str, "kind": str, "url": str,
        "note": str, "live": int, "min_records": int, "max_records": int, "stale_after_days": int,
        "records": int, "last_success": str, "last_attempt": str, "last_outcome": str,
        "last_error": str, "data_as_of": str,
    }, pk="id")
    db["agencies"].create({
        "id": str, "source": str, "source_key": str, "list_kind": str, "name": str,
        "aliases": str, "name_key": str, "alias_keys": str, "licence_number": str,
        "licence_key": str, "other_ids": str, "status": str, "status_group": str,
        "status_date": str, "expires_on": str, "reason": str, "address": str, "city": str,
        "country": str, "representative": str, "emails": str, "website": str, "source_url": str,
        "data_as_of": str, "extra": str, "record_hash": str, "norm_version": int,
        "first_seen": str, "last_seen": str, "removed_at": str,
    }, pk="id", foreign_keys=[("source", "sources", "id")])
    db["agencies"].create_index(["source", "source_key"], unique=True)
    db["agencies"].create_index(["licence_key"])
    db["phones"].create({"agency_id": str, "e164": str, "raw": str, "country": str,
                         "national": str, "valid": int}, pk=("agency_id", "e164"))
    db["phones"].create_index(["e164"])
    db["status_history"].create({"id": int, "agency_id": str, "status": str, "status_group": str,
                                 "status_date": str, "seen_at": str, "run_id": int, "change": str},
                                pk="id")
    db["status_history"].create_index(["agency_id"])
    db["runs"].create({"id": int, "source": str, "started": str, "ended": str, "fetched": int,
                       "parsed": int, "written": int, "retired": int, "outcome": str,
                       "error": str, "offline": int}, pk="id")


@migrations()
def m002_match_snapshot(db: sqlite_utils.Database) -> None:
    """Add the table holding the finished match index, so a process loads it instead of building it."""
    db["match_snapshot"].create({"fingerprint": str, "built_at": str, "records": int, "data": bytes},
                                pk="fingerprint")


@migrations()
def m003_source_licence_label(db: sqlite_utils.Database) -> None:
    """Say what each source's numbers are: a licence, a Kazakh BIN or a registration number."""
    db["sources"].add_column("licence_label", str)
    db.execute("update sources set licence_label = case when id = 'kz_kgd' then 'bin' else 'licence' end")


def write_match_snapshot(db: sqlite_utils.Database) -> None:
    """Store the match index of the database's current records (replacing any older one).

    A reader uses it only while its fingerprint still matches the records, so a write that forgets
    to call this costs a slower start, never a wrong answer.
    """
    from verifier.names.match import Index, registry_fingerprint
    fingerprint = registry_fingerprint(db.conn)
    if db.execute("select 1 from match_snapshot where fingerprint = ?", [fingerprint]).fetchone():
        return  # nothing changed since it was stored (a nightly run over unchanged sources)
    index = Index.from_rows(db.conn)
    with transaction(db):
        db.execute("delete from match_snapshot")
        db.execute("insert into match_snapshot (fingerprint, built_at, records, data) values (?, ?, ?, ?)",
                   [fingerprint, now(), len(index.recs), index.to_snapshot()])


def now() -> str:
    """Return the current UTC time as ISO 8601 seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def parse_time(stamp: str) -> float:
    """Return the POSIX time of an ISO 8601 stamp written by `now()`."""
    moment = datetime.fromisoformat(stamp)
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open a registry database for writing and bring its schema up to date."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")  # one file, so the atomic swap moves all of it
    db = sqlite_utils.Database(conn)
    migrations.apply(db)
    return db


@contextmanager
def transaction(db: sqlite_utils.Database):
    """Run a block in one transaction: all of it lands, or none."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _hash(row: dict, phones: list) -> str:
    """Return a hash of a row's content, to tell a changed record from an unchanged one."""
    payload = json.dumps([row, [(p.e164, p.raw) for p in phones]], sort_keys=True, default=str)
    return hashlib.sha1(payload.encode()).hexdigest()


def write_source(db: sqlite_utils.Database, info: SourceInfo, records: list[Record], run_id: int) -> dict:
    """Upsert one source's records, retire the missing ones, append status changes; return counts."""
    stamp = now()
    existing = {r["id"]: r for r in db.query(
        "select id, record_hash, status, status_group, removed_at from agencies where source = ?", [info.id])}
    seen: set[str] = set()
    history = []
    unchanged: list[tuple[str, str]] = []
    new_rows: list[dict] = []
    changed_rows: list[dict] = []
    phone_rows: list[dict] = []
    for rec in records:
        row = agency_row(info, rec)
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        phones = parse_phones(rec.phones, rec.country or info.country)
        row["record_hash"] = _hash(row, phones)
        old = existing.get(row["id"])
        if old and old["record_hash"] == row["record_hash"] and not old["removed_at"]:
            unchanged.append((stamp, row["id"]))
            continue
        row.update(last_seen=stamp, removed_at=None)
        if old is None:
            row["first_seen"] = stamp
            new_rows.append(row)
            history.append((row, "listed"))
        else:
            changed_rows.append(row)
            if old["removed_at"]:
                history.append((row, "relisted"))
            elif (old["status"], old["status_group"]) != (row["status"], row["status_group"]):
                history.append((row, "status changed"))
        phone_rows.extend({"agency_id": row["id"], "e164": p.e164, "raw": p.raw, "country": p.country,
                           "national": p.national, "valid": int(p.valid)} for p in phones)
    # Written in bulk, one statement per kind of change (a row per statement is several times slower).
    # New and changed rows go in separate batches: a batch sets the same columns on every row, and
    # a changed row must keep its first_seen.
    db.conn.executemany("update agencies set last_seen = ? where id = ?", unchanged)
    for rows in (new_rows, changed_rows):
        if rows:
            db["agencies"].upsert_all(rows, pk="id")
    db.conn.executemany("delete from phones where agency_id = ?", [(r["id"],) for r in changed_rows])
    db["phones"].insert_all(phone_rows, pk=("agency_id", "e164"), ignore=True)
    written = len(new_rows) + len(changed_rows)
    gone = [i for i, r in existing.items() if i not in seen and not r["removed_at"]]
    for i in gone:
        db.execute("update agencies set removed_at = ? where id = ?", [stamp, i])
        old = existing[i]
        history.append(({"id": i, "status": old["status"], "status_group": old["status_group"],
                         "status_date": None}, "removed from source"))
    db["status_history"].insert_all(
        {"agency_id": r["id"], "status": r["status"], "status_group": r["status_group"],
         "status_date": r["status_date"], "seen_at": stamp, "run_id": run_id, "change": change}
        for r, change in history)
    return {"parsed": len(records), "written": written, "retired": len(gone), "active": len(seen)}


def save_source_info(db: sqlite_utils.Database, info: SourceInfo, **state) -> None:
    """Upsert a source's metadata and whatever run state is given."""
    row = {"id": info.id, "name": info.name, "publisher": info.publisher, "country": info.country,
           "kind": info.kind, "url": info.url, "note": info.note, "live": int(info.live),
           "min_records": info.min_records, "max_records": info.max_records,
           "stale_after_days": info.stale_after_days, "licence_label": info.licence_label, **state}
    db["sources"].upsert(row, pk="id")


def start_run(db: sqlite_utils.Database, source_id: str, offline: bool) -> int:
    """Record the start of a run and return its id."""
    return db["runs"].insert({"source": source_id, "started": now(), "outcome": "running",
                              "offline": int(offline)}).last_pk


def end_run(db: sqlite_utils.Database, run_id: int, outcome: str, error: str = "", **counts) -> None:
    """Record how a run ended."""
    db["runs"].update(run_id, {"ended": now(), "outcome": outcome, "error": error[:2000], **counts})


def copy_database(src: Path, dest: Path) -> None:
    """Copy a live database consistently (SQLite's online backup) to dest."""
    if dest.exists():
        dest.unlink()
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as source, sqlite3.connect(dest) as target:
        source.backup(target)
    target.close()
    source.close()


def swap_in(tmp: Path, live: Path) -> None:
    """Atomically replace the live database with the finished copy."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, live)
    dir_fd = os.open(live.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)

"""Runs sources into the registry database: a copy is written, checked, then swapped in.

Each source is fetched and parsed outside any transaction, checked against its record bounds, and
written in one transaction of its own. A source that errors, times out, yields nothing or falls
outside its bounds is recorded as failed and keeps its previous rows; the others still land.
"""
from __future__ import annotations

import fcntl
import logging
import os
import time
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from verifier.records import RESERVED_SOURCES

from . import config, hk_eaa, kz_kgd, ph_dmw, store
from .base import Record, SourceError, SourceInfo
from .configured import ConfiguredSource
from .schedule import due
from .http import Fetcher, OfflineFetcher, new_run_folder

log = logging.getLogger(__name__)

SOURCES = (ph_dmw, hk_eaa, kz_kgd)  # every built-in source, in one place
BY_ID = {m.SOURCE.id: m for m in SOURCES}


def source_timeout() -> float:
    """Return the time limit of one source's run in seconds (VERIFIER_SOURCE_TIMEOUT, read at each call)."""
    return float(os.environ.get("VERIFIER_SOURCE_TIMEOUT", 1800))


def configured(include_disabled: bool = False) -> list[ConfiguredSource]:
    """Return the configured sources of the sources file (checked whole; ConfigError on any problem)."""
    return [ConfiguredSource(c) for c in config.load(reserved={*BY_ID, *RESERVED_SOURCES}) if c.enabled or include_disabled]


def all_sources(include_disabled: bool = False) -> dict:
    """Return id -> source (a built-in module or a ConfiguredSource), built-ins first."""
    return {**BY_ID, **{c.SOURCE.id: c for c in configured(include_disabled)}}


@dataclass
class Job:
    """One source to refresh: its metadata and how to get its records."""
    info: SourceInfo
    produce: Callable[[], list[Record]]
    offline: bool = False


@dataclass
class Outcome:
    """How one source's refresh ended."""
    source: str
    ok: bool
    counts: dict
    error: str = ""
    seconds: float = 0.0


def db_path() -> Path:
    """Return the registry database path from VERIFIER_DB."""
    return Path(os.environ.get("VERIFIER_DB", "data/verifier.db"))


@contextmanager
def writer_lock(path: Path):
    """Hold an exclusive lock so two refreshes never write the same database."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(str(path) + ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise SourceError(f"another refresh of {path} is running") from exc
        yield


def check_bounds(info: SourceInfo, records: list[Record]) -> None:
    """Raise SourceError when a source yields no records or a count outside its bounds."""
    if not records:
        raise SourceError(f"{info.id}: parsed zero records")
    # Count distinct records: a source repeating one page must not pass for a full one.
    distinct = len({r.source_key for r in records})
    if not info.min_records <= distinct <= info.max_records:
        raise SourceError(f"{info.id}: {distinct} distinct records ({len(records)} rows), outside its "
                          f"bounds {info.min_records}-{info.max_records}")


def refresh(jobs: list[Job], path: Path | None = None) -> list[Outcome]:
    """Refresh each job's source on a copy of the database, then swap the copy in atomically."""
    path = Path(path or db_path())
    outcomes = []
    with writer_lock(path):
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        if path.exists():
            store.copy_database(path, tmp)
        try:
            db = store.open_db(tmp)
            for job in jobs:
                outcomes.append(_refresh_one(db, job))
            try:
                store.write_match_snapshot(db)
            except Exception as exc:  # only a faster start: without it, readers build from the records
                log.error("match index snapshot not stored: %s: %s", exc.__class__.__name__, exc)
            db.conn.close()
            store.swap_in(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()
    return outcomes


def _refresh_one(db, job: Job) -> Outcome:
    """Fetch, check and write one source; on any failure record it and keep the old rows."""
    info, started = job.info, time.monotonic()
    if not db["sources"].count_where("id = ?", [info.id]):
        store.save_source_info(db, info, records=0)
    run_id = store.start_run(db, info.id, job.offline)
    stamp = store.now()
    try:
        records = job.produce()
        check_bounds(info, records)
        with store.transaction(db):
            counts = store.write_source(db, info, records, run_id)
            as_of = max((r.data_as_of for r in records if r.data_as_of), default=None)
            store.save_source_info(db, info, records=counts["active"], last_success=stamp,
                                   last_attempt=stamp, last_outcome="ok", last_error="",
                                   data_as_of=as_of or stamp[:10])
            store.end_run(db, run_id, "ok", fetched=len(records), parsed=counts["parsed"],
                          written=counts["written"], retired=counts["retired"])
        return Outcome(info.id, True, counts, seconds=time.monotonic() - started)
    except Exception as exc:  # any failure of one source must not stop the others
        error = f"{exc.__class__.__name__}: {exc}"
        log.error("%s failed: %s", info.id, error)
        log.debug("%s", traceback.format_exc())
        store.save_source_info(db, info, last_attempt=stamp, last_outcome="failed", last_error=error[:2000])
        store.end_run(db, run_id, "failed", error)
        return Outcome(info.id, False, {}, error, time.monotonic() - started)


def source_job(module, offline_dir: Path | None) -> Job:
    """Return the job that crawls one source (built-in or configured), live or from saved responses."""
    info = module.SOURCE

    def produce() -> list[Record]:
        limit = source_timeout()
        if offline_dir is not None:
            fetcher = OfflineFetcher(info.id, offline_dir)
        else:
            fetcher = Fetcher(info.id, new_run_folder(info.id))
        deadline = time.monotonic() + limit
        fetcher.deadline = deadline
        try:
            records = list(module.crawl(fetcher))
        finally:
            fetcher.finish()
        if time.monotonic() > deadline:
            raise SourceError(f"{info.id}: timed out after {limit:.0f} s")
        return records

    return Job(info, produce, offline_dir is not None)


def pick(source_ids: list[str]) -> list:
    """Return the sources to run: the named ones, or every enabled one; unknown or disabled ids are errors."""
    known = all_sources(include_disabled=True)
    enabled = all_sources()
    if unknown := [s for s in source_ids if s not in known]:
        raise SourceError(f"unknown source(s) {unknown}; known: {sorted(known)} "
                          "(imported lists are refreshed with `import`)")
    if disabled := [s for s in source_ids if s not in enabled]:
        raise SourceError(f"{disabled}: enabled = false in {config.config_path().name}; "
                          "`scrapers try ID` reads it without writing")
    return [known[s] for s in source_ids] if source_ids else list(enabled.values())


def run(source_ids: list[str], offline_dir: Path | None, path: Path | None = None,
        only_due: bool = False) -> list[Outcome]:
    """Refresh the named sources (every enabled one when none are named; only those due with only_due)."""
    sources = pick(source_ids)
    if only_due:
        sources = due(sources, path or db_path())
    if not sources:
        return []
    return refresh([source_job(m, offline_dir) for m in sources], path)


def listing(path: Path | None = None) -> list[dict]:
    """Return `scrapers list` rows: the database's sources, then enabled sources never run yet."""
    from verifier.registry import list_sources
    path = Path(path or db_path())
    rows = list_sources(path) if path.exists() else []
    known = {r["id"] for r in rows}
    for source in all_sources().values():
        info = source.SOURCE
        if info.id not in known:
            rows.append({"id": info.id, "name": info.name, "kind": info.kind, "country": info.country,
                         "records": 0, "last_success": None, "health": "never", "note": info.note,
                         "live": info.live})
    return rows

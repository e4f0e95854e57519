"""Publish the registry as a snapshot: `python -m scrapers publish DIR` (or `run ... --publish DIR`).

The registry (VERIFIER_DB) is copied consistently into DIR under a temporary name, checked
(SQLite's quick_check, every required source loaded), hashed, fsynced and renamed to
`registry-<sha256>.db`; its manifest (verifier/snapshots.py) is written the same way, last, so a
server never sees a manifest whose file is not complete. Then old snapshots are pruned: the newest
`keep` stay, never the one just written. Servers started with VERIFIER_SNAPSHOT_DIR=DIR pick it
up within their poll interval. DIR may be a shared volume or a folder the operator syncs.
"""
from __future__ import annotations

import json
import os
import secrets
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from verifier import registry
from verifier.records import BUILTIN_SOURCES
from verifier.snapshots import (Snapshot, SnapshotError, SnapshotFolder, db_name, file_hash, make_manifest,
                                manifest_name, missing_sources, read_manifest)

from . import store
from .base import SourceError

DEFAULT_KEEP = 5
STALE_TEMP_SECONDS = 3600  # a temporary file this old is left from a publish that died: removed


@dataclass
class Published:
    """What a publish did: the snapshot now newest, whether its files were written, what was pruned."""
    snapshot: Snapshot
    written: bool
    pruned: list[str] = field(default_factory=list)


def publish(registry_path: Path, folder: Path, required: tuple[str, ...], keep: int = DEFAULT_KEEP) -> Published:
    """Write the registry into folder as a snapshot named by its hash (unless it is already the newest)."""
    if keep < 1:
        raise SourceError("--keep must be at least 1")
    if not registry_path.is_file():
        raise SourceError(f"registry database {registry_path} not found: run `python -m scrapers run` first")
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".registry-{os.getpid()}-{secrets.token_hex(4)}.db.tmp"
    try:
        store.copy_database(registry_path, tmp)
        sources = _checked_sources(tmp, required)
        _fsync(tmp)
        digest = file_hash(tmp)
        newest = SnapshotFolder(folder, required).newest()
        if newest is not None and newest.hash == digest:
            return Published(newest, False, prune(folder, keep, digest))
        target = folder / db_name(digest)
        if not (target.is_file() and file_hash(target) == digest):
            os.chmod(tmp, 0o444)  # a snapshot is never changed once written
            os.replace(tmp, target)
            _fsync(folder)  # the file's name is on disk before any manifest names it
        manifest = make_manifest(digest, target.stat().st_size, sources, _now())
        _write_atomically(folder / manifest_name(digest), _json(manifest))
    finally:
        tmp.unlink(missing_ok=True)
    return Published(Snapshot(digest, target, manifest), True, prune(folder, keep, digest))


def required_sources(environ) -> tuple[str, ...]:
    """Return the source ids a published registry must hold: VERIFIER_REQUIRED_SOURCES, else every built-in."""
    named = [x.strip() for x in (environ.get("VERIFIER_REQUIRED_SOURCES") or "").split(",") if x.strip()]
    return tuple(named) if named else BUILTIN_SOURCES


def adopt_newer(folder: Path, registry_path: Path, required: tuple[str, ...]) -> Snapshot | None:
    """Copy the newest snapshot over the local registry when it holds a later run (the scheduler moved to
    this server from another); return it, or None when the local registry is as recent."""
    newest = SnapshotFolder(folder, required).newest()
    if newest is None or _last_attempt(newest.manifest["sources"]) <= _local_last_attempt(registry_path):
        return None
    from .runner import writer_lock
    with writer_lock(registry_path):
        tmp = registry_path.with_name(f".{registry_path.name}.{os.getpid()}.adopt.tmp")
        try:
            store.copy_database(newest.path, tmp)
            store.swap_in(tmp, registry_path)
        finally:
            tmp.unlink(missing_ok=True)
    return newest


def _local_last_attempt(registry_path: Path) -> str:
    """Return the latest run stamp of any source in the local registry ("" when there is none)."""
    if not registry_path.is_file():
        return ""
    try:
        return _last_attempt(registry.list_sources(registry_path))
    except sqlite3.Error:
        return ""


def _last_attempt(sources: list[dict]) -> str:
    """Return the latest `last_attempt` stamp among sources (ISO 8601, so they sort as text)."""
    return max((s.get("last_attempt") or "" for s in sources if isinstance(s, dict)), default="")


def _checked_sources(path: Path, required: tuple[str, ...]) -> list[dict]:
    """Return a registry copy's sources; raise SourceError when it is damaged or lacks a required source."""
    conn = registry.connect(path, immutable=True)
    try:
        (verdict,) = conn.execute("pragma quick_check").fetchone()
        if verdict != "ok":
            raise SourceError(f"the registry fails SQLite's quick_check ({verdict}): not published")
        sources = registry.list_sources(path, conn)
    except sqlite3.DatabaseError as exc:
        raise SourceError(f"the registry cannot be read ({exc}): not published") from exc
    finally:
        conn.close()
    if missing := missing_sources({"sources": sources}, required):
        raise SourceError(f"required source(s) never loaded: {', '.join(missing)}; servers would refuse this "
                          "registry, so it is not published")
    if not sum(s["records"] or 0 for s in sources):
        raise SourceError("the registry holds no records: not published")
    return sources


def prune(folder: Path, keep: int, just_written: str) -> list[str]:
    """Remove all but the newest `keep` snapshots (never the one just written); return the hashes removed."""
    ordered = [read_manifest(p)["hash"] for _at, p in SnapshotFolder(folder).manifests()]
    kept = {just_written, *[h for h in ordered if h != just_written][:keep - 1]}
    removed = [h for h in ordered if h not in kept]
    for digest in removed:
        (folder / manifest_name(digest)).unlink(missing_ok=True)  # the manifest first: never one without its file
        (folder / db_name(digest)).unlink(missing_ok=True)
    _remove_leftovers(folder, kept | set(ordered))
    return removed


def _remove_leftovers(folder: Path, listed: set[str]) -> None:
    """Remove temporary files and registry files without a manifest left over an hour ago by a publish that died."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for path in folder.iterdir():
        name = path.name
        orphan = name.startswith("registry-") and name.endswith(".db") and name[9:-3] not in listed
        leftover = name.startswith(".registry-") and name.endswith(".tmp")
        try:
            if (orphan or leftover or _broken_manifest(path)) and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
        except OSError:  # removed meanwhile by another publish
            continue


def _broken_manifest(path: Path) -> bool:
    """Tell whether a file is a manifest that cannot be read (it names no snapshot anyone can use)."""
    if not (path.name.startswith("registry-") and path.name.endswith(".json")):
        return False
    try:
        read_manifest(path)
    except SnapshotError:
        return True
    return False


def _write_atomically(path: Path, data: bytes) -> None:
    """Write a file under a temporary name, fsync it, rename it into place and fsync the folder."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync(path.parent)


def _fsync(path: Path) -> None:
    """Flush a file's or a folder's contents to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _json(manifest: dict) -> bytes:
    """Return a manifest as UTF-8 JSON bytes."""
    return json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")


def _now() -> str:
    """Return the current UTC time with microseconds (two publishes in one second still order)."""
    return datetime.now(timezone.utc).isoformat()

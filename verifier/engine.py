"""One engine per registry: its read-only connection, match index and extra lists, made from config.

The web app keeps one in `app.extensions["verifier"]`; the CLI builds its own from the
environment. Nothing here is process-wide: two engines on two registries answer from their own.
A refresh swaps the registry file; the engine notices by the file's identity and reopens it.
With a snapshot folder (VERIFIER_SNAPSHOT_DIR) it answers from the newest verified snapshot there
instead (verifier/follower.py). A request pins the registry it started with (`pin`), so a swap
lands between requests, and each process opens its own connection (never one made before a fork).
"""
from __future__ import annotations

import contextlib
import contextvars
import gc
import logging
import os
import threading
import weakref
from pathlib import Path
from typing import Mapping, Protocol

from verifier import DEFAULT_REGION, DEFAULT_TIMEZONE, registry
from verifier.follower import DEFAULT_POLL, SnapshotFollower, poll_seconds
from verifier.registry import ListsNotLoaded, Loaded  # noqa: F401 (ListsNotLoaded: callers import it from here)
from verifier.names.match import Index
from verifier.appdb.backend import is_postgres

log = logging.getLogger(__name__)


class ExtraSource(Protocol):
    """A list kept outside the registry database (the NGO's own warnings in the app database)."""

    def version(self) -> object: ...
    def build_index(self) -> Index | None: ...
    def get_agency(self, agency_id: str) -> dict | None: ...
    def sources(self) -> list[dict]: ...


def expected_sources() -> tuple[str, ...]:
    """Return the ids of the built-in sources every registry must hold before it answers."""
    from verifier.records import BUILTIN_SOURCES
    return BUILTIN_SOURCES


class Engine:
    """Answers checks from one registry file plus extra lists."""

    def __init__(self, registry_path: str | Path, app_db_path: str | Path | None = None, *,
                 region: str = DEFAULT_REGION, timezone: str = DEFAULT_TIMEZONE,
                 extras: list[ExtraSource] | None = None, required: tuple[str, ...] | None = None,
                 ngo_name: str | None = None, ngo_url: str = "",
                 snapshot_dir: str | Path | None = None, snapshot_poll: float | None = None):
        self.registry_path = Path(registry_path)
        # A file path (SQLite) or a postgresql:// URL, which a Path would mangle.
        self.app_db_path = (str(app_db_path) if is_postgres(app_db_path) else Path(app_db_path)) if app_db_path else None
        self.region, self.timezone = region, timezone
        if extras is None and self.app_db_path is not None:
            from verifier.appdb.ngo import NgoWarningList
            from verifier.appdb.notices import StaffNotices
            extras = [NgoWarningList(self.app_db_path, ngo_name, ngo_url), StaffNotices(self.app_db_path)]
        self.extras: list[ExtraSource] = list(extras or [])
        self.required = expected_sources() if required is None else required
        self._loaded: Loaded | None = None
        self._lock = threading.Lock()
        self._pinned: contextvars.ContextVar = contextvars.ContextVar(f"verifier-pinned-{id(self)}", default=None)
        self.follower = SnapshotFollower(snapshot_dir, self.required, self._open_snapshot,
                                         snapshot_poll or DEFAULT_POLL) if snapshot_dir else None

    @classmethod
    def from_config(cls, config: Mapping) -> "Engine":
        """Return an engine for an app's (or the environment's) VERIFIER_* settings."""
        required = config.get("VERIFIER_REQUIRED_SOURCES")
        if isinstance(required, str):
            required = tuple(x.strip() for x in required.split(",") if x.strip())
        return cls(config.get("VERIFIER_DB") or "data/verifier.db", config.get("VERIFIER_APP_DB"),
                   region=config.get("VERIFIER_REGION") or DEFAULT_REGION,
                   timezone=config.get("VERIFIER_TIMEZONE") or DEFAULT_TIMEZONE, required=required,
                   ngo_name=config.get("VERIFIER_NGO_NAME"), ngo_url=config.get("VERIFIER_NGO_URL") or "",
                   snapshot_dir=config.get("VERIFIER_SNAPSHOT_DIR") or None,
                   snapshot_poll=poll_seconds(config.get("VERIFIER_SNAPSHOT_POLL")))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "Engine":
        """Return an engine for VERIFIER_DB / VERIFIER_APP_DB (the CLI's, with their defaults)."""
        return cls.from_config({"VERIFIER_APP_DB": "data/app.db", **environ})

    def loaded(self) -> Loaded:
        """Return the registry as loaded now (the request's own when pinned), re-reading extra lists."""
        cur = self._registry()
        with self._lock:
            self._refresh_extras(cur)
        return cur

    def _refresh_extras(self, cur: Loaded) -> None:
        """Rebuild the extra lists' indexes when one changed; keep the last ones while the app database is down."""
        from verifier.appdb.backend import unavailable_errors
        try:
            versions = tuple(x.version() for x in self.extras)
            if versions != cur.extra_versions:
                cur.extra_indexes = tuple(self._extra_indexes(cur.index))
                cur.extra_versions = versions
        except unavailable_errors() as exc:  # checks go on answering from what was last loaded
            log.warning("extra lists not refreshed, the app database is unavailable: %s", exc)

    def _registry(self) -> Loaded:
        """Return the registry this request is pinned to, else the one loaded now."""
        pinned = self._pinned.get()
        return pinned if pinned is not None else self._current()

    def _current(self) -> Loaded:
        """Return the registry loaded now: the newest verified snapshot, or the registry file."""
        if self.follower is None:
            return self._file_loaded()
        if (cur := self.follower.current(_reopened)) is None:
            raise ListsNotLoaded(f"the lists are not loaded: no registry snapshot in {self.follower.folder} "
                                 "passes its checks (the log says why)")
        return cur

    def _file_loaded(self) -> Loaded:
        """Return the registry file as loaded now, reopening it after a swap (and in a new process)."""
        identity = registry.file_identity(self.registry_path)
        with self._lock:
            cur = self._loaded
            if cur is None or cur.identity != identity:
                # The old one is not closed here: requests pinned to it finish on it, then it is freed.
                cur = self._loaded = open_registry(self.registry_path, identity)
            elif cur.pid != os.getpid() and _reopened(cur) is None:  # a forked worker, or after warm()
                raise ListsNotLoaded(f"the lists are not loaded: {self.registry_path} cannot be opened")
            return cur

    def _open_snapshot(self, snapshot) -> Loaded:
        """Return a verified snapshot's registry loaded, or raise ListsNotLoaded when it cannot answer."""
        loaded = open_registry(snapshot.path, (snapshot.hash,), snapshot)
        ready, states = self._readiness(loaded.sources)
        if not ready:
            raise ListsNotLoaded("required sources not loaded: " + ", ".join(
                s["id"] for s in states if s["state"] in ("missing", "never") and s["id"] in self.required))
        return loaded

    def snapshot_name(self) -> str | None:
        """Return the hash prefix of the snapshot answered from (None outside snapshot mode or before one loads)."""
        try:
            return self._registry().snapshot_name
        except ListsNotLoaded:
            return None

    def pin(self) -> contextvars.Token:
        """Fix the registry this request answers from until `unpin`, so it never sees half of two."""
        try:
            loaded = self._current()
        except ListsNotLoaded:
            loaded = None
        return self._pinned.set(loaded)

    def unpin(self, token: contextvars.Token) -> None:
        """Release the registry a request was pinned to."""
        try:
            self._pinned.reset(token)
        except ValueError:  # reset from another context: clear this one's instead
            self._pinned.set(None)

    @contextlib.contextmanager
    def pinned(self):
        """Hold one registry for a block (an operation outside a web request: the CLI's checks)."""
        if self._pinned.get() is not None:
            yield
            return
        token = self.pin()
        try:
            yield
        finally:
            self.unpin(token)

    def _extra_indexes(self, base: Index) -> list[Index]:
        """Return the match indexes of the extra lists, weighing words by the registry's statistics."""
        indexes = []
        for extra in self.extras:
            if (idx := extra.build_index()) is not None:
                idx.stats = base
                indexes.append(idx)
        return indexes

    def all_sources(self) -> list[dict]:
        """Return every source the engine answers from: the registry's and the extra lists'."""
        rows = [dict(s) for s in self.loaded().sources.values()]
        for extra in self.extras:
            rows += extra.sources()
        return rows

    def source(self, source_id: str) -> dict:
        """Return one source's row (publisher, url, dates), or a bare stand-in."""
        found = self.loaded().sources.get(source_id)
        if found is None:
            found = next((s for x in self.extras for s in x.sources() if s["id"] == source_id), None)
        return found or {"id": source_id, "name": source_id, "url": ""}

    def readiness(self) -> tuple[bool, list[dict]]:
        """Return (ready, each source's state): ready when every required source has loaded."""
        try:
            return self._readiness(self.loaded().sources)
        except ListsNotLoaded as exc:
            return False, [{"id": sid, "state": "missing", "error": str(exc)} for sid in self.required]

    def _readiness(self, sources: dict[str, dict]) -> tuple[bool, list[dict]]:
        """Return (ready, each source's state) for the sources of a loaded registry."""
        states = []
        for sid in dict.fromkeys([*self.required, *sources]):
            row = sources.get(sid) or {}
            states.append({"id": sid, "state": _state(sources.get(sid)), "records": row.get("records", 0),
                           "last_success": row.get("last_success"), "data_as_of": row.get("data_as_of")})
        total = sum(s.get("records") or 0 for s in sources.values())
        for s in states:  # a source whose every record was retired holds nothing to check against
            if s["id"] in self.required and s["state"] not in ("missing", "never") and not s["records"]:
                s["state"] = "empty"
        ready = total > 0 and all(s["state"] not in ("missing", "never", "empty")
                                  for s in states if s["id"] in self.required)
        return ready, states

    def require_lists(self) -> Loaded:
        """Return the loaded registry, or raise ListsNotLoaded when lists are missing."""
        loaded = self.loaded()
        ready, states = self._readiness(loaded.sources)
        if not ready:
            missing = [s["id"] for s in states if s["state"] in ("missing", "never") and s["id"] in self.required]
            empty = [s["id"] for s in states if s["state"] == "empty"]
            raise ListsNotLoaded("the lists are not loaded" + (
                f": {', '.join(missing)} never loaded" if missing else
                f": {', '.join(empty)} holds no current records" if empty else ": the registry holds no records"), states)
        return loaded

    def warm(self) -> None:
        """Load the registry and build the indexes now (before workers fork, so they share them), then
        close the connection: each process opens its own on first use, never one made before a fork."""
        from verifier.names.identity import warm
        cur = self.loaded()
        warm()
        with self._lock:
            cur.conn.close()
            cur.pid = None

    # The operations every view uses; each builds or reads the one result shape (verifier.check).
    def check(self, q=None, *, name=None, phone=None, licence=None, lang: str = "en",
              deadline: float | None = None) -> dict:
        """Return the check result dict for a query (see verifier.check.check), card numbers masked."""
        from verifier.check import check
        from verifier.offers.cards import mask_result
        with self.pinned():
            return mask_result(check(self, q, name=name, phone=phone, licence=licence, lang=lang, deadline=deadline))

    def get_agency(self, agency_id: str, lang: str = "en") -> dict | None:
        """Return one record with its phones, status history and source, or None."""
        from verifier.check import get_agency
        with self.pinned():
            return get_agency(self, agency_id, lang)

    def list_sources(self, lang: str = "en") -> list[dict]:
        """Return every source with publisher, record count, freshness and health."""
        from verifier.check import list_sources
        return list_sources(self, lang)

    def compare(self, a: str, b: str) -> dict:
        """Return how alike two names are (score, same, explanation)."""
        from verifier.check import compare
        return compare(self, a, b)


def open_registry(path: Path, identity: tuple, snapshot=None) -> Loaded:
    """Return a registry file opened read-only with its index and sources, or raise ListsNotLoaded."""
    try:
        conn = registry.connect(path, immutable=snapshot is not None)
    except (FileNotFoundError, OSError) as exc:
        raise ListsNotLoaded(f"the lists are not loaded: {exc}") from exc
    collecting = gc.isenabled()
    gc.disable()  # kept off until the new objects are frozen: a collector pass over them stalls every thread
    try:
        index = Index.from_connection(conn)
        sources = {s["id"]: s for s in registry.list_sources(path, conn)}
        index.stats = weakref.proxy(index)  # its own statistics without a reference cycle: freed once unused
        gc.freeze()  # what is alive now is never walked by the collector again (nor copied in forked workers)
    except Exception as exc:  # a truncated or corrupt file: say so, never a verdict
        conn.close()
        raise ListsNotLoaded(f"the registry database cannot be read: {exc}") from exc
    finally:
        if collecting:
            gc.enable()
    return Loaded(identity, conn, index, sources, pid=os.getpid(), path=path, snapshot=snapshot)


def _reopened(cur: Loaded) -> Loaded | None:
    """Return a loaded registry with a connection of this process's own (same index), or None when its
    file is gone (a snapshot pruned meanwhile)."""
    try:
        cur.conn, cur.pid = registry.connect(cur.path, immutable=cur.snapshot is not None), os.getpid()
    except (FileNotFoundError, OSError):
        return None
    return cur


def _state(row: dict | None) -> str:
    """Return a source's state: missing (no row), never, failed, stale or ok."""
    return "missing" if row is None else row.get("health") or "ok"

"""Registry snapshots: immutable registry files named by their content hash, each with a manifest.

`python -m scrapers publish DIR` (scrapers/publish.py) writes them; a server started with
`VERIFIER_SNAPSHOT_DIR=DIR` answers from the newest one whose hash and required sources check out
(verifier/follower.py). In DIR, for each snapshot:

    registry-<sha256>.db     the registry file, never changed once written (opened immutable)
    registry-<sha256>.json   its manifest, written last: format, hash, bytes, built_at, sources

A manifest that is unreadable, names a file that is missing, shorter or longer than it says, whose
bytes do not hash to its name, or that lacks a required source makes that snapshot broken: it is
skipped (and said so once in the log), never answered from.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = "verifier-registry-snapshot/1"
SHORT = 12  # the hash prefix shown in /api/v1/health and on printed records
_NAME = re.compile(r"^registry-([0-9a-f]{64})\.json$")


class SnapshotError(ValueError):
    """A snapshot that must not be answered from, and why."""


@dataclass(frozen=True)
class Snapshot:
    """One verified snapshot: its hash, registry file and manifest."""
    hash: str
    path: Path
    manifest: dict

    @property
    def short(self) -> str:
        """Return the hash prefix that names this snapshot to people."""
        return self.hash[:SHORT]

    @property
    def built_at(self) -> str:
        """Return when it was published (ISO 8601, UTC)."""
        return self.manifest["built_at"]


def db_name(digest: str) -> str:
    """Return the file name of the registry file with this content hash."""
    return f"registry-{digest}.db"


def manifest_name(digest: str) -> str:
    """Return the file name of the manifest of the snapshot with this hash."""
    return f"registry-{digest}.json"


def file_hash(path: str | Path) -> str:
    """Return the SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def make_manifest(digest: str, size: int, sources: list[dict], built_at: str) -> dict:
    """Return the manifest of a registry file: its hash, size, sources (counts, dates) and built_at."""
    keep = ("id", "kind", "records", "data_as_of", "last_success", "last_attempt", "last_outcome")
    rows = [{k: s.get(k) for k in keep} for s in sources]
    return {"format": FORMAT, "hash": digest, "file": db_name(digest), "bytes": size,
            "built_at": built_at, "records": sum(r["records"] or 0 for r in rows), "sources": rows}


def read_manifest(path: Path) -> dict:
    """Return a manifest's fields, or raise SnapshotError when it is unreadable or malformed."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SnapshotError(f"manifest unreadable: {exc}") from exc
    match = _NAME.match(path.name)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SnapshotError(f"manifest is not a {FORMAT} manifest")
    if not match or manifest.get("hash") != match.group(1) or manifest.get("file") != db_name(match.group(1)):
        raise SnapshotError("manifest does not name the file its own name promises")
    if not isinstance(manifest.get("built_at"), str) or not isinstance(manifest.get("sources"), list) \
            or not isinstance(manifest.get("bytes"), int) or not isinstance(manifest.get("records"), int):
        raise SnapshotError("manifest lacks built_at, bytes, records or sources")
    return manifest


def missing_sources(manifest: dict, required: tuple[str, ...]) -> list[str]:
    """Return the required source ids a manifest does not list as loaded at least once."""
    loaded = {s.get("id") for s in manifest["sources"] if isinstance(s, dict) and s.get("last_success")}
    return [sid for sid in required if sid not in loaded]


def verify(manifest_path: Path, required: tuple[str, ...]) -> Snapshot:
    """Return the snapshot a manifest describes once every check passes; else raise SnapshotError."""
    manifest = read_manifest(manifest_path)
    if missing := missing_sources(manifest, required):
        raise SnapshotError(f"required source(s) missing: {', '.join(missing)}")
    if not manifest["records"]:
        raise SnapshotError("the registry holds no records")
    path = manifest_path.with_name(manifest["file"])
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SnapshotError(f"registry file unreadable: {exc}") from exc
    if size != manifest["bytes"]:
        raise SnapshotError(f"registry file has {size} bytes, the manifest says {manifest['bytes']} (truncated?)")
    if file_hash(path) != manifest["hash"]:
        raise SnapshotError("registry file does not match its hash")
    return Snapshot(manifest["hash"], path, manifest)


def _identity(path: Path) -> tuple:
    """Return what changes when a file is replaced (inode, size, mtime), or () when it is gone."""
    try:
        st = path.stat()
    except OSError:
        return ()
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class SnapshotFolder:
    """The snapshots of one folder, each verified once (until its files change) and ordered newest first."""

    def __init__(self, folder: str | Path, required: tuple[str, ...] = ()):
        self.folder = Path(folder)
        self.required = tuple(required)
        self._checked: dict[str, tuple[tuple, Snapshot | SnapshotError]] = {}

    def manifests(self) -> list[tuple[str, Path]]:
        """Return (built_at, manifest path) of every readable manifest, newest first."""
        found = []
        for path in self._manifest_paths():
            try:
                found.append((read_manifest(path)["built_at"], path))
            except SnapshotError as exc:
                self._remember(path, (), exc)
        return sorted(found, key=lambda item: (item[0], item[1].name), reverse=True)

    def _manifest_paths(self) -> list[Path]:
        """Return the paths named like manifests in the folder (none when it is missing)."""
        try:
            return [self.folder / name for name in os.listdir(self.folder) if _NAME.match(name)]
        except OSError:
            return []

    def newest(self) -> Snapshot | None:
        """Return the newest snapshot that checks out, or None."""
        for _built_at, path in self.manifests():
            result = self.check(path)
            if isinstance(result, Snapshot):
                return result
        return None

    def check(self, manifest_path: Path) -> Snapshot | SnapshotError:
        """Return a manifest's snapshot or what is wrong with it, verifying it again only when its files change."""
        digest = _NAME.match(manifest_path.name).group(1)
        identity = (_identity(manifest_path), _identity(manifest_path.with_name(db_name(digest))))
        seen = self._checked.get(manifest_path.name)
        if seen is not None and seen[0] == identity:
            return seen[1]
        try:
            result: Snapshot | SnapshotError = verify(manifest_path, self.required)
        except SnapshotError as exc:
            result = exc
        self._remember(manifest_path, identity, result)
        return result

    def reject(self, snapshot: Snapshot, reason: str) -> None:
        """Mark a snapshot broken for a reason found after verifying it (its registry would not load)."""
        self._remember(snapshot.path.with_name(manifest_name(snapshot.hash)), None, SnapshotError(reason), force=True)

    def _remember(self, path: Path, identity, result, force: bool = False) -> None:
        """Keep a check's result; log a broken snapshot once, when it is first found broken."""
        name = path.name
        old = self._checked.get(name)
        if isinstance(result, SnapshotError) and (old is None or not isinstance(old[1], SnapshotError)):
            log.warning("registry snapshot %s in %s ignored: %s", name[9:21], self.folder, result)
        if force and old is not None:
            identity = old[0]
        self._checked[name] = (identity, result)

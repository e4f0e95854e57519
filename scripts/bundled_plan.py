"""Which built-in sources `scripts/serve` must build from the saved snapshot in data/sources.

A source is built from the snapshot when the registry lacks it (never loaded, or no records) or
holds older data than the snapshot (its `data_as_of` before the snapshot's). The snapshot's dates
come from building it once into a scratch registry; they are kept in a stamp beside the registry
(`<registry>.bundle.json`), keyed by a digest of the saved files, so while the snapshot is
unchanged this costs a hash of 2 MB. Prints the source ids to build (one line, space-separated)
on stdout and the reason for each on stderr.

Usage: `python scripts/bundled_plan.py data/verifier.db` (from the repository root).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from scrapers import BUNDLED_SOURCES
from scrapers.runner import SOURCES, run

NOT_LOADED = "not loaded in the registry"


def bundled_ids() -> list[str]:
    """Give the ids of built-in sources that have a saved copy in the snapshot."""
    return [m.SOURCE.id for m in SOURCES if (BUNDLED_SOURCES / m.SOURCE.id).is_dir()]


def digest(folder: Path) -> str:
    """Give a SHA-256 over every saved file's path and bytes."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def registry_rows(db: Path) -> dict[str, dict]:
    """Give the registry's sources table by id (empty when the file is missing or unreadable)."""
    if not db.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        with conn:
            return {r["id"]: dict(r) for r in conn.execute("select * from sources")}
    except sqlite3.Error:
        return {}


def snapshot_dates(db: Path) -> dict[str, str | None]:
    """Give each bundled source's data_as_of, from the stamp or from a scratch build of the snapshot."""
    stamp, current = db.with_name(db.name + ".bundle.json"), digest(BUNDLED_SOURCES)
    try:
        saved = json.loads(stamp.read_text())
        if saved.get("digest") == current:
            return saved["data_as_of"]
    except (OSError, ValueError, KeyError):
        pass
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "snapshot.db"
        run(bundled_ids(), BUNDLED_SOURCES, scratch)
        dates = {sid: row.get("data_as_of") for sid, row in registry_rows(scratch).items()}
    db.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps({"digest": current, "data_as_of": dates}, indent=1))
    return dates


def plan(db: Path) -> list[tuple[str, str]]:
    """Give (source id, reason) for every bundled source the registry lacks or holds older."""
    rows, todo = registry_rows(db), []
    dates = snapshot_dates(db)
    for sid in bundled_ids():
        row = rows.get(sid) or {}
        have, saved = row.get("data_as_of") or "", dates.get(sid) or ""
        if not row.get("last_success") or not row.get("records"):
            todo.append((sid, NOT_LOADED))
        elif have[:10] < saved[:10]:
            todo.append((sid, f"registry data as of {have[:10] or 'unknown'}, saved snapshot {saved[:10]}"))
    return todo


def main(argv: list[str]) -> int:
    """Print the ids to build, and why where a source is there but older (a source not loaded yet
    needs no line of its own: `scripts/serve` says once that it builds them); exit 0."""
    todo = plan(Path(argv[1] if len(argv) > 1 else "data/verifier.db"))
    for sid, reason in todo:
        if reason != NOT_LOADED:
            print(f"{sid}: {reason}", file=sys.stderr)
    print(" ".join(sid for sid, _ in todo))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

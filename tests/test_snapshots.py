"""Registry snapshots: publishing (atomic, named by hash, pruned) and the engine following a folder.

Real registries built from data/sources (plus an invented probe list, tests/snapshot_helpers.py),
real files in temporary folders, the real engine.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from scrapers.base import SourceError
from scrapers.publish import adopt_newer
from scrapers.runner import run
from tests.snapshot_helpers import BUILT_INS, PROBE, invented_registry, publish_registry, wait_for
from verifier import registry
from verifier.engine import Engine, ListsNotLoaded
from verifier.snapshots import SnapshotFolder, db_name, file_hash, make_manifest, manifest_name

POLL = 0.2
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def variants(registry_db, tmp_path_factory) -> dict[str, Path]:
    """Give three registries that differ by their invented probe agency (Alpha, Bravo, Charlie)."""
    folder = tmp_path_factory.mktemp("variants")
    return {w: invented_registry(registry_db, folder / f"{w}.db", w) for w in ("Alpha", "Bravo", "Charlie")}


def verdict(engine: Engine, word: str) -> str:
    """Return the engine's verdict for the invented probe agency named with word."""
    return engine.check(f"{PROBE} {word}")["verdict"]


def following(folder: Path) -> Engine:
    """Return an engine answering from the snapshots of folder, looking every POLL seconds."""
    return Engine("no-such-registry.db", required=BUILT_INS, snapshot_dir=folder, snapshot_poll=POLL)


def test_publish_writes_a_file_named_by_its_hash_and_a_manifest(registry_db, tmp_path):
    folder = tmp_path / "snaps"
    done = publish_registry(registry_db, folder)
    digest = done.snapshot.hash
    assert done.written and sorted(os.listdir(folder)) == [db_name(digest), manifest_name(digest)]
    assert file_hash(folder / db_name(digest)) == digest
    assert not os.stat(folder / db_name(digest)).st_mode & 0o222  # never written again
    manifest = json.loads((folder / manifest_name(digest)).read_text())
    listed = {s["id"]: s for s in registry.list_sources(registry_db)}
    assert {s["id"]: (s["records"], s["data_as_of"]) for s in manifest["sources"]} == \
        {sid: (s["records"], s["data_as_of"]) for sid, s in listed.items()}
    assert manifest["records"] == sum(s["records"] for s in listed.values()) > 8000
    assert datetime.fromisoformat(manifest["built_at"]).tzinfo is not None
    again = publish_registry(registry_db, folder)
    assert not again.written and again.snapshot.hash == digest and len(os.listdir(folder)) == 2


def _truncate(db: Path, manifest: Path) -> None:
    """Cut a snapshot's registry file in half (a copy interrupted on its way)."""
    db.chmod(0o644)
    os.truncate(db, db.stat().st_size // 2)


def _flip_a_byte(db: Path, manifest: Path) -> None:
    """Change one byte of a snapshot's registry file, keeping its size."""
    db.chmod(0o644)
    with open(db, "r+b") as fh:
        fh.seek(db.stat().st_size // 2)
        byte = fh.read(1)
        fh.seek(-1, os.SEEK_CUR)
        fh.write(bytes([byte[0] ^ 0xFF]))


def _drop_a_source(db: Path, manifest: Path) -> None:
    """Rewrite a manifest without one required source."""
    data = json.loads(manifest.read_text())
    data["sources"] = [s for s in data["sources"] if s["id"] != "kz_kgd"]
    manifest.write_text(json.dumps(data))


def _garble_manifest(db: Path, manifest: Path) -> None:
    """Make a manifest unreadable."""
    manifest.write_text('{"format": "verifier-registry-snapshot/1", "hash"')


@pytest.mark.parametrize("damage", [_truncate, _flip_a_byte, _drop_a_source, _garble_manifest])
def test_a_broken_newer_snapshot_is_ignored(variants, tmp_path, damage, caplog):
    folder = tmp_path / "snaps"
    good = publish_registry(variants["Alpha"], folder).snapshot
    broken = publish_registry(variants["Bravo"], folder).snapshot
    damage(folder / db_name(broken.hash), folder / manifest_name(broken.hash))
    assert SnapshotFolder(folder, BUILT_INS).newest().hash == good.hash
    engine = following(folder)
    assert verdict(engine, "Alpha") == "warning" and verdict(engine, "Bravo") != "warning"
    assert engine.snapshot_name() == good.short
    assert f"registry snapshot {broken.short} in {folder} ignored" in caplog.text


def test_the_engine_swaps_between_requests_and_a_request_keeps_its_registry(variants, tmp_path):
    folder = tmp_path / "snaps"
    alpha = publish_registry(variants["Alpha"], folder).snapshot
    engine = following(folder)
    assert verdict(engine, "Alpha") == "warning" and engine.snapshot_name() == alpha.short
    token = engine.pin()  # this thread is now a request that started on Alpha
    bravo = publish_registry(variants["Bravo"], folder).snapshot
    seen: list[str | None] = []

    def other_requests() -> None:  # a new thread has a context of its own: unpinned, as other requests
        seen.append(wait_for(lambda: engine.snapshot_name() == bravo.short and engine.snapshot_name(), 30))

    thread = threading.Thread(target=other_requests)
    thread.start()
    thread.join()
    assert seen == [bravo.short]
    assert engine.snapshot_name() == alpha.short  # the pinned request still answers from Alpha, whole
    assert verdict(engine, "Alpha") == "warning" and verdict(engine, "Bravo") != "warning"
    engine.unpin(token)
    assert engine.snapshot_name() == bravo.short
    assert verdict(engine, "Bravo") == "warning" and verdict(engine, "Alpha") != "warning"


def test_a_snapshot_whose_registry_will_not_load_keeps_the_last_good_one(variants, tmp_path, caplog):
    folder = tmp_path / "snaps"
    alpha = publish_registry(variants["Alpha"], folder).snapshot
    engine = following(folder)
    assert engine.snapshot_name() == alpha.short
    junk = os.urandom(50_000)  # hashes right, lists every source, but is no SQLite database
    digest = hashlib.sha256(junk).hexdigest()
    (folder / db_name(digest)).write_bytes(junk)
    manifest = make_manifest(digest, len(junk), alpha.manifest["sources"], "2999-01-01T00:00:00+00:00")
    (folder / manifest_name(digest)).write_text(json.dumps(manifest))
    wait_for(lambda: engine.snapshot_name() and "cannot answer" in caplog.text, 30)  # requests keep coming
    time.sleep(3 * POLL)
    assert engine.snapshot_name() == alpha.short and verdict(engine, "Alpha") == "warning"


def test_a_withdrawn_snapshot_gives_way_to_the_newest_left(variants, tmp_path):
    folder = tmp_path / "snaps"
    alpha = publish_registry(variants["Alpha"], folder).snapshot
    bravo = publish_registry(variants["Bravo"], folder).snapshot
    engine = following(folder)
    assert engine.snapshot_name() == bravo.short
    (folder / manifest_name(bravo.hash)).unlink()
    wait_for(lambda: engine.snapshot_name() == alpha.short, 30)
    assert verdict(engine, "Alpha") == "warning"


def test_no_snapshot_means_no_verdict(tmp_path):
    engine = following(tmp_path / "empty")
    with pytest.raises(ListsNotLoaded, match="no registry snapshot"):
        engine.check("Sana Sezim")
    assert engine.snapshot_name() is None


def test_pruning_keeps_the_newest_and_never_the_one_just_written(variants, registry_db, tmp_path):
    folder = tmp_path / "snaps"
    written = [publish_registry(variants[w], folder, keep=2).snapshot for w in ("Alpha", "Bravo", "Charlie")]
    assert sorted(os.listdir(folder)) == sorted(n for s in written[1:] for n in (db_name(s.hash), manifest_name(s.hash)))
    stale = folder / ".registry-1-dead.db.tmp"
    fresh = folder / ".registry-2-live.db.tmp"
    stale.write_bytes(b"left by a publish that died")
    fresh.write_bytes(b"being written right now")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    last = publish_registry(registry_db, folder, keep=1)
    assert last.pruned == [written[2].hash, written[1].hash]
    assert sorted(os.listdir(folder)) == sorted([db_name(last.snapshot.hash), manifest_name(last.snapshot.hash),
                                                 fresh.name])


def test_publishing_an_older_registry_again_makes_it_the_newest(variants, tmp_path):
    folder = tmp_path / "snaps"
    alpha = publish_registry(variants["Alpha"], folder).snapshot
    publish_registry(variants["Bravo"], folder)
    again = publish_registry(variants["Alpha"], folder)
    assert again.written and again.snapshot.hash == alpha.hash
    assert SnapshotFolder(folder, BUILT_INS).newest().built_at > alpha.built_at


def test_a_registry_missing_a_required_source_is_not_published(shared_sources, tmp_path):
    partial = tmp_path / "partial.db"
    assert all(o.ok for o in run(["kz_kgd"], shared_sources, partial))
    folder = tmp_path / "snaps"
    with pytest.raises(SourceError, match="never loaded: ph_dmw, hk_eaa"):
        publish_registry(partial, folder)
    assert os.listdir(folder) == []


def test_the_scheduler_takes_a_newer_snapshot_as_its_registry(variants, registry_db, tmp_path):
    folder = tmp_path / "snaps"
    bravo = publish_registry(variants["Bravo"], folder).snapshot
    local = tmp_path / "local.db"
    local.write_bytes(registry_db.read_bytes())  # another server's older registry
    assert adopt_newer(folder, local, BUILT_INS).hash == bravo.hash
    assert "invented_probe" in {s["id"] for s in registry.list_sources(local)}
    assert adopt_newer(folder, local, BUILT_INS) is None  # now as recent as the snapshot


def test_a_poll_interval_that_is_not_a_number_is_refused():
    with pytest.raises(ValueError, match="VERIFIER_SNAPSHOT_POLL must be a number of seconds"):
        Engine.from_config({"VERIFIER_SNAPSHOT_DIR": "snaps", "VERIFIER_SNAPSHOT_POLL": "soon"})


def test_the_command_line_builds_and_publishes_in_one_step(shared_sources, tmp_path):
    env = dict(os.environ, VERIFIER_DB=str(tmp_path / "verifier.db"), VERIFIER_RAW_DIR=str(tmp_path / "raw"))
    folder = tmp_path / "snaps"
    done = subprocess.run([sys.executable, "-m", "scrapers", "run", "--offline", str(shared_sources),
                           "--publish", str(folder)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = re.search(r"^snapshot ([0-9a-f]{12}) published in .* \((\d+) records: ", done.stdout, re.M)
    assert found and SnapshotFolder(folder, BUILT_INS).newest().short == found.group(1)
    env["VERIFIER_DB"] = str(tmp_path / "never-built.db")
    refused = subprocess.run([sys.executable, "-m", "scrapers", "publish", str(folder)], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and "nothing published" in refused.stderr and "not found" in refused.stderr

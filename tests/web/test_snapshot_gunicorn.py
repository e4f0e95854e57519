"""gunicorn with two workers following a snapshot folder: both answer from a new snapshot within the
poll interval (plus its load), never go back, and ignore a broken one.

Which worker answered with which snapshot is read from the access log, with a format that adds the
worker's pid and the snapshot (`%({verifier.snapshot}e)s`, put in the WSGI environ by the app).
"""
from __future__ import annotations

import json
import os
import re
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.live import gunicorn
from tests.snapshot_helpers import PROBE, invented_registry, publish_registry
from verifier.snapshots import db_name, manifest_name

POLL = 1.0
LOG_FORMAT = "%(p)s %({verifier.snapshot}e)s %(s)s %(U)s"
LINE = re.compile(r"^<(\d+)> (\S+) (\d+) (\S+)$")


def ask(url: str) -> tuple[int, dict]:
    """Return the status and JSON body of one GET."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, json.loads(response.read())


def a_round(base: str, n: int = 8) -> list[tuple[int, dict]]:
    """Return the answers of n health requests sent four at a time (so both workers take some)."""
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(ask, [base + "/api/v1/health"] * n))


def served(log: Path) -> dict[int, list[str]]:
    """Return, per worker pid, the snapshots its requests were answered from, in order."""
    seen: dict[int, list[str]] = {}
    for line in log.read_text().splitlines():
        if match := LINE.match(line):
            seen.setdefault(int(match.group(1)), []).append(match.group(2))
    return seen


def until_both(base: str, log: Path, short: str, seconds: float) -> float:
    """Send rounds until both workers have answered from `short`; return the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        assert all(status == 200 for status, _ in a_round(base))
        seen = served(log)
        if len(seen) == 2 and all(short in names for names in seen.values()):
            return time.monotonic() - started
        time.sleep(0.1)
    raise AssertionError(f"not every worker answered from {short} within {seconds} s: {served(log)}")


def only_from(base: str, log: Path, short: str, seconds: float) -> bool:
    """Send rounds for some seconds; return True when every answer, by both workers, came from `short`."""
    time.sleep(0.3)  # a worker writes its access line just after the answer: let the last ones land
    before = {pid: len(names) for pid, names in served(log).items()}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert all(status == 200 and body["snapshot"] == short for status, body in a_round(base))
    after = served(log)
    assert all(len(after[pid]) > before[pid] for pid in before)  # both workers were asked meanwhile
    return all(set(names[before[pid]:]) == {short} for pid, names in after.items())


def arrive_broken(stage: Path, folder: Path, snapshot) -> None:
    """Damage a snapshot published into a staging folder, then move it in: it is never whole in the folder."""
    db = stage / db_name(snapshot.hash)
    db.chmod(0o644)
    with open(db, "r+b") as fh:
        fh.seek(4096)
        byte = fh.read(1)
        fh.seek(4096)
        fh.write(bytes([byte[0] ^ 0xFF]))
    os.replace(db, folder / db.name)
    os.replace(stage / manifest_name(snapshot.hash), folder / manifest_name(snapshot.hash))


def test_two_workers_follow_a_new_snapshot_and_ignore_a_broken_one(web_db, tmp_path):
    made = {w: invented_registry(Path(web_db), tmp_path / f"{w}.db", w) for w in ("Alpha", "Bravo", "Charlie")}
    folder, log = tmp_path / "snaps", tmp_path / "access.log"
    alpha = publish_registry(made["Alpha"], folder).snapshot
    with gunicorn(tmp_path / "missing.db", tmp_path / "app.db", VERIFIER_SNAPSHOT_DIR=str(folder),
                  VERIFIER_SNAPSHOT_POLL=str(POLL), GUNICORN_ACCESS_LOG=str(log), RATELIMIT_ENABLED="false",
                  GUNICORN_CMD_ARGS=f"--access-logformat '{LOG_FORMAT}'") as base:
        until_both(base, log, alpha.short, 60)
        bravo = publish_registry(made["Bravo"], folder).snapshot
        took = until_both(base, log, bravo.short, 30)
        assert took < POLL + 15  # noticed within the poll, then the load of a 9,000-record registry
        # Requests pinned to Alpha before the swap may finish after it; every request that starts later
        # (the rounds below wait for the earlier ones) is answered from Bravo, by both workers.
        assert only_from(base, log, bravo.short, 2 * POLL)
        status, result = ask(base + "/api/v1/check?q=" + urllib.request.quote(f"{PROBE} Bravo"))
        assert status == 200 and result["verdict"] == "warning" and result["snapshot"] == bravo.short

        charlie = publish_registry(made["Charlie"], tmp_path / "stage").snapshot
        arrive_broken(tmp_path / "stage", folder, charlie)
        assert only_from(base, log, bravo.short, 4 * POLL)  # the broken Charlie is never answered from

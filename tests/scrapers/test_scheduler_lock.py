"""One scheduler: `scrapers run --due` runs only in the process holding the scheduler lock.

Both kinds with real processes: the file lock beside a SQLite app database, and PostgreSQL's
advisory lock on a real server (tests/postgres.py). A second process skips with a clear line and
exits 0; a holder that dies (SIGKILL) leaves the lock free.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrapers.scheduler_lock import SKIPPED
from tests.postgres import postgres_url  # noqa: F401 (the fixture)

ROOT = Path(__file__).resolve().parents[2]
HOLD = """import sys
from scrapers.scheduler_lock import scheduler_lock
with scheduler_lock(sys.argv[1]) as held:
    print(held, flush=True)
    sys.stdin.readline()
"""


def holder(app_db: str) -> tuple[subprocess.Popen, str]:
    """Start a process that takes the scheduler lock and keeps it; return it and whether it got the lock."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, app_db], cwd=ROOT, text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    return process, process.stdout.readline().strip()


def run_due(app_db: str, registry: Path, sources: Path) -> subprocess.CompletedProcess:
    """Run `scrapers run --due` as the timer does, on a registry where nothing is due."""
    env = dict(os.environ, VERIFIER_APP_DB=app_db, VERIFIER_DB=str(registry))
    return subprocess.run([sys.executable, "-m", "scrapers", "run", "--due", "--offline", str(sources)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(params=["file", "postgres"])
def app_db(request, tmp_path) -> str:
    """Give an app database setting: a SQLite path (file lock) or a PostgreSQL URL (advisory lock)."""
    if request.param == "postgres":
        return request.getfixturevalue("postgres_url")
    return str(tmp_path / "app.db")


def test_only_the_lock_holder_runs_the_schedule(app_db, registry_db, shared_sources, tmp_path):
    registry = tmp_path / "verifier.db"
    shutil.copyfile(registry_db, registry)  # every source just loaded: nothing is due
    first, held = holder(app_db)
    try:
        assert held == "True"
        second, second_held = holder(app_db)
        second.communicate("\n", timeout=30)
        assert second_held == "False"
        skipped = run_due(app_db, registry, shared_sources)
        assert skipped.returncode == 0, skipped.stderr
        assert skipped.stdout.strip() == SKIPPED and "nothing due" not in skipped.stdout
    finally:
        first.send_signal(signal.SIGKILL)  # a holder that dies releases the lock with it
        first.wait(timeout=30)
    deadline = time.monotonic() + 10
    while (done := run_due(app_db, registry, shared_sources)).stdout.strip() == SKIPPED:
        assert time.monotonic() < deadline, "the lock stayed held after its holder died"
        time.sleep(0.2)
    assert done.returncode == 0 and done.stdout.strip() == "nothing due", done.stderr


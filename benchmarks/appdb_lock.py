"""Checks under load while the app database is write-locked for 15 s (issue 16); loopback, bounded.

Usage: python benchmarks/appdb_lock.py REGISTRY.db [--threads N]   (needs wrk)
Starts gunicorn with the project's config on a temporary app database, runs wrk on
/api/v1/check for 25 s, and holds BEGIN EXCLUSIVE on the app database from 5 s to 20 s.
Prints wrk's summary, then the searches counted in the app database once the lock is gone.
"""
from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.live import gunicorn  # noqa: E402


def hold_lock(path: Path, start: float, seconds: float) -> None:
    """Hold the app database's write lock from start to start + seconds after now."""
    time.sleep(start)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("BEGIN EXCLUSIVE")
        print(f"lock taken for {seconds:.0f} s", flush=True)
        time.sleep(seconds)
        conn.execute("ROLLBACK")
    print("lock released", flush=True)


def main() -> None:
    """Run the measurement and print it."""
    parser = argparse.ArgumentParser()
    parser.add_argument("registry")
    parser.add_argument("--threads", default="128")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app_db = Path(tmp) / "app.db"
        with gunicorn(args.registry, app_db, GUNICORN_THREADS=args.threads,
                      VERIFIER_COUNT_FLUSH_SECONDS="2") as url:
            locker = threading.Thread(target=hold_lock, args=(app_db, 5, 15))
            locker.start()
            out = subprocess.run(["wrk", "-t2", "-c32", "-d25s", "--timeout", "5s", "--latency",
                                  url + "/api/v1/check?q=Sana%20Sezim"], capture_output=True, text=True)
            locker.join()
            print(out.stdout)
            time.sleep(6)
        with closing(sqlite3.connect(app_db)) as conn:
            print("searches counted:", conn.execute("select sum(n) from search_counts").fetchone()[0])


if __name__ == "__main__":
    main()

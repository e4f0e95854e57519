"""Time a full offline rebuild of every source, the way the README builds the database.

Runs `python -m scrapers run --offline data/sources` into a fresh database in a temporary
folder (never data/verifier.db), then once more over the result (the nightly case: nothing changed).
Prints seconds. Usage: .venv/bin/python benchmarks/rebuild_time.py [--sources DIR] [--repeat N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent


def timed_run(db: Path, sources: Path) -> float:
    """Run the CLI once and return its wall-clock seconds; fail loudly if it fails."""
    env = dict(os.environ, VERIFIER_DB=str(db), VERIFIER_RAW_DIR=str(db.parent / "raw"))
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "scrapers", "run", "--offline", str(sources)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"rebuild failed ({result.returncode}):\n{result.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT / "data" / "sources")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    fresh, again = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "verifier.db"
            fresh.append(timed_run(db, args.sources))
            again.append(timed_run(db, args.sources))
    print(f"full offline rebuild, fresh database: median {statistics.median(fresh):.1f} s "
          f"(runs: {', '.join(f'{s:.1f}' for s in fresh)})")
    print(f"second identical run over it:        median {statistics.median(again):.1f} s "
          f"(runs: {', '.join(f'{s:.1f}' for s in again)})")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

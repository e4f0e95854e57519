"""How long the command line takes to start and answer one check, as a person runs it.

    .venv/bin/python benchmarks/bench_cli.py [--runs 15] [--query "TOO Dymka"]

Builds a registry from the saved sources (data/sources) in a temporary folder, then runs
`python -m verifier check QUERY` as a new process each time (warm disk: one unmeasured run first)
and prints the median and p95 wall time and the modules that dominate the import. Goal: ≤ 0.4 s.
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


def build_registry(folder: Path) -> dict:
    """Return the environment of a CLI run against a registry built in `folder`."""
    env = {**os.environ, "VERIFIER_DB": str(folder / "verifier.db"), "VERIFIER_APP_DB": str(folder / "app.db")}
    subprocess.run([sys.executable, "-m", "scrapers", "run", "--offline", "data/sources"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    return env


def time_runs(env: dict, query: str, runs: int) -> list[float]:
    """Return the wall time of each run of `verifier check QUERY`, the first (cold) one left out."""
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "verifier", "check", query], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        if i:
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    """Print the start-and-answer times of the command line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--query", default="TOO Dymka")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = build_registry(Path(tmp))
        times = sorted(time_runs(env, args.query, args.runs))
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"verifier check {args.query!r}: median {statistics.median(times):.3f} s, p95 {p95:.3f} s "
          f"over {len(times)} runs (goal ≤ 0.4 s)")
    flask = subprocess.run([sys.executable, "-c", "import sys, verifier.cli; print('flask' in sys.modules)"],
                           cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"Flask imported by the CLI: {flask}")


if __name__ == "__main__":
    main()

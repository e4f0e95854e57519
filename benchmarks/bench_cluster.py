"""Many servers on one machine: checks and reports per second for 1 and 3 servers, and the report
write latency (p50/p95/p99) on SQLite and on PostgreSQL.

    .venv/bin/python benchmarks/bench_cluster.py [--seconds 15] [--connections 32] [--port 18720]

Each server count gets its own cluster (verifier/localcluster.py: PostgreSQL, redis, N gunicorn
servers with 2 workers each, on loopback). wrk (Debian `wrk`) runs one process per server, the
connections split evenly, first on /api/v1/check (the rotating queries of load/check.lua), then on
POST /api/v1/reports (load/report.lua, 250 documentation addresses). Rate limits are set out of
reach. The write latency is timed in-process: 4 threads store 250 reports each through
`appdb.submit_report` (one transaction with its audit row), on a fresh SQLite file (WAL) and on a
fresh PostgreSQL database (fsync on). Every run is bounded and stops by itself; results are JSON
lines (`RESULT {...}`).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verifier.localcluster import LocalCluster  # noqa: E402

LOAD = ROOT / "benchmarks" / "load"
OUT_OF_REACH = {"VERIFIER_API_RATE_LIMIT": "100000000/minute", "VERIFIER_PAGE_RATE_LIMIT": "100000000/minute",
                "VERIFIER_REPORT_RATE_LIMIT": "100000000/hour", "VERIFIER_PROXY_HOPS": "1",
                "VERIFIER_CHECK_DEADLINE": "30"}


def registry(workdir: Path) -> Path:
    """Give the registry to serve: VERIFIER_DB when it exists, else one built from data/sources."""
    given = Path(os.environ.get("VERIFIER_DB", "data/verifier.db"))
    if given.is_file():
        return given.resolve()
    from scrapers.runner import run
    path = workdir / "verifier.db"
    assert all(o.ok for o in run([], ROOT / "data" / "sources", path))
    return path


def wrk(urls: list[str], script: str, seconds: int, connections: int) -> dict:
    """Run one wrk per server at once; give the summed requests per second and the worst latencies."""
    per = max(1, connections // len(urls))
    runs = [subprocess.Popen(["wrk", "-t1", f"-c{per}", f"-d{seconds}s", "--timeout", "10s", "-s",
                              str(LOAD / script), url], stdout=subprocess.PIPE, text=True) for url in urls]
    results = []
    for run in runs:
        out, _ = run.communicate(timeout=seconds + 60)
        results.append(json.loads(out.split("RESULT ", 1)[1].splitlines()[0]))
    return {"rps": round(sum(r["rps"] for r in results), 1), "requests": sum(r["requests"] for r in results),
            "errors": sum(r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"] for r in results),
            "non_2xx": sum(r["non_2xx"] for r in results), "p50_ms": max(r["p50_ms"] for r in results),
            "p99_ms": max(r["p99_ms"] for r in results)}


def serve_and_load(servers: int, port: int, registry_path: Path, args) -> dict:
    """Start a cluster of N servers, load checks then reports; give the figures."""
    with tempfile.TemporaryDirectory() as workdir, \
            LocalCluster(servers, port, registry_path, workdir=workdir, workers=2, **OUT_OF_REACH) as cluster:
        checks = wrk(cluster.urls(), "check.lua", args.seconds, args.connections)
        reports = wrk(cluster.urls(), "report.lua", args.seconds, args.connections)
    return {"servers": servers, "checks": checks, "reports": reports}


def write_latency(target: str, threads: int = 4, each: int = 250) -> dict:
    """Store threads x each reports through appdb.submit_report at once; give the latency percentiles."""
    from verifier import appdb
    os.environ["VERIFIER_APP_DB"] = target
    appdb.migrate(target)
    times: list[float] = []

    def write(n: int) -> None:
        for k in range(each):
            start = time.perf_counter()
            appdb.submit_report({"kind": "report", "name": f"Invented benchmark {n}-{k}", "details": "x" * 300})
            times.append(time.perf_counter() - start)

    workers = [threading.Thread(target=write, args=(n,)) for n in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    cuts = statistics.quantiles(times, n=100)
    return {"reports": len(times), "per_second": round(len(times) / (time.perf_counter() - started), 1),
            "p50_ms": round(cuts[49] * 1000, 2), "p95_ms": round(cuts[94] * 1000, 2), "p99_ms": round(cuts[98] * 1000, 2)}


def main() -> None:
    """Run the figures and print them as RESULT lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=int(os.environ.get("CLUSTER_PORT", "18720")))
    parser.add_argument("--skip-load", action="store_true", help="only the write latency")
    args = parser.parse_args()
    from verifier.appdb.localpg import LocalPostgres
    with tempfile.TemporaryDirectory() as workdir:
        print("RESULT", json.dumps({"write_sqlite": write_latency(str(Path(workdir) / "app.db"))}), flush=True)
        with LocalPostgres(port=args.port + 50, durable=True) as server:
            print("RESULT", json.dumps({"write_postgresql": write_latency(server.create_database("bench"))}),
                  flush=True)
        if not args.skip_load:
            path = registry(Path(workdir))
            for servers in (1, 3):
                print("RESULT", json.dumps(serve_and_load(servers, args.port, path, args)), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Registry snapshot swap at 100k SYNTHETIC records: publish, verify, load, and requests meanwhile.

Every record is SYNTHETIC, made by benchmarks/bench_match.py's generator (vocabulary learnt at run
time from data/sources) and written only to a temporary folder deleted at the end. Two registries
of N records that differ by one record (A = rows 0..N-1, B = rows 1..N) are written with their
match index, as a production refresh writes them, then:

1. `publish` (copy, quick_check, hash, fsync, rename, manifest) of each is timed;
2. in a fresh child process (clean memory), an engine follows the snapshot folder (poll 1 s) and
   answers from A; client threads send full checks in a loop, each request pinned as the web app
   pins it (`Engine.pin`), for a baseline; then B's files are moved into the folder (file first,
   manifest last) and the threads go on until every one of them answers from B.

Reported: publish seconds; verify (hash) and load (open + index) seconds alone, the longest single
read of the stored index (in pieces, and whole as before) and a full pass of the garbage collector
after a load (each holds the interpreter lock, so other threads wait that long); the time from the
worker's look at the folder to answering from B ("seen -> answering", from the follower's log),
and from B's arrival to the first answer from it; request latency p50/p95/max before and during
the swap, the longest time no request finished, and RSS before, at peak and after.

Usage: .venv/bin/python benchmarks/bench_snapshot.py [--size 100000] [--threads 2] [--seconds 5]
"""
from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

REQUIRED = ("syn_ph", "syn_kz", "syn_hk")  # the synthetic sources bench_match.py writes
POLL = 1.0


def build(size: int, tmp: Path, seed: int) -> tuple[Path, Path]:
    """Write the two SYNTHETIC registries A and B (one record apart); return their paths."""
    import bench_match
    bench_match.VOCAB = bench_match.Vocab(bench_match.DEFAULT_SOURCES)
    cols = bench_match.agency_columns()
    rows, _metas, _info = bench_match.generate(size + 1, 0, os.cpu_count() or 2, seed, cols)
    paths = []
    for name, part in (("A", rows[:size]), ("B", rows[1:])):
        started = time.perf_counter()
        bench_match.write_db(tmp / f"synthetic_{name}.db", cols, part)
        paths.append(tmp / f"synthetic_{name}.db")
        with closing(sqlite3.connect(paths[-1])) as conn, conn:  # the counts a real run records
            conn.execute("update sources set records = (select count(*) from agencies where source = sources.id)")
        print(f"wrote SYNTHETIC registry {name}: {size:,} records, "
              f"{paths[-1].stat().st_size / 1e6:.0f} MB, {time.perf_counter() - started:.1f} s", flush=True)
    return paths[0], paths[1]


def publish_both(a: Path, b: Path, folder: Path, stage: Path) -> dict:
    """Publish A into the folder and B into a staging folder; return the seconds each took."""
    from scrapers.publish import publish
    times = {}
    for name, registry, into in (("A", a, folder), ("B", b, stage)):
        started = time.perf_counter()
        publish(registry, into, REQUIRED)
        times[name] = round(time.perf_counter() - started, 2)
    return times


def rss_mb(field: str = "VmRSS") -> float:
    """Return this process's resident memory (or its peak, VmHWM) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


class Swaps(logging.Handler):
    """Collects the follower's "answering from ... in N s" lines."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.seconds: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the seconds of a swap line."""
        if record.getMessage().startswith("answering from registry snapshot"):
            self.seconds.append(float(record.args[-1]))


def alone(stage: Path) -> dict:
    """Return the seconds of verifying (hashing) B and of loading it, each measured once, alone."""
    from verifier.engine import open_registry
    from verifier.snapshots import verify
    manifest = next(stage.glob("registry-*.json"))
    started = time.perf_counter()
    snap = verify(manifest, REQUIRED)
    verified = time.perf_counter() - started
    started = time.perf_counter()
    loaded = open_registry(snap.path, (snap.hash,), snap)
    loaded_s = time.perf_counter() - started
    started = time.perf_counter()
    gc.collect()  # what the collector's next full pass costs, with the new index's objects to walk
    return {"verify_s": round(verified, 2), "load_s": round(loaded_s, 2),
            "gc_full_pass_ms": round((time.perf_counter() - started) * 1000), **stalls(loaded.conn)}


def stalls(conn) -> dict:
    """Return the longest single read of the stored index in pieces, and of it whole (the format before
    pieces): how long each holds the interpreter lock, so how long other threads can wait."""
    import marshal
    from verifier.names import pieces
    from verifier.names.build import registry_fingerprint
    from verifier.registry import read_match_snapshot
    blob = read_match_snapshot(conn, registry_fingerprint(conn))
    longest = 0.0
    gc.disable()  # as the load does
    for part in pieces.views(blob):
        for piece in part:
            started = time.perf_counter()
            marshal.loads(piece)
            longest = max(longest, time.perf_counter() - started)
    whole = marshal.dumps(tuple(pieces.loads(blob)))
    started = time.perf_counter()
    marshal.loads(whole)
    whole_s = time.perf_counter() - started
    gc.enable()
    return {"longest_piece_ms": round(longest * 1000, 1), "whole_read_ms": round(whole_s * 1000)}


def send_checks(engine, names: list[str], n: int, stop: threading.Event, done: list) -> list[threading.Thread]:
    """Start n threads sending checks as requests do (pinned); each appends (start, end, snapshot)."""
    def loop(i: int) -> None:
        k = i
        while not stop.is_set():
            started = time.perf_counter()
            token = engine.pin()
            try:
                engine.check(names[k % len(names)])
                snap = engine.snapshot_name()
            finally:
                engine.unpin(token)
            done.append((started, time.perf_counter(), snap))
            k += n

    threads = [threading.Thread(target=loop, args=(i,), daemon=True) for i in range(n)]
    for thread in threads:
        thread.start()
    return threads


def latency(rows: list) -> dict:
    """Return p50/p95/max milliseconds of (start, end, _) rows."""
    ms = sorted((end - start) * 1000 for start, end, _ in rows)
    if not ms:
        return {"requests": 0}
    return {"requests": len(ms), "p50_ms": round(ms[len(ms) // 2], 1),
            "p95_ms": round(ms[int(len(ms) * 0.95)], 1), "max_ms": round(ms[-1], 1)}


def longest_gap(rows: list) -> float:
    """Return the longest time, in ms, in which no request finished."""
    ends = sorted(end for _, end, _ in rows)
    return round(max((b - a for a, b in zip(ends, ends[1:])), default=0) * 1000, 1)


def measure(folder: Path, stage: Path, threads: int, seconds: float) -> dict:
    """In this (fresh) process: follow the folder, answer from A under load, move B in, time the swap."""
    from verifier import registry
    from verifier.engine import Engine
    swaps = Swaps()
    logging.getLogger("verifier.follower").addHandler(swaps)
    logging.getLogger("verifier.follower").setLevel(logging.INFO)
    result = {"rss_start_mb": round(rss_mb())}
    engine = Engine("no-registry.db", required=REQUIRED, snapshot_dir=folder, snapshot_poll=POLL)
    started = time.perf_counter()
    engine.warm()
    result.update(first_load_s=round(time.perf_counter() - started, 2), rss_on_a_mb=round(rss_mb()))
    conn = registry.connect(engine.loaded().path, immutable=True)
    names = [r[0] for r in conn.execute("select name from agencies where length(name) > 8 "
                                        "order by random() limit 400")]
    conn.close()
    stop, done = threading.Event(), []
    workers = send_checks(engine, names, threads, stop, done)
    time.sleep(seconds)
    for name in sorted(os.listdir(stage), key=lambda n: n.endswith(".json")):  # the file first, manifest last
        shutil.copyfile(stage / name, folder / f".{name}.tmp")
        os.replace(folder / f".{name}.tmp", folder / name)
    arrived = time.perf_counter()  # B's manifest is there: B has arrived
    a_name, loads = done[-1][2], len(swaps.seconds)  # the first load (of A) is logged too
    deadline = arrived + 120
    while time.perf_counter() < deadline and len(swaps.seconds) == loads:
        time.sleep(0.05)
    time.sleep(2)
    stop.set()
    for worker in workers:
        worker.join()
    on_b = [r for r in done if r[2] != a_name]
    swapped = min(start for start, _, _ in on_b)
    look = swapped - swaps.seconds[-1]
    result.update(
        seen_to_answering_s=round(swaps.seconds[-1], 2), arrival_to_answering_s=round(swapped - arrived, 2),
        before=latency([r for r in done if r[1] < arrived - 1]),
        during=latency([r for r in done if r[1] >= look and r[0] <= swapped]),
        after=latency([r for r in done if r[0] > swapped + 0.5]),
        longest_gap_before_ms=longest_gap([r for r in done if r[1] < arrived - 1]),
        longest_gap_during_ms=longest_gap([r for r in done if look - 0.5 <= r[1] <= swapped + 0.5]),
        old_answers_after_swap=sum(1 for r in done if r[0] > swapped and r[2] == a_name),
        rss_peak_mb=round(rss_mb("VmHWM")), rss_end_mb=round(rss_mb()))
    result["alone"] = alone(stage)  # last: its memory does not count in the figures above
    return result


def main() -> None:
    """Build, publish, measure in a child process; print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=2, help="client threads in the measured process")
    parser.add_argument("--seconds", type=float, default=5.0, help="baseline seconds before B arrives")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "bench_snapshot.json")
    parser.add_argument("--keep-tmp", action="store_true", help="keep the SYNTHETIC registries and snapshots")
    parser.add_argument("--reuse", type=Path, metavar="TMP", help="measure again on a folder kept by --keep-tmp")
    parser.add_argument("--_child", nargs=2, metavar=("FOLDER", "STAGE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._child:
        print(json.dumps(measure(Path(args._child[0]), Path(args._child[1]), args.threads, args.seconds)))
        return
    tmp = args.reuse or Path(tempfile.mkdtemp(prefix="bench_snapshot_synthetic_"))
    try:
        if args.reuse:  # measure again on kept registries: B leaves the folder, it arrives anew
            published = {}
            for name in set(os.listdir(tmp / "stage")) & set(os.listdir(tmp / "snaps")):
                (tmp / "snaps" / name).unlink()
        else:
            a, b = build(args.size, tmp, args.seed)
            published = publish_both(a, b, tmp / "snaps", tmp / "stage")
        child = subprocess.run([sys.executable, __file__, "--threads", str(args.threads), "--seconds",
                                str(args.seconds), "--_child", str(tmp / "snaps"), str(tmp / "stage")],
                               capture_output=True, text=True, cwd=ROOT)
        if child.returncode != 0:
            sys.exit(f"the measuring process failed:\n{child.stderr[-3000:]}")
        figures = {"synthetic": True, "size": args.size, "threads": args.threads, "poll_s": POLL,
                   "publish_s": published, **json.loads(child.stdout.strip().splitlines()[-1]),
                   "load_average": round(os.getloadavg()[0], 1), "cpus": os.cpu_count()}
    finally:
        if args.keep_tmp or args.reuse:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=1))
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()

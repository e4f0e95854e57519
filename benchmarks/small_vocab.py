"""Stress test of the matcher on a SYNTHETIC small-vocabulary registry (issue 13, class 5).

Real company registers are full of "… Global … Recruitment … LLP": every word is common. This
module makes such a registry — names of 2-5 words drawn from about 80 business words, with
numbers and legal forms mixed in — and queries made by deleting one letter of a listed name.
Every name here is SYNTHETIC (generated in memory; nothing is written to the repository).

    .venv/bin/python benchmarks/bench_match.py --small-vocab --sizes 100000[,1000000]

Per size, in a child process pinned to one CPU: the index built from the records (`Index.add`,
as `from_rows` does), then for the same queries the matcher's top-1 and not_found count beside
brute-force WRatio (`process.extractOne` over every name), the timings and the RSS.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# About 80 words, the kind every recruitment register repeats.
WORDS = (
    "global", "manpower", "services", "recruitment", "agency", "international", "overseas",
    "human", "resources", "employment", "placement", "management", "consultancy", "staffing",
    "star", "sky", "way", "pacific", "golden", "royal", "best", "first", "new", "east", "west",
    "link", "care", "job", "power", "ocean", "bright", "prime", "united", "smart", "express",
    "world", "asia", "trading", "general", "marine", "crew", "people", "home", "gate", "bridge",
    "summit", "crown", "unity", "horizon", "eagle", "phoenix", "zenith", "harbor", "sunrise",
    "liberty", "alliance", "pioneer", "frontier", "dynamic", "excel", "premier", "elite", "noble",
    "victory", "harvest", "legacy", "vision", "venture", "career", "talent", "skills", "solutions",
    "network", "partners", "center", "development", "enterprises", "worldwide", "maritime", "mabuhay",
)
LEGAL = ("Inc.", "Corp.", "Corporation", "LLP", "Ltd", "Limited", "Co.", "Company", "ТОО", "LLC", "")
SIZES = (100_000, 1_000_000)


def make_names(n: int, seed: int = 13) -> list[str]:
    """Return n distinct SYNTHETIC names (distinct comparison keys) from the small vocabulary."""
    from verifier.names.normalize import name_key
    rng = random.Random(seed)
    weights = [1 / (i + 5) for i in range(len(WORDS))]  # a mild Zipf tail: a few words everywhere
    names, seen = [], set()
    while len(names) < n:
        words = [w.upper() if rng.random() < 0.5 else w.title()
                 for w in rng.choices(WORDS, weights, k=rng.choice((2, 3, 3, 4, 4, 5)))]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words) + 1), str(rng.randint(1, 999)))
        name = " ".join(words + [rng.choice(LEGAL)]).strip()
        key = "".join(name_key(name).tokens)
        if key not in seen:
            seen.add(key)
            names.append(name)
    return names


def make_queries(names: list[str], count: int = 300, seed: int = 14) -> list[tuple[str, int]]:
    """Return (query, intended record) pairs: one letter deleted from a listed name's words.

    A query whose key is another listed name's is drawn again: it would be that record."""
    from verifier.names.normalize import name_key
    rng = random.Random(seed)
    keys = {"".join(name_key(n).tokens) for n in names}
    out: list[tuple[str, int]] = []
    while len(out) < count:
        i = rng.randrange(len(names))
        name = names[i]
        pos = [k for k, ch in enumerate(name) if ch.isalpha()]
        k = rng.choice(pos)
        q = name[:k] + name[k + 1:]
        qk = "".join(name_key(q).tokens)
        if qk and qk not in keys or qk == "".join(name_key(name).tokens):
            out.append((q, i))
    return out


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return round(s[min(len(s) - 1, int(p / 100 * len(s)))], 3)


def measure(n: int, brute_budget: float) -> dict:
    """Build the index of n names, run the queries; return figures (run in a pinned child)."""
    from rapidfuzz import fuzz, process, utils

    from verifier.names.match import Index, Rec
    from verifier.names.score import SIMILAR_THRESHOLD
    from verifier.names.normalize import name_key
    t = time.perf_counter()
    names = make_names(n)
    queries = make_queries(names)
    gen_s = time.perf_counter() - t
    idx, t = Index(), time.perf_counter()
    add = idx._adder()
    for i, name in enumerate(names):
        nk = name_key(name)
        add(Rec(str(i), "synthetic", "registry", name, "Valid", "valid", None, None, "PH", None),
            nk.key, [name_key(a).key for a in nk.aliases], list(nk.aliases), [], [])
    idx.finish()
    build_s = time.perf_counter() - t
    top1 = not_found = 0
    times, cpu, misses = [], [], []
    for q, want in queries:
        t, c = time.perf_counter(), time.thread_time()
        hits = idx.search_name(name_key(q))
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
        shown = [h for h in hits if h.score >= SIMILAR_THRESHOLD]
        not_found += not shown
        top1 += (ok := bool(shown) and shown[0].rec.id == str(want))
        if not ok:
            misses.append({"q": q, "want": names[want], "got": shown[0].rec.name if shown else None})
    choices = [utils.default_process(x) for x in names]
    b_top1, b_times, started = 0, [], time.perf_counter()
    for q, want in queries:
        if time.perf_counter() - started > brute_budget:
            break
        t = time.perf_counter()
        best = process.extractOne(utils.default_process(q), choices, scorer=fuzz.WRatio, processor=None)
        b_times.append((time.perf_counter() - t) * 1000)
        b_top1 += best is not None and best[2] == want
    m = len(b_times)
    idx_sub = sum(1 for (q, want) in queries[:m] if (h := idx.search_name(name_key(q))) and h[0].rec.id == str(want))
    with open("/proc/self/status") as f:
        rss = next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmRSS"))
    return {"size": n, "queries": len(queries), "generate_s": round(gen_s, 1), "build_s": round(build_s, 1),
            "rss_mb": rss, "top1": top1, "not_found": not_found, "p50_ms": _pct(times, 50),
            "p95_ms": _pct(times, 95), "cpu_p50_ms": _pct(cpu, 50), "cpu_p95_ms": _pct(cpu, 95), "misses": misses,
            "brute_queries": m, "brute_top1": b_top1, "index_top1_same_queries": idx_sub,
            "brute_p50_ms": _pct(b_times, 50) if b_times else None,
            "speedup_p50": round(_pct(b_times, 50) / max(_pct(times, 50), 1e-3), 1) if b_times else None,
            "examples": [q for q, _ in queries[:5]], "load1": round(os.getloadavg()[0], 2)}


def run(sizes: list[int], brute_budget: float = 120.0) -> list[dict]:
    """Measure each size in a fresh child pinned to one CPU; print and return the figures."""
    out = []
    for n in sizes:
        with tempfile.NamedTemporaryFile("r", suffix=".json") as f:
            code = (f"import json,os,sys; sys.path[:0]={[str(Path(__file__).resolve().parent.parent)]!r}; "
                    f"os.sched_setaffinity(0, {{max(os.sched_getaffinity(0))}}); "
                    f"from benchmarks.small_vocab import measure; "
                    f"json.dump(measure({n}, {brute_budget}), open({f.name!r}, 'w'))")
            subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
            r = json.load(f)
        out.append(r)
        print(f"[small vocabulary {n:,}] index top-1 {r['top1']}/{r['queries']}, not_found {r['not_found']}; "
              f"brute WRatio top-1 {r['brute_top1']}/{r['brute_queries']} (index on those {r['index_top1_same_queries']}); "
              f"name p50/p95 {r['p50_ms']}/{r['p95_ms']} ms (CPU {r['cpu_p50_ms']}/{r['cpu_p95_ms']}), WRatio p50 {r['brute_p50_ms']} ms, speed-up "
              f"{r['speedup_p50']}x; build {r['build_s']} s, RSS {r['rss_mb']} MB, load {r['load1']}", flush=True)
    return out


if __name__ == "__main__":
    run([int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "100000").split(",")])

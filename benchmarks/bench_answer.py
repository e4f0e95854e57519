"""What one clear answer costs a check: the time of `check` and of its answer part (why, advice,
help lines, relevant notices; verifier/advice.py), per query, on the real registry.

    VERIFIER_DB=data/verifier.db .venv/bin/python benchmarks/bench_answer.py [--rounds 40]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time

import verifier.check as check_module
from verifier.engine import Engine

QUERIES = ("TOO Dymka", "101 Mojo International Corp", "3 JS Global Recruitment Agency",
           "101 Mojo International 2", "ТОО Выдуманная Тестовая Фирма", "0917 887 0567")
LANGS = ("en", "ru", "kk", "uz")


def timed_answer_parts(spent: list[float]):
    """Return answer_parts wrapped to add its own time to `spent`."""
    original = check_module.answer_parts

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)
    return wrapper


def measure(engine: Engine, rounds: int) -> tuple[list[float], list[float]]:
    """Return the per-check times and the per-answer times, in ms, after one warm-up round."""
    for q in QUERIES:
        for lang in LANGS:
            engine.check(q, lang=lang)
    spent: list[float] = []
    original, check_module.answer_parts = check_module.answer_parts, timed_answer_parts(spent)
    totals = []
    try:
        for _ in range(rounds):
            for q in QUERIES:
                for lang in LANGS:
                    start = time.perf_counter()
                    engine.check(q, lang=lang)
                    totals.append(time.perf_counter() - start)
    finally:
        check_module.answer_parts = original
    return [t * 1000 for t in totals], [t * 1000 for t in spent]


def main() -> None:
    """Print p50 and p95 of a check and of its answer part."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    engine = Engine(os.environ.get("VERIFIER_DB", "data/verifier.db"), None)
    totals, answers = measure(engine, args.rounds)
    for label, values in (("check", totals), ("answer part", answers)):
        cuts = statistics.quantiles(values, n=20)
        print(f"{label:12s} p50 {statistics.median(values):.2f} ms  p95 {cuts[18]:.2f} ms  (n={len(values)})")


if __name__ == "__main__":
    main()

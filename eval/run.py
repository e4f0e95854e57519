"""Run the labelled cases through `verifier.check.check` and print recall and verdict figures.

    VERIFIER_DB=data/verifier.db python -m eval.run [--cases eval/cases.jsonl] [--json] [--failures [N]]

recall@1     the first match is the expected record (or one with the same name / same phone:
             `accept_ids`), over cases that expect a record
found@10     an accepted record is among the matches shown
verdict      the verdict is one of the case's `expect_verdicts`
Counts that must stay at zero: decoys and unlisted names called licensed (or warning).
`metrics(cases)` returns the same figures as a dict; the exit code is always 0.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases.jsonl"
SLICES = ("exact", "typo", "word_order", "legal_form", "cyrillic_of_latin", "latin_of_cyrillic",
          "kazakh_letters", "homoglyph", "combined", "legal_form_typo_kz", "legal_form_typo", "phonetic",
          "acronym", "bracketed", "phone_variants", "name_plus_own_phone",
          "name_plus_other_phone", "decoy", "unlisted")
NO_RECORD = ("decoy", "unlisted")
PHONE_SLICES = ("phone_variants", "name_plus_own_phone", "name_plus_other_phone")
FLAGGED = ("phone_mismatch", "licence_invalid", "warning")


def load_cases(path: str | Path = CASES, sample: int | None = None, seed: int = 1) -> list[dict]:
    """Return the cases of a JSONL file; with `sample`, at most that many per slice (deterministic)."""
    with open(path, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    if sample:
        rng = random.Random(seed)
        by_slice: dict[str, list[dict]] = defaultdict(list)
        for c in cases:
            by_slice[c["slice"]].append(c)
        cases = [c for s in by_slice.values() for c in (s if len(s) <= sample else rng.sample(s, sample))]
    return cases


def query_of(case: dict) -> dict:
    """Return the keyword arguments of `check` for a case."""
    return {k: case[k] for k in ("q", "name", "phone", "licence") if case.get(k)}


_ENGINES: dict = {}


def engine():
    """Return the engine the eval checks with (VERIFIER_DB, no NGO list), made once."""
    from verifier.engine import Engine
    if "e" not in _ENGINES:
        import os
        _ENGINES["e"] = Engine(os.environ.get("VERIFIER_DB", "data/verifier.db"))
    return _ENGINES["e"]


def run_case(case: dict) -> dict:
    """Return what `check` answered for one case, reduced to what the metrics need."""
    from verifier.check import QueryError
    try:
        r = engine().check(**query_of(case))
    except QueryError as e:
        return {"verdict": "error", "error": str(e), "matches": []}
    return {"verdict": r["verdict"], "matches": [
        {k: m.get(k) for k in ("agency_id", "name", "score", "same", "matched_on", "status_group", "explain")}
        for m in r["matches"]]}


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def metrics(cases: list[dict], failures: int = 10) -> dict:
    """Return recall, verdict accuracy and safety counts for the cases, with example failures."""
    started = time.perf_counter()
    per: dict[str, dict] = {s: defaultdict(int) for s in SLICES}
    fails: dict[str, list[dict]] = defaultdict(list)
    overall = defaultdict(int)
    for case in cases:
        s = case["slice"]
        st = per.setdefault(s, defaultdict(int))
        res = run_case(case)
        matches = res["matches"]
        top = matches[0] if matches else None
        accept = set(case.get("accept_ids") or ([case["expect_id"]] if case.get("expect_id") else []))
        st["n"] += 1
        verdict_ok = res["verdict"] in case["expect_verdicts"]
        st["verdict_ok"] += verdict_ok
        st[f"verdict:{res['verdict']}"] += 1
        hit1 = None
        if case.get("expect_id"):
            hit1 = bool(top and top["agency_id"] in accept)
            st["with_record"] += 1
            st["recall_at_1"] += hit1
            st["found_at_10"] += any(m["agency_id"] in accept for m in matches)
            if s not in NO_RECORD:
                overall["with_record"] += 1
                overall["recall_at_1"] += hit1
                if s not in PHONE_SLICES:
                    overall["names_with_record"] += 1
                    overall["names_recall_at_1"] += hit1
        if s == "phone_variants":
            st["phone_found"] += any(m["agency_id"] == case["expect_id"] and "phone" in (m["matched_on"] or [])
                                     for m in matches)
        if s == "name_plus_other_phone":
            st["flagged"] += res["verdict"] in FLAGGED
        if (hit1 is False or not verdict_ok) and len(fails[s]) < failures:
            fails[s].append({
                "id": case["id"], "query": query_of(case), "note": case.get("note", ""),
                "expect_id": case.get("expect_id"), "expect_verdicts": case["expect_verdicts"],
                "verdict": res["verdict"], "recall_at_1": hit1,
                "top": ({k: top[k] for k in ("agency_id", "name", "score", "same", "matched_on", "explain")}
                        if top else None),
                "expected_rank": next((i + 1 for i, m in enumerate(matches) if m["agency_id"] in accept), None)
                if accept else None,
            })
    slices = {}
    for s, st in per.items():
        if not st["n"]:
            continue
        row = {"n": st["n"], "recall_at_1": _ratio(st["recall_at_1"], st["with_record"]),
               "found_at_10": _ratio(st["found_at_10"], st["with_record"]),
               "verdict_accuracy": _ratio(st["verdict_ok"], st["n"]),
               "verdicts": {k.split(":", 1)[1]: v for k, v in sorted(st.items()) if k.startswith("verdict:")}}
        slices[s] = row
    v = lambda s, name: per.get(s, {}).get(f"verdict:{name}", 0)  # noqa: E731
    pv, npo = per.get("phone_variants", {}), per.get("name_plus_other_phone", {})
    out = {
        "cases": len(cases),
        "recall_at_1": _ratio(overall["recall_at_1"], overall["with_record"]),
        "recall_at_1_names": _ratio(overall["names_recall_at_1"], overall["names_with_record"]),
        "slices": slices,
        "decoys_licensed": v("decoy", "licensed"), "decoys_warning": v("decoy", "warning"),
        "decoys_licence_invalid": v("decoy", "licence_invalid"),
        "unlisted_licensed": v("unlisted", "licensed"), "unlisted_warning": v("unlisted", "warning"),
        "unlisted_licence_invalid": v("unlisted", "licence_invalid"),
        "phone_variants_found": _ratio(pv.get("phone_found", 0), pv.get("n", 0)),
        "name_other_phone_flagged": _ratio(npo.get("flagged", 0), npo.get("n", 0)),
        "seconds": round(time.perf_counter() - started, 1),
        "failures": dict(fails),
    }
    return out


def _pct(x: float | None) -> str:
    return "   —  " if x is None else f"{100 * x:5.1f}%"


def print_report(m: dict, show_failures: bool) -> None:
    """Print the metrics as a table, then the safety counts, then (optionally) failures."""
    print(f"{m['cases']} cases in {m['seconds']} s")
    print(f"recall@1 overall (decoy/unlisted excluded): {_pct(m['recall_at_1'])}"
          f"   names only: {_pct(m['recall_at_1_names'])}")
    print(f"\n{'slice':24} {'n':>5} {'recall@1':>9} {'found@10':>9} {'verdict':>8}  verdicts")
    for s, row in m["slices"].items():
        vs = ", ".join(f"{k} {n}" for k, n in sorted(row["verdicts"].items(), key=lambda kv: -kv[1]))
        print(f"{s:24} {row['n']:5} {_pct(row['recall_at_1']):>9} {_pct(row['found_at_10']):>9} "
              f"{_pct(row['verdict_accuracy']):>8}  {vs}")
    print(f"\ndecoys called licensed: {m['decoys_licensed']}, warning: {m['decoys_warning']}, "
          f"licence_invalid: {m['decoys_licence_invalid']}")
    print(f"unlisted called licensed: {m['unlisted_licensed']}, warning: {m['unlisted_warning']}, "
          f"licence_invalid: {m['unlisted_licence_invalid']}")
    print(f"phone variants found: {_pct(m['phone_variants_found'])}")
    print(f"name + another agency's phone flagged: {_pct(m['name_other_phone_flagged'])}")
    if not show_failures:
        return
    for s, rows in m["failures"].items():
        print(f"\n== {s}: failures (first {len(rows)})")
        for f in rows:
            q = " | ".join(f"{k}={v!r}" for k, v in f["query"].items())
            top = f["top"]
            print(f"- {f['id']} {q}  [{f['note']}]")
            print(f"    verdict {f['verdict']} (want {'/'.join(f['expect_verdicts'])}), "
                  f"expected record at rank {f['expected_rank']}")
            if top:
                print(f"    top: {top['name']!r} score {top['score']} same={top['same']} on {top['matched_on']}")
                print(f"    explain: {'; '.join(top['explain'] or [])}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=str(CASES))
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ap.add_argument("--failures", nargs="?", type=int, const=10, default=0,
                    help="list up to N failures per slice (default 10)")
    ap.add_argument("--sample", type=int, default=None, help="at most N cases per slice")
    args = ap.parse_args(argv)
    m = metrics(load_cases(args.cases, args.sample), failures=args.failures or 0)
    if args.json:
        json.dump(m, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(m, bool(args.failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

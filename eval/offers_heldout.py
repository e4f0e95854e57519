"""Held-back offers: the offer scan scored on eval/offers_heldout.jsonl, 80 offers written without
looking at the rules (Russian 30, Kazakh 15, Uzbek 15, English 20; 35 honest, 45 lures).

Each line is {"id", "lang", "text", "flags", "honest", "destination", "phones"}: the flags a reader
would raise (including codes the scan may not have yet), the ISO code of the place of work (null
for work from home), and every phone in the text as E.164. Gives per-code precision and recall,
false flags, honest offers called high, phone recall (and numbers read as phones that are none),
and how often the scan names the right country. None of the texts, names or numbers is real.
Keep these offers out of rule work: once a rule is changed for them they stop measuring anything.

    python -m eval.offers_heldout [--json] [--registry] [--cases eval/offers_fresh.jsonl]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval.offers import NotFound, _ratio, load_cases
from eval.offers_real import registry_present
from verifier.engine import Engine
from verifier.offers.scan import scan
from verifier.offers.rules import FLAG_CODES

CASES = Path(__file__).parent / "offers_heldout.jsonl"


def _codes(cases: list[dict]) -> list[str]:
    """Give the scan's flag codes, then the codes only the labels use."""
    extra = sorted({c for case in cases for c in case["flags"]} - set(FLAG_CODES))
    return list(FLAG_CODES) + extra


def score(cases: list[dict], engine=None) -> dict:
    """Give per-code tp/fp/fn with precision and recall, false flags, honest called high, phone recall
    and destination accuracy, with the offers that went wrong."""
    engine = engine or NotFound()
    counts = {c: {"tp": 0, "fp": 0, "fn": 0} for c in _codes(cases)}
    phones = {"labelled": 0, "found": 0, "not_phones": 0}
    honest = honest_high = honest_flagged = dest_right = 0
    misses = []
    for case in cases:
        result = scan(case["text"], case["lang"], engine)
        got, want = {f["code"] for f in result["flags"]}, set(case["flags"])
        for code in got | want:
            counts[code]["tp" if code in got & want else "fp" if code in got else "fn"] += 1
        read = {e["value"] for e in result["entities"] if e["kind"] == "phone"}
        phones["labelled"] += len(case["phones"])
        phones["found"] += len(read & set(case["phones"]))
        phones["not_phones"] += len(read - set(case["phones"]))
        country = (result["destination"] or {}).get("country")
        dest_right += country == case["destination"]
        if case["honest"]:
            honest += 1
            honest_high += result["risk"] == "high"
            honest_flagged += bool(got)
        if got != want or country != case["destination"] or set(case["phones"]) != read:
            misses.append({"id": case["id"], "missed": sorted(want - got), "extra": sorted(got - want),
                           "destination": [case["destination"], country],
                           "phones_missed": sorted(set(case["phones"]) - read), "not_phones": sorted(read - set(case["phones"]))})
    per_flag = {c: {**v, "precision": _ratio(v["tp"], v["tp"] + v["fp"]), "recall": _ratio(v["tp"], v["tp"] + v["fn"])}
                for c, v in counts.items()}
    tp, fp, fn = (sum(v[k] for v in counts.values()) for k in ("tp", "fp", "fn"))
    return {"cases": len(cases), "per_flag": per_flag, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
            "false_flags": fp, "honest": honest, "honest_flagged": honest_flagged, "honest_high": honest_high,
            "phones": {**phones, "recall": _ratio(phones["found"], phones["labelled"])},
            "destination_accuracy": _ratio(dest_right, len(cases)), "destination_right": dest_right, "misses": misses}


def _print(figures: dict, registry: bool) -> None:
    """Print the figures as a table with the offers that went wrong."""
    print(f"{figures['cases']} held-back offers, registry {'on' if registry else 'off'}")
    print(f"{'flag':18} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7}")
    for code, v in figures["per_flag"].items():
        print(f"{code:18} {v['tp']:4} {v['fp']:4} {v['fn']:4} {v['precision']:10.3f} {v['recall']:7.3f}")
    print(f"{'all':18} {'':14} {figures['precision']:10.3f} {figures['recall']:7.3f}")
    p = figures["phones"]
    print(f"false flags: {figures['false_flags']}; honest offers flagged {figures['honest_flagged']}/{figures['honest']}, "
          f"called high {figures['honest_high']}/{figures['honest']}")
    print(f"phones: {p['found']}/{p['labelled']} found (recall {p['recall']:.3f}), {p['not_phones']} read that are none")
    print(f"destination right: {figures['destination_right']}/{figures['cases']} ({figures['destination_accuracy']:.3f})")
    for m in figures["misses"]:
        print(f"  {m['id']}: missed {m['missed']} extra {m['extra']} destination {m['destination']}"
              f" phones missed {m['phones_missed']} not phones {m['not_phones']}")


def main(argv: list[str] | None = None) -> int:
    """Print the held-back figures as a table (or JSON)."""
    parser = argparse.ArgumentParser(prog="python -m eval.offers_heldout")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cases", type=Path, default=CASES, help="another file of the same shape (eval/offers_fresh.jsonl)")
    parser.add_argument("--registry", action="store_true", help="check agencies and phones against VERIFIER_DB")
    args = parser.parse_args(argv)
    if args.registry and not registry_present():
        parser.error("--registry: no registry database at VERIFIER_DB (run python -m scrapers run)")
    figures = score(load_cases(args.cases), Engine.from_env() if args.registry else None)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        _print(figures, args.registry)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Offer-scan evaluation: per-flag precision and recall, and how many honest ads are called high.

Reads eval/offers_invented.jsonl (offers written for this test, none of them real: each line
{"id", "lang", "text", "flags", "honest"}). Agencies and phones are checked against the registry
in VERIFIER_DB when it exists (an invented name that looks like a listed firm counts against us);
otherwise every check answers not_found.

The rules were written against the first 123 offers, so those figures flatter them. The last 40
(ids ru-37.., en-29.., kk-29.., uz-20..) were written afterwards and measured before any rule was
changed for them: precision 1.000, recall 0.895 (34 of 38 flags), honest ads called high 0 of 12;
the four misses ("стоимость наших услуг", "забирает паспорта", "fee" after a context word that
folded too short, "Kaspi-ге аударыңыз") were then fixed in the rules, not in the cases.

    python -m eval.offers [--json] [--no-registry]
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from verifier.engine import Engine
from verifier.offers.scan import scan
from verifier.offers.rules import FLAG_CODES

CASES = Path(__file__).parent / "offers_invented.jsonl"


class NotFound:
    """An engine that finds nothing: flags alone decide the risk."""

    def check(self, q=None, *, name=None, phone=None, licence=None, lang="en") -> dict:
        """Give a not_found result."""
        return {"verdict": "not_found", "risk": "medium", "matches": [], "data_as_of": None}


def load_cases(path: Path = CASES) -> list[dict]:
    """Give the labelled offers."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(cases: list[dict], engine=None) -> dict:
    """Give per-flag counts, precision and recall, totals, and the honest-called-high share."""
    engine = engine or NotFound()
    counts = {c: {"tp": 0, "fp": 0, "fn": 0} for c in FLAG_CODES}
    honest = honest_high = 0
    misses = []
    for case in cases:
        result = scan(case["text"], case["lang"] if case["lang"] != "mixed" else "ru", engine)
        got, want = {f["code"] for f in result["flags"]}, set(case["flags"])
        for code in FLAG_CODES:
            key = "tp" if code in got & want else "fp" if code in got else "fn" if code in want else None
            if key:
                counts[code][key] += 1
        if got != want:
            misses.append({"id": case["id"], "missed": sorted(want - got), "extra": sorted(got - want)})
        if case["honest"]:
            honest += 1
            honest_high += result["risk"] == "high"
    return _figures(counts, honest, honest_high, misses, len(cases))


def _ratio(a: int, b: int) -> float:
    """Give a / b, or 1.0 when there is nothing to count."""
    return round(a / b, 3) if b else 1.0


def _figures(counts: dict, honest: int, honest_high: int, misses: list, n: int) -> dict:
    """Give the figures the eval prints and the tests hold to floors."""
    per_flag = {c: {**v, "precision": _ratio(v["tp"], v["tp"] + v["fp"]), "recall": _ratio(v["tp"], v["tp"] + v["fn"])}
                for c, v in counts.items()}
    tp, fp, fn = (sum(v[k] for v in counts.values()) for k in ("tp", "fp", "fn"))
    return {"cases": n, "per_flag": per_flag, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
            "honest": honest, "honest_high": honest_high, "honest_high_share": _ratio(honest_high, honest) if honest else 0.0,
            "misses": misses}


def main(argv: list[str] | None = None) -> int:
    """Print the figures as a table (or JSON)."""
    parser = argparse.ArgumentParser(prog="python -m eval.offers")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-registry", action="store_true", help="answer not_found for every check")
    args = parser.parse_args(argv)
    use_registry = not args.no_registry and Path(os.environ.get("VERIFIER_DB", "data/verifier.db")).is_file()
    figures = evaluate(load_cases(), Engine.from_env() if use_registry else NotFound())
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return 0
    print(f"{figures['cases']} offers, registry {'on' if use_registry else 'off'}")
    print(f"{'flag':18} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7}")
    for code, v in figures["per_flag"].items():
        print(f"{code:18} {v['tp']:4} {v['fp']:4} {v['fn']:4} {v['precision']:10.3f} {v['recall']:7.3f}")
    print(f"{'all':18} {'':14} {figures['precision']:10.3f} {figures['recall']:7.3f}")
    print(f"honest ads called high: {figures['honest_high']}/{figures['honest']} ({figures['honest_high_share']:.3f})")
    for m in figures["misses"]:
        print(f"  {m['id']}: missed {m['missed']} extra {m['extra']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

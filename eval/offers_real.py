"""Offer scan on real texts: how often honest vacancies are flagged (and by what), how many lures are caught.

Reads every *.jsonl in ../shared/offers-dev/ beside the repository (or --dir): real vacancies and
real Telegram job lures that nobody here wrote. They carry no licence, so they are read from
outside the repository and never copied into it; this file prints figures and, on the terminal
only, a few quotes of what fired. A row is a lure or honest by its `label` field, else by its
file's name (vacanc/honest against scam/lure/fraud/spam), so a held-back half of the same shape
is read the same way. The dev halves are development figures; the held-back halves are the result.

Flags alone decide by default (every agency and phone check answers not_found); --registry
checks them against VERIFIER_DB.

    python -m eval.offers_real [--dir DIR] [--json] [--quotes N] [--registry]
"""
from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

from eval.offers import NotFound
from verifier.engine import Engine
from verifier.offers.scan import scan
from verifier.offers.rules import FLAG_CODES

DEV_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "offers-dev"
LURE_WORDS = ("scam", "lure", "fraud", "spam")
HONEST_WORDS = ("vacanc", "honest", "legit")
CONTEXT = 40


def registry_present() -> bool:
    """Tell whether the registry database VERIFIER_DB names is there (for --registry)."""
    return Path(os.environ.get("VERIFIER_DB", "data/verifier.db")).is_file()


def _kind(word: str) -> str | None:
    """Give "lure" or "honest" for a label or file name that says which, else None."""
    word = word.lower()
    if any(w in word for w in LURE_WORDS):
        return "lure"
    if word == "ham" or any(w in word for w in HONEST_WORDS):
        return "honest"
    return None


def load_offers(folder: Path) -> list[dict]:
    """Give every offer of the folder's *.jsonl files as {"text", "lang", "kind"} (rows neither honest nor lure skipped)."""
    offers = []
    for path in sorted(folder.glob("*.jsonl")):
        by_name = _kind(path.stem)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line) if line.strip() else {}
                kind = _kind(str(row.get("label") or "")) or by_name
                if row.get("text") and kind:
                    offers.append({"text": row["text"], "lang": row.get("lang") or "ru", "kind": kind})
    return offers


def in_context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """Give the quote marked with [[ ]] inside about `width` characters of text on each side."""
    before, after = text[max(0, start - width):start], text[end:end + width]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def _share(part: int, whole: int) -> float:
    """Give part / whole rounded to three places (0.0 for nothing)."""
    return round(part / whole, 3) if whole else 0.0


def metrics(offers: list[dict], engine=None, quotes: int = 3) -> dict:
    """Give, for honest ads and lures apart: count, share flagged, share high, per flag code the offers it
    fired on (with up to `quotes` quotes in context for honest ads) and the countries named as the place
    of work; plus the codes never on lures."""
    engine = engine or NotFound()
    out = {kind: {"offers": 0, "flagged": 0, "high": 0, "codes": Counter(), "examples": {}, "destinations": Counter()}
           for kind in ("honest", "lure")}
    for offer in offers:
        result, part = scan(offer["text"], offer["lang"], engine), out[offer["kind"]]
        part["offers"] += 1
        part["flagged"] += bool(result["flags"])
        part["high"] += result["risk"] == "high"
        part["destinations"][(result["destination"] or {}).get("country") or "none"] += 1
        for flag in result["flags"]:
            part["codes"][flag["code"]] += 1
            seen = part["examples"].setdefault(flag["code"], [])
            if offer["kind"] == "honest" and len(seen) < quotes:
                seen.append(in_context(offer["text"], flag["start"], flag["end"]))
    for part in out.values():
        part.update(flagged_share=_share(part["flagged"], part["offers"]), high_share=_share(part["high"], part["offers"]),
                    codes={c: part["codes"][c] for c in FLAG_CODES if part["codes"][c]},
                    destinations=dict(part["destinations"].most_common()))
    out["lure"].pop("examples")
    out["never_on_lures"] = [c for c in FLAG_CODES if c not in out["lure"]["codes"]]
    return out


def _print(figures: dict) -> None:
    """Print the figures as a short table, honest ads' example quotes under their code."""
    for kind in ("honest", "lure"):
        p = figures[kind]
        print(f"{kind}: {p['offers']} offers, flagged {p['flagged']} ({p['flagged_share']:.3f}), "
              f"high {p['high']} ({p['high_share']:.3f})")
        for code, n in p["codes"].items():
            print(f"  {code:18} {n:5}  ({_share(n, p['offers']):.3f})")
            for quote in p.get("examples", {}).get(code, []):
                print(f"      {quote}")
        print("  place of work named:", ", ".join(f"{cc} {n}" for cc, n in p["destinations"].items()))
    print("never fired on lures:", ", ".join(figures["never_on_lures"]) or "-")


def main(argv: list[str] | None = None) -> int:
    """Print the figures on the real offers, or say the folder is absent."""
    parser = argparse.ArgumentParser(prog="python -m eval.offers_real")
    parser.add_argument("--dir", type=Path, default=DEV_DIR, help="folder of *.jsonl offers")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quotes", type=int, default=3, help="example quotes per flag code on honest ads")
    parser.add_argument("--registry", action="store_true", help="check agencies and phones against VERIFIER_DB")
    args = parser.parse_args(argv)
    if args.registry and not registry_present():
        parser.error("--registry: no registry database at VERIFIER_DB (run python -m scrapers run)")
    if not args.dir.is_dir():
        print(f"{args.dir}: folder absent, no figures")
        return 0
    figures = metrics(load_offers(args.dir), Engine.from_env() if args.registry else None, args.quotes)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        _print(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python
"""Fingerprint of the offer scan: a hash of every full scan result over the eval offers and the
benchmark's inputs, to show that a speed change leaves every answer byte-identical.

Scans each text of eval/offers_invented.jsonl, eval/offers_fresh.jsonl, eval/offers_fresh2.jsonl,
../shared/offers-dev/*.jsonl (when that folder exists) and bench_offer.py's offers and
adversarial inputs, with checks against the registry (VERIFIER_DB, or one built from data/sources),
and writes {name: sha256 of json.dumps(result, sort_keys=True)} to OUT (each check's "checked_at" and "checked_at_text"
clock reading left out). With --compare BEFORE it
also prints the names whose hash differs and exits 1 when any does.

With --invented N it also scans N INVENTED texts made of random slices of those texts and pieces that
stress the readers (the same N gives the same texts).

    .venv/bin/python benchmarks/scan_fingerprint.py OUT [--compare BEFORE] [--db REGISTRY] [--invented N]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
EVAL_FILES = ("offers_invented.jsonl", "offers_fresh.jsonl", "offers_fresh2.jsonl")


def texts() -> dict[str, tuple[str, str]]:
    """Give name -> (text, language) of every text to scan."""
    from bench_offer import ADVERSARIAL, offer_text
    files = [ROOT / "eval" / name for name in EVAL_FILES]
    dev = ROOT.parent / "shared" / "offers-dev"
    files += sorted(dev.glob("*.jsonl")) if dev.is_dir() else []
    out: dict[str, tuple[str, str]] = {}
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n")):  # not splitlines(): U+2028 sits inside texts
            if line.strip():
                row = json.loads(line)
                out[f"{path.name}:{n}"] = (row["text"], row.get("lang") or "ru")
    out.update({f"bench:offer_{size}": (offer_text(size), "ru") for size in (2000, 20_000)})
    out.update({f"bench:{name}": (text, "ru") for name, text in ADVERSARIAL.items()})
    return out


PIECES = (" ", "  ", ".", ", ", "@", "@job_kz ", "+7 701 ", "555 12 34", "4111 1111 1111 1111", "1-", "a.", "БИН ",
          "ИИН: 0101", "лицензия № ", "ТОО «", "» ", " LLC", " Agency", "оплата", "paspor", "Koreya", "сум ", "kzt",
          "o'zbek", "Нaбuрaю", "визa", "İ", "ſ", "\n", "1 000 $", "won ", "www.", ".com", "E-9", "12", "\u00a0")


def invented_texts(count: int, corpus: list[str]) -> dict[str, tuple[str, str]]:
    """Give `count` INVENTED texts: random slices of the corpus joined with pieces that stress the
    readers (phones, cards, labels, handles, look-alike letters), the same for a given count."""
    rnd = random.Random(count)
    out = {}
    for n in range(count):
        parts = []
        for _ in range(rnd.randint(1, 12)):
            if rnd.random() < 0.5:
                src = rnd.choice(corpus)
                at = rnd.randrange(len(src) or 1)
                parts.append(src[at:at + rnd.randint(1, 300)])
            else:
                parts.append(rnd.choice(PIECES) * rnd.randint(1, 4))
        out[f"invented:{n}"] = ("".join(parts), rnd.choice(("ru", "en", "kk", "uz")))
    return out


def _stable(value):
    """Give a result without its clock readings ("checked_at", "checked_at_text": when a check ran, not what it found)."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if not k.startswith("checked_at")}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


def fingerprint(engine, invented: int = 0) -> dict[str, str]:
    """Give name -> sha256 of the full scan result of each text (and of `invented` INVENTED ones)."""
    from verifier.offers.scan import scan
    out = {}
    named = texts()
    named.update(invented_texts(invented, [t for t, _ in named.values()]) if invented else {})
    for name, (text, lang) in named.items():
        result = _stable(scan(text, lang, engine))
        out[name] = hashlib.sha256(json.dumps(result, sort_keys=True).encode()).hexdigest()
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the fingerprint; compare it with an earlier one when asked."""
    parser = argparse.ArgumentParser(prog="scan_fingerprint")
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--db", type=Path, help="registry to check against (default: VERIFIER_DB or built)")
    parser.add_argument("--invented", type=int, default=0, help="also scan this many INVENTED mixed texts")
    args = parser.parse_args(argv)
    from bench_offer import registry_path
    from verifier.engine import Engine
    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine(args.db or registry_path(Path(tmp)), required=())
        prints = fingerprint(engine, args.invented)
    args.out.write_text(json.dumps(prints, indent=0, sort_keys=True) + "\n")
    print(f"{len(prints)} scans fingerprinted")
    if args.compare is None:
        return 0
    before = json.loads(args.compare.read_text())
    differ = sorted(k for k in before.keys() | prints.keys() if before.get(k) != prints.get(k))
    print(f"{len(differ)} differences" + (": " + ", ".join(differ[:20]) if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())

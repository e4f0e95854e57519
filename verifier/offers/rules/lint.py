"""A linter for the rule tables: what a pattern line says must be what it matches.

Each pattern is written back out as text, once per alternative of each of its words (the other
words at their first alternative, a number for #, a dollar sign for money), and read as an offer
is read. A pattern that does not match its own words never matches anything: a word the reader
splits or folds differently from the pattern ("so'm" typed with another mark, "e 9" for "e-9"),
or alternatives written as "a/b c d" meant as two phrases. Also reported: the same pattern twice
in one list, and a pattern both raising and cancelling the same flag.

    python -m verifier.offers.rules.lint     prints one problem a line; exits 1 when there is any
"""
from __future__ import annotations

import sys
from collections.abc import Iterator

from verifier.offers.rules import FLAG_CODES, RULES_DIR, _read, rules
from verifier.offers.rules.match import GAPS, compile_pattern, matches
from verifier.offers.text import Budget, read_doc

_LISTS = ("patterns", "weak", "always", "cancel", "cancel_anywhere", "weak_cancel", "keep")
_RAISING = ("patterns", "weak", "always")


def _spellings(source: str) -> Iterator[str]:
    """Give the pattern written out as text, once per alternative of each word."""
    words = [w for w in source.split() if w not in GAPS]
    slots = [["$"] if w == "money" else ["5" if a == "#" else a.rstrip("=") for a in w.split("/") if a]
             for w in words]
    first = [alts[0] for alts in slots]
    yield " ".join(first)
    for i, alts in enumerate(slots):
        for alt in alts[1:]:
            yield " ".join(first[:i] + [alt] + first[i + 1:])


def _self_match(source: str, money: frozenset, barrier: frozenset = frozenset()) -> list[str]:
    """Give the spellings of a pattern that the pattern does not match."""
    pattern = compile_pattern(source, money)
    return [text for text in _spellings(source)
            if next(matches(read_doc(text), pattern, Budget(), barrier), None) is None]


def _tables() -> Iterator[tuple[str, list[str], frozenset]]:
    """Give (where, patterns, barrier) for every pattern list of the rule files."""
    compiled = rules()
    data, dest = _read("flags.toml"), _read("destinations.toml")
    for code in FLAG_CODES:
        table = data.get(code, {})
        barrier = compiled.flags[code].barrier if code in compiled.flags else frozenset()
        for key in _LISTS:
            if table.get(key):
                yield f"flags.toml [{code}].{key}", table[key], barrier
    yield "flags.toml [context].cancel", data["context"]["cancel"], frozenset()
    for key in ("unskilled", "labour", "entry_office"):
        yield f"flags.toml [too_good].{key}", data["too_good"][key], frozenset()
    for key in ("income", "effortless", "entry", "no_skill"):
        yield f"flags.toml [easy_money].{key}", data["easy_money"][key], frozenset()
    for key in ("names", "cancel"):
        yield f"destinations.toml [remote].{key}", dest["remote"][key], frozenset()
    for cc, country in dest.items():
        if cc not in ("routes", "remote"):
            yield f"destinations.toml [{cc}].names", country["names"], frozenset()
    for n, route in enumerate(dest.get("routes", [])):
        for key in ("work", "official", "cancel", "outside"):
            if route.get(key):
                yield f"destinations.toml routes[{n}].{key}", route[key], frozenset()


def problems() -> list[str]:
    """Give every problem the linter finds in the rule files, one line each."""
    money = rules().money_keys
    out: list[str] = []
    for where, patterns, barrier in _tables():
        seen: set[str] = set()
        for source in patterns:
            norm = " ".join(source.split())
            if norm in seen:
                out.append(f"{where}: {source!r} twice")
            seen.add(norm)
            try:
                missed = _self_match(source, money, barrier)
            except ValueError as exc:
                out.append(f"{where}: {exc}")
                continue
            out += [f"{where}: {source!r} does not match its own words {text!r}" for text in missed]
    data = _read("flags.toml")
    for code in FLAG_CODES:
        table = data.get(code, {})
        raising = {" ".join(p.split()) for key in _RAISING for p in table.get(key, [])}
        both = raising & {" ".join(p.split()) for p in table.get("cancel", [])}
        out += [f"flags.toml [{code}]: {p!r} both raises and cancels the flag" for p in sorted(both)]
    return out


def main() -> int:
    found = problems()
    for line in found:
        print(line)
    print(f"{len(found)} problem(s) in {RULES_DIR.name}/*.toml", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())

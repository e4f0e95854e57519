"""Lemma patterns over a read text: compiled from the TOML tables, matched with bounded work.

A pattern is words separated by spaces, each word standing for its lemmas (Russian), its stem
(English) or itself (a Kazakh or Uzbek stem, a visa class like c-3):
    a/b/c   one word, any of these;  word=  this form only, not its lemma ("пишите=" is not "писать")
    ..      up to three words in between;  ...  up to six (never across a sentence, never over a
            barrier word of the flag)
    #       a number;  money  a currency word or sign (money=: the word "money" itself); "# money"
            allows one word between (a multiplier, "200 мың теңге", or the end of a range)
A match is tried only where its first word occurs (the text's key index), and each try looks at
a bounded window of tokens, so the work is at most (occurrences x pattern length x 7), and at most
MAX_TRIES starts are tried per pattern.
"""
from __future__ import annotations

from dataclasses import dataclass

from verifier.offers.text import Budget, Doc, normal, pattern_keys

GAPS = {"..": 3, "...": 6}
NUMBER = frozenset(("#",))
MAX_TRIES = 1000  # starts tried per pattern and text: an offer names a word a few times, not thousands


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern: per word, the gap allowed before it and the keys it accepts."""
    source: str
    slots: tuple[tuple[int, frozenset], ...]


def compile_pattern(source: str, money: frozenset) -> Pattern:
    """Give the compiled form of one pattern (see the module docstring)."""
    slots, gap = [], 0
    for word in source.split():
        if word in GAPS:
            gap = GAPS[word]
            continue
        if word == "money":
            keys = money
            if slots and slots[-1][1] == NUMBER and gap == 0:
                gap = 1  # "# money" also reads "200 мың теңге", "200-300 ming so'm"
        elif word == "#":
            keys = NUMBER
        elif "money" in word.split("/"):
            raise ValueError(f"'money' stands alone, never among alternatives: {source!r}")
        else:
            keys = frozenset().union(*(frozenset((normal(alt[:-1]),)) if alt.endswith("=") else pattern_keys(alt)
                                       for alt in word.split("/") if alt))
        slots.append((gap, keys))
        gap = 0
    if not slots:
        raise ValueError(f"empty pattern: {source!r}")
    return Pattern(source, tuple(slots))


def _extend(doc: Doc, pattern: Pattern, first: int, barrier: frozenset, budget: Budget) -> int | None:
    """Give the index of the last token of a match starting at token `first`, or None."""
    tokens, pos = doc.tokens, first
    sentence = tokens[first].sentence
    for gap, keys in pattern.slots[1:]:
        for nxt in range(pos + 1, min(pos + 2 + gap, len(tokens))):
            budget.tick()
            t = tokens[nxt]
            if t.sentence != sentence:
                return None
            if not keys.isdisjoint(t.keys):
                pos = nxt
                break
            if not barrier.isdisjoint(t.keys):
                return None
        else:
            return None
    return pos


def first_starts(doc: Doc, pattern: Pattern) -> list[int]:
    """Give the token positions where the pattern's first word occurs, in order."""
    lists = [doc.index[k] for k in pattern.slots[0][1] if k in doc.index]
    if len(lists) == 1:
        return lists[0]
    return sorted(set().union(*lists)) if lists else []


def can_match(doc: Doc, pattern: Pattern) -> bool:
    """Tell whether every word of the pattern occurs somewhere in the text (else it cannot match)."""
    present = doc.index.keys()
    return not any(present.isdisjoint(keys) for _, keys in pattern.slots)


def matches(doc: Doc, pattern: Pattern, budget: Budget, barrier: frozenset = frozenset(),
            skip: set[int] | frozenset = frozenset()):
    """Yield (first, last) token indices of the pattern's matches, outside the sentences in `skip`."""
    budget.tick()
    if not can_match(doc, pattern):
        return  # a word of the pattern is nowhere in the text
    for first in first_starts(doc, pattern)[:MAX_TRIES]:
        budget.tick()
        if doc.tokens[first].sentence in skip:
            continue
        last = _extend(doc, pattern, first, barrier, budget)
        if last is not None:
            yield first, last


def sentences_matching(doc: Doc, patterns: list[Pattern], budget: Budget) -> set[int]:
    """Give the sentences holding a match of any of the patterns (each sentence found once)."""
    found: set[int] = set()
    for pattern in patterns:
        for first, _ in matches(doc, pattern, budget, skip=found):
            found.add(doc.tokens[first].sentence)
    return found


def any_match(doc: Doc, patterns, budget: Budget) -> bool:
    """Tell whether any of the patterns matches anywhere in the text."""
    return any(next(matches(doc, p, budget), None) is not None for p in patterns)

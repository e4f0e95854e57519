"""The offer scan's rules, read from verifier/offers/rules/*.toml: red flags, destinations and words shown.

Text and patterns are read the same way: each word transliterated and folded as names are
(anyascii, then normalize.fold_token), so one pattern reads Cyrillic, Latin and Russian typed in
Latin alike. A match is mapped back to the words of the original text it rests on.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

from verifier.names.scripts import fold_token

RULES_DIR = Path(__file__).parent
LANGS = ("en", "ru", "kk", "uz")
HIGH_FLAGS = ("fee", "debt", "passport", "visa", "personal_payment", "entertainment", "restricted_route",
              "withheld_wages")
FLAG_CODES = ("fee", "debt", "passport", "visa", "no_contract", "too_good", "urgency", "private_channel",
              "personal_payment", "entertainment", "restricted_route", "withheld_wages")
_SIGNS = {"$": "usd", "€": "eur", "₸": "tenge", "₽": "rub", "₩": "won"}
# A number with thousands groups ("3 000 000", "1.500") is one word; then words; then sentence ends.
_TOKEN_RE = re.compile(r"\d+(?:[ \u00a0.,]\d{3})*(?!\d)|[^\W\d_]+(?:['ʻʼ‘’`][^\W\d_]+)*|[$€₸₽₩]|[.!?;\n]+|\s[-–—]\s")
_WORD_START = r"(?<![^ |])"
_BREAK_WORDS = {"no", "but", "however", "однако", "бирак", "lekin", "ammo", "biroq", "аммо", "лекин"}


@dataclass
class Stream:
    """A text read as folded words joined by spaces ("|" ends a sentence), with each word's span."""
    text: str
    starts: list[int]      # where each word begins in `text`
    spans: list[tuple[int, int]]  # the word's place in the original text


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """Give one word transliterated and folded, the way patterns are."""
    word = word.lower().replace("ё", "е")
    word = re.sub(r"['ʻʼ‘’`]", "", anyascii(word).lower())
    return fold_token(word)


def read_stream(text: str) -> Stream:
    """Give the text as a stream of folded words with their original spans."""
    parts, starts, spans, pos = [], [], [], 0
    for m in _TOKEN_RE.finditer(text):
        raw = m.group(0)
        if raw[0].isdigit():
            word = re.sub(r"\D", "", raw)
        elif raw in _SIGNS:
            word = _SIGNS[raw]
        elif not raw.strip() or raw[0] in ".!?;\n" or raw.strip() in "-–—":
            word = "|"
        else:
            word = fold_word(raw)
            word = "|" if word in _BREAK_WORDS and raw.lower() != "no" else word
        parts.append(word)
        starts.append(pos)
        spans.append((m.start(), m.end()))
        pos += len(word) + 1
    return Stream(" ".join(parts), starts, spans)


def _alt(word: str, money: str) -> str:
    """Give the regex of one pattern word (stems, exact words, alternatives, # and money)."""
    if word == "#":
        return r"\d+"
    if word == "money":
        return money
    alts = []
    for stem in word.split("/"):
        exact = stem.endswith("=")
        folded = " ".join(fold_word(w) for w in re.split(r"[-\s]+", stem.rstrip("=")) if w)
        alts.append(re.escape(folded) + (r"(?![^ |])" if exact else r"[^ |]*"))
    return "(?:" + "|".join(alts) + ")"


def compile_pattern(pattern: str, money: str) -> re.Pattern:
    """Give the regex for one pattern over a word stream."""
    out, gap = [], ""
    for word in pattern.split():
        if word in ("..", "..."):
            gap = r"(?: [^ |]+){0,%d}?" % (3 if word == ".." else 6)
            continue
        out.append((gap + " " if out else "") + _alt(word, money))
        gap = ""
    return re.compile(_WORD_START + "".join(out))


@dataclass
class Rules:
    """Compiled flags (one regex of all patterns and one of all cancels per flag), money words,
    destinations and routes."""
    flags: dict[str, tuple[list[tuple[tuple[str, ...] | None, re.Pattern]], re.Pattern | None]]
    context: re.Pattern
    money: dict[str, float]
    money_re: str
    min_usd: float
    always_too_good: list[tuple[tuple[str, ...] | None, re.Pattern]]
    countries: dict[str, dict]
    country_re: re.Pattern  # one group per country code
    routes: list[dict]


def _read(name: str) -> dict:
    """Give one TOML file of the rules folder."""
    with open(RULES_DIR / name, "rb") as fh:
        return tomllib.load(fh)


def first_stems(pattern: str) -> tuple[str, ...] | None:
    """Give the folded stems a pattern's first word starts with (None: a number or money word)."""
    word = pattern.split()[0]
    if word in ("#", "money"):
        return None
    return tuple(" ".join(fold_word(w) for w in re.split(r"[-\s]+", stem.rstrip("=")) if w).split(" ")[0]
                 for stem in word.split("/"))


def compile_each(patterns: list[str], money: str) -> list[tuple[tuple[str, ...] | None, re.Pattern]]:
    """Give each pattern compiled, with the stems its first word starts with."""
    return [(first_stems(p), compile_pattern(p, money)) for p in patterns]


def compile_any(patterns: list[str], money: str) -> re.Pattern | None:
    """Give one regex matching any of the patterns (None for an empty list)."""
    if not patterns:
        return None
    return re.compile(_WORD_START + "(?:" + "|".join(compile_pattern(p, money).pattern[len(_WORD_START):]
                                                     for p in patterns) + ")")


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Give the rules, read and compiled once per process."""
    data, dest = _read("flags.toml"), _read("destinations.toml")
    money = {fold_word(k) if k not in _SIGNS else _SIGNS[k]: v for k, v in data["money"].items()}
    money_re = "(?:" + "|".join(re.escape(k) + "[^ |]*" for k in sorted(money, key=len, reverse=True)) + ")"
    comp = lambda ps: compile_any(ps, money_re)  # noqa: E731
    flags = {code: (compile_each(data[code]["patterns"], money_re), comp(data[code].get("cancel", [])))
             for code in FLAG_CODES if code in data}
    routes = [{**r, "work_re": comp(r["work"]), "official_re": comp(r["official"])} for r in dest.get("routes", [])]
    countries = {k: v for k, v in dest.items() if k != "routes"}
    country_re = re.compile(_WORD_START + "(?:" + "|".join(
        f"(?P<{cc}>" + "|".join(compile_pattern(n, money_re).pattern[len(_WORD_START):] for n in c["names"]) + ")"
        for cc, c in countries.items()) + ")")
    return Rules(flags, comp(data["context"]["cancel"]), money, money_re, data["too_good"]["min_usd"],
                 compile_each(data["too_good"].get("always", []), money_re), countries, country_re, routes)


@lru_cache(maxsize=8)
def texts(lang: str) -> dict:
    """Give the words the scan shows in one language (English when it has no file)."""
    return _read(f"text_{lang if lang in LANGS else 'en'}.toml")

"""The offer scan's rules, read from verifier/offers/rules/*.toml: red flags, destinations and words shown.

flags.toml holds one table per flag code: its strength, lemma patterns (rules/match.py says how
they are written and matched), the cancel patterns that take it back in their sentence, and the
barrier words a gap may not cross. destinations.toml names countries (as whole words) and the
routes that run only through a government channel.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from verifier.offers.rules.match import Pattern, compile_pattern
from verifier.offers.text import normal, pattern_keys

RULES_DIR = Path(__file__).parent
LANGS = ("en", "ru", "kk", "uz")
FLAG_CODES = ("fee", "debt", "passport", "visa", "no_contract", "crime_recruitment", "too_good", "easy_money",
              "urgency", "private_channel", "personal_payment", "entertainment", "restricted_route", "withheld_wages")
HIGH = 3  # flags whose strengths add up to this make an offer high risk
# A worker's fee, a passport handed over and recruiting for crime make an offer high whoever offers it;
# any other single sign of strength 3, alone in an offer that names a firm one can check (its legal
# name, an address, a site, a work email, a landline), makes it medium: one thing to confirm.
ALWAYS_HIGH = ("fee", "passport", "crime_recruitment")
WEAK = 1  # the strength of a flag raised by one of its weak patterns only
# Kept for callers that ask which flags alone make an offer high (strength >= HIGH).
HIGH_FLAGS = ("fee", "debt", "passport", "visa", "crime_recruitment", "entertainment")


@dataclass(frozen=True)
class Flag:
    """One flag's compiled rule."""
    code: str
    strength: int
    patterns: tuple[Pattern, ...]
    cancel: tuple[Pattern, ...]
    barrier: frozenset
    weak: tuple[Pattern, ...] = ()  # patterns that alone count WEAK, not the flag's strength
    always: tuple[Pattern, ...] = ()  # private_channel: raise it even beside a firm's name (an interview by chat)
    cancel_anywhere: tuple[Pattern, ...] = ()  # anywhere in the text, these take the flag back ("2 years of experience")
    weak_cancel: tuple[Pattern, ...] = ()  # anywhere in the text, these take back a weak hit only (a hostess in a restaurant)
    keep: tuple[Pattern, ...] = ()  # a sentence these match is never taken back by `cancel` (a starter kit "refunded from your first paycheck")


@dataclass(frozen=True)
class Rules:
    """Every compiled rule: flags, the context that cancels any flag, money, countries and routes."""
    flags: dict[str, Flag]
    context: tuple[Pattern, ...]
    money: dict[str, float]          # a currency key -> US dollars per unit
    money_keys: frozenset
    multipliers: dict[str, int]      # "тыс", "k" -> 1000
    min_usd: float
    min_usd_by_period: float         # the line for pay stated by the day, hour or week
    per_period: dict[str, float]     # "day" -> months per period, to read pay per month
    countries: dict[str, dict]
    country_patterns: dict[str, tuple[Pattern, ...]]
    routes: list[dict]
    unskilled: tuple[Pattern, ...]   # work that needs no skill, for pay too good for it
    income: tuple[Pattern, ...]      # income promised ...
    effortless: tuple[Pattern, ...]  # ... for no skill, experience or time (easy_money)
    local_lines: dict[str, tuple[float, float, float]] = None  # a currency key -> its (month, by period, by day) lines in USD
    remote: tuple[Pattern, ...] = ()         # work done from home: no place of work ...
    remote_cancel: tuple[Pattern, ...] = ()  # ... unless the sentence is about the interview
    no_skill: tuple[Pattern, ...] = ()       # "no experience needed": with pay for work from home, easy_money
    entry_office: tuple[Pattern, ...] = ()   # entry office work: too good only for pay by the hour, day or week
    place_lines: dict = None                 # a country code -> the month line (USD) of unskilled pay there, where lower
    labour: tuple[Pattern, ...] = ()         # work of the hands named (also in `unskilled`)
    entry: tuple[Pattern, ...] = ()          # a job open to beginners: no effort, unless `labour` is named
    part_time: tuple[Pattern, ...] = ()      # "2 часа в день": a few hours of work a day, with their number


def _read(name: str) -> dict:
    """Give one TOML file of the rules folder."""
    with open(RULES_DIR / name, "rb") as fh:
        return tomllib.load(fh)


def _keys_of(words: dict) -> dict[str, float]:
    """Give a word -> value table keyed by every key each word stands for (a stem shorter than its
    word and than 3 letters is left out: the stem of "aed" is "a", which is no currency)."""
    out: dict[str, float] = {}
    for word, value in words.items():
        for key in pattern_keys(word):
            if len(key) >= 3 or key == normal(word):
                out.setdefault(key, value)
    return out


def _flag(code: str, table: dict, money: frozenset) -> Flag:
    """Give one flag's rule compiled."""
    comp = lambda ps: tuple(compile_pattern(p, money) for p in ps)  # noqa: E731
    barrier = frozenset().union(*(pattern_keys(w) for w in table.get("barrier", [])))
    return Flag(code, int(table["strength"]), comp(table.get("patterns", [])), comp(table.get("cancel", [])), barrier,
                comp(table.get("weak", [])), comp(table.get("always", [])), comp(table.get("cancel_anywhere", [])),
                comp(table.get("weak_cancel", [])), comp(table.get("keep", [])))


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Give the rules, read and compiled once per process."""
    data, dest = _read("flags.toml"), _read("destinations.toml")
    money = _keys_of(data["money"])
    money_keys = frozenset(money)
    flags = {code: _flag(code, data[code], money_keys) for code in FLAG_CODES if code in data}
    comp = lambda ps: tuple(compile_pattern(p, money_keys) for p in ps)  # noqa: E731
    countries = {k: v for k, v in dest.items() if k not in ("routes", "remote")}
    routes = [{**r, "work": comp(r.get("work", [])), "channel": comp(r.get("channel", [])), "official": comp(r["official"]),
               "cancel": comp(r.get("cancel", [])),
               "outside": comp(r.get("outside", []))}
              for r in dest.get("routes", [])]
    return Rules(flags, comp(data["context"]["cancel"]), money, money_keys,
                 {k: int(v) for k, v in _keys_of(data["multipliers"]).items()}, data["too_good"]["min_usd"],
                 data["too_good"].get("min_usd_by_period", data["too_good"]["min_usd"]),
                 _keys_of(data["per_period"]), countries,
                 {cc: comp(c["names"]) for cc, c in countries.items()}, routes,
                 comp(data["too_good"]["unskilled"] + data["too_good"]["labour"]),
                 comp(data["easy_money"]["income"]), comp(data["easy_money"]["effortless"]),
                 _local_lines(data["too_good"].get("local", {})), comp(dest["remote"]["names"]),
                 comp(dest["remote"]["cancel"]), comp(data["easy_money"].get("no_skill", [])),
                 comp(data["too_good"].get("entry_office", [])),
                 {cc: float(v) for cc, v in data["too_good"].get("place", {}).items()},
                 comp(data["too_good"]["labour"]), comp(data["easy_money"]["entry"]),
                 comp(data["too_good"].get("part_time", [])))


def _local_lines(table: dict) -> dict[str, tuple[float, float, float]]:
    """Give a currency key -> (too-good line a month, line for pay by the hour or week, line for pay
    by the day: the second unless a third is given) in US dollars a month."""
    out: dict[str, tuple[float, float, float]] = {}
    for word, (month, by_period, *by_day) in table.items():
        for key in pattern_keys(word):
            out.setdefault(key, (float(month), float(by_period), float(by_day[0] if by_day else by_period)))
    return out


@lru_cache(maxsize=8)
def texts(lang: str) -> dict:
    """Give the words the scan shows in one language (English when it has no file)."""
    return _read(f"text_{lang if lang in LANGS else 'en'}.toml")

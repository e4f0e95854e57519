"""Where a job is: the country named most as the place of work, and the routes only a government runs.

Country names are whole words (lemmas), never prefixes. The home countries (the hotline's region
and its neighbours people leave from) count only when no other country is named: an ad for Dubai
that gives an office in Almaty is a job in the UAE.
"""
from __future__ import annotations

from verifier.offers.rules import rules
from verifier.offers.rules.match import matches
from verifier.offers.text import Budget, Doc

HOME = ("KZ", "UZ", "KG", "TJ")


def named_countries(doc: Doc, budget: Budget) -> dict[str, tuple[int, int]]:
    """Give each country named in the text with (how often, minus where first): larger is stronger."""
    counts: dict[str, tuple[int, int]] = {}
    for cc, patterns in rules().country_patterns.items():
        hits = [first for p in patterns for first, _ in matches(doc, p, budget)]
        if hits:
            counts[cc] = (len(hits), -min(hits))
    return counts


def find_destination(doc: Doc, budget: Budget | None = None, home: str = "KZ") -> str | None:
    """Give the job's country code: the most named country that is not home, else the most named home."""
    counts = named_countries(doc, budget or Budget())
    homes = set(HOME) | {home}
    away = {cc: v for cc, v in counts.items() if cc not in homes}
    pool = away or counts
    return max(pool, key=lambda cc: pool[cc]) if pool else None


def route_flags(doc: Doc, country: str | None, budget: Budget) -> list[dict]:
    """Give `restricted_route` when the job's country and work run only through a government channel."""
    from verifier.offers.flags import flag_dict
    out = []
    for route in rules().routes:
        if route["country"] != country or _any(doc, route["cancel"], budget):
            continue
        if _any(doc, route["official"], budget) and not _any(doc, route["outside"], budget):
            continue  # the government channel named, and not just to say the offer goes around it
        for pattern in route["work"]:
            hit = next(matches(doc, pattern, budget), None)
            if hit is not None:
                out.append(flag_dict(doc, "restricted_route", *hit))
                break
    return out


def _any(doc: Doc, patterns, budget: Budget) -> bool:
    """Tell whether any of the patterns matches anywhere in the text."""
    return any(next(matches(doc, p, budget), None) is not None for p in patterns)

"""Where a job is: the country named most as the place of work, and the routes only a government runs.

Country and place names are whole words (lemmas, or a Cyrillic name's Russian case forms when
pymorphy does not know it), never prefixes. The home countries (the hotline's region and its
neighbours people leave from) count only when no other country is named: an ad for Dubai that
gives an office in Almaty is a job in the UAE. Work from home has no place of work.
"""
from __future__ import annotations

import re
from functools import lru_cache

from verifier.offers.rules import rules
from verifier.offers.rules.match import matches
from verifier.offers.text import Budget, Doc

HOME = ("KZ", "UZ", "KG", "TJ")


# Russian case endings of place names pymorphy does not know ("Жанаозена", "Мангистауской области").
ENDINGS = ("а", "я", "у", "ю", "е", "и", "ы", "о", "ой", "ей", "ом", "ем", "ая", "ую", "ий", "ый", "ие", "ые", "их", "ых",
           "ого", "его", "ому", "ему", "ым", "им", "ь", "й")
_CYRILLIC = re.compile(r"^[а-яёәғқңөұүһіўҳ-]+$")


@lru_cache(maxsize=1)
def inflected_places() -> dict[str, str]:
    """Give each Russian case form of a Cyrillic place name of five letters or more -> its country
    (the name less its ending, plus each ending; never the bare stem: "казан" is a pot, not Kazan)."""
    forms: dict[str, str] = {}
    for cc, country in rules().countries.items():
        for name in (n.rstrip("=") for n in country["names"]):
            if len(name) < 5 or not _CYRILLIC.match(name):
                continue
            cut = max((e for e in ENDINGS if name.endswith(e) and len(name) - len(e) >= 4), key=len, default="")
            stem = name[:len(name) - len(cut)]
            for form in (name, *(stem + e for e in ENDINGS)):
                forms.setdefault(form, cc)
    return forms


def named_countries(doc: Doc, budget: Budget) -> dict[str, tuple[int, int]]:
    """Give each country named in the text with (how often, minus where first): larger is stronger."""
    found: dict[str, set[int]] = {}
    for cc, patterns in rules().country_patterns.items():
        for p in patterns:
            found.setdefault(cc, set()).update(first for first, _ in matches(doc, p, budget))
    places = inflected_places()
    for key, positions in doc.index.items():
        if (cc := places.get(key)) is not None:
            found.setdefault(cc, set()).update(positions)
    return {cc: (len(hits), -min(hits)) for cc, hits in found.items() if hits}


def is_remote(doc: Doc, budget: Budget) -> bool:
    """Tell whether the text offers work from home (a sentence about the interview aside)."""
    r = rules()
    taken_back = {doc.tokens[first].sentence for p in r.remote_cancel for first, _ in matches(doc, p, budget)}
    return any(doc.tokens[first].sentence not in taken_back for p in r.remote for first, _ in matches(doc, p, budget))


def find_destination(doc: Doc, budget: Budget | None = None, home: str = "KZ") -> str | None:
    """Give the job's country code: none for work from home; else the most named country that is
    not home, else the most named home."""
    if is_remote(doc, budget := budget or Budget()):
        return None
    counts = named_countries(doc, budget)
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

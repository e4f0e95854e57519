"""Where a job is: the country named most as the place of work, and the routes only a government runs.

Country and place names are whole words (lemmas, or a Cyrillic name's Russian case forms when
pymorphy does not know it), never prefixes. The home countries (the hotline's region and its
neighbours people leave from) count only when no other country is named: an ad for Dubai that
gives an office in Almaty is a job in the UAE. Work from home has no place of work.
"""
from __future__ import annotations

import re
from functools import lru_cache

from verifier.offers.lookalikes import CYR_RE as _CYRILLIC_IN
from verifier.offers.quote import flag_dict
from verifier.offers.rules import rules
from verifier.offers.rules.match import any_match, matches
from verifier.offers.text import Budget, Doc

HOME = ("KZ", "UZ", "KG", "TJ")
# A place after "из"/"from" (and the places listed with it) is where people come from, not the job's.
ORIGIN_WORDS = frozenset(("из", "from", "гражданин", "граждане", "гражданам", "граждан", "citizen", "citizens", "nationals",
                          "fuqarolari", "fuqarolariga", "азаматтары", "азаматтарына", "фуқаролари"))
LIST_WORDS = frozenset(("и", "and", "va", "ва", "және", "или", "or"))  # "Казахстана, Армении и Беларуси"
ABLATIVE = ("дан", "ден", "нан", "нен", "тан", "тен", "dan", "den")
# "Tacoma, WA", "Austin TX 78701", "Calgary, AB": a US state's or a Canadian province's postal code
# after a capitalised town name (and a comma), before the end of the phrase.
STATE_CODES = {
    "US": "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
          "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY",
    "CA": "AB BC MB NB NL NS NT NU ON PE QC SK YT",
}
_TOWN_STATE = {cc: re.compile(r"\b[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+){0,2},? (?:%s)(?= ?\d{5}|[ \t]*(?:$|[).;,|•·–—-]))"
                               % codes.replace(" ", "|"), re.M) for cc, codes in STATE_CODES.items()}

# A job board's location line: the country's code, then a region or "nationwide", then a town
# ("US, TX, Austin", "AU, QLD, Moranbah", "GB, LND, London", "US, nationwide").
_LOCATION_LINE = re.compile(r"^[ \t]*+(?:location:[ \t]*+)?([A-Z]{2}),[ \t]*+(?:[A-Z0-9]{1,3}|[A-Za-z][A-Za-z .'-]{2,40})"
                            r"(?:,[^\n,]{1,40}){0,2}[ \t]*+$", re.M | re.I)
_CODE_ALIASES = {"UK": "GB"}


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


@lru_cache(maxsize=1)
def place_words() -> frozenset:
    """Give every one-word place name of the rules (as written there, lower case)."""
    return frozenset(n.rstrip("=") for c in rules().countries.values() for n in c["names"] if " " not in n)


def named_countries(doc: Doc, budget: Budget) -> dict[str, tuple[int, int]]:
    """Give each country named in the text with (how often, minus where first): larger is stronger."""
    if "countries" not in doc.memo:
        doc.memo["countries"] = _named_countries(doc, budget)
    return doc.memo["countries"]


def _named_countries(doc: Doc, budget: Budget) -> dict[str, tuple[int, int]]:
    """Give each country named in the text with (how often, minus where first), read from the doc."""
    found: dict[str, set[int]] = {}
    for cc, patterns in rules().country_patterns.items():
        for p in patterns:
            found.setdefault(cc, set()).update(first for first, _ in matches(doc, p, budget))
    places = inflected_places()
    for key, positions in doc.index.items():
        if (cc := places.get(key)) is not None:
            found.setdefault(cc, set()).update(positions)
    for cc, pattern in _TOWN_STATE.items():
        found.setdefault(cc, set()).update(_token_at(doc, m.start()) for m in pattern.finditer(doc.original)
                                           if not _CYRILLIC_IN.search(_line_of(doc.original, m.start())))
    for m in _LOCATION_LINE.finditer(doc.original):
        cc = _CODE_ALIASES.get(m.group(1), m.group(1))
        if cc.isupper() and cc in rules().countries:  # the code in capitals ("us, tx" is no location line)
            found.setdefault(cc, set()).add(_token_at(doc, m.start(1)))
    hits_at = {i for hits in found.values() for i in hits}
    found = {cc: {i for i in hits if not _after_origin(doc, i, hits_at)} for cc, hits in found.items()}
    return {cc: (len(hits), -min(hits)) for cc, hits in found.items() if hits}


def _line_of(text: str, offset: int) -> str:
    """Give the line of a text an offset falls in."""
    return text[text.rfind("\n", 0, offset) + 1:(text.find("\n", offset) + 1 or len(text) + 1) - 1]


def _token_at(doc: Doc, offset: int) -> int:
    """Give the index of the first token starting at or after a character offset."""
    return next((i for i, t in enumerate(doc.tokens) if t.start >= offset), len(doc.tokens) - 1)


def _after_origin(doc: Doc, i: int, places: set[int]) -> bool:
    """Tell whether the place at token i is where people come from: after "из"/"from", alone or in a
    list of places ("из Москвы/Уфы/Самары до Атырау": the job is in Atyrau), or with a Kazakh or
    Uzbek "from" ending ("Кореядан келетін қонақтар", "Koreyadan keladigan turistlar")."""
    for t in doc.tokens[i:i + 2]:  # the name's last word carries the ending ("Janubiy Koreyadan")
        word = t.text.lower()
        if any(word.endswith(end) and word[:-len(end)] in t.keys and word[:-len(end)] in place_words() for end in ABLATIVE):
            return True
    j = i - 1
    while j >= 0 and (j in places or doc.tokens[j].keys & LIST_WORDS) and doc.tokens[j].sentence == doc.tokens[i].sentence:
        j -= 1
    return j >= 0 and doc.tokens[j].sentence == doc.tokens[i].sentence and bool(doc.tokens[j].keys & ORIGIN_WORDS)


def is_remote(doc: Doc, budget: Budget) -> bool:
    """Tell whether the text offers work from home (a sentence about the interview aside), read once per doc."""
    if "remote" not in doc.memo:
        doc.memo["remote"] = _is_remote(doc, budget)
    return doc.memo["remote"]


def _is_remote(doc: Doc, budget: Budget) -> bool:
    """Tell whether the text offers work from home, read from the doc."""
    r = rules()
    taken_back = {doc.tokens[first].sentence for p in r.remote_cancel for first, _ in matches(doc, p, budget)}
    return any(doc.tokens[first].sentence not in taken_back for p in r.remote for first, _ in matches(doc, p, budget))


def find_destination(doc: Doc, budget: Budget | None = None, home: str = "KZ") -> str | None:
    """Give the job's country code: none for work from home; else the most named country that is
    not home, else the most named home."""
    return place_of_work(doc, budget, home)[0]


def place_of_work(doc: Doc, budget: Budget | None = None, home: str = "KZ") -> tuple[str | None, tuple[str, ...]]:
    """Give (the job's country code, every country the text names, most named first): the code is
    none for work from home, else the most named country that is not home, else the most named home."""
    counts = named_countries(doc, budget := budget or Budget())
    named = tuple(sorted(counts, key=lambda cc: counts[cc], reverse=True))
    if is_remote(doc, budget):
        return None, named
    homes = set(HOME) | {home}
    away = [cc for cc in named if cc not in homes]
    return (away or named or [None])[0], named


def route_flags(doc: Doc, country: str | None, budget: Budget) -> list[dict]:
    """Give `restricted_route` when the job's country and work run only through a government channel
    (quoting the channel's own words, "E-9 через нашу фирму", before the work named)."""
    out = []
    for route in rules().routes:
        if route["country"] != country or any_match(doc, route["cancel"], budget):
            continue
        if any_match(doc, route["official"], budget) and not any_match(doc, route["outside"], budget):
            continue  # the government channel named, and not just to say the offer goes around it
        for pattern in route["channel"] + route["work"]:
            hit = next(matches(doc, pattern, budget), None)
            if hit is not None:
                out.append(flag_dict(doc, "restricted_route", *hit))
                break
    return out

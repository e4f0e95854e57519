"""Which countries' local phone formats to read an offer's numbers in, and what is money, not a phone.

The place of work comes first ("050 123 4567" in a Dubai ad is a UAE mobile), then the countries
the text's own words point to, then the hotline's region (VERIFIER_REGION, the same for the box
and the scan), then by script: the home regions of Cyrillic text (KZ, RU, UZ, KG, TJ), or for
Latin text with no cue the regions whose registries we hold (HK, PH).
"""
from __future__ import annotations

import re

import phonenumbers

from verifier import DEFAULT_REGION
from verifier.offers.lookalikes import CYR_RE as _CYR_RE

READABLE = frozenset(phonenumbers.SUPPORTED_REGIONS)  # the place of work's local format, wherever it is
CYRILLIC_HOMES = ("KZ", "RU", "UZ", "KG", "TJ")
LATIN_FALLBACK = ("HK", "PH")
_LATIN_WORD_RE = re.compile(r"[a-z]{3}")
# A number followed by a currency or a thousands word is an amount ("2 000 000 вон", "500 $").
AMOUNT_AFTER_RE = re.compile(r"\s{0,2}+(?:[$€₸₽₩£%]|(?i:usd|eur|aed|pln|krw|kzt|rub|won|lira|zl|тенге|теңге|тг|руб|р(?![а-яё])|"
                             r"₽|сум|сўм|so'm|som|вон|евро|доллар|долл|дирхам|лир|злот|тыс|мың|ming|k\b|к\b))")
AMOUNT_BEFORE_RE = re.compile(r"(?:[$€₸₽₩£]|(?i:usd|eur|aed|pln|krw|kzt|rub))\s{0,2}+$")


# Each cue opens with a letter, never \b (a word boundary is checked behind the word instead): the
# regex engine then skips ahead to the letters a cue can begin with.
REGION_CUES = (
    ("UZ", re.compile(r"o['ʻ‘’`]?zbek|узбек|ўзбек|toshkent|ташкент|so['ʻ‘’`]m\b|сўм|сум(?<=\bсум)\b|ish(?<=\bish)\b|maosh")),
    ("KG", re.compile(r"кыргыз|қырғыз|бишкек|bishkek|kyrgyz|сом(?<=\bсом)\b")),
    ("HK", re.compile(r"hong kong|гонконг|hk\$|hkd")),
    ("PH", re.compile(r"philippin|manila|филиппин|манил|php(?<=\bphp)\b|₱")),
    ("KZ", re.compile(r"казахстан|қазақстан|kazakhstan|тенге|теңге|₸|kzt(?<=\bkzt)\b|алмат|астан|шымкент|ә|ғ|қ|ң|ө|ұ|ү|һ|і")),
    ("RU", re.compile(r"росси|russia|₽|рубл")),
    # North American digit groups: "(512) 555-0143", "512-555-0143" (a Russian number groups "55-01-43")
    ("US", re.compile(r"(?<![\d-])(?:\(\d{3}\) ?|\d{3}[-.])\d{3}[-.]\d{4}(?![\d-])")),
)


def cue_regions(text: str) -> list[str]:
    """Give the countries the text's own words point to (a city, a currency, a language), in order."""
    low = text.lower()  # the cues are lower case: cheaper than searching with re.I
    found = [region for region, cue in REGION_CUES if cue.search(low)]
    if "US" in found and (_CYR_RE.search(text) or not _LATIN_WORD_RE.search(low)):
        found.remove("US")  # North American digit groups count in English text only, never in a bare number
    return found


def phone_regions(text: str, country: str | None = None, home: str = DEFAULT_REGION,
                  named: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Give the regions to read local numbers in, in the order they are tried: the place of work, the
    countries the text names, its other cues, the hotline's region, then by script."""
    cues = cue_regions(text)
    regions = [c for c in (country, *named, *cues, home) if c in READABLE or c == home]
    if _CYR_RE.search(text):
        regions += CYRILLIC_HOMES
    elif not cues and country is None:
        regions += LATIN_FALLBACK
    return tuple(dict.fromkeys(r for r in regions if r))


def is_amount(text: str, start: int, end: int) -> bool:
    """Tell whether the digits at text[start:end] are money: a currency or thousands word beside them."""
    return bool(AMOUNT_AFTER_RE.match(text, end) or AMOUNT_BEFORE_RE.search(text[max(0, start - 6):start]))

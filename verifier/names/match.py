"""Find and score candidate records for a name, phone or licence number.

Three stages kept apart: `find_candidates` (token blocking: exact and fuzzy token look-ups in an
inverted index, weighted by how rare each token is; `candidates.py`, with the look-alike words of
`lookalike.py`), `score.NameScorer` (an explainable alignment of tokens: which aligned with which,
what differed, which normalisation fired), and the search functions that join them into `Hit`s.
The index is built once per process from the registry (`build.py`), or loaded from the snapshot
a refresh stores with it (`Index.to_snapshot`, `registry_fingerprint`).
"""
from __future__ import annotations

from functools import lru_cache

from verifier import DEFAULT_REGION
from verifier.names.build import IndexBuild, registry_fingerprint
from verifier.names.candidates import Candidates
from verifier.names.lookalike import LookAlikes
from verifier.names.numbers import licence_key, parse_phones, parse_typed_phone, phone_digits
from verifier.names.postings import Hit, Rec, ids, too_short

__all__ = ["Hit", "Index", "Rec", "read_numbers", "registry_fingerprint", "too_short"]


class Index(IndexBuild, LookAlikes, Candidates):
    """An in-memory index of names, phones and licence numbers of every current record."""

    def search_phone(self, text: str, default_region: str = DEFAULT_REGION) -> list[Hit]:
        """Return records publishing the phone number typed, trying each region the index covers
        (reads the text; `search_numbers` takes numbers already read)."""
        for numbers in read_numbers(text, default_region, self.countries):
            if hits := self.search_numbers(numbers):
                return hits
        return self.search_numbers((), phone_digits(text))

    def search_numbers(self, numbers: tuple[str, ...], digits: str = "") -> list[Hit]:
        """Return records publishing any of these E.164 numbers; when none is published, records
        publishing the bare digits typed under a calling code the index covers, or ending in them."""
        found: dict[int, str] = {}
        for e164 in numbers:
            for i in ids(self.e164, e164):
                found.setdefault(i, e164)
        if not found and len(digits) >= 7:
            for national in {digits, digits.lstrip("0"), digits[1:] if digits[0] == "8" else digits}:
                for cc in self.calling_codes:  # a bare national number: try each country's code
                    for i in ids(self.e164, f"+{cc}{national}"):
                        found.setdefault(i, f"+{cc}{national}")
            for i in ids(self.suffix, digits[-7:]):
                if any(e.endswith(digits[-min(len(digits), 9):]) for e in self.recs[i].phones):
                    found.setdefault(i, digits)
        return [Hit(self.recs[i], 100, True, ["phone"], value,
                    [f"phone {value} is published for this record"]) for i, value in found.items()]

    def search_licence(self, text: str) -> list[Hit]:
        """Return records with this licence or registration number as typed (case, space, dash ignored)."""
        return self.search_licence_key(licence_key(text))

    def search_licence_key(self, key: str) -> list[Hit]:
        """Return records with this licence key (as `numbers.licence_key` gives it)."""
        return [Hit(self.recs[i], 100, True, ["licence"], key, [f"licence/registration number {key} matches"])
                for i in ids(self.licences, key)] if key else []


def read_numbers(text: str, default_region: str, countries):
    """Yield the E.164 numbers a typed phone may hold, likeliest first: read as one number alone
    (fast), then scanned the way source fields are; in the hotline's region, then each other."""
    regions = [default_region, *sorted(r for r in countries if r and r != default_region)]
    for read in (typed_phone, parsed_phones):
        for region in regions:
            if numbers := tuple(dict.fromkeys(p.e164 for p in read(text, region) or ())):
                yield numbers
            if text.lstrip().startswith("+"):
                break  # an international number reads the same in every region


@lru_cache(maxsize=2048)
def typed_phone(text: str, region: str) -> tuple | None:
    """Return the number a query holds alone as a region reads it (cached), or None."""
    phones = parse_typed_phone(text, region)
    return None if phones is None else tuple(phones)


@lru_cache(maxsize=2048)
def parsed_phones(text: str, region: str) -> tuple:
    """Return the phones in a query as a region reads them (cached: one query searches several indexes)."""
    return tuple(parse_phones(text, region))

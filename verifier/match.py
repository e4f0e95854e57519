"""Find and score candidate records for a name, phone or licence number.

Three stages kept apart: `find_candidates` (token blocking: exact and fuzzy token look-ups in an
inverted index, weighted by how rare each token is), `score_names` (an explainable alignment of
tokens: which aligned with which, what differed, which normalisation fired), and the search
functions that join them into `Hit`s. The index is built once per process from the registry.
"""
from __future__ import annotations

import gc
import heapq
import json
import math
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import phonenumbers
from rapidfuzz import fuzz, process

from .normalize import NORM_VERSION, NameKey, licence_key, name_key, parse_phones, parse_typed_phone, phone_digits

SAME_THRESHOLD = 88      # a name scoring at least this, with no distinguishing extra token, is "the same"
SIMILAR_THRESHOLD = 70   # below this a record is not shown as similar
TOKEN_MATCH = 75         # two words (of 3+ letters) at least this alike are aligned
TOKEN_MATCH_LONG = 70    # the same for words of 7+ letters, where one typo may change two folded letters
JOINED_SAME = 92       # names whose letters agree this well once spaces are dropped are alike
CANDIDATES = 40          # records fully scored per query
PRUNE = 0.35             # a candidate needs this share of the best candidate's token weight
COMMON_MIN, COMMON_SHARE = 200, 0.005  # a token on more entries than this is "common"
MAX_POSTINGS = 5000      # a token on more entries than this is too common to generate candidates
GENERIC = frozenset(name_key(w).tokens[0] for w in (
    "services", "service", "international", "manpower", "agency", "recruitment", "employment",
    "resources", "human", "global", "overseas", "placement", "consultancy", "consultants",
    "management", "enterprises", "trading", "development", "general", "philippines", "phils",
    "asia", "worldwide", "staffing", "kadry", "kadri", "employment agency", "centre", "center",
))


@dataclass(slots=True)
class Rec:
    """What the index keeps of one registry record."""
    id: str
    source: str
    list_kind: str
    name: str
    status: str
    status_group: str
    status_date: str | None
    expires_on: str | None
    country: str
    data_as_of: str | None
    phones: tuple[str, ...] = ()


@dataclass
class Hit:
    """One record found for a query, with its score and why."""
    rec: Rec
    score: int
    same: bool
    matched_on: list[str] = field(default_factory=list)
    matched_value: str = ""
    explain: list[str] = field(default_factory=list)


def ids(table: dict, key: str) -> tuple:
    """Return the ids a finished index keeps under a key (an int for one id, a tuple for several)."""
    value = table.get(key, ())
    return (value,) if isinstance(value, int) else value


def _json_list(text: str | None) -> list:
    """Return a JSON list column (most are empty: skip the parser for those)."""
    return json.loads(text) if text and text != "[]" else []


def _is_number(token: str) -> bool:
    """Return True for a token of digits."""
    return token.isdigit()


def token_cutoff(a: str, b: str = "") -> float:
    """Return how alike two words must be to align (exact only for numbers and 1-2 letters)."""
    n = min(len(a), len(b)) if b else len(a)
    if n < 3 or _is_number(a) or (b and _is_number(b)):
        return 101.0
    return TOKEN_MATCH_LONG if n >= 7 else TOKEN_MATCH


class Index:
    """An in-memory index of names, phones and licence numbers of every current record."""

    def __init__(self) -> None:
        self.recs: list[Rec] = []
        self.entries: list[tuple[int, tuple[str, ...], str]] = []  # (rec index, tokens, alias or "")
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.by_bucket: dict[tuple, list[str]] = defaultdict(list)
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.e164: dict[str, list[int]] = defaultdict(list)
        self.suffix: dict[str, list[int]] = defaultdict(list)
        self.licences: dict[str, list[int]] = defaultdict(list)
        self.countries: set[str] = set()
        self.stats: Index = self
        self._weights: dict[str, float] = {}
        self._sets: dict[str, frozenset] = {}

    # --- building --------------------------------------------------------------------------

    def add(self, rec: Rec, key: str, alias_keys: list[str], aliases: list[str],
            licences: list[str], phones: list[tuple[str, str]]) -> None:
        """Add one record with its name key, alias keys, licence keys and (e164, national) phones."""
        i = len(self.recs)
        for slot in ("source", "list_kind", "status", "status_group", "status_date", "expires_on",
                     "country", "data_as_of"):  # a few distinct values shared by many records
            if isinstance(value := getattr(rec, slot), str):
                setattr(rec, slot, sys.intern(value))
        self.recs.append(rec)
        self.countries.add(rec.country)
        for tokens, alias in [(key, ""), *zip(alias_keys, aliases)]:
            toks = tuple(sys.intern(t) for t in tokens.split())
            if not toks:
                continue
            e = len(self.entries)
            self.entries.append((i, toks, alias))
            joined = sys.intern("".join(toks))
            self.by_key[joined].append(e)
            for t in set(toks) | ({joined} if len(toks) > 1 else set()):
                self.postings[t].append(e)
        for lk in licences:
            if lk:
                self.licences[lk].append(i)
        for e164, _national in phones:
            self.e164[e164].append(i)
            digits = e164.lstrip("+")
            if len(digits) >= 7:
                self.suffix[digits[-7:]].append(i)
        rec.phones = tuple(e for e, _ in phones)

    def finish(self) -> "Index":
        """Build the fuzzy-lookup buckets and token weights once all records are in."""
        self.by_bucket.clear()
        for tok in self.postings:
            if len(tok) >= 3 and not _is_number(tok):
                self.by_bucket[(len(tok), tok[0])].append(tok)
                self.by_bucket[(len(tok), "$" + tok[-2:])].append(tok)
        self.n_entries = max(1, len(self.entries))
        self.calling_codes = sorted({phonenumbers.country_code_for_region(r) for r in self.countries if r} - {0})
        for name in ("postings", "by_key", "e164", "suffix", "licences"):
            # Most keys hold one id: keep a bare int for those, a tuple for the rest (less memory).
            setattr(self, name, {k: v[0] if len(v) == 1 else tuple(v) for k, v in getattr(self, name).items()})
        return self

    @classmethod
    def from_connection(cls, conn) -> "Index":
        """Build the index from an open registry database."""
        from .registry import iter_agencies
        idx = cls()
        gc_was_on = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects, no cycles: collection only slows the build
        try:
            for row, phones in iter_agencies(conn):
                (rid, source, kind, name, aliases, key, alias_keys, lic, other_ids, status, group,
                 sdate, expires, country, as_of, norm_version) = row
                aliases_l = _json_list(aliases)
                keys = _json_list(alias_keys)
                if norm_version != NORM_VERSION:  # stored keys from another normaliser version: recompute
                    key, keys = name_key(name).key, [name_key(a).key for a in aliases_l]
                idx.add(Rec(rid, source, kind, name, status, group, sdate, expires, country, as_of),
                        key, keys, aliases_l, [lic, *_json_list(other_ids)], phones)
            return idx.finish()
        finally:
            if gc_was_on:
                gc.enable()

    # --- statistics --------------------------------------------------------------------------

    def weight(self, token: str) -> float:
        """Return how much a token tells apart (inverse document frequency; numbers weigh more)."""
        cache = self.stats._weights
        if (w := cache.get(token)) is None:
            w = cache[token] = self._weight(token)
        return w

    def _weight(self, token: str) -> float:
        """Compute a token's weight from the statistics index."""
        st = self.stats
        df = len(ids(st.postings, token)) or 1
        w = math.log(1 + st.n_entries / df)
        if _is_number(token):
            w = max(w, 4.0)
        if token in GENERIC:
            w = min(w, 1.5)
        return max(w, 0.5)

    def similar_tokens(self, token: str) -> list[tuple[str, float]]:
        """Return index tokens alike to a query token, with their similarity 0-1."""
        out = [(token, 1.0)] if token in self.postings else []
        cutoff = token_cutoff(token)
        if cutoff > 100:
            return out
        choices: set[str] = set()
        spread = 1 if len(token) < 8 else 2
        for n in range(len(token) - spread, len(token) + spread + 1):
            choices.update(self.by_bucket.get((n, token[0]), ()))
            choices.update(self.by_bucket.get((n, "$" + token[-2:]), ()))
        choices.discard(token)
        for tok, score, _ in process.extract(token, list(choices), scorer=fuzz.ratio,
                                             score_cutoff=cutoff, limit=20):
            out.append((tok, score / 100))
        return out

    # --- stage 1: candidates ----------------------------------------------------------------

    def find_candidates(self, tokens: tuple[str, ...], limit: int = CANDIDATES) -> list[int]:
        """Return entry numbers sharing rare exact or fuzzy tokens with the query, best first."""
        acc: dict[int, float] = defaultdict(float)
        lookups = [*tokens, "".join(tokens)] if len(tokens) > 1 else list(tokens)
        matches = [(tok, sim) for t in lookups for tok, sim in self.similar_tokens(t)]
        # Rarest first: rare tokens open candidates; a common token ("services") only adds weight to
        # candidates already open, through a cached set, so its long posting list is never walked.
        matches.sort(key=lambda m: len(ids(self.postings, m[0])))
        common = max(COMMON_MIN, int(self.n_entries * COMMON_SHARE))
        for n, (tok, sim) in enumerate(matches):
            posting = ids(self.postings, tok)
            w = self.weight(tok) * sim
            if len(posting) <= common or (n == 0 and len(posting) <= MAX_POSTINGS):
                for e in posting:
                    acc[e] += w
            elif acc:
                members = self._member_set(tok)
                for e in acc:
                    if e in members:
                        acc[e] += w
        exact = ids(self.by_key, "".join(tokens))  # the whole name as typed is always a candidate
        best = heapq.nlargest(limit, acc, key=acc.__getitem__)
        floor = acc[best[0]] * PRUNE if best else 0.0  # candidates sharing little of the query are not scored
        return [*exact, *(e for e in best if acc[e] >= floor and e not in exact)]

    def _member_set(self, token: str) -> frozenset:
        """Return a common token's posting list as a set (built once, on first use)."""
        if (members := self._sets.get(token)) is None:
            members = self._sets[token] = frozenset(ids(self.postings, token))
        return members

    # --- searches ----------------------------------------------------------------------------

    def search_name(self, query: NameKey, limit: int = CANDIDATES) -> list[Hit]:
        """Return hits for a name, one per record, best score first."""
        if not query.tokens:
            return []
        best: dict[int, Hit] = {}
        for e in self.find_candidates(query.tokens, limit):
            ri, toks, alias = self.entries[e]
            score, same, explain = score_names(query.tokens, toks, self.weight)
            if alias:
                explain.insert(0, f"matched the former or other name {alias!r}")
            if ri not in best or score > best[ri].score:
                best[ri] = Hit(self.recs[ri], score, same, ["name"], alias or self.recs[ri].name,
                               [*query.notes, *explain])
        return sorted((h for h in best.values() if h.score >= SIMILAR_THRESHOLD),
                      key=lambda h: (-h.same, -h.score))

    def search_phone(self, text: str, default_region: str = "KZ") -> list[Hit]:
        """Return records publishing the phone number, trying each region the index covers."""
        found: dict[int, str] = {}
        regions = [default_region, *sorted(r for r in self.countries if r and r != default_region)]
        # First the query read as one number alone (fast), then scanned the way source fields are.
        for read in (typed_phone, parsed_phones):
            for region in regions:
                for p in read(text, region) or ():
                    for i in ids(self.e164, p.e164):
                        found.setdefault(i, p.e164)
                if found or text.lstrip().startswith("+"):
                    break  # an international number, or one found as the hotline's region reads it
            if found:
                break
        digits = phone_digits(text)
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
        """Return records with this licence or registration number (case, space, dash ignored)."""
        key = licence_key(text)
        return [Hit(self.recs[i], 100, True, ["licence"], key, [f"licence/registration number {key} matches"])
                for i in ids(self.licences, key)] if key else []


@lru_cache(maxsize=2048)
def typed_phone(text: str, region: str) -> tuple | None:
    """Return the number a query holds alone as a region reads it (cached), or None."""
    phones = parse_typed_phone(text, region)
    return None if phones is None else tuple(phones)


@lru_cache(maxsize=2048)
def parsed_phones(text: str, region: str) -> tuple:
    """Return the phones in a query as a region reads them (cached: one query searches several indexes)."""
    return tuple(parse_phones(text, region))


def score_names(q: tuple[str, ...], c: tuple[str, ...], weight) -> tuple[int, bool, list[str]]:
    """Return a 0-100 score, whether the names are the same agency, and an explanation."""
    pairs = []
    for i, a in enumerate(q):
        for j, b in enumerate(c):
            if a == b:
                pairs.append((100.0, i, j))
            elif (sim := fuzz.ratio(a, b)) >= token_cutoff(a, b):
                pairs.append((sim, i, j))
    pairs.sort(reverse=True)
    used_q, used_c, aligned, explain = set(), set(), 0.0, []
    for sim, i, j in pairs:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        aligned += sim / 100 * (weight(q[i]) + weight(c[j]))
        explain.append(f"{q[i]!r} = {c[j]!r}" if sim == 100 else f"{q[i]!r} ~ {c[j]!r} ({sim:.0f})")
    extra_q = [q[i] for i in range(len(q)) if i not in used_q]
    extra_c = [c[j] for j in range(len(c)) if j not in used_c]
    if extra_q and extra_c and not any(map(_is_number, extra_q + extra_c)):
        # Words split or joined differently ("sapakadri" / "sapa kadri"): compare what is left over.
        joined = fuzz.ratio("".join(extra_q), "".join(extra_c))
        if joined >= JOINED_SAME:
            aligned += joined / 100 * (sum(map(weight, extra_q)) + sum(map(weight, extra_c)))
            explain.append(f"{' '.join(extra_q)!r} ~ {' '.join(extra_c)!r} with spaces ignored ({joined:.0f})")
            extra_q, extra_c = [], []
    total = sum(weight(t) for t in q) + sum(weight(t) for t in c)
    score = 100 * aligned / total if total else 0.0
    same = score >= SAME_THRESHOLD
    if extra_q:
        same = False
        explain.append("query has words the record lacks: " + ", ".join(extra_q))
    if extra_c:
        explain.append("record has words the query lacks: " + ", ".join(extra_c))
        if any(_is_number(t) or t not in GENERIC for t in extra_c):
            same = False
    return round(min(score, 100)), same, explain

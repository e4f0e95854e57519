"""Find and score candidate records for a name, phone or licence number.

Three stages kept apart: `find_candidates` (token blocking: exact and fuzzy token look-ups in an
inverted index, weighted by how rare each token is), `score.NameScorer` (an explainable alignment
of tokens: which aligned with which, what differed, which normalisation fired), and the search
functions that join them into `Hit`s. The index is built once per process from the registry, or
loaded from the snapshot a refresh stores with it (`Index.to_snapshot`, `registry_fingerprint`).
"""
from __future__ import annotations

import bisect
import gc
import hashlib
import json
import marshal
import math
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import phonenumbers
from rapidfuzz import fuzz, process

from verifier import DEFAULT_REGION
from verifier.names.normalize import NORM_VERSION, NameKey, name_key
from verifier.names.numbers import licence_key, parse_phones, parse_typed_phone, phone_digits
from verifier.names.phonetic import sound_key
from verifier.names.score import GENERIC, SIMILAR_THRESHOLD, SOUND_SAME, NameScorer, token_cutoff

ONE_EDIT_ALIKES = 8      # look-alikes per query word tried in the whole-name look-up
SOUND_FANOUT = 8         # index words looked up per query word by its sound
CANDIDATES = 16          # records fully scored per query
LETTER_SLOTS = 6         # of those, kept for the names most alike letter by letter
TYPICAL_WEIGHT = 5.0     # what a record's word weighs, for ranking candidates by their length
POOL = 200               # candidates ranked by the words they share, then by how many others they have
PRUNE = 0.35             # a candidate needs this share of the best candidate's token weight
COMMON_MIN, COMMON_SHARE = 200, 0.005  # a token on more entries than this is "common"
SPREAD = 2               # look-alike words differ in length by this much at most
SPLIT_SIM = 0.9          # what a word written as two counts for, against the two words themselves
SIMILAR_CACHE = 4_096    # query words whose look-alikes an index keeps (about 1.5 kB each)
WEIGHT_CACHE = 200_000   # words whose weight an index keeps (a float each)
WALK = 500               # entries opened as candidates per query, at most (rarest words first)
OPEN_MIN, OPEN_SHARE = 500, 0.003  # entries holding a query's common words together opened, at most


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
    """Return the ids a finished index keeps under a key (kept as an int for one id, a tuple for
    several, a frozenset for a common word)."""
    value = table.get(key, ())
    return (value,) if isinstance(value, int) else value


def _shared(acc: dict, posting) -> object:
    """Return the candidates in `acc` that a posting (int, tuple or frozenset) holds, at C speed."""
    if isinstance(posting, int):
        return (posting,) if posting in acc else ()
    if isinstance(posting, frozenset):
        return posting.intersection(acc)  # walks the candidates, not the common word's entries
    return acc.keys() & posting


@lru_cache(maxsize=1)
def _code_version() -> str:
    """Return a hash of this module's code: an index built by other code is not loaded."""
    with open(__file__, "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()


def registry_fingerprint(conn) -> str:
    """Return what a snapshot must have been made from: every current record's id and content hash
    (which covers its names, keys, status and phones), the normaliser version, the code that
    builds the index, and the Python that reads it (marshal's format)."""
    from verifier.registry import record_hashes
    digest = hashlib.sha1(f"{NORM_VERSION}|{_code_version()}|{marshal.version}|{sys.version_info[:2]}|".encode())
    digest.update(record_hashes(conn).encode())
    return digest.hexdigest()


def _as_set(posting) -> frozenset:
    """Return a posting (a tuple, or a common word's frozenset) as a frozenset."""
    return posting if isinstance(posting, frozenset) else frozenset(posting)


def _json_list(text: str | None) -> list:
    """Return a JSON list column (most are empty: skip the parser for those)."""
    return json.loads(text) if text and text != "[]" else []


def _is_number(token: str) -> bool:
    """Return True for a token of digits."""
    return token.isdigit()


def _signatures(word: str) -> tuple[str, str, str]:
    """Return the keys a word is filed under for fuzzy look-up (with its length)."""
    return (word[:2], "$" + word[-2:], word[0] + "^" + word[-1])


class Index:
    """An in-memory index of names, phones and licence numbers of every current record."""

    def __init__(self) -> None:
        self.recs: list[Rec] = []
        self.entries: list[tuple[int, tuple[str, ...], str]] = []  # (rec index, tokens, alias or "")
        self.joined: list[str] = []  # each entry's words without spaces
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.by_bucket: dict[tuple, list[str]] = defaultdict(list)
        self.by_sound: dict[str, str | tuple] = {}  # a word's sound key -> the index words with it
        # Whole name, phone, last 7 digits, licence -> one id (an int) or, once finished, a tuple.
        self.by_key: dict[str, int | tuple] = {}
        self.e164: dict[str, int | tuple] = {}
        self.suffix: dict[str, int | tuple] = {}
        self.licences: dict[str, int | tuple] = {}
        self._more: dict[tuple[str, str], list[int]] = {}  # (table, key) -> every id, for keys with several
        self.countries: set[str] = set()
        self.stats: Index = self
        self.common = COMMON_MIN
        self._weights: dict[str, float] = {}
        self._similar: dict[tuple[str, bool], tuple] = {}

    # --- building --------------------------------------------------------------------------

    def add(self, rec: Rec, key: str, alias_keys: list[str], aliases: list[str],
            licences: list[str], phones: list[tuple[str, str]]) -> None:
        """Add one record with its name key, alias keys, licence keys and (e164, national) phones."""
        self._adder()(rec, key, alias_keys, aliases, licences, phones)

    def _adder(self):
        """Return a function adding one record (as `add`), with the tables bound once for speed."""
        recs, entries, joined_of, postings, countries = self.recs, self.entries, self.joined, self.postings, self.countries
        by_key, licence_ids, e164_ids, suffix_ids, more = self.by_key, self.licences, self.e164, self.suffix, self._more
        intern = sys.intern

        def put(table: dict, name: str, key: str, value: int) -> None:
            """File an id under a key (several ids for one key are kept apart until finish)."""
            if (first := table.setdefault(key, value)) != value:
                ids_ = more.setdefault((name, key), [first])
                if value not in ids_:
                    ids_.append(value)

        def add(rec: Rec, key: str, alias_keys: list[str], aliases: list[str],
                licences: list[str], phones: list[tuple[str, str]]) -> None:
            i = len(recs)
            recs.append(rec)
            countries.add(rec.country)
            for tokens, alias in ((key, ""), *zip(alias_keys, aliases)) if alias_keys else ((key, ""),):
                toks = tuple(map(intern, tokens.split()))  # one string per distinct word
                if too_short(toks):
                    continue  # "A" cut from "(FORMERLY A…": one or two letters never match alone
                e = len(entries)
                entries.append((i, toks, alias))
                joined_of.append(joined := "".join(toks))
                if by_key.setdefault(joined, e) != e:
                    put(by_key, "by_key", joined, e)
                for t in set(toks) if len(toks) > 1 else toks:
                    postings[t].append(e)
            for lk in licences:
                if lk and licence_ids.setdefault(lk, i) != i:
                    put(licence_ids, "licences", lk, i)
            if phones:
                for e164, _national in phones:
                    if e164_ids.setdefault(e164, i) != i:
                        put(e164_ids, "e164", e164, i)
                    if len(digits := e164.lstrip("+")) >= 7 and suffix_ids.setdefault(digits[-7:], i) != i:
                        put(suffix_ids, "suffix", digits[-7:], i)
                rec.phones = tuple(e for e, _ in phones)

        return add

    def finish(self) -> "Index":
        """Build the fuzzy-lookup buckets and token weights once all records are in."""
        self.by_bucket.clear()
        by_sound: dict[str, list[str]] = defaultdict(list)
        for tok in self.postings:
            if len(tok) >= 3 and not _is_number(tok):
                n = len(tok)
                for sig in _signatures(tok):
                    self.by_bucket[(n, sig)].append(tok)
                if sk := sound_key(tok):
                    by_sound[sys.intern(sk)].append(tok)  # interned: a loaded snapshot dumps the same bytes
        self.by_sound = {k: v[0] if len(v) == 1 else tuple(v) for k, v in by_sound.items()}
        self._sizes()
        for (table, key), values in self._more.items():
            getattr(self, table)[key] = tuple(values)
        self._more = {}
        # Most words are on one entry: keep a bare int for those, a tuple for the rest (less memory),
        # and a frozenset for a common word: a query only checks its candidates against that.
        common = self.common
        self.postings = {k: v[0] if len(v) == 1 else tuple(v) if len(v) <= common else frozenset(v)
                         for k, v in self.postings.items()}
        return self

    def _sizes(self) -> None:
        """Set what follows from the index's size: entry count, common-word threshold, calling codes."""
        self.n_entries = max(1, len(self.entries))
        self.common = max(COMMON_MIN, int(self.n_entries * COMMON_SHARE))
        self.calling_codes = sorted({phonenumbers.country_code_for_region(r) for r in self.countries if r} - {0})

    # --- snapshot: the finished index stored with the registry, loaded instead of rebuilt ----

    def to_snapshot(self) -> bytes:
        """Return the finished index as bytes (marshal: plain tuples, lists, dicts and strings)."""
        recs = [(r.id, r.source, r.list_kind, r.name, r.status, r.status_group, r.status_date,
                 r.expires_on, r.country, r.data_as_of, r.phones) for r in self.recs]
        return marshal.dumps((recs, self.entries, self.joined, self.postings, self.by_key, self.e164,
                              self.suffix, self.licences, dict(self.by_bucket), sorted(self.countries), self.by_sound))

    @classmethod
    def from_snapshot(cls, blob: bytes) -> "Index":
        """Return the index a snapshot holds (only ever read from the registry file it was made for)."""
        idx = cls()
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            (recs, idx.entries, idx.joined, idx.postings, idx.by_key, idx.e164, idx.suffix, idx.licences,
             buckets, countries, idx.by_sound) = marshal.loads(blob)
            idx.recs = [Rec(*r) for r in recs]
        finally:
            if gc_was_on:
                gc.enable()
        idx.by_bucket = defaultdict(list, buckets)
        idx.countries = set(countries)
        idx._sizes()
        return idx

    @classmethod
    def from_connection(cls, conn) -> "Index":
        """Return the registry's index: its stored snapshot when that was made from exactly these
        records (by this normaliser and index format), else built from the records."""
        from verifier.registry import read_match_snapshot
        if (blob := read_match_snapshot(conn, registry_fingerprint(conn))) is not None:
            try:
                return cls.from_snapshot(blob)
            except (ValueError, EOFError, TypeError):  # damaged: the records are still there
                pass
        return cls.from_rows(conn)

    @classmethod
    def from_rows(cls, conn) -> "Index":
        """Build the index from the records of an open registry database."""
        from verifier.registry import iter_agencies
        return cls.from_records(iter_agencies(conn))

    @classmethod
    def from_records(cls, rows) -> "Index":
        """Build the index from (agencies row as registry.INDEX_COLUMNS, [(e164, national)]) pairs."""
        idx = cls()
        shared = {}.setdefault  # source, kind, status, dates...: few distinct values, one string each
        add = idx._adder()
        gc_was_on = gc.isenabled()
        gc.disable()  # hundreds of thousands of small objects, no cycles: collection only slows the build
        try:
            for row, phones in rows:
                (rid, source, kind, name, aliases, key, alias_keys, lic, other_ids, status, group,
                 sdate, expires, country, as_of, norm_version) = row
                aliases_l = _json_list(aliases)
                keys = _json_list(alias_keys)
                if norm_version != NORM_VERSION:  # stored keys from another normaliser version: recompute
                    key, keys = name_key(name).key, [name_key(a).key for a in aliases_l]
                # The fields many records share, looked up as one (source, kind, status, ...).
                source, kind, status, group, sdate, expires, country, as_of = shared(
                    fields := (source, kind, status, group, sdate, expires, country, as_of), fields)
                add(Rec(rid, source, kind, name, status, group, sdate, expires, country, as_of),
                    key, keys, aliases_l, [lic, *_json_list(other_ids)], phones)
            return idx.finish()
        finally:
            if gc_was_on:
                gc.enable()

    # --- statistics --------------------------------------------------------------------------

    def weight(self, token: str) -> float:
        """Return how much a token tells apart (inverse document frequency; numbers weigh more)."""
        if (w := self.stats._weights.get(token)) is None:
            w = self.weights((token,))[0]
        return w

    def weights(self, tokens) -> list[float]:
        """Return the weights of several tokens (kept once worked out, up to WEIGHT_CACHE words:
        queries bring words no list has, and a worker runs for months)."""
        cache = self.stats._weights
        out = []
        for t in tokens:
            if (w := cache.get(t)) is None:
                if len(cache) >= WEIGHT_CACHE:
                    cache.clear()
                w = cache[t] = self._weight(t)
            out.append(w)
        return out

    def _weight_for_df(self, df: int) -> float:
        """Return the weight of a word on `df` entries."""
        return math.log(1 + self.stats.n_entries / max(df, 1))

    def _weight(self, token: str) -> float:
        """Compute a token's weight from the statistics index."""
        w = self._weight_for_df(len(ids(self.stats.postings, token)))
        if _is_number(token):
            w = max(w, 4.0)
        if token in GENERIC:
            w = min(w, 1.5)
        return max(w, 0.5)

    def similar_tokens(self, token: str, sound: bool = False) -> tuple[tuple[str, float], ...]:
        """Return index words alike to a query word, with their similarity 0-1 (kept for the words
        asked most: an index never changes, and queries share their common words)."""
        cache = self._similar
        if (out := cache.get((token, sound))) is None:
            if len(cache) >= SIMILAR_CACHE:
                cache.clear()
            out = cache[token, sound] = tuple(self._similar_tokens(token, sound))
        return out

    def _similar_tokens(self, token: str, sound: bool) -> list[tuple[str, float]]:
        """Return index words alike to a query word, with their similarity 0-1.

        Candidates are the words of about the same length that share the first two letters, the
        last two, or the first and last letter (one or two typos leave one of these intact); only
        those are compared, so the cost grows with a bucket, not with the vocabulary.
        """
        out = [(token, 1.0)] if token in self.postings else []
        cutoff = token_cutoff(token)
        if cutoff > 100:
            return out
        n = len(token)  # the lengths a word can have and still reach the cutoff, within SPREAD letters
        lengths = range(max(n - SPREAD, math.ceil(n * cutoff / (200 - cutoff))),
                        min(n + SPREAD, math.floor(n * (200 - cutoff) / cutoff)) + 1)
        choices: list[str] = []
        buckets = self.by_bucket
        for sig in _signatures(token):
            for m in lengths:
                choices += buckets.get((m, sig), ())
        seen = {token}
        for tok, score, _ in process.extract(token, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=24):
            if tok not in seen:  # a word can sit in two of the buckets
                seen.add(tok)
                out.append((tok, score / 100))
        out = out[:21]
        sounds = self.by_sound.get(sound_key(token), ()) if sound else ()  # "manpauer" sounds as "manpover"
        for tok in (sounds,) if isinstance(sounds, str) else sounds[:SOUND_FANOUT]:
            if tok not in seen:
                seen.add(tok)
                out.append((tok, SOUND_SAME / 100))
        return out

    def split_entries(self, token: str) -> dict[int, float]:
        """Return entries holding two words that a query word is, written together ("sapakadri"),
        with the weight of both; only for a word the index does not have as one."""
        if len(token) < 6 or not token.isascii() or _is_number(token) or token in self.postings:
            return {}
        postings, out = self.postings, {}
        for k in range(3, len(token) - 2):
            left, right = token[:k], token[k:]
            if left in postings and right in postings:
                w = (self.weight(left) + self.weight(right)) * SPLIT_SIM
                a, b = ids(postings, left), ids(postings, right)
                for e in _as_set(a).intersection(b):
                    out[e] = max(out.get(e, 0.0), w)
        return out

    # --- stage 1: candidates ----------------------------------------------------------------

    def find_candidates(self, tokens: tuple[str, ...], limit: int = CANDIDATES, sound: bool = False) -> list[int]:
        """Return entry numbers sharing rare exact or fuzzy words with the query, best first.

        Each index word alike to a query word adds to the entries it is on the query word's weight
        times their similarity (a typo's weight is guessed from how common its look-alikes are),
        so a rare look-alike never outweighs the word itself. Two neighbouring query words written
        together in a record, or one query word that a record writes as two, count too. Walking a
        posting list is the costly part: each query word's best match opens candidates first, then
        the other rare matches until WALK entries are open; when every query word is common
        ("global manpower" with a typo) the entries holding the best matches of its rarest words
        together are opened instead (a set intersection). Common words then only add weight to the
        candidates already open. Of the POOL best, those with few other words go first, and a few
        places are kept for the names most alike letter by letter.
        """
        postings, common, weight = self.postings, self.common, self.weight
        found: dict[str, float] = {}  # index word -> what it adds to an entry
        firsts: dict[str, None] = {}  # each query word's best match
        anchors: dict[str, None] = {}  # each query word, or the most common of its best look-alikes
        spelled: list[str] = []
        alikes: list[list[str]] = []  # per query word, the index words it may be a typo of
        for t in tokens:
            matches = self.similar_tokens(t, sound)
            alikes.append([m for m, _ in matches[:ONE_EDIT_ALIKES]] + self._short_alikes(t))
            if not matches:
                continue
            if matches[0][0] == t:
                base = weight(t)
            else:
                base = self._weight_for_df(sum(len(ids(postings, m)) for m, _ in matches))
            for tok, sim in matches:
                if base * sim > found.get(tok, 0.0):
                    found[tok] = base * sim
            firsts[max(matches, key=lambda m: (m[1], len(ids(postings, m[0]))))[0]] = None
            near = [m for m, sim in matches if sim >= matches[0][1] - 0.1] if matches[0][0] != t else [t]
            anchors[anchor := max(near, key=lambda m: len(ids(postings, m)))] = None
            spelled.append(anchor)
        for a, b in zip(tokens, tokens[1:]):  # written apart in the query, together in the record
            if a.isascii() and b.isascii():
                cap = weight(a) + weight(b)
                for tok, sim in self.similar_tokens(a + b, sound):
                    if (w := min(weight(tok), cap) * sim) > found.get(tok, 0.0):
                        found[tok] = w
        acc: dict[int, float] = defaultdict(float)
        walked, rest = 0, []
        for tok in sorted(found, key=lambda tok: (tok not in firsts and tok not in anchors, len(ids(postings, tok)))):
            posting = ids(postings, tok)
            if len(posting) <= common and (walked < WALK or tok in firsts or tok in anchors):
                walked += len(posting)
                w = found[tok]
                for e in posting:
                    acc[e] += w
            else:
                rest.append((tok, posting))
        unopened = sorted((ids(postings, t) for t in anchors if len(ids(postings, t)) > common), key=len)
        if unopened and len(unopened) == len(anchors):  # only common words: open what holds them together
            opened, most = unopened[0], max(OPEN_MIN, int(self.n_entries * OPEN_SHARE))
            for more in unopened[1:]:
                if len(opened) <= most:
                    break
                opened = _as_set(opened) & more
            for e in opened if len(opened) <= most else ():
                acc[e] += 0.0  # weighed below, with the other common words
        for t in tokens:
            for e, w in self.split_entries(t).items():
                acc[e] += w
        for tok, posting in rest:
            if acc:
                w = found[tok]
                for e in _shared(acc, posting):
                    acc[e] += w
        # The whole name as typed is always a candidate, and so is the name its words' look-alikes
        # spell (a typo in a name made only of common words).
        exact = [*ids(self.by_key, "".join(tokens)), *ids(self.by_key, "".join(spelled)),
                 *self._one_word_off(tokens, alikes)]
        floor = max(acc.values()) * PRUNE if acc else 0.0  # candidates sharing little of the query are not scored
        best = sorted(acc, key=acc.__getitem__, reverse=True)  # (ties in the order they were found)
        best = best[:min(POOL, bisect.bisect_right(best, -floor, key=lambda e: -acc[e]))]
        if len(best) > limit:
            # Many alike (one shared word): prefer those without many other words, and keep a few
            # places for those most alike letter by letter once spaces are dropped.
            entries, q_weight = self.entries, sum(map(weight, tokens))
            keys = [acc[e] / (q_weight + TYPICAL_WEIGHT * len(entries[e][1])) for e in best]
            ranked = [best[k] for k in sorted(range(len(best)), key=keys.__getitem__, reverse=True)]
            best, others = ranked[:limit - LETTER_SLOTS], ranked[limit - LETTER_SLOTS:]
            best += [others[k] for _, _, k in process.extract(
                "".join(tokens), [self.joined[e] for e in others], scorer=fuzz.ratio, limit=LETTER_SLOTS)]
        return [*dict.fromkeys(exact), *(e for e in best if e not in exact)]

    def _short_alikes(self, token: str) -> list[str]:
        """Return index words one edit from a number, or from a two-letter word ("sk" -> "sky"),
        which fuzzy look-up leaves alone."""
        if token.isdigit():
            return _digit_edits(token, self.postings)
        if len(token) >= 5 and token.isascii() and token not in self.postings:
            return self._end_alikes(token)
        if len(token) != 2 or not token.isascii():
            return []
        buckets = self.by_bucket
        words = [*buckets.get((3, token), ()), *buckets.get((3, "$" + token), ()), *buckets.get((3, token[0] + "^" + token[1]), ())]
        return list(dict.fromkeys(words))[:ONE_EDIT_ALIKES]

    def _end_alikes(self, token: str) -> list[str]:
        """Return index words that a word is with its last letter left out or changed, once folding
        read that letter anew ("agenc" folds to "agenk", not to "agensi"): too far for fuzzy look-up."""
        head, buckets = token[:-1], self.by_bucket
        words = [w for m in (len(token), len(token) + 1) for w in buckets.get((m, token[:2]), ())
                 if w.startswith(head) and w != token]
        return words[:ONE_EDIT_ALIKES]

    def _one_word_off(self, tokens: tuple[str, ...], alikes: list[list[str]]) -> list[int]:
        """Return entries whose whole name is the query with one word replaced by a look-alike, or
        left out: a one-letter typo of a listed name is always a candidate, however common its words."""
        out: list[int] = []
        by_key = self.by_key
        for k, options in enumerate(alikes):
            head, tail = "".join(tokens[:k]), "".join(tokens[k + 1:])
            for m in (*options, ""):
                if m != tokens[k]:
                    out += ids(by_key, head + m + tail)
        return out

    # --- searches ----------------------------------------------------------------------------

    def search_name(self, query: NameKey, limit: int = CANDIDATES) -> list[Hit]:
        """Return hits for a name, one per record, best score first."""
        if too_short(query.tokens):
            return []
        sound = "transliterated" in query.notes  # English heard and written in Cyrillic
        scorer = NameScorer(query.tokens, self.weights, sound)
        best: dict[int, tuple[int, bool, int]] = {}  # record -> (score, same, entry)
        candidates = self.find_candidates(query.tokens, limit, sound)
        scorer.prime(w for e in candidates for w in self.entries[e][1])
        for e in candidates:
            ri, toks, _ = self.entries[e]
            score, same, _ = scorer.score(toks, explain=False)
            if ri not in best or score > best[ri][0]:
                best[ri] = (score, same, e)
        hits = []
        for ri, (score, same, e) in best.items():
            if score >= SIMILAR_THRESHOLD:  # only what is shown is explained
                _, toks, alias = self.entries[e]
                explain = scorer.score(toks)[2]
                if alias:
                    explain.insert(0, f"matched the former or other name {alias!r}")
                hits.append(Hit(self.recs[ri], score, same, ["name"], alias or self.recs[ri].name,
                                [*query.notes, *explain]))
        return sorted(hits, key=lambda h: (-h.same, -h.score))

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


def _digit_edits(number: str, postings: dict) -> list[str]:
    """Return the index's numbers one digit away from a number (a digit dropped, added or changed)."""
    edits = {number[:i] + number[i + 1:] for i in range(len(number))}
    edits |= {number[:i] + d + number[i:] for i in range(len(number) + 1) for d in "0123456789"}
    edits |= {number[:i] + d + number[i + 1:] for i in range(len(number)) for d in "0123456789"}
    return [e for e in edits if e and e != number and e in postings]


def too_short(tokens: tuple[str, ...]) -> bool:
    """Return True for a name of under three letters or digits (a Chinese character counts two)."""
    return sum(2 if t >= "\u3400" else len(t) for t in tokens) < 3

"""Building the name index: records in, postings, fuzzy buckets and sound keys out; and the snapshot
a refresh stores with the registry so that a process loads the finished index instead of building it."""
from __future__ import annotations

import gc
import hashlib
import json
import marshal
import sys
from collections import defaultdict
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path

import phonenumbers

from verifier.names import pieces
from verifier.names.normalize import NORM_VERSION, name_key
from verifier.names.phonetic import sound_key
from verifier.names.postings import COMMON_MIN, COMMON_SHARE, Rec, _is_number, _signatures, too_short

# The modules whose code decides what a finished index holds: a snapshot built by other code is not loaded.
INDEX_MODULES = ("postings.py", "build.py", "lookalike.py", "candidates.py", "match.py", "pieces.py")


@lru_cache(maxsize=1)
def _code_version() -> str:
    """Return a hash of the index's code: an index built by other code is not loaded."""
    digest = hashlib.sha1()
    for name in INDEX_MODULES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def registry_fingerprint(conn) -> str:
    """Return what a snapshot must have been made from: every current record's id and content hash
    (which covers its names, keys, status and phones), the normaliser version, the code that
    builds the index, and the Python that reads it (marshal's format)."""
    from verifier.registry import record_hashes
    digest = hashlib.sha1(f"{NORM_VERSION}|{_code_version()}|{marshal.version}|{sys.version_info[:2]}|".encode())
    digest.update(record_hashes(conn).encode())
    return digest.hexdigest()


def _values_in_key_order(table: dict, keys) -> list:
    """Return a table's values, once sure its keys are `keys` in order of first appearance: a loaded
    snapshot then gives it those very strings (`_keyed`) instead of a copy of each read on its own."""
    if list(table) != list(dict.fromkeys(keys)):
        raise ValueError("a table's keys are not the strings it is rebuilt from")
    return list(table.values())


def _keyed(strings, values: list) -> dict:
    """Return the dict of `strings` (each once, in order of first appearance) to `values`, filled a
    piece at a time so that other threads run between pieces."""
    out = dict.fromkeys(s for s in strings)  # a generator: the interpreter can switch threads inside
    if len(out) != len(values):
        raise ValueError("a stored table does not fit its keys")
    keys = iter(list(out))  # setting the values of its own keys: the dict keeps its size and order
    for start in range(0, len(values), pieces.PIECE):
        out.update(zip(islice(keys, pieces.PIECE), values[start:start + pieces.PIECE]))
    return out


def _json_list(text: str | None) -> list:
    """Return a JSON list column (most are empty: skip the parser for those)."""
    return json.loads(text) if text and text != "[]" else []


class IndexBuild:
    """The building half of the index: its tables, how records go in, and its snapshot."""


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
        self.stats: IndexBuild = self
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

    def finish(self) -> "IndexBuild":
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
        """Return the finished index as bytes (marshal in pieces: plain tuples, lists, dicts and strings)."""
        recs = [(r.id, r.source, r.list_kind, r.name, r.status, r.status_group, r.status_date,
                 r.expires_on, r.country, r.data_as_of, r.phones) for r in self.recs]
        # A whole name is a key of by_key and a phone one of e164: those two are stored as values only.
        by_key = _values_in_key_order(self.by_key, self.joined)
        e164 = _values_in_key_order(self.e164, chain.from_iterable(r.phones for r in self.recs))
        return pieces.dumps((recs, self.entries, self.joined, self.postings, by_key, e164,
                             self.suffix, self.licences, dict(self.by_bucket), sorted(self.countries), self.by_sound))

    @classmethod
    def from_snapshot(cls, blob: bytes) -> "IndexBuild":
        """Return the index a snapshot holds (only ever read from the registry file it was made for)."""
        idx = cls()
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            (recs, idx.entries, idx.joined, idx.postings, by_key, e164, idx.suffix, idx.licences,
             buckets, countries, idx.by_sound) = pieces.loads(blob)  # other threads run between pieces
            idx.recs = [Rec(*r) for r in recs]
            idx.by_key = _keyed(idx.joined, by_key)
            idx.e164 = _keyed(chain.from_iterable(r.phones for r in idx.recs), e164)
        finally:
            if gc_was_on:
                gc.enable()
        idx.by_bucket = defaultdict(list, buckets)
        idx.countries = set(countries)
        idx._sizes()
        return idx

    @classmethod
    def from_connection(cls, conn) -> "IndexBuild":
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
    def from_rows(cls, conn) -> "IndexBuild":
        """Build the index from the records of an open registry database."""
        from verifier.registry import iter_agencies
        return cls.from_records(iter_agencies(conn))

    @classmethod
    def from_records(cls, rows) -> "IndexBuild":
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

"""Candidate records for a name: entries sharing the query's words or their look-alikes, entries
whose words joined together match (a name written as one word or two), and the whole name one word
off; ranked by the weight of what they share, then scored (`score.NameScorer`) into hits."""
from __future__ import annotations

import bisect
from collections import defaultdict

from rapidfuzz import fuzz, process

from verifier.names.normalize import NameKey
from verifier.names.postings import (CANDIDATES, LETTER_SLOTS, ONE_EDIT_ALIKES, OPEN_MIN, OPEN_SHARE, POOL, PRUNE, SPLIT_SIM,
                                     TYPICAL_WEIGHT, WALK, Hit, _as_set, _is_number, _shared, ids,
                                     too_short)
from verifier.names.score import SIMILAR_THRESHOLD, NameScorer


class Candidates:
    """The part of the index that finds and scores candidate records for a name."""

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

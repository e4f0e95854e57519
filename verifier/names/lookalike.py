"""Look-alike words: how much a word tells apart (its weight), and which index words look or sound
like a query word (fuzzy buckets, one edit from a short word or a number, a word cut at its end)."""
from __future__ import annotations

import math

from rapidfuzz import fuzz, process

from verifier.names.phonetic import sound_key
from verifier.names.postings import (ONE_EDIT_ALIKES, SIMILAR_CACHE, SOUND_FANOUT, SPREAD, WEIGHT_CACHE, _is_number,
                                     _signatures, ids)
from verifier.names.score import GENERIC, SOUND_SAME, token_cutoff


class LookAlikes:
    """The part of the index that weighs words and finds their look-alikes."""

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


def _digit_edits(number: str, postings: dict) -> list[str]:
    """Return the index's numbers one digit away from a number (a digit dropped, added or changed)."""
    edits = {number[:i] + number[i + 1:] for i in range(len(number))}
    edits |= {number[:i] + d + number[i:] for i in range(len(number) + 1) for d in "0123456789"}
    edits |= {number[:i] + d + number[i + 1:] for i in range(len(number)) for d in "0123456789"}
    return [e for e in edits if e and e != number and e in postings]

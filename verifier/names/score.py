"""Score a record's name against a query: an explainable alignment of their words.

The second of the matcher's stages (`match.find_candidates` finds the records, this scores them,
`check` builds the answer): which query word aligned with which record word, how alike they are
(spelling, or sound for English written in Cyrillic), what either name has that the other lacks,
and whether the two names are the same agency.
"""
from __future__ import annotations

from rapidfuzz import fuzz, process

from verifier.names.normalize import name_key
from verifier.names.phonetic import sound_key

SAME_THRESHOLD = 88      # a name scoring at least this, with no distinguishing extra token, is "the same"
SIMILAR_THRESHOLD = 70   # below this a record is not shown as similar
TOKEN_MATCH = 75         # two words (of 3+ letters) at least this alike are aligned
TOKEN_MATCH_LONG = 70    # the same for words of 7+ letters, where one typo may change two folded letters
JOINED_SAME = 92         # names whose letters agree this well once spaces are dropped are alike
LETTERS_ALIKE = 84       # names this alike letter by letter (spaces dropped) score at least that
SOUND_SAME = 90          # what two words that sound the same ("manpower", "манпауэр") count for
SOUND_SHORT = 84         # ... when their sound key is under SOUND_KEY_MIN letters ("avart", "iort": "art")
SOUND_KEY_MIN = 5
SOUND_NEAR = 88          # sound keys (5+ letters) this alike align, at SOUND_SAME of their likeness
GENERIC = frozenset(name_key(w).tokens[0] for w in (
    "services", "service", "international", "manpower", "agency", "recruitment", "employment",
    "resources", "human", "global", "overseas", "placement", "consultancy", "consultants",
    "management", "enterprises", "trading", "development", "general", "philippines", "phils",
    "asia", "worldwide", "staffing", "kadry", "kadri", "employment agency", "centre", "center",
))


def token_cutoff(a: str, b: str = "") -> float:
    """Return how alike two words must be to align (exact only for numbers and 1-2 letters)."""
    n = min(len(a), len(b)) if b else len(a)
    if n < 3 or a.isdigit() or b.isdigit():  # ("".isdigit() is False)
        return 101.0
    return TOKEN_MATCH_LONG if n >= 7 else TOKEN_MATCH


def same_sound(key: str) -> float:
    """Return what two words with this same sound key count for: a short key ("art") is shared by
    too many words to make two names the same on its own."""
    return float(SOUND_SAME) if len(key) >= SOUND_KEY_MIN else float(SOUND_SHORT)


def _joinable(word: str) -> bool:
    """Return True for a word that may be written joined to its neighbour (letters, not a number)."""
    return word.isascii() and not word.isdigit()


def joined_alike(a: str, b: str, sound: bool = False) -> float:
    """Return how alike two words are once spaces are ignored (letters, or sound), 0 if not alike."""
    if (r := fuzz.ratio(a, b, score_cutoff=JOINED_SAME)) or len(a) < 5 or not sound:
        return r
    return same_sound(sa) if (sa := sound_key(a)) and sa == sound_key(b) else 0.0


def score_names(q: tuple[str, ...], c: tuple[str, ...], weight) -> tuple[int, bool, list[str]]:
    """Return a 0-100 score, whether the names are the same agency, and an explanation."""
    return NameScorer(q, lambda tokens: [weight(t) for t in tokens]).score(c)


class NameScorer:
    """Scores record names against one query: which words align, what differs, how much it weighs.

    It keeps, per record word, how that word aligns with the query's words: the candidates of one
    query share most of their words, so each pair of words is compared once.
    """

    def __init__(self, q: tuple[str, ...], weights, sound: bool = False) -> None:
        """`weights` gives the weights of several words (`match.Index.weights`)."""
        self.q, self.weights, self.sound = q, weights, sound
        self.wq = weights(q)
        self.total_q = sum(self.wq)
        # Two neighbouring query words, for a record that writes them as one ("men pover" / "manpover").
        self.q_joined = "".join(q)
        self.q_pairs = [(i, q[i] + q[i + 1]) for i in range(len(q) - 1) if _joinable(q[i]) and _joinable(q[i + 1])]
        self.memo: dict[str, list[tuple[float, tuple, int]]] = {}
        self.memo_pairs: dict[str, list[int]] = {}

    def prime(self, words) -> None:
        """Work out what record words align with: a query word alike in spelling, or (`sound`) in sound
        key, and two neighbouring query words written as one. One rapidfuzz call per query word for all
        the words at once: a query's candidates are scored together."""
        new = [b for b in dict.fromkeys(words) if b not in self.memo]
        if not new:
            return
        rows: dict[str, list] = {b: [] for b in new}
        sounds = [sound_key(b) for b in new] if self.sound else []
        joinable = [b for b in new if _joinable(b)]
        for i, a in enumerate(self.q):
            found: dict[str, float] = {a: 100.0} if a in rows else {}
            if token_cutoff(a) <= 100:
                for b, sim, _ in process.extract(a, new, scorer=fuzz.ratio, score_cutoff=TOKEN_MATCH_LONG, limit=None):
                    if b not in found and sim >= token_cutoff(a, b):
                        found[b] = sim
            if self.sound and (sa := sound_key(a)):
                for sb, r, k in process.extract(sa, sounds, scorer=fuzz.ratio, score_cutoff=SOUND_NEAR, limit=None):
                    if new[k] not in found and r == 100:
                        found[new[k]] = same_sound(sa)
                    elif new[k] not in found and min(len(sa), len(sb)) >= 5:
                        found[new[k]] = r * SOUND_SAME / 100
            for b, sim in found.items():
                rows[b].append((sim, (i,)))
        for i, ab in self.q_pairs if joinable else ():
            found = {b: sim for b, sim, _ in process.extract(ab, joinable, scorer=fuzz.ratio, score_cutoff=JOINED_SAME, limit=None)}
            if self.sound and len(ab) >= 5 and (sa := sound_key(ab)):
                found.update((b, same_sound(sa)) for b in joinable if b not in found and sound_key(b) == sa)
            for b, sim in found.items():
                rows[b].append((sim, (i, i + 1)))
        self.memo.update(rows)

    def _row(self, b: str) -> list[tuple[float, tuple]]:
        """Return (similarity, query positions) of what a record word aligns with (memoised)."""
        if b not in self.memo:
            self.prime((b,))
        return self.memo[b]

    def _singles(self, c: tuple[str, ...]) -> list[tuple[float, int, tuple, tuple]]:
        """Return every alignment of one record word with a query word (or two), best first."""
        pairs = [(sim, -len(qs), qs, (j,)) for j, b in enumerate(c) for sim, qs in self._row(b)]
        pairs.sort(reverse=True)
        return pairs

    def _with_joined(self, c: tuple[str, ...], singles: list) -> list[tuple[float, int, tuple, tuple]] | None:
        """Return the alignments with two record words the query writes as one added ("skai uei" /
        "skyway"), best first (single words before joined); None when there are none to add."""
        pairs = list(singles)
        exact = {j for sim, _, _, (j, *_) in singles if sim == 100}
        for j in range(len(c) - 1):
            if j not in exact and j + 1 not in exact and _joinable(c[j]) and _joinable(c[j + 1]):
                pairs += [(sim, -2, (i,), (j, j + 1)) for sim, i in self._pair_row(c[j] + c[j + 1])]
        if len(pairs) == len(singles):
            return None
        pairs.sort(reverse=True)
        return pairs

    def _pair_row(self, joined: str) -> list[tuple[float, int]]:
        """Return (similarity, query position) of the query words that two record words written as
        one are alike (memoised)."""
        if (row := self.memo_pairs.get(joined)) is None:
            row = self.memo_pairs[joined] = [(sim, i) for i, a in enumerate(self.q)
                                             if _joinable(a) and (sim := joined_alike(a, joined, self.sound))]
        return row

    def _align(self, c: tuple[str, ...], wc: list[float], pairs: list, explain: bool,
               sims: list | None = None) -> tuple[set, set, float, list[str]]:
        """Return the query and record words aligned one to one (best pairs first), their weight and why
        (and into `sims`, when given, each aligned pair: how alike, the query words, the record words)."""
        q, wq = self.q, self.wq
        used_q, used_c, aligned, why = set(), set(), 0.0, []
        for sim, _, qs, cs in pairs:
            if used_q.intersection(qs) or used_c.intersection(cs):
                continue
            used_q.update(qs)
            used_c.update(cs)
            aligned += sim / 100 * (sum(map(wq.__getitem__, qs)) + sum(map(wc.__getitem__, cs)))
            if sims is not None:
                sims.append((sim, " ".join(q[i] for i in qs), " ".join(c[j] for j in cs)))
            if explain:
                a, b = " ".join(q[i] for i in qs), " ".join(c[j] for j in cs)
                why.append(f"{a!r} = {b!r}" if sim == 100 else f"{a!r} ~ {b!r} ({sim:.0f})")
        return used_q, used_c, aligned, why

    def _may_join(self, c: tuple[str, ...], used_c: set) -> bool:
        """Return True when a record word left unaligned has a neighbour not equal to a query word."""
        q, last = self.q, len(c) - 1
        for j in range(last + 1):
            if j not in used_c and ((j > 0 and c[j - 1] not in q) or (j < last and c[j + 1] not in q)):
                return True
        return False

    def leftovers(self, c: tuple[str, ...]) -> tuple[list[str], list[str], list[tuple[float, str, str]]]:
        """Return the query words and the record words left unaligned (the same alignment `score` makes),
        and the aligned pairs: (how alike, query words, record words)."""
        sims: list[tuple[float, str, str]] = []
        extra_q, extra_c = self._alignment(c, self.weights(c), False, sims)[2:4]
        return [self.q[i] for i in extra_q], [c[j] for j in extra_c], sims

    def _alignment(self, c: tuple[str, ...], wc: list[float], explain: bool,
                   sims: list | None = None) -> tuple[float, list[str], list, list]:
        """Return the aligned weight, why, and the query and record positions left over."""
        q, wq = self.q, self.wq
        singles = self._singles(c)
        used_q, used_c, aligned, why = self._align(c, wc, singles, explain, sims)
        # A record word left over: it and a neighbour may be one query word.
        if self._may_join(c, used_c) and (pairs := self._with_joined(c, singles)):
            if sims is not None:
                sims.clear()
            used_q, used_c, aligned, why = self._align(c, wc, pairs, explain, sims)
        extra_q = [i for i in range(len(q)) if i not in used_q]
        extra_c = [j for j in range(len(c)) if j not in used_c]
        if extra_q and extra_c and not any(q[i].isdigit() for i in extra_q) and not any(c[j].isdigit() for j in extra_c):
            # Words split or joined differently ("sapakadri" / "sapa kadri"): compare what is left over.
            left_q, left_c = "".join(q[i] for i in extra_q), "".join(c[j] for j in extra_c)
            if joined := joined_alike(left_q, left_c, self.sound):
                if sims is not None:
                    sims.append((joined, "".join(q[i] for i in extra_q), "".join(c[j] for j in extra_c)))
                aligned += joined / 100 * (sum(wq[i] for i in extra_q) + sum(wc[j] for j in extra_c))
                if explain:
                    why.append(f"{' '.join(q[i] for i in extra_q)!r} ~ {' '.join(c[j] for j in extra_c)!r} "
                               f"with spaces ignored ({joined:.0f})")
                extra_q, extra_c = [], []
        return aligned, why, extra_q, extra_c

    def score(self, c: tuple[str, ...], explain: bool = True) -> tuple[int, bool, list[str]]:
        """Return a 0-100 score, whether the names are the same agency, and (if asked) why."""
        q = self.q
        wc = self.weights(c)
        aligned, why, extra_q, extra_c = self._alignment(c, wc, explain)
        total = self.total_q + sum(wc)
        score = 100 * aligned / total if total else 0.0
        same = score >= SAME_THRESHOLD
        if score < SAME_THRESHOLD and (letters := fuzz.ratio(self.q_joined, "".join(c), score_cutoff=max(score, LETTERS_ALIKE))):
            # A typo that folding made worse ("agenc" is "agenk", not "agensi") leaves a word unaligned:
            # the names still show as alike as their letters are (never as the same, on that alone).
            score = letters
            if explain:
                why.append(f"letters alike once spaces are dropped ({letters:.0f})")
        if extra_q:
            same = False
            if explain:
                why.append("query has words the record lacks: " + ", ".join(q[i] for i in extra_q))
        if extra_c:
            if explain:
                why.append("record has words the query lacks: " + ", ".join(c[j] for j in extra_c))
            if any(c[j].isdigit() or c[j] not in GENERIC for j in extra_c):
                same = False
        return round(min(score, 100)), same, why

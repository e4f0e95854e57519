"""The scorer's batched work gives what its word-by-word definition gives, on the real lists."""
import random

from rapidfuzz import fuzz

from verifier.names.normalize import name_key
from verifier.names.phonetic import sound_key
from verifier.names.score import SOUND_NEAR, SOUND_SAME, NameScorer, _joinable, joined_alike, same_sound, token_cutoff


def _sound_alike(a, b):
    """How alike two words sound, pair by pair: the same sound key, or keys of 5+ letters this alike."""
    sa, sb = sound_key(a), sound_key(b)
    if not sa or not sb:
        return 0.0
    if sa == sb:
        return same_sound(sa)
    if min(len(sa), len(sb)) >= 5 and (r := fuzz.ratio(sa, sb, score_cutoff=SOUND_NEAR)):
        return r * SOUND_SAME / 100
    return 0.0


def _lazy_row(q, b, sound):
    """The row of one record word as the scorer defines it, pair by pair: the same word, a word
    alike in spelling, else (sound) in sound; two neighbouring query words written as one."""
    row = []
    for i, a in enumerate(q):
        if a == b:
            row.append((100.0, (i,)))
        elif (cutoff := token_cutoff(a, b)) <= 100 and (sim := fuzz.ratio(a, b, score_cutoff=cutoff)):
            row.append((sim, (i,)))
        elif sound and (sim := _sound_alike(a, b)):
            row.append((sim, (i,)))
    if _joinable(b):
        row += [(sim, (i, i + 1)) for i in range(len(q) - 1)
                if _joinable(q[i]) and _joinable(q[i + 1]) and (sim := joined_alike(q[i] + q[i + 1], b, sound))]
    return sorted(row)


def test_primed_rows_equal_word_by_word_rows(engine):
    index = engine.loaded().index
    rng = random.Random(13)
    entries = rng.sample(index.entries, 400)
    words = sorted({w for _, toks, _ in index.entries for w in toks})
    checked = 0
    for _, toks, _ in entries:
        # the listed name, and the same with one word cut or changed by a letter (as typed)
        q = list(toks)
        k = rng.randrange(len(q))
        if len(q[k]) > 4:
            q[k] = q[k][:-1] if rng.random() < 0.5 else q[k][:2] + q[k][3:]
        for sound in (False, True):
            scorer = NameScorer(tuple(q), index.weights, sound)
            record_words = [w for _, c, _ in rng.sample(index.entries, 30) for w in c] + list(toks) + rng.sample(words, 30)
            scorer.prime(record_words)
            for b in record_words:
                assert sorted(scorer.memo[b]) == _lazy_row(tuple(q), b, sound), (q, b, sound)
                checked += 1
    assert checked > 20_000


def test_scores_do_not_depend_on_priming(engine):
    index = engine.loaded().index
    for query in ["Глобал Манпауэр Сервисез", "TOO Stroitehmontazh M", "Mellow Top Ltd", "Си Би Эс Манпауэр",
                  "Skyway Employment Agencie"]:
        key = name_key(query)
        sound = "transliterated" in key.notes
        candidates = index.find_candidates(key.tokens, sound=sound)
        primed = NameScorer(key.tokens, index.weights, sound)
        primed.prime(w for e in candidates for w in index.entries[e][1])
        lazy = NameScorer(key.tokens, index.weights, sound)
        for e in candidates:
            assert primed.score(index.entries[e][1]) == lazy.score(index.entries[e][1]), (query, index.entries[e][1])


def test_caches_kept_by_an_index_stay_bounded(engine):
    """A worker runs for months and queries bring words no list has: what an index keeps per word
    stays within its bound (made-up words)."""
    from verifier.names.postings import SIMILAR_CACHE, WEIGHT_CACHE
    index = engine.loaded().index
    for n in range(SIMILAR_CACHE + 50):
        index.similar_tokens(f"zq{n}x")
    assert 0 < len(index._similar) <= SIMILAR_CACHE
    index.weights(f"zq{n}w" for n in range(WEIGHT_CACHE + 50))
    assert 0 < len(index.stats._weights) <= WEIGHT_CACHE

"""What the name index keeps and shares between its parts: the record kept per entry (`Rec`), a
record found (`Hit`), the tuning numbers, and the helpers that read a posting (one id, a tuple of
ids, or a common word's frozenset)."""
from __future__ import annotations

from dataclasses import dataclass, field

from verifier.names.normalize import too_few_letters

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


def _as_set(posting) -> frozenset:
    """Return a posting (a tuple, or a common word's frozenset) as a frozenset."""
    return posting if isinstance(posting, frozenset) else frozenset(posting)


def _is_number(token: str) -> bool:
    """Return True for a token of digits."""
    return token.isdigit()


def too_short(tokens: tuple[str, ...]) -> bool:
    """Return True for a name of under three letters or digits (the name key's one rule: a Chinese
    character counts two)."""
    return too_few_letters(tokens)


def _signatures(word: str) -> tuple[str, str, str]:
    """Return the keys a word is filed under for fuzzy look-up (with its length)."""
    return (word[:2], "$" + word[-2:], word[0] + "^" + word[-1])

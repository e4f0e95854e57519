"""Marshal in pieces: the stored match index is written as many small marshalled pieces.

`marshal.loads` holds the interpreter lock for as long as it runs (about a second for the whole
index of 100k records), so a worker loading a new registry in a background thread would stall its
requests for that long. Read piece by piece (at most PIECE items each), the other threads run
between pieces.
"""
from __future__ import annotations

import marshal
from itertools import chain

PIECE = 10_000  # items of one list or dict per piece: a few milliseconds to read


def dumps(parts: tuple) -> bytes:
    """Return lists and dicts as one blob of their pieces, each marshalled on its own."""
    return marshal.dumps([[marshal.dumps(piece) for piece in _split(part)] for part in parts])


def loads(blob: bytes) -> list:
    """Return the lists and dicts of a blob made by `dumps`, reading one piece at a time."""
    return [_join([marshal.loads(piece) for piece in pieces]) for pieces in marshal.loads(blob)]


def _split(part) -> list:
    """Return a list or dict cut into pieces of at most PIECE items (one empty piece when it is empty)."""
    if isinstance(part, dict):
        items = list(part.items())
        return [dict(items[i:i + PIECE]) for i in range(0, len(items), PIECE)] or [{}]
    return [list(part[i:i + PIECE]) for i in range(0, len(part), PIECE)] or [[]]


def _join(pieces: list):
    """Return the pieces of one list or dict joined, in their order."""
    if isinstance(pieces[0], dict):
        joined = pieces[0]
        for piece in pieces[1:]:
            joined.update(piece)
        return joined
    return list(chain.from_iterable(pieces))

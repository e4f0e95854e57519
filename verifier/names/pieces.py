"""Marshal in pieces: the stored match index is written as many small marshalled pieces.

`marshal.loads` holds the interpreter lock for as long as it runs (about a second for the whole
index of 100k records), so a worker loading a new registry in a background thread would stall its
requests for that long. Read piece by piece (about PIECE values each), the other threads run
between pieces.

A blob is the length of its table of contents (4 bytes), the table (each part's piece lengths,
marshalled) and the pieces one after another. Each piece is read where it lies in the blob (a
memoryview, not a copy): copies of every piece, freed once read, would leave the heap full of holes
that the process keeps (about 40 MB at 100k records).
"""
from __future__ import annotations

import marshal
from itertools import accumulate, chain

PIECE = 2_000  # values per piece: a few milliseconds to read (about 15 ms at most at 100k records)
HEAD = 4  # bytes holding the table of contents' length


def dumps(parts: tuple) -> bytes:
    """Return lists and dicts as one blob of their pieces, each marshalled on its own."""
    marshalled = [[marshal.dumps(piece) for piece in _split(part)] for part in parts]
    table = marshal.dumps([[len(piece) for piece in part] for part in marshalled])
    return b"".join([len(table).to_bytes(HEAD, "little"), table, *chain.from_iterable(marshalled)])


def loads(blob: bytes) -> list:
    """Return the lists and dicts of a blob made by `dumps`, reading one piece at a time."""
    return [_join([marshal.loads(piece) for piece in part]) for part in views(blob)]


def views(blob: bytes) -> list[list[memoryview]]:
    """Return each part's marshalled pieces as views into the blob (no copies)."""
    view = memoryview(blob)
    start = HEAD + int.from_bytes(view[:HEAD], "little")
    out = []
    for lengths in marshal.loads(view[HEAD:start]):
        ends = list(accumulate(lengths, initial=start))
        out.append([view[a:b] for a, b in zip(ends, ends[1:])])
        start = ends[-1]
    return out


def _split(part) -> list:
    """Return a list or dict cut into pieces of about PIECE values each (a dict's item counts its
    collection's size: a common word's long posting fills a piece alone); one empty piece when empty."""
    if not isinstance(part, dict):
        return [list(part[i:i + PIECE]) for i in range(0, len(part), PIECE)] or [[]]
    out, piece, size = [], {}, 0
    for key, value in part.items():
        piece[key] = value
        size += 1 + (len(value) if isinstance(value, (tuple, list, set, frozenset)) else 0)
        if size >= PIECE:
            out.append(piece)
            piece, size = {}, 0
    return [*out, piece] if piece or not out else out


def _join(pieces: list):
    """Return the pieces of one list or dict joined, in their order."""
    if isinstance(pieces[0], dict):
        joined = pieces[0]
        for piece in pieces[1:]:
            joined.update(piece)
        return joined
    return list(chain.from_iterable(pieces))

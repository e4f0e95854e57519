"""One flag as the scan gives it: its code, strength and the words of the text it rests on."""
from __future__ import annotations

from verifier.offers.rules import rules
from verifier.offers.text import Doc


def flag_dict(doc: Doc, code: str, first: int, last: int, strength: int | None = None) -> dict:
    """Give one flag as {"code", "quote", "start", "end", "strength"} quoting the original text."""
    start, end = doc.tokens[first].start, doc.tokens[last].end
    return {"code": code, "quote": doc.original[start:end], "start": start, "end": end,
            "strength": rules().flags[code].strength if strength is None else strength}

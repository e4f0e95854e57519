"""Payment card numbers in a text: found in the ways people write them, and masked wherever a text
is shown again (the marked offer, "you checked", the CLI, the API's quotes and entities).

A card is 13 to 19 digits passing the Luhn check, written in one run or in groups: 4-4-4-4 (with a
last group of up to 3 more digits), Amex 4-6-5, Diners 4-6-4 or 4-12, separated by one or two
spaces (ordinary, non-breaking, narrow or thin), a dash, a dot or a slash. Masking replaces every
digit but the last four with "•" and keeps the separators, so the text keeps its length and every
offset into it (a flag's start and end) still points at the same words.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterable

MASK = "\u2022"
_SPACE = "[ \u00a0\u2007\u2009\u202f]"
_SEP = rf"(?:{_SPACE}{{1,2}}|{_SPACE}?[-./\u2010-\u2013]{_SPACE}?)"
_GROUPED = (rf"\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{4}}", rf"\d{{4}}{_SEP}\d{{6}}{_SEP}\d{{4,5}}",
            rf"\d{{4}}{_SEP}\d{{12}}", rf"\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{4}}{_SEP}\d{{1,3}}", r"\d{13,19}")
# The body of a card, then an optional last group (the 3 digits of a 19-digit 4-4-4-4-3).
CARD_RE = re.compile(rf"(?<!\d)(?P<body>{'|'.join(_GROUPED)})(?P<tail>{_SEP}\d{{1,3}})?(?!\d)")
_FOUR_DIGITS = re.compile(r"\d{4}")
_RUN_OF_FOUR = re.compile(r"\d\d{3,}")  # a run of 4 or more digits (its first digit lets the regex skip ahead)


def matches_at(rx: re.Pattern, text: str, starts: Iterable[int]):
    """Yield the matches rx.finditer(text) gives, trying rx only at `starts`: ascending positions that
    hold every place a match of rx can begin (rx never matches empty)."""
    done = 0
    for at in starts:
        if at >= done and (m := rx.match(text, at)) is not None:
            done = m.end()
            yield m


def at_digit_runs(rx: re.Pattern, text: str):
    """Yield the matches rx.finditer(text) gives, for a regex whose every match begins a run of four or
    more digits (a digit before it excluded by a lookbehind): rx is tried only where such a run begins,
    not at every character."""
    return matches_at(rx, text, (run.start() for run in _RUN_OF_FOUR.finditer(text)))


def luhn_ok(digits: str) -> bool:
    """Tell whether a string of 13 to 19 digits passes the Luhn check."""
    if not 13 <= len(digits) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _digits(text: str) -> str:
    """Give the digits of a text, in order."""
    return re.sub(r"\D", "", text)


def find_cards(text: str) -> list[tuple[int, int]]:
    """Give the (start, end) of every card number in the text, in order."""
    spans = []
    if len(text) < 13 or _FOUR_DIGITS.search(text) is None:
        return spans  # every card is at least 13 characters and opens with four digits in a row
    for m in at_digit_runs(CARD_RE, text):
        if m.group("tail") and luhn_ok(_digits(m.group(0))):
            spans.append((m.start(), m.end()))
        elif luhn_ok(_digits(m.group("body"))):
            spans.append((m.start(), m.end("body")))
    return spans


def _masked(number: str) -> str:
    """Give a written card number with every digit but the last four replaced by the mask."""
    keep = len(_digits(number)) - 4
    out = []
    for ch in number:
        if ch.isdigit() and keep > 0:
            ch, keep = MASK, keep - 1
        out.append(ch)
    return "".join(out)


def mask_cards(text: str) -> str:
    """Give the text with every card number masked but its last four digits (same length)."""
    if not isinstance(text, str):
        return text
    pieces, last = [], 0
    for start, end in find_cards(text):
        pieces += [text[last:start], _masked(text[start:end])]
        last = end
    return "".join(pieces) + text[last:] if pieces else text


def mask_result(value: Any) -> Any:
    """Give a result (dicts, lists and strings, nested) with card numbers masked in every string.

    A result none of whose strings holds a card is given back as it is, told by one search of its
    JSON text: a card is digits and separators that JSON writes as they are (ensure_ascii off), and
    the quotes around each string stop a card as the start or end of a string does."""
    if isinstance(value, (dict, list, tuple)) and not find_cards(json.dumps(value, ensure_ascii=False, default=str)):
        return value
    return _masked_result(value)


def _masked_result(value: Any) -> Any:
    """Give a result with card numbers masked in every string, read to its end."""
    if isinstance(value, str):
        return value if len(value) < 13 else mask_cards(value)  # no card is shorter than 13 characters
    if isinstance(value, dict):
        return {k: _masked_result(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_masked_result(v) for v in value)
    return value

"""Agency names found by the word after them ("… Ltd", "… Recruitment"), read backwards word by word.

A regex of the form (Capitalised-word space){1,5} Ltd tries every start position and, over a long
run of joined capitals or digits ("1-1-1-…"), reads the whole run again from each: quadratic. Here
the legal form or agency word is found first (a regex of plain words, linear), and the words
before it are read backwards, at most MAX_WORDS of at most MAX_WORD characters each.
"""
from __future__ import annotations

import re

MAX_WORD = 64
MAX_WORDS = 5
_OPENERS = "([{«“„\"'"


class Span:
    """A found name shaped like a regex match: group(0), start(), end()."""

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def group(self, _: int = 0) -> str:
        """Give the name's text."""
        return self._text[self._start:self._end]

    def start(self) -> int:
        """Give where the name begins."""
        return self._start

    def end(self) -> int:
        """Give where the name ends."""
        return self._end


class LookBack:
    """Names made of 1..max_words words matching `word` (each after a space or tab) before a `suffix`."""

    def __init__(self, suffix: re.Pattern, word: re.Pattern, max_words: int = MAX_WORDS):
        self.suffix, self.word, self.max_words = suffix, word, max_words

    def finditer(self, text: str):
        """Yield the names, in order of their suffix."""
        for m in self.suffix.finditer(text):
            first = self._first_word(text, m.start())
            if first is None and (" " in m.group(0) or "\t" in m.group(0)):
                first = m.start()  # "Manpower Agency": a run of agency words is a name by itself
            if first is not None:
                yield Span(text, first, m.end())

    def _first_word(self, text: str, pos: int) -> int | None:
        """Give where the run of name words ending at pos begins, or None when there is none."""
        first, words = None, 0
        while words < self.max_words:
            end = pos
            while end > 0 and text[end - 1] in " \t" and pos - end <= MAX_WORD:
                end -= 1
            start = end
            while start > 0 and not text[start - 1].isspace() and end - start <= MAX_WORD:
                start -= 1
            if end == pos or start == end or end - start > MAX_WORD:
                break
            lead = len(text[start:end]) - len(text[start:end].lstrip(_OPENERS))
            if not self.word.fullmatch(text, start + lead, end):
                break
            first, pos, words = start + lead, start, words + 1
            if lead:
                break
        return first

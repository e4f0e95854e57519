"""A notice that warns about lures quotes them: the quoted examples are not the offer's own terms.

"ВНИМАНИЕ! Мошенники пишут: «Паспорт сдаёте нам на хранение»", "SCAM ALERT ... "Come on a tourist
visa"": a text that warns (the [context] words of flags.toml: scam, мошенник, алаяқ, firibgar...)
and quotes phrases, or lists them after ❌, raises no flag from inside those quotes, and no
restricted route (it names the route to warn about it).
"""
from __future__ import annotations

import bisect
import re

from verifier.offers.rules import rules
from verifier.offers.rules.match import sentences_matching
from verifier.offers.text import Budget, Doc

# «…», “…”, „…“ and "…" on one line, or a line opening with a cross: an example quoted to warn about it
QUOTED_RE = re.compile(r"«[^»\n]{3,400}»|“[^”\n]{3,400}”|„[^“”\n]{3,400}[“”]|\"[^\"\n]{3,400}\"|^[ \t]*[❌⛔🚫✖✗].{3,400}$", re.M)


def warned_sentences(doc: Doc, budget: Budget) -> set[int]:
    """Give the sentences that warn about a thing rather than offer it (read once per doc)."""
    if "warned" not in doc.memo:
        doc.memo["warned"] = sentences_matching(doc, list(rules().context), budget) | denied_questions(doc)
    return doc.memo["warned"]


# the first word of an answer that denies the question before it ("Нужно ли отдавать паспорт? Нет.")
DENIALS = frozenset(("нет", "no", "nope", "never", "none", "ничего", "никогда", "жоқ", "ешқашан", "ештеңе",
                     "yo'q", "йўқ", "hech", "ҳеч"))


def denied_questions(doc: Doc) -> set[int]:
    """Give the sentences that ask a question the next sentence answers "no" to (a FAQ: "Do I pay
    the agency anything? No."): the question offers nothing."""
    out: set[int] = set()
    tokens = doc.tokens
    for i in range(len(tokens) - 1):
        t, nxt = tokens[i], tokens[i + 1]
        if (nxt.sentence == t.sentence + 1 and nxt.kind == "word" and nxt.text.lower() in DENIALS
                and doc.text[t.end:nxt.start].strip().startswith("?")):
            out.add(t.sentence)
    return out


def quoted_spans(doc: Doc, budget: Budget) -> list[tuple[int, int]]:
    """Give the character spans a warning notice quotes (none when the text warns about nothing)."""
    if not warned_sentences(doc, budget):
        return []
    budget.tick(len(doc.original) // 64 + 1)
    return [m.span() for m in QUOTED_RE.finditer(doc.original)]


def drop_quoted(flags: list[dict], spans: list[tuple[int, int]]) -> list[dict]:
    """Give the flags that do not rest on a quoted example (and no restricted route in a notice)."""
    if not spans:
        return flags
    starts = [s for s, _ in spans]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]
    return [f for f in flags if f["code"] != "restricted_route" and not inside(f["start"])]

"""Paste an offer: the red flags of a job ad, every agency, phone and licence in it checked, and
where the job is. The text is read, never stored or logged."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from verifier.deadline import Deadline, TimeUp, stop_if_over
from verifier.offers.cards import mask_cards, mask_result
from verifier.offers.extract import find_entities
from verifier.i18n import N_, pick_language, translate
from verifier.offers.permits import permit_guidance
from verifier.offers.rules import FLAG_CODES, HIGH_FLAGS, Stream, read_stream, rules, texts

MAX_TEXT = 20_000
CHECKED_KINDS = {"agency": "name", "phone": "phone", "licence": "licence"}
MAX_CHECKS = 12  # entities checked per offer; a longer list is shown unchecked
SIMILAR_NAME_ONLY = N_("No signs of fraud found. The risk comes from a name on a list: a firm named here is "
                       "only similar to a listed one, so it is not confirmed. Ask for its full registered "
                       "name and its BIN or licence number, and check again.")


class ScanTimeout(TimeUp):
    """A scan stopped between its steps: past its deadline, or its asker has gone."""


def _sentence_starts(stream: Stream) -> list[int]:
    """Give where each sentence of the stream's text begins."""
    return [0] + [m.end() for m in re.finditer(r"\|", stream.text)]


def _sentence(stream: Stream, starts: list[int], pos: int) -> str:
    """Give the sentence of the stream's text holding position pos."""
    i = bisect.bisect_right(starts, pos) - 1
    end = starts[i + 1] - 1 if i + 1 < len(starts) else len(stream.text)
    return stream.text[starts[i]:end]


def _span(stream: Stream, start: int, end: int) -> tuple[int, int]:
    """Give the original text's span of the stream words between start and end."""
    first = bisect.bisect_right(stream.starts, start) - 1
    last = bisect.bisect_right(stream.starts, max(start, end - 1)) - 1
    return stream.spans[first][0], stream.spans[last][1]


def _amount_ok(words: str) -> bool:
    """Tell whether a matched phrase names pay at or above the too-good line."""
    r = rules()
    for m in re.finditer(r"(\d+) (" + r.money_re + ")|(" + r.money_re + r") (\d+)", words):
        number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        rate = next((v for k, v in r.money.items() if unit.startswith(k)), 0)
        if int(number[:12]) * rate >= r.min_usd:
            return True
    return False


@dataclass
class WordIndex:
    """Where each distinct word of a stream begins, with the words sorted for prefix look-ups."""
    words: list[str]
    where: dict[str, list[int]]

    @classmethod
    def of(cls, stream: Stream) -> "WordIndex":
        """Give the index of a stream's words."""
        where: dict[str, list[int]] = {}
        for word, start in zip(stream.text.split(" "), stream.starts):
            where.setdefault(word, []).append(start)
        return cls(sorted(where), where)

    def starts(self, stems: tuple[str, ...]) -> list[int]:
        """Give where the words starting with any of the stems begin, in order."""
        found = []
        for stem in stems:
            i = bisect.bisect_left(self.words, stem)
            while i < len(self.words) and self.words[i].startswith(stem):
                found += self.where[self.words[i]]
                i += 1
        return sorted(set(found))


def _matches(pattern: re.Pattern, stems, stream: Stream, index: WordIndex):
    """Give the pattern's matches, tried only where its first word can begin."""
    if stems is None:
        yield from pattern.finditer(stream.text)
        return
    for pos in index.starts(stems):
        if m := pattern.match(stream.text, pos):
            yield m


def _first_hit(code: str, patterns: list, cancel, stream: Stream, starts: list[int], index: WordIndex):
    """Give the (start, end) in the stream of a flag's first valid match, joined with the matches
    overlapping it, skipping sentences that cancel the flag or warn about it; None if none."""
    r, hits = rules(), []
    for stems, pattern in patterns:
        for m in _matches(pattern, stems, stream, index):
            if code == "too_good" and not _amount_ok(m.group(0)):
                continue
            sentence = _sentence(stream, starts, m.start())
            if r.context.search(sentence) or (cancel is not None and cancel.search(sentence)):
                continue
            hits.append((m.start(), m.end()))
            break
    if not hits:
        return None
    start, end = min(hits)
    return start, max(e for s, e in hits if s < end)


_UNSET = object()


def find_flags(text: str, stream: Stream | None = None, country=_UNSET) -> list[dict]:
    """Give the red flags of a text as {"code", "quote", "start", "end"}, each quoting its words."""
    r, stream = rules(), stream or read_stream(text)
    starts, words = _sentence_starts(stream), WordIndex.of(stream)
    found = []
    for code, (patterns, cancel) in r.flags.items():
        hit = _first_hit(code, patterns, cancel, stream, starts, words)
        if hit is None and code == "too_good":
            hit = _first_hit(code + "_always", r.always_too_good, None, stream, starts, words)
        if hit is not None:
            start, end = _span(stream, *hit)
            found.append({"code": code, "quote": text[start:end], "start": start, "end": end})
    found += _route_flags(text, stream, find_destination(stream) if country is _UNSET else country)
    return sorted(found, key=lambda f: FLAG_CODES.index(f["code"]))


def find_destination(stream: Stream) -> str | None:
    """Give the country code named most in the text (ties: the first named; home countries last)."""
    counts: dict[str, list[int]] = {}
    for m in rules().country_re.finditer(stream.text):
        counts.setdefault(m.lastgroup, [0, -m.start()])[0] += 1
    for cc in ("KZ", "UZ", "KG", "TJ"):
        if cc in counts:
            counts[cc][0] -= 1
    return max(counts, key=lambda cc: tuple(counts[cc])) if counts else None


def _route_flags(text: str, stream: Stream, country: str | None) -> list[dict]:
    """Give `restricted_route` when the job's country and work run only through a government channel."""
    out = []
    for route in rules().routes:
        if route["country"] != country or route["official_re"].search(stream.text):
            continue
        if m := route["work_re"].search(stream.text):
            start, end = _span(stream, m.start(), m.end())
            out.append({"code": "restricted_route", "quote": text[start:end], "start": start, "end": end})
    return out


def _destination(cc: str | None, lang: str) -> dict | None:
    """Give the job's country with where to confirm an agency there, or None."""
    if cc is None:
        return None
    c = rules().countries[cc]
    return {"country": cc, "name": c["name"].get(lang, c["name"]["en"]),
            "rules": [{"text": rl.get(lang, rl["en"]), "source_url": rl["source_url"], "as_of": rl["as_of"] or None}
                      for rl in c.get("rules", [])]}


def _check_entities(entities: list[dict], engine, lang: str, deadline: float | None = None) -> None:
    """Put the check result beside every agency, phone and licence (None for other kinds)."""
    from verifier.check import QueryError
    done: dict[tuple, dict | None] = {}
    bound = {"deadline": deadline} if deadline is not None else {}  # engines without deadlines work too
    for e in entities:
        field = CHECKED_KINDS.get(e["kind"])
        key = (field, e["value"])
        if field and key not in done and len(done) < MAX_CHECKS:
            try:
                done[key] = engine.check(**{field: e["value"]}, lang=lang, **bound)
            except QueryError:
                done[key] = None
            except TimeUp as stopped:
                raise ScanTimeout(str(stopped)) from stopped
        e["result"] = done.get(key) if field else None


def decide_risk(flags: list[dict], entities: list[dict]) -> str:
    """Give high, medium or low by the issue's rules."""
    results = [e["result"] for e in entities if e["result"]]
    if any(f["code"] in HIGH_FLAGS for f in flags) or any(r["risk"] == "high" for r in results):
        return "high"
    agencies = [e for e in entities if e["kind"] == "agency"]
    phones = [e for e in entities if e["kind"] == "phone"]
    if flags or not agencies or any(not e["result"] or e["result"]["verdict"] != "licensed" for e in agencies):
        return "medium"
    ids = {m["agency_id"] for e in agencies for m in e["result"]["matches"][:3] if m.get("identifies", m["same"])}
    for e in phones:
        if not e["result"] or not {m["agency_id"] for m in e["result"]["matches"]} & ids:
            return "medium"
    return "low"


def scan(text: str, lang: str = "en", engine=None, *, deadline: float | None = None,
         should_stop=None) -> dict:  # engine: the caller's (verifier.engine.Engine)
    """Give the scan of one offer: risk, summary, flags, entities with checks, destination (card
    numbers masked); ScanTimeout between two steps once time.monotonic() passes `deadline` or
    `should_stop()` is true."""
    deadline = Deadline.at(deadline, should_stop) if deadline is not None or should_stop else None
    lang = pick_language(lang)
    stream = read_stream(text)
    words = texts(lang)
    stop_if_over(deadline, ScanTimeout)
    country = find_destination(stream)
    stop_if_over(deadline, ScanTimeout)
    flags = find_flags(text, stream, country)
    shown = mask_cards(text)  # a quote cut inside a card number shows no more of it than the text does
    for f in flags:
        f.update(label=words["flags"][f["code"]]["label"], advice=words["flags"][f["code"]]["advice"],
                 quote=shown[f["start"]:f["end"]])
    stop_if_over(deadline, ScanTimeout)
    entities = find_entities(text)
    stop_if_over(deadline, ScanTimeout)
    _check_entities(entities, engine, lang, deadline) if engine is not None else [e.setdefault("result", None) for e in entities]
    risk = decide_risk(flags, entities)
    as_of = [r["data_as_of"] for e in entities if (r := e["result"]) and r.get("data_as_of")]
    # A name only like a listed one (at most medium): say the risk is that name, not signs of fraud.
    name_only = risk == "medium" and not flags and any(
        e["kind"] == "agency" and e["result"] and e["result"]["verdict"] == "similar" for e in entities)
    return mask_result({"ok": True, "risk": risk, "summary": translate(lang, SIMILAR_NAME_ONLY) if name_only else words["summary"][risk],
            "flags": [{k: f[k] for k in ("code", "label", "quote", "start", "end", "advice")} for f in flags],
            "entities": entities, "destination": _destination(country, lang),
            "permits": permit_guidance(stream, entities, lang),
            "disclaimer": words["disclaimer"], "data_as_of": min(as_of) if as_of else None, "lang": lang})

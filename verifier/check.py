"""One function that builds the result dict every view renders (HTML, JSON API, widget, CLI)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from verifier import registry, timeline
from verifier.advice import answer_parts
from verifier.deadline import TimeUp, stop_if_over
from verifier.humanize import grouped_phone
from verifier.i18n import N_, pick_language, translate
from verifier.names.identity import apply_identity
from verifier.names.match import Hit, Rec, read_numbers
from verifier.names.normalize import NameKey, clean_text, name_key, too_short_to_match
from verifier.names.numbers import licence_key, looks_like_phone, phone_digits
from verifier.names.score import score_names
from verifier.offers.extract import LICENCE_RE, read_query, text_regions
from verifier.records import number_kind
from verifier.registry import ListsNotLoaded, Loaded
from verifier.verdict import VERDICTS, decide_verdict, effective_group

if TYPE_CHECKING:  # annotations only: the engine calls this module, not the reverse
    from verifier.engine import Engine

MAX_QUERY = 300        # characters in one field; longer input is refused, not cut
MAX_MATCHES = 10


class CheckTimeout(TimeUp):
    """A check stopped between its steps: past its deadline, or its asker has gone."""


class QueryError(ValueError):
    """The query cannot be checked (empty, too long); the message says why, in the query's language."""

    def __init__(self, message: str, params: dict | None = None, lang: str = "en"):
        super().__init__(message)
        self.message, self.params, self.lang = message, params or {}, lang

    def __str__(self) -> str:
        params = dict(self.params)
        if "label" in params:
            params["label"] = translate(self.lang, FIELD_LABELS.get(params["label"], params["label"]))
        return translate(self.lang, self.message, params)


def _field(value, label: str, lang: str = "en") -> str:
    """Return a cleaned query field, or raise QueryError when it is too long."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise QueryError(N_("{label} must be text"), {"label": label}, lang)
    if len(value) > MAX_QUERY:
        raise QueryError(N_("{label} is too long: at most {max} characters"), {"label": label, "max": MAX_QUERY}, lang)
    return clean_text(value, MAX_QUERY)


@dataclass
class Query:
    """A query read once: the fields as typed, and what is looked up (name key, phones, licences)."""
    fields: dict
    name: str = ""
    phones: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()
    key: NameKey | None = None
    looks_like_offer: bool = False

    @property
    def parsed(self) -> dict:
        """Return how the query was read, as the result shows it."""
        return {"name": self.name, "phones": list(self.phones), "licences": list(self.licences)}


def parse_query(q=None, name=None, phone=None, licence=None, lang: str = "en",
                regions: tuple[str, ...] = ()) -> Query:
    """Return the query read into the name, phones and licence numbers to look up; local numbers
    in the box are read in the text's own regions first, then in `regions` in turn."""
    fields = {k: _field(v, k, lang) for k, v in (("q", q), ("name", name), ("phone", phone), ("licence", licence))}
    if not any(fields.values()):
        raise QueryError(N_("empty query: give a name, phone number or licence number"), {}, lang)
    home = regions[0] if regions else None  # VERIFIER_REGION: the box reads numbers as the scan does
    box = (read_query(fields["q"], tuple(dict.fromkeys([*text_regions(fields["q"], home), *regions])))
           if fields["q"] else {"name": "", "phones": [], "licences": []})
    if not any(ch.isalpha() for ch in box["name"]):
        box["name"] = ""  # the digits of a number no region reads ("27 82 459 0744") are not a name
    if fields["q"] and not box["phones"] and not LICENCE_RE.search(fields["q"]) and looks_like_phone(fields["q"]):
        box["phones"] = [fields["q"]]  # a number no region reads alone: tried with every country code
    name_text = fields["name"] or box["name"]
    phones = tuple(dict.fromkeys([*([fields["phone"]] if fields["phone"] else []), *box["phones"]]))
    licences = tuple(dict.fromkeys([*([fields["licence"]] if fields["licence"] else []), *box["licences"]]))
    key = name_key(name_text) if name_text else None
    short = key is not None and too_short_to_match(key)
    if short and not (phones or licences):
        raise QueryError(N_("too short: give more of the name, or a phone or licence number"), {}, lang)
    return Query(fields, name_text, phones, licences, None if short else key, bool(box.get("looks_like_offer")))


def _merge(hits: list[Hit]) -> list[Hit]:
    """Return one hit per record, joining what each search found."""
    merged: dict[str, Hit] = {}
    for h in hits:
        if (m := merged.get(h.rec.id)) is None:
            merged[h.rec.id] = Hit(h.rec, h.score, h.same, list(h.matched_on), h.matched_value, list(h.explain))
            continue
        m.matched_on += [x for x in h.matched_on if x not in m.matched_on]
        m.explain += h.explain
        m.same = m.same or h.same
        if h.score > m.score:
            m.score, m.matched_value = h.score, h.matched_value
    # A record found several ways (name and phone, name and BIN) first, then those it identifies.
    return sorted(merged.values(), key=lambda h: (-(h.same or h.matched_on != ["name"]) * len(h.matched_on),
                                                  -h.score))


def read_phones(query: Query, region: str, countries) -> list[tuple[list[tuple[str, ...]], str]]:
    """Return each phone of a query read once: its possible E.164 readings, likeliest first, and
    its bare digits (for numbers no region reads)."""
    return [(list(read_numbers(p, region, countries)), phone_digits(p)) for p in query.phones]


def find_hits(query: Query, loaded: Loaded, region: str, deadline: float | None = None) -> list[Hit]:
    """Return merged hits for a read query from the registry and any extra lists (CheckTimeout
    when the deadline passes between two lists)."""
    hits: list[Hit] = []
    phones = read_phones(query, region, loaded.index.countries)
    licences = [k for k in dict.fromkeys(licence_key(x) for x in query.licences) if k]
    for idx in (loaded.index, *loaded.extra_indexes):
        stop_if_over(deadline, CheckTimeout)
        if query.key is not None:
            hits += idx.search_name(query.key)
        for readings, digits in phones:
            found = next((h for numbers in readings if (h := idx.search_numbers(numbers))), None)
            hits += found if found is not None else idx.search_numbers((), digits)
        for key in licences:
            hits += idx.search_licence_key(key)
    return _merge(hits)


def _local_now(tz: str) -> str:
    """Return the time now in the configured zone, with its offset."""
    try:
        zone = ZoneInfo(tz)
    except (KeyError, ValueError, OSError):
        zone = ZoneInfo("UTC")
    return datetime.now(zone).replace(microsecond=0).isoformat()


def publisher(src: dict, source_id: str, lang: str) -> str:
    """Return who publishes a source, in the reader's language (its name, or its id, when not known)."""
    return translate(lang, src.get("publisher") or src.get("name") or source_id)


def source_line(src: dict, lang: str) -> dict:
    """Return what a result shows of one source searched: names, date, health."""
    return {"id": src["id"], "name": translate(lang, src.get("name") or src["id"]),
            "publisher": publisher(src, src["id"], lang),
            "kind": src.get("kind"), "country": src.get("country"), "data_as_of": src.get("data_as_of"),
            "last_success": src.get("last_success"), "health": src.get("health")}


def status_label(group: str, status: str | None, lang: str) -> str:
    """Return a status in the reader's words, with the publisher's own wording after it."""
    words = translate(lang, STATUS_GROUPS.get(group, group))
    status = translate(lang, status) if status else status
    return f"{words} ({status})" if status and status.lower() != words.lower() else words


def _match_dict(engine: "Engine", h: Hit, group: str, lang: str) -> dict:
    """Return one entry of the result's `matches`."""
    src = engine.source(h.rec.source)
    return {
        "agency_id": h.rec.id, "name": h.rec.name, "source": h.rec.source,
        "source_name": publisher(src, h.rec.source, lang),
        "source_url": src.get("url", ""), "list_kind": h.rec.list_kind, "country": h.rec.country,
        "licence_label": number_kind(src, h.rec.list_kind),
        "status": h.rec.status, "status_group": group, "status_label": status_label(group, h.rec.status, lang),
        "status_date": h.rec.status_date, "expires_on": h.rec.expires_on, "score": h.score, "same": h.same,
        "identifies": h.identifies, "identity_reason": h.identity_reason,
        "matched_on": h.matched_on, "matched_value": h.matched_value, "phones": list(h.rec.phones),
        "data_as_of": h.rec.data_as_of or src.get("data_as_of"), "explain": h.explain,
    }


def check(engine: "Engine", q=None, *, name=None, phone=None, licence=None, lang="en",
          deadline: float | None = None) -> dict:
    """Return the result dict for a query: verdict, risk, summary, reasons, matches, data_as_of;
    CheckTimeout when `deadline` (a time.monotonic() value) passes between two steps."""
    lang = pick_language(lang)
    loaded = engine.require_lists()
    query = parse_query(q, name, phone, licence, lang, (engine.region, *sorted(loaded.index.countries - {""})))
    hits = find_hits(query, loaded, engine.region, deadline)
    stop_if_over(deadline, CheckTimeout)
    identity = apply_identity(hits, query.key, loaded.index)
    decision = decide_verdict(hits, asked_phone=bool(query.phones), asked_name=query.key is not None,
                              identity=identity)
    searched = [source_line(s, lang) for s in engine.all_sources()]
    labels = {s["id"]: s["publisher"] for s in searched}

    def tr(message: str, params: dict) -> str:
        params = dict(params)
        if "source" in params:
            params["source"] = labels.get(params["source"], params["source"])
        if "how" in params:
            params["how"] = ", ".join(translate(lang, MATCHED_ON.get(w, w)) for w in params["how"].split(", "))
        for k in ("country", "form_country"):  # country names (identity reasons)
            if params.get(k):
                params[k] = translate(lang, params[k])
        if params.get("status"):  # a status the catalogues know (KGD's list names); others as published
            params["status"] = translate(lang, params["status"])
        return translate(lang, message, params)

    matches = [_match_dict(engine, h, decision.groups[h.rec.id], lang) for h in hits[:MAX_MATCHES]]
    timeline.attach(engine, loaded, matches, lang)
    stale = [s for s in searched if s["health"] in ("stale", "failed")]
    reasons = [tr(m, p) for m, p in decision.reasons] + timeline.explain(decision.summary, matches, lang)
    if query.looks_like_offer:
        reasons.insert(0, translate(lang, N_("This looks like a job offer: check the whole text on the offer page.")))
    if decision.verdict in ("not_found", "similar"):
        reasons.append(tr(N_("Lists searched: {lists}."), {"lists": "; ".join(_as_of(s, lang) for s in searched)}))
    as_of = {s["id"]: s["data_as_of"] for s in searched}
    result = {
        "ok": True,
        "query": " · ".join(v for v in query.fields.values() if v),
        "input": {k: v for k, v in query.fields.items()},
        "parsed": query.parsed,
        "read_as": read_as(query, lang) if query.fields["q"] else "",
        "looks_like_offer": query.looks_like_offer,
        "verdict": decision.verdict,
        "verdict_label": translate(lang, VERDICTS[decision.verdict].label),
        "risk": decision.risk,
        "summary": tr(*decision.summary),
        "reasons": reasons,
        "notices": [_stale_notice(s, lang) for s in stale],
        "matches": matches,
        "data_as_of": (matches[0]["data_as_of"] if matches else None) or max(filter(None, as_of.values()), default=None),
        "sources_as_of": as_of,
        "snapshot": loaded.snapshot_name,  # the registry snapshot answered from (snapshot mode), else None
        "sources_searched": searched,
        "stale": stale,
        "checked_at": _local_now(engine.timezone),
        "lang": lang,
        "disclaimer": translate(lang, DISCLAIMER),
    }
    # One clear answer (why, advice, help lines, the notices that bear on it): verifier/advice.py.
    result.update(answer_parts(result, decision.summary, decision.reasons, tr, engine.region, engine.timezone))
    return result


def read_as(query: Query, lang: str) -> str:
    """Return how the box was read, in words: name «…», phone …, licence number …."""
    parts = [translate(lang, N_("name \u00ab{name}\u00bb"), {"name": query.name})] if query.name else []
    parts += [translate(lang, N_("phone {phone}"), {"phone": grouped_phone(p)}) for p in query.phones]
    parts += [translate(lang, N_("licence or registration number {number}"), {"number": n}) for n in query.licences]
    return translate(lang, N_("Read as: {parts}."), {"parts": ", ".join(parts)}) if parts else ""


def _as_of(src: dict, lang: str) -> str:
    """Return one searched list with its date, for the 'lists searched' line."""
    if not src["data_as_of"]:  # never "as of —"
        return f'{src["publisher"]} ({translate(lang, N_("date unknown"))})'
    return translate(lang, N_("{name}, as of {date}"), {"name": src["publisher"], "date": src["data_as_of"]})


def _stale_notice(src: dict, lang: str) -> str:
    """Return the line naming an out-of-date or failing list."""
    if src["health"] == "failed":
        return translate(lang, N_("{name}: the last update failed; data as of {date} — may be out of date."),
                         {"name": src["publisher"], "date": src["data_as_of"] or "—"})
    return translate(lang, N_("{name} last updated {date} — may be out of date."),
                     {"name": src["publisher"], "date": src["data_as_of"] or "—"})


FIELD_LABELS = {"q": N_("query"), "name": N_("name"), "phone": N_("phone"), "licence": N_("licence number"),
                "a": "a", "b": "b"}
MATCHED_ON = {"name": N_("name"), "phone": N_("phone"), "licence": N_("licence number")}
STATUS_GROUPS = {"valid": N_("valid"), "invalid": N_("not valid"), "warning": N_("warning list"),
                 "unknown": N_("status unknown"), "permit": N_("permit per an official notice")}
DISCLAIMER = N_("An independent check, not an official registry. Confirm with the official source before you act.")


def get_agency(engine: "Engine", agency_id: str, lang: str = "en") -> dict | None:
    """Return one record with its phones, status history and source, or None."""
    if not isinstance(agency_id, str) or len(agency_id) > 64:
        return None
    loaded = engine.loaded()
    with loaded.lock:
        d = registry.get_agency(loaded.conn, agency_id)
    if d is None:
        d = next((found for x in engine.extras if (found := x.get_agency(agency_id)) is not None), None)
        if d is None:
            return None
    src = d.pop("source_info", None) or engine.source(d["source"])
    rec = Rec(d["id"], d["source"], d["list_kind"], d["name"], d["status"], d["status_group"],
              d.get("status_date"), d.get("expires_on"), d.get("country", ""), d.get("data_as_of"))
    lang = pick_language(lang)
    group = effective_group(Hit(rec, 100, True))
    d.update(agency_id=d["id"], source_name=publisher(src, d["source"], lang), snapshot=loaded.snapshot_name,
             source_url=d.get("source_url") or src.get("url", ""), status_group=group,
             licence_label=number_kind(src, d["list_kind"]),
             status_label=status_label(group, d["status"], lang),
             data_as_of=d.get("data_as_of") or src.get("data_as_of"), lang=lang,
             events=timeline.shown(d.get("events") or [], lang))
    for key in ("name_key", "alias_keys", "record_hash", "norm_version", "licence_key"):
        d.pop(key, None)
    return d


def list_sources(engine: "Engine", lang: str = "en") -> list[dict]:
    """Return every source with publisher, record count, freshness and health; `title`, `publisher_label`
    and `note_label` say its name, publisher and note in the reader's language."""
    lang = pick_language(lang)
    return [{**s, "title": translate(lang, s.get("name") or s["id"]), "publisher_label": publisher(s, s["id"], lang),
             "note_label": translate(lang, s["note"]) if s.get("note") else ""} for s in engine.all_sources()]


def compare(engine: "Engine | None", a: str, b: str) -> dict:
    """Return how alike two names are: score 0-100, whether they are the same agency, and why."""
    ka, kb = name_key(_field(a, "a")), name_key(_field(b, "b"))
    try:
        weight = engine.loaded().index.weight if engine is not None else None
    except ListsNotLoaded:
        weight = None
    score, same, explain = score_names(ka.tokens, kb.tokens, weight or (lambda t: 1.0))
    notes = [f"a: {n}" for n in ka.notes] + [f"b: {n}" for n in kb.notes]
    return {"score": score, "same": same, "explain": notes + explain, "a": ka.key, "b": kb.key}

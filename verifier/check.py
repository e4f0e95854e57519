"""One function that builds the result dict every view renders (HTML, JSON API, widget, CLI)."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from . import registry
from .i18n import pick_language, translate
from .match import Hit, Index
from .normalize import clean_text, looks_like_licence, looks_like_phone, name_key
from .verdict import N_, decide_verdict

MAX_QUERY = 300        # characters in one field; longer input is refused, not cut
MAX_MATCHES = 10
DEFAULT_REGION = "KZ"  # the hotline's own country, for phone numbers typed without +


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


class ExtraSource(Protocol):
    """A list kept outside the registry database (the NGO's own warnings in the app database)."""

    def version(self) -> object: ...
    def build_index(self) -> Index | None: ...
    def get_agency(self, agency_id: str) -> dict | None: ...
    def sources(self) -> list[dict]: ...


EXTRA_SOURCES: list[ExtraSource] = []


@dataclass
class _State:
    """The process's registry connection and index, rebuilt when the database file is swapped."""
    path: Path | None = None
    identity: tuple = ()
    conn: object = None
    index: Index | None = None
    sources: dict | None = None
    extra_versions: tuple = ()
    extra_indexes: tuple = ()


_state = _State()
_lock = threading.Lock()


def _current() -> _State:
    """Return the state for the current registry file, reloading it after a swap."""
    path = registry.db_path()
    identity = registry.file_identity(path)
    with _lock:
        if _state.path != path or _state.identity != identity or _state.index is None:
            conn = registry.connect(path)
            index = Index.from_connection(conn)
            sources = {s["id"]: s for s in registry.list_sources(path, conn)}
            if _state.conn is not None:
                _state.conn.close()
            _state.path, _state.identity, _state.conn, _state.index, _state.sources = path, identity, conn, index, sources
            _state.extra_versions = ()
        versions = tuple(x.version() for x in EXTRA_SOURCES)
        if versions != _state.extra_versions:
            indexes = []
            for extra in EXTRA_SOURCES:
                if (idx := extra.build_index()) is not None:
                    idx.stats = _state.index
                    indexes.append(idx)
            _state.extra_versions, _state.extra_indexes = versions, tuple(indexes)
        return _state


def warm() -> None:
    """Build the match index now (before workers fork, so they share it)."""
    _current()


def _field(value, label: str, lang: str = "en") -> str:
    """Return a cleaned query field, or raise QueryError when it is too long."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise QueryError(N_("{label} must be text"), {"label": label}, lang)
    if len(value) > MAX_QUERY:
        raise QueryError(N_("{label} is too long: at most {max} characters"), {"label": label, "max": MAX_QUERY}, lang)
    return clean_text(value, MAX_QUERY)


def parse_query(q=None, name=None, phone=None, licence=None, lang: str = "en") -> dict:
    """Return the cleaned fields of a query, with the kind of `q` detected."""
    fields = {k: _field(v, k, lang) for k, v in (("q", q), ("name", name), ("phone", phone), ("licence", licence))}
    if not any(fields.values()):
        raise QueryError(N_("empty query: give a name, phone number or licence number"), {}, lang)
    kind = ""
    if fields["q"]:
        kind = "phone" if looks_like_phone(fields["q"]) else "licence" if looks_like_licence(fields["q"]) else "name"
    return {**fields, "type": kind}


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
    return sorted(merged.values(), key=lambda h: (-(h.same or len(h.matched_on) > 1 or h.matched_on != ["name"]), -h.score))


def find_hits(parts: dict, region: str = DEFAULT_REGION, state: _State | None = None) -> list[Hit]:
    """Return merged hits for a parsed query from the registry and any extra lists."""
    state = state or _current()
    hits: list[Hit] = []
    name_text = parts["name"] or (parts["q"] if parts["type"] == "name" else "")
    phone_text = parts["phone"] or (parts["q"] if parts["type"] == "phone" else "")
    licence_text = parts["licence"] or (parts["q"] if parts["type"] in ("licence", "phone") else "")
    key = name_key(name_text) if name_text else None
    for idx in (state.index, *state.extra_indexes):
        if key:
            hits += idx.search_name(key)
        if phone_text:
            hits += idx.search_phone(phone_text, region)
        if licence_text:
            hits += idx.search_licence(licence_text)
    return _merge(hits)


def _source_label(state: _State, source_id: str) -> dict:
    """Return what a match shows of its source."""
    src = (state.sources or {}).get(source_id)
    if src is None:
        for extra in EXTRA_SOURCES:
            src = next((s for s in extra.sources() if s["id"] == source_id), None)
            if src:
                break
    return src or {"id": source_id, "name": source_id, "url": ""}


def _match_dict(state: _State, h: Hit) -> dict:
    """Return one entry of the result's `matches`."""
    from .verdict import effective_group
    src = _source_label(state, h.rec.source)
    return {
        "agency_id": h.rec.id, "name": h.rec.name, "source": h.rec.source,
        "source_name": src.get("publisher") or src.get("name"), "source_url": src.get("url", ""),
        "list_kind": h.rec.list_kind, "country": h.rec.country, "status": h.rec.status,
        "status_group": effective_group(h), "status_date": h.rec.status_date,
        "expires_on": h.rec.expires_on, "score": h.score, "same": h.same,
        "matched_on": h.matched_on, "matched_value": h.matched_value, "phones": list(h.rec.phones),
        "data_as_of": h.rec.data_as_of or src.get("data_as_of"), "explain": h.explain,
    }


def check(q=None, *, name=None, phone=None, licence=None, lang="en", region=DEFAULT_REGION) -> dict:
    """Return the result dict for a query: verdict, risk, summary, reasons, matches, data_as_of."""
    lang = pick_language(lang)
    parts = parse_query(q, name, phone, licence, lang)
    state = _current()
    hits = find_hits(parts, region, state)
    decision = decide_verdict(hits, asked_phone=bool(parts["phone"] or parts["type"] == "phone"),
                              asked_name=bool(parts["name"] or parts["type"] == "name"))
    labels = {sid: (_source_label(state, sid).get("publisher") or _source_label(state, sid).get("name") or sid)
              for sid in {h.rec.source for h in hits}}

    def tr(message: str, params: dict) -> str:
        params = dict(params)
        if "source" in params:
            params["source"] = labels.get(params["source"], params["source"])
        if "how" in params:
            params["how"] = ", ".join(translate(lang, MATCHED_ON.get(w, w)) for w in params["how"].split(", "))
        return translate(lang, message, params)

    matches = [_match_dict(state, h) for h in hits[:MAX_MATCHES]]
    as_of = {sid: s.get("data_as_of") for sid, s in (state.sources or {}).items()}
    data_as_of = (matches[0]["data_as_of"] if matches else None) or min(filter(None, as_of.values()), default=None)
    return {
        "ok": True,
        "query": " · ".join(v for k, v in parts.items() if k != "type" and v),
        "input": parts,
        "verdict": decision.verdict,
        "verdict_label": translate(lang, VERDICT_LABELS[decision.verdict]),
        "risk": decision.risk,
        "summary": tr(*decision.summary),
        "reasons": [tr(m, p) for m, p in decision.reasons],
        "matches": matches,
        "data_as_of": data_as_of,
        "sources_as_of": as_of,
        "checked_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "lang": lang,
        "disclaimer": translate(lang, DISCLAIMER),
    }


VERDICT_LABELS = {
    "warning": N_("Warning list"), "licence_invalid": N_("Licence not valid"),
    "phone_mismatch": N_("Phone does not match"), "licensed": N_("Licensed"),
    "similar": N_("Similar names only"), "not_found": N_("Not found"),
}
FIELD_LABELS = {"q": N_("query"), "name": N_("name"), "phone": N_("phone"), "licence": N_("licence number"),
                "a": "a", "b": "b"}
MATCHED_ON = {"name": N_("name"), "phone": N_("phone"), "licence": N_("licence number")}
DISCLAIMER = N_("An independent check, not an official registry. Confirm with the official source before you act.")


def get_agency(agency_id: str, lang: str = "en") -> dict | None:
    """Return one record with its phones, status history and source, or None."""
    state = _current()
    if not isinstance(agency_id, str) or len(agency_id) > 64:
        return None
    with _lock:
        d = registry.get_agency(state.conn, agency_id)
    if d is None:
        for extra in EXTRA_SOURCES:
            if (d := extra.get_agency(agency_id)) is not None:
                break
        else:
            return None
    src = d.pop("source_info", None) or _source_label(state, d["source"])
    from .verdict import effective_group
    from .match import Rec
    rec = Rec(d["id"], d["source"], d["list_kind"], d["name"], d["status"], d["status_group"],
              d.get("status_date"), d.get("expires_on"), d.get("country", ""), d.get("data_as_of"))
    d.update(agency_id=d["id"], source_name=src.get("publisher") or src.get("name"),
             source_url=d.get("source_url") or src.get("url", ""),
             status_group=effective_group(Hit(rec, 100, True)),
             data_as_of=d.get("data_as_of") or src.get("data_as_of"), lang=pick_language(lang))
    for key in ("name_key", "alias_keys", "record_hash", "norm_version", "licence_key"):
        d.pop(key, None)
    return d


def list_sources() -> list[dict]:
    """Return every source with publisher, record count, freshness and health."""
    state = _current()
    rows = [dict(s) for s in (state.sources or {}).values()]
    for extra in EXTRA_SOURCES:
        rows += extra.sources()
    return rows


def compare(a: str, b: str) -> dict:
    """Return how alike two names are: score 0-100, whether they are the same agency, and why."""
    from .match import score_names
    ka, kb = name_key(_field(a, "a")), name_key(_field(b, "b"))
    try:
        weight = _current().index.weight
    except FileNotFoundError:
        weight = lambda t: 1.0  # noqa: E731 (no registry: every word weighs the same)
    score, same, explain = score_names(ka.tokens, kb.tokens, weight)
    notes = [f"a: {n}" for n in ka.notes] + [f"b: {n}" for n in kb.notes]
    return {"score": score, "same": same, "explain": notes + explain, "a": ka.key, "b": kb.key}

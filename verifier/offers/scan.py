"""Paste an offer: the red flags of a job ad, every agency, phone and licence in it checked, and
where the job is. The text is read, never stored or logged.

The work is bounded: the text is read once (offers/text.py) and every rule looks only where its
first word occurs. `scan(..., deadline=, should_stop=)` raises ScanTimeout between steps, and
`budget.steps` says how much work a scan did (the fuzzing test holds it to a line in the length).
"""
from __future__ import annotations

from verifier import DEFAULT_REGION
from verifier.deadline import Deadline, TimeUp
from verifier.i18n import N_, pick_language, translate
from verifier.offers.cards import mask_cards, mask_result
from verifier.offers.contact import firm_in, private_channel
from verifier.offers.destination import find_destination as _destination_of, place_of_work, route_flags
from verifier.offers.extract import find_entities
from verifier.offers.flags import sort_flags, text_flags
from verifier.offers.permits import permit_guidance
from verifier.offers.notice import drop_quoted, quoted_spans
from verifier.offers.phones import phone_regions
from verifier.offers.rules import ALWAYS_HIGH, HIGH, rules, texts
from verifier.offers.text import MAX_TEXT, Budget, Doc, ScanTimeout, read_doc

__all__ = ["MAX_TEXT", "Budget", "ScanTimeout", "scan", "find_flags", "find_destination", "decide_risk"]
CHECKED_KINDS = {"agency": "name", "phone": "phone", "licence": "licence"}
MAX_CHECKS = 12  # entities checked per offer; a longer list is shown unchecked
SIMILAR_NAME_ONLY = N_("No signs of fraud found. The risk comes from a name on a list: a firm named here is "
                       "only similar to a listed one, so it is not confirmed. Ask for its full registered "
                       "name and its BIN or licence number, and check again.")


def find_destination(text: str | Doc, home: str = DEFAULT_REGION, budget: Budget | None = None) -> str | None:
    """Give the country code of the place of work named in a text (None when none is)."""
    doc = text if isinstance(text, Doc) else read_doc(text, budget)
    return _destination_of(doc, budget, home)


def read_offer(text: str, home: str = DEFAULT_REGION, budget: Budget | None = None) -> tuple:
    """Give (doc, country, entities, flags) of a text: everything the scan reads, unchecked."""
    budget = budget or Budget()
    doc = read_doc(text, budget)
    country, named = place_of_work(doc, budget, home)
    entities = find_entities(doc.original, phone_regions(doc.original, country, home, named))
    budget.tick(len(doc.original) // 8)
    flags = text_flags(doc, budget) + route_flags(doc, country, budget) + private_channel(doc, entities, budget, country)
    return doc, country, entities, sort_flags(drop_quoted(flags, quoted_spans(doc, budget)))


def find_flags(text: str, home: str = DEFAULT_REGION, budget: Budget | None = None) -> list[dict]:
    """Give the red flags of a text as {"code", "quote", "start", "end", "strength"}."""
    return read_offer(text, home, budget)[3]


def _destination(cc: str | None, lang: str) -> dict | None:
    """Give the job's country with where to confirm an agency there, or None."""
    if cc is None:
        return None
    c = rules().countries[cc]
    return {"country": cc, "name": c["name"].get(lang, c["name"]["en"]),
            "rules": [{"text": rl.get(lang, rl["en"]), "source_url": rl["source_url"], "as_of": rl["as_of"] or None}
                      for rl in c.get("rules", [])]}


def _check_entities(entities: list[dict], engine, lang: str, deadline: float | None = None) -> None:
    """Put the check result beside every agency, phone and licence (None for other kinds, and for
    every entity when there is no engine)."""
    from verifier.check import QueryError
    done: dict[tuple, dict | None] = {}
    bound = {"deadline": deadline} if deadline is not None else {}  # engines without deadlines work too
    for e in entities:
        field = CHECKED_KINDS.get(e["kind"]) if engine is not None else None
        key = (field, e["value"])
        if field and key not in done and len(done) < MAX_CHECKS:
            try:
                done[key] = engine.check(**{field: e["value"]}, lang=lang, **bound)
            except QueryError:
                done[key] = None
            except TimeUp as stopped:
                raise ScanTimeout(str(stopped)) from stopped
        e["result"] = done.get(key) if field else None


def _listed(result: dict | None) -> bool:
    """Tell whether a check found the very firm (not one that only resembles it) as high risk."""
    if not result or result.get("risk") != "high":
        return False
    top = (result.get("matches") or [{}])[0]
    on = top.get("matched_on") or []
    return bool(top.get("identifies", top.get("same", True)) or "phone" in on or "licence" in on)


def risk_and_source(flags: list[dict], entities: list[dict], firm: bool = False) -> tuple[str, str]:
    """Give (risk, where it comes from): flags, a listed firm, a licensed firm, or nothing found.
    `firm`: the offer names a firm one can check (then one sign alone, not in ALWAYS_HIGH, is medium)."""
    strengths = {f["code"]: f.get("strength", rules().flags[f["code"]].strength) for f in flags}
    listed = any(_listed(e.get("result")) for e in entities)
    total = sum(strengths.values())
    one_sign = firm and len(strengths) == 1 and total == HIGH and not set(strengths) & set(ALWAYS_HIGH)
    strong = total >= HIGH and not one_sign
    if strong or listed:
        return "high", "listed" if listed and not strong else "flags"
    if flags:
        return "medium", "flags"
    agencies = [e for e in entities if e["kind"] == "agency"]
    if not agencies or any(not e["result"] or e["result"]["verdict"] != "licensed" for e in agencies):
        return "medium", "unconfirmed" if agencies or any(e.get("result") for e in entities) else "nothing"
    ids = {m["agency_id"] for e in agencies for m in e["result"]["matches"][:3] if m.get("identifies", m["same"])}
    phones = [e for e in entities if e["kind"] == "phone"]
    if any(not e["result"] or not {m["agency_id"] for m in e["result"]["matches"]} & ids for e in phones):
        return "medium", "unconfirmed"
    return "low", "licensed"


def decide_risk(flags: list[dict], entities: list[dict]) -> str:
    """Give high, medium or low (see risk_and_source)."""
    return risk_and_source(flags, entities)[0]


def scan(text: str, lang: str = "en", engine=None, *, deadline: float | None = None, should_stop=None,
         budget: Budget | None = None) -> dict:  # engine: the caller's (verifier.engine.Engine); None: no checks
    """Give the scan of one offer: risk, summary, flags, entities with checks, destination (card
    numbers masked); ScanTimeout between two steps once time.monotonic() passes `deadline` or
    `should_stop()` is true. `budget.steps` tells how much work the scan did."""
    deadline = Deadline.at(deadline, should_stop) if deadline is not None or should_stop else None
    lang = pick_language(lang)
    budget = budget or Budget(deadline)
    budget.deadline = deadline if deadline is not None else budget.deadline
    budget.check()
    home = getattr(engine, "region", None) or DEFAULT_REGION
    doc, country, entities, flags = read_offer(text, home, budget)
    words = texts(lang)
    shown = mask_cards(doc.original)  # a quote cut inside a card number shows no more of it than the text does
    for f in flags:
        f.update(label=words["flags"][f["code"]]["label"], advice=words["flags"][f["code"]]["advice"],
                 quote=shown[f["start"]:f["end"]])
    budget.check()
    _check_entities(entities, engine, lang, deadline)
    risk, source = risk_and_source(flags, entities, firm_in(doc, entities))
    as_of = [r["data_as_of"] for e in entities if (r := e["result"]) and r.get("data_as_of")]
    # A name only like a listed one (at most medium): say the risk is that name, not signs of fraud.
    name_only = risk == "medium" and not flags and any(
        e["kind"] == "agency" and e["result"] and e["result"]["verdict"] == "similar" for e in entities)
    summary = translate(lang, SIMILAR_NAME_ONLY) if name_only else words["summary"][f"{risk}_{source}"]
    return mask_result({"ok": True, "risk": risk, "risk_source": "similar_name" if name_only else source, "summary": summary,
            "flags": [{k: f[k] for k in ("code", "label", "quote", "start", "end", "advice", "strength")} for f in flags],
            "entities": entities, "destination": _destination(country, lang),
            "permits": permit_guidance(doc, entities, lang, budget),
            "disclaimer": words["disclaimer"], "data_as_of": min(as_of) if as_of else None, "lang": lang})

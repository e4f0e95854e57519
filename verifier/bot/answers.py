"""What the bot answers to a text: the check or the offer scan, chosen as the site's one box chooses.

Plain functions (no Telegram types), run off the event loop: the engine's work is CPU-bound. The
text is read and answered, never kept: only the site's counts per day (verdict, risk, flag codes).
"""
from __future__ import annotations

from dataclasses import dataclass

from verifier.appdb import searchcounts
from verifier.check import MAX_QUERY, QueryError
from verifier.engine import Engine, ListsNotLoaded
from verifier.offers.scan import MAX_TEXT, scan

from . import render
from .render import t


@dataclass
class Answer:
    """One answer: its text (split when sent), what it is, the other reading to offer, the report prefill."""
    text: str
    kind: str                  # "check", "scan" or "refusal"
    other: str = ""            # "scan" or "check": a button offers that reading too
    report: tuple[str, str] | None = None  # (name, phone) for "Report this agency"


def refusal(message: str, lang: str, **params) -> Answer:
    """Give an answer that says why no result is given."""
    return Answer(t(lang, message, **params), "refusal")


def reads_as_offer(result: dict) -> bool:
    """Tell whether the one box read a text as a whole message (the site then offers the scan)."""
    return bool(result.get("looks_like_offer"))


def answer(engine: Engine, text: str, lang: str, *, forwarded: bool = False, force: str = "",
           hotlines=()) -> Answer:
    """Give the answer to a text: a short one is checked as the box reads it, a message is scanned.

    `force` ("check" or "scan") is a reader's choice from the buttons; `forwarded` marks a forwarded
    message or a photo's caption, which a button then also offers to scan as an offer.
    """
    if not text.strip():
        return refusal(render.EMPTY, lang)
    if len(text) > MAX_TEXT:
        return refusal(render.TOO_LONG, lang, max=f"{MAX_TEXT:,}")
    try:
        engine.require_lists()
        if force == "check" or (force != "scan" and len(text) <= MAX_QUERY):
            result = engine.check(text, lang=lang)
            if force == "check" or not reads_as_offer(result):
                return _checked(engine, result, forwarded and not force, hotlines)
        return _scanned(engine, scan(text, lang, engine), offer_check=len(text) <= MAX_QUERY and not force
                        and not forwarded, hotlines=hotlines)
    except QueryError as exc:
        return Answer(str(exc), "refusal")
    except ListsNotLoaded:
        return refusal(render.NOT_LOADED, lang)


def _checked(engine: Engine, result: dict, offer_scan: bool, hotlines) -> Answer:
    """Give (and count) the answer of a check."""
    if engine.app_db_path is not None:
        searchcounts.count_search(result["verdict"], engine.app_db_path)  # the day and the verdict, never the text
    parsed = result["parsed"]
    return Answer(render.check_text(result, hotlines), "check", "scan" if offer_scan else "",
                  (parsed["name"], (parsed["phones"] or [""])[0]))


def _scanned(engine: Engine, result: dict, offer_check: bool, hotlines) -> Answer:
    """Give (and count) the answer of an offer scan."""
    if engine.app_db_path is not None:
        searchcounts.count_scan(result["risk"], [f["code"] for f in result["flags"]], engine.app_db_path)
    first = {}
    for e in result["entities"]:
        first.setdefault(e["kind"], e["value"])
    return Answer(render.scan_text(result, hotlines), "scan", "check" if offer_check else "",
                  (first.get("agency", ""), first.get("phone", "")))

"""The one place the web layer calls the engine: request arguments in, result dict out."""
from __future__ import annotations

from typing import Mapping

from flask import current_app

from verifier.appdb import searchcounts
from verifier.check import QueryError
from verifier.engine import Engine, ListsNotLoaded
from verifier.offers.cards import mask_result
from verifier.web import bounds

QUERY_FIELDS = ("q", "name", "phone", "licence")
__all__ = ["QueryError", "ListsNotLoaded", "engine", "run_check", "try_check", "query_args"]


def engine() -> Engine:
    """Give the current app's engine (its registry, index and NGO list)."""
    return current_app.extensions["verifier"]


def loaded_engine() -> Engine:
    """Give the engine with its lists loaded now (after a swap, reopened): loading a registry is
    not a check's work, so a deadline counts from after it (ListsNotLoaded when it cannot load)."""
    found = engine()
    found.loaded()
    return found


def query_args(args: Mapping[str, str]) -> dict[str, str]:
    """Give the non-empty query fields of a request (a second phone box fills `phone`)."""
    found = {k: (args.get(k) or "").strip() for k in QUERY_FIELDS}
    if not found["phone"]:
        found["phone"] = (args.get("phone2") or "").strip()
    return {k: v for k, v in found.items() if v}


def shown_args(args: Mapping[str, str]) -> dict[str, str]:
    """Give the query fields as a page shows them again ("you checked", the box): cards masked."""
    return mask_result(query_args(args))


def has_query(args: Mapping[str, str]) -> bool:
    """Tell whether the request carries anything to look up."""
    return bool(query_args(args))


def run_check(args: Mapping[str, str], lang: str) -> dict:
    """Give the engine's result for the request's fields (ListsNotLoaded propagates as a 503)."""
    fields = query_args(args)
    result = loaded_engine().check(fields.pop("q", None), lang=lang, **fields, deadline=bounds.deadline("check"))
    searchcounts.count_search(result["verdict"])  # the day and the verdict only, never the text
    return result


def try_check(args: Mapping[str, str], lang: str) -> tuple[dict | None, str | None]:
    """Give (result, None), (None, error message) for a bad query, or (None, None) for no query."""
    if not has_query(args):
        return None, None
    try:
        return run_check(args, lang), None
    except QueryError as exc:
        return None, str(exc)


def agency(agency_id: str, lang: str) -> dict | None:
    """Give one agency record, or None when the id is unknown."""
    return engine().get_agency(agency_id, lang=lang)


def sources(lang: str = "en") -> list[dict]:
    """Give the list of sources with their freshness, named in the reader's language."""
    return engine().list_sources(lang=lang)

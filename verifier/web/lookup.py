"""The one place the web layer calls the checker: request arguments in, result dict out."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Mapping

from verifier import appdb
from verifier import check as checker

QueryError = checker.QueryError
QUERY_FIELDS = ("q", "name", "phone", "licence")


def query_args(args: Mapping[str, str]) -> dict[str, str]:
    """Give the non-empty query fields of a request (a second phone box fills `phone`)."""
    found = {k: (args.get(k) or "").strip() for k in QUERY_FIELDS}
    if not found["phone"]:
        found["phone"] = (args.get("phone2") or "").strip()
    return {k: v for k, v in found.items() if v}


def has_query(args: Mapping[str, str]) -> bool:
    """Tell whether the request carries anything to look up."""
    return bool(query_args(args))


def run_check(args: Mapping[str, str], lang: str) -> dict:
    """Give the checker's result for the request's fields, stamped with the time of the check."""
    fields = query_args(args)
    result = checker.check(fields.pop("q", None), lang=lang, **fields)
    appdb.count_search(result["verdict"])  # the day and the verdict only, never the text
    result = dict(result)
    result.setdefault("checked_at", datetime.now(timezone.utc).replace(microsecond=0).isoformat())
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
    return checker.get_agency(agency_id, lang=lang)


def sources() -> list[dict]:
    """Give the list of sources with their freshness."""
    return checker.list_sources()


def warm() -> None:
    """Build the match index now so that forked workers share it."""
    checker.warm()

"""Official notices as a timeline in every view: each event with its date, authority, quote and link.

`attach` puts `events` on every match of a check result (empty for records of other lists),
`shown` is one record's events as the record page and the API show them, and `explain` adds the
lines a hotline worker reads under the verdict: the latest notice, what it does not say (an
undated event), and for a permit whom to ask and how (from the destinations file).
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from verifier import registry
from verifier.i18n import N_, translate

NOTICE_SOURCES = frozenset({"official_notices", "staff_notices"})
DESTINATIONS = Path(__file__).parent / "offers" / "rules" / "destinations.toml"
MAX_EXPLAINED = 3


def date_label(event: dict, lang: str) -> str:
    """Return an event's date as a reader sees it, saying when the notice does not show one."""
    if event.get("date"):
        return event["date"]
    if event.get("after"):
        return translate(lang, N_("date not shown, after {date}"), {"date": event["after"]})
    return translate(lang, N_("date not shown"))


def shown(events: list[dict], lang: str) -> list[dict]:
    """Return events as every view shows them: the stored fields plus translated labels."""
    out = []
    for e in events:
        words = e.get("status_words") or e.get("status") or ""
        out.append({"date": e.get("date") or None, "after": e.get("after") or None,
                    "date_label": date_label(e, lang), "status": e.get("status"),
                    "status_group": e.get("status_group") or e.get("group"),
                    "status_label": translate(lang, words), "authority": e.get("authority") or "",
                    "url": e.get("url") or "", "quote": e.get("quote") or "", "lang": e.get("lang") or "",
                    "note": e.get("note") or "", "decides": bool(e.get("decides"))})
    return out


def attach(engine, loaded, matches: list[dict], lang: str) -> None:
    """Put `events` (the notices' timeline, oldest first) on every match; empty for other lists."""
    ids = [m["agency_id"] for m in matches if m["source"] in NOTICE_SOURCES]
    with loaded.lock:
        found = registry.agency_events(loaded.conn, ids)
    for extra in engine.extras:
        if hasattr(extra, "events_for"):
            found.update(extra.events_for(ids))
    for m in matches:
        m["events"] = shown(found.get(m["agency_id"], []), lang)


def explain(summary: tuple[str, dict], matches: list[dict], lang: str) -> list[str]:
    """Return the lines on the notices behind a result, and fill a permit summary's date and authority."""
    lines = []
    named = [m for m in matches if m.get("events") and (m["same"] or "licence" in m["matched_on"])]
    for m in named[:MAX_EXPLAINED]:
        latest = m["events"][-1]
        lines.append(translate(lang, N_("Latest official notice on {name}: {status}, {date} — {authority}: "
                                        "\u00ab{quote}\u00bb {url}"),
                               {"name": m["name"], "status": latest["status_label"], "date": latest["date_label"],
                                "authority": latest["authority"], "quote": latest["quote"], "url": latest["url"]}))
        if not latest["date"]:
            lines.append(translate(lang, N_("Not known: the date of this notice (it is not shown on the page).")))
        if m["status_group"] == "permit":
            lines += confirm_lines(m.get("country") or "", lang)
    permit = [m for m in named if m["status_group"] == "permit" and m["name"] == summary[1].get("name")]
    if permit and "authority" in summary[1]:
        latest = permit[0]["events"][-1]
        summary[1].update(date=latest["date_label"], authority=latest["authority"])
    return lines


@lru_cache(maxsize=1)
def permit_authorities() -> dict[str, dict]:
    """Return country -> who issues recruitment permits there and how to confirm one (destinations file)."""
    with open(DESTINATIONS, "rb") as fh:
        data = tomllib.load(fh)
    return {cc: c["permits"] for cc, c in data.items() if isinstance(c, dict) and "permits" in c}


def authority_line(cc: str, lang: str) -> dict | None:
    """Return a country's permit authority in the reader's language, with how to confirm and a contact."""
    found = permit_authorities().get(cc)
    if found is None:
        return None
    pick = lambda d: d.get(lang) or d["en"]  # noqa: E731
    return {"country": cc, "authority": pick(found["authority"]), "confirm": pick(found["confirm"]),
            "phone": found.get("phone", ""), "phone_source": found.get("phone_source", ""),
            "phone_date": found.get("phone_date") or None, "source_url": found.get("source_url", "")}


def confirm_lines(cc: str, lang: str) -> list[str]:
    """Return the lines saying whom to ask to confirm a permit in a country (none when not known)."""
    line = authority_line(cc, lang)
    if line is None:
        return [translate(lang, N_("Confirm the permit with the labour ministry of the agency's country."))]
    lines = [translate(lang, N_("Confirm it is still valid with {authority}: {how}"),
                       {"authority": line["authority"], "how": line["confirm"]})]
    if line["phone"]:
        lines.append(translate(lang, N_("{authority}, phone {phone} (source: {url}, {date})."),
                               {"authority": line["authority"], "phone": line["phone"], "url": line["phone_source"],
                                "date": line["phone_date"] or translate(lang, N_("date unknown"))}))
    return lines

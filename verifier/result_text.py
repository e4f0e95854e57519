"""Result dicts as plain lines of text, shared by the command line and the Telegram bot.

Every word comes from the web's catalogues (or the scan's rule texts), so a terminal and a chat
say what the result page says. Nothing here imports Flask.
"""
from __future__ import annotations

from .i18n import N_, translate
from .offers.rules import texts

RISK_SYMBOLS = {"high": "\U0001F534", "medium": "\U0001F7E1", "low": "\U0001F7E2"}  # red, yellow, green
ENTITY_PARTS = {"agency": (N_("name \u00ab{name}\u00bb"), "name"), "phone": (N_("phone {phone}"), "phone"),
                "licence": (N_("licence or registration number {number}"), "number")}


def t(lang: str, message: str, **params) -> str:
    """Give a %-style catalogue message in the language, filled in."""
    return translate(lang, message) % params if params else translate(lang, message)


def match_text(m: dict, lang: str) -> str:
    """Give one record found: name, status, source, how it matched, score, data date."""
    status = m.get("status_label") or m.get("status_group", "")
    number = N_("BIN (business identification number)") if m.get("licence_label") == "bin" else N_("licence number")
    how = ", ".join(translate(lang, {"licence": number}.get(f, f)) for f in m["matched_on"])
    score = t(lang, N_("score %(score)s/100"), score=round(m["score"]))
    as_of = t(lang, N_("data as of %(date)s"), date=m.get("data_as_of") or "?")
    return f"{m['name']} — {status} · {m['source_name']} · {t(lang, N_('Matched on'))}: {how} · {score} · {as_of}"


def searched_text(result: dict, lang: str) -> str:
    """Give the lists searched with their dates, one line."""
    lists = result.get("sources_searched") or []
    parts = [f"{s.get('publisher') or s.get('name')} ({s.get('data_as_of') or t(lang, N_('no date'))})" for s in lists]
    return f"{t(lang, N_('Lists searched (%(count)s)'), count=len(lists))}: {'; '.join(parts)}"


def entity_text(e: dict, lang: str) -> str:
    """Give one agency, phone or licence named in an offer, as the box's reading words it."""
    message, param = ENTITY_PARTS.get(e["kind"], ("{value}", "value"))
    return translate(lang, message, {param: e["value"]})


def destination_lines(d: dict, lang: str) -> list[str]:
    """Give where to confirm an agency in the job's country: a heading, then one line per rule."""
    words = texts(lang)["destination"]
    lines = [f"{d['name']} ({d['country']}), {words['confirm']}:"]
    for rule in d["rules"]:
        when = words["confirmed"] % rule["as_of"] if rule["as_of"] else words["not_confirmed"]
        lines.append(f"- {rule['text']} {rule['source_url']} ({when})")
    return lines

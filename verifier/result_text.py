"""Result dicts as plain lines of text, shared by the command line and the Telegram bot.

Every word comes from the web's catalogues (or the scan's rule texts), so a terminal and a chat
say what the result page says. Nothing here imports Flask.
"""
from __future__ import annotations

from .check import MATCHED_ON
from .humanize import human_date
from .i18n import N_, translate
from .offers.rules import texts

RISK_SYMBOLS = {"high": "\U0001F534", "medium": "\U0001F7E1", "low": "\U0001F7E2"}  # red, yellow, green
ENTITY_PARTS = {"agency": (N_("name \u00ab{name}\u00bb"), "name"), "phone": (N_("phone {phone}"), "phone"),
                "licence": (N_("licence or registration number {number}"), "number")}


def t(lang: str, message: str, **params) -> str:
    """Give a %-style catalogue message in the language, filled in."""
    return translate(lang, message) % params if params else translate(lang, message)


def match_text(m: dict, lang: str) -> str:
    """Give one record found: name, status, licence expiry, source, how it matched, score, data date
    (dates as the reader writes them)."""
    status = m.get("status_label") or m.get("status_group", "")
    number = N_("BIN (business identification number)") if m.get("licence_label") == "bin" else N_("licence number")
    how = ", ".join(translate(lang, {"licence": number}.get(f, MATCHED_ON.get(f, f))) for f in m["matched_on"])
    score = t(lang, N_("score %(score)s/100"), score=round(m["score"]))
    as_of = t(lang, N_("data as of %(date)s"), date=m.get("data_as_of_text") or m.get("data_as_of") or "?")
    if m.get("identifies") is False and not {"phone", "licence"} & set(m["matched_on"]):  # only alike: no score
        return (f"{t(lang, N_('A different firm with a similar name'))}: {m['name']} — {status} · "
                f"{m['source_name']} · {as_of}")
    until = N_("licence expired on %(date)s") if m.get("licence_expired") else N_("licence valid until %(date)s")
    expires = " · " + t(lang, until, date=m.get("expires_on_text") or m["expires_on"]) if m.get("expires_on") else ""
    return f"{m['name']} — {status}{expires} · {m['source_name']} · {t(lang, N_('Matched on'))}: {how} · {score} · {as_of}"


def searched_text(result: dict, lang: str) -> str:
    """Give the lists searched with their dates, one line."""
    lists = result.get("sources_searched") or []
    parts = [f"{s.get('publisher') or s.get('name')} ({human_date(s.get('data_as_of'), lang) or t(lang, N_('no date'))})"
             for s in lists]
    return f"{t(lang, N_('Lists searched (%(count)s)'), count=len(lists))}: {'; '.join(parts)}"


def help_line_text(line: dict, lang: str) -> str:
    """Give one help line of a result: name, numbers, source page and date, "not confirmed" when so."""
    numbers = ", ".join(n["text"] for n in line["numbers"])
    date = human_date(line.get("source_date"), lang) or t(lang, N_("date unknown"))
    note = "" if line["confirmed"] else f"; {line['confirmed_note']}"
    return f"{line['name']}: {numbers} ({line['source_url']}, {date}{note})"


def entity_text(e: dict, lang: str) -> str:
    """Give one agency, phone or licence named in an offer, as the box's reading words it."""
    message, param = ENTITY_PARTS.get(e["kind"], ("{value}", "value"))
    return translate(lang, message, {param: e["value"]})


def destination_lines(d: dict, lang: str) -> list[str]:
    """Give where to confirm an agency in the job's country: a heading, then one line per rule."""
    if not d["rules"]:  # a country named, with no official source checked yet for confirming agencies there
        return [t(lang, N_("Where the job is: %(country)s"), country=d["name"])]
    words = texts(lang)["destination"]
    lines = [f"{d['name']}, {words['confirm']}:"]
    for rule in d["rules"]:
        when = words["confirmed"] % rule["as_of"] if rule["as_of"] else words["not_confirmed"]
        lines.append(f"- {rule['text']} {rule['source_url']} ({when})")
    return lines

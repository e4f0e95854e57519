"""Words shown around a verdict: labels, colours, next steps, hotlines and reporting lines."""
from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l

from verifier.check import MATCHED_ON, STATUS_GROUPS
from verifier.helplines import hotlines_for
from verifier.humanize import grouped_phone
from verifier.verdict import RISK_LABELS as RISK_WORDS
from verifier.web.locale import current_lang
from verifier.verdict import VERDICTS as VERDICT_KINDS

# Verdict -> (CSS class for the colour, label in words), from the one table in verifier.verdict.
VERDICTS = {code: (v.css, _l(v.label)) for code, v in VERDICT_KINDS.items()}
RISK_LABELS = {code: _l(words) for code, words in RISK_WORDS.items()}  # one table: verdict.RISK_LABELS
STATUS_GROUP_LABELS = {code: _l(label) for code, label in STATUS_GROUPS.items()}
LIST_KIND_LABELS = {"registry": _l("licence registry"), "warning": _l("warning list")}
MATCHED_ON_LABELS = {code: _l(label) for code, label in MATCHED_ON.items()}

NEXT_STEPS = (
    _l("Do not pay any fee to get the job. Workers should not pay recruitment fees."),
    _l("Never hand over your passport or ID card to anyone, not even \u201cfor registration\u201d."),
    _l("Get a written contract in a language you read before you leave, and keep a copy."),
    _l("Check that the job and the employer exist and that you will travel on a work visa, "
       "not a tourist visa."),
    _l("Tell family where you are going, with the agency's name and address."),
)
NOT_FOUND_WARNING = _l(
    "Not found does not mean safe. Many illegal recruiters are on no list at all. "
    "Ask the agency for its licence and check it with the official source."
)
STANDING_LINE = _l(
    "This is an independent check, not an official registry. Lists can be out of date: "
    "confirm on the official source before you decide."
)


def verdict_view(verdict: str) -> dict:
    """Give the colour class and translated label for a verdict code."""
    css, label = VERDICTS.get(verdict, ("unknown", verdict))
    return {"code": verdict, "css": css, "label": str(label)}


def hotlines() -> list[dict]:
    """Give the configured NGO hotlines (each with its last-confirmed date or None)."""
    return list(current_app.config.get("HOTLINES") or [])


def reporting_lines(result: dict | None) -> list[dict]:
    """Give the official reporting lines for the countries of a result's matches (none without one)."""
    lines = current_app.config.get("REPORTING_LINES") or {}
    countries = []
    for match in (result or {}).get("matches", []):
        country = (match.get("country") or "").upper()
        if country in lines and country not in countries:
            countries.append(country)
    chosen = countries  # no record, no country: no other country's line is offered
    return [dict(lines[c], country=c) for c in chosen]


def help_lines(result: dict | None) -> list[dict]:
    """Give the help lines for a page: a check's own, else the reader's country's (and, for a
    scanned offer, its destination's first)."""
    result = result or {}
    if "hotlines" in result:
        return result["hotlines"]
    destination = (result.get("destination") or {}).get("country")
    region = current_app.config.get("VERIFIER_REGION") or ""
    return hotlines_for(current_lang(), region, [destination] if destination else [])


def official_links(result: dict) -> list[dict]:
    """Give one link per distinct source of a result's matches, for confirming on the source."""
    seen: dict[str, dict] = {}
    for match in result.get("matches", []):
        url = match.get("source_url")
        if url and match.get("source") not in seen:
            seen[match.get("source")] = {"name": match.get("source_name") or match.get("source"),
                                         "url": url, "data_as_of": match.get("data_as_of")}
    return list(seen.values())


def phone_text(phone: str | dict) -> str:
    """Give a phone grouped for reading (+63 2 8681 8959): match phones are strings, agency phones dicts with raw/e164."""
    if isinstance(phone, dict):
        return grouped_phone(phone.get("e164") or "") or phone.get("raw") or ""
    return grouped_phone(str(phone))


def init_app(app) -> None:
    """Expose the labels and helpers to templates."""
    app.add_template_filter(phone_text)

    @app.context_processor
    def advice_helpers() -> dict:
        """Give templates the advice words and lookup tables."""
        return {"verdict_view": verdict_view, "RISK_LABELS": RISK_LABELS,
                "STATUS_GROUP_LABELS": STATUS_GROUP_LABELS, "LIST_KIND_LABELS": LIST_KIND_LABELS,
                "MATCHED_ON_LABELS": MATCHED_ON_LABELS, "NEXT_STEPS": NEXT_STEPS,
                "NOT_FOUND_WARNING": NOT_FOUND_WARNING, "STANDING_LINE": STANDING_LINE,
                "hotlines": hotlines, "help_lines": help_lines, "reporting_lines": reporting_lines,
                "official_links": official_links}

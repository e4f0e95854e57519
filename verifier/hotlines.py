"""The NGO hotlines shown after a result (the site's "Ask for help", the bot's /hotline).

Each number is configuration (VERIFIER_HOTLINES), shown with the date someone last called it and
reached the organisation; None means unconfirmed and is shown as such.
"""
from __future__ import annotations

from verifier.i18n import N_

DEFAULT_HOTLINES = (
    {
        "name": N_("Sana Sezim (Shymkent)"),  # translated where shown
        "phone": "+7 7252 30-01-52",
        "note": "Printed in 2005 as (3252) 30-01-52; area code since changed to 7252.",
        "confirmed": None,
    },
)


def hotlines_from_env(value: str | None) -> list[dict] | None:
    """Parse VERIFIER_HOTLINES 'Name|phone|YYYY-MM-DD;Name|phone|' into hotline dicts (None if empty)."""
    if not value:
        return None
    hotlines = []
    for item in value.split(";"):
        parts = [p.strip() for p in item.split("|")] + ["", ""]
        if parts[0] and parts[1]:
            hotlines.append({"name": parts[0], "phone": parts[1], "note": "",
                             "confirmed": parts[2] or None})
    return hotlines or None


def configured_hotlines(value: str | None) -> list[dict]:
    """Give the hotlines VERIFIER_HOTLINES names, or the built-in ones when it names none."""
    return hotlines_from_env(value) or list(DEFAULT_HOTLINES)

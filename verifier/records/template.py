"""The import template (the columns an NGO's list, an import and an export share) and cells made
safe for spreadsheets."""
from __future__ import annotations

COLUMNS = ("name", "aliases", "phones", "licence_number", "country", "status", "reason",
           "listed_on", "source_url")
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection): exports put a
# "'" in front of every such cell (a phone "+7 701 …" too: a spreadsheet reads it as a sum), and
# imports take it off again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _runs(text: str) -> bool:
    """Return True when a spreadsheet would read the text as a formula."""
    return text.startswith(FORMULA_START)


def _protected(text: str) -> bool:
    """Return True when the text is a protected cell: "'" before a formula (or before another such)."""
    return text.startswith("'") and (_runs(text[1:]) or _protected(text[1:]))


def spreadsheet_safe(value) -> str:
    """Return a cell's text that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if _runs(text) or _protected(text) else text


def from_spreadsheet_safe(text: str) -> str:
    """Return the original text of a cell `spreadsheet_safe` protected."""
    return text[1:] if _protected(text) else text

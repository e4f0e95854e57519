"""Help lines to call, chosen by the reader's country and the record's, from data/help_contacts.

Every line is data with its source page, date and whether the organisation itself states it
(`confirmed` = yes) or only a news or NGO page does (secondary): the result carries both, so a page
can say "not confirmed by the organisation". The English `label`, `what_for` and `hours` are msgids.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from verifier.humanize import grouped_phone
from verifier.i18n import N_, translate

HELP_CONTACTS = Path(__file__).resolve().parent.parent / "data" / "help_contacts" / "help_contacts.csv"
COLUMNS = ("country", "role", "organisation", "label", "kind", "phone", "phone_e164", "other_contact",
           "hours", "what_for", "source_url", "source_date", "confirmed")
PER_COUNTRY = 3   # lines shown for one country, in the file's order
READER_COUNTRY = {"uz": "UZ", "kk": "KZ"}  # a reader of these languages is taken to live there


class HelpContactsError(ValueError):
    """The help-lines file is missing a column or holds a value it should not."""


@lru_cache(maxsize=4)
def load_lines(path: str = str(HELP_CONTACTS)) -> tuple[dict, ...]:
    """Return every help line of the file, checked column by column (an error names the row)."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise HelpContactsError(f"{path}: missing columns {', '.join(missing)}")
        rows = [{c: (row.get(c) or "").strip() for c in COLUMNS} for row in reader]
    for number, row in enumerate(rows, start=2):
        if row["role"] not in ("origin", "destination", "both") or row["confirmed"] not in ("yes", "secondary"):
            raise HelpContactsError(f"{path}, row {number}: role or confirmed not understood")
    return tuple(rows)


def reader_country(lang: str, region: str) -> str:
    """Return the country a reader is taken to call from: by language, else the site's region."""
    return READER_COUNTRY.get(lang, (region or "").upper())


def choose_lines(reader: str, record_countries: list[str], path: str = str(HELP_CONTACTS)) -> list[tuple[dict, str]]:
    """Return (line, why) pairs: lines of each record's country first, then the reader's own
    country's lines for its citizens (origin or both); why is 'record' or 'reader'."""
    lines = load_lines(path)
    chosen: list[tuple[dict, str]] = []
    for country in dict.fromkeys(c.upper() for c in record_countries if c):
        chosen += [(x, "record") for x in [x for x in lines if x["country"] == country and x["phone"]][:PER_COUNTRY]]
    if reader and reader not in record_countries:
        own = [x for x in lines if x["country"] == reader and x["role"] in ("origin", "both") and x["phone"]]
        chosen += [(x, "reader") for x in own[:PER_COUNTRY if not chosen else PER_COUNTRY - 1]]
    return chosen


@lru_cache(maxsize=256)
def _read_numbers(phone: str, phone_e164: str) -> tuple[tuple[str, str, bool], ...]:
    """Return each number of a line once read: (grouped text, what to dial, short code?)."""
    e164s = [x.strip() for x in phone_e164.split("/") if x.strip()]
    numbers = []
    for part in (p.strip() for p in phone.split(" / ") if p.strip()):
        digits = "".join(ch for ch in part if ch.isdigit())
        full = next((e for e in e164s if e[-7:] in digits), None)
        numbers.append((grouped_phone(full), full, False) if full else (part, digits, True))
    return tuple(numbers)


def line_numbers(phone: str, phone_e164: str) -> list[dict]:
    """Return each number of a line: grouped text and what to dial; a short code has no E.164 form."""
    return [{"text": t, "dial": d, "short_code": s} for t, d, s in _read_numbers(phone, phone_e164)]


def line_view(line: dict, why: str, lang: str) -> dict:
    """Return one help line as a result carries it: names and notes in the reader's language."""
    return {"country": line["country"], "role": line["role"], "why": why, "kind": line["kind"],
            "name": translate(lang, line["label"]), "organisation": line["organisation"],
            "numbers": line_numbers(line["phone"], line["phone_e164"]),
            "hours": translate(lang, line["hours"]) if line["hours"] else "",
            "what_for": translate(lang, line["what_for"]) if line["what_for"] else "",
            "source_url": line["source_url"], "source_date": line["source_date"] or None,
            "confirmed": line["confirmed"] == "yes",
            "confirmed_note": translate(lang, CONFIRMED_WORDS[line["confirmed"] == "yes"])}


CONFIRMED_WORDS = {True: N_("stated by the organisation itself"),
                   False: N_("not confirmed by the organisation: taken from a news or NGO page")}


def hotlines_for(lang: str, region: str, record_countries: list[str]) -> list[dict]:
    """Return the help lines a result offers its reader, each with its source and date."""
    return [line_view(line, why, lang) for line, why in choose_lines(reader_country(lang, region), record_countries)]


def babel_extract(fileobj, keywords, comment_tags, options):
    """Yield the file's translatable words (label, what_for, hours) for `pybabel extract`."""
    text = fileobj.read().decode("utf-8")
    for number, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        for column in ("label", "what_for", "hours"):
            if row.get(column):
                yield number, None, row[column], []

"""Official notices: what an authority said about an agency, one event a row, as a timeline.

A row of a notices CSV is an **event** (a ministry suspended a permit on a date, a court revoked a
licence), never a current status. Rows naming one agency (its name or any variant shared) are one
record; its status is its latest dated event. An event whose date the notice does not show counts
after the dated ones only when the notice says it came later (a permit *reinstated* after a
suspension); otherwise it is shown, but the dated events decide. The shipped notices
(`scrapers/official_notices.py`) and those staff add (`verifier/appdb/notices.py`) are read here.
"""
from __future__ import annotations

import csv
import io
import re
from datetime import date

from verifier.i18n import N_
from verifier.names.normalize import name_key
from verifier.records import Record, SourceError

COLUMNS = ("name", "name_variants", "country", "reg_number", "status", "authority", "date", "url",
           "quote", "lang", "note")
REQUIRED = ("name", "status", "authority", "url", "quote")
MAX_QUOTE = 300
# What each event says, as a status group. revoked, unlicensed (no permit, or a licence refused)
# and suspended say the agency may not recruit now: `invalid`, read as "licence not valid" while
# it is the latest event. convicted is a court's verdict for fraud, not a licence decision: a
# `warning`. licensed (a permit granted or reinstated on that date) is `permit`: a notice is not
# a register, so it never reads as licensed on its own.
GROUPS = {"suspended": "invalid", "revoked": "invalid", "unlicensed": "invalid", "convicted": "warning",
          "licensed": "permit"}
STATUS_WORDS = {"suspended": N_("permit suspended"), "revoked": N_("licence revoked"),
                "unlicensed": N_("no permit"), "convicted": N_("convicted by a court"),
                "licensed": N_("permit granted"), "reinstated": N_("permit reinstated")}
LATER_WORDS = ("reinstated", "after earlier", "after an earlier")
# Words that say what kind of firm it is, not which one ("private employment agency", LLC):
# a name without them is kept as a variant, so "Profit4you Europe" finds its record.
GENERIC = re.compile(r"\b(xususiy bandlik agentligi|MChJ)\b", re.I)


def split_variants(text: str | None) -> list[str]:
    """Return the `;`-separated name variants of a row."""
    return [v.strip() for v in (text or "").split(";") if v.strip()]


def check_row(row: dict, where: str) -> dict:
    """Return a row with its cells stripped, or raise SourceError naming what is wrong."""
    clean = {c: (row.get(c) or "").strip() for c in COLUMNS}
    if missing := [c for c in REQUIRED if not clean[c]]:
        raise SourceError(f"{where}: empty {', '.join(missing)}")
    if clean["status"] not in GROUPS:
        raise SourceError(f"{where}: status {clean['status']!r} is not one of {', '.join(GROUPS)}")
    if clean["date"]:
        try:
            date.fromisoformat(clean["date"])
        except ValueError as exc:
            raise SourceError(f"{where}: date {clean['date']!r} is not YYYY-MM-DD") from exc
    if not clean["url"].startswith(("https://", "http://")):
        raise SourceError(f"{where}: url must start with https:// or http://")
    if len(clean["quote"]) > MAX_QUOTE:
        raise SourceError(f"{where}: quote is longer than {MAX_QUOTE} characters")
    return clean


def read_csv(content: bytes) -> list[dict]:
    """Return the checked rows of a notices CSV (columns checked by name, each row numbered)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"notices CSV is not UTF-8: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    if missing := [c for c in COLUMNS if c not in (reader.fieldnames or [])]:
        raise SourceError(f"notices CSV lacks columns {missing}; got {reader.fieldnames}")
    return [check_row(raw, f"row {n}") for n, raw in enumerate(reader, start=2)]


def names_of(row: dict) -> list[str]:
    """Return every name a row gives an agency: its name, variants, and each without generic words."""
    names = [row["name"], *split_variants(row.get("name_variants"))]
    bare = [" ".join(re.sub(r"[“”\"«»]", " ", GENERIC.sub(" ", n)).split()) for n in names if GENERIC.search(n)]
    return list(dict.fromkeys(n for n in names + bare if n))


def group_rows(rows: list[dict]) -> list[list[dict]]:
    """Return the rows grouped by agency: rows sharing any name key (name or variant) are one."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, row in enumerate(rows):
        for key in {name_key(n).key for n in names_of(row)} - {""}:
            parent[root(i)] = root(first.setdefault(key, i))
    groups: dict[int, list[dict]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(root(i), []).append(row)
    return list(groups.values())


def is_later(row: dict) -> bool:
    """Return True when an undated notice says it came after the earlier ones (a reinstatement)."""
    text = f"{row.get('authority', '')} {row.get('note', '')}".lower()
    return any(w in text for w in LATER_WORDS)


def status_word(row: dict) -> str:
    """Return the English words of an event's status (a reinstatement is told from a grant)."""
    if row["status"] == "licensed" and is_later(row):
        return STATUS_WORDS["reinstated"]
    return STATUS_WORDS[row["status"]]


def timeline(rows: list[dict]) -> list[dict]:
    """Return an agency's events in order, oldest first, each with `decides` on the one that holds.

    Undated events the notice does not place come first (shown, never deciding while a dated one
    exists), then dated ones by date, then undated ones the notice says came later; each undated
    event carries `after`, the latest date it is known to follow (None when not known).
    """
    dated = sorted((r for r in rows if r["date"]), key=lambda r: r["date"])
    later = [r for r in rows if not r["date"] and is_later(r)]
    unplaced = [r for r in rows if not r["date"] and not is_later(r)]
    last_date = dated[-1]["date"] if dated else None
    events = []
    for order, row in enumerate(unplaced + dated + later):
        after = last_date if row in later else None
        events.append({**{c: row.get(c, "") for c in COLUMNS}, "order": order, "after": after,
                       "group": GROUPS[row["status"]], "status_words": status_word(row), "decides": False})
    events[-1]["decides"] = True
    return events


def agency_record(rows: list[dict], data_as_of: str | None, key_prefix: str = "") -> Record:
    """Return one agency's record: its names, and its latest event as its status, events attached."""
    events = timeline(rows)
    latest = events[-1]
    names = list(dict.fromkeys(n for r in rows for n in names_of(r)))
    country = next((r["country"] for r in rows if r["country"]), "")
    numbers = [r["reg_number"] for r in rows if r["reg_number"]]
    return Record(
        source_key=key_prefix + name_key(rows[0]["name"]).key, name=rows[0]["name"], aliases=names[1:],
        licence_number=_licence(numbers[0]) if numbers else "", status=latest["status_words"],
        status_group=latest["group"], status_date=latest["date"] or None, reason=latest["authority"],
        country=country, source_url=latest["url"], data_as_of=data_as_of,
        extra={"after": latest["after"]} if latest["after"] else {}, events=events)


def _licence(text: str) -> str:
    """Return the number in a labelled cell ("licence No. 0010 (…)" is 0010)."""
    m = re.search(r"\d[\d\-/]*", text)
    return m.group(0) if m else ""


def agency_records(rows: list[dict], data_as_of: str | None, key_prefix: str = "") -> list[Record]:
    """Return one record per agency named in the rows."""
    return [agency_record(group, data_as_of, key_prefix) for group in group_rows(rows)]


def export_rows(rows: list[dict], out) -> int:
    """Write rows as a notices CSV (the shipped columns); return how many were written."""
    from verifier.records.template import spreadsheet_safe
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([spreadsheet_safe(row.get(c) or "") for c in COLUMNS])
    return len(rows)

"""Load a list in the template format (CSV or XLSX) as a source of its own; rows to records.

This is how an NGO's own warning list, or a ministry list with no scraper, gets in. Columns (see
`scrapers/template.csv` and the README): name, aliases, phones, licence_number, country, status,
reason, listed_on, source_url; `aliases` and `phones` split on ";".
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from verifier.records import Record, SourceError, SourceInfo, statuses
from verifier.records.template import COLUMNS, from_spreadsheet_safe

from . import tables

REQUIRED = ("name",)


def read_rows(path: Path) -> list[dict]:
    """Return the rows of a template CSV or XLSX file as dicts keyed by lower-case column names."""
    data = path.read_bytes()
    xlsx = path.suffix.lower() in (".xlsx", ".xlsm")
    try:
        table = tables.read_xlsx(data) if xlsx else tables.read_csv(data)
    except SourceError as exc:
        raise SourceError(f"{path.name}: {exc}") from exc
    rows = [[from_spreadsheet_safe(c) for c in r] for r in table.rows]
    if not rows:
        raise SourceError(f"{path.name}: empty file")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SourceError(f"{path.name}: missing column(s) {missing}; the template has {list(COLUMNS)}")
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise SourceError(f"{path.name}: unknown column(s) {unknown}; the template has {list(COLUMNS)}")
    return [dict(zip(header, r), _row=n) for n, r in enumerate(rows[1:], start=2) if any(c.strip() for c in r)]


def status_group(status: str, kind: str, own: dict[str, str] | None = None) -> str:
    """Return the status group of a row: a warning list is all warnings, a registry's by exact word."""
    return "warning" if kind == "warning" else statuses.group_of(status, own)


def _date(text: str) -> str | None:
    """Return an ISO date from YYYY-MM-DD, DD.MM.YYYY or YYYY.MM.DD text, else None."""
    if m := re.match(r"(\d{4})[-.](\d\d)[-.](\d\d)", text):
        return "-".join(m.groups())
    if m := re.match(r"(\d\d)\.(\d\d)\.(\d{4})", text):
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return None


def _items(text: str) -> list[str]:
    """Return the items of a ';'-separated cell."""
    return [x.strip() for x in text.split(";") if x.strip()]


MAX_SKIPPED = 0.01  # the share of rows with neither a name nor a number a list may have (one row always may)


def to_records(rows: Iterable[dict], kind: str, country: str, own: dict[str, str] | None = None,
               default_status: str = "", name_column: str = "name", max_skipped: float = MAX_SKIPPED,
               skipped: list[int] | None = None) -> list[Record]:
    """Return the records of template rows. A row with neither a name nor a number (licence or other
    id; a phone is not the firm's) is skipped and its row number added to `skipped`; more such rows
    than `max_skipped` of the list (and more than one) is an error naming them. A row with a number
    but no name is named by its number, so that it can still be found by it."""
    rows, records, passed = list(rows), [], []
    for n, row in enumerate(rows, start=2):
        get = lambda k: str(row.get(k) or "").strip()  # noqa: E731
        licence, address = get("licence_number"), get("address")
        name = get("name") or licence or next(iter(_items(get("other_ids"))), "")
        if not name:
            passed.append(row.get("_row", n))
            continue
        status = get("status") or default_status or ("listed" if kind == "warning" else "")
        records.append(Record(
            source_key=f"{name.upper()}|{licence.upper()}" + (f"|{address.upper()}" if address else ""),
            name=name, aliases=[a for a in _items(get("aliases")) if a != name],
            phones=" / ".join(_items(get("phones"))), licence_number=licence,
            other_ids=_items(get("other_ids")), country=(get("country") or country).upper(),
            status=status, status_group=status_group(status, kind, own), reason=get("reason"),
            status_date=_date(get("listed_on")), source_url=get("source_url"), address=address,
            city=get("city"),
        ))
    if skipped is not None:
        skipped.extend(passed)
    if len(passed) > max(1, max_skipped * len(rows)):
        shown = ", ".join(map(str, passed[:10])) + (", …" if len(passed) > 10 else "")
        raise SourceError(f"{len(passed)} of {len(rows)} rows have neither a name (column {name_column}) nor a "
                          f"number: rows {shown}; more than {max_skipped:.0%} of the list (max_skipped)")
    return records


def check_target(source_id: str, kind: str, replace: bool, reserved: Iterable[str], stored: dict | None) -> None:
    """Refuse an import that would overwrite a built-in or configured source, or change a list's kind."""
    if source_id in set(reserved):
        raise SourceError(f"{source_id!r} is a built-in or configured source; an import needs an id "
                          "of its own (e.g. ngo_warnings): importing under it would retire its records")
    if stored and not replace and stored.get("publisher") != "imported":
        raise SourceError(f"{source_id!r} holds a source that was not imported; add --replace to overwrite it")
    if stored and not replace and stored.get("kind") != kind:
        raise SourceError(f"{source_id!r} was imported as a {stored.get('kind')} list; importing it as a "
                          f"{kind} list changes every verdict on it: add --replace if that is meant")


def stored_source(db: Path, source_id: str) -> dict | None:
    """Return the sources row of an id in the registry database, or None."""
    if not db.exists():
        return None
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("select * from sources where id = ?", [source_id]).fetchone()
    except sqlite3.OperationalError:  # no sources table yet
        return None
    finally:
        conn.close()
    return dict(row) if row else None


def source_info(source_id: str, kind: str, country: str, path: Path) -> SourceInfo:
    """Return the metadata of an imported list."""
    if not re.fullmatch(r"[a-z0-9_]{2,40}", source_id):
        raise SourceError("--source-id must be 2-40 characters of a-z, 0-9 and _")
    if kind not in ("registry", "warning"):
        raise SourceError("--kind must be registry or warning")
    return SourceInfo(id=source_id, name=f"Imported list {path.name}", publisher="imported",
                      country=(country or "").upper(), kind=kind, url="", min_records=1,
                      max_records=1_000_000, live=False, stale_after_days=365,
                      note=f"Imported from {path.name} in the template format.")

"""Load a list in the template format (CSV or XLSX) as a source of its own.

This is how an NGO's own warning list, or a ministry list with no scraper, gets in. Columns (see
`scrapers/template.csv` and the README): name, aliases, phones, licence_number, country, status,
reason, listed_on, source_url; `aliases` and `phones` split on ";".
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl

from .base import Record, SourceError, SourceInfo

COLUMNS = ("name", "aliases", "phones", "licence_number", "country", "status", "reason",
           "listed_on", "source_url")
REQUIRED = ("name",)
VALID_WORDS = ("valid", "licensed", "active", "действ", "жарамды")
INVALID_WORDS = ("revoked", "cancel", "expired", "suspend", "invalid", "banned", "delisted",
                 "отозван", "аннулир", "приостан", "недейств")


def read_rows(path: Path) -> list[dict]:
    """Return the rows of a CSV or XLSX file as dicts keyed by lower-case column names."""
    data = path.read_bytes()
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:
            raise SourceError(f"{path.name}: not a readable XLSX file: {exc}") from exc
        rows = [["" if c is None else str(c) for c in r] for r in wb.worksheets[0].iter_rows(values_only=True)]
    else:
        for encoding in ("utf-8-sig", "cp1251"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise SourceError(f"{path.name}: neither UTF-8 nor Windows-1251 text")
        if "\x00" in text:
            raise SourceError(f"{path.name}: holds NUL bytes (UTF-16?); save it as CSV in UTF-8")
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
        except csv.Error:  # a single column (only `name`) has no delimiter to find: the template's comma
            dialect = csv.excel
        try:
            rows = list(csv.reader(io.StringIO(text), dialect))
        except csv.Error as exc:
            raise SourceError(f"{path.name}: not a readable CSV: {exc}") from exc
    if not rows:
        raise SourceError(f"{path.name}: empty file")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SourceError(f"{path.name}: missing column(s) {missing}; the template has {list(COLUMNS)}")
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise SourceError(f"{path.name}: unknown column(s) {unknown}; the template has {list(COLUMNS)}")
    return [dict(zip(header, r)) for r in rows[1:] if any(str(c).strip() for c in r)]


def status_group(status: str, kind: str) -> str:
    """Return the status group of an imported row: a warning list is all warnings."""
    if kind == "warning":
        return "warning"
    low = status.lower()
    if any(w in low for w in INVALID_WORDS):
        return "invalid"
    if any(w in low for w in VALID_WORDS):
        return "valid"
    return "unknown"


def to_records(rows: list[dict], kind: str, country: str) -> list[Record]:
    """Return the records of template rows; a row without a name is an error naming the row."""
    records = []
    for n, row in enumerate(rows, start=2):
        get = lambda k: str(row.get(k) or "").strip()  # noqa: E731
        name = get("name")
        if not name:
            raise SourceError(f"row {n}: empty name")
        status = get("status") or ("listed" if kind == "warning" else "")
        listed = get("listed_on")
        records.append(Record(
            source_key=f"{name.upper()}|{get('licence_number').upper()}", name=name,
            aliases=[a.strip() for a in get("aliases").split(";") if a.strip()],
            phones=" / ".join(p.strip() for p in get("phones").split(";") if p.strip()),
            licence_number=get("licence_number"), country=(get("country") or country).upper(),
            status=status, status_group=status_group(status, kind), reason=get("reason"),
            status_date=listed[:10] if re.match(r"\d{4}-\d\d-\d\d", listed) else None,
            source_url=get("source_url"),
        ))
    return records


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

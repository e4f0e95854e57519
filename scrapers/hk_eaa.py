"""Hong Kong, Labour Department, Employment Agencies Administration: licensed employment agencies.

The EAA publishes a search form (10 rows a page, a disclaimer to accept, one detail page per
office). No saved copy of those pages exists yet, so there is no live crawler: guessing their HTML
would absorb data we do not understand. Offline: the register as a CSV (one row per licensed office,
3,293 rows as of 2021-12-28), saved by a third-party collector.
"""
from __future__ import annotations

import csv
import io
import logging
import re

from .base import Record, SourceError, SourceInfo, leftover_warning, take

log = logging.getLogger(__name__)

SOURCE = SourceInfo(
    id="hk_eaa", name="Licensed employment agencies",
    publisher="Labour Department, Employment Agencies Administration, Hong Kong", country="HK",
    kind="registry", url="https://www.eaa.labour.gov.hk/en/search.html",
    min_records=2500, max_records=10000, live=False, stale_after_days=90,
    note=("No live crawler yet: the EAA search pages have no saved copy to build one against. "
          "Data comes from a saved CSV of the register (one row per office). "
          "Confirm a licence on the EAA site before relying on it."),
)
COLUMNS = ("English Company Name", "Chinese Company Name", "Valid Licence since", "District",
           "Address", "Telephone No", "FAX", "Email", "Placement Type")


def parse_csv(content: bytes, as_of: str | None = None) -> list[Record]:
    """Return one record per office from the register CSV; columns are checked by name."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"hk_eaa CSV is not UTF-8: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise SourceError(f"hk_eaa CSV lacks columns {missing}; got {reader.fieldnames}")
    records = []
    for raw in reader:
        raw.pop("", None)  # the collector's row index
        raw.pop(None, None)
        english, chinese = take(raw, "English Company Name"), take(raw, "Chinese Company Name")
        address = take(raw, "Address")
        if not (english or chinese):
            raise SourceError("hk_eaa row without a name")
        since = take(raw, "Valid Licence since")
        records.append(Record(
            # Chains appear once per branch: the address keeps every office.
            source_key=f"{english}|{chinese}|{address}".upper(), name=english or chinese,
            aliases=[chinese] if english and chinese else [], phones=take(raw, "Telephone No"),
            status="Licensed", status_group="valid", address=address,
            city=take(raw, "District"), emails=[e for e in re.split(r"[\s/;,]+", take(raw, "Email")) if "@" in e],
            data_as_of=as_of,
            extra={"licensed_since": since, "fax": take(raw, "FAX"),
                   "placement_types": [p.strip() for p in take(raw, "Placement Type").split(",") if p.strip()]},
        ))
        leftover_warning(raw, SOURCE.id, log)
    return records


def _as_of(filename: str) -> str | None:
    """Return the date in the collector's file name (…_28_12_21.csv is 2021-12-28)."""
    if m := re.search(r"(\d\d)_(\d\d)_(\d\d)\.csv$", filename):
        return f"20{m.group(3)}-{m.group(2)}-{m.group(1)}"
    if m := re.search(r"\d{4}-\d\d-\d\d", filename):
        return m.group(0)
    return None


def crawl(fetcher) -> list[Record]:
    """Return the records of the newest saved register CSV (offline only, see the module note)."""
    if not fetcher.offline:
        raise SourceError("hk_eaa has no live crawler yet (no saved EAA search page to build it "
                          "against); run with --offline DIR holding hk_eaa/*.csv")
    files = fetcher.files("*.csv")
    if not files:
        raise SourceError("no saved hk_eaa CSV")
    newest = files[-1]
    return parse_csv(fetcher.get(SOURCE.url, newest.name).content, _as_of(newest.name))

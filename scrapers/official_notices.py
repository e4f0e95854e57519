"""Official notices naming recruitment agencies (Kyrgyzstan, Uzbekistan, Tajikistan, UK).

What a ministry, migration service or court said about an agency, compiled from public news pages
into one CSV shipped with the project (`data/sources/official_notices/notices.csv`, provenance in
PROVENANCE.md): one row per event with its authority, date, URL and a verbatim quote. No
authority publishes these as a list, so there is no live crawler: a run reads the saved CSV (from
`--offline DIR` when it holds one, else the shipped copy). One record per agency; its events are its
timeline and the latest one its status (`verifier/records/notices.py`).
"""
from __future__ import annotations

from scrapers import BUNDLED_SOURCES
from verifier.records.notices import agency_records, read_csv

from .base import Record, SourceError, SourceInfo

SOURCE = SourceInfo(
    id="official_notices", name="Official notices naming recruitment agencies",
    publisher="Ministries, migration services and courts (Kyrgyzstan, Uzbekistan, Tajikistan), as reported in the news",
    country="", kind="warning", url="https://www.azattyk.org/a/33646675.html",
    min_records=10, max_records=10000, live=False, stale_after_days=366, every="1d",
    note=("Each line is one event an authority announced (a permit suspended, reinstated or refused, "
          "a licence revoked, a conviction), with its date, link and words. The latest event is "
          "shown as the status; none of them says what holds today: confirm with the ministry."),
)
FILE = "notices.csv"
COMPILED = "2026-12-07"  # when the notices were read from their pages (PROVENANCE.md)


def parse_csv(content: bytes, as_of: str | None = COMPILED) -> list[Record]:
    """Return one record per agency named in a notices CSV, its events attached in order."""
    rows = read_csv(content)
    if not rows:
        raise SourceError("official_notices CSV has no rows")
    return agency_records(rows, as_of)


def crawl(fetcher) -> list[Record]:
    """Return the records of the saved notices CSV: the offline folder's when it holds one, else
    the copy shipped with the project (the source itself: there is nothing to fetch)."""
    files = fetcher.files("*.csv") if fetcher.offline else []
    if files:
        return parse_csv(fetcher.get(SOURCE.url, files[-1].name).content)
    return parse_csv((BUNDLED_SOURCES / SOURCE.id / FILE).read_bytes())

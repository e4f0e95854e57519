"""A configured source: one published file or web table, fetched and read as its entry says.

`ConfiguredSource` has what the runner asks of a built-in source module (`SOURCE` and `crawl`), so
it goes through the same Fetcher (retries, robots.txt, politeness, raw archive), bounds check and
writer. `read` gives the whole story of one file for `scrapers try`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from verifier.records import statuses

from . import importer, tables
from .base import Record, SourceError
from .config import SourceConfig

log = logging.getLogger(__name__)


@dataclass
class Reading:
    """What reading one file gave: the mapped table, the records, and where it came from."""
    origin: str
    size: int
    mapped: tables.Mapped | None = None
    records: list[Record] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # rows with neither a name nor a number


class ConfiguredSource:
    """A [[source]] entry, shaped like a built-in source module for the runner."""

    def __init__(self, cfg: SourceConfig):
        self.cfg = cfg
        self.SOURCE = cfg.info()

    def file_name(self) -> str:
        """Return the name its body is archived under (and looked for offline)."""
        return f"{self.cfg.id}.{self.cfg.format}"

    def fetch(self, fetcher) -> tuple[bytes, str]:
        """Return the file's bytes and where they came from: live, or the newest saved file offline."""
        if not fetcher.offline:
            resp = fetcher.get(self.cfg.url, self.file_name())
            return resp.content, resp.url
        saved = fetcher.files(f"*.{self.cfg.format}")
        if not saved:
            raise SourceError(f"{self.cfg.id}: no saved *.{self.cfg.format} file in {fetcher.folder}")
        return fetcher.get(self.cfg.url, saved[-1].name).content, str(saved[-1])

    def read(self, fetcher) -> Reading:
        """Return the file read through the entry: header, mapping, records; raise naming row and column."""
        content, origin = self.fetch(fetcher)
        reading = Reading(origin, len(content))
        cfg = self.cfg
        try:
            table = tables.READERS[cfg.format](content, vars(cfg))
            reading.mapped = tables.map_rows(table, cfg.columns, cfg.header_row)
            name_cols = [tables.column_name(table, reading.mapped.header, i) for i in reading.mapped.columns["name"]]
            reading.records = importer.to_records(reading.mapped.rows, cfg.kind, cfg.country, cfg.status_map,
                                                  cfg.default_status, " / ".join(name_cols), cfg.max_skipped,
                                                  reading.skipped)
        except SourceError as exc:
            raise SourceError(f"{cfg.id} ({cfg.format}): {exc}") from exc
        return reading

    def crawl(self, fetcher) -> list[Record]:
        """Return the records of the configured file."""
        reading = self.read(fetcher)
        if reading.skipped:
            log.warning("%s: %d row(s) skipped, with neither a name nor a number: rows %s", self.cfg.id,
                        len(reading.skipped), ", ".join(map(str, reading.skipped[:20])))
        if reading.mapped.unread:
            log.info("%s: columns not read: %s", self.cfg.id, ", ".join(reading.mapped.unread))
        if unknown := [r for r in reading.records if r.status_group == "unknown"]:
            log.warning("%s: %s", self.cfg.id, statuses.summary(unknown, "[source.status_map]"))
        return reading.records

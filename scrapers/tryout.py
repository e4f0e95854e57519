"""`python -m scrapers try ID`: read a configured source as a run would, print it, write nothing.

A newcomer sees the header row found, which columns feed which field, the first records, the
count against the bounds, the statuses and their groups, and every problem, before the source goes
live. Nothing is archived and no database is opened.
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from verifier.records import statuses

from . import tables
from .base import SourceError
from .configured import ConfiguredSource
from .http import Fetcher, OfflineFetcher
from .runner import all_sources, check_bounds, source_timeout

SHOWN = ("name", "aliases", "phones", "licence_number", "status", "status_group", "listed_on")


def _fetcher(source_id: str, offline: Path | None):
    """Return a fetcher that archives nothing and keeps no validators."""
    return OfflineFetcher(source_id, offline) if offline else Fetcher(source_id, None)


def _record_line(n: int, rec) -> str:
    """Return one record as a short line of its non-empty fields."""
    fields = {"name": rec.name, "aliases": "; ".join(rec.aliases), "phones": rec.phones,
              "licence_number": rec.licence_number, "status": rec.status,
              "group": rec.status_group, "listed_on": rec.status_date or "", "address": rec.address}
    return f"  {n}. " + " | ".join(f"{k}={v}" for k, v in fields.items() if v)


def report(source: ConfiguredSource, reading) -> list[str]:
    """Return the lines describing what a reading of the source would load."""
    m, cfg = reading.mapped, source.cfg
    lines = [f"{cfg.id}: read {reading.size:,} bytes from {reading.origin}",
             f"header row {m.header_row}: " + " | ".join(" ".join(h.split()) for h in m.header if h),
             "columns:"]
    table = tables.Table([m.header], keys=cfg.format == "json")
    for fld, idx in m.columns.items():
        lines.append(f"  {fld:<15} <- " + ", ".join(tables.column_name(table, m.header, i) for i in idx))
    if m.unread:
        lines.append("not read: " + ", ".join(m.unread))
    lines.append(f"first {min(5, len(reading.records))} records:")
    lines += [_record_line(n, r) for n, r in enumerate(reading.records[:5], start=1)]
    distinct = len({r.source_key for r in reading.records})
    lines.append(f"records: {len(reading.records)} rows, {distinct} distinct "
                 f"(bounds {cfg.min_records}-{cfg.max_records})")
    if reading.skipped:
        lines.append(f"skipped: {len(reading.skipped)} row(s) with neither a name nor a number: rows "
                     + ", ".join(map(str, reading.skipped[:20])) + (", …" if len(reading.skipped) > 20 else ""))
    seen = Counter((r.status, r.status_group) for r in reading.records)
    lines.append("statuses: " + ", ".join(f"{w or '(none)'!r} -> {g}: {n}" for (w, g), n in seen.most_common(15)))
    return lines


def problems_of(source: ConfiguredSource, reading) -> list[str]:
    """Return what would fail the run or deserves a look (unknown statuses)."""
    problems = []
    try:
        check_bounds(source.SOURCE, reading.records)
    except SourceError as exc:
        problems.append(f"the run would fail: {exc}")
    if any(r.status_group == "unknown" for r in reading.records):
        problems.append(statuses.summary([r for r in reading.records if r.status_group == "unknown"],
                                         "[source.status_map]") + " -- never shown as licensed")
    return problems


def try_source(source_id: str, offline: Path | None = None) -> int:
    """Print what the configured source would load; return 0 when a run would succeed, else 1."""
    source = all_sources(include_disabled=True).get(source_id)
    if not isinstance(source, ConfiguredSource):
        known = sorted(k for k, v in all_sources(include_disabled=True).items() if isinstance(v, ConfiguredSource))
        raise SourceError(f"{source_id!r} is not a configured source; configured: {known or 'none'}")
    fetcher = _fetcher(source_id, offline)
    fetcher.deadline = time.monotonic() + source_timeout()
    try:
        reading = source.read(fetcher)
    except SourceError as exc:
        print(f"{source_id}: problem: {exc}")
        print("nothing was written")
        return 1
    problems = problems_of(source, reading)
    print("\n".join(report(source, reading)))
    print("problems: " + ("none" if not problems else "\n  " + "\n  ".join(problems)))
    print("nothing was written")
    return 1 if any(p.startswith("the run would fail") for p in problems) else 0

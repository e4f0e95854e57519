"""Configured sources: the `[[source]]` entries of `sources.toml` (or the file VERIFIER_SOURCES names).

The whole file is checked before anything runs, and every problem is reported at once, each
naming its entry. An entry becomes a source the runner treats like a built-in one (see
`scrapers/configured.py`); `docs/sources-config.md` describes every key.
"""
from __future__ import annotations

import codecs
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from verifier.records import LICENCE_LABELS, statuses

from .base import SourceError, SourceInfo
from .importer import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("csv", "xlsx", "json", "html")
FIELDS = COLUMNS + ("address", "city", "other_ids")  # the template's, and three a published table may add
REQUIRED = ("id", "kind", "url", "format", "columns")
OPTIONAL = {"country": str, "publisher": str, "name": str, "note": str, "header_row": int, "sheet": str,
            "records": str, "table": str, "encoding": str, "default_status": str, "every": str,
            "min_records": int, "max_records": int, "enabled": bool, "stale_after_days": int,
            "status_map": dict, "max_skipped": float, "licence_label": str}
ONLY_FOR = {"sheet": "xlsx", "records": "json", "table": "html", "encoding": "csv"}
UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 604800}


class ConfigError(SourceError):
    """The sources file has problems; nothing was run."""


@dataclass(frozen=True)
class SourceConfig:
    """One checked `[[source]]` entry."""
    id: str
    kind: str
    url: str
    format: str
    columns: dict[str, list[str]]
    country: str = ""
    publisher: str = ""
    name: str = ""
    note: str = ""
    header_row: int | None = None
    sheet: str | None = None
    records: str | None = None
    table: str | None = None
    encoding: str | None = None
    default_status: str = ""
    every: str = "1d"
    min_records: int = 1
    max_records: int = 1_000_000
    enabled: bool = True
    stale_after_days: int | None = None
    status_map: dict[str, str] = field(default_factory=dict)
    max_skipped: float = 0.01  # the share of rows with neither a name nor a number that may be skipped
    licence_label: str = "licence"

    def info(self) -> SourceInfo:
        """Return the source's metadata as the store and `scrapers list` see it."""
        days = self.stale_after_days or max(7, round(3 * every_seconds(self.every) / 86400))
        return SourceInfo(id=self.id, name=self.name or self.id, publisher=self.publisher or self.name or self.id,
                          country=self.country.upper(), kind=self.kind, url=self.url,
                          min_records=self.min_records, max_records=self.max_records,
                          note=self.note or f"Configured source ({self.format} at {self.url}).",
                          stale_after_days=days, every=self.every, licence_label=self.licence_label)


def config_path() -> Path:
    """Return the sources file: VERIFIER_SOURCES, else sources.toml at the repository root."""
    return Path(os.environ.get("VERIFIER_SOURCES") or ROOT / "sources.toml")


def every_seconds(text: str) -> int:
    """Return an interval like 30m, 6h, 1d or 2w in seconds; raise ValueError otherwise."""
    m = re.fullmatch(r"\s*(\d+)\s*([mhdw])\s*", str(text))
    if not m:
        raise ValueError(f"every = {text!r}: write a number and m, h, d or w (e.g. \"1d\")")
    return int(m.group(1)) * UNITS[m.group(2)]


def load(path: Path | None = None, reserved: Iterable[str] = ()) -> list[SourceConfig]:
    """Return every entry of the sources file (none when it is absent); raise ConfigError listing all problems."""
    path = Path(path or config_path())
    if not path.exists():
        if os.environ.get("VERIFIER_SOURCES"):
            raise ConfigError(f"{path}: no such file (VERIFIER_SOURCES)")
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path.name}: not valid TOML: {exc}") from exc
    problems = [f"unknown top-level key {k!r} (entries are [[source]] tables)" for k in data if k != "source"]
    entries = data.get("source", [])
    if not isinstance(entries, list):
        entries, problems = [], problems + ["`source` must be written [[source]]"]
    configs, seen = [], set(reserved)
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(f"source #{n}: must be a [[source]] table of keys, not {type(entry).__name__} {entry!r:.40}")
            continue
        label = f"source #{n}" + (f" ({entry.get('id')})" if isinstance(entry.get("id"), str) else "")
        found = check_entry(entry, set(reserved), seen)
        problems += [f"{label}: {p}" for p in found]
        if not found:
            configs.append(build(entry))
            seen.add(entry["id"])
    if problems:
        raise ConfigError(f"{path.name}: {len(problems)} problem(s), nothing was run:\n  " + "\n  ".join(problems))
    return configs


def check_entry(entry: dict, reserved: set[str], seen: set[str]) -> list[str]:
    """Return the problems of one [[source]] entry (an empty list when it is sound)."""
    problems = [f"unknown key {k!r}" for k in entry if k not in REQUIRED and k not in OPTIONAL]
    problems += [f"missing {k!r}" for k in REQUIRED if k not in entry]
    problems += [f"{k} must be {_type_name(t)}" for k, t in OPTIONAL.items() if k in entry and not _is_a(entry[k], t)]
    sid, fmt = entry.get("id"), entry.get("format")
    if "id" in entry and (not isinstance(sid, str) or not re.fullmatch(r"[a-z0-9_]{2,40}", sid)):
        problems.append(f"id {sid!r}: 2-40 characters of a-z, 0-9 and _")
    elif sid in reserved:
        problems.append(f"id {sid!r} is reserved (a built-in source, the NGO's own list or the official notices); choose another")
    elif sid in seen:
        problems.append(f"id {sid!r} is used twice")
    if "kind" in entry and entry["kind"] not in ("registry", "warning"):
        problems.append(f"kind {entry['kind']!r}: registry or warning")
    if "format" in entry and fmt not in FORMATS:
        problems.append(f"format {fmt!r}: one of {', '.join(FORMATS)}")
    if "url" in entry and (not isinstance(entry["url"], str) or not re.match(r"https?://[^/\s]+", entry["url"])):
        problems.append(f"url {entry['url']!r}: an http:// or https:// address")
    if fmt in FORMATS:
        problems += [f"{k} is only for format = \"{f}\"" for k, f in ONLY_FOR.items() if k in entry and fmt != f]
    if isinstance(entry.get("licence_label"), str) and entry["licence_label"] not in LICENCE_LABELS:
        problems.append(f"licence_label {entry['licence_label']!r}: one of {', '.join(LICENCE_LABELS)}")
    if isinstance(entry.get("max_skipped"), float) and not 0 <= entry["max_skipped"] < 1:
        problems.append(f"max_skipped {entry['max_skipped']}: a share from 0.0 to below 1.0 (0.01 is 1 %)")
    columns = _check_columns(entry["columns"]) if "columns" in entry else []
    return problems + columns + _check_numbers(entry) + _check_words(entry)


def _is_a(value, kind: type) -> bool:
    """Return True when a TOML value is of the kind a key wants (a bool is no int; an int is a float)."""
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


def _type_name(kind: type) -> str:
    """Return how the sources file's reader names a kind of value."""
    return {str: "text in quotes", int: "a whole number", float: "a number", bool: "true or false",
            dict: "a table"}.get(kind, kind.__name__)


def _check_columns(columns) -> list[str]:
    """Return the problems of a [source.columns] table."""
    if not isinstance(columns, dict):
        return ["[source.columns] must be a table of field = \"header text\""]
    problems = [f"columns: unknown field {k!r}; fields are {', '.join(FIELDS)}" for k in columns if k not in FIELDS]
    if "name" not in columns:
        problems.append("columns: `name` is required (the header text of the names column)")
    for k, v in columns.items():
        texts = [v] if isinstance(v, str) else v
        if not isinstance(texts, list) or not texts or not all(isinstance(t, str) and t.strip() for t in texts):
            problems.append(f"columns.{k}: a header text, or a list of them")
    return problems


def _check_numbers(entry: dict) -> list[str]:
    """Return the problems of the bounds, header row, interval and encoding."""
    problems = []
    low, high = entry.get("min_records", 1), entry.get("max_records", 1_000_000)
    if _is_a(low, int) and _is_a(high, int) and not 1 <= low <= high:
        problems.append(f"min_records {low} and max_records {high}: need 1 <= min_records <= max_records")
    if _is_a(entry.get("header_row"), int) and entry["header_row"] < 1:
        problems.append("header_row counts from 1")
    try:
        if isinstance(entry.get("every", "1d"), str) and every_seconds(entry.get("every", "1d")) < 3600:
            problems.append("every: at least 1h (be polite to the publisher)")
    except ValueError as exc:
        problems.append(str(exc))
    if isinstance(entry.get("encoding"), str):
        try:
            codecs.lookup(entry["encoding"])
        except LookupError:
            problems.append(f"encoding {entry['encoding']!r} is not one Python knows (utf-8, cp1251, …)")
    return problems


def _check_words(entry: dict) -> list[str]:
    """Return the problems of status_map and default_status."""
    if not isinstance(entry.get("status_map", {}), dict):
        return []  # its type is reported already
    try:
        own = statuses.own_words(entry.get("status_map", {}), "status_map")
    except SourceError as exc:
        return [str(exc)]
    word = entry.get("default_status")
    if isinstance(word, str) and word and entry.get("kind") == "registry" and statuses.group_of(word, own) == "unknown":
        return [f"default_status {word!r} is not a known status word: add it to [source.status_map]"]
    return []


def build(entry: dict) -> SourceConfig:
    """Return the SourceConfig of a checked entry."""
    columns = {k: [v] if isinstance(v, str) else list(v) for k, v in entry["columns"].items()}
    rest = {k: v for k, v in entry.items() if k not in ("columns", "status_map")}
    if "max_skipped" in rest:
        rest["max_skipped"] = float(rest["max_skipped"])
    return SourceConfig(**rest, columns=columns, status_map=statuses.own_words(entry.get("status_map", {}), "status_map"))

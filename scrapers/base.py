"""What every source module declares and yields."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class SourceError(Exception):
    """A source could not be fetched or understood; its previous data stays."""


class MissingResponse(SourceError):
    """An offline replay has no saved response for a request."""


@dataclass(frozen=True)
class SourceInfo:
    """Metadata of one source: who publishes it, what it is, how many records to expect."""
    id: str
    name: str
    publisher: str
    country: str
    kind: str  # registry | warning
    url: str
    min_records: int
    max_records: int
    note: str = ""
    live: bool = True  # False: no live crawler yet, only offline or imported data
    stale_after_days: int = 45
    every: str = "1d"  # how often `run --due` refreshes it (30m, 6h, 1d, 2w)


@dataclass
class Record:
    """One clean record, as the store writes it."""
    source_key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    phones: str = ""  # the field as published; the store splits and normalises it
    licence_number: str = ""
    other_ids: list[str] = field(default_factory=list)
    status: str = ""
    status_group: str = "unknown"  # valid | invalid | warning | unknown
    status_date: str | None = None
    expires_on: str | None = None
    reason: str = ""
    address: str = ""
    city: str = ""
    country: str = ""
    representative: str = ""
    emails: list[str] = field(default_factory=list)
    website: str = ""
    source_url: str = ""
    data_as_of: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def take(raw: dict, key: str, default: Any = "") -> Any:
    """Pop key from a raw record and return it stripped; a cell of blanks counts as empty."""
    value = raw.pop(key, default)
    if isinstance(value, str):
        value = value.replace("\xa0", " ").strip()
    return default if value in (None, "") else value


def leftover_warning(raw: dict, source_id: str, log) -> None:
    """Warn about fields a source added that the crawler does not read yet."""
    if raw:
        log.warning("%s: unread fields %s", source_id, sorted(raw))

"""What every source module declares and yields."""
from __future__ import annotations

from typing import Any

from verifier.records import Record, SourceError, SourceInfo  # noqa: F401 (what every source module uses)


class MissingResponse(SourceError):
    """An offline replay has no saved response for a request."""


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

"""When a source is due: `python -m scrapers run --due` (the timer's command) runs only sources whose
interval (`every`) has passed since their last success, and retries a failed one at most once an
hour (or once per interval, if shorter). A source with no live crawler is never due.
"""
from __future__ import annotations

import time
from pathlib import Path

from . import store
from .base import SourceInfo
from .config import every_seconds


def _ago(state: dict | None, key: str, now: float) -> float:
    """Return the seconds since a stored time stamp (infinity when there is none)."""
    if not state or not state.get(key):
        return float("inf")
    return now - store.parse_time(state[key])


def is_due(info: SourceInfo, state: dict | None, now: float | None = None) -> bool:
    """Return True when a source's `every` has passed since its last success and its last attempt
    is at least an hour old (or one interval, if shorter)."""
    if not info.live:
        return False
    now = time.time() if now is None else now
    every = every_seconds(info.every)
    return _ago(state, "last_success", now) >= every and _ago(state, "last_attempt", now) >= min(every, 3600)


def due(sources: list, path: Path) -> list:
    """Return the sources whose interval has passed, by the state stored in the database."""
    from verifier.registry import list_sources
    path = Path(path)
    state = {r["id"]: r for r in list_sources(path)} if path.exists() else {}
    return [s for s in sources if is_due(s.SOURCE, state.get(s.SOURCE.id))]

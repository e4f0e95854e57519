"""Helpers for the snapshot tests: registries that differ from the real one by an invented list.

Every variant is the real registry (built from data/sources) plus one INVENTED warning list
`invented_probe` holding one INVENTED agency, written by the real writer (scrapers.runner.refresh),
so the variant has its own content hash and a check of that name tells which registry answered.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from scrapers.base import Record, SourceInfo
from scrapers.publish import publish
from scrapers.runner import BY_ID, Job, refresh

BUILT_INS = tuple(BY_ID)
PROBE = "Invented Snapshot Probe"  # no such agency exists; the name is made up for these tests


def invented_registry(base: Path, dest: Path, word: str) -> Path:
    """Return a copy of the real registry with an invented warning list naming `PROBE word`."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(base, dest)
    info = SourceInfo("invented_probe", "Invented probe list (tests only)", "Invented publisher", "KZ",
                      "warning", "https://invented.example/list", 1, 10, live=False)
    record = Record(source_key=f"probe-{word}", name=f"{PROBE} {word}", status="listed", status_group="warning",
                    data_as_of="2026-01-01")
    outcome = refresh([Job(info, lambda: [record], offline=True)], dest)[0]
    assert outcome.ok, outcome.error
    return dest


def publish_registry(registry: Path, folder: Path, keep: int = 5):
    """Publish a registry into folder (the built-in sources required); return what publish did."""
    return publish(registry, folder, BUILT_INS, keep)


def wait_for(predicate, timeout: float = 30.0, step: float = 0.05):
    """Return the first true value of predicate() within timeout seconds; fail the test otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(step)
    raise AssertionError(f"not true within {timeout} s")

"""Scrapers: one module per source, the HTTP session, the one writer (`store`) and the runner."""
from pathlib import Path

# The saved public sources shipped with the project (provenance in PROVENANCE.md there): what a
# fresh clone builds from, and what the tests read. Layout `<source_id>/…`, as `--offline` expects.
BUNDLED_SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"

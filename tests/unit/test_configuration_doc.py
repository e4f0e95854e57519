"""Every environment variable the code reads is documented in README.md (issue 16, item 7)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(r"""(?:environ(?:\.get)?|env\.get|getenv)\s*[(\[]\s*["']([A-Z][A-Z0-9_]+)["']""")


def variables_read() -> set[str]:
    """Give the names of the environment variables read anywhere in the code."""
    files = [*(ROOT / "verifier").rglob("*.py"), *(ROOT / "scrapers").rglob("*.py"),
             ROOT / "gunicorn.conf.py", ROOT / "wsgi.py"]
    return {name for f in files for name in READS.findall(f.read_text(encoding="utf-8"))}


def test_the_scan_finds_the_known_settings():
    assert {"VERIFIER_DB", "GUNICORN_THREADS", "RATELIMIT_ENABLED", "VERIFIER_PUBLIC_URL"} <= variables_read()


def test_every_variable_is_documented():
    doc = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(name for name in variables_read() if f"`{name}`" not in doc)
    assert missing == [], f"add these to README.md: {missing}"

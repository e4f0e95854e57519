"""Default configuration for the web app; every value can be overridden from the environment."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from verifier import DEFAULT_REGION, DEFAULT_TIMEZONE
from verifier.hotlines import configured_hotlines
from verifier.i18n import LANGUAGES, N_

TRANSLATIONS_DIR = str(Path(__file__).resolve().parent.parent / "translations")

# Official reporting lines per source country, shown with the standing "independent check" line.
DEFAULT_REPORTING_LINES = {
    "PH": {"name": N_("DMW hotline (Philippines)"), "phone": "1348", "url": "https://dmw.gov.ph/"},
    "HK": {"name": N_("Labour Department, Employment Agencies Administration (Hong Kong)"),
           "phone": None, "url": "https://www.eaa.labour.gov.hk/"},
    "KZ": {"name": N_("Police (Kazakhstan)"), "phone": "102", "url": None},
}


def _split(value: str | None) -> list[str]:
    """Give the non-empty comma-separated items of an environment value."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def default_config() -> dict:
    """Give the app's default settings, reading the environment once."""
    env = os.environ
    return {
        "SECRET_KEY": env.get("VERIFIER_SECRET_KEY") or os.urandom(24).hex(),
        "VERIFIER_DB": env.get("VERIFIER_DB", "data/verifier.db"),
        "VERIFIER_APP_DB": env.get("VERIFIER_APP_DB", "data/app.db"),
        # Answer from the newest verified registry snapshot in this folder instead of VERIFIER_DB.
        "VERIFIER_SNAPSHOT_DIR": env.get("VERIFIER_SNAPSHOT_DIR") or None,
        "VERIFIER_SNAPSHOT_POLL": env.get("VERIFIER_SNAPSHOT_POLL", "60"),
        "VERIFIER_REGION": env.get("VERIFIER_REGION", DEFAULT_REGION),
        "VERIFIER_TIMEZONE": env.get("VERIFIER_TIMEZONE", DEFAULT_TIMEZONE),
        "LANGUAGES": LANGUAGES,
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_TRANSLATION_DIRECTORIES": TRANSLATIONS_DIR,
        "HOTLINES": configured_hotlines(env.get("VERIFIER_HOTLINES")),
        "REPORTING_LINES": dict(DEFAULT_REPORTING_LINES),
        # Origins allowed to frame /embed; empty means any ("*").
        "EMBED_ALLOWED_ORIGINS": _split(env.get("VERIFIER_EMBED_ORIGINS")),
        # Partner API keys (never in the repo): comma-separated in VERIFIER_API_KEYS.
        "API_KEYS": frozenset(_split(env.get("VERIFIER_API_KEYS"))),
        "API_RATE_LIMIT": env.get("VERIFIER_API_RATE_LIMIT", "60/minute;1000/day"),
        "API_PARTNER_RATE_LIMIT": env.get("VERIFIER_API_PARTNER_RATE_LIMIT", "600/minute"),
        "PAGE_RATE_LIMIT": env.get("VERIFIER_PAGE_RATE_LIMIT", "120/minute"),
        # Offer scans cost more than a check: their own, lower limit, and a cap on how many one
        # address (or partner key) runs at once (verifier/web/bounds.py).
        "SCAN_RATE_LIMIT": env.get("VERIFIER_SCAN_RATE_LIMIT", "10/minute;200/day"),
        "SCAN_PARTNER_RATE_LIMIT": env.get("VERIFIER_SCAN_PARTNER_RATE_LIMIT", "120/minute"),
        "SCAN_CONCURRENCY": int(env.get("VERIFIER_SCAN_CONCURRENCY", "2")),
        # Seconds a scan or a check may take; past it the work stops between two steps (503).
        "VERIFIER_SCAN_DEADLINE": float(env.get("VERIFIER_SCAN_DEADLINE", "2")),
        "VERIFIER_CHECK_DEADLINE": float(env.get("VERIFIER_CHECK_DEADLINE", "1")),
        "RATELIMIT_ENABLED": env.get("RATELIMIT_ENABLED", "true").lower() not in ("0", "false", "no"),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        "RATELIMIT_KEY_PREFIX": "verifier",
        "WARM_INDEX": env.get("VERIFIER_WARM", "1") not in ("0", "false", "no"),
        # The staff session cookie: secure (HTTPS only) unless VERIFIER_COOKIE_SECURE=0, eight hours.
        "SESSION_COOKIE_SECURE": env.get("VERIFIER_COOKIE_SECURE", "1").lower() not in ("0", "false", "no"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_NAME": "session",
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=8),
        "STAFF_LOGIN_RATE_LIMIT": env.get("VERIFIER_LOGIN_RATE_LIMIT", "5/minute;30/hour"),
        # The NGO's own warning list: who publishes it and its page (shown with every entry).
        "VERIFIER_NGO_NAME": env.get("VERIFIER_NGO_NAME") or None,
        "VERIFIER_NGO_URL": env.get("VERIFIER_NGO_URL", ""),
        # Search counts are written by a background thread every this many seconds.
        "VERIFIER_COUNT_FLUSH_SECONDS": float(env.get("VERIFIER_COUNT_FLUSH_SECONDS", "10")),
    }

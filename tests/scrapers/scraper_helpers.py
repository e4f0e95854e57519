"""Helpers for the scraper tests: paths of the real saved sources, the CLI, database probes.

Nothing here is mocked. Sources are read from data/sources (the project's own copy of the saved public files);
databases live in tmp_path; live fetches go to pytest-httpserver on 127.0.0.1.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from scrapers import BUNDLED_SOURCES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = BUNDLED_SOURCES
PH_DIRECTORY = SOURCES / "ph_dmw" / "directory" / "dmw-licensed-agencies-2026-09-14.json"
PH_PAGE1 = SOURCES / "ph_dmw" / "api" / "licensed-agencies.page-1.json"
PH_FILTER = SOURCES / "ph_dmw" / "api" / "licensed-agencies.filter.name-ABC.page-1.json"
HK_CSV = SOURCES / "hk_eaa" / "Employmnt_Agency_Data_28_12_21.csv"
KZ_XLSX = SOURCES / "kz_kgd" / "list_PSEUDO_COMPANY_KZ_ALL.xlsx"
ARTIFACTS = ROOT / "tests" / "artifacts"
FAST_ENV = {  # no politeness delay, no backoff, short timeouts: the suite must stay fast
    "VERIFIER_FETCH_DELAY": "0", "VERIFIER_RETRY_BACKOFF": "0",
    "VERIFIER_CONNECT_TIMEOUT": "1", "VERIFIER_READ_TIMEOUT": "1",
}
CLI_TIMEOUT = 120


def cli(db: Path, *args: str, env: dict | None = None, timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess:
    """Run `python -m scrapers ARGS` in the project root with VERIFIER_DB=db; return the result."""
    full_env = {k: v for k, v in os.environ.items()
                if not k.startswith(("VERIFIER_", "DMW_", "KGD_", "KZ_KGD_"))}
    full_env.update(FAST_ENV, VERIFIER_DB=str(db), VERIFIER_RAW_DIR=str(Path(db).parent / "raw"))
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "scrapers", *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def query(db: Path, sql: str, params=()) -> list[tuple]:
    """Run one query on a database file, read-only."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def snapshot(db: Path, source: str) -> dict:
    """Return id -> (status, status_group, removed_at, record_hash) for one source's records."""
    return {r[0]: r[1:] for r in query(
        db, "select id, status, status_group, removed_at, record_hash from agencies where source = ?", [source])}


def runs(db: Path, source: str) -> list[dict]:
    """Return a source's runs rows, oldest first."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("select * from runs where source = ? order by id", [source])]
    finally:
        conn.close()


def real_page1() -> dict:
    """Return the real saved page 1 of the DMW licensed-agencies API."""
    return json.loads(PH_PAGE1.read_bytes())


def with_meta(payload: dict, page: int, last: int) -> dict:
    """Return an API payload with its meta rewritten to be page `page` of `last` (real records)."""
    meta = dict(payload["meta"], currentPage=page, lastPage=last,
                nextPageUrl=f"/api/v1/public/licensed-agencies?page={page + 1}" if page < last else None)
    return dict(payload, meta=meta)


def fixture_api_pages_from_directory() -> list[bytes]:
    """Made-up API pages built from REAL data: the real directory's 3,794 rows put in the API's
    record shape (field names and meta from the real page 1), 50 a page, paged as the live API is."""
    template = real_page1()
    rows = json.loads(PH_DIRECTORY.read_bytes())
    records = [{
        "name": r["name"], "classification": "Private Employment Agency", "license_status": r["status"],
        "license_status_date": None, "license_expiration_date": None, "is_valid": None,
        "representative": r["contactName"], "address": r["address"], "municipality_province": None,
        "city_province": None, "contact_number": r["phone"], "eMail": None,
        "data_as_of": "2026-09-14T00:00:00.000Z",
    } for r in rows]
    assert set(records[0]) == set(template["data"][0]), "record shape drifted from the real API page"
    pages = [records[i:i + 50] for i in range(0, len(records), 50)]
    return [json.dumps(with_meta(dict(template, data=p), n, len(pages))).encode()
            for n, p in enumerate(pages, start=1)]


PHONE_REPORT = __import__("pytest").StashKey[str]()  # the phone coverage summary, for the report's end

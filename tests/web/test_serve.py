"""`scripts/serve` on a fresh registry path: builds from data/sources, serves, shares one rate count.

And `scripts/bundled_plan.py`, which decides what serve builds: sources missing or older than the
saved snapshot, and nothing else.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
import urllib.request
from urllib.parse import quote

import pytest

from support import ROOT, free_port, wait_until_up


@pytest.fixture(scope="module")
def bundled_plan():
    """Give scripts/bundled_plan.py as a module."""
    spec = importlib.util.spec_from_file_location("bundled_plan", ROOT / "scripts" / "bundled_plan.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plan_builds_what_is_missing_or_older_and_keeps_newer_data(bundled_plan, web_db, tmp_path):
    db = tmp_path / "verifier.db"
    assert [sid for sid, _ in bundled_plan.plan(db)] == ["ph_dmw", "hk_eaa", "kz_kgd", "official_notices"]  # no file
    shutil.copy(web_db, db)
    assert bundled_plan.plan(db) == []  # built from this snapshot: nothing to do
    stamp = json.loads((tmp_path / "verifier.db.bundle.json").read_text())
    assert stamp["data_as_of"] == {"ph_dmw": "2026-09-14", "hk_eaa": "2021-12-28", "kz_kgd": "2020-04-07",
                                   "official_notices": "2026-12-07"}
    with sqlite3.connect(db) as conn:
        conn.execute("update sources set data_as_of = '2020-01-01' where id = 'kz_kgd'")  # older
        conn.execute("update sources set data_as_of = '2027-01-05' where id = 'ph_dmw'")  # a live refresh
        conn.execute("update sources set records = 0 where id = 'hk_eaa'")  # loaded nothing
    assert [sid for sid, _ in bundled_plan.plan(db)] == ["hk_eaa", "kz_kgd"]
    with sqlite3.connect(db) as conn:
        conn.execute("delete from sources where id = 'hk_eaa'")
    assert dict(bundled_plan.plan(db))["hk_eaa"] == "not loaded in the registry"


def get(url: str) -> tuple[int, dict]:
    """Give the status and JSON body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_serve_on_a_fresh_path_builds_the_bundled_lists_and_answers(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("RATELIMIT_STORAGE_URI", "VERIFIER_LIVE")}
    env.update(VERIFIER_DB=str(tmp_path / "fresh" / "verifier.db"), VERIFIER_APP_DB=str(tmp_path / "app.db"),
               PORT=str(port), GUNICORN_WORKERS="2", VERIFIER_API_RATE_LIMIT="25/minute")
    log = open(tmp_path / "serve.log", "w")
    process = subprocess.Popen([str(ROOT / "scripts" / "serve")], cwd=ROOT, env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/api/v1/health", process, seconds=240)
        said = (tmp_path / "serve.log").read_text()
        assert "building ph_dmw hk_eaa kz_kgd official_notices from the saved public sources in data/sources" in said
        status, sources = get(url + "/api/v1/sources")
        assert status == 200 and sum(s["records"] for s in sources["sources"]) >= 8900
        status, result = get(url + "/api/v1/check?q=" + quote("ТОО Dymka"))
        assert status == 200 and result["verdict"] == "warning"
        codes = [get(url + "/api/v1/sources")[0] for _ in range(30)]  # 2 used above
        assert codes.count(200) == 23 and codes.count(429) == 7  # one count for both workers
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
    time.sleep(0.5)
    leftover = subprocess.run(["pgrep", "-s", str(process.pid)], capture_output=True, text=True).stdout
    assert leftover.strip() == ""  # gunicorn and redis stopped with it

"""Gunicorn with the project's config: the index is built once, the access log keeps no queries."""
from __future__ import annotations

import time
import urllib.parse
import urllib.request
from pathlib import Path

from support import ROOT


def load_config() -> dict:
    """Give the settings defined by gunicorn.conf.py."""
    namespace: dict = {}
    exec(compile((ROOT / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)
    return namespace


def test_config_preloads_and_logs_no_query_or_client():
    config = load_config()
    assert config["preload_app"] is True and config["workers"] >= 1
    fmt = config["access_log_format"]
    for atom in ("%(q)s", "%(r)s", "%(f)s", "%(a)s", "%(h)s", "%(u)s", "%({"):
        assert atom not in fmt
    assert "%(U)s" in fmt


def test_access_log_never_contains_the_looked_up_text(live_server):
    secret = "Zhanar Unique Lookup 7252"
    for path in ("/check?q=", "/api/v1/check?q=", "/embed?q=", "/hotline?q="):
        url = live_server["url"] + path + urllib.parse.quote(secret)
        with urllib.request.urlopen(url) as response:
            assert response.status == 200
    time.sleep(0.5)
    log = Path(live_server["access_log"]).read_text()
    assert "/api/v1/check" in log  # the request was logged ...
    assert "Zhanar" not in log and "7252" not in log and "q=" not in log  # ... but not its query

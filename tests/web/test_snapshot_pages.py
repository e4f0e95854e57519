"""The site in snapshot mode names the snapshot it answers from: health, the API, printable records."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from realdata import CANCELLED_NAME
from tests.snapshot_helpers import publish_registry
from verifier.web import create_app


@pytest.fixture
def published(web_db, tmp_path):
    """Give (folder, snapshot) with the real registry published into a fresh folder."""
    folder = tmp_path / "snaps"
    return folder, publish_registry(Path(web_db), folder).snapshot


@pytest.fixture
def snap_client(published, tmp_path):
    """Give a test client of an app answering from the snapshot folder (its VERIFIER_DB is missing)."""
    folder, _snapshot = published
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "VERIFIER_DB": str(tmp_path / "missing.db"),
                      "VERIFIER_SNAPSHOT_DIR": str(folder), "VERIFIER_SNAPSHOT_POLL": "1"})
    return app.test_client()


def test_health_and_check_name_the_snapshot(snap_client, published):
    short = published[1].short
    health = snap_client.get("/api/v1/health")
    assert health.status_code == 200 and health.get_json()["snapshot"] == short
    result = snap_client.get("/api/v1/check?q=" + quote(CANCELLED_NAME)).get_json()
    assert result["verdict"] == "licence_invalid" and result["snapshot"] == short
    agency = snap_client.get(f"/api/v1/agencies/{result['matches'][0]['agency_id']}").get_json()
    assert agency["snapshot"] == short


@pytest.mark.parametrize("lang, label", [("en", "Registry snapshot"), ("ru", "Версия реестра"),
                                         ("kk", "Тізілім нұсқасы"), ("uz", "Reyestr nusxasi")])
def test_printable_records_name_the_snapshot(snap_client, published, lang, label):
    short = published[1].short
    page = snap_client.get(f"/check?lang={lang}&q=" + quote(CANCELLED_NAME)).get_data(as_text=True)
    assert f"{label} {short}." in page
    agency_id = snap_client.get("/api/v1/check?q=" + quote(CANCELLED_NAME)).get_json()["matches"][0]["agency_id"]
    record = snap_client.get(f"/agency/{agency_id}?lang={lang}").get_data(as_text=True)
    assert f"<dt>{label}</dt><dd><code>{short}</code></dd>" in record
    hotline = snap_client.get(f"/hotline?lang={lang}").get_data(as_text=True)
    words = json.loads(re.search(r'<script type="application/json" id="hl-i18n">(.*?)</script>', hotline).group(1))
    assert words["snapshot"] == label[0].lower() + label[1:]  # the call note's word for it


def test_without_a_snapshot_folder_nothing_is_named(client):
    assert client.get("/api/v1/health").get_json()["snapshot"] is None
    result = client.get("/api/v1/check?q=" + quote(CANCELLED_NAME)).get_json()
    assert result["snapshot"] is None
    record = client.get(f"/agency/{result['matches'][0]['agency_id']}").get_data(as_text=True)
    assert "Registry snapshot" not in record


def test_an_empty_snapshot_folder_gives_no_verdict(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "VERIFIER_DB": str(tmp_path / "missing.db"),
                      "VERIFIER_SNAPSHOT_DIR": str(tmp_path / "empty")})
    client = app.test_client()
    health = client.get("/api/v1/health")
    assert health.status_code == 503 and health.get_json()["snapshot"] is None
    assert client.get("/api/v1/check?q=" + quote(CANCELLED_NAME)).status_code == 503

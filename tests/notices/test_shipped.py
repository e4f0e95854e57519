"""Official notices shipped with the project: each "Done when" case on the registry built from data/sources."""
from __future__ import annotations

import json
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from scrapers import BUNDLED_SOURCES
from verifier.records.notices import read_csv

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ("Голден ворк & тревел", "Golden Work Travel")
REINSTATED = "https://24.kg/obschestvo/358469_chetyirem_kompaniyam_vozobnovili_razreshenie_trudoustraivat_grajdankr_zarubejom/"
SUSPENDED = "https://www.azattyk.org/a/33646675.html"


def test_the_notices_ship_with_the_project():
    rows = read_csv((BUNDLED_SOURCES / "official_notices" / "notices.csv").read_bytes())
    assert len(rows) == 29 and "official_notices" in (BUNDLED_SOURCES / "PROVENANCE.md").read_text()


@pytest.mark.parametrize("query", GOLDEN)
def test_golden_work_shows_its_suspension_then_its_reinstatement_and_is_never_licensed(engine, query):
    result = engine.check(query)
    assert result["verdict"] == "similar" and result["risk"] == "medium"
    top = result["matches"][0]
    assert top["source"] == "official_notices" and top["status_group"] == "permit"
    events = top["events"]
    assert [e["status"] for e in events][-2:] == ["suspended", "licensed"]
    assert events[-1]["decides"] and events[-1]["url"] == REINSTATED and events[-1]["date"] is None
    assert events[-1]["after"] == "2026-01-13" and SUSPENDED in {e["url"] for e in events}
    assert "reinstated" in result["summary"] and "confirm the permit is still valid with the ministry" in result["summary"]
    assert any("1966" in r for r in result["reasons"]), "the ministry's contact"
    assert any(r.startswith("Not known: the date") for r in result["reasons"])


def test_profit4you_is_licence_invalid_with_the_court_decision(engine):
    result = engine.check("Profit4you Europe")
    assert result["verdict"] == "licence_invalid" and result["risk"] == "high"
    (event,) = result["matches"][0]["events"]
    assert event["status"] == "revoked" and "Economic Court" in event["authority"]
    assert "decision of the Tashkent interdistrict economic court" in event["quote"]
    assert event["url"].startswith("https://m.kun.uz/")


@pytest.mark.parametrize("query", ("Даври Истиқлол", "Davri Istiqlol"))
def test_davri_istiqlol_shows_no_permit(engine, query):
    result = engine.check(query, lang="ru")
    assert result["verdict"] == "licence_invalid"
    top = result["matches"][0]
    assert top["status_label"].startswith("недействительна") or "нет разрешения" in top["status_label"]
    assert {e["status"] for e in top["events"]} == {"unlicensed"} and len(top["events"]) == 2
    assert all(e["status_label"] == "нет разрешения" for e in top["events"])
    assert "Migration Service" in top["events"][-1]["authority"]


def test_a_conviction_is_a_warning(engine):
    assert engine.check("Garduna")["verdict"] == "warning"


def test_the_record_page_api_and_cli_show_the_timeline(registry_db, app_db, engine):
    from verifier.web import create_app
    app = create_app({"TESTING": True, "VERIFIER_DB": str(registry_db), "VERIFIER_APP_DB": str(app_db),
                      "SECRET_KEY": secrets.token_hex(8)})
    client = app.test_client()
    agency_id = engine.check(GOLDEN[1])["matches"][0]["agency_id"]
    record = client.get(f"/api/v1/agencies/{agency_id}").get_json()
    assert [e["status"] for e in record["events"]][-1] == "licensed"
    page = client.get(f"/agency/{agency_id}?lang=kk").text
    assert REINSTATED in page and SUSPENDED in page and "Билік не деді" in page
    assert "Натыйжада төрт" in page and 'lang="ky"' in page  # the quote in its own language
    result = client.get("/check", query_string={"q": GOLDEN[1], "lang": "uz"}).text
    assert REINSTATED in result and "Rasmiylar nima dedi" in result
    cli = subprocess.run([sys.executable, "-m", "verifier", "check", GOLDEN[1]], cwd=ROOT, capture_output=True,
                         text=True, env={"PATH": "/usr/bin:/bin", "VERIFIER_DB": str(registry_db),
                                         "VERIFIER_APP_DB": str(app_db), "PYTHONPATH": str(ROOT)})
    assert cli.returncode == 0, cli.stderr
    assert "2026-01-13: permit suspended" in cli.stdout and REINSTATED in cli.stdout
    assert not cli.stdout.startswith("LICENSED")


def test_the_offer_scan_names_the_permit_authority(engine):
    from verifier.offers.scan import scan
    offer = scan("Работа в Турции. ОсОО «Голден Ворк Тревел», Бишкек. Оплата после визы.", "ru", engine)
    assert [p["country"] for p in offer["permits"]] == ["KG"]
    assert "Министерство труда" in offer["permits"][0]["authority"]
    firm = scan("Seasonal work in the UK, company \"Davri Istiqlol\"", "en", engine)
    assert [p["country"] for p in firm["permits"]] == ["TJ"], "a firm of the notices, no country named"
    assert json.dumps(firm)  # the API's JSON


def test_the_offer_page_shows_the_firm_timeline_and_the_permit_authority(registry_db, app_db):
    from tests.reports.conftest import csrf_from
    from verifier.web import create_app
    app = create_app({"TESTING": True, "VERIFIER_DB": str(registry_db), "VERIFIER_APP_DB": str(app_db),
                      "SECRET_KEY": secrets.token_hex(8)})
    client = app.test_client()
    token = csrf_from(client.get("/offer?lang=ru").text)
    text = "Работа в Турции. ОсОО «Голден Ворк Тревел», Бишкек. Оплата после визы."
    page = client.post("/offer?lang=ru", data={"text": text, "csrf_token": token}).text
    assert "Кто выдаёт разрешения на трудоустройство" in page and "1966 / 66-01-07" in page
    assert REINSTATED in page and "Что сообщили власти" in page

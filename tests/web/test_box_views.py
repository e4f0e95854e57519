"""The one box on every view: the page, the API and the hotline say how the box was read."""
from __future__ import annotations

BOX = "ТОО Стройтехмонтаж-М, тел. 8 707 281 71 85"


def test_api_gives_the_parts_it_read(client):
    body = client.get("/api/v1/check", query_string={"q": BOX}).get_json()
    assert body["verdict"] == "warning"
    assert body["parsed"] == {"name": "ТОО Стройтехмонтаж-М", "phones": ["+77072817185"], "licences": []}


def test_page_and_hotline_say_how_the_box_was_read(client):
    for path in ("/check", "/hotline", "/embed"):
        page = client.get(path, query_string={"q": BOX, "lang": "en"})
        assert page.status_code == 200, path
        assert "Read as: name «ТОО Стройтехмонтаж-М», phone +7 707 281 7185." in page.text, path


def test_a_pasted_offer_in_the_box_is_offered_the_offer_scan(client):
    text = "Работа в Корее, агентство «Глобал Ворк». Звоните +7 701 000 00 00 или +7 702 000 00 00."
    page = client.get("/check", query_string={"q": text, "lang": "en"})
    assert "This looks like a job offer" in page.text and 'name="text"' in page.text


def test_too_little_to_compare_is_refused_not_judged(client):
    for q in ("a", "mmmm", "ТОО"):
        api = client.get("/api/v1/check", query_string={"q": q})
        assert api.status_code == 400 and "too short" in api.get_json()["error"], q
        page = client.get("/check", query_string={"q": q, "lang": "en"})
        assert page.status_code == 400 and "too short" in page.text and 'name="q"' in page.text, q

"""The one box on every view: the page, the API and the hotline say how the box was read."""
from __future__ import annotations

import re

import pytest

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


LONG_OFFER = ("Работа в Корее на заводе, зарплата 3000 долларов в месяц, жильё бесплатно. Оформление "
              "документов 60 000 тенге, оплата сразу на карту менеджера. Паспорта сдаются бригадиру на "
              "хранение. Агентство «Глобал Ворк», тел. +7 701 000 00 00, пишите в WhatsApp. Выезд по "
              "туристической визе через неделю, мест мало, успейте записаться сегодня!")


@pytest.mark.parametrize("path", ["/check", "/hotline"])
def test_a_pasted_text_longer_than_the_box_goes_whole_to_the_offer_scan(client, path):
    assert len(LONG_OFFER) > 300
    page = client.get(path, query_string={"q": LONG_OFFER, "lang": "en"})
    assert page.status_code == 200, page.text[:300]
    assert 'data-flag="fee"' in page.text and 'data-flag="passport"' in page.text  # flags from both ends
    assert "туристической визе" in re.sub(r"<[^>]+>", "", page.text)  # the end was read, not cut at 300 (marks aside)


def test_the_search_box_posts_a_long_paste_to_the_offer_scan(client):
    html = client.get("/").get_data(as_text=True)
    assert 'id="box-offer"' in html and "box.js" in html and 'name="csrf_token"' in html
    assert 'maxlength="300"' not in html.split('id="q"')[1].split(">")[0]

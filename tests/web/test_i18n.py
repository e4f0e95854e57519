"""Languages: ?lang=, cookie and Accept-Language pick kk/ru/uz/en; verdicts and advice translated."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from realdata import CANCELLED_NAME


@pytest.mark.parametrize("lang, words", [
    ("ru", "Лицензия недействительна"),
    ("kk", "Лицензия жарамсыз"),
    ("uz", "Litsenziya haqiqiy emas"),
    ("en", "Licence not valid"),
])
def test_verdict_and_advice_in_each_language(client, lang, words):
    html = client.get(f"/check?lang={lang}&q=" + quote(CANCELLED_NAME)).get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert words in html


@pytest.mark.parametrize("lang", ["ru", "kk", "uz"])
def test_checker_summary_and_advice_are_translated(client, lang):
    en = client.get("/api/v1/check?lang=en&q=" + quote(CANCELLED_NAME)).get_json()
    other = client.get(f"/api/v1/check?lang={lang}&q=" + quote(CANCELLED_NAME)).get_json()
    assert other["summary"] != en["summary"]
    html = client.get(f"/?lang={lang}").get_data(as_text=True)
    assert "Do not pay any fee" not in html


def test_lang_parameter_sets_a_cookie_that_later_pages_follow(client):
    response = client.get("/?lang=kk")
    assert "lang=kk" in response.headers["Set-Cookie"]
    assert '<html lang="kk">' in client.get("/sources").get_data(as_text=True)


def test_accept_language_is_used_without_parameter_or_cookie(client):
    html = client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).get_data(as_text=True)
    assert '<html lang="ru">' in html


def test_switcher_on_every_page_keeps_the_query(client):
    for path in ("/", "/sources", "/hotline", "/widget", "/check?q=manpower"):
        html = client.get(path).get_data(as_text=True)
        for lang in ("kk", "ru", "uz", "en"):
            assert f'hreflang="{lang}"' in html
    html = client.get("/check?q=manpower").get_data(as_text=True)
    assert "/check?q=manpower&amp;lang=ru" in html


def test_switcher_ignores_parameters_that_clash_with_the_path_or_url_for(client):
    response = client.get("/agency/nope?agency_id=../../etc&_external=1&_anchor=x")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert 'href="/agency/nope?lang=ru"' in html

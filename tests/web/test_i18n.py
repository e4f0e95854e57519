"""Languages: ?lang=, cookie and Accept-Language pick kk/ru/uz/en; verdicts and advice translated."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from realdata import CANCELLED_NAME, WARNING_NAME


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


@pytest.mark.parametrize("lang, summary, source, word, status, advice", [
    ("ru", "Сейчас без лицензии:", "Департамент по делам трудовых мигрантов (DMW), Филиппины", "аннулирована",
     "не действует (аннулирована)", "Не платите за трудоустройство."),
    ("kk", "Қазір лицензиясы жоқ:", "Еңбек мигранттары департаменті (DMW), Филиппин", "күші жойылған",
     "жарамсыз (күші жойылған)", "Жұмысқа орналасу үшін ақы төлемеңіз."),
    ("uz", "Hozir litsenziyasi yoʻq:", "Migrant ishchilar departamenti (DMW), Filippin", "bekor qilingan",
     "haqiqiy emas (bekor qilingan)", "Ishga kirish uchun hech qanday pul toʻlamang."),
])
def test_checker_summary_source_status_and_advice_are_translated(client, lang, summary, source, word, status, advice):
    result = client.get(f"/api/v1/check?lang={lang}&q=" + quote(CANCELLED_NAME)).get_json()
    assert result["summary"].startswith(summary) and source in result["summary"]
    assert f"«{word}»" in result["summary"]  # DMW's own word (Cancelled) in the reader's words and quotes
    assert result["matches"][0]["source_name"] == source
    html = client.get(f"/check?lang={lang}&q=" + quote(CANCELLED_NAME)).get_data(as_text=True)
    assert status in html and source in html
    home = client.get(f"/?lang={lang}").get_data(as_text=True)
    assert "Do not pay any fee" not in home
    assert advice in home


@pytest.mark.parametrize("lang, label", [("en", "BIN (business identification number)"),
                                         ("ru", "БИН (бизнес-идентификационный номер)"),
                                         ("kk", "БСН (бизнес-сәйкестендіру нөмірі)")])
def test_a_kgd_record_labels_its_number_as_a_bin(client, lang, label):
    match = client.get("/api/v1/check?q=" + quote(WARNING_NAME)).get_json()["matches"][0]
    assert match["source"] == "kz_kgd"
    assert client.get(f"/api/v1/agencies/{match['agency_id']}").get_json()["licence_number"]  # the BIN
    html = client.get(f"/agency/{match['agency_id']}?lang={lang}").get_data(as_text=True)
    assert f"<dt>{label}</dt>" in html and "Licence number" not in html and "Номер лицензии" not in html


def test_times_are_local_with_their_offset(client):
    html = client.get("/check?q=" + quote(CANCELLED_NAME)).get_data(as_text=True)
    assert re.search(r"Checked at \d{1,2} \w+ \d{4}, \d\d:\d\d \(UTC\+05:00\)\.", html)
    html = client.get("/sources").get_data(as_text=True)
    assert re.search(r"data last loaded \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+05:00\)", html)


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


def test_every_built_in_source_word_is_kept_for_the_catalogues():
    from scrapers import kz_kgd
    from scrapers.runner import SOURCES
    from verifier.i18n import translate
    from verifier.appdb.ngo import INFO
    from verifier.web.display import SOURCE_WORDS

    stored = {w for m in SOURCES for w in (m.SOURCE.publisher, m.SOURCE.name, m.SOURCE.note)}
    stored |= {INFO.publisher, INFO.name, INFO.note, *kz_kgd.LISTS.values()}
    assert stored <= set(SOURCE_WORDS)
    for lang in ("ru", "kk", "uz"):
        assert all(translate(lang, w) != w for w in stored), lang

"""One clear answer, read in a browser per verdict and language: one risk heading, at most one
notice box, no standing line said twice, no English or Latin UI word on ru/kk/uz pages, the help
lines of the record's country, and axe with no violation at all on /check and /embed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from realdata import CANCELLED_NAME, LICENSED_NAME, WARNING_NAME
from support import AXE, ROOT, free_port, shot, wait_until_up
from test_no_english import english_on, visible_text

VERDICTS = {
    "warning": {"q": WARNING_NAME},
    "licence_invalid": {"q": CANCELLED_NAME},
    "licensed": {"q": LICENSED_NAME},
    "phone_mismatch": {"name": LICENSED_NAME, "phone": "+7 701 000 0000"},
    "similar": {"q": "101 Mojo International 2"},
    "not_found": {"q": "ТОО Выдуманная Тестовая Фирма"},  # invented: on no list
}
LANGS = ("en", "ru", "kk", "uz")
STANDING = {"en": "This is an independent check, not an official registry.",
            "ru": "Это независимая проверка, а не официальный реестр.",
            "kk": "Бұл — тәуелсіз тексеру, ресми тізілім емес.",
            "uz": "Bu mustaqil tekshiruv, rasmiy reyestr emas."}
ADDRESS = re.compile(r"https?://\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,3}\b")
# The language menu names each language in itself, and the NGO's name is the same in Uzbek:
# neither is an English UI word on the page.
LANGUAGE_NAMES = ("English", "Oʻzbekcha", "Sana Sezim")


def data_words(page, fields: dict) -> list[str]:
    """Return the words shown as data, not UI: the query and the names of the records found."""
    result = page.request.get("/api/v1/check?" + urlencode({"lang": "en", **fields})).json()
    return [*fields.values(), *(m["name"] for m in result["matches"]), *LANGUAGE_NAMES]


def latin_ui_words(text: str, keep: list[str]) -> list[str]:
    """Return the Latin words left once data, web addresses and acronyms (DMW, OWWA) are taken out."""
    for word in sorted(keep, key=len, reverse=True):
        text = text.replace(word, " ")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'ʻʼ`-]+", ADDRESS.sub(" ", text)) if not w.isupper()]


def said_twice(page) -> list[str]:
    """Return the sentences of the answer (outside the help-line list) that appear more than once."""
    texts = page.evaluate("""() => [...document.querySelectorAll('main p, main li, footer p')]
        .filter(el => !el.closest('.hotlines') && !el.closest('.searched-lists ul')).map(el => el.innerText)""")
    sentences = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.strip()) >= 30]
    return sorted({s for s in sentences if sentences.count(s) > 1})


def axe_violations(page) -> list:
    """Return every axe violation of the open page, whatever its impact."""
    page.evaluate(AXE.read_text() + "\n;0")
    return [(v["id"], v["impact"]) for v in page.evaluate("async () => (await axe.run()).violations")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("verdict", sorted(VERDICTS))
def test_one_clear_answer(page, verdict, lang):
    fields = VERDICTS[verdict]
    page.goto("/check?" + urlencode({"lang": lang, **fields}))
    assert page.locator("#verdict-title").get_attribute("data-verdict") == verdict
    assert page.locator("h1").count() == 1 and page.locator("h1 #verdict-title").count() == 1
    assert page.locator(".risk").count() == 1
    assert page.locator(".notice, .stale").count() <= 1
    assert page.locator("input[type=search][name=q]").count() == 1  # a search box on the result page
    assert said_twice(page) == []
    text = visible_text(page)
    assert text.count(STANDING[lang]) == 1
    if lang != "en":
        keep = data_words(page, fields)
        assert english_on(text, lang, keep) == []
        if lang != "uz":  # Uzbek is written in Latin letters; ru and kk show none but data
            assert latin_ui_words(text, keep) == []
    if LANGS.index(lang) == sorted(VERDICTS).index(verdict) % 4:  # axe once per verdict, languages in turn
        assert axe_violations(page) == []
        shot(page, f"answer-{verdict}-{lang}")


@pytest.mark.parametrize("verdict, lang", [("similar", "ru"), ("warning", "kk"), ("not_found", "uz")])
def test_the_widget_has_a_heading_one_notice_box_and_no_axe_violation(page, verdict, lang):
    page.goto("/embed?" + urlencode({"lang": lang, "q": VERDICTS[verdict].get("q")}))
    assert page.locator("h1").count() == 1 and page.locator(".risk").count() == 1
    assert page.locator(".notice, .stale").count() <= 1 and said_twice(page) == []
    assert axe_violations(page) == []


@pytest.mark.parametrize("verdict, country, number", [("warning", "KZ", "111"), ("licensed", "PH", "1348"),
                                                      ("licence_invalid", "PH", "1348")])
def test_help_lines_follow_the_records_country(page, verdict, country, number):
    page.goto("/check?" + urlencode({"lang": "ru", **VERDICTS[verdict]}))
    lines = page.locator(".hotlines li[data-country]")
    assert lines.first.get_attribute("data-country") == country
    assert number in page.locator(f".hotlines li[data-country={country}]").all_inner_texts()[0]
    shown = {lines.nth(i).get_attribute("data-country") for i in range(lines.count())}
    assert shown <= {country, "KZ"}  # the record's country, then the reader's own (Kazakhstan)


def test_a_kazakh_firm_not_found_is_sent_to_kazakh_lines_only(page):
    page.goto("/check?" + urlencode({"lang": "kk", **VERDICTS["not_found"]}))
    shown = page.locator(".hotlines li[data-country]").evaluate_all("els => els.map(e => e.dataset.country)")
    assert shown and set(shown) == {"KZ"}
    assert "egov.kz" in page.locator("[data-advice=not_found_kz]").inner_text()
    assert "1348" not in page.locator(".hotlines").inner_text()


def test_the_kazakh_call_note_has_no_english_word(context, page):
    page.goto("/hotline?lang=kk")
    page.locator("#hl-q").fill("ТОО ДЫМКА")
    page.locator("#hl-results [role=option]").first.wait_for()
    note = page.locator("#hl-note").inner_text()
    assert "ДЫМКА" in note and "(UTC+05:00)" in note
    assert [w for w in re.findall(r"[A-Za-z]{2,}", note) if not w.isupper()] == []  # no Latin word (UTC aside)
    assert not re.search(r"\d{4}-\d\d-\d\dT", note)


def test_the_hotline_offers_the_scan_for_a_pasted_message(page):
    message = "Работа в Корее, 2000$ в месяц! Агентство ТОО Выдуманная Фирма, звоните +7 701 000 0000, виза за наш счёт."
    page.goto("/hotline?lang=ru")
    page.locator("#hl-q").fill(message)
    page.locator("#hl-offer-hint").wait_for(state="visible")
    assert page.locator("#hl-offer").get_attribute("open") is not None
    assert page.locator("#offer-text").input_value() == message


@pytest.fixture(scope="module")
def uz_server(web_db, tmp_path_factory):
    """Run the site on a copy of the registry with an invented Uzbek list imported (country UZ)."""
    folder = tmp_path_factory.mktemp("uz")
    db = folder / "verifier.db"
    shutil.copy(web_db, db)
    rows = folder / "invented_uz_agencies.csv"
    rows.write_text("name,phones,country,status\nInvented Samarqand Recruiting MChJ,+998 71 000 0000,UZ,amaldagi\n",
                    encoding="utf-8")
    env = dict(os.environ, VERIFIER_DB=str(db))
    subprocess.run([sys.executable, "-m", "scrapers", "import", str(rows), "--source-id", "invented_uz",
                    "--kind", "registry", "--country", "UZ"], cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    env.update(GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="1", VERIFIER_PAGE_RATE_LIMIT="2000/minute")
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"], cwd=ROOT,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/api/v1/health", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_an_uzbek_record_offers_uzbek_lines(browser, uz_server):
    page = browser.new_page()
    page.goto(uz_server + "/check?" + urlencode({"lang": "ru", "q": "Invented Samarqand Recruiting MChJ"}))
    assert page.locator("#verdict-title").get_attribute("data-verdict") == "licensed"
    assert page.locator(".hotlines li[data-country]").first.get_attribute("data-country") == "UZ"
    assert "1211" in page.locator(".hotlines").inner_text()
    page.close()


@pytest.mark.parametrize("path", ["/embed", "/hotline"])
@pytest.mark.parametrize("verdict", ["warning", "licensed", "not_found"])
def test_uzbek_widget_and_hotline_carry_no_english_ui_word(page, path, verdict):
    fields = {"q": VERDICTS[verdict]["q"]}
    page.goto(f"{path}?" + urlencode({"lang": "uz", **fields}))
    if path == "/hotline":  # the script re-renders the panel from the API
        expect(page.locator("#hl-note")).not_to_have_text("")  # no string evaluated: the CSP forbids eval
    assert english_on(visible_text(page), "uz", data_words(page, fields)) == []


def test_the_hotline_panel_says_who_to_call_for_the_records_country(page):
    page.goto("/hotline?lang=ru")
    page.locator("#hl-q").fill(LICENSED_NAME)
    page.locator("#hl-lines li").first.wait_for()
    assert page.locator("#hl-lines li").first.get_attribute("data-country") == "PH"
    assert "1348" in page.locator("#hl-lines").inner_text()
    page.keyboard.press("Escape")
    assert page.locator("#hl-help-box").is_hidden()

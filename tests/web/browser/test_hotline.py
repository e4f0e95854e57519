"""Hotline mode in a real browser: focus, results while typing, arrows, Enter copies a call note."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from realdata import CANCELLED_NAME, LICENSED_NAME
from support import shot

VERDICT_PARTS = ".verdict .sym, #verdict-title, .verdict .risk, .verdict .summary, #hl-verdict .notsafe, #hl-verdict .stale"


def test_hotline_keyboard_flow_with_copy(context, page, live_server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server["url"])
    page.goto("/hotline?lang=ru")
    assert page.evaluate("document.activeElement.id") == "hl-q"  # focus on load

    page.keyboard.type("3D MANPOWER & PLACEMENT SERVICES", delay=30)  # results while typing, no submit (the whole name: part of it is only similar)
    options = page.locator("#hl-results [role=option]")
    options.first.wait_for()
    assert page.locator("#hl-q").get_attribute("aria-expanded") == "true"
    assert options.first.get_attribute("aria-selected") == "true"

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    first = options.first.inner_text()
    assert options.first.get_attribute("aria-selected") == "true"
    assert page.locator("#hl-q").get_attribute("aria-activedescendant") == "hl-opt-0"

    page.keyboard.press("Enter")  # one key copies the call note
    page.locator("#hl-copied").filter(has_text="скопирована").wait_for()
    note = page.locator("#hl-note").inner_text()
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == note
    agency = first.split(" — ")[0]
    assert agency in note and "Департамент по делам трудовых мигрантов" in note and "данные на 14 сентября 2026" in note
    assert note.startswith("Лицензия недействительна (Высокий риск) · ")
    shot(page, "hotline-ru")

    # Recent look-ups live only in this browser's localStorage and survive a reload.
    page.reload()
    assert agency in page.locator("#hl-recent").inner_text()
    stored = page.evaluate("localStorage.getItem('agency-check:recent')")
    assert agency in stored
    page.locator("#hl-clear").click()
    assert page.evaluate("localStorage.getItem('agency-check:recent')") is None


def test_hotline_enter_right_after_typing_checks_then_copies(context, page, live_server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server["url"])
    page.goto("/hotline?lang=en")
    page.locator("#hl-q").fill(LICENSED_NAME)
    page.keyboard.press("Enter")
    page.locator("#hl-copied").filter(has_text="copied").wait_for()
    note = page.evaluate("navigator.clipboard.readText()")
    assert note.startswith("Licensed (Low risk) · " + LICENSED_NAME)


def test_hotline_does_not_send_the_first_two_letters_of_a_name(page):
    """A pause after "3D" (too short for the check, a 400) sends nothing; the third letter does."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "/api/v1/check" in request.url else None)
    page.goto("/hotline?lang=en")
    page.locator("#hl-q").press_sequentially("3D")
    page.wait_for_timeout(800)  # past the 250 ms pause after typing
    assert asked == []
    with page.expect_response(lambda response: "/api/v1/check" in response.url) as answered:
        page.locator("#hl-q").press_sequentially(" M")
    assert answered.value.status == 200
    assert len(asked) == 1 and asked[0].split("q=")[1].startswith("3D%20M")


def test_hotline_escape_clears(page):
    page.goto("/hotline?lang=kk")
    page.locator("#hl-q").fill(CANCELLED_NAME)
    page.locator("#hl-results [role=option]").first.wait_for()
    page.keyboard.press("Escape")
    assert page.locator("#hl-results [role=option]").count() == 0
    assert page.locator("#hl-q").input_value() == ""


def verdict_parts(page) -> list[tuple[str, str]]:
    """Give (class, text) of each part of the verdict box: symbol, label, risk, summary, notices."""
    return page.eval_on_selector_all(VERDICT_PARTS, "els => els.map(e => [e.className, e.textContent.trim()])")


@pytest.mark.parametrize("lang, query", [("ru", CANCELLED_NAME), ("kk", "101 Mojo International 2"),
                                         ("en", LICENSED_NAME)])
def test_live_panel_shows_what_the_no_js_page_shows(browser, page, live_server, lang, query):
    plain = browser.new_context(base_url=live_server["url"], java_script_enabled=False)
    try:
        no_js = plain.new_page()
        no_js.goto(f"/hotline?lang={lang}&q={quote(query)}")
        expected = verdict_parts(no_js)
    finally:
        plain.close()
    assert [c for c, _ in expected][:4] == ["sym", "", "risk", "summary"] and expected[0][1] in "✖!✔?"
    page.goto(f"/hotline?lang={lang}")
    page.locator("#hl-q").fill(query)
    page.locator("#hl-verdict .verdict").wait_for()
    page.wait_for_selector("#hl-results [role=option]")  # no string evaluated: the CSP forbids eval
    assert verdict_parts(page) == expected
    assert page.locator("#verdict-title").get_attribute("data-verdict") == \
        page.request.get(f"/api/v1/check?q={quote(query)}").json()["verdict"]


def test_hotline_shows_official_notices_and_puts_them_in_the_call_note(context, page, live_server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server["url"])
    page.goto("/hotline?lang=ru")
    page.keyboard.type("Golden Work Travel", delay=20)
    page.locator("#hl-results [role=option] ol.timeline li").last.wait_for()
    listed = page.locator("#hl-results").inner_text()
    assert "разрешение возобновлено" in listed and "https://24.kg/obschestvo/358469" in listed
    page.keyboard.press("Enter")
    page.locator("#hl-copied").filter(has_text="скопирована").wait_for()
    note = page.evaluate("navigator.clipboard.readText()")
    assert "Официальные сообщения: " in note and "2026-01-13 разрешение приостановлено" in note
    assert "https://24.kg/obschestvo/358469" in note and "https://www.azattyk.org/a/33646675.html" in note
    assert not note.startswith("Лицензия действует")
    shot(page, "hotline-notices-ru")


LONG_PASTE = ("Работа в Корее на заводе, зарплата 3000 долларов в месяц. Оформление документов 60 000 тенге, "
              "оплата сразу на карту менеджера. Агентство «Глобал Ворк», тел. +7 701 000 00 00, пишите в "
              "WhatsApp. Паспорта сдаются бригадиру на хранение, выезд через неделю, мест мало, успейте записаться "
              "сегодня, звоните в любое время!")


@pytest.mark.parametrize("path,box", [("/hotline?lang=en", "#hl-q"), ("/?lang=en", "#q")])
def test_a_paste_longer_than_the_box_goes_whole_to_the_offer_scan(page, path, box):
    assert len(LONG_PASTE) > 300
    page.goto(path)
    page.locator(box).fill(LONG_PASTE)
    page.keyboard.press("Enter")
    page.wait_for_url("**/offer**")
    page.locator("li[data-flag=fee]").wait_for()
    assert page.locator("li[data-flag=passport]").count() == 1  # from the end of the text: read whole

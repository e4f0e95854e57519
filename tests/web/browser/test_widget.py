"""The widget inside a foreign page (another origin): iframe created, resized, verdict shown."""
from __future__ import annotations

from realdata import CANCELLED_NAME
from support import shot


def frame_height(page) -> float:
    """Give the widget iframe's rendered height in CSS pixels."""
    return page.locator("iframe").bounding_box()["height"]


def test_widget_on_a_partner_page_resizes_and_shows_a_verdict(browser, live_server, partner_site):
    context = browser.new_context(viewport={"width": 800, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(partner_site + "/index.html")
    iframe = page.locator("iframe")
    iframe.wait_for()
    assert iframe.get_attribute("src").startswith(live_server["url"] + "/embed?lang=ru")
    frame = page.frame_locator("iframe")
    frame.locator("#q").wait_for()
    page.wait_for_function("document.querySelector('iframe').style.height !== '220px'")
    empty_height = frame_height(page)

    frame.locator("#q").fill(CANCELLED_NAME)
    frame.locator("button[type=submit]").click()
    frame.locator("#verdict-title").wait_for()
    assert frame.locator("#verdict-title").inner_text() == "Лицензия недействительна"
    page.wait_for_function(f"parseFloat(document.querySelector('iframe').style.height) > {empty_height}")
    grown = frame_height(page)
    inner = frame.locator("html").evaluate("el => el.scrollHeight")
    assert grown > empty_height and abs(grown - inner) <= 2  # no inner scrollbar
    assert page.locator("#after").is_visible()
    shot(page, "widget-partner-page")
    assert not errors, errors
    context.close()


def test_widget_ignores_messages_from_other_origins(browser, partner_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(partner_site + "/index.html")
    page.locator("iframe").wait_for()
    page.wait_for_function("document.querySelector('iframe').style.height !== '220px'")
    before = page.locator("iframe").evaluate("f => f.style.height")
    page.evaluate("window.postMessage({type: 'agency-check:height', height: 3000}, '*')")
    page.wait_for_timeout(300)
    assert page.locator("iframe").evaluate("f => f.style.height") == before
    context.close()

"""Job-seeker flow in a real browser: Russian, Kazakh, and with JavaScript switched off."""
from __future__ import annotations

import pytest

from support import shot
from realdata import CANCELLED_NAME, LICENSED_NAME

FLOWS = [
    ("ru", CANCELLED_NAME, "Лицензия недействительна", "Никогда никому не отдавайте паспорт"),
    ("kk", CANCELLED_NAME, "Лицензия жарамсыз", "Төлқұжатыңызды"),
    ("ru", LICENSED_NAME, "Есть лицензия", "Не платите за трудоустройство"),
]


def search(page, lang: str, query: str) -> None:
    """Open the home page in a language, type the query and submit the form."""
    page.goto(f"/?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    page.get_by_role("searchbox").first.fill(query)
    page.locator("form.search button[type=submit]").click()
    page.wait_for_url("**/check?**")


@pytest.mark.parametrize("lang, query, verdict, advice", FLOWS)
def test_job_seeker_flow(page, lang, query, verdict, advice):
    search(page, lang, query)
    assert page.locator("#verdict-title").inner_text() == verdict
    assert advice in page.locator("main").inner_text()
    assert page.locator(".match a[href^='https://dmw.gov.ph']").count() >= 1
    assert page.locator("#print-record").is_visible()  # the script ran and showed the button
    shot(page, f"result-{lang}-{'cancelled' if query == CANCELLED_NAME else 'licensed'}")
    # The language choice sticks: the next page comes in the same language without ?lang=.
    page.goto("/sources")
    assert page.locator("html").get_attribute("lang") == lang


def test_home_screenshot(page):
    page.goto("/?lang=en")
    assert page.evaluate("document.activeElement.id") == "q"
    shot(page, "home-en")


@pytest.fixture
def no_js_page(browser, live_server):
    """Give a page in a context with JavaScript disabled."""
    ctx = browser.new_context(base_url=live_server["url"], java_script_enabled=False)
    yield ctx.new_page()
    ctx.close()


@pytest.mark.parametrize("lang, query, verdict, advice", FLOWS[:2])
def test_job_seeker_flow_without_javascript(no_js_page, lang, query, verdict, advice):
    page = no_js_page
    search(page, lang, query)
    assert page.locator("#verdict-title").inner_text() == verdict
    assert advice in page.locator("main").inner_text()
    agency = page.locator(".match h3 a").first
    agency.click()
    page.wait_for_url("**/agency/**")
    assert page.locator("table tbody tr").count() >= 1  # status history
    page.goto(f"/hotline?lang={lang}")
    page.locator("#hl-q").fill(query)
    page.locator("#hl-form button[type=submit]").click()
    page.wait_for_url("**/hotline?**")
    assert page.locator("#hl-results li a").count() >= 1
    assert page.locator("#verdict-title").inner_text() == verdict
    shot(page, f"nojs-hotline-{lang}")

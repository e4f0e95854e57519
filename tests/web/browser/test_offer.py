"""Paste an offer in a real browser, with JavaScript on and off; axe finds nothing; pages stay small."""
from __future__ import annotations

import pytest

from support import AXE, shot

OFFER = ("Работа в Корее на заводе, зарплата 2 500 000 вон.\n"
         "Оформление документов 400$, оплата на карту Kaspi менеджера.\n"
         "Паспорт сдаёте бригадиру. Агентство ТОО «Дымка», тел. 8 707 281 71 85.")


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def any_page(request, browser, live_server):
    """Give a page with JavaScript on, then off."""
    ctx = browser.new_context(base_url=live_server["url"], java_script_enabled=request.param,
                              viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    ctx.close()
    assert not errors, errors


def paste_and_check(page) -> None:
    """Open /offer from the home page's link, paste the offer and send it."""
    page.goto("/?lang=ru")
    page.locator("a[href^='/offer']").first.click()
    page.wait_for_url("**/offer**")
    page.locator("#offer-text").fill(OFFER)
    page.locator("form.offer button[type=submit]").click()
    page.wait_for_selector("#risk-title")


def test_paste_gives_the_result(any_page):
    page = any_page
    paste_and_check(page)
    assert page.locator("#risk-title").get_attribute("data-risk") == "high"
    flags = page.locator("ol.flags li").evaluate_all("els => els.map(e => e.dataset.flag)")
    assert {"fee", "passport", "personal_payment", "restricted_route"} <= set(flags)
    assert page.locator("mark[data-flag='passport']").inner_text().startswith("Паспорт сдаёте")
    assert page.locator(".entities [data-verdict='warning']").count() == 1
    assert "eps.go.kr" in page.locator(".dest-rules").inner_text()
    size = page.evaluate("document.documentElement.outerHTML.length")
    assert size <= 50_000
    shot(page, "offer-result-ru")


def test_hotline_operator_pastes_into_the_hotline_page(page):
    page.goto("/hotline?lang=ru")
    page.locator("details.offer-paste summary").click()
    page.locator("#offer-text").fill(OFFER)
    page.locator("form.offer button[type=submit]").click()
    page.wait_for_selector("#risk-title")
    assert page.locator("#risk-title").get_attribute("data-risk") == "high"


@pytest.mark.parametrize("path", ["/offer?lang=kk", "result", "/hotline?lang=uz"])
def test_offer_pages_are_axe_clean(page, path):
    assert AXE.exists(), "axe-core is missing: scripts/test installs it (npm ci)"
    if path == "result":
        paste_and_check(page)
    else:
        page.goto(path)
    page.evaluate(AXE.read_text() + "\n;0")
    violations = page.evaluate("async () => (await axe.run()).violations")
    assert [(v["id"], v["impact"], len(v["nodes"])) for v in violations] == []

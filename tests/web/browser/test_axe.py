"""Accessibility: axe-core finds no violation at all (of any impact) on the four main pages (and on a
result and the hotline showing official notices)."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from support import AXE
from realdata import CANCELLED_NAME

PAGES = {
    "home": "/?lang=ru",
    "result": "/check?lang=kk&q=" + quote(CANCELLED_NAME),
    "hotline": "/hotline?lang=en&q=manpower",
    "embed": "/embed?lang=ru&q=" + quote(CANCELLED_NAME),
    "notices_result": "/check?lang=ru&q=" + quote("Golden Work Travel"),  # a timeline of official notices
    "notices_hotline": "/hotline?lang=ru&q=" + quote("Golden Work Travel"),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_violations_of_any_impact(page, name):
    assert AXE.exists(), "axe-core is missing: scripts/test installs it (npm ci)"
    page.goto(PAGES[name])
    page.wait_for_load_state("networkidle")
    # CSP blocks inline scripts, so axe is injected through the DevTools protocol instead.
    page.evaluate(AXE.read_text() + "\n;0")
    violations = page.evaluate("async () => (await axe.run()).violations")
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    assert bad == []

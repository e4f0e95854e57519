"""Browser fixtures: Debian's chromium driven by Playwright, a partner site on a second port."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from support import ROOT, free_port

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]



@pytest.fixture(scope="session")
def browser():
    """Give a headless chromium; a missing browser is a failure, never a skip (scripts/test installs it)."""
    from playwright import sync_api as playwright
    assert Path(CHROMIUM).exists(), "chromium is not installed at /usr/bin/chromium: run scripts/test"
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server):
    """Give a fresh browser context (own storage) pointed at the live server."""
    ctx = browser.new_context(base_url=live_server["url"], viewport={"width": 390, "height": 844})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """Give a page that fails the test on any console error or CSP violation."""
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert not errors, errors


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that does not print requests."""

    def log_message(self, *args) -> None:
        """Print nothing."""


@pytest.fixture(scope="session")
def partner_site(live_server, tmp_path_factory):
    """Serve a foreign page with the widget snippet from another origin (a second port)."""
    root = tmp_path_factory.mktemp("partner")
    (root / "index.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Partner job board"
        "</title></head><body><h1>Partner job board</h1><p>Check an agency:</p>\n"
        f"<script src=\"{live_server['url']}/widget.js\" data-lang=\"ru\" async></script>\n"
        "<p id='after'>Footer of the partner page</p></body></html>", encoding="utf-8")
    port = free_port()
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()

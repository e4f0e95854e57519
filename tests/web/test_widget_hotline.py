"""Widget loader, embed page and hotline page as served (the browser tests drive them)."""
from __future__ import annotations

from urllib.parse import quote

from realdata import CANCELLED_NAME


def test_widget_loader_is_served_as_a_script_any_site_can_include(client):
    response = client.get("/widget.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    # What it does on a partner page (iframe, language, resizing, foreign messages ignored) is
    # driven in Chromium from a second local port: tests/web/browser/test_widget.py.


def test_widget_page_shows_the_one_line_snippet(client):
    html = client.get("/widget?lang=ru").get_data(as_text=True)
    assert 'widget.js" data-lang="ru" async&gt;&lt;/script&gt;' in html


def test_embed_gives_the_same_verdict_as_the_result_page(client):
    embed = client.get("/embed?q=" + quote(CANCELLED_NAME)).get_data(as_text=True)
    full = client.get("/check?q=" + quote(CANCELLED_NAME)).get_data(as_text=True)
    assert 'data-verdict="licence_invalid"' in embed and 'data-verdict="licence_invalid"' in full
    assert 'target="_blank"' in embed


def test_embed_ignores_malformed_parent_origins(client):
    for origin in ("javascript:alert(1)", "https://a.example/path", "nonsense"):
        html = client.get("/embed", query_string={"origin": origin}).get_data(as_text=True)
        assert 'data-parent-origin=""' in html


def test_hotline_works_as_a_plain_form_and_focuses_the_box(client):
    html = client.get("/hotline?q=" + quote(CANCELLED_NAME)).get_data(as_text=True)
    assert "autofocus" in html
    assert '<li><a href="/agency/' in html and "Cancelled" in html
    assert 'id="hl-i18n"' in html


def test_hotline_bad_input_is_explained(client):
    response = client.get("/hotline?name=" + "z" * 301)  # (a box longer than 300 goes to the offer scan)
    assert response.status_code == 400

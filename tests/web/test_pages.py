"""Job-seeker pages on the real registry: verdict words and colour, advice, sources, sizes."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from realdata import CANCELLED_NAME, LICENSED_NAME, LICENSED_PHONE, WARNING_NAME

PAGE_BUDGET = 50 * 1024


def page_weight(client, html: bytes) -> int:
    """Give the bytes of a page plus the stylesheets and scripts it links to."""
    total = len(html)
    for asset in re.findall(rb'(?:href|src)="(/static/[^"]+)"', html):
        total += len(client.get(asset.decode()).data)
    return total


@pytest.mark.parametrize("query, css, label", [
    (LICENSED_NAME, "ok", "Licensed"),
    (CANCELLED_NAME, "danger", "Licence not valid"),
    (WARNING_NAME, "danger", "Warning: on a warning list"),
    (LICENSED_PHONE, "ok", "Licensed"),
    ("Qwxz Zyxw Nonexistent Recruiters", "unknown", "Not found"),
])
def test_result_shows_verdict_in_colour_and_words(client, query, css, label):
    response = client.get("/check?q=" + quote(query))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'class="verdict {css}"' in html
    assert f">{label}</span>" in html


def test_result_has_reasons_source_link_as_of_advice_and_standing_line(client):
    html = client.get("/check?q=" + quote(CANCELLED_NAME)).get_data(as_text=True)
    assert "Cancelled" in html
    assert 'href="https://dmw.gov.ph/' in html
    assert "Data as of" in html and "2026-09-14" in html
    assert 'class="reasons"' in html
    for words in ("Do not pay any fee", "Never hand over your passport", "written contract",
                  "work visa", "Sana Sezim", "number not yet confirmed"):
        assert words in html
    assert "not an official registry" in html
    assert "1348" in html  # the Philippines' reporting line for a DMW match
    assert re.search(r"Checked at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", html)


def test_not_found_says_it_does_not_mean_safe(client):
    html = client.get("/check?q=Qwxz+Zyxw+Nonexistent+Recruiters").get_data(as_text=True)
    assert "Not found does not mean safe" in html


def test_name_and_second_phone_field_are_checked_together(client):
    html = client.get("/check", query_string={"q": LICENSED_NAME, "phone": "+7 701 000 0000"})
    assert 'data-verdict="phone_mismatch"' in html.get_data(as_text=True)


def test_empty_check_goes_home_and_bad_input_is_explained(client):
    assert client.get("/check?q=").status_code == 302
    response = client.get("/check?q=" + "a" * 301)
    assert response.status_code == 400
    assert 'role="alert"' in response.get_data(as_text=True)


def test_agency_page_shows_status_history(client):
    data = client.get("/api/v1/check?q=" + quote(CANCELLED_NAME)).get_json()
    agency_id = data["matches"][0]["agency_id"]
    html = client.get(f"/agency/{agency_id}").get_data(as_text=True)
    assert CANCELLED_NAME.replace("&", "&amp;") in html
    assert "Status history" in html and "Cancelled" in html


def test_unknown_agency_is_a_friendly_404(client):
    response = client.get("/agency/doesnotexist")
    assert response.status_code == 404
    assert "There is no page at this address" in response.get_data(as_text=True)


def test_sources_page_lists_publisher_count_and_flags_stale(client):
    html = client.get("/sources").get_data(as_text=True)
    assert "Department of Migrant Workers" in html
    assert "3,792" in html or "3,79" in html
    sources = client.get("/api/v1/sources").get_json()["sources"]
    if any(s["health"] == "stale" for s in sources):
        assert "out of date" in html


@pytest.mark.parametrize("path", ["/", "/check?q=" + quote(CANCELLED_NAME), "/check?q=manpower"])
def test_home_and_result_pages_fit_the_budget(client, path):
    response = client.get(path)
    assert page_weight(client, response.data) <= PAGE_BUDGET


def test_no_web_fonts_and_no_external_assets(client):
    css = client.get("/static/site.css").get_data(as_text=True)
    assert "@font-face" not in css and "url(" not in css
    html = client.get("/").get_data(as_text=True)
    assert not re.search(r'(?:src|href)="https?://', html)


def test_result_links_are_shareable_get_urls(client):
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'<form class="search" action="/check" method="get"', html)

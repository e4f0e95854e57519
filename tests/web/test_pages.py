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


def test_result_has_source_link_dates_advice_for_its_verdict_and_standing_line(client):
    html = client.get("/check?q=" + quote(CANCELLED_NAME)).get_data(as_text=True)
    assert "Cancelled" in html
    assert 'href="https://dmw.gov.ph/' in html
    assert "Data as of" in html and "September 14, 2026" in html  # dates as people write them
    assert 'data-advice="invalid_report"' in html and "may not recruit now" in html
    for words in ("Never hand over your passport", "Sana Sezim", "number not yet confirmed"):
        assert words in html
    assert html.count("not an official registry") == 1  # the standing line once, in the footer
    assert "1348" in html  # the Philippines' DMW line for a DMW match, from data/help_contacts
    assert re.search(r"Checked at \w+ \d{1,2}, \d{4}, \d\d:\d\d \(UTC\+05:00\)|"
                     r"Checked at \d{1,2} \w+ \d{4}, \d\d:\d\d \(UTC\+05:00\)", html)  # Asia/Almaty


def test_not_found_says_once_that_it_does_not_mean_safe(client):
    html = client.get("/check?q=Qwxz+Zyxw+Nonexistent+Recruiters").get_data(as_text=True)
    assert html.lower().count("not found does not mean safe") == 1


def test_name_and_second_phone_field_are_checked_together(client):
    html = client.get("/check", query_string={"q": LICENSED_NAME, "phone": "+7 701 000 0000"})
    assert 'data-verdict="phone_mismatch"' in html.get_data(as_text=True)


def test_empty_check_goes_home_and_bad_input_is_explained(client):
    assert client.get("/check?q=").status_code == 302
    response = client.get("/check?name=" + "a" * 301)  # (a box longer than 300 goes to the offer scan)
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


def source_rows(html: str) -> dict[str, str]:
    """Give each row of the sources table by the publisher in its second cell."""
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", html, re.S)
    return {re.search(r"<td>(.*?)</td>", row, re.S).group(1): row for row in rows}


def test_sources_page_lists_publisher_count_and_flags_stale(client):
    rows = source_rows(client.get("/sources").get_data(as_text=True))
    dmw = rows["Department of Migrant Workers (DMW), Philippines"]
    assert ">3,792</td>" in dmw and ">2026-09-14</td>" in dmw
    assert ">1,853</td>" in rows["State Revenue Committee (КГД), Ministry of Finance, Kazakhstan"]
    assert ">3,293</td>" in rows["Labour Department, Employment Agencies Administration, Hong Kong"]
    # The saved snapshots are older than each source's stale_after_days: all three are out of date;
    # the official notices were compiled on 2026-12-07 and stay current for a year.
    notices = "Ministries, migration services and courts (Kyrgyzstan, Uzbekistan, Tajikistan), as reported in the news"
    for publisher, row in rows.items():
        if "NGO" not in publisher and publisher != notices:
            assert 'data-health="stale">out of date</span>' in row, publisher
    assert ">18</td>" in rows[notices]


def test_sources_page_tells_a_fresh_source_from_a_stale_one(web_db, tmp_path):
    import shutil
    import sqlite3
    from datetime import date

    from verifier.web import create_app

    fresh = tmp_path / "fresh.db"
    shutil.copy(web_db, fresh)
    with sqlite3.connect(fresh) as conn:
        conn.execute("update sources set data_as_of = ? where id = 'ph_dmw'", [date.today().isoformat()])
    app = create_app({"TESTING": True, "VERIFIER_DB": str(fresh), "WARM_INDEX": False, "SECRET_KEY": "t"})
    rows = source_rows(app.test_client().get("/sources?lang=ru").get_data(as_text=True))
    assert 'data-health="ok"' in rows["Департамент по делам трудовых мигрантов (DMW), Филиппины"]
    assert re.search(r">3\s792</td>", rows["Департамент по делам трудовых мигрантов (DMW), Филиппины"])
    assert 'data-health="stale"' in rows["Комитет государственных доходов (КГД) Министерства финансов, Казахстан"]


@pytest.mark.parametrize("path", ["/", "/check?q=" + quote(CANCELLED_NAME), "/check?q=manpower"])
def test_home_and_result_pages_fit_the_budget(client, path):
    response = client.get(path)
    assert page_weight(client, response.data) <= PAGE_BUDGET


def test_no_web_fonts_and_no_external_assets(client):
    css = client.get("/static/site.css").get_data(as_text=True)
    assert "@font-face" not in css and "url(" not in css
    html = client.get("/").get_data(as_text=True)
    # Assets (scripts, images, styles) come from the site itself; links out (a help line's source) are not assets.
    assert not re.search(r'src="https?://|<link[^>]+href="https?://', html)
    assert re.search(r'<a href="https?://', html)  # the check sees external links when there are some


def test_result_links_are_shareable_get_urls(client):
    html = client.get("/").get_data(as_text=True)
    assert re.search(r'<form class="search" action="/check" method="get"', html)

"""Bad-input matrix over every route: never a 5xx, and the one error shape on the API."""
from __future__ import annotations

import pytest

from .conftest import csrf_from, login

QUERIES = [
    b"q=" + b"A" * 10_240,                       # 10 kB query
    b"q=%01%02%1b%7f%00abc&name=%0d%0a%09",      # control characters
    b"q=%ff%fe%fd&phone=%c3%28",                 # invalid UTF-8
    b"q=%zz%&name=%e2%82&lang=%",                # bad percent-encoding
    b"q=%27%20OR%201%3D1%20--&name=x%22%3B%20DROP%20TABLE%20agencies%3B--",  # SQL-looking
    b"name=" + b"%D0%96" * 3000 + b"&phone=" + b"9" * 5000,
    b"lang=xx&kind=%00&agency_id=../../etc/passwd",
]
IDS = ["0", "ffffffffffffffff", "%27%20OR%20%271%27%3D%271", "%ff%fe", "%00", "a" * 5000,
       "99999999999999999999999999", "-1", "..%2F..%2Fetc"]


def urls(app) -> list[str]:
    """Give every route's URL with each bad id put in its variable parts."""
    out = set()
    for rule in app.url_map.iter_rules():
        if not rule.arguments:
            out.add(rule.rule)
            continue
        for bad in IDS:
            url = rule.rule
            for arg in rule.arguments:
                url = url.replace(f"<{arg}>", bad)
                for conv in ("int:", "path:", "string:"):
                    url = url.replace(f"<{conv}{arg}>", bad)
                if "<any(" in url:
                    url = url.split("<any(")[0] + "approve"
            out.add(url)
    return sorted(out, key=lambda u: (u == "/staff/logout", u))  # log out last: staff routes stay reachable


def check_response(path: str, response) -> None:
    """Fail on a server error; on the API, fail on any other error shape."""
    assert response.status_code < 500, (path, response.status_code)
    if path.startswith("/api/") and response.status_code >= 400:
        body = response.get_json()
        assert body == {"ok": False, "error": body.get("error"), "status": response.status_code}, path
        assert isinstance(body["error"], str) and body["error"]


def problems(path: str, send) -> list[str]:
    """Give what is wrong with one request's answer (empty when it is fine)."""
    try:
        check_response(path, send())
    except Exception as error:  # noqa: BLE001 (collect every failing case, then report them all)
        return [f"{path[:80]}: {error.__class__.__name__}: {str(error)[:200]}"]
    return []


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "staff"])
def test_every_route_survives_bad_input(client, staff, logged_in):
    if logged_in:
        assert login(client).status_code == 303
    token = csrf_from(client.get("/report").text)
    seen, failed = 0, []
    for path in urls(client.application):
        for query in QUERIES:
            failed += problems(path, lambda: client.get(path + "?" + query.decode("ascii")))
            seen += 1
        for data in ({"csrf_token": token, "name": "' OR 1=1 --", "details": "\x00\x01" * 10, "note": "x" * 5000,
                      "kind": "report", "entry_id": "'; --"},
                     {"csrf_token": token, "details": "A" * 70_000},
                     b"\xff\xfe%zz=%ff&&="):
            failed += problems(path, lambda: client.post(path, data=data, content_type="application/x-www-form-urlencoded"
                                                        if isinstance(data, bytes) else None))
            seen += 1
    assert seen > 500
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("path", ["/report", "/staff/login", "/staff/logout"])
def test_oversized_posts_are_refused_with_413(client, path):
    client.application.url_map.bind("localhost").match(path, method="POST")  # a route that takes POST
    response = client.post(path, data={"details": "A" * 200_000})
    assert response.status_code == 413
    check_response(path, response)


@pytest.mark.parametrize("path,status", [
    ("/api/v1/check?q=" + "A" * 10_240, 400), ("/api/v1/check", 400), ("/api/v1/agencies/nope", 404),
    ("/api/v1/agencies/" + "f" * 300, 404), ("/api/v1/nothing-here", 404), ("/check?q=" + "B" * 10_240, 200),  # longer than the box: read whole by the offer scan
    ("/agency/nope", 404), ("/staff/reports/99999999999999999999999", 302),
])
def test_bad_input_gets_the_right_status(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    check_response(path, response)


def test_unknown_report_ids_are_404_for_staff(client, staff):
    login(client)
    token = csrf_from(client.get("/staff/").text)
    for rid in ("0", "12345", str(2**64)):
        assert client.get(f"/staff/reports/{rid}").status_code == 404
        assert client.post(f"/staff/reports/{rid}/approve", data={"csrf_token": token, "note": "x"}).status_code == 404
    assert client.post("/staff/entries/nope/remove", data={"csrf_token": token, "note": "x"}).status_code == 404

"""The nginx example (deploy/) keeps browsers on HTTPS: HSTS on the site's answers and on nginx's own."""
from __future__ import annotations

import re
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
HSTS = re.compile(r'add_header Strict-Transport-Security "max-age=(\d+)[^"]*" always;')


def https_server(conf: str) -> str:
    """Give the text of the server block that listens on 443."""
    blocks = conf.split("\nserver {")
    return next(b for b in blocks if "listen 443" in b)


def test_the_https_server_and_nginxs_own_answers_send_hsts():
    site = https_server((DEPLOY / "nginx.conf").read_text())
    errors = (DEPLOY / "nginx-errors.conf").read_text()
    for text in (site, errors):
        match = HSTS.search(text)
        assert match and int(match.group(1)) >= 180 * 24 * 3600
    assert not HSTS.search((DEPLOY / "nginx.conf").read_text().split("\nserver {")[1])  # not on plain HTTP

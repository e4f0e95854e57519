"""Conditional GET against a real local server: a 304 is archived with its run (so the run
replays offline), and validators whose body is gone are dropped (so a pruned archive never turns
into "HTTP 304" for good). The body served is the real saved KGD export."""
from __future__ import annotations

import shutil

from scraper_helpers import KZ_XLSX, cli, runs, snapshot
from werkzeug import Request, Response

from scrapers.http import Fetcher, OfflineFetcher

ETAG = '"kgd-2020-04-07"'


class Publisher:
    """Serves the real KGD export with an ETag and answers 304 to a matching If-None-Match."""

    def __init__(self):
        self.answers: list[int] = []

    def __call__(self, request: Request) -> Response:
        if request.headers.get("If-None-Match") == ETAG:
            self.answers.append(304)
            return Response(status=304, headers={"ETag": ETAG})
        self.answers.append(200)
        return Response(KZ_XLSX.read_bytes(), headers={"ETag": ETAG}, content_type="application/octet-stream")


def _serve(server, prefix: str) -> tuple[Publisher, str]:
    publisher = Publisher()
    server.expect_request(f"/{prefix}/list_PSEUDO_COMPANY_KZ_ALL.xlsx").respond_with_handler(publisher)
    return publisher, server.url_for(f"/{prefix}/list_PSEUDO_COMPANY_KZ_ALL.xlsx")


def _fetch(url: str, folder) -> bytes:
    fetcher = Fetcher("kz_kgd", folder, delay=0)
    try:
        return fetcher.get(url, "list.xlsx").content
    finally:
        fetcher.finish()


def test_a_304_body_is_archived_with_its_run_and_replays(_server, tmp_path):
    publisher, url = _serve(_server, "cache-archive")
    raw = tmp_path / "raw" / "kz_kgd"
    first = _fetch(url, raw / "run1")
    second = _fetch(url, raw / "run2")
    assert publisher.answers == [200, 304]
    assert first == second == KZ_XLSX.read_bytes()
    assert (raw / "run2" / "list.xlsx").read_bytes() == first          # the reused body is in run2
    assert OfflineFetcher("kz_kgd", raw / "run2").get(url, "list.xlsx").content == first


def test_validators_without_a_body_are_dropped(_server, tmp_path):
    publisher, url = _serve(_server, "cache-pruned")
    raw = tmp_path / "raw" / "kz_kgd"
    _fetch(url, raw / "run1")
    shutil.rmtree(raw / "run1")                                         # an operator pruned old archives
    assert _fetch(url, raw / "run2") == KZ_XLSX.read_bytes()
    assert publisher.answers == [200, 304, 200]                         # asked again, unconditionally
    assert (raw / "run2" / "list.xlsx").exists()
    assert _fetch(url, raw / "run3") == KZ_XLSX.read_bytes() and publisher.answers[-1] == 304


def test_cli_runs_after_a_304_replay_offline_and_survive_pruning(_server, db):
    publisher, url = _serve(_server, "cache-cli")
    env = {"KGD_URL_TEMPLATE": url.replace("PSEUDO_COMPANY", "{code}")}
    for _ in range(2):
        result = cli(db, "run", "kz_kgd", env=env)
        assert result.returncode == 0, result.stderr
    assert publisher.answers == [200, 304]
    folders = sorted(p for p in (db.parent / "raw" / "kz_kgd").iterdir() if p.is_dir())
    assert len(folders) == 2
    before = snapshot(db, "kz_kgd")
    replay = cli(db, "run", "kz_kgd", "--offline", str(folders[-1]), env=env)
    assert replay.returncode == 0, replay.stderr
    assert runs(db, "kz_kgd")[-1]["offline"] == 1 and snapshot(db, "kz_kgd") == before
    for folder in folders:
        shutil.rmtree(folder)
    again = cli(db, "run", "kz_kgd", env=env)
    assert again.returncode == 0, again.stderr
    assert publisher.answers[-2:] == [304, 200] and len(snapshot(db, "kz_kgd")) == 1853

"""Fault matrix per source with a live path (ph_dmw: the JSON API; kz_kgd: the XLSX export).

A real local server (pytest-httpserver) serves REAL saved responses, or broken versions of them:
timeout, HTTP 500, 429 with Retry-After (recovering, and never recovering), a truncated body, HTML
where JSON/XLSX was expected, renamed columns / missing envelope keys, zero rows, a count below the
source's minimum. For every failure: `run()` says not ok, the CLI exits non-zero, a `runs` row says
failed with an error, that source's records are unchanged, and the other source in the same run is
still refreshed. Each case gets its own URL prefix on the server and its own database copy.
"""
from __future__ import annotations

import functools
import io
import json
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor

import openpyxl
import pytest
from scraper_helpers import (KZ_XLSX, PH_PAGE1, cli, fixture_api_pages_from_directory, real_page1,
                             runs, snapshot, with_meta)
from werkzeug import Request, Response

from scrapers.runner import run

API_KEY = "made-up-test-key"  # a test value; the real key comes from the environment, never the repo
SLEEP = 1.5  # a "hanging" server answers after this; clients time out well before
CLI_TIMEOUT_ENV = {"VERIFIER_READ_TIMEOUT": "0.4", "VERIFIER_CONNECT_TIMEOUT": "0.4"}
INPROC_TIMEOUT_ENV = CLI_TIMEOUT_ENV
HTML = b"<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Back soon</body></html>"


# --- bodies derived from the real saved responses ------------------------------------------------

def _ph_page(n: int, last: int) -> bytes:
    """Return real page 1's records as page n of last (meta rewritten, records as saved)."""
    return json.dumps(with_meta(real_page1(), n, last)).encode()


def _renamed(page: bytes, old: str, new: str) -> bytes:
    """Return an API page with one record field renamed in every record."""
    payload = json.loads(page)
    payload["data"] = [{(new if k == old else k): v for k, v in r.items()} for r in payload["data"]]
    return json.dumps(payload).encode()


def _xlsx_variant(keep_rows: int | None = None, rename: tuple[str, str] | None = None) -> bytes:
    """Return the real KGD export re-saved with only the first keep_rows data rows, or a header renamed."""
    wb = openpyxl.load_workbook(KZ_XLSX)
    ws = wb.worksheets[0]
    if keep_rows is not None:
        ws.delete_rows(4 + keep_rows, ws.max_row)
    if rename is not None:
        for cell in ws[3]:
            if isinstance(cell.value, str) and rename[0] in cell.value:
                cell.value = cell.value.replace(rename[0], rename[1])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@functools.lru_cache(maxsize=1)
def healthy_ph_pages() -> list[bytes]:
    """Return the 76 healthy API pages (built once from the real directory capture)."""
    return fixture_api_pages_from_directory()


# --- handlers ---------------------------------------------------------------------------------

class Case:
    """One fault: how the server answers, and whether the run must fail."""

    def __init__(self, name: str, answer, fails: bool = True):
        self.name, self.answer, self.fails, self.hits, self.times = name, answer, fails, 0, []

    def fresh(self) -> "Case":
        """Return the same fault with its request counter at zero."""
        return Case(self.name, self.answer, self.fails)

    def handler(self, healthy):
        """Return a werkzeug handler that counts requests and answers with this fault."""
        def handle(request: Request) -> Response:
            self.hits += 1
            self.times.append(time.monotonic())
            return self.answer(request, self.hits, healthy)
        return handle


def _ph_ok(request: Request) -> Response:
    """Answer like the live DMW API: 50 records a page, an API key and the site's Origin required."""
    if request.headers.get("x-api-key") != API_KEY or request.headers.get("Origin") != "https://dmw.gov.ph":
        return Response('{"message": "Forbidden"}', 403, content_type="application/json")
    pages = healthy_ph_pages()
    page = int(request.args.get("page", 1))
    if not 1 <= page <= len(pages):
        return Response("no such page", 404)
    return Response(pages[page - 1], content_type="application/json")


def _kz_ok(request: Request) -> Response:
    """Answer with the real saved KGD export."""
    return Response(KZ_XLSX.read_bytes(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _sleep(request, hits, healthy):
    time.sleep(SLEEP)
    return healthy(request)


def _status(code, retry_after=None):
    def answer(request, hits, healthy):
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        return Response("busy", code, headers=headers)
    return answer


def _429_then_ok(request, hits, healthy):
    if hits == 1:
        return Response("slow down", 429, headers={"Retry-After": "1"})
    return healthy(request)


def _body(content: bytes, content_type: str = "application/json"):
    def answer(request, hits, healthy):
        return Response(content, content_type=content_type)
    return answer


def _ph_pages(pages: list[bytes]):
    def answer(request, hits, healthy):
        page = int(request.args.get("page", 1))
        return Response(pages[page - 1], content_type="application/json")
    return answer


def ph_cases() -> list[Case]:
    """Return the DMW API faults (bodies derived from the real saved page 1)."""
    page1 = PH_PAGE1.read_bytes()
    envelope = real_page1()
    return [
        Case("timeout", _sleep),
        Case("http500", _status(500)),
        Case("429_retry_after_then_ok", _429_then_ok, fails=False),
        Case("429_always", _status(429, "1")),
        Case("truncated", _body(page1[: len(page1) // 2])),
        Case("html", _body(HTML, "text/html; charset=utf-8")),
        # Renamed fields on every page of a full run, so only the rename can make it fail.
        Case("renamed_name", _ph_pages([_renamed(p, "name", "agency_name") for p in healthy_ph_pages()])),
        Case("renamed_status", _ph_pages([_renamed(p, "license_status", "licenseStatus") for p in healthy_ph_pages()])),
        Case("renamed_address", _ph_pages([_renamed(p, "address", "office_address") for p in healthy_ph_pages()])),
        Case("missing_envelope", _body(json.dumps({"meta": envelope["meta"], "items": envelope["data"]}).encode())),
        Case("zero_rows", _body(json.dumps(with_meta(dict(envelope, data=[]), 1, 1)).encode())),
        Case("below_minimum", _ph_pages([_ph_page(1, 2), _ph_page(2, 2)])),
        # An API that ignores ?page= sends page 1 over and over: 3,800 rows, only 50 agencies.
        Case("same_page_every_time", _ph_pages([_ph_page(n, 76) for n in range(1, 77)])),
    ]


def kz_cases() -> list[Case]:
    """Return the KGD export faults (bodies derived from the real saved XLSX)."""
    xlsx = KZ_XLSX.read_bytes()
    return [
        Case("timeout", _sleep),
        Case("http500", _status(500)),
        Case("429_retry_after_then_ok", _429_then_ok, fails=False),
        Case("429_always", _status(429, "1")),
        Case("truncated", _body(xlsx[: len(xlsx) // 2], "application/octet-stream")),
        Case("html", _body(HTML, "text/html; charset=utf-8")),
        Case("renamed_name_column", _body(_xlsx_variant(rename=("Наименование", "Название")), "application/octet-stream")),
        Case("zero_rows", _body(_xlsx_variant(keep_rows=0), "application/octet-stream")),
        Case("below_minimum", _body(_xlsx_variant(keep_rows=100), "application/octet-stream")),
    ]


def serve(server, prefix: str, ph: Case | None, kz: Case | None) -> dict:
    """Register this case's faulty endpoint under prefix (the healthy ones are shared, so a healthy
    source's records keep the same source URL from run to run); return the env pointing at them."""
    server.expect_request("/ok/ph/licensed-agencies").respond_with_handler(_ph_ok)
    server.expect_request("/ok/kz/list_PSEUDO_COMPANY_KZ_ALL.xlsx").respond_with_handler(_kz_ok)
    ph_root = f"/{prefix}/ph" if ph else "/ok/ph"
    kz_root = f"/{prefix}/kz" if kz else "/ok/kz"
    if ph:
        server.expect_request(f"{ph_root}/licensed-agencies").respond_with_handler(ph.handler(_ph_ok))
    if kz:
        server.expect_request(f"{kz_root}/list_PSEUDO_COMPANY_KZ_ALL.xlsx").respond_with_handler(kz.handler(_kz_ok))
    return {"DMW_API_URL": server.url_for(f"{ph_root}/licensed-agencies"), "DMW_API_KEY": API_KEY,
            "KGD_URL_TEMPLATE": server.url_for(f"{kz_root}/") + "list_{code}_KZ_ALL.xlsx"}


# --- the CLI, every case, run concurrently (each in its own database copy) ----------------------

MATRIX = [("ph_dmw", c) for c in ph_cases()] + [("kz_kgd", c) for c in kz_cases()]
OTHER = {"ph_dmw": "kz_kgd", "kz_kgd": "ph_dmw"}


@pytest.fixture(scope="module")
def seeded(offline_db, _server, tmp_path_factory) -> dict:
    """Per faulty source, the offline-built database in which the OTHER source already ran live
    once, so the matrix's runs re-check it without rewriting it (the faulty source's rows stay the
    ones built offline from data/sources)."""
    env = serve(_server, "seed", None, None)
    out = {}
    for faulty, other in OTHER.items():
        db = tmp_path_factory.mktemp(f"seed-{faulty}") / "verifier.db"
        shutil.copyfile(offline_db, db)
        result = cli(db, "run", other, env=env)
        assert result.returncode == 0, result.stderr
        out[faulty] = db
    return out


@pytest.fixture(scope="module")
def cli_matrix(seeded, _server, tmp_path_factory, artifacts) -> dict:
    """Run `python -m scrapers run ph_dmw kz_kgd` live once per case; return what each left behind."""
    jobs = []
    for source, case in MATRIX:
        case = case.fresh()
        key = f"{source}-{case.name}"
        db = tmp_path_factory.mktemp(key) / "verifier.db"
        shutil.copyfile(seeded[source], db)
        env = serve(_server, f"cli-{key}", case if source == "ph_dmw" else None,
                    case if source == "kz_kgd" else None)
        if case.name == "timeout":
            env.update(CLI_TIMEOUT_ENV)
        jobs.append((key, source, case, db, env))
    before = {key: {s: (snapshot(db, s), len(runs(db, s))) for s in ("ph_dmw", "kz_kgd")}
              for key, _, _, db, _ in jobs}

    def one(job):
        key, source, case, db, env = job
        started = time.monotonic()
        result = cli(db, "run", "ph_dmw", "kz_kgd", env=env)
        return key, result, time.monotonic() - started

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = {key: (result, seconds) for key, result, seconds in pool.map(one, jobs)}
    (artifacts / "fault_matrix.txt").write_text("".join(
        f"{key:<40} exit {r.returncode}  {s:5.1f} s  {(r.stderr.strip().splitlines() or [''])[-1][:150]}\n"
        for key, (r, s) in results.items()))
    return {key: {"source": source, "case": case, "db": db, "before": before[key],
                  "result": results[key][0], "seconds": results[key][1]}
            for key, source, case, db, _ in jobs}


@pytest.mark.parametrize("source,case", MATRIX, ids=[f"{s}-{c.name}" for s, c in MATRIX])
def test_cli_fault(cli_matrix, source, case):
    """Run both live sources through the CLI with one of them broken."""
    got = cli_matrix[f"{source}-{case.name}"]
    result, db, other, case = got["result"], got["db"], OTHER[source], got["case"]
    own_before, own_runs_before = got["before"][source]
    other_before, other_runs_before = got["before"][other]
    assert case.hits >= 1, "the server was never asked: the test did not exercise the live path"

    own_runs = runs(db, source)
    assert len(own_runs) == own_runs_before + 1
    other_runs = runs(db, other)
    assert len(other_runs) == other_runs_before + 1
    assert other_runs[-1]["outcome"] == "ok", other_runs[-1]["error"]      # the other source refreshed
    assert other_runs[-1]["offline"] == 0 and other_runs[-1]["written"] == 0   # seeded: nothing new
    assert snapshot(db, other) == other_before
    if case.fails:
        assert result.returncode != 0, result.stdout
        assert f"{source}: FAILED, previous data kept" in result.stderr
        assert own_runs[-1]["outcome"] == "failed"
        assert own_runs[-1]["error"]
        assert snapshot(db, source) == own_before                          # ids, status, hashes: untouched
    else:
        assert result.returncode == 0, result.stderr
        assert own_runs[-1]["outcome"] == "ok"
        assert case.hits >= 2                                              # the 429 was retried
        assert case.times[1] - case.times[0] >= 0.9                        # ... after Retry-After: 1
        assert len(snapshot(db, source)) >= len(own_before)
    if case.name == "429_always":
        assert case.hits == 4                                             # one try and three retries
        assert "429" in own_runs[-1]["error"]
    if case.name == "timeout":
        assert "Timeout" in own_runs[-1]["error"] or "timed out" in own_runs[-1]["error"]


# --- in-process run(), the faulty source alone --------------------------------------------------

@pytest.fixture
def live(monkeypatch, _server, tmp_path):
    """Point the live sources at the local server, in-process, with no delay and short timeouts."""
    monkeypatch.setenv("DMW_API_KEY", API_KEY)
    monkeypatch.setenv("VERIFIER_FETCH_DELAY", "0")        # read when a Fetcher is created
    monkeypatch.setenv("VERIFIER_RETRY_BACKOFF", "0")      # read when a session is made
    monkeypatch.setenv("VERIFIER_RAW_DIR", str(tmp_path / "raw"))
    for key, value in INPROC_TIMEOUT_ENV.items():        # read when a Fetcher is created
        monkeypatch.setenv(key, value)
    healthy_ph_pages()

    def point(prefix, ph=None, kz=None):
        for key, value in serve(_server, prefix, ph, kz).items():   # read at each fetch
            monkeypatch.setenv(key, value)
    return point


# A recovering ph_dmw run (76 pages) is covered once, by the CLI matrix.
IN_PROCESS = [(s, c) for s, c in MATRIX if c.fails or s != "ph_dmw"]


@pytest.mark.parametrize("source,case", IN_PROCESS, ids=[f"{s}-{c.name}" for s, c in IN_PROCESS])
def test_run_fault_in_process(live, db, source, case):
    """`scrapers.runner.run()` returns a not-ok outcome and keeps the source's rows."""
    case = case.fresh()
    if case.name == "429_always":  # Retry-After is honoured in the recovering case; here only the giving up
        case = Case(case.name, _status(429, "0"))
    live(f"inproc-{source}-{case.name}", **{source[:2]: case})
    before = snapshot(db, source)
    [outcome] = run([source], None, db)
    if case.fails:
        assert not outcome.ok
        assert outcome.error
        assert runs(db, source)[-1]["outcome"] == "failed"
        assert runs(db, source)[-1]["error"] == outcome.error
        assert snapshot(db, source) == before
    else:
        assert outcome.ok, outcome.error
        assert case.hits == 2 and case.times[1] - case.times[0] >= 0.9   # Retry-After: 1 honoured


# --- hk_eaa: no live path ------------------------------------------------------------------------

def test_hk_eaa_live_run_fails_clearly_and_keeps_data(db):
    before = snapshot(db, "hk_eaa")
    result = cli(db, "run", "hk_eaa")
    assert result.returncode != 0
    assert "hk_eaa: FAILED, previous data kept" in result.stderr and "no live crawler" in result.stderr
    last = runs(db, "hk_eaa")[-1]
    assert last["outcome"] == "failed" and "no live crawler" in last["error"]
    assert snapshot(db, "hk_eaa") == before and len(before) == 3293


def test_hk_eaa_malformed_csv_fails_and_keeps_data(db, tmp_path, sources):
    """An offline folder whose hk_eaa CSV lost a column: hk_eaa fails, kz_kgd (same run) lands."""
    folder = tmp_path / "offline"
    (folder / "hk_eaa").mkdir(parents=True)
    (folder / "kz_kgd").mkdir()
    (folder / "kz_kgd" / KZ_XLSX.name).symlink_to(KZ_XLSX)
    real = (sources / "hk_eaa" / "Employmnt_Agency_Data_28_12_21.csv").read_bytes()
    # The real CSV with its phone column renamed: a collector changing its export.
    (folder / "hk_eaa" / "fixture_renamed_column_28_12_21.csv").write_bytes(
        real.replace(b"Telephone No", b"Phone Number", 1))
    before = snapshot(db, "hk_eaa")
    kz_runs = len(runs(db, "kz_kgd"))
    result = cli(db, "run", "hk_eaa", "kz_kgd", "--offline", str(folder))
    assert result.returncode != 0
    assert "hk_eaa: FAILED" in result.stderr and "Telephone No" in result.stderr
    assert runs(db, "hk_eaa")[-1]["outcome"] == "failed"
    assert snapshot(db, "hk_eaa") == before
    assert len(runs(db, "kz_kgd")) == kz_runs + 1 and runs(db, "kz_kgd")[-1]["outcome"] == "ok"


def test_robots_txt_is_obeyed(live, db):
    """A path robots.txt disallows is never fetched: the run fails and keeps the data."""
    blocked = Case("blocked", _status(500))
    live("robots-blocked", kz=blocked)
    before = snapshot(db, "kz_kgd")
    [outcome] = run(["kz_kgd"], None, db)
    assert not outcome.ok and "robots.txt disallows" in outcome.error
    assert blocked.hits == 0
    assert snapshot(db, "kz_kgd") == before

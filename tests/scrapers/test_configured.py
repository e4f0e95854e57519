"""Sources as configuration (sources.toml): validation, the REAL saved KGD XLSX and HK CSV served by
a local server and read through configuration, the fault matrix, `try`, `list`, `run --due`.

Files written here whose content is made up are named fixture_*/invented; the KGD and HK bodies are
the real saved files (or cut/renamed copies of them).
"""
from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
import time

import openpyxl
import pytest
from scraper_helpers import HK_CSV, KZ_XLSX, ROOT, cli, query, runs, snapshot
from werkzeug import Request, Response

from scrapers import config, hk_eaa, kz_kgd, runner, schedule
from scrapers.config import ConfigError
from verifier.records import RESERVED_SOURCES

KGD_ENTRY = '''
[[source]]
id = "kgd_cfg"
kind = "warning"
country = "KZ"
publisher = "State Revenue Committee (КГД), Ministry of Finance, Kazakhstan"
url = "{base}/kgd/list.xlsx"
format = "xlsx"
default_status = "False enterprise (лжепредприятие)"
every = "7d"
min_records = 1000
max_records = 100000
[source.columns]
name = ["Наименование налогоплательщика", "ФИО налогоплательщика"]
licence_number = "БИН"
reason = "Решение суда"
listed_on = "Дата начала"
'''
HK_ENTRY = '''
[[source]]
id = "hk_cfg"
kind = "registry"
country = "HK"
url = "{base}/hk/register.csv"
format = "csv"
default_status = "Licensed"
min_records = 2500
max_records = 10000
[source.columns]
name = ["English Company Name", "Chinese Company Name"]
aliases = "Chinese Company Name"
phones = "Telephone No"
address = "Address"
city = "District"
'''
SLEEP = 1.5
FAST = {"VERIFIER_READ_TIMEOUT": "0.4", "VERIFIER_CONNECT_TIMEOUT": "0.4"}


def _write(tmp_path, text: str, name: str = "sources.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _xlsx(keep_rows: int | None = None, rename: tuple[str, str] | None = None) -> bytes:
    """Return the real KGD export, with only its first data rows or one header text renamed."""
    wb = openpyxl.load_workbook(KZ_XLSX)
    ws = wb.worksheets[0]
    if keep_rows is not None:
        ws.delete_rows(4 + keep_rows, ws.max_row)
    for cell in ws[3] if rename else ():
        if isinstance(cell.value, str):
            cell.value = cell.value.replace(*rename)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- validation: the whole file, before anything runs -------------------------------------------

GOOD = '[[source]]\nid = "invented_list"\nkind = "warning"\nurl = "https://example.org/x.csv"\nformat = "csv"\n' \
       '[source.columns]\nname = "Name"\n'


@pytest.mark.parametrize("text,message", [
    (GOOD.replace('format = "csv"', 'format = "csv"\ncolour = "red"'), "unknown key 'colour'"),
    (GOOD.replace("invented_list", "kz_kgd"), "id 'kz_kgd' is reserved"),
    (GOOD.replace('name = "Name"', 'phones = "Tel"'), "columns: `name` is required"),
    (GOOD.replace('format = "csv"', 'format = "csv"\nmin_records = 500\nmax_records = 10'),
     "min_records 500 and max_records 10"),
    (GOOD.replace("https://example.org/x.csv", "file:///etc/passwd"), "an http:// or https:// address"),
    (GOOD.replace('format = "csv"', 'format = "pdf"'), "format 'pdf'"),
    (GOOD.replace('format = "csv"', 'format = "csv"\nevery = "daily"'), "every = 'daily'"),
    (GOOD.replace('format = "csv"', 'format = "csv"\nsheet = "Лист1"'), 'sheet is only for format = "xlsx"'),
    (GOOD.replace('name = "Name"', 'name = "Name"\nphone = "Tel"'), "unknown field 'phone'"),
    (GOOD.replace('kind = "warning"', 'kind = "registry"\ndefault_status = "Approved-ish"'),
     "default_status 'Approved-ish' is not a known status word"),
    (GOOD + '[source.status_map]\n"Продлена" = "licensed"\n', "the group must be valid or invalid"),
    (GOOD + GOOD, "id 'invented_list' is used twice"),
    (GOOD.replace("invented_list", "Bad Id"), "id 'Bad Id'"),
    (GOOD.replace('format = "csv"', 'format = "csv"\nmin_records = "ten"'), "min_records must be a whole number"),
    (GOOD.replace("invented_list", "ngo_warnings"), "id 'ngo_warnings' is reserved"),
    (GOOD.replace("invented_list", "official_notices"), "id 'official_notices' is reserved"),
    ("source = [1, 2]\n", "source #1: must be a [[source]] table of keys, not int 1"),
    (GOOD.replace('format = "csv"', 'format = "csv"\nmax_skipped = 1.5'), "max_skipped 1.5"),
    (GOOD.replace('format = "csv"', 'format = "csv"\nlicence_label = "passport"'), "licence_label 'passport'"),
    ("[[source]\nid=", "not valid TOML"),
    ('title = "x"\n' + GOOD, "unknown top-level key 'title'"),
])
def test_a_bad_sources_file_is_refused_whole(tmp_path, text, message):
    with pytest.raises(ConfigError) as caught:
        config.load(_write(tmp_path, text), reserved={*runner.BY_ID, *RESERVED_SOURCES})
    assert message in str(caught.value)


def test_every_problem_of_an_entry_is_reported_at_once(tmp_path):
    """An unknown key does not hide the other problems of its entry, nor those of the next."""
    text = (GOOD.replace('format = "csv"', 'format = "pdf"\ncolour = "red"\nmin_records = "ten"')
            .replace("https://example.org/x.csv", "ftp://x") + GOOD.replace("invented_list", "kz_kgd"))
    with pytest.raises(ConfigError) as caught:
        config.load(_write(tmp_path, text), reserved={*runner.BY_ID, *RESERVED_SOURCES})
    message = str(caught.value)
    for part in ("5 problem(s)", "unknown key 'colour'", "min_records must be a whole number", "format 'pdf'",
                 "url 'ftp://x'", "source #2 (kz_kgd): id 'kz_kgd' is reserved"):
        assert part in message, message


def test_a_source_without_a_publisher_is_named_by_its_id(tmp_path):
    (cfg,) = config.load(_write(tmp_path, GOOD))
    assert cfg.info().publisher == "invented_list" and cfg.info().licence_label == "licence"


def test_every_problem_is_reported_at_once_and_nothing_runs(db, tmp_path):
    bad = GOOD.replace('colour', '') + GOOD.replace("invented_list", "kz_kgd").replace('name = "Name"', 'x = "y"')
    path = _write(tmp_path, bad)
    with pytest.raises(ConfigError) as caught:
        config.load(path, reserved=runner.BY_ID)
    assert str(caught.value).count("\n") >= 3 and "source #2 (kz_kgd)" in str(caught.value)
    before = query(db, "select count(*) from runs")
    result = cli(db, "run", "--offline", str(tmp_path), env={"VERIFIER_SOURCES": str(path)})
    assert result.returncode == 1 and "nothing was run" in result.stderr
    assert query(db, "select count(*) from runs") == before


def test_the_shipped_sources_file_is_valid_and_off_until_enabled():
    entries = config.load(ROOT / "sources.toml", reserved=runner.BY_ID)
    ids = {e.id for e in entries}
    assert {f"kz_kgd_{c.lower()}" for c in kz_kgd.LISTS if c != "PSEUDO_COMPANY"} == ids
    assert not any(e.enabled for e in entries)
    assert "# [[source]]" in (ROOT / "sources.toml").read_text(encoding="utf-8")   # the commented examples


def test_a_shipped_kgd_entry_reads_a_sibling_list(tmp_path):
    """`try` on the shipped INACTIVE entry, over a MADE-UP INACTIVE export in the real layout."""
    from test_parsers import fixture_inactive_list
    folder = tmp_path / "offline" / "kz_kgd_inactive"
    folder.mkdir(parents=True)
    (folder / "fixture_invented_INACTIVE.xlsx").write_bytes(fixture_inactive_list())
    result = cli(tmp_path / "v.db", "try", "kz_kgd_inactive", "--offline", str(tmp_path / "offline"))
    assert "header row 3:" in result.stdout and "licence_number  <- B" in result.stdout, result.stdout
    assert 'name=ТОО "Фикстура Один" | licence_number=990140000001' in result.stdout
    assert "records: 2 rows" in result.stdout and "nothing was written" in result.stdout
    assert result.returncode == 1 and "outside its bounds 100-500000" in result.stdout   # 2 < min_records
    assert not (tmp_path / "v.db").exists()


# --- the real files through configuration, on a local server ------------------------------------

class Serve:
    """Answers one configured URL with a body, a status, or a delay; counts requests."""

    def __init__(self, body: bytes = b"", status: int = 200, sleep: float = 0):
        self.body, self.status, self.sleep, self.hits = body, status, sleep, 0

    def __call__(self, request: Request) -> Response:
        self.hits += 1
        time.sleep(self.sleep)
        return Response(self.body, self.status, content_type="application/octet-stream")


def _point(server, prefix: str, kgd: Serve | None, hk: Serve | None) -> str:
    """Register this case's URLs (None: the healthy one every case shares, so its records' source
    URL stays the same); return the TOML pointing at them."""
    bases = {}
    for key, serve, path in (("kgd", kgd, "kgd/list.xlsx"), ("hk", hk, "hk/register.csv")):
        root = f"/{prefix}" if serve else "/real"
        if serve:
            server.expect_request(f"{root}/{path}").respond_with_handler(serve)
        bases[key] = server.url_for(root)
    return KGD_ENTRY.format(base=bases["kgd"]) + HK_ENTRY.format(base=bases["hk"])


@pytest.fixture(scope="module")
def real(_server):
    """Serve the real saved KGD export and HK register at /real/ (the healthy URLs every case shares)."""
    _server.expect_request("/real/kgd/list.xlsx").respond_with_handler(Serve(KZ_XLSX.read_bytes()))
    _server.expect_request("/real/hk/register.csv").respond_with_handler(Serve(HK_CSV.read_bytes()))
    return _server


@pytest.fixture(scope="module")
def loaded(offline_db, real, _server, tmp_path_factory):
    """The offline-built database after the real files were loaded through configuration, live."""
    folder = tmp_path_factory.mktemp("configured")
    db = folder / "verifier.db"
    shutil.copyfile(offline_db, db)
    conf = _write(folder, _point(_server, "real", None, None))
    result = cli(db, "run", "kgd_cfg", "hk_cfg", env={"VERIFIER_SOURCES": str(conf)})
    assert result.returncode == 0, result.stderr
    return db, conf, result


def _by_key(db, source: str, key: str) -> dict:
    """Return {name: {key values}} of a source's active records."""
    out: dict[str, set] = {}
    for name, value in query(db, f"select name, {key} from agencies where source = ? and removed_at is null", [source]):
        out.setdefault(name, set()).add(value)
    return out


def test_configured_kgd_and_hk_load_the_same_records_as_the_built_in_parsers(loaded):
    db, _, result = loaded
    assert "kgd_cfg: ok, 1853 records" in result.stdout and "hk_cfg: ok, 3293 records" in result.stdout
    built_in = kz_kgd.parse_xlsx(KZ_XLSX.read_bytes())
    assert _by_key(db, "kgd_cfg", "licence_number") == _by_key(db, "kz_kgd", "licence_number")
    assert {b for (b,) in query(db, "select licence_number from agencies where source = 'kgd_cfg'")} == \
        {r.licence_number for r in built_in}
    assert len(hk_eaa.parse_csv(HK_CSV.read_bytes())) == 3293
    phones = ("select a.name, p.e164 from agencies a join phones p on p.agency_id = a.id "
              "where a.source = ? and a.removed_at is null")
    assert sorted(query(db, phones, ["hk_cfg"])) == sorted(query(db, phones, ["hk_eaa"]))
    assert _by_key(db, "hk_cfg", "address") == _by_key(db, "hk_eaa", "address")
    assert {g for (g,) in query(db, "select status_group from agencies where source = 'hk_cfg'")} == {"valid"}
    assert runs(db, "kgd_cfg")[-1]["outcome"] == "ok" and runs(db, "kgd_cfg")[-1]["offline"] == 0
    assert list((db.parent / "raw" / "kgd_cfg").glob("*/kgd_cfg.xlsx"))                 # raw archive


def test_list_shows_configured_sources_and_a_check_finds_their_records(loaded):
    db, conf, _ = loaded
    result = cli(db, "list", "--json", env={"VERIFIER_SOURCES": str(conf)})
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert rows["kgd_cfg"]["records"] == 1853 and rows["kgd_cfg"]["kind"] == "warning"
    assert rows["hk_cfg"]["country"] == "HK" and rows["hk_cfg"]["health"] == "ok"
    assert "hk_cfg" in cli(db, "list", env={"VERIFIER_SOURCES": str(conf)}).stdout
    check = subprocess.run([sys.executable, "-m", "verifier", "check", "--json", "TOO Dymka"], cwd=ROOT,
                           env={"PATH": "/usr/bin:/bin", "VERIFIER_DB": str(db),
                                "VERIFIER_APP_DB": str(db.parent / "app.db")},
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    assert "kgd_cfg" in {m["source"] for m in json.loads(check.stdout)["matches"]}


def _faults():
    xlsx, csv_ = KZ_XLSX.read_bytes(), HK_CSV.read_bytes()
    header = csv_.split(b"\n", 1)[0] + b"\n"
    return [
        ("timeout", "kgd", Serve(xlsx, sleep=SLEEP)),
        ("http500", "hk", Serve(b"busy", 500)),
        ("truncated_xlsx", "kgd", Serve(xlsx[: len(xlsx) // 2])),
        ("truncated_csv", "hk", Serve(csv_[: len(csv_) // 3])),
        ("renamed_column_xlsx", "kgd", Serve(_xlsx(rename=("Наименование", "Название")))),
        ("renamed_column_csv", "hk", Serve(csv_.replace(b"English Company Name", b"Company (English)", 1))),
        ("zero_rows_xlsx", "kgd", Serve(_xlsx(keep_rows=0))),
        ("zero_rows_csv", "hk", Serve(header)),
        ("count_collapse", "kgd", Serve(_xlsx(keep_rows=100))),
        ("html_instead", "hk", Serve(b"<html><body>Maintenance</body></html>")),
    ]


FAULTS = _faults()


@pytest.mark.parametrize("name,broken,serve", FAULTS, ids=[f[0] for f in FAULTS])
def test_configured_fault_keeps_the_previous_rows(loaded, _server, tmp_path, monkeypatch, name, broken, serve):
    db_loaded, _, _ = loaded
    db = tmp_path / "verifier.db"
    shutil.copyfile(db_loaded, db)
    conf = _write(tmp_path, _point(_server, f"fault-{name}", serve if broken == "kgd" else None,
                                   serve if broken == "hk" else None))
    for key, value in {**FAST, "VERIFIER_SOURCES": str(conf), "VERIFIER_FETCH_DELAY": "0",
                       "VERIFIER_RETRY_BACKOFF": "0", "VERIFIER_RAW_DIR": str(tmp_path / "raw")}.items():
        monkeypatch.setenv(key, value)
    faulty, other = ("kgd_cfg", "hk_cfg") if broken == "kgd" else ("hk_cfg", "kgd_cfg")
    before, other_before = snapshot(db, faulty), snapshot(db, other)
    outcomes = {o.source: o for o in runner.run([faulty, other], None, db)}
    assert serve.hits >= 1
    assert not outcomes[faulty].ok and outcomes[faulty].error
    assert runs(db, faulty)[-1]["outcome"] == "failed" and runs(db, faulty)[-1]["error"] == outcomes[faulty].error
    assert snapshot(db, faulty) == before and len(before) in (1853, 3293)
    assert outcomes[other].ok, outcomes[other].error                         # the other one still lands
    assert snapshot(db, other) == other_before
    if name == "renamed_column_csv":
        assert "English Company Name" in outcomes[faulty].error
    if name == "timeout":
        assert "timed out" in outcomes[faulty].error.lower() or "Timeout" in outcomes[faulty].error


def test_a_failed_configured_run_exits_non_zero(loaded, _server, tmp_path):
    db = tmp_path / "verifier.db"
    shutil.copyfile(loaded[0], db)
    conf = _write(tmp_path, _point(_server, "cli-500", Serve(b"", 503), None))
    result = cli(db, "run", "kgd_cfg", env={"VERIFIER_SOURCES": str(conf)})
    assert result.returncode == 1 and "kgd_cfg: FAILED, previous data kept" in result.stderr
    assert len(snapshot(db, "kgd_cfg")) == 1853


# --- try: what would load, writing nothing ------------------------------------------------------

def test_try_shows_a_newcomer_what_will_load_and_writes_nothing(real, _server, tmp_path):
    conf = _write(tmp_path, _point(_server, "try", None, None))
    db = tmp_path / "verifier.db"
    result = cli(db, "try", "kgd_cfg", env={"VERIFIER_SOURCES": str(conf)})
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "header row 3:" in out and "Наименование налогоплательщика" in out
    assert "name            <- D 'Салық төлеушінің атауы Наименование налогоплательщика', E" in out
    assert "licence_number  <- B 'ЖСН/БСН ИИН/БИН'" in out and "not read: A '№'" in out
    assert out.count("\n  1. name=") == 1 and "  5. name=" in out and "  6. name=" not in out
    assert "records: 1853 rows, 1853 distinct (bounds 1000-100000)" in out
    assert "'False enterprise (лжепредприятие)' -> warning: 1853" in out and "problems: none" in out
    assert not db.exists() and not (tmp_path / "raw").exists()


def test_try_names_the_row_and_column_of_a_bad_file(real, _server, tmp_path):
    csv_ = HK_CSV.read_bytes().decode("utf-8-sig").splitlines()
    csv_[5] = ",,," + csv_[5].split(",", 3)[3]                    # row 6: both name cells emptied
    conf = _write(tmp_path, _point(_server, "try-one", None, Serve("\n".join(csv_).encode())))
    result = cli(tmp_path / "v.db", "try", "hk_cfg", env={"VERIFIER_SOURCES": str(conf)})
    assert result.returncode == 0, result.stdout                 # one stray row never fails a list
    assert "skipped: 1 row(s) with neither a name nor a number: rows 6" in result.stdout
    for i in range(5, 105):                                       # 100 of 3,293 rows: over 1 %
        csv_[i] = ",,," + csv_[i].split(",", 3)[3]
    conf = _write(tmp_path, _point(_server, "try-bad", None, Serve("\n".join(csv_).encode())))
    result = cli(tmp_path / "v.db", "try", "hk_cfg", env={"VERIFIER_SOURCES": str(conf)})
    assert result.returncode == 1
    assert ("100 of 3293 rows have neither a name (column B 'English Company Name' / C 'Chinese Company Name') "
            "nor a number: rows 6, 7, 8") in result.stdout
    renamed = _point(_server, "try-renamed", Serve(_xlsx(rename=("БИН", "ID"))), None)
    result = cli(tmp_path / "v.db", "try", "kgd_cfg", env={"VERIFIER_SOURCES": str(_write(tmp_path, renamed))})
    assert result.returncode == 1 and "licence_number: no column 'БИН'" in result.stdout
    assert not (tmp_path / "v.db").exists()


# --- formats: JSON, HTML, CSV encodings, header_row ---------------------------------------------

INVENTED_HTML = """<html><body><table class="nav"><tr><td>menu</td></tr></table>
<table class="registry"><tr><th>№</th><th>Наименование</th><th>Номер лицензии</th><th>Статус</th></tr>
<tr><td>1</td><td>ТОО «Выдуманное Агентство»</td><td>INV-001</td><td>Действует</td></tr>
<tr><td>2</td><td>ТОО «Придуманный Кадр»</td><td>INV-002</td><td>Не действует</td></tr>
<tr><td>3</td><td>ИП Сочинённый</td><td>INV-003</td><td>Лицензия продлена</td></tr></table></body></html>"""
INVENTED_JSON = {"data": {"items": [{"title": "Invented Placement Co", "tel": "+7 701 000 00 01"},
                                    {"title": "Made-up Travel Jobs", "tel": ""}]}}


@pytest.mark.parametrize("fmt,extra,columns,body,expect", [
    ("html", 'table = "table.registry"\n', 'name = "Наименование"\nlicence_number = "Номер лицензии"\nstatus = "Статус"\n'
     '[source.status_map]\n"Лицензия продлена" = "valid"\n', INVENTED_HTML.encode(),
     [("ТОО «Выдуманное Агентство»", "valid"), ("ТОО «Придуманный Кадр»", "invalid"), ("ИП Сочинённый", "valid")]),
    ("json", 'records = "data.items"\n', 'name = "title"\nphones = "tel"\n', json.dumps(INVENTED_JSON).encode(),
     [("Invented Placement Co", "warning"), ("Made-up Travel Jobs", "warning")]),
    ("csv", 'encoding = "cp1251"\nheader_row = 2\n', 'name = "Название"\nstatus = "Статус"\n',
     "Выдуманный список\nНазвание;Статус\nТОО Выдумка;Отозвана\n".encode("cp1251"), [("ТОО Выдумка", "invalid")]),
    ("csv", "", 'name = "Название"\nstatus = "Статус"\n', "\ufeffНазвание,Статус\nТОО Выдумка,Действует\n".encode(),
     [("ТОО Выдумка", "valid")]),
])
def test_formats(tmp_path, fmt, extra, columns, body, expect):
    kind = "warning" if fmt == "json" else "registry"
    text = (f'[[source]]\nid = "invented_{fmt}"\nkind = "{kind}"\nurl = "https://example.org/x"\nformat = "{fmt}"\n'
            f'{extra}[source.columns]\n{columns}')
    folder = tmp_path / "offline" / f"invented_{fmt}"
    folder.mkdir(parents=True)
    (folder / f"fixture_invented.{fmt}").write_bytes(body)
    db = tmp_path / "v.db"
    result = cli(db, "run", f"invented_{fmt}", "--offline", str(tmp_path / "offline"),
                 env={"VERIFIER_SOURCES": str(_write(tmp_path, text))})
    assert result.returncode == 0, result.stderr
    assert sorted(query(db, "select name, status_group from agencies")) == sorted(expect)


# --- run --due ------------------------------------------------------------------------------

def test_run_due_runs_only_what_is_due(loaded, tmp_path):
    db = tmp_path / "verifier.db"
    shutil.copyfile(loaded[0], db)
    env = {"VERIFIER_SOURCES": str(loaded[1])}
    result = cli(db, "run", "--due", env=env)
    assert result.returncode == 0 and result.stdout.strip() == "nothing due", result.stdout + result.stderr
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("update sources set last_success = '2020-01-01T00:00:00+00:00', "
                     "last_attempt = '2020-01-01T00:00:00+00:00' where id = 'hk_cfg'")
    conn.close()
    result = cli(db, "run", "--due", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("hk_cfg: ok, 3293 records") and "kgd_cfg" not in result.stdout
    assert [r["source"] for r in runs(db, "hk_cfg")][-1] == "hk_cfg" and "ph_dmw" not in result.stdout


@pytest.mark.parametrize("every,success,attempt,due", [
    ("1d", None, None, True), ("1d", 2 * 86400, 2 * 86400, True), ("1d", 3600, 3600, False),
    ("1d", 2 * 86400, 600, False), ("6h", 7 * 3600, 3601, True), ("7d", 6 * 86400, 6 * 86400, False),
])
def test_is_due(every, success, attempt, due):
    from verifier.records import SourceInfo
    from scrapers.store import now
    info = SourceInfo("x", "x", "x", "", "warning", "", 1, 2, every=every)
    moment = time.time()
    stamp = lambda ago: None if ago is None else time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(moment - ago))  # noqa: E731
    assert schedule.is_due(info, {"last_success": stamp(success), "last_attempt": stamp(attempt)}, moment) is due
    assert schedule.is_due(hk_eaa.SOURCE, None) is False and now()                 # no live crawler: never due

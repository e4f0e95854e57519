"""The command-line contracts partners and external checks rely on, run as real processes."""
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

RESULT_KEYS = {"query", "verdict", "risk", "summary", "reasons", "matches", "data_as_of"}


def run(args, registry_db, stdin=None, env=None):
    """Run `python -m ARGS` in the repo with the test registry; return the completed process."""
    full_env = {**os.environ, "VERIFIER_DB": str(registry_db), **(env or {})}
    return subprocess.run([sys.executable, "-m", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=full_env, timeout=120)


def test_check_json(registry_db):
    p = run(["verifier", "check", "TOO Dymka", "--json"], registry_db)
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    assert RESULT_KEYS <= r.keys() and r["verdict"] == "warning" and r["risk"] == "high"


def test_check_name_and_phone_flags(registry_db):
    p = run(["verifier", "check", "--name", "101 Mojo International", "--phone", "+7 701 234 5678", "--json"],
            registry_db)
    assert json.loads(p.stdout)["verdict"] == "phone_mismatch"


def test_check_jsonl_keeps_order_and_reports_bad_lines(registry_db):
    lines = [{"q": "TOO Dymka"}, {"phone": "09178870567"}, "not json", {"q": ""},
             {"name": "101 Mojo International", "phone": "09178870567"}, {"licence": "000440013947"}]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    p = run(["verifier", "check", "--jsonl"], registry_db, stdin)
    out = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(out) == len(lines)
    assert [o.get("verdict") for o in out] == ["warning", "licensed", None, None, "licensed", "warning"]
    assert out[2] == {"ok": False, "error": out[2]["error"], "status": 400} and out[3]["ok"] is False


def test_check_csv_round_trip(registry_db, tmp_path):
    path = tmp_path / "fixture_agencies_to_check.csv"  # made-up query file; names are real listed ones
    path.write_text("name,phone\nTOO Dymka,\n101 Mojo International,09178870567\n", encoding="utf-8")
    p = run(["verifier", "check", "--csv", str(path)], registry_db)
    assert p.returncode == 0, p.stderr
    rows = (tmp_path / "fixture_agencies_to_check.checked.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("name,phone,verdict,risk") and ",warning," in rows[1] and ",licensed," in rows[2]
    assert "kz_kgd 2020-04-07" in rows[1] and "written to" in p.stderr
    assert path.read_text(encoding="utf-8").startswith("name,phone\n")  # the input is left as it was
    out = tmp_path / "elsewhere.csv"
    p = run(["verifier", "check", "--csv", str(path), "--out", str(out), "--fail-on", "high"], registry_db)
    assert p.returncode == 3 and out.read_text(encoding="utf-8").splitlines()[1:] == rows[1:2] + rows[2:]
    p = run(["verifier", "check", "--csv", str(path), "--out", "-"], registry_db)
    assert p.stdout.splitlines()[0] == rows[0]


@pytest.mark.parametrize("query, level, code", [
    ("TOO Dymka", "high", 3), ("TOO Dymka", "medium", 3), ("101 Mojo International 2", "high", 0),
    ("101 Mojo International 2", "medium", 3), ("101 Mojo International Corp", "medium", 0),
    ("101 Mojo International Corp", None, 0), ("TOO Dymka", None, 0),
])
def test_fail_on_sets_the_exit_code_at_or_above_the_risk(registry_db, query, level, code):
    p = run(["verifier", "check", query, "--json"] + (["--fail-on", level] if level else []), registry_db)
    assert p.returncode == code, p.stderr


def test_fail_on_counts_every_line_of_jsonl(registry_db):
    lines = '{"q": "101 Mojo International Corp"}\n{"q": "TOO Dymka"}\n'
    assert run(["verifier", "check", "--jsonl", "--fail-on", "high"], registry_db, stdin=lines).returncode == 3
    assert run(["verifier", "check", "--jsonl", "--fail-on", "high"], registry_db,
               stdin=lines.splitlines()[0]).returncode == 0


@pytest.mark.parametrize("lang, words", [
    ("ru", ["Высокий риск", "Совпадение по", "Проверенные списки", "Департамент по делам трудовых мигрантов"]),
    ("kk", ["Жоғары қауіп", "Тексерілген тізімдер", "Еңбек мигранттары департаменті"]),
])
def test_result_lines_are_in_the_readers_language(registry_db, lang, words):
    p = run(["verifier", "check", "3 JS Global Recruitment Agency", "--lang", lang], registry_db)
    assert p.returncode == 0, p.stderr
    for word in words:
        assert word in p.stdout
    for english in ("High risk", "Matched on", "data as of", "Lists searched", "Department of Migrant", "score"):
        assert english not in p.stdout


@pytest.mark.parametrize("a,b,same", [("ТОО «Сапа Кадры»", "TOO Sapa Kadry", True),
                                      ("ТОО «Сапа Кадры»", "ТОО «Сапа Кадры 2»", False)])
def test_compare_json(registry_db, a, b, same):
    r = json.loads(run(["verifier", "compare", a, b, "--json"], registry_db).stdout)
    assert r["same"] is same and 0 <= r["score"] <= 100 and isinstance(r["explain"], list)


def test_compare_jsonl(registry_db):
    stdin = json.dumps({"a": "Express Consulting", "b": "Экспресс Консалтинг"}) + "\n{\"a\": 1}\n"
    out = [json.loads(x) for x in run(["verifier", "compare", "--jsonl"], registry_db, stdin).stdout.splitlines()]
    assert out[0]["same"] is True and out[1]["ok"] is False


def test_check_without_database_is_a_clear_error(tmp_path):
    p = run(["verifier", "check", "TOO Dymka"], tmp_path / "missing.db")
    assert p.returncode == 1 and "scrapers run" in p.stderr and "no verdict" in p.stderr
    p = run(["verifier", "check", "TOO Dymka", "--json"], tmp_path / "missing.db")
    assert p.returncode == 1 and json.loads(p.stdout)["status"] == 503


def test_import_warning_list_turns_verdict(registry_db, tmp_path):
    """An NGO list imported in the template format is a source of its own and feeds verdicts."""
    db = tmp_path / "copy.db"
    db.write_bytes(registry_db.read_bytes())
    path = tmp_path / "fixture_ngo_warnings.csv"  # made up by this test: not a real agency
    path.write_text("name,aliases,phones,licence_number,country,status,reason,listed_on,source_url\n"
                    "Fixture Zhumys Abroad Recruiters,Фикстура Жумыс;FZA,+7 701 000 0000;8 (7252) 30-00-00,,KZ,"
                    "reported,test fixture: passports held,2026-11-01,\n", encoding="utf-8")
    env = {"VERIFIER_DB": str(db)}
    p = run(["scrapers", "import", str(path), "--source-id", "fixture_ngo", "--kind", "warning",
             "--country", "KZ"], db, env=env)
    assert p.returncode == 0, p.stderr
    listed = json.loads(run(["scrapers", "list", "--json"], db, env=env).stdout)
    assert {"id", "kind", "country", "records", "last_success", "health"} <= listed[0].keys()
    assert any(s["id"] == "fixture_ngo" and s["records"] == 1 for s in listed)
    for q in ("Fixture Zhumys Abroad Recruiters", "+77010000000", "8 (3252) 30-00-00"):
        r = json.loads(run(["verifier", "check", q, "--json"], db, env=env).stdout)
        assert r["verdict"] == "warning", (q, r["summary"])


def test_scrapers_list_has_a_header_and_the_ngo_list(registry_db):
    lines = run(["scrapers", "list"], registry_db).stdout.splitlines()
    assert lines[0].split() == ["id", "kind", "cc", "records", "last_success", "health"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert {"ph_dmw", "hk_eaa", "kz_kgd", "ngo_warnings"} <= rows.keys()
    assert rows["kz_kgd"][3] == "1853" and rows["kz_kgd"][4].startswith("20")
    listed = json.loads(run(["scrapers", "list", "--json"], registry_db).stdout)
    assert any(s["id"] == "ngo_warnings" for s in listed)

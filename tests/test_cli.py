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
    rows = p.stdout.splitlines()
    assert rows[0].startswith("name,phone,verdict") and ",warning," in rows[1] and ",licensed," in rows[2]


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

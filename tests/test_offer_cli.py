"""`python -m verifier scan`: a file, stdin, --json and --jsonl, run as real processes."""
import json

from tests.conftest import ROOT  # noqa: F401 (the repository root the CLI runs in)
from tests.test_cli import run

OFFER = "Работа в Корее на заводе. Оплата за визу 500$. Агентство ТОО «Дымка», тел. 8 707 281 71 85"


def test_scan_file_as_text(registry_db, tmp_path):
    path = tmp_path / "offer-invented.txt"
    path.write_text(OFFER, encoding="utf-8")
    p = run(["verifier", "scan", str(path), "--lang", "ru"], registry_db)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("Высокий риск:")  # the summary opens with the risk, in Russian
    assert "Плата за трудоустройство: «Оплата за визу" in p.stdout
    assert "Агентство: ТОО «Дымка» → Внимание: есть в списке предупреждений" in p.stdout
    assert "Телефон: +7 707 281 7185" in p.stdout  # grouped as people read it
    for english in ("RISK", "[fee]", "(warning)", "(not_found)", "phone", "agency", "(KR)"):
        assert english not in p.stdout


def test_scan_stdin_json(registry_db):
    p = run(["verifier", "scan", "-", "--json"], registry_db, OFFER)
    r = json.loads(p.stdout)
    assert r["risk"] == "high" and r["destination"]["country"] == "KR"
    assert {"fee", "restricted_route"} <= {f["code"] for f in r["flags"]}


def test_scan_empty_is_an_error(registry_db):
    p = run(["verifier", "scan", "--json"], registry_db, "   \n")
    assert p.returncode == 2 and json.loads(p.stdout) == {"ok": False, "error": "empty text", "status": 400}


def test_scan_jsonl_one_line_per_input_in_order(registry_db):
    lines = [{"text": OFFER, "lang": "ru"}, "not json", {"text": ""}, {"lang": "en"},
             {"text": "x" * 20_001}, {"text": "Licensed agency, no fees, contract before departure.", "lang": "en"}]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    p = run(["verifier", "scan", "--jsonl"], registry_db, stdin)
    out = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["risk"] == "high"
    assert [o.get("status") for o in out[1:5]] == [400, 400, 400, 413]
    assert out[5]["ok"] is True and out[5]["flags"] == []

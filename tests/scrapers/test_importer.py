"""The template importer (`python -m scrapers import FILE`), with files the tests write.

Every list below is MADE UP for the test (hence the fixture_ names): names, phones and numbers are
invented, in the template format of scrapers/template.csv.
"""
from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest
from scraper_helpers import ROOT, cli, query, runs

from scrapers import importer
from scrapers.base import SourceError

HEADER = ["name", "aliases", "phones", "licence_number", "country", "status", "reason", "listed_on", "source_url"]
FIXTURE_ROWS = [  # made up
    ["ТОО «Фикстура Кадры»", "Fixture Kadry; Фикстура", "+7 701 234 5678; 8 (727) 250-12-34", "", "KZ",
     "", "Took fees, no job (made-up case)", "2024-03-01", "https://example.org/fixture/1"],
    ["Fixture Manpower Agency", "", "+63 917 123 4567", "FIX-0001", "PH", "", "", "2024-05-06", ""],
    ["Fixture Employment Centre", "固定職業介紹所", "2345 6789", "", "HK", "", "made-up", "", ""],
]


def _csv(rows, header=HEADER) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _xlsx(path, rows, header=HEADER) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(header)
    for r in rows:
        wb.active.append(r)
    wb.save(path)


def test_template_ships_with_the_columns():
    assert (ROOT / "scrapers" / "template.csv").read_text().strip().split(",") == HEADER == list(importer.COLUMNS)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_a_warning_list(tmp_path, kind):
    path = tmp_path / f"fixture_ngo_list.{kind}"
    if kind == "csv":
        path.write_text(_csv(FIXTURE_ROWS), encoding="utf-8")
    else:
        _xlsx(path, FIXTURE_ROWS)
    db = tmp_path / "verifier.db"
    result = cli(db, "import", str(path), "--source-id", "fixture_ngo", "--kind", "warning", "--country", "KZ")
    assert result.returncode == 0, result.stderr
    assert "fixture_ngo: imported 3 records (3 written, 0 retired)" in result.stdout
    rows = {r[0]: r[1:] for r in query(db, "select name, aliases, status, status_group, status_date, country, "
                                          "licence_number, reason, source_url, id from agencies")}
    kadry = rows["ТОО «Фикстура Кадры»"]
    assert {"Fixture Kadry", "Фикстура"} <= set(json.loads(kadry[0]))
    assert kadry[1:5] == ("listed", "warning", "2024-03-01", "KZ")
    assert kadry[6:8] == ("Took fees, no job (made-up case)", "https://example.org/fixture/1")
    assert rows["Fixture Manpower Agency"][4:6] == ("PH", "FIX-0001")
    assert rows["Fixture Employment Centre"][4] == "HK"
    phones = {r[0] for r in query(db, "select e164 from phones where valid = 1")}
    assert {"+77012345678", "+77272501234", "+639171234567", "+85223456789"} <= phones
    [source] = query(db, "select id, kind, live from sources")
    assert source == ("fixture_ngo", "warning", 0)
    assert runs(db, "fixture_ngo")[-1]["outcome"] == "ok"


def test_import_a_cp1251_csv(tmp_path):
    """Excel in a Russian locale saves CSV as Windows-1251: it is read, not garbled."""
    path = tmp_path / "fixture_cp1251.csv"
    path.write_bytes(_csv(FIXTURE_ROWS[:1]).encode("cp1251", errors="strict"))
    records = importer.to_records(importer.read_rows(path), "warning", "KZ")
    assert [r.name for r in records] == ["ТОО «Фикстура Кадры»"]
    assert records[0].aliases == ["Fixture Kadry", "Фикстура"]
    assert records[0].phones == "+7 701 234 5678 / 8 (727) 250-12-34"


@pytest.mark.parametrize("name,content,message", [
    ("fixture_missing_name.csv", _csv([["x", "+7 701 234 5678"]], ["title", "phones"]), r"missing column\(s\) \['name'\]"),
    ("fixture_unknown_column.csv", _csv([["Fixture Co", "+7 701 234 5678"]], ["name", "phone_number"]),
     r"unknown column\(s\) \['phone_number'\]"),
    ("fixture_empty.csv", "", "empty file"),
    ("fixture_nameless_rows.csv", _csv([FIXTURE_ROWS[1], [""] + FIXTURE_ROWS[0][1:], [""] + FIXTURE_ROWS[2][1:]]),
     r"2 of 3 rows have neither a name \(column name\) nor a number: rows 3, 4"),
    ("fixture_utf16.csv", _csv(FIXTURE_ROWS).encode("utf-16"), r"NUL bytes \(UTF-16\?\)"),
    ("fixture_not_text.csv", b"name\n\x98\x98\n", "neither UTF-8 nor Windows-1251"),
    ("fixture_not_xlsx.xlsx", b"name,phones\nFixture Co,1\n", "not a readable XLSX"),
])
def test_import_rejects_bad_files_clearly_and_keeps_data(tmp_path, name, content, message):
    db = tmp_path / "verifier.db"
    good = tmp_path / "fixture_good.csv"
    good.write_text(_csv(FIXTURE_ROWS), encoding="utf-8")
    assert cli(db, "import", str(good), "--source-id", "fixture_ngo", "--kind", "warning").returncode == 0
    before = query(db, "select id, status, record_hash from agencies order by id")

    bad = tmp_path / name
    bad.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    with pytest.raises(SourceError, match=message):
        importer.to_records(importer.read_rows(bad), "warning", "KZ")
    result = cli(db, "import", str(bad), "--source-id", "fixture_ngo", "--kind", "warning")
    assert result.returncode == 1
    assert "fixture_ngo: FAILED, previous data kept" in result.stderr
    assert __import__("re").search(message, result.stderr), result.stderr
    assert runs(db, "fixture_ngo")[-1]["outcome"] == "failed"
    assert query(db, "select id, status, record_hash from agencies order by id") == before


def test_import_a_names_only_csv(tmp_path):
    """Only `name` is required: a one-column list has no delimiter for the sniffer to find."""
    path = tmp_path / "fixture_names_only.csv"
    path.write_text("name\nFixture One Co\nFixture Two Co\n", encoding="utf-8")
    db = tmp_path / "verifier.db"
    result = cli(db, "import", str(path), "--source-id", "fixture_names", "--kind", "warning")
    assert result.returncode == 0, result.stderr
    assert sorted(r[0] for r in query(db, "select name from agencies")) == ["Fixture One Co", "Fixture Two Co"]


def test_import_checks_its_arguments(tmp_path):
    path = tmp_path / "fixture_list.csv"
    path.write_text(_csv(FIXTURE_ROWS), encoding="utf-8")
    bad_id = cli(tmp_path / "v.db", "import", str(path), "--source-id", "Bad Id!", "--kind", "warning")
    assert bad_id.returncode != 0 and "--source-id" in bad_id.stderr
    missing = cli(tmp_path / "v.db", "import", str(tmp_path / "nope.csv"), "--source-id", "x_list", "--kind", "warning")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_one_nameless_row_is_skipped_and_counted_not_fatal(tmp_path):
    """A stray row with neither a name nor a number does not fail a list: it is skipped and named."""
    rows = [FIXTURE_ROWS[0], [""] * 9, ["", "", "+7 701 000 00 00", "", "KZ", "", "", "", ""], FIXTURE_ROWS[2]]
    path = tmp_path / "fixture_one_nameless.csv"
    path.write_text(_csv([r for r in rows if any(r)]), encoding="utf-8")
    skipped: list[int] = []
    records = importer.to_records(importer.read_rows(path), "warning", "KZ", skipped=skipped)
    assert [r.name for r in records] == ["ТОО «Фикстура Кадры»", "Fixture Employment Centre"] and skipped == [3]
    numbered = tmp_path / "fixture_numbered.csv"
    numbered.write_text(_csv([["", "", "", "FIX-0009", "PH", "", "", "", ""]]), encoding="utf-8")
    assert [r.name for r in importer.to_records(importer.read_rows(numbered), "registry", "PH")] == ["FIX-0009"]


def test_nameless_rows_over_the_share_fail_the_import_and_say_which(tmp_path):
    rows = [[f"Fixture Row Agency {i}", "", "", "", "KZ", "", "", "", ""] for i in range(150)]
    rows[10][0] = rows[20][0] = ""
    path = tmp_path / "fixture_many_nameless.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    with pytest.raises(SourceError, match=r"2 of 150 rows have neither a name .* rows 12, 22; more than 1% of the list"):
        importer.to_records(importer.read_rows(path), "warning", "KZ")  # 1 % of 150 is 1.5 rows
    assert len(importer.to_records(importer.read_rows(path), "warning", "KZ", max_skipped=0.02)) == 148

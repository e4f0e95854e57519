"""The writer, through the real CLI on real data: idempotence, retire-not-delete, history, the
atomic swap under a reader, and `scrapers list --json`."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

from scraper_helpers import FAST_ENV, HK_CSV, KZ_XLSX, PH_DIRECTORY, PH_PAGE1, ROOT, cli, query, runs, snapshot

from scrapers import ph_dmw
from verifier.records import agency_id

SOURCES_IDS = ("ph_dmw", "hk_eaa", "kz_kgd")


def _counts(db) -> dict:
    return {
        "agencies": query(db, "select count(*) from agencies")[0][0],
        "history": query(db, "select count(*) from status_history")[0][0],
        "phones": query(db, "select count(*) from phones")[0][0],
        "ids": {r[0] for r in query(db, "select id from agencies")},
        "hashes": dict(query(db, "select id, record_hash from agencies")),
    }


def test_offline_build_counts(offline_db):
    active = dict(query(offline_db, "select source, count(*) from agencies where removed_at is null group by source"))
    assert active == {"ph_dmw": 3792, "hk_eaa": 3293, "kz_kgd": 1853}
    assert query(offline_db, "select count(*) from status_history where change != 'listed'")[0][0] == 0
    assert {r["outcome"] for s in SOURCES_IDS for r in runs(offline_db, s)} == {"ok"}
    assert query(offline_db, "select count(*) from phones where valid = 1")[0][0] > 5000


def test_second_identical_offline_run_changes_nothing(db, sources):
    before = _counts(db)
    result = cli(db, "run", "--offline", str(sources))
    assert result.returncode == 0, result.stderr
    for source in SOURCES_IDS:
        assert f"{source}: ok" in result.stdout and "(0 written, 0 retired)" in result.stdout.split(f"{source}: ok")[1].split("\n")[0]
        last = runs(db, source)[-1]
        assert (last["outcome"], last["written"], last["retired"]) == ("ok", 0, 0)
    after = _counts(db)
    assert after == before                      # same ids, same content, no new history rows


def _hk_folder(tmp_path, drop: range | None) -> tuple:
    """Return an offline folder with the real hk_eaa CSV, or the real CSV minus some rows, and the dropped rows."""
    folder = tmp_path / ("hk_subset" if drop else "hk_full")
    (folder / "hk_eaa").mkdir(parents=True)
    if drop is None:
        (folder / "hk_eaa" / HK_CSV.name).symlink_to(HK_CSV)
        return folder, []
    text = HK_CSV.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header, data = rows[0], rows[1:]
    dropped = [data[i] for i in drop]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(r for i, r in enumerate(data) if i not in drop)
    (folder / "hk_eaa" / HK_CSV.name).write_text(out.getvalue(), encoding="utf-8")
    return folder, [dict(zip(header, r)) for r in dropped]


def test_records_gone_from_the_source_are_retired_not_deleted_then_relisted(db, tmp_path):
    subset, dropped = _hk_folder(tmp_path, range(100, 110))
    full, _ = _hk_folder(tmp_path, None)
    gone = {agency_id("hk_eaa", "|".join(x.replace("\xa0", " ").strip() for x in (
        d["English Company Name"], d["Chinese Company Name"], d["Address"])).upper()) for d in dropped}
    before = snapshot(db, "hk_eaa")
    assert gone <= set(before) and len(gone) == 10

    result = cli(db, "run", "hk_eaa", "--offline", str(subset))
    assert result.returncode == 0, result.stderr
    assert "hk_eaa: ok, 3283 records (0 written, 10 retired)" in result.stdout
    after = snapshot(db, "hk_eaa")
    assert set(after) == set(before)                                   # nothing deleted
    assert {i for i, v in after.items() if v[2]} == gone               # removed_at set on exactly those
    history = query(db, "select agency_id, change from status_history where change = 'removed from source'")
    assert {h[0] for h in history} == gone and len(history) == 10
    assert query(db, "select count(*) from phones where agency_id in (%s)" % ",".join("?" * 10), list(gone))[0][0] > 0

    result = cli(db, "run", "hk_eaa", "--offline", str(full))
    assert result.returncode == 0, result.stderr
    assert "hk_eaa: ok, 3293 records (10 written, 0 retired)" in result.stdout
    relisted = snapshot(db, "hk_eaa")
    assert not any(v[2] for v in relisted.values())
    assert {h[0] for h in query(db, "select agency_id from status_history where change = 'relisted'")} == gone


def test_a_status_change_appends_one_history_row(db, tmp_path):
    items = json.loads(PH_DIRECTORY.read_bytes())
    page1_keys = {ph_dmw.source_key(d["name"], d["address"]) for d in json.loads(PH_PAGE1.read_bytes())["data"]}
    i = next(n for n, r in enumerate(items)
             if r["status"] == "Valid License" and ph_dmw.source_key(r["name"], r["address"]) not in page1_keys)
    items[i] = dict(items[i], status="Revoked")                # the real directory, one status changed
    changed = agency_id("ph_dmw", ph_dmw.source_key(items[i]["name"], items[i]["address"]))
    folder = tmp_path / "ph_changed"
    (folder / "ph_dmw" / "directory").mkdir(parents=True)
    (folder / "ph_dmw" / "api").symlink_to(PH_PAGE1.parent)      # the real saved API pages, as they are
    (folder / "ph_dmw" / "directory" / PH_DIRECTORY.name).write_text(json.dumps(items), encoding="utf-8")
    before = snapshot(db, "ph_dmw")
    history_before = query(db, "select count(*) from status_history")[0][0]

    result = cli(db, "run", "ph_dmw", "--offline", str(folder))
    assert result.returncode == 0, result.stderr
    assert "(1 written, 0 retired)" in result.stdout
    rows = query(db, "select agency_id, status, status_group, change from status_history where id > ?", [history_before])
    assert rows == [(changed, "Revoked", "invalid", "status changed")]
    after = snapshot(db, "ph_dmw")
    assert after[changed][:2] == ("Revoked", "invalid") and before[changed][:2] == ("Valid License", "valid")
    assert {k: v for k, v in after.items() if k != changed} == {k: v for k, v in before.items() if k != changed}


def test_a_reader_never_sees_a_half_written_database(db, tmp_path):
    """A reader opening the live file over and over during a full offline rebuild sees either the
    old database or the new one, whole, never an error or a mix."""
    folder = tmp_path / "rebuild"
    (folder / "kz_kgd").mkdir(parents=True)
    (folder / "kz_kgd" / KZ_XLSX.name).symlink_to(KZ_XLSX)
    (folder / "ph_dmw").symlink_to(PH_PAGE1.parent.parent)      # the real ph_dmw folder, as it is
    subset, _ = _hk_folder(tmp_path, range(0, 10))           # the new state differs: 10 hk offices gone
    shutil.copytree(subset / "hk_eaa", folder / "hk_eaa")
    sql = ("select (select count(*) from agencies where removed_at is null), (select count(*) from runs), "
           "(select count(*) from runs where outcome = 'running'), (select count(*) from status_history)")
    old = query(db, sql)[0]
    seen, errors, stop = [], [], threading.Event()

    def reader():
        while not stop.is_set():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
                try:
                    seen.append(conn.execute(sql).fetchone())
                finally:
                    conn.close()
            except Exception as exc:  # noqa: BLE001 -- any error is what this test looks for
                errors.append(repr(exc))
            time.sleep(0.002)  # leave the CPU to the writer; still hundreds of reads

    thread = threading.Thread(target=reader)
    env = {k: v for k, v in dict(os.environ, **FAST_ENV).items() if not k.startswith("VERIFIER_")}
    thread.start()
    try:
        proc = subprocess.run([sys.executable, "-m", "scrapers", "run", "--offline", str(folder)], cwd=ROOT,
                              env=dict(env, VERIFIER_DB=str(db), VERIFIER_RAW_DIR=str(tmp_path / "raw")),
                              capture_output=True, text=True, timeout=120)
        time.sleep(0.2)
    finally:
        stop.set()
        thread.join()
    assert proc.returncode == 0, proc.stderr
    new = query(db, sql)[0]
    assert new == (old[0] - 10, old[1] + 3, 0, old[3] + 10)
    assert not errors, errors[:5]
    assert len(seen) > 20, "the reader barely ran: the test proved nothing"
    assert set(seen) <= {old, new}, sorted(set(seen) - {old, new})[:5]
    assert old in seen and new in seen


def test_list_json(db):
    result = cli(db, "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    by_id = {r["id"]: r for r in rows}
    assert set(SOURCES_IDS) <= set(by_id)
    for r in rows:
        assert {"id", "kind", "country", "records", "last_success", "health"} <= set(r), r
    assert by_id["ph_dmw"]["records"] == 3792 and by_id["hk_eaa"]["records"] == 3293
    assert by_id["kz_kgd"]["records"] == 1853 and by_id["kz_kgd"]["kind"] == "warning"
    assert by_id["ph_dmw"]["country"] == "PH" and by_id["ph_dmw"]["last_success"]
    assert by_id["hk_eaa"]["live"] is False and "No live crawler" in by_id["hk_eaa"]["note"]
    assert by_id["ph_dmw"]["live"] is True


def test_list_json_before_any_run(tmp_path):
    result = cli(tmp_path / "none.db", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in json.loads(result.stdout) if r["id"] != "ngo_warnings"}   # the app DB's list
    assert set(rows) == set(SOURCES_IDS)
    assert all(r["records"] == 0 and r["last_success"] is None and r["health"] == "never" for r in rows.values())
    assert rows["hk_eaa"]["live"] is False
    assert not (tmp_path / "none.db").exists()                 # listing never creates a database

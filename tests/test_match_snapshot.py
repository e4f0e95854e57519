"""The match index stored with the registry: loaded only when made from exactly these records."""
from __future__ import annotations

import marshal
import shutil
import sqlite3

import pytest

from eval import run as eval_run
from scrapers import store
from verifier.names import pieces
from verifier.names.match import Index, registry_fingerprint
from verifier.names.normalize import name_key
from verifier.registry import connect


def _answers(idx: Index, names: list[str], phones: list[str]) -> list:
    """Return everything a search shows, for comparing two indexes."""
    out = []
    for q in names:
        out.append([(h.rec.id, h.rec.status, h.score, h.same, h.matched_value, h.explain, h.rec.phones)
                    for h in idx.search_name(name_key(q))])
    for q in phones:
        out.append([(h.rec.id, h.matched_value) for h in idx.search_phone(q)])
    return out


@pytest.fixture(scope="module")
def queries(registry_db) -> tuple[list[str], list[str]]:
    """Return names and phones from the committed evaluation cases (real registry data)."""
    cases = eval_run.load_cases()
    names = [c["q"] for c in cases if c.get("q") and c["slice"] != "phone_variants"][::3]
    phones = [c["q"] for c in cases if c.get("q") and c["slice"] == "phone_variants"][::5]
    assert len(names) > 500 and len(phones) > 200
    return names, phones


def test_a_run_stores_a_snapshot_that_answers_as_the_records_do(registry_db, queries):
    conn = connect(registry_db)
    stored = conn.execute("select fingerprint, records from match_snapshot").fetchall()
    assert [tuple(r) for r in stored] == [(registry_fingerprint(conn), conn.execute(
        "select count(*) from agencies where removed_at is null").fetchone()[0])]
    loaded, built = Index.from_connection(conn), Index.from_rows(conn)
    assert len(loaded.recs) == len(built.recs) > 8000
    assert _answers(loaded, *queries) == _answers(built, *queries)
    # Equal contents (the bytes may differ: marshal marks objects shared in memory, which differs by piece).
    assert pieces.loads(loaded.to_snapshot()) == pieces.loads(built.to_snapshot())


def _copy(registry_db, tmp_path):
    path = tmp_path / "verifier.db"
    shutil.copy(registry_db, path)
    return path


def test_a_changed_record_makes_the_snapshot_stale(registry_db, tmp_path):
    """A write that does not refresh the snapshot (here: by hand) costs a rebuild, not a wrong answer."""
    path = _copy(registry_db, tmp_path)
    conn = sqlite3.connect(path)
    rid, name = conn.execute("select id, name from agencies where source = 'kz_kgd' and removed_at is null "
                             "order by id limit 1").fetchone()
    before = Index.from_connection(connect(path))
    assert before.search_name(name_key(name))[0].rec.status_group == "warning"
    conn.execute("update agencies set status = 'removed from list', status_group = 'unknown', "
                 "record_hash = 'edited by this test' where id = ?", [rid])
    conn.commit()
    after = Index.from_connection(connect(path))
    hit = next(h for h in after.search_name(name_key(name)) if h.rec.id == rid)
    assert hit.rec.status_group == "unknown"


def test_a_registry_without_the_table_or_with_a_damaged_snapshot_still_builds(registry_db, tmp_path, queries):
    path = _copy(registry_db, tmp_path)
    expected = _answers(Index.from_rows(connect(path)), *queries)
    conn = sqlite3.connect(path)
    conn.execute("update match_snapshot set data = ?", [b"\x00not a snapshot"])
    conn.commit()
    assert _answers(Index.from_connection(connect(path)), *queries) == expected
    conn.execute("drop table match_snapshot")
    conn.commit()
    assert _answers(Index.from_connection(connect(path)), *queries) == expected


def test_writing_the_snapshot_again_replaces_it(registry_db, tmp_path):
    path = _copy(registry_db, tmp_path)
    db = store.open_db(path)
    store.write_match_snapshot(db)
    store.write_match_snapshot(db)
    assert db.execute("select count(*) from match_snapshot").fetchone()[0] == 1
    db.execute("update agencies set record_hash = 'edited by this test' where rowid = 1")
    store.write_match_snapshot(db)
    assert db.execute("select count(*) from match_snapshot").fetchone()[0] == 1
    assert db.execute("select fingerprint from match_snapshot").fetchone()[0] == registry_fingerprint(db.conn)
    db.conn.close()


def test_an_unchanged_registry_keeps_its_snapshot_without_rebuilding(registry_db, tmp_path, monkeypatch):
    path = _copy(registry_db, tmp_path)
    db = store.open_db(path)
    before = db.execute("select fingerprint, built_at from match_snapshot").fetchall()

    def must_not_run(conn):
        raise AssertionError("the index was rebuilt although no record changed")

    monkeypatch.setattr(Index, "from_rows", must_not_run)
    store.write_match_snapshot(db)
    assert db.execute("select fingerprint, built_at from match_snapshot").fetchall() == before
    db.conn.close()


def test_a_failing_snapshot_does_not_stop_a_refresh(registry_db, tmp_path, monkeypatch, shared_sources):
    """The snapshot is an optimisation: if it cannot be written the sources still land."""
    from scrapers import runner

    path = _copy(registry_db, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("update agencies set record_hash = 'edited by this test' "  # a source this run leaves alone
                 "where id = (select id from agencies where source = 'ph_dmw' order by id limit 1)")
    conn.commit()
    conn.close()

    def broken(self):
        raise MemoryError("pretend the index does not fit")

    monkeypatch.setattr(Index, "to_snapshot", broken)
    outcomes = runner.run(["kz_kgd"], shared_sources, path)
    assert [o.ok for o in outcomes] == [True]
    reader = connect(path)
    assert reader.execute("select last_outcome from sources where id = 'kz_kgd'").fetchone()[0] == "ok"
    stored = reader.execute("select fingerprint from match_snapshot").fetchone()[0]
    assert stored != registry_fingerprint(reader)  # the old one stays, and is not used
    assert len(Index.from_connection(reader).recs) == len(Index.from_rows(reader).recs)


def test_parsed_numbers_and_licence_keys_find_what_the_typed_text_finds(registry_db, queries):
    """`search_numbers` / `search_licence_key` take values already read; the text entry points agree."""
    from verifier.names.match import read_numbers
    from verifier.names.numbers import licence_key, phone_digits
    idx = Index.from_connection(connect(registry_db))
    for q in queries[1]:
        typed = [(h.rec.id, h.matched_value) for h in idx.search_phone(q)]
        numbers = next((n for n in read_numbers(q, "KZ", idx.countries) if idx.search_numbers(n)), ())
        parsed = [(h.rec.id, h.matched_value) for h in idx.search_numbers(numbers, "" if numbers else phone_digits(q))]
        assert typed == parsed and typed, q
    rows = connect(registry_db).execute("select licence_key from agencies where licence_key != '' limit 50").fetchall()
    for (key,) in rows:
        assert [h.rec.id for h in idx.search_licence_key(licence_key(key))] == [h.rec.id for h in idx.search_licence(key)]
        assert idx.search_licence_key(key)


def test_snapshot_keeps_the_sound_table(registry_db):
    """Names written by ear in Cyrillic are found alike from a loaded snapshot and a fresh build."""
    conn = connect(registry_db)
    loaded, built = Index.from_connection(conn), Index.from_rows(conn)
    assert loaded.by_sound == built.by_sound and loaded.by_sound
    names = [c["q"] for c in eval_run.load_cases() if c["slice"] == "phonetic"]
    assert _answers(loaded, names, []) == _answers(built, names, [])


def test_pieces_keep_every_item_in_order():
    words = [f"word{i}" for i in range(pieces.PIECE * 2 + 7)]
    postings = {"common": tuple(range(pieces.PIECE * 3)), **{w: (i,) for i, w in enumerate(words[:10])}}
    parts = (words, {w: (i, w.upper()) for i, w in enumerate(words)}, [], {}, postings)
    blob = pieces.dumps(parts)
    assert pieces.loads(blob) == list(parts)
    assert list(pieces.loads(blob)[1]) == words  # dict order kept across pieces
    stored = pieces.views(blob)
    assert len(stored[0]) == 3 and len(stored[2]) == len(stored[3]) == 1
    assert list(marshal.loads(stored[4][0])) == ["common"]  # a long posting fills a piece alone



def test_a_loaded_snapshot_keeps_one_string_per_name_and_phone(registry_db):
    """A whole name (a key of by_key) and a phone (a key of e164) are the very strings the entries and
    records hold, as in an index built from the records, not a second copy read from the snapshot."""
    conn = connect(registry_db)
    loaded, built = Index.from_connection(conn), Index.from_rows(conn)
    assert list(loaded.by_key.items()) == list(built.by_key.items()) and len(loaded.by_key) > 8000
    assert list(loaded.e164.items()) == list(built.e164.items()) and len(loaded.e164) > 1000
    joined = {id(j) for j in loaded.joined}
    phones = {id(p) for r in loaded.recs for p in r.phones}
    assert all(id(k) in joined for k in loaded.by_key)
    assert all(id(k) in phones for k in loaded.e164)


def test_a_snapshot_whose_tables_do_not_fit_is_not_loaded(registry_db):
    """A stored table with more or fewer values than its keys is refused (the caller then builds)."""
    built = Index.from_rows(connect(registry_db))
    parts = pieces.loads(built.to_snapshot())
    parts[4] = parts[4][:-1]  # by_key's values, one short
    with pytest.raises(ValueError):
        Index.from_snapshot(pieces.dumps(tuple(parts)))

"""Parser tests on the real saved data in data/sources."""
from __future__ import annotations

import csv
import io
import json
import logging

import openpyxl
import pytest
from scraper_helpers import HK_CSV, KZ_XLSX, PH_DIRECTORY, PH_FILTER, PH_PAGE1, query

from scrapers import hk_eaa, kz_kgd, ph_dmw
from scrapers.base import SourceError
from scrapers.http import OfflineFetcher

# --- ph_dmw -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def directory() -> list[dict]:
    return json.loads(PH_DIRECTORY.read_bytes())


def test_ph_directory_parses_every_row(directory):
    records = ph_dmw.parse_directory(directory, "2026-09-14")
    assert len(records) == 3794
    keys = [r.source_key for r in records]
    assert len(set(keys)) == 3792
    # The only key collisions are rows published twice, identical in every field: they merge.
    by_key: dict[str, list[dict]] = {}
    for raw in directory:
        by_key.setdefault(ph_dmw.source_key(raw["name"], raw["address"]), []).append(raw)
    dupes = {k: v for k, v in by_key.items() if len(v) > 1}
    assert len(dupes) == 2
    assert all(len(v) == 2 and v[0] == v[1] for v in dupes.values())
    # The near-duplicate the README names stays two records (different names, different statuses).
    brilliant = {r.name: r.status for r in records if r.name.startswith("1015 BRILLIANT MINDS")}
    assert brilliant == {"1015 BRILLIANT MINDS INC": "Expired", "1015 BRILLIANT MINDS INC.": "Valid License - Provisional"}
    assert all(r.licence_number == "" for r in records)          # "N/A" is no licence number
    assert all(r.data_as_of == "2026-09-14" for r in records)


def test_ph_every_directory_status_maps_to_a_known_group(directory, caplog):
    statuses = sorted({r["status"] for r in directory})
    assert len(statuses) >= 18
    with caplog.at_level(logging.WARNING, logger="scrapers.ph_dmw"):
        groups = {s: ph_dmw.status_group(s) for s in statuses}
    assert "unknown" not in groups.values(), [s for s, g in groups.items() if g == "unknown"]
    assert not [r for r in caplog.records if "unknown status" in r.getMessage()]
    assert groups["Valid License"] == groups["VALID LICENSE (EXTENDED)"] == "valid"
    assert groups["Forever Banned"] == groups["Delisted"] == groups["Revoked"] == "invalid"
    # An unpublished status is 'unknown' and logged, never guessed.
    with caplog.at_level(logging.WARNING, logger="scrapers.ph_dmw"):
        assert ph_dmw.status_group("Under Evaluation") == "unknown"
    assert any("Under Evaluation" in r.getMessage() for r in caplog.records)


def test_ph_api_page_1():
    records, next_url = ph_dmw.parse_api_page(json.loads(PH_PAGE1.read_bytes()))
    assert len(records) == 50
    assert next_url == "/api/v1/public/licensed-agencies?page=2"
    mojo = records[0]
    assert mojo.name == "101 MOJO INT`L. CORPORATION"
    assert mojo.emails == ["101mojorecruit@gmail.com", "101mojo.dh@gmail.com"]   # spelled eMail here
    assert mojo.expires_on == "2031-10-03" and mojo.status_date == "2025-11-11"
    assert mojo.city == "MALATE, MANILA" and mojo.data_as_of == "2026-07-14"
    assert mojo.status_group == "valid"
    assert all(r.status_group != "unknown" for r in records)


def test_ph_filter_page_spells_email_lowercase():
    raw = json.loads(PH_FILTER.read_bytes())
    assert "email" in raw["data"][0] and "eMail" not in raw["data"][0]
    records, next_url = ph_dmw.parse_api_page(raw)
    assert len(records) == 6 and next_url is None
    assert [r.emails for r in records] == [[e] if e else [] for e in (d["email"] for d in raw["data"])]
    assert "info@abcgemsph.com" in records[0].emails


def test_ph_valid_licence_past_expiry_keeps_its_published_group():
    """Expiry is decided once, by the verdict ("licence expired on DATE"): the parser stores the
    published status's own group and the expiry date, whatever today is."""
    raw = json.loads(PH_PAGE1.read_bytes())
    item = next(d for d in raw["data"] if d["license_status"] == "Valid License" and d["license_expiration_date"])
    item = dict(item, license_expiration_date="2001-01-31T00:00:00.000Z")     # long past
    [rec] = ph_dmw.parse_api_page(dict(raw, data=[item]))[0]
    assert (rec.status, rec.status_group, rec.expires_on) == ("Valid License", "valid", "2001-01-31")
    assert ph_dmw.status_group("Cancelled") == "invalid"
    assert "today" not in __import__("inspect").signature(ph_dmw.status_group).parameters


def test_ph_offline_crawl_uses_directory_and_enriches_from_saved_pages(sources):
    records = ph_dmw.crawl(OfflineFetcher("ph_dmw", sources))
    assert len(records) == 3794
    page1 = {ph_dmw.source_key(d["name"], d["address"]): d                 # page 1 and the filter page
             for path in (PH_PAGE1, PH_FILTER) for d in json.loads(path.read_bytes())["data"]}
    enriched = [r for r in records if r.source_key in page1 and r.status == page1[r.source_key]["license_status"]]
    assert len(enriched) >= 40
    assert all(r.expires_on == ph_dmw._iso_date(page1[r.source_key]["license_expiration_date"]) and
               r.status_date == ph_dmw._iso_date(page1[r.source_key]["license_status_date"]) for r in enriched)
    assert sum(bool(r.extra) for r in records) == len(enriched)   # only records a saved page covers


# --- hk_eaa -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hk_raw() -> list[dict]:
    return list(csv.DictReader(io.StringIO(HK_CSV.read_bytes().decode("utf-8-sig"))))


def test_hk_csv_parses_every_office(hk_raw):
    records = hk_eaa.parse_csv(HK_CSV.read_bytes(), hk_eaa._as_of(HK_CSV.name))
    assert len(records) == 3293
    assert len({r.source_key for r in records}) == 3293        # chains: one record per branch
    assert all(r.status_group == "valid" and r.data_as_of == "2021-12-28" for r in records)
    chinese_only = [r for r in records if not any("a" <= c.lower() <= "z" for c in r.name)]
    assert len(chinese_only) == 16
    assert all(r.aliases == [] and r.name for r in chinese_only)
    first = next(raw for raw in hk_raw if not raw["English Company Name"].strip("\xa0 "))
    assert any(r.name == first["Chinese Company Name"].strip() for r in chinese_only)
    both = next(r for r in records if r.aliases)
    assert both.name.isascii() and not both.aliases[0].isascii()  # English name, Chinese alias


def test_hk_nbsp_only_cells_are_empty(hk_raw):
    records = hk_eaa.parse_csv(HK_CSV.read_bytes())
    nbsp_phone = [i for i, raw in enumerate(hk_raw) if raw["Telephone No"] == "\xa0"]
    nbsp_district = [i for i, raw in enumerate(hk_raw) if raw["District"] == "\xa0"]
    nbsp_fax = [i for i, raw in enumerate(hk_raw) if raw["FAX"] == "\xa0"]
    assert len(nbsp_phone) > 300 and len(nbsp_district) > 200 and len(nbsp_fax) > 1000
    assert all(records[i].phones == "" for i in nbsp_phone)
    assert all(records[i].city == "" for i in nbsp_district)
    assert all(records[i].extra["fax"] == "" for i in nbsp_fax)
    assert not any("\xa0" in (r.phones + r.city + r.address + r.name) for r in records)


def test_hk_has_no_live_crawler():
    assert hk_eaa.SOURCE.live is False and "No live crawler" in hk_eaa.SOURCE.note
    with pytest.raises(SourceError, match="no live crawler"):
        hk_eaa.crawl(type("LiveFetcher", (), {"offline": False})())


# --- kz_kgd -----------------------------------------------------------------------------------

def test_kz_false_enterprises(sources):
    records = kz_kgd.parse_xlsx(KZ_XLSX.read_bytes(), "PSEUDO_COMPANY")
    assert len(records) == 1853
    assert kz_kgd.SOURCE.kind == "warning"
    assert {r.status_group for r in records} == {"warning"}
    assert {r.status for r in records} == {"False enterprise (лжепредприятие)"}
    first = records[0]
    assert first.licence_number == "000140013420" and first.other_ids == ["600400113669"]
    assert first.name == 'товарищество с ограниченной ответственностью "Горизонт"'
    assert first.status_date == "2008-04-02" and first.data_as_of == "2020-04-07"
    with_bin = [r for r in records if r.licence_number]
    assert len(with_bin) > 1000 and all(len(r.licence_number) == 12 and r.licence_number.isdigit() for r in with_bin)
    assert len({r.source_key for r in records}) == 1853
    assert sum(1 for r in records if set("әғқңөұүһі") & set(r.name.lower())) >= 100   # Kazakh letters kept


def _real_header() -> list[str]:
    """Return the real export's header row (row 3)."""
    wb = openpyxl.load_workbook(KZ_XLSX, read_only=True)
    header = list(next(wb.worksheets[0].iter_rows(min_row=3, max_row=3, values_only=True)))
    wb.close()
    return header


def fixture_inactive_list() -> bytes:
    """A MADE-UP sibling-list export (INACTIVE), written here with openpyxl: the real export's
    layout and header texts, but its last column is a different one, and the director columns are
    filled with made-up personal data that must not be stored."""
    header = _real_header()[:-1] + ["Шешім күні\nДата решения о признании бездействующим"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2024.01.15 жылғы жағдай бойынша ... / Информация о бездействующих налогоплательщиках "
               "по состоянию на 2024.01.15 года"])
    ws.append([])
    ws.append(header)
    ws.append([1, "990140000001", "582000000001", 'ТОО "Фикстура Один"', None, "FIXTURE DIRECTOR ONE",
               "880101300001", "582000999991", None, "01.02.2023"])
    ws.append([2, 990140000002, "582000000002", "ИП Фикстура Екі", "ФИКСТУРА ЕКІ ПЕРСОНА",
               "FIXTURE DIRECTOR TWO", "880101300002", "582000999992", None, "2023.03.04"])
    ws.append([None] * 10)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_kz_sibling_list_maps_columns_by_header_text():
    records = kz_kgd.parse_xlsx(fixture_inactive_list(), "INACTIVE")
    assert len(records) == 2
    one, two = records
    assert one.status == "Inactive taxpayer" and one.status_group == "warning"
    assert one.source_key == "INACTIVE|990140000001" and one.licence_number == "990140000001"
    assert two.licence_number == "990140000002"                     # a BIN stored as a number
    assert one.other_ids == ["582000000001"] and one.extra["rnn_region"] == "58"
    assert one.data_as_of == "2024-01-15"
    assert one.extra["дата решения о признании бездействующим"] == "2023-02-01"   # the list's own column
    assert "list_INACTIVE_KZ_ALL.xlsx" in one.source_url
    stored = repr([vars(r) for r in records])
    for personal in ("FIXTURE DIRECTOR", "880101300001", "582000999991"):
        assert personal not in stored                               # no director data kept


def test_kz_no_director_data_in_the_database(offline_db):
    rows = query(offline_db, "select extra, representative from agencies where source = 'kz_kgd'")
    assert len(rows) == 1853
    assert all(rep == "" for _, rep in rows)
    keys = {k for extra, _ in rows for k in json.loads(extra)}
    assert not any("руководител" in k or "director" in k for k in keys), keys


def test_kz_unknown_list_code_is_an_error(monkeypatch):
    monkeypatch.setenv("KZ_KGD_LISTS", "PSEUDO_COMPANY,NOT_A_LIST")
    with pytest.raises(SourceError, match="NOT_A_LIST"):
        kz_kgd.list_codes()

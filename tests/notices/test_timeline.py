"""The order of an agency's notices: the latest dated event decides; undated ones only when placed."""
from __future__ import annotations

import pytest

from verifier.records import SourceError
from verifier.records.notices import agency_records, check_row, group_rows, timeline

# Invented rows (no real agency or authority): only the fields the rules read.
BASE = {"name": "Invented Travel", "name_variants": "", "country": "KG", "reg_number": "",
        "authority": "Invented Ministry", "url": "https://example.org/n", "quote": "q", "lang": "en", "note": ""}


def row(status: str, date: str = "", **more) -> dict:
    """Give one invented notice row."""
    return {**BASE, "status": status, "date": date, **more}


def test_an_undated_notice_that_does_not_say_it_came_later_never_decides():
    events = timeline([row("revoked", "2025-05-01"), row("licensed")])
    assert [e["status"] for e in events] == ["licensed", "revoked"] and events[-1]["decides"]
    assert events[0]["after"] is None and not events[0]["decides"]


def test_an_undated_reinstatement_counts_after_the_dated_events():
    events = timeline([row("suspended", "2026-01-13"), row("licensed", authority="X (permit reinstated)")])
    assert events[-1]["status"] == "licensed" and events[-1]["after"] == "2026-01-13"
    assert events[-1]["status_words"] == "permit reinstated"
    (rec,) = agency_records([row("suspended", "2026-01-13"), row("licensed", authority="reinstated")], None)
    assert rec.status_group == "permit" and rec.status_date is None and rec.extra == {"after": "2026-01-13"}


def test_the_latest_date_decides_whatever_the_file_order():
    (rec,) = agency_records([row("licensed", "2026-02-01"), row("suspended", "2025-01-01")], None)
    assert rec.status_group == "permit" and rec.status_date == "2026-02-01"
    (rec,) = agency_records([row("licensed", "2024-02-01"), row("suspended", "2025-01-01")], None)
    assert rec.status_group == "invalid" and rec.status == "permit suspended"


def test_rows_sharing_a_variant_are_one_agency_and_others_stay_apart():
    groups = group_rows([row("revoked", name="A One", name_variants="Invented Travel"),
                         row("suspended"), row("revoked", name="Someone Else Entirely")])
    assert sorted(len(g) for g in groups) == [1, 2]


@pytest.mark.parametrize("bad", [{"status": "closed"}, {"url": "example.org"}, {"quote": "x" * 301},
                                 {"date": "13.01.2026"}, {"authority": ""}])
def test_a_bad_row_is_refused_with_its_reason(bad):
    with pytest.raises(SourceError):
        check_row(row("revoked", "2026-01-01") | bad, "row 2")

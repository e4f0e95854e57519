"""Verdicts on the real registry data, through the one function every view uses."""
import re

import pytest

from verifier.check import QueryError
from verifier.i18n import translate

VERDICT_KEYS = {"query", "verdict", "risk", "summary", "reasons", "matches", "data_as_of"}
MATCH_KEYS = {"agency_id", "name", "source", "source_name", "list_kind", "country", "status",
              "status_group", "status_date", "score", "matched_on", "matched_value", "phones"}

CASES = [
    # (query kwargs, verdict, top match name or None)
    (dict(q="101 Mojo International Corporation"), "licensed", "101 MOJO INT`L. CORPORATION"),
    (dict(q="101 МОДЖО ИНТЕРНЕШНЛ"), "licensed", "101 MOJO INT`L. CORPORATION"),
    (dict(q="3 JS Global Recruitment Agency"), "licence_invalid", "3 JS GLOBAL RECRUITMENT AGENCY INC"),
    (dict(q="TOO Dymka"), "warning", 'ТОО "ДЫМКА"'),
    (dict(q="000440013947"), "warning", 'ТОО "ДЫМКА"'),
    (dict(q="0917 887 0567"), "licensed", "101 MOJO INT`L. CORPORATION"),
    (dict(q="+63 917 887 0567"), "licensed", "101 MOJO INT`L. CORPORATION"),
    (dict(name="101 Mojo International", phone="+7 701 234 5678"), "phone_mismatch", "101 MOJO INT`L. CORPORATION"),
    (dict(name="101 Mojo International", phone="09178870567"), "licensed", "101 MOJO INT`L. CORPORATION"),
    (dict(q="101 Mojo International 2"), "similar", "101 MOJO INT`L. CORPORATION"),
    (dict(q="思賢人力資源有限公司"), "licensed", "思賢人力資源有限公司"),
    (dict(q="Qwzx Unheard Of Staffing Kazakhstan"), "not_found", None),
]


@pytest.mark.parametrize("kwargs,verdict,top", CASES)
def test_verdicts_on_real_data(engine, kwargs, verdict, top):
    r = engine.check(**kwargs)
    assert r["verdict"] == verdict, (r["summary"], r["reasons"])
    assert VERDICT_KEYS <= r.keys()
    if top is None:
        assert not [m for m in r["matches"] if m["same"]]
    else:
        assert r["matches"][0]["name"] == top
        assert MATCH_KEYS <= r["matches"][0].keys()


def test_same_name_different_statuses_both_shown(engine):
    r = engine.check("1015 Brilliant Minds Inc")
    statuses = {m["status"] for m in r["matches"] if m["same"]}
    assert {"Expired", "Valid License - Provisional"} <= statuses
    assert r["verdict"] == "licence_invalid"


def test_name_with_another_agencys_phone_names_that_agency(engine):
    r = engine.check(name="101 Mojo International", phone="(02) 8647-0716")
    assert r["verdict"] == "phone_mismatch"
    assert any("1010 EPHESIANS" in reason for reason in r["reasons"])


def test_not_found_says_it_is_not_safe(engine):
    r = engine.check("Qwzx Unheard Of Staffing")
    assert r["risk"] != "low" and "not mean safe" in r["summary"]


@pytest.mark.parametrize("lang,label,word", [
    ("ru", "лиценз", "лиценз"), ("kk", "лиценз", "лиценз"), ("en", "Licensed", "licensed")])
def test_results_are_in_the_asked_language(engine, lang, label, word):
    r = engine.check("101 Mojo International Corporation", lang=lang)
    assert r["lang"] == lang and r["verdict"] == "licensed"
    assert label.lower() in r["verdict_label"].lower() and word in r["summary"].lower(), r["summary"]
    assert r["disclaimer"] == translate(lang, "An independent check, not an official registry. "
                                              "Confirm with the official source before you act.")
    if lang != "en":
        assert not re.search(r"\b(is listed as|licensed by|Department)\b", r["summary"]), r["summary"]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 10_000, "\x00\x01\x02"])
def test_bad_queries_are_refused_clearly(engine, bad):
    with pytest.raises(QueryError):
        engine.check(bad)


def test_agency_page_data_has_history_and_phones(engine):
    agency_id = engine.check("101 Mojo International Corporation")["matches"][0]["agency_id"]
    a = engine.get_agency(agency_id)
    assert a["status_history"] and a["status_history"][0]["change"] == "listed"
    assert "+639178870567" in [p["e164"] for p in a["phones"]]
    assert engine.get_agency("no-such-id") is None


def test_sources_listed_with_health(engine):
    ids = {s["id"]: s for s in engine.list_sources()}
    assert {"ph_dmw", "hk_eaa", "kz_kgd"} <= ids.keys()
    assert ids["kz_kgd"]["kind"] == "warning" and ids["ph_dmw"]["records"] >= 3790


@pytest.mark.parametrize("a,b,same", [
    ("ТОО «Сапа Кадры»", "TOO Sapa Kadry", True),
    ("ТОО «Сапа Кадры»", "ТОО «Сапа Кадры 2»", False),
    ("Sapa Kadry", "Sapa Kadry Plus", False),
    ("Express Consulting", "Экспресс Консалтинг", True),
])
def test_compare(engine, a, b, same):
    r = engine.compare(a, b)
    assert r["same"] is same and 0 <= r["score"] <= 100 and r["explain"]

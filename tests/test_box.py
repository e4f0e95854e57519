"""The one box reads what people type: a name with its phone, "БИН …", "tel.", a copied line."""
from __future__ import annotations

import pytest

from eval.box import build_cases, measure

TABLE = [
    # (typed, verdict, top match's name contains, parsed part that must be there)
    ("090840007705", "warning", "Д-Эпто", ("licences", "090840007705")),
    ("БИН 090840007705", "warning", "Д-Эпто", ("licences", "090840007705")),
    ("РУЛАДА БИН 050940017481", "warning", "РУЛАДА", ("licences", "050940017481")),
    ("ТОО Стройтехмонтаж-М, тел. 8 707 281 71 85", "warning", "Стройтехмонтаж-М", ("phones", "+77072817185")),
    ("Cielo Talent Limited tel 58033779", "licensed", "Cielo Talent", ("phones", "+85258033779")),
    ("GILAN MANPOWER SERVICES 302-5357", "licence_invalid", "GILAN MANPOWER", ("name", "GILAN MANPOWER SERVICES")),
    ("MELLOW TOP LIMITED (26798318)", "licensed", "MELLOW TOP", ("phones", "+85226798318")),
    # A place or a salary added to the name is not part of it (issue 21).
    ("ТОО Дымка, г. Алматы", "warning", "ДЫМКА", ("name", "ТОО Дымка")),
    ("TOO Dymka, Almaty", "warning", "ДЫМКА", ("name", "TOO Dymka")),
    ("ТОО Дымка, зарплата от 300000 тг", "warning", "ДЫМКА", ("name", "ТОО Дымка")),
]

PHONE_SHAPED = ["+7 733 512 0947", "8 703 440 18 26", "ТОО Дымка 8 703 440 18 26"]


@pytest.mark.parametrize("typed", PHONE_SHAPED)
def test_a_phone_shaped_number_is_a_phone_whatever_its_range(engine, typed):
    r = engine.check(typed)
    digits = "".join(ch for ch in typed.split("Дымка")[-1] if ch.isdigit())
    assert [p for p in r["parsed"]["phones"] if "".join(ch for ch in p if ch.isdigit()) == digits], r["parsed"]
    assert not r["parsed"]["licences"] and not any(ch.isdigit() for ch in r["parsed"]["name"]), r["parsed"]


def test_a_labelled_bin_is_a_licence_not_a_phone(engine):
    r = engine.check("БИН 090840007705")
    assert r["parsed"] == {"name": "", "phones": [], "licences": ["090840007705"]}


@pytest.mark.parametrize("typed,verdict,top,part", TABLE)
def test_the_box_reads_a_name_with_its_number(engine, typed, verdict, top, part):
    r = engine.check(typed)
    assert r["verdict"] == verdict, (r["parsed"], r["summary"])
    assert top in r["matches"][0]["name"]
    key, value = part
    assert value in r["parsed"][key] if key != "name" else r["parsed"]["name"] == value


def test_a_name_with_another_firms_number_is_flagged(engine):
    r = engine.check("101 Mojo International Corporation tel. (02) 8647-0716")
    assert r["verdict"] == "phone_mismatch" and any("EPHESIANS" in x for x in r["reasons"])


def test_a_long_text_is_offered_the_offer_scan(engine):
    text = ("Работа в Корее! Агентство «Глобал Ворк», тел. +7 701 000 00 00 и +7 702 000 00 00. "
            "Оплата за визу 500$. Пишите в WhatsApp.")
    r = engine.check(text[:300])
    assert r["looks_like_offer"] is True and "offer" in r["reasons"][0]


def test_box_slice_floor(engine, registry_db):
    result = measure(engine, build_cases(str(registry_db), 300))
    assert result["cases"].get("name+phone", 0) >= 100 and result["cases"].get("name+licence", 0) >= 100
    assert result["figures"]["all"] >= 0.95, {k: v[:5] for k, v in result["failures"].items()}

"""verifier.offers.extract: the one way text is read (the search box's read_query and the offer scan)."""
from __future__ import annotations

import pytest

from verifier.offers.extract import find_entities, mask_card, read_query, text_regions

# typed in the one box -> (name, phones, licences, looks like an offer)
QUERIES = [
    ("ТОО Стройтехмонтаж-М, тел. 8 707 281 71 85", "ТОО Стройтехмонтаж-М", ["+77072817185"], [], False),
    ("БИН 090840007705", "", [], ["090840007705"], False),
    ("РУЛАДА БИН 050940017481", "РУЛАДА", [], ["050940017481"], False),
    ("Cielo Talent Limited tel 58033779", "Cielo Talent Limited", ["+85258033779"], [], False),
    ("GILAN MANPOWER SERVICES 302-5357", "GILAN MANPOWER SERVICES", ["+63283025357"], [], False),
    ("MELLOW TOP LIMITED (26798318)", "MELLOW TOP LIMITED", ["+85226798318"], [], False),
    ("090840007705", "", [], ["090840007705"], False),
    ("NO LIMIT MANPOWER INC", "NO LIMIT MANPOWER INC", [], [], False),
    ("Tel No. 8 701 555 12 34", "", ["+77015551234"], [], False),
    ("101 Mojo International Corp", "101 Mojo International Corp", [], [], False),
    ("0917 887 0567", "", ["+639178870567"], [], False),
    ("ИИН: 050940017481, ТОО «Дымка»", "ТОО «Дымка»", [], ["050940017481"], False),
    ("Phone: +7 (701) 555-12-34 / WhatsApp", "", ["+77015551234"], [], False),
    ("licence no. POEA-123-LB-123456-R Mojo", "Mojo", [], ["POEA-123-LB-123456-R"], False),
    ("EA licence No. 12345, Cielo Talent", "Cielo Talent", [], ["12345"], False),
    ("лицензия № 15012345 ТОО Ромашка", "ТОО Ромашка", [], ["15012345"], False),
    ("ТОО Ромашка 8 701 555 12 34, 8 702 555 12 34", "ТОО Ромашка", ["+77015551234", "+77025551234"], [], True),
    ("Работа в Корее на заводе. Оплата за визу 500 долларов. Пишите нам срочно.", None, [], [], True),
]


@pytest.mark.parametrize("typed,name,phones,licences,offer", QUERIES)
def test_read_query(typed, name, phones, licences, offer):
    parts = read_query(typed)
    if name is not None:
        assert parts["name"] == name
    assert parts["phones"] == phones
    assert parts["licences"] == licences
    assert parts["looks_like_offer"] is offer


def test_read_query_other_region_on_retry():
    # A bare 8-digit number in Cyrillic text is not Kazakh; the caller may retry in another region.
    assert read_query("ТОО Ромашка 58033779")["phones"] == []
    assert read_query("ТОО Ромашка 58033779", regions=("HK",))["phones"] == ["+85258033779"]


def test_region_cues():
    assert text_regions("Toshkentda ish, maosh 4 000 000 so'm")[0] == "UZ"
    assert text_regions("Работа, 300 000 тенге")[0] == "KZ"
    assert text_regions("Cielo Talent Limited") == ("KZ", "HK", "PH")


def test_uzbek_number_read_with_uzbek_cue():
    found = find_entities("Toshkentda ish. Tel: 90 123 45 67")
    assert [e["value"] for e in found if e["kind"] == "phone"] == ["+998901234567"]


def test_entities_of_every_kind_with_offsets():
    text = ("Пишите @rabota_korea или job@example.com, сайт https://example.com/vakansii, "
            "wa.me/77015551234, карта 4400 4301 2345 6789, ТОО «Пример Стафф»")
    found = find_entities(text)
    kinds = {e["kind"]: e for e in found}
    assert set(kinds) == {"handle", "email", "link", "phone", "card", "agency"}
    for e in found:
        if e["kind"] != "card":
            assert text[e["start"]:e["end"]] == e["text"]
    assert kinds["phone"]["value"] == "+77015551234"
    assert kinds["agency"]["value"] == "ТОО «Пример Стафф»"


def test_card_numbers_are_masked_everywhere():
    found = [e for e in find_entities("переведите на карту 4400430123456789 сегодня") if e["kind"] == "card"]
    assert found and found[0]["value"] == found[0]["text"] == "•••• 6789"
    assert "4400" not in repr(found)
    assert mask_card("4400-4301-2345-6789") == "•••• 6789"


def test_prices_and_dates_are_not_phones():
    found = find_entities("Зарплата 3 000 000 тенге, выезд 12.05.2026, 8-10 часов в день")
    assert [e for e in found if e["kind"] == "phone"] == []


@pytest.mark.parametrize("text,name", [
    ("Agency: Cielo Talent Limited, Hong Kong", "Cielo Talent Limited"),
    ("ЖШС «Мысал Құрылыс» жұмысшылар іздейді", "ЖШС «Мысал Құрылыс»"),
    ('MChJ "Namuna Servis" ishchilar oladi', 'MChJ "Namuna Servis"'),
    ("Contact Global Manpower Agency today", "Global Manpower Agency"),
])
def test_agency_names(text, name):
    assert [e["value"] for e in find_entities(text) if e["kind"] == "agency"] == [name]

"""Reading an offer: look-alike letters, sentences, lemmas; the place of work; local phone numbers.
Every text and number here is INVENTED for the test (phones in 555 or test blocks)."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from verifier.offers.extract import read_query
from verifier.offers.scan import find_destination, find_flags, scan
from verifier.offers.text import latin_russian, read_doc, unify_lookalikes


def test_latin_lookalikes_inside_cyrillic_words_read_as_cyrillic():
    text = "Нaбuрaю в кoмaндy, oпыт нe нужeн, Kaspi и Ok остаются"
    out = unify_lookalikes(text)
    assert len(out) == len(text) and out.startswith("Набираю в команду, опыт не нужен") and "Kaspi" in out and "Ok" in out


def test_dashes_colons_and_line_breaks_do_not_end_a_sentence():
    doc = read_doc("Оформление визы — 1500$: половину вперёд\nи сразу. Паспорт отдадите.")
    assert len(doc.sentence_starts) == 2


@pytest.mark.parametrize("word,lemma", [("долгосрочных", "долгосрочный"), ("Дубае", "дубай"), ("отдадите", "отдать"),
                                        ("визаға", "виза"), ("Pasportingizni", "pasport"), ("passports", "passport")])
def test_a_word_is_read_by_its_lemma_or_stem(word, lemma):
    assert lemma in read_doc(word).tokens[0].keys


def test_a_long_run_is_cut_into_bounded_tokens():
    doc = read_doc("а" * 5_000)
    assert all(len(t.text) <= 40 for t in doc.tokens) and sum(len(t.text) for t in doc.tokens) == 5_000


@pytest.mark.parametrize("text,country", [
    ("Работа в Дубае. Офис в Алматы, Алматы, Алматы.", "AE"),
    ("Астанадағы мейрамханаға аспазшы керек, байланыс: бармен, банк.", "KZ"),
    ("Toshkentdagi do'konga sotuvchi kerak.", "UZ"),
    ("Сварщики в Германию, Мюнхен.", "DE"),
    ("Работа на дому, без выезда.", None),
])
def test_the_place_of_work_is_a_whole_word_and_home_counts_last(text, country):
    assert find_destination(text) == country


@pytest.mark.parametrize("text,country", [
    ("Вахта в Мангистауской области, близ Жанаозена.", "KZ"),        # case forms pymorphy does not know
    ("Гостиница в Самарканде ищет администратора.", "UZ"),           # not Samara: the stem is the whole name
    ("Стройка в Подмосковье, жильё в вагончиках.", "RU"),
    ("Казан-ошақ сатамыз, Шымкент.", "KZ"),                          # a pot, not Kazan
    ("Hotel staff required in London, United Kingdom.", "GB"),
    ("Truck drivers needed in Canada (British Columbia).", "CA"),
    ("Heavy bus drivers — Riyadh. Interviews at our Tashkent office.", "SA"),
    ("Massage spa in Abu Dhabi, girls 20-28.", "AE"),
    ("Израиль — стройка, 60 шекелей в час.", "IL"),
    ("Работа в Китае (Шанхай, Гуанчжоу) для девушек.", "CN"),
    ("Factory jobs in Malaysia, Kuala Lumpur and Johor.", "MY"),
])
def test_the_place_of_work_is_found_in_more_countries_and_case_forms(text, country):
    assert find_destination(text) == country


@pytest.mark.parametrize("text,country", [
    ("Junior support associate (Remote, US). Compensation $28/hour.", None),
    ("Ищем помощника в международную компанию (удалённо). Нужна карта банка РФ.", None),
    ("Қашықтан жұмыс: Invented Data (Алматы) компаниясына оператор керек.", None),
    ("Работа в Дубае, отель. Удалённое собеседование по видеосвязи.", "AE"),  # the interview is remote, not the job
])
def test_work_from_home_has_no_place_of_work(text, country):
    assert find_destination(text) == country


@pytest.mark.parametrize("text,phone", [
    ("Работа в Дубае. Звоните: 050 123 4567", "+971501234567"),
    ("Otel işi Antalya, Türkiye. Tel 0532 123 45 67", "+905321234567"),
    ("Factory job in Korea, call 010-1234-5678", "+821012345678"),
    ("Warehouse in Poland, tel. 512 345 678", "+48512345678"),
    ("Lager in Germany, call 0151 23456789", "+4915123456789"),
    ("Toshkentda ish. Тел: 93 555 44 33", "+998935554433"),
    ("Работа в Москве, тел. 8 (495) 555-44-33", "+74955554433"),
    ("Бишкекте жумуш, тел. 0555 123 456", "+996555123456"),
    ("Warehouse operative, Manchester, UK. Call the site HR team on 0161 496 0123.", "+441614960123"),
    ("Truck Drivers Needed in Canada. Call or text (604) 555-0119", "+16045550119"),
    ("Plantation workers, Kuala Lumpur, Malaysia. Office: 012-555 1234", "+60125551234"),
])
def test_local_numbers_are_read_in_the_destinations_format(text, phone):
    phones = [e["value"] for e in scan(text, "ru", NotFound())["entities"] if e["kind"] == "phone"]
    assert phones == [phone]


@pytest.mark.parametrize("text,phone", [
    ("ТОО «Invented Stroy», г. Алматы. Тел.: +7 727 555 01 80", "+77275550180"),
    ("Invented Qurilish MChJ, Urganch. Тел: +998 62 255 50 12", "+998622555012"),
    ("Работа в Корее. Тел.: +7 727 555 01 80", "+77275550180"),
])
def test_a_number_given_as_a_phone_is_read_even_in_a_range_not_yet_allocated(text, phone):
    """Written with its country code, and of a length the country dials."""
    phones = [e["value"] for e in scan(text, "ru", NotFound())["entities"] if e["kind"] == "phone"]
    assert phones == [phone]


@pytest.mark.parametrize("text", ["Заказ № 7275550180 оплачен", "Артикул 998622555012",
                                  "Activation fee 30 USDT to wallet TQ5550000123456xx"])
def test_a_number_of_no_allocated_range_without_a_phone_cue_is_not_a_phone(text):
    assert [e for e in scan(text, "ru", NotFound())["entities"] if e["kind"] == "phone"] == []


@pytest.mark.parametrize("text", ["Зарплата 2 000 000 вон в месяц", "Оплата 1 500 000 сум", "Salary 4,200,000 KRW"])
def test_a_salary_is_never_a_phone(text):
    assert [e for e in scan(text, "ru", NotFound())["entities"] if e["kind"] == "phone"] == []


class Region(NotFound):
    """An engine whose hotline region is Uzbekistan (VERIFIER_REGION=UZ)."""
    region = "UZ"


def test_the_scan_and_the_box_read_numbers_with_the_hotline_region():
    text = "Ish bor, tel 90 123 45 67"
    assert read_query(text, ("UZ",))["phones"] == ["+998901234567"]
    assert [e["value"] for e in scan(text, "uz", Region())["entities"] if e["kind"] == "phone"] == ["+998901234567"]


def test_the_summary_says_where_the_risk_comes_from():
    honest = scan("Кладовщик на склад, ТОО «Инвентед Склад», ул. Абая 1.", "en", NotFound())
    assert honest["flags"] == [] and honest["risk_source"] in ("unconfirmed", "nothing")
    assert "No warning signs found" in honest["summary"] and "warning signs below" not in honest["summary"]
    lure = scan("Оформление визы 500$, паспорт отдадите менеджеру.", "en", NotFound())
    assert lure["risk"] == "high" and lure["risk_source"] == "flags" and "warning signs below" in lure["summary"]


def test_one_urgency_is_never_high_and_a_fee_always_is():
    assert scan("Осталось 3 места, успейте! ТОО «Инвентед», ул. Абая 1.", "en", NotFound())["risk"] == "medium"
    assert scan("Оплатите визу 300$. ТОО «Инвентед», ул. Абая 1.", "en", NotFound())["risk"] == "high"


class Listed(NotFound):
    """An engine finding every name on a warning list, the same firm or only a look-alike."""

    def __init__(self, same: bool):
        self.same = same

    def check(self, q=None, *, name=None, phone=None, licence=None, lang="en") -> dict:
        """Give a warning whose top match is the firm itself or only resembles it."""
        if not name:
            return super().check(q, name=name, phone=phone, licence=licence, lang=lang)
        return {"verdict": "warning", "risk": "high", "data_as_of": None,
                "matches": [{"agency_id": "x", "same": self.same, "matched_on": ["name"]}]}


def test_only_the_very_listed_firm_makes_an_offer_high():
    text = "Кладовщик на склад, ТОО «Инвентед Склад», ул. Абая 1."
    assert scan(text, "en", Listed(same=True))["risk"] == "high"
    assert scan(text, "en", Listed(same=True))["risk_source"] == "listed"
    assert scan(text, "en", Listed(same=False))["risk"] != "high"


def test_cyrillic_lookalikes_inside_latin_words_read_as_latin():
    assert unify_lookalikes("Pаy the fее to my саrd") == "Pay the fee to my card"


@pytest.mark.parametrize("word", ["to‘lov", "to’lov", "to`lov", "toʻlov", "to'lov"])
def test_every_uzbek_apostrophe_keeps_a_word_whole(word):
    doc = read_doc(word)
    assert len(doc.tokens) == 1 and "to'lov" in doc.tokens[0].keys


def test_english_stems_are_the_same_when_many_threads_read_at_once():
    """gunicorn's threads scan at the same time: a stemmer shared between them mixed up its words."""
    import random
    from concurrent.futures import ThreadPoolExecutor

    from verifier.offers.text import english_stem
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdefghilmnoprstuy") for _ in range(rng.randint(3, 14))) + suffix
             for suffix in ("ational", "fulness", "iveness", "izing", "ousli", "ement", "ing", "s") for _ in range(400)]
    expected = [english_stem(w) for w in words]
    with ThreadPoolExecutor(8) as pool:
        runs = list(pool.map(lambda _: [english_stem(w) for w in words], range(16)))
    assert all(run == expected for run in runs)


@pytest.mark.parametrize("word, lemma", [("den", "день"), ("nujny", "нужный"), ("nuzhny", "нужный")])
def test_russian_typed_in_latin_without_its_soft_sign_or_with_j_for_zh(word, lemma):
    assert lemma in latin_russian(word)


def test_a_day_rate_typed_in_latin_is_easy_money():  # INVENTED
    flags = find_flags("Rabota kurierom, 25-40k v den', opyt ne nuzhen, pishi v lichku")
    assert "easy_money" in {f["code"] for f in flags}

"""A post's lines as sentences, places named the North American way or as where people come from,
numbers that may be either a landline or a mobile, a common word in quotes, and income for nothing
spread over an offer. Every text, firm and number here is INVENTED for the test (555 blocks)."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from verifier.offers.scan import find_destination, read_offer, scan
from verifier.offers.text import read_doc


def _codes(text: str, lang: str = "ru") -> set[str]:
    """Give the flag codes a scan of the text raises."""
    return {f["code"] for f in scan(text, lang, NotFound())["flags"]}


def test_each_line_of_a_post_is_a_sentence_but_a_wrapped_line_goes_on():
    doc = read_doc("ЗАРАБОТОК С ТЕЛЕФОНА от 3 000 ₽ в день\n‼️ Без опыта, без вложений\nВход в проект — 990 ₽\n"
                   "Визу и билет оплачивает\nработодатель, жильё:\nобщежитие")
    assert len(doc.sentence_starts) == 4


def test_a_cancel_on_one_line_of_a_post_does_not_take_back_a_fee_on_another():
    post = "ЗАРАБОТОК С ТЕЛЕФОНА 📱 от 3 000 ₽ в день\n‼️ Без опыта, без вложений\nВход в проект — всего 990 ₽\nПиши: @invented_kurator"
    assert "fee" in _codes(post)


def test_an_employer_paying_on_the_next_wrapped_line_still_takes_the_fee_back():
    assert "fee" not in _codes("Оформление визы и билет\nоплачивает работодатель, жильё бесплатно.")


@pytest.mark.parametrize("text,country", [
    ("Registered Nurse\nInvented Regional Hospital, Tacoma, WA\nPay: $48 – $71/hour", "US"),
    ("Dental Receptionist\nInvented Family Dentistry, Austin, TX 78701", "US"),
    ("Welder\nInvented Steel Ltd, Calgary, AB", "CA"),
    ("Вахта на месторождении (Атырауская обл.). Авиабилеты из Москвы/Уфы/Самары до Атырау — за счёт компании.", "KZ"),
    ("Комплектовщик на склад — Подольск, смена 12 ч.", "RU"),
])
def test_a_town_with_its_state_or_a_place_people_fly_from_is_read_right(text, country):
    assert find_destination(text) == country


def test_a_software_list_is_not_an_american_town():
    assert find_destination("Знание Excel, MS\nОпыт работы с Oracle, MS") is None


@pytest.mark.parametrize("text,e164", [
    ("Customer Success Manager – Remote (Canada)\nInvented Scheduling Inc., Toronto\nCall (416) 555-0192.", "+14165550192"),
    ("Support Specialist (Remote – UK)\nInvented Software Ltd, Bristol\nQuestions: 0117 496 0321.", "+441174960321"),
    ("Line cook wanted. Call Chef at 619-555-0173 after 2 pm.", "+16195550173"),
])
def test_a_number_is_read_in_the_format_of_the_countries_the_text_names(text, e164):
    phones = [e["value"] for e in read_offer(text)[2] if e["kind"] == "phone"]
    assert phones == [e164]


def test_a_north_american_number_is_neither_a_private_contact_nor_a_firms_office():
    honest = "Line Cook - Immediate Hire\nInvented Grill is hiring line cooks. $18 - $22/hr.\nCall Chef Marco at (619) 555-0173."
    lure = 'EARN $500 DAILY FROM YOUR PHONE\nNO EXPERIENCE.\nText "JOB" on WhatsApp to +1 (786) 555-0163 and start TODAY'
    assert "private_channel" not in _codes(honest, "en")
    assert "private_channel" in _codes(lure, "en")


def test_a_common_word_in_quotes_names_no_firm():
    assert "private_channel" in _codes('Work from home. Reply "START" on Telegram: @invented_start_job', "en")
    assert "private_channel" not in _codes("Продавец в сеть «Инвентмаг», звоните +7 701 555 12 34, ул. Абая 1.")


def test_pay_far_above_the_norm_with_no_experience_anywhere_is_easy_money():
    lure = ("Online Chat Support Agent – Work From Home\nInvented Retail\n\n• Pay: $38–$45 per hour\n"
            "• Hours: choose your own\n• No experience required – we train you")
    assert {"too_good", "easy_money"} <= _codes(lure, "en")


def test_a_skill_asked_anywhere_takes_back_pay_by_the_week():
    driver = ("Truck Driver - CDL A, Regional\n\nHome every weekend! Earn $1,450 - $1,800 per week.\n\n"
              "Requirements: Class A CDL, 12 months of verifiable OTR experience.")
    assert "easy_money" not in _codes(driver, "en")


def test_a_passport_taken_so_that_nobody_runs_away_is_a_passport_flag():
    text = "Паспорта он при заезде забирает себе, отдаёт когда уезжаешь — это чтобы никто не сбежал."
    assert "passport" in _codes(text)
    assert "passport" not in _codes("Паспорт никто не забирает, документы всегда у вас.")


def test_a_capitalised_latin_word_of_cyrillic_look_alikes_reads_as_cyrillic_in_a_cyrillic_text():
    assert find_destination("PAБOTA B KOPEE, зарплата 2000$, вылет в пятницу") == "KR"
    assert find_destination("Work in KOREA, apply at invented.example") == "KR"
    assert find_destination("HOTEL MAKER TOOLS, Chicago, IL") == "US"


@pytest.mark.parametrize("text,country", [
    ("Корейлік «Инвентед KZ» компаниясы (Шымкент) аудармашы іздейді. Кореядан келетін инженерлермен жұмыс.", "KZ"),
    ("Janubiy Koreyadan keladigan turistlar uchun gid kerak. Ish O'zbekistonda: Samarqand, Buxoro.", "UZ"),
    ("АО «Инвентед завод», Екатеринбург. Граждане Казахстана, Кыргызстана, Армении и Беларуси работают без патента.", "RU"),
    ("Бізден ешкім сізден ақша сұрамайды. Атыраудағы компанияға жүргізушілер керек.", "KZ"),
    ("Records Clerk – Law Offices of Invented & Co, Albany NY\nDuties: document storage.", "US"),
])
def test_where_people_come_from_is_not_where_they_work(text, country):
    assert find_destination(text) == country

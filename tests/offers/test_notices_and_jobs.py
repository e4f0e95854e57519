"""A notice that quotes lures to warn about them, and ordinary jobs near a sign: a hostess at a
restaurant's door, a fee the law forbids, a visa fee paid to the government, pay at the end of each
month, skilled pay. Every text, firm and number here is INVENTED for the test (555 blocks)."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from verifier.offers.scan import scan


def _scan(text: str, lang: str = "ru") -> dict:
    """Give the scan of a text with no registry."""
    return scan(text, lang, NotFound())


NOTICES = [
    ("ru", "ВНИМАНИЕ! Памятка.\nМошенники пишут: «Паспорт сдаёте нам на хранение, вернём после отработки», "
           "«Виза меняется на рабочую на месте», «Оплата за билет — на карту менеджера».\n"
           "Работать по туристической визе за рубежом запрещено. Горячая линия 111."),
    ("en", "⚠️ SCAM ALERT from the Invented Support Centre\nWe have seen these messages:\n"
           "\"Visa processing fee only $200, pay now to reserve your seat\"\n"
           "\"Come on a tourist visa, boss will change it to work visa after arrival\"\n"
           "These are signs of fraud. Call our free helpline before you pay anything."),
    ("kk", "❗️ Полиция ескертеді!\nМынадай хабарландырулар тарап жатыр: «Кореяға визасыз жұмыс, алдын ала төлем 500$», "
           "«Паспортыңызды бізге қалдырыңыз».\nБұл — алаяқтық белгілері! Сенім телефоны: 102"),
    ("ru", "📢 Фонд «Инвентед» напоминает: признаки вербовки!\n❌ «паспорт оставишь у нас, так надёжнее»\n"
           "❌ «за билет не переживай, потом отработаешь»\n❌ «договор подпишешь на месте»\nГорячая линия: +7 717 555 01 00."),
]


@pytest.mark.parametrize("lang,text", NOTICES)
def test_a_notice_quoting_lures_raises_no_flag_from_the_quotes(lang, text):
    result = _scan(text, lang)
    assert result["risk"] != "high" and not {f["code"] for f in result["flags"]} - {"private_channel"}, result["flags"]


def test_a_lure_that_calls_others_scammers_still_raises_its_own_signs():
    lure = "Не верьте мошенникам! Мы работаем честно. Работа в Корее, оформление 1500$, паспорт сдаёте менеджеру."
    assert {"fee", "passport"} <= {f["code"] for f in _scan(lure)["flags"]}


@pytest.mark.parametrize("lang,text", [
    ("ru", "Ресторан «Инвентед» (г. Алматы, пр. Достык, 1) ищет ХОСТЕС / администратора зала. Оклад 250 000 тг."),
    ("en", "Host / Hostess — Invented Kitchen & Bar, Chicago. Greet guests, manage the waitlist. $18/hr + tips."),
])
def test_a_hostess_at_a_restaurants_door_is_a_job(lang, text):
    assert "entertainment" not in {f["code"] for f in _scan(text, lang)["flags"]}


def test_a_hostess_with_age_and_looks_asked_is_still_raised():
    lure = "Хостес в ресторан-клуб, Дубай. Девушки 18-25 лет, стройные, фото в полный рост в директ."
    assert "entertainment" in {f["code"] for f in _scan(lure)["flags"]}


@pytest.mark.parametrize("lang,text", [
    ("ru", "Отель в Дубае: рабочая виза за счёт работодателя. Согласно закону ОАЭ, с кандидатов не взимается плата за трудоустройство."),
    ("en", "Zero recruitment fees — per Qatar law, workers must not pay any recruitment costs."),
    ("ru", "Сезонная работа в Великобритании. Визовый сбор (около £300) вы платите сами напрямую на сайте gov.uk."),
    ("uz", "Viza yig'imini (taxminan £300) o'zingiz to'g'ridan-to'g'ri gov.uk saytida to'laysiz."),
])
def test_a_fee_the_law_forbids_or_paid_to_the_government_is_no_workers_fee(lang, text):
    assert "fee" not in {f["code"] for f in _scan(text, lang)["flags"]}


def test_pay_at_the_end_of_each_month_is_not_withheld():
    text = "Жалақы: 450 000 – 750 000 теңге, әр айдың соңында банк картасына аударылады."
    assert "withheld_wages" not in {f["code"] for f in _scan(text, "kk")["flags"]}


def test_skilled_pay_is_not_too_good():
    text = ("ТРЕБУЮТСЯ ВОДИТЕЛИ КАТ. «CE»\nООО «Инвентед», г. Казань\n• з/п от 280 000 до 380 000 ₽, выплаты 2 раза в месяц\n"
            "Требования: стаж на категории CE от 3 лет")
    assert "too_good" not in {f["code"] for f in _scan(text)["flags"]}


def test_a_shift_named_before_the_next_amount_is_not_its_period():
    text = "Условия: 60 000 руб. + оплачиваемые подработки за 35 смен; 80 000 руб. + премия. Грузчик."
    assert "too_good" not in {f["code"] for f in _scan(text)["flags"]}


def test_one_sign_alone_from_a_firm_one_can_check_is_medium_but_a_fee_is_always_high():
    firm = "ТОО «Инвентед Логистик», Шымкент, ул. Байтурсынова 1, hr@invented-logistic.kz. "
    debt = "Билет покупаем мы, потом вычтем из первой зарплаты."
    fee = "Оформление визы — 1500$ (оплачивает кандидат)."
    assert _scan(firm + debt)["risk"] == "medium"
    assert _scan(debt)["risk"] == "high"
    assert _scan(firm + fee)["risk"] == "high"
    assert _scan(firm + debt + " Паспорт сдаёте менеджеру.")["risk"] == "high"

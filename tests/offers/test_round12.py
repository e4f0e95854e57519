"""Round 12 of the offer scan: pay periods past compounds, Kazakh "daily" before the pay, hourly pay
written "/hr", numbers given for a text message, US street addresses with ordinals, the Uzbek and
Kazakh "his/its" ending; and the phrasings the round's rules read. Every text here is INVENTED
for the test (none is copied from an evaluation set)."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from verifier.offers.contact import ADDRESS_RE
from verifier.offers.pay import pay_spans
from verifier.offers.scan import find_flags, scan
from verifier.offers.text import Budget, read_doc, turkic_stems


def _codes(text: str) -> set[str]:
    """Give the flag codes the text's words raise."""
    return {f["code"] for f in find_flags(text)}


def _scanned_codes(text: str) -> set[str]:
    """Give the flag codes a whole scan raises (contacts too), with no registry."""
    return {f["code"] for f in scan(text, "en", NotFound())["flags"]}


def _periods(text: str) -> list[float]:
    doc = read_doc(text)
    from verifier.offers.pay import pay_period as _period
    return [_period(doc, i) for i, _, _ in pay_spans(doc, Budget())]


@pytest.mark.parametrize("text, period", [
    ("Оплата 9 000 ₽ за 12-часовую смену", 15),          # the compound's hours are not the pay's period
    ("Pay $300 for a 10-hour shift", 1.0),                  # no shift word in English: a month, not an hour
    ("Күнделікті төлем — 30 000 тг", 22),                  # "daily" before the pay word
    ("Packers $19/hr, Toronto", 170),
])
def test_the_period_of_the_pay(text, period):
    assert _periods(text)[0] == period


def test_hr_in_capitals_is_human_resources_not_an_hour():
    assert _periods("Salary €2,500 net, questions to HR")[0] == 1.0


@pytest.mark.parametrize("text", [
    "Dishwasher needed, no experience, $40/hr cash.",
    "Ыдыс жуушы керек, тәжірибе қажет емес. Күнделікті төлем — 40 000 тг.",
])
def test_hourly_and_daily_pay_far_above_the_norm_is_too_good(text):
    assert "too_good" in _codes(text)


@pytest.mark.parametrize("text", [
    "Nanny for a toddler, Brooklyn. $27/hr, must have references and CPR. Text Anna (718) 555-0150",
    "Server wanted, $6/hr base plus tips (avg $26-30/hr total). Apply at 210 W 3rd St.",
])
def test_an_ordinary_us_hourly_wage_is_not_too_good(text):
    assert "too_good" not in _codes(text)


@pytest.mark.parametrize("text", [
    "Packing from home, $600 a week, no experience. Text Lisa on (305) 555-0199",
    "Remote assistant wanted, WhatsApp Mr. Lee: +1 212 555 0177",
])
def test_a_number_given_for_a_text_message_is_a_private_channel(text):
    assert "private_channel" in _scanned_codes(text)


def test_a_us_street_address_with_an_ordinal_names_a_place():
    assert [m.group() for m in ADDRESS_RE.finditer("visit us at 77 E 4th St or 9 W 52nd Street")] == \
        ["77 E 4th St", "9 W 52nd Street"]


@pytest.mark.parametrize("word, stem", [("yoshi", "yosh"), ("жасы", "жас"), ("bo'yi", "bo'y")])
def test_the_his_its_ending_is_taken_off_after_a_consonant(word, stem):
    assert stem in turkic_stems(word)


def test_a_name_ending_in_a_vowel_and_i_keeps_it():
    assert turkic_stems("kansai") == ()


@pytest.mark.parametrize("code, text", [
    ("crime_recruitment", "Симки оформляешь на свой паспорт и отдаёшь нам, 1500 за штуку."),
    ("crime_recruitment", "Переводы от клиентов приходят на вашу карту, вы снимаете наличные и передаёте курьеру."),
    ("crime_recruitment", "Товар прячешь в парке, фоткаешь место и отправляешь координаты."),
    ("crime_recruitment", "Посылканы тығып, суретке түсіресің, орнын жібересің."),
    ("crime_recruitment", "Do you have a business account? Rent it to us for $300 a month."),
    ("crime_recruitment", "Buyers send money into your personal account and you release the coins."),
    ("passport", "В аэропорту наш человек заберёт у вас документы до конца сезона."),
    ("passport", "Паспорта держит прораб, чтобы никто не уехал."),
    ("passport", "As for your passport, the agency keeps it for the whole contract."),
    ("urgency", "До конца приёма анкет 6 часов!"),
    ("urgency", "Kim ulgursa, o'sha ketadi. 3 kishi qoldi!"),
    ("urgency", "Confirm tonight, after that your seat goes to the next applicant."),
    ("fee", "Only requirement: a one-time $35 activation of your account."),
    ("fee", "Обязательное обучение — 2 000 ₽ перед стартом."),
    ("withheld_wages", "Your salary is paid as a lump sum when you complete the contract."),
    ("withheld_wages", "Расчёт полностью после окончания сезона, пока работаете — на продукты."),
    ("no_contract", "Договор подписываем уже на месте, в Польше."),
    ("no_contract", "Ish og'zaki kelishuv asosida."),
    ("easy_money", "Картаңызды жалға беріңіз, айына 60 000 тг, ешқандай тәуекел жоқ."),
    ("easy_money", "Typing clerk, work from home. Pay: $17/hr. No experience required, we train you."),
    ("crime_recruitment", "Выдаём товар, раскладываешь по районам, фото и координаты отправляешь куратору."),
    ("withheld_wages", "Your earnings from the first 100 tasks are held and released after review."),
    ("passport", "На время вахты паспорта сдаются в отдел кадров, на руки выдаётся пропуск."),
    ("crime_recruitment", "Закладываешь в безлюдном месте, фоткаешь и кидаешь координаты оператору."),
    ("crime_recruitment", "Продаём фальшивые купюры, обменники принимают."),
    ("easy_money", "Пусть деньги работают на тебя, а не ты на них."),
    ("easy_money", "Нужен только телефон и всего 15 минут твоего времени в день."),
    ("withheld_wages", "Зарплата выплачивается единовременно по окончании вахты, до этого — на питание."),
    ("withheld_wages", "Wages are accrued and paid in full upon completion of the season."),
    ("withheld_wages", "Ish haqi mavsum oxirida to'liq beriladi."),
    ("debt", "Перелёт фирма оплачивает авансом, потом его стоимость удерживается из зарплаты."),
    ("passport", "Brigadir: pasportlaringni men saqlayman."),
    ("no_contract", "Договор подпишем уже когда приедете на объект."),
    ("urgency", "Ертең таңертең автобус кетеді, орын 3 қалды."),
    ("withheld_wages", "Заработная плата начисляется ежемесячно, а выплачивается единовременно по окончании сезона."),
    ("withheld_wages", "Ish haqi har oy hisoblanadi, lekin mavsum oxirida to'liq beriladi."),
    ("urgency", "Pay the $300 fee within 24 hours to hold your place."),
    ("crime_recruitment", "You will get a company cheque; deposit it into your personal account and pay our vendor."),
    ("crime_recruitment", "Until our bank account opens, client payments are routed through your personal bank account."),
    ("crime_recruitment", "Accept deliveries of electronics at your apartment, then repackage the items with the labels we email."),
    ("urgency", "Applications close this Thursday, so reply fast."),
    ("urgency", "All seats must be filled by Saturday."),
    ("urgency", "Место держу только до вечера, кто не ответил — беру другого."),
    ("urgency", "Ro'yxat shanba kuni yopiladi, shoshiling."),
    ("urgency", "The minibus leaves in 3 days, last call."),
    ("passport", "Pasportingiz brigadirda turadi, ish tugaguncha."),
    ("passport", "На вокзале паспорта собирает старший группы."),
    ("fee", "Перед стартом курс, стоимость 2 500 ₽."),
])
def test_round_twelve_phrasings_raise(code, text):
    assert code in _codes(text)


@pytest.mark.parametrize("code, text", [
    ("crime_recruitment", "Аналитик AML: выявление подозрительных операций и дропов, отчёты регулятору."),
    ("crime_recruitment", "Курьерам выплаты каждый день на вашу карту любого банка."),
    ("crime_recruitment", "Чаевые приходят на вашу карту через QR-сервис."),
    ("personal_payment", "Ищем менеджера по переводам в бюро переводов, оклад 6 000 000 сум."),
    ("personal_payment", "Курьер по доставке банковских карт: вручение карт клиентам, проверка документов получателя."),
    ("fee", "We file the work permit and pay the government fee for you."),
    ("passport", "Сим-карту оформите на свой паспорт, связь оплачивает компания."),
    ("easy_money", "Лицензированная биржа цифровых активов ищет бухгалтера."),
    ("urgency", "Place of work: Dubai, accommodation given free."),
    ("easy_money", "Удалённый оператор call-центра, 60 000 ₽, без опыта, обучение."),
    ("easy_money", "Warehouse associate in Reno, NV, $18/hr, no experience required."),
    ("passport", "Паспорт остаётся у вас на руках, копию делаем в офисе."),
    ("crime_recruitment", "Мерчендайзер: фото полки с геолокацией в приложении."),
    ("passport", "— Нужно ли сдавать паспорт агентству? Нет. Оригиналы всегда у вас."),
    ("fee", "Do I pay the agency for the visa? No. The employer covers it."),
    ("personal_payment", "Айлығы 200 000 ₸ картаға, еңбек шарты бар."),
    ("debt", "Housing £80 a week is deducted only with your written consent."),
    ("withheld_wages", "Зарплата выплачивается каждый месяц на карту."),
    ("withheld_wages", "Жалақы әр айдың соңында картаға аударылады."),
    ("urgency", "We have an urgent need for nurses on night shifts."),
    ("urgency", "We reply to every application within 10 days."),
    ("urgency", "Invoices are paid by bank transfer within 15 days of your invoice."),
    ("easy_money", "Paid 3-week onboarding and training, laptop shipped to you."),
    ("easy_money", "Shifts of up to 16 hours a day in peak season, no experience necessary, $17/hr."),
    ("fee", "Certificate of Sponsorship and visa application fee paid by the care home."),
    ("debt", "We do not charge any fees, and no costs are taken from wages."),
    ("crime_recruitment", "Your salary is paid by direct deposit into your bank account every two weeks."),
    ("crime_recruitment", "A laptop and headset are shipped to your home before day one."),
    ("fee", "Жалақы 250 000 тг, ресми рәсімдеу, 5/2."),
    ("entertainment", "Au pair for two girls (4 & 7), pocket money £120 a week, own room."),
    ("passport", "Hujjat topshirishda diplom nusxasi kerak."),
])
def test_round_twelve_near_misses_stay_quiet(code, text):
    assert code not in _codes(text)



def test_the_readers_own_name_and_address_name_no_firm():
    text = "Personal assistant, $700/week. Text me at (614) 555-0101 with your full name and address."
    assert "private_channel" in _scanned_codes(text)


@pytest.mark.parametrize("text, fee", [
    ("Certificate of Sponsorship and visa application fee paid by Invented Care Homes.", False),
    ("The processing fee is paid by our client hotel.", False),
    ("Visa application fee paid by the candidate before departure.", True),
])
def test_a_fee_paid_by_someone_other_than_the_worker_is_no_fee(text, fee):
    assert ("fee" in _codes(text)) is fee


@pytest.mark.parametrize("text", [
    "Invented Petro Energy Ltd is hiring riggers for the North Sea. Send your CV to invented.petro.hr@gmail.com",
    "Personal assistant wanted. Email me at invented.ceo.office@gmail.com with your name, phone number, and address.",
])
def test_a_firm_that_hires_through_a_free_mailbox_is_a_private_channel(text):
    assert "private_channel" in _scanned_codes(text)


def test_a_firm_with_its_own_site_and_a_free_mailbox_is_not():
    text = "Invented Bakery Ltd, 12 Main Street, invented-bakery.co.uk, is hiring. CV to invented.bakery@gmail.com"
    assert "private_channel" not in _scanned_codes(text)


@pytest.mark.parametrize("text, too_good", [
    ("Receptionist (remote), $40 per hour, no experience needed.", True),
    ("Administrative Assistant, salary $4,000 per month, full-time in our Denver office.", False),
    ("Customer service representative, $19/hr, paid training.", False),
])
def test_entry_office_work_is_too_good_only_for_pay_by_a_period(text, too_good):
    assert ("too_good" in _codes(text)) is too_good

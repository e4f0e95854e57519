"""Round 13 of the offer scan: Greek and small-capital look-alikes, Russian typed in Latin with й and
э, pay lines of the place of work, entry jobs that are no "income for nothing", a pay period never
read from the next sentence, lawful deductions, documents kept by the worker, job-board location
lines, numbers a place dials that the words give as a phone, "office" as a place; and the phrasings
the round's rules read. Every text here is INVENTED for the test (none is copied from an evaluation
set)."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from verifier.offers.contact import ADDRESS_RE, FREE_MAIL_RE
from verifier.offers.scan import find_flags, scan
from verifier.offers.text import latin_russian, unify_lookalikes


def _codes(text: str) -> set[str]:
    """Give the flag codes the text's words raise."""
    return {f["code"] for f in find_flags(text)}


def _scan(text: str) -> dict:
    """Give a whole scan of the text with no registry."""
    return scan(text, "en", NotFound())


def _scanned_codes(text: str) -> set[str]:
    return {f["code"] for f in _scan(text)["flags"]}


def _phones(text: str) -> list[str]:
    return [e["value"] for e in _scan(text)["entities"] if e["kind"] == "phone"]


def test_greek_and_small_capital_letters_inside_cyrillic_words_are_read_as_cyrillic():
    assert unify_lookalikes("Рαбσтα в дσмα, дσхσд, грαфᴎк") == "Работа в дома, доход, график"
    assert _codes("Свσбσдный грαфᴎк, дσ 2-х чαсσв в день, дσхσды 300-500$/день, без опыта") >= {"easy_money"}


@pytest.mark.parametrize("word, lemma", [("seichas", "сейчас"), ("poetomu", "поэтому"), ("svoi", "свой")])
def test_russian_typed_in_latin_with_i_for_й_and_e_for_э(word, lemma):
    assert lemma in latin_russian(word)


def test_a_passport_number_is_no_passport_handed_over_but_a_tax_number_does_not_excuse_it():
    assert "passport" not in _codes("Send us your passport number and details to book the interview.")
    assert "passport" in _codes("Our driver collects all passports at the airport to register you for tax numbers.")


@pytest.mark.parametrize("text, too_good", [
    ("Горничные в отель в Кемере (Турция), зарплата 1 600 $, опыт не нужен", True),    # above the Turkish line
    ("Горничные в гостиницу в Москве, зарплата 1 600 $, опыт не нужен", False),        # the common line
    ("Упаковщики на склад в Польше, 10 800 zł на руки, без опыта", True),
    ("Упаковщики на склад в Польше, 5 200 zł на руки, без опыта", False),
])
def test_the_pay_line_of_the_place_of_work(text, too_good):
    assert ("too_good" in _codes(text)) is too_good


@pytest.mark.parametrize("text, easy", [
    ("Factory packers in Poland, €3,100 a month, no experience needed, housing free", False),  # too good, an entry job
    ("Earn $250 a day from home, no experience needed, just your phone", True),
    ("Курьер по городу, доход от 6 000 ₽ в день, опыт не нужен, всему научим. Прячешь товар по точкам и фоткаешь места", True),
])
def test_no_experience_for_a_job_of_the_hands_is_an_entry_job_not_income_for_nothing(text, easy):
    assert ("easy_money" in _codes(text)) is easy


def test_the_pay_period_is_never_read_from_the_next_sentence():
    text = "Комплектовщик на склад, Алматы. На руки около 251 000 ₸. Ночные часы оплачиваются по Трудовому кодексу."
    assert "too_good" not in _codes(text)


@pytest.mark.parametrize("text, too_good", [
    ("Nanny in Hackney, London, £18 an hour, no experience needed", False),
    ("Fruit packers in Kent, £26 an hour, no experience needed", True),
    ("Rebar fixers in Gdańsk, PLN 42 gross per hour, no experience needed", False),
])
def test_hourly_lines_of_the_pound_and_the_zloty(text, too_good):
    assert ("too_good" in _codes(text)) is too_good


@pytest.mark.parametrize("text, fee", [
    ("Room attendants in Sharjah: basic AED 1,700 + housing, meals, transport + service charge", False),
    ("To start you pay a service charge of $350 to our office", True),
    ("Разрешение на работу оформляет и оплачивает гостиница, вы едете по рабочей визе", False),
    ("По закону ОАЭ с работника нельзя брать плату за визу и билет", False),
    ("Спецодежду и обувь покупаете у нас — 15 000 ₸ в первый день", True),
    ("Selected applicants pay $700 for the visa by bank deposit", True),
])
def test_who_pays_for_what(text, fee):
    assert ("fee" in _codes(text)) is fee


@pytest.mark.parametrize("text, debt", [
    ("Accommodation offset, as the law allows, is deducted from wages each week", False),
    ("JShDS qonun bo'yicha ish haqidan ushlab qolinadi", False),
    ("Билет оплачиваем мы, затем сумма удерживается из первых двух зарплат", True),
])
def test_a_lawful_deduction_is_no_debt(text, debt):
    assert ("debt" in _codes(text)) is debt


@pytest.mark.parametrize("text, kept", [
    ("Паспорт хранится у вас весь сезон.", False),
    ("Паспорт и права на время рейсов остаются у диспетчера.", True),
    ("Удостоверение личности первый месяц остаётся у администратора.", True),
    ("Келгеннен кейін паспортты қожайын сақтап отырады.", True),
    ("Ish beruvchi pasportingizni shartnoma tugaguncha saqlab turadi.", True),
    ("On arrival you give your documents to the site supervisor, who keeps them until the contract ends.", True),
])
def test_documents_kept_by_someone_else(text, kept):
    assert ("passport" in _codes(text)) is kept


def test_photographs_in_a_list_of_documents_are_no_entertainment():
    assert "entertainment" not in _codes("Документы с собой: загранпаспорт, медкнижка, 3 фото 3x4.")
    assert "entertainment" in _codes("Девушки 18-25 лет в ночной клуб, пришлите 3 фото в купальнике")


def test_wages_paid_to_ones_own_card_are_no_crime():
    assert "crime_recruitment" not in _codes("Выплаты раз в неделю на карту Kaspi, на ваше имя.")
    assert "crime_recruitment" in _codes("Оформи карту Kaspi на своё имя и передай её нам, платим 20 000 ₸.")


@pytest.mark.parametrize("text, urgent", [
    ("Звоните до вечера, потом мест уже не будет.", True),
    ("Ертең кешке дейін хабарласыңыз, әйтпесе тізім жабылады.", True),
    ("Bugun kechgacha qo'ng'iroq qilmasangiz, joyingizni boshqaga beramiz.", True),
    ("Confirm your seat by Wednesday or we give your seat away.", True),
    ("Applications close in 5 days, apply now.", True),
    ("We reply to every application within 10 days.", False),
])
def test_pressure_to_decide(text, urgent):
    assert ("urgency" in _codes(text)) is urgent


def test_a_tourist_entry_and_work_without_a_patent():
    assert "visa" in _codes("You go on a normal tourist entry and the boss sorts it out there.")
    assert "visa" in _codes("Patent shart emas, hujjatsiz ham ishlaysiz.")


def test_money_into_a_managers_own_name():
    assert "personal_payment" in _codes("The visa fee of USD 500 is paid into the account of our PRO, Mr. Rahim.")
    assert "personal_payment" not in _codes("We are a 12-person accounting firm in Halifax.")


@pytest.mark.parametrize("text, address", [
    ("Сұхбат үйімізде: Орбита-3 шағынауданы, 14-үй", True),
    ("Contact our office: +971 50 555 0101", False),
    ("You will help with errands and office tasks", False),
    ("Office: Tashkent, Chilonzor 9", True),
    ("Офис в Шымкенте, приходите", True),
])
def test_what_reads_as_an_address(text, address):
    assert bool(ADDRESS_RE.search(text)) is address


def test_a_free_mailbox_of_any_common_provider():
    assert FREE_MAIL_RE.search("hr.jobs@protonmail.com") and FREE_MAIL_RE.search("apply@aol.com")
    assert not FREE_MAIL_RE.search("hr@harbourlinehotel.ae")


def test_a_job_board_location_line_names_the_country_and_its_phones():
    result = _scan("Haul truck operator\nAU, QLD, Moranbah\n$40/hr + super\n\nCall the site office on (07) 5550 9013.")
    assert result["destination"]["country"] == "AU"
    assert _phones("Haul truck operator\nAU, QLD, Moranbah\n\nCall the site office on (07) 5550 9013.") == ["+61755509013"]


def test_a_number_the_place_dials_given_as_a_phone_is_read():
    assert _phones("Drivers wanted in Leeds, UK. Call Imran 07700 900461") == ["+447700900461"]
    assert _phones("Работа в Дубае (ОАЭ). Звонить Марине: 8 (926) 555-07-19") == ["+79265550719"]


def test_a_word_spelt_out_letter_by_letter_and_at_for_a():
    assert unify_lookalikes("з@кл@дки по городу") == "закладки по городу"
    assert unify_lookalikes("пиши ivan@mail.ru") == "пиши ivan@mail.ru"   # an address stays as written
    assert "crime_recruitment" in _codes("Нужны Д Р О П Ы с картами трёх банков, платим 20к за заход")


def test_a_number_given_for_a_reply_by_text_is_personal():
    assert "private_channel" in _scanned_codes("Mystery shopping, earn $300 per visit. Reply YES to (214) 555-0162 to start.")


def test_a_count_of_drop_points_is_no_address():
    assert not ADDRESS_RE.search("1 адрес = 3 000 тг, в день 20+ адресов")
    assert ADDRESS_RE.search("Адрес: ул. Абая 10")


def test_the_price_of_papers_is_no_wage():
    text = "Жидек теру, тәжірибесіз. Демеушілік сертификаты мен виза рәсімдеу — 2 500 фунт, кеңседе қолма-қол төленеді."
    assert "too_good" not in _codes(text) and "fee" in _codes(text)
    assert "too_good" in _codes("Упаковщики на склад в Москве, без опыта, 9 500 ₽ в сутки, залог за форму 2 000 ₽")


def test_a_students_summer_practice_is_no_income_for_nothing():
    text = "Балалар лагеріне тәлімгерлер, жалақы айына 180 000 тг. Студенттерге өндірістік практика ретінде есептеледі."
    assert "easy_money" not in _codes(text)


# The phrasings the round's rules read, one table (every text written for this test).
@pytest.mark.parametrize("text, code", [
    ("Нужны курьеры по городу, фото и координаты отправляешь куратору, 30к в день", "crime_recruitment"),
    ("Нужны сим-карты на ваше имя, плачу 3 000 за каждую", "crime_recruitment"),
    ("Картаңызға түскен ақшаны шешіп курьерге бересіз, 10% сіздікі", "crime_recruitment"),
    ("Kartangizga tushgan pulni naqdlab kuryerga berasiz", "crime_recruitment"),
    ("Customers pay invoices into your own personal bank account and you send them on to our partner", "crime_recruitment"),
    ("Ставки на договорные матчи, проход 100%, делим выигрыш", "easy_money"),
    ("Send $40 for your starter kit and training manual", "fee"),
    ("Hotel jobs in Canada. Pay only CAD 400 for file opening. Visa free!", "fee"),
    ("Payment must be made within 48 hours, otherwise this offer will be given to the next candidate", "urgency"),
    ("Крипто жобаға серіктес керек, 100$ салсаңыз айына 1000$ табыс", "easy_money"),
    ("Ищу партнёров в арбитраж, вход от 50$, доход от 3% в день", "fee"),
    ("Нужны люди на раскладку, старт после залога, 1 адрес = 2 500 тг. Пиши @fast_start_kz", "fee"),
    ("Первые 3 месяца выдаём только на питание, остальное — по окончании объекта", "withheld_wages"),
    ("Birinchi 2 oy faqat ovqat puli, oylik obyekt tugagach beriladi", "withheld_wages"),
    ("Salary will be paid every 3 months together", "withheld_wages"),
    ("All new agents complete a 2-week training period (unpaid)", "withheld_wages"),
    ("Contract will be given in Qatar after you arrive", "no_contract"),
    ("A $90 background check fee is payable via Cash App to our HR coordinator", "personal_payment"),
    ("Free visa Kuwait, sponsor only on paper, work anywhere", "visa"),
    ("Взнос за оформление 300$ — до четверга, потом цена вырастет", "urgency"),
    ("Из 15 мест остались всего 3, бронь держим не больше суток", "urgency"),
    ("Бастық ертең тізімді жабады, ойланатын уақыт жоқ", "urgency"),
    ("Don't overthink it, places like this go in hours", "urgency"),
    ("Документы на время вахты хранятся в конторе у мастера", "passport"),
    ("Паспорт привозите в офис, он у нас полежит месяц, пока делаем визу", "passport"),
    ("Pasport ish beruvchida turadi, qochib ketmaslik uchun", "passport"),
    ("Барған күні төлқұжаттарды бригадир жинап алады", "passport"),
    ("Жол ақысын біз төлейміз, жұмыс істеп қайтарасың", "debt"),
    ("Chipta bizdan, qarzni ikki oyda yopasiz", "debt"),
    ("Өз атыңа Kaspi Gold ашып бересің, айына 60 мың", "crime_recruitment"),
    ("Пакеттерді мекенжайға қалдырып, суретке түсіріп, координатын жібересің", "crime_recruitment"),
    ("Faollashtirish uchun 40 000 so'm to'laysiz", "fee"),
    ("Send the €120 admin charge before the interview", "fee"),
    ("Come on a visitor visa, no right-to-work check at the site", "visa"),
    ("Paperwork? No need, it's a handshake deal", "no_contract"),
    ("You get your first payslip after the 90-day probation", "withheld_wages"),
    ("Разнос листовок, 12 000 ₽ за смену, без опыта", "too_good"),
])
def test_the_rounds_phrasings(text, code):
    assert code in _codes(text)


@pytest.mark.parametrize("text, code", [
    ("Pay: $16.00 – $18.50/hour, flexible schedule, paid training", "fee"),
    ("Гарантированный доход без задержек плюс премия", "easy_money"),
    ("Склад, смена 3 900 ₽, выплаты раз в неделю, оформление официальное", "easy_money"),
    ("Автомойка ищет мойщиков, в день выходит 9–13 тыс, опыт не нужен, научим", "easy_money"),
    ("Northfield Farms pays the LMIA fee and all recruitment costs; by law these may not be recovered from workers.", "fee"),
    ("Relocation assistance up to NZ$6,000 for carpenters moving from overseas", "too_good"),
    ("Live-in room for £90 per week, deducted from your pay", "easy_money"),
    ("Haul truck drivers, AUD 41/hr plus super, Pilbara", "too_good"),
])
def test_honest_near_misses_of_the_round(text, code):
    assert code not in _codes(text)

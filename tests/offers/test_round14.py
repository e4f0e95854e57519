"""Round 14 of the offer scan: a month's pay for a few hours a day, the hours' "в день" that is no pay
period, a phone's digit groups that are no amount, the route to Korea (the channel's own words quoted
first; F-4 and H-2; a region's E-8 programme; "the exam is not needed"), firm names ending in an agency
word, and the phrasings the round's rules read. Every text here is INVENTED for the test (none is
copied from an evaluation set)."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from verifier.offers.scan import find_flags, scan


def _flags(text: str) -> dict[str, str]:
    """Give each flag code the text's words raise, with its quote."""
    return {f["code"]: f["quote"] for f in find_flags(text)}


def _scanned(text: str) -> dict[str, str]:
    """Give each flag code a whole scan with no registry raises, with its quote."""
    return {f["code"]: f["quote"] for f in scan(text, "en", NotFound())["flags"]}


@pytest.mark.parametrize("text, easy", [
    ("Оператор чата, без опыта, всего 2 часа в день, 500 000 тг в месяц. Пиши @chat_op_invented", True),
    ("Kuryer kerak, tajriba shart emas, kuniga 2 soat, oyiga 9 000 000 so'm. Tel +998 90 555 01 17", True),
    # the same pay for a full day is ordinary; pay by the hour is never scaled
    ("Оператор чата, без опыта, 8 часов в день, 500 000 тг в месяц. Пиши @chat_op_invented", False),
    ("Part-time receptionist, 4 hours a day, $1,600 per month, no experience needed. Call (212) 555-0143", False),
    ("Уборщица в офис, 4 часа в день, 150 000 тг в месяц, без опыта. Тел +7 701 555 12 34", False),
])
def test_a_months_pay_for_a_few_hours_a_day_is_income_for_little_time(text, easy):
    assert ("easy_money" in _flags(text)) is easy, _flags(text)


@pytest.mark.parametrize("text", [
    # "в день" belongs to "4 часа", "в неделю" to "5 дней": the pay is by the month
    "Уборщица, без опыта, 4 часа в день, 150 000 тг. Тел +7 701 555 12 34",
    "Агентство «Invented Няня», Астана, пр. Абая 1: няня без опыта, 5 дней в неделю, 250 000 ₸.",
])
def test_the_day_after_the_hours_and_the_week_after_the_days_are_no_period_of_the_pay(text):
    assert "too_good" not in _flags(text)
    assert "too_good" in _flags("Курьер без опыта, в день 40 000 тг. Тел +7 701 555 12 34")


def test_the_digit_groups_of_a_phone_are_no_amount():
    text = ("Үйде отырып табыс, тәжірибе қажет емес. Тіркелу 4000 тг — Kaspi 8 705 555 41 16 Ботагөз. "
            "Чекті жіберіңіз.")
    assert "too_good" not in _flags(text)
    assert "fee" in _flags(text)


@pytest.mark.parametrize("text, route", [
    ("Кореяға жұмыс! E-9 визасын өзіміз ашамыз, корей тілі емтиханы керек емес. Тел +7 747 555 20 31", "E-9"),
    ("Е-9 виза кепілдігімен! TOPIK тапсырудың қажеті жоқ. WhatsApp +7 708 555 60 41", "Е-9"),
    ("Jizzax: Koreyaga fermaga, bizning firmada kvota bor, ro'yxat 300$. Tel +998 93 555 70 12", "kvota"),
])
def test_a_private_offer_of_the_korean_channel_is_flagged_by_its_own_words(text, route):
    assert route in _scanned(text).get("restricted_route", "")


@pytest.mark.parametrize("text", [
    # visas of ethnic Koreans are a route of their own
    "Корея, завод в Ансане, только для визы F-4 и H-2, договор на русском. Тел. 010-5557-3301",
    # seasonal E-8 work run by a region's government with a Korean district
    ("Қорақалпоғистон ҳокимлиги ва Корея туман маъмурияти келишуви асосида E-8 мавсумий иш учун танлов. "
     "Ариза туман бандлик марказларида қабул қилинади. Тел.: +998 61 222 40 10"),
    # the Korean language asked for a job at home
    "Шымкенттегі корей мейрамханасына корей тілін білетін даяшы керек. Тел +7 701 555 18 27",
])
def test_lawful_routes_to_korea_are_no_restricted_route(text):
    assert "restricted_route" not in _scanned(text)


@pytest.mark.parametrize("text", [
    "Работа в Польше на складе — Vistula Jobs Group. Оплата 4 200 zł. Звоните +48 512 555 310",
    "UK farm work with Greenhill Placements, £12.21/hour, sponsorship arranged. Call 07700 900318",
])
def test_a_firm_named_with_an_agency_word_is_checkable(text):
    assert "private_channel" not in _scanned(text)


def test_a_job_title_ending_in_staff_is_no_firm():
    text = "Waiting Staff and Kitchen Staff needed in Antalya, $700 a month. WhatsApp +90 532 555 41 08 only"
    assert "private_channel" in _scanned(text)


@pytest.mark.parametrize("text, code, raised", [
    # the employer pays "at its own expense"; a cost "not deducted"
    ("Жұмыс визасын жұмыс беруші өз есебінен рәсімдейді. Тел. +7 7172 55 03 90", "fee", False),
    ("Ishchi vizasini ish beruvchi o'z hisobidan oladi. Tel. +998 71 255 03 90", "fee", False),
    ("Билет до объекта оплачивает компания и с зарплаты не удерживается.", "debt", False),
    # a fare paid by the employer and deducted later is a debt, not a fee
    ("Проезд до Казани оплачиваем, стоимость билета вычитается из первой зарплаты.", "fee", False),
    ("Yo'l pulini o'zimiz to'laymiz, keyin ish haqidan ushlanadi. Tel +998 91 555 20 40", "debt", True),
    ("Вылет через 3 недели, группа почти собрана! Пишите +7 705 555 40 12", "urgency", True),
    ("Joylar deyarli qolmadi, ertagacha javob bering! Tel +998 90 555 61 22", "urgency", True),
    ("Please send the deposit to our manager's personal account before the interview.", "personal_payment", True),
    ("Hujjatlarga 300 evro — shaxsiy karta 9860 5555 0102 0304 (Bekzod)", "personal_payment", True),
    ("Документы оформим, но это уже не личные карты, а счёт фирмы.", "personal_payment", False),
    ("Our volunteers never take money on personal cards; donations go to the fund's account.", "personal_payment", False),
    ("Wages start only after completing 3 months probation. Call +971 52 555 0144", "withheld_wages", True),
    ("Зарплата копится у работодателя и выдаётся одной суммой в конце сезона.", "withheld_wages", True),
    ("Паспорт сдаётся в отдел кадров и выдаётся на руки по окончании вахты.", "withheld_wages", False),
    ("Шартнома керакмас, пул кунлик. Тел +998 90 555 72 10", "no_contract", True),
    ("Patentsiz ishlaymiz, hammasini o'zimiz hal qilamiz. Tel +998 93 555 80 20", "visa", True),
    ("Турист визасы бар адамдар қабылданбайды, тек жұмыс визасымен. Тел +7 701 555 10 20", "visa", False),
    ("Өз атыңдағы Kaspi картаға ақша түседі, сен шешіп біздің адамға бересің.", "crime_recruitment", True),
    ("Открываешь карту на себя и передаёшь нам данные для входа, платим 15 000.", "crime_recruitment", True),
    ("500$ bilet va viza uchun oldindan tashlaysiz. Tel +998 97 555 30 40", "fee", True),
    ("Turkiya, tikuv fabrikasi, kuniga 90 $, turist vizada kelasiz, ishlash uchun ruxsatnoma kerak emas.", "fee", False),
])
def test_the_phrasings_of_round_14(text, code, raised):
    assert (code in _flags(text)) is raised, _flags(text)


@pytest.mark.parametrize("text, fee", [
    # what the worker buys from the employer's "vendor", promised back with the first paycheck, is paid first
    ("Activate your typing account with a one-time registration fee of $49, refundable after your first payout.", True),
    ("New hires must buy the approved headset package ($120) from our equipment vendor. The cost is reimbursed with your first paycheck.", True),
    ("You will pay the permit fee of GBP 380 through our travel agent; it will be refunded on arrival.", True),
    # a visa fee paid at the embassy and refunded by the employer is no fee for the job
    ("You pay the national visa fee (€75) at the embassy; we reimburse it with your first salary. jobs@invented-klinik.de", False),
    ("Visa fee and flights are refunded by the employer in your first pay slip. Apply at jobs@invented-farms.co.uk", False),
    ("Nursing registration fees are reimbursed by the employer. Apply at careers@invented-trust.nhs.uk", False),
])
def test_a_fee_promised_back_with_the_first_paycheck_is_still_a_fee(text, fee):
    assert ("fee" in _flags(text)) is fee, _flags(text)


@pytest.mark.parametrize("text, easy", [
    # money for lending a card or passing money on is income for nothing
    ("Lend us your bank card: money comes in, you cash it out and hand it to our man, 10% is yours. @invented_cards", True),
    ("Open an account in your name and hand over the online banking login. We pay $400 per account. Text (312) 555-0190", True),
    # a stash courier's wage is a courier's: no income for nothing
    ("Курьер нужен, раскладывать закладки по районам, фото и координаты куратору, 2 000 за клад. @invented_kur", False),
])
def test_pay_for_a_crime_that_is_no_job_of_the_hands_is_income_for_nothing(text, easy):
    flags = _flags(text)
    assert "crime_recruitment" in flags
    assert ("easy_money" in flags) is easy, flags


@pytest.mark.parametrize("text, crime", [
    ("Receive merchandise from online stores at your home address and forward the parcels to our international clients.", True),
    ("Receive inbound freight at our Dallas warehouse, relabel and repackage items for outbound orders. 2900 Invented Blvd.", False),
])
def test_reshipping_is_parcels_received_at_home_and_sent_abroad_not_relabelling(text, crime):
    assert ("crime_recruitment" in _flags(text)) is crime, _flags(text)


@pytest.mark.parametrize("text, easy", [
    ("Payroll clerk. Requirements: 1+ year payroll or bookkeeping experience. Benefits: paid weekly, flexible hours.", False),
    ("Bank teller. Benefits: medical, dental, annual profit sharing, 3 weeks PTO. Paid weekly, flexible hours.", False),
    ("Home typists, paid weekly, flexible hours, no experience. WhatsApp +1 (305) 555-0172", True),
])
def test_a_job_that_asks_years_of_experience_or_gives_paid_leave_is_no_income_for_nothing(text, easy):
    assert ("easy_money" in _flags(text)) is easy, _flags(text)


def test_posts_on_instagram_are_work_not_the_only_contact():
    text = ("Social media assistant, $20 per hour: plan posts on Instagram and TikTok, answer comments. "
            "Invented Outfitters, 3 stores in Bend. Apply in store.")
    assert "private_channel" not in _scanned(text)
    assert "private_channel" in _scanned("Hostess jobs, $4,000 a month. Message us on Instagram @invented_vip")


@pytest.mark.parametrize("text, withheld", [
    ("Compensation: $2,600 per month. Your first salary is paid after successful completion of the 30-day probation period.", True),
    ("The first 3 months' salary is paid together at the end of probation; after that monthly.", True),
    ("Pay starts at $18 an hour and rises after completion of the 90-day probation.", False),
])
def test_pay_held_until_the_probation_ends(text, withheld):
    assert ("withheld_wages" in _flags(text)) is withheld, _flags(text)


@pytest.mark.parametrize("text, fee", [
    # a month's wage before the visa or ticket words is no price
    ("Қыздар Дубайға хостес, айына 5000$, виза туристік, барған соң ауыстырамыз. WhatsApp +7 702 555 60 70", False),
    ("Rabota v Dubae, hostess, 4000-6000$ v mesyac + chaevye, bilet i vizu delaem. Pishi @invented_vip", False),
    # an amount paid for the visa stays a fee beside the wage
    ("Виза мен билетке 500$ төлейсіз, айына 2000$ табасыз. Тел +7 747 555 80 90", True),
    ("Крипто жобаға 100$ салсаңыз айына 1000$ табыс. @invented_crypto", True),
])
def test_a_wage_named_beside_the_visa_is_no_fee(text, fee):
    assert ("fee" in _flags(text)) is fee, _flags(text)


def test_the_price_of_a_package_of_services_is_no_wage():
    text = ("Корея, заводы, от 2 300 000 вон в месяц, без опыта. Пакет услуг (виза + билет + трудоустройство) — "
            "3 000 $. ТОО «Invented Карьер», Алматы. Тел +7 727 355 10 20")
    flags = _flags(text)
    assert "fee" in flags
    assert "too_good" not in flags, flags


@pytest.mark.parametrize("text, urgent", [
    ("UK care visas: only 4 CoS left for this intake! WhatsApp +44 7700 900462", True),
    ("Германияға топ жиналды, тағы 2 адам керек, айдың соңында ұшамыз. Тел +7 705 555 70 80", True),
    ("Орын аз, тез жазу керек, апта соңына дейін ғана. Тел +7 707 555 40 50", True),
    ("Ikki soatlik ish, bugun kerak, faqat lichkaga yozing", True),
    ("Набор заканчивается в пятницу, звоните +7 701 555 60 70", True),
    ("Құжат тапсыру сенбіге дейін, кешіккендерге орын болмайды. Тел +7 701 555 60 71", True),
    ("Bu hafta ichida yozilganlar birinchi guruhga! Tel +998 93 555 40 72", True),
    # no pressure: a firm that needs two more workers on its staff, a deadline of an honest programme
    ("Наша бригада укомплектована, ещё вакансий нет. ТОО «Invented Строй», Шымкент, ул. Байтурсынова 12", False),
])
def test_urgency_said_in_round_14s_words(text, urgent):
    assert ("urgency" in _flags(text)) is urgent, _flags(text)


@pytest.mark.parametrize("text, too_good", [
    # a bare "$" means the dollar of the place of work
    ("Warehouse pick packers, Western Sydney: $32/hr casual, no experience needed. Start next week. Call 0491 570 161", False),
    ("Data entry from home, no experience, $45/hr. Apply now at invented-typing.net", True),
    # Canadian dollars by the hour: CAD 25 for farm work is ordinary, CAD 29 for a cleaner is not
    ("Farm workers for Ontario, no experience needed, CAD 25 per hour. Invented Farms Ltd, Leamington", False),
    ("Hotel cleaners in Niagara Falls, no experience needed, CAD 29/hr. WhatsApp +1 (905) 555-0184", True),
])
def test_the_dollar_of_the_place_of_work(text, too_good):
    assert ("too_good" in _flags(text)) is too_good, _flags(text)

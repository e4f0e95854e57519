"""Each flag rule as a table of offers that must raise it and offers that must not (lemmas in,
spans out), in the spirit of natasha/yargy. Every text here is INVENTED for the test; the
negatives are the words a prefix rule used to trip on (issue 22)."""
from __future__ import annotations

import pytest

from verifier.offers.scan import find_flags

RAISE = [
    ("fee", "Оформление визы под ключ — 1500$, половину вперёд."),
    ("fee", "Для бронирования места оплатите 30 000 тенге."),
    ("fee", "За приглашение платите 250 евро, остальное на месте."),
    ("fee", "A registration fee of 300 USD is paid before the interview."),
    ("fee", "Құжаттарды рәсімдеу 500 доллар, алдын ала төлем."),
    ("fee", "Hujjatlar uchun 3 000 000 so'm oldindan to'lov."),
    ("passport", "Паспорт отдадите нашему менеджеру на время оформления."),
    ("passport", "Your passport will be kept by the employer during the contract."),
    ("passport", "Pasportingizni brigadirga topshirasiz."),
    ("visa", "Едете по визе C-3, на месте переделаем."),
    ("visa", "Выезд по туристической визе, разрешение сделаем на месте."),
    ("visa", "You travel on a tourist visa and we change it there."),
    ("visa", "Turistik viza bilan borasiz."),
    ("no_contract", "Шарт жасалмайды, барған соң келісеміз."),
    ("no_contract", "Договор подпишем по приезду."),
    ("no_contract", "The contract will be signed on arrival."),
    ("debt", "Стоимость билета вычитается из первой зарплаты."),
    ("debt", "The cost of your flight is deducted from your wages."),
    ("personal_payment", "Скиньте на Kaspi 20 000, менеджер подтвердит."),
    ("personal_payment", "Оплата за визу 300$ на карту менеджера."),
    ("personal_payment", "Pulni kartamga o'tkazing, keyin hujjat qilamiz."),
    ("personal_payment", "Kaspi-ге 20 000 теңге аударыңыз."),
    ("visa", "The work permit will be done after arrival."),
    ("entertainment", "Young ladies for a massage spa, age 18-28, send 3 photos."),
    ("entertainment", "Требуются девушки 18-25 лет, фото в полный рост."),
    ("withheld_wages", "Зарплата выплачивается в конце сезона."),
    ("withheld_wages", "Жалақы маусым соңында бір-ақ рет төленеді."),
    ("urgency", "Мест мало, набор до пятницы!"),
    ("urgency", "Only 3 places left, hurry."),
    ("easy_money", "Доход от 5 000 в день, опыт не нужен."),
    ("easy_money", "Earn $1,000-2,000 a week typing from home."),
    ("easy_money", "Пассивный доход, 1-2 часа в день с телефона."),
    ("crime_recruitment", "Нужны курьеры закладок, оплата сразу."),
    ("crime_recruitment", "Ищу дропов: принимаешь переводы на свою карту."),
    ("crime_recruitment", "Оформи карту на себя и передай нам, 5 000 за карту."),
    ("private_channel", "Работа в Польше, пишите в личку."),
    ("private_channel", "Строители в Москву. WhatsApp +7 701 555 12 34"),
    ("private_channel", "Нaбuрaю в кoмaндy, пиши в лс."),
    ("too_good", "Курьер, без опыта, зарплата 4000 евро в месяц."),
    ("too_good", "Курьер без опыта, 40 000 тенге в день."),
    ("easy_money", "Телефон арқылы оңай табыс, күніне 20 000 теңге."),
    ("easy_money", "Telefon orqali oson daromad, kuniga 300 000 so'm."),
    ("easy_money", "Make money online from home, $200 a day."),
    ("crime_recruitment", "Kuryer kerak: zakladka tarqatish, har kuni to'lov."),
    ("crime_recruitment", "Bank kartangizni bizga bering, har oy to'laymiz."),
    ("crime_recruitment", "Банк картаңызды бізге беріңіз, айына 50 000 теңге төлейміз."),
    ("debt", "Билет құнын бірінші айлықтан қайтарасыз."),
    ("debt", "Chipta pulini birinchi oylikdan qaytarasiz."),
    ("debt", "Ticket and visa costs will be taken from your first salary."),
    ("withheld_wages", "Maosh 3 oydan keyin beriladi."),
    ("withheld_wages", "Оплата по окончании вахты, аванса нет."),
    ("urgency", "Faqat 3 ta joy qoldi, ertaga yopamiz!"),
    ("urgency", "Бүгін жазылыңыз, орын аз!"),
    ("fee", "rabota v Koree, oplata za dokumenty 500 dollarov"),
    ("easy_money", "Үйде отырып ақша табыңыз."),
    ("easy_money", "Oson ish, yuqori daromad."),
    ("easy_money", "Uyda o'tirib pul ishlang."),
    ("easy_money", "Be your own boss, unlimited earning potential."),
]

STAY_SILENT = [
    "Выстраивание долгосрочной стратегии развития бренда.",
    "Контроль параметров виртуализации, доступ к 90-го года архиву.",
    "Внесение первичной документации, уплата страховых взносов и комиссий банка.",
    "Оплата больничных и отпусков, полный соцпакет.",
    "Организация хранения документов в архиве.",
    "Сварщик на производственный участок, Алматы.",
    "Криптографические средства защиты информации.",
    "Repairer needed for farm machinery in Texas.",
    "Visa, flight and housing provided, monthly salary 4,200 PLN.",
    "A completion bonus is paid at the end of the contract.",
    "Жол ақысын біз төлейміз.",
    "Мы готовы оплачивать Ваше обучение.",
    "Зарплата на карту дважды в месяц, ТОО «Инвентед Строй», ул. Абая 1.",
    "Опыт разработки с Telegram Bot API.",
    "Ответы на комментарии и личные сообщения в Instagram.",
    "График работы 5/2, 8 часов в день, Invented LLC.",
    "Senior engineer, remote within the EU, salary 70-90k EUR, Invented GmbH, invented.de.",
    "Жалақы ай сайын Kaspi картаңызға аударылады.",
    "Ish haqi har oy kartaga tushadi.",
    "Salary is paid monthly by bank transfer to your card.",
    "Salary is transferred to the card every two weeks.",
    "Зарплата дважды в месяц на карту Kaspi.",
    "The employer pays for your visa, flight and medical check.",
    "Визаны, билетті жұмыс беруші төлейді.",
    "Vizani ish beruvchi to'laydi.",
    "Работа в Корее на заводе через EPS-TOPIK, набор ведёт Центр трудовой мобильности.",
    "Medical check and visa costs are reimbursed after arrival.",
    "No fees are charged to workers at any stage.",
    "Фото на документы и медкомиссию оплачивает работодатель.",
    "Работа в Корее на заводе по визе E-9 через EPS-TOPIK, ООО «Инвентед».",
    "Accommodation is deducted from wages at 100 EUR a month, as in the contract.",
    "Срочный трудовой договор на 6 месяцев, оплата больничных и отпусков.",
    "Виза мен ұшақ билетін жұмыс беруші төлейді, жалақыдан ештеңе ұсталмайды.",
    "Shartnoma tugaganda bonus to'lanadi, maosh har oy.",
    "An end-of-contract bonus of one month's salary is paid when the contract ends; wages are monthly.",
    "The 300 USD visa fee is paid by the employer.",
    "Sales manager, income from 300,000 tenge, experience in B2B sales required, Invented LLP.",
    "Желание развиваться, доход растёт вместе с опытом; требования: опыт продаж от года, ТОО «Инвентед».",
]


@pytest.mark.parametrize("code,text", RAISE)
def test_the_rule_raises_its_flag_with_a_verbatim_quote(code, text):
    flags = {f["code"]: f for f in find_flags(text)}
    assert code in flags, (text, flags)
    f = flags[code]
    assert f["quote"] and text[f["start"]:f["end"]] == f["quote"]


@pytest.mark.parametrize("text", STAY_SILENT)
def test_ordinary_job_words_raise_nothing(text):
    assert find_flags(text) == []

"""Each hard flag said in many ways (chat slang, emojis, broken grammar, abbreviations, Latin-typed
Russian; ru/kk/uz/en), and honest ads that come close to it without being it. Every text here is
INVENTED for the test and was written before the rules were widened for it; no text is taken from
an evaluation set."""
from __future__ import annotations

import pytest

from verifier.offers.scan import find_flags

RAISE = [
    # easy_money: income promised for no skill, experience or time
    ("easy_money", "💸 Хочешь 3-5к в день не выходя из дома? Пиши +"),
    ("easy_money", "Работа для всех, даже школьникам! Платим от 2000р ежедневно, нужен только смартфон"),
    ("easy_money", "zarabotok ot 5000 v den, opyt ne nuzhen, pishi v lichku"),
    ("easy_money", "Күніне 15-20 мың теңге табыс, тәжірибе керек емес, тек телефон 📱"),
    ("easy_money", "Kuniga 200-300 ming so'm, hech qanday tajriba kerak emas!!!"),
    ("easy_money", "No skills? No problem! Make $300/day just with your phone 🔥"),
    ("easy_money", "Легкие деньги без усилий, пару часов в день и ты в плюсе"),
    ("easy_money", "Ищем людей на простую работу, от 50 000 в неделю, обучим с нуля"),
    # debt: the cost of the trip or papers paid back from wages
    ("debt", "Билеты купим сами, потом с зп вычтем, не переживай"),
    ("debt", "Дорогу оплачивает фирма, но потом отрабатываешь первые 2 месяца"),
    ("debt", "Виза и перелёт в счёт будущей зарплаты"),
    ("debt", "Жол шығынын алғашқы жалақыңыздан ұстап қаламыз"),
    ("debt", "Bilet pulini keyin oyligingizdan ushlab qolamiz"),
    ("debt", "We cover your ticket, you pay it back from your first wages"),
    ("debt", "bilety za nash schet, potom vychitaem iz zarplaty"),
    ("debt", "Все расходы на оформление удержат из первой получки"),
    # crime_recruitment: drug stash couriers, money mules, renting out bank cards, cashing out
    ("crime_recruitment", "Нужны ребята раскидывать клады по городу, оплата за каждый адрес"),
    ("crime_recruitment", "Куплю вашу банковскую карту, 10к сразу на руки"),
    ("crime_recruitment", "Ищем дропов под карты, оплата 5% с оборота"),
    ("crime_recruitment", "Сдай свою карту в аренду и получай 20 000 в неделю"),
    ("crime_recruitment", "Картаңызды жалға беріңіз, аптасына 30 000 теңге"),
    ("crime_recruitment", "Bank kartangizni vaqtincha ijaraga bering, kuniga 100 ming"),
    ("crime_recruitment", "Need people to receive funds to their account and forward them, keep 10%"),
    ("crime_recruitment", "rabota kuryerom, zakladki, oplata ezhednevno"),
    # withheld_wages: pay held back until the end or as a guarantee
    ("withheld_wages", "Зарплату получите всю сразу после окончания контракта"),
    ("withheld_wages", "Первые три месяца зп не выплачивается, это гарантия что не сбежите"),
    ("withheld_wages", "Деньги отдаём в конце сезона одной суммой"),
    ("withheld_wages", "Айлықты келісімшарт біткенде бір-ақ береміз"),
    ("withheld_wages", "Oylikni mavsum tugagandan keyin bir yo'la beramiz"),
    ("withheld_wages", "Your salary will be paid at the end of the contract in one sum"),
    ("withheld_wages", "Part of the salary is held back until you finish the contract"),
    ("withheld_wages", "Половину зарплаты удерживаем до конца контракта"),
    # visa: work on a visa that does not allow it, papers "fixed there"
    ("visa", "Едем по туристу, там всё сделаем"),
    ("visa", "Корея без визы! Работа на заводе, вылет на этой неделе"),
    ("visa", "Визасыз Кореяға жұмысқа, зауытта"),
    ("visa", "Koreyaga vizasiz ishga olib boramiz"),
    ("visa", "Go on a visit visa, we will sort the work permit later"),
    ("visa", "По гостевой визе заедешь, дальше работаешь спокойно"),
    ("visa", "vyezd po turisticheskoy vize, razreshenie na meste"),
    ("visa", "Туристік визамен барасыз, сол жерде жұмыс істейсіз"),
    # no_contract: no written contract
    ("no_contract", "Договор не нужен, работаем на доверии"),
    ("no_contract", "Без оформления, без договора, деньги на руки каждый день"),
    ("no_contract", "Контракт подпишем уже там, не волнуйтесь"),
    ("no_contract", "Келісімшартсыз жұмыс, ақша күн сайын"),
    ("no_contract", "Shartnoma kerak emas, ishonch asosida ishlaymiz"),
    ("no_contract", "No paperwork, no contract, cash in hand"),
    ("no_contract", "Contract will be given when you arrive at the site"),
    ("no_contract", "bez dogovora, oplata nalichnymi"),
    # fee: the worker pays to get the job
    ("fee", "Оформление 300$, остальное на месте"),
    ("fee", "За визу с вас 1000 долларов, билет за наш счёт"),
    ("fee", "Для старта нужно внести 15 000 руб за обучение"),
    ("fee", "Виза үшін 500 000 теңге төлейсіз"),
    ("fee", "Hujjatlarni tayyorlash uchun 5 mln so'm to'laysiz"),
    ("fee", "Placement costs $1500, pay before departure"),
    ("fee", "oplata za vizu 700 evro, ostalnoe na meste"),
    ("fee", "Стоимость наших услуг по трудоустройству 2000 евро"),
    # private_channel: only a personal chat, no firm
    ("private_channel", "Подробности только в лс 👉"),
    ("private_channel", "Всё обсудим в личке, пиши"),
    ("private_channel", "Толығырақ жеке хабарламада, жазыңыз"),
    ("private_channel", "Batafsil lichkada, yozing"),
    ("private_channel", "DM me for details, serious people only"),
    ("private_channel", "pishite v lichku, vse rasskazhu"),
    ("private_channel", "Инфа в директ, места ограничены"),
    ("private_channel", "Text me on WhatsApp for more info"),
    # too_good: pay far above the local norm for unskilled work, in the local currency
    ("too_good", "Курьер без опыта, 1 200 000 тенге в месяц"),
    ("too_good", "Официантка, опыт не нужен, 60 000 тг в день"),
    ("too_good", "Kuryer kerak, tajribasiz, oyiga 15 mln so'm"),
    ("too_good", "Фасовщик без опыта, 120 000 сом в месяц"),
    ("too_good", "Грузчик без опыта, 300 тыс руб в месяц"),
    ("too_good", "Hostess, no experience, 4000 USD a month"),
    ("too_good", "Горничная без опыта, 25 000 злотых в месяц"),
    ("too_good", "Упаковщица без опыта, 15 000 AED в месяц"),
]

NEAR_MISS = [
    ("easy_money", "Менеджер по продажам, доход зависит от результата, опыт продаж от 1 года, ТОО «Инвентед»."),
    ("easy_money", "Курьер на авто, оплата 5 000 тенге в день плюс бензин, ИП Инвентед, ул. Абая 1."),
    ("easy_money", "Работа из дома оператором колл-центра, оклад 150 000 тенге, обучение, официальное оформление."),
    ("easy_money", "Kassir, oylik 4 mln so'm, tajriba talab qilinmaydi, Invented MChJ, Chilonzor 5."),
    ("easy_money", "Remote data analyst, 3+ years of SQL, salary 2,000 EUR a month, Invented GmbH."),
    ("easy_money", "Тәжірибесіз студенттер үшін тағылымдама, жалақы 120 000 теңге, «Инвентед» ЖШС."),
    ("easy_money", "Подработка для студентов в кафе, 2 500 руб за смену, трудовой договор."),
    ("easy_money", "Доход семьи мы учитываем при расчёте ипотеки: ведущий специалист банка."),
    ("debt", "Проживание 10 000 тенге в месяц удерживается из зарплаты по договору."),
    ("debt", "Компания оплачивает билет, вычетов из зарплаты нет."),
    ("debt", "Налоги удерживаются из зарплаты согласно законодательству."),
    ("debt", "Жол ақысын компания төлейді, жалақыдан ештеңе ұсталмайды."),
    ("debt", "Chipta kompaniya hisobidan, oylikdan hech narsa ushlanmaydi."),
    ("debt", "Income tax is deducted from your salary as required by law."),
    ("debt", "Кредитный специалист: консультирование клиентов по займам, опыт в банке."),
    ("debt", "Специалист по работе с дебиторской задолженностью, оклад 300 000 тенге."),
    ("crime_recruitment", "Курьер по доставке документов, ТОО «Инвентед», оплата на карту раз в месяц."),
    ("crime_recruitment", "Специалист по выдаче банковских карт клиентам в отделении банка."),
    ("crime_recruitment", "Кассир-операционист: приём платежей и переводов, опыт в банке."),
    ("crime_recruitment", "Зарплата на вашу банковскую карту дважды в месяц."),
    ("crime_recruitment", "Bank kartasiga oylik har oy o'tkaziladi, Invented MChJ."),
    ("crime_recruitment", "Accounts payable clerk: process payments to suppliers, Invented Ltd."),
    ("crime_recruitment", "Картаңызға жалақы ай сайын аударылады."),
    ("crime_recruitment", "Доставка цветов и подарков по городу, курьер, ИП Инвентед."),
    ("withheld_wages", "Зарплата два раза в месяц, премия по итогам сезона."),
    ("withheld_wages", "Bonus paid at the end of the contract; salary monthly."),
    ("withheld_wages", "Жалақы ай сайын, маусым соңында сыйақы."),
    ("withheld_wages", "Oylik har oy beriladi, mavsum oxirida mukofot."),
    ("withheld_wages", "Срочный трудовой договор до конца сезона, зарплата ежемесячно."),
    ("withheld_wages", "Contract until the end of the season, wages paid every two weeks."),
    ("withheld_wages", "Расчёт при увольнении в последний рабочий день по ТК."),
    ("withheld_wages", "Аванс 15 числа, зарплата 30 числа, официальное трудоустройство."),
    ("visa", "Работа в Корее по визе E-9 через EPS-TOPIK, ООО «Инвентед»."),
    ("visa", "Менеджер по туризму: оформление туристических виз клиентам, турагентство."),
    ("visa", "Visa sponsorship available; the work visa is issued before you travel."),
    ("visa", "Жұмыс визасын жұмыс беруші рәсімдейді, ұшқанға дейін."),
    ("visa", "Ish vizasini ish beruvchi jo'nashdan oldin rasmiylashtiradi."),
    ("visa", "Работа в России без визы для граждан Казахстана, трудовой договор."),
    ("visa", "Tour guide for tourist groups, English required, Invented Travel."),
    ("visa", "Визовый центр ищет оператора, оформление документов клиентов."),
    ("no_contract", "Официальное трудоустройство по ТК РФ, договор с первого дня."),
    ("no_contract", "Трудовой договор подписывается до выезда."),
    ("no_contract", "The contract is signed before departure and a copy is yours."),
    ("no_contract", "Еңбек шарты жолға шыққанға дейін жасалады."),
    ("no_contract", "Mehnat shartnomasi jo'nashdan oldin tuziladi."),
    ("no_contract", "Юрист по договорной работе, проверка контрактов, опыт от 3 лет."),
    ("no_contract", "Contract manager needed for procurement, Invented Ltd."),
    ("no_contract", "Срочный трудовой договор на 6 месяцев, оплата больничных."),
    ("fee", "Оформление визы и билет за счёт работодателя."),
    ("fee", "Бесплатное обучение, зарплата 200 000 тенге."),
    ("fee", "Менеджер по оформлению виз, оклад 250 000 тенге."),
    ("fee", "No fees at any stage, the employer pays the visa."),
    ("fee", "Виза мен билетті жұмыс беруші төлейді."),
    ("fee", "Vizani ish beruvchi to'laydi, hech qanday to'lov yo'q."),
    ("fee", "Бухгалтер: оплата счетов поставщиков, опыт от 2 лет."),
    ("fee", "Payroll specialist: processing fees and invoices for clients."),
    ("private_channel", "Резюме присылайте на hr@invented.kz, ТОО «Инвентед», ул. Абая 1."),
    ("private_channel", "SMM-менеджер: ответы в директ и комментарии, ТОО «Инвентед»."),
    ("private_channel", "Оператор чата поддержки, ответы клиентам в Telegram, Invented LLC, invented.kz."),
    ("private_channel", "Звоните в отдел кадров: +7 727 555 00 00, ТОО «Инвентед», ул. Абая 1."),
    ("private_channel", "Apply on invented.com/careers, Invented Ltd, 1 Main St."),
    ("private_channel", "Түйіндемені hr@invented.kz поштасына жіберіңіз, «Инвентед» ЖШС."),
    ("private_channel", "Rezyumeni hr@invented.uz ga yuboring, Invented MChJ, Toshkent."),
    ("private_channel", "Менеджер по работе с личными кабинетами клиентов, ТОО «Инвентед»."),
    ("too_good", "Курьер без опыта, 350 000 тенге в месяц, ТОО «Инвентед»."),
    ("too_good", "Официант, 12 000 тг за смену плюс чаевые."),
    ("too_good", "Kuryer, tajribasiz, oyiga 5 mln so'm, Invented MChJ."),
    ("too_good", "Фасовщик без опыта, 35 000 сом в месяц."),
    ("too_good", "Грузчик без опыта, 90 000 руб в месяц."),
    ("too_good", "Главный инженер проекта, 2 500 000 тенге, опыт от 10 лет."),
    ("too_good", "Упаковщица без опыта, 3 500 злотых в месяц, umowa o pracę."),
    ("too_good", "Cleaner, no experience needed, 2,200 EUR a month, Invented GmbH."),
]


@pytest.mark.parametrize("code,text", RAISE)
def test_a_flag_said_in_other_words_is_raised(code, text):
    flags = {f["code"]: f for f in find_flags(text)}
    assert code in flags, (text, flags)
    assert text[flags[code]["start"]:flags[code]["end"]] == flags[code]["quote"]


@pytest.mark.parametrize("code,text", NEAR_MISS)
def test_an_honest_ad_near_a_flag_does_not_raise_it(code, text):
    assert code not in {f["code"] for f in find_flags(text)}, text

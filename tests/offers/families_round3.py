"""Flag families widened in rules round 3: each said in several ways and languages, and honest ads
close to them. Every text is INVENTED for the test; none is taken from an evaluation set or a real ad."""

RAISE = [
    # fee: paid entry, a turnkey visa with its price, a service price, half now, fees paid to the agent
    ("fee", "Вступление в наш проект 30$, дальше только зарабатываешь"),
    ("fee", "Виза под ключ, всего 900$, звони"),
    ("fee", "Стоимость 1800$ за полное сопровождение до Кореи"),
    ("fee", "Xizmat 2000$, yarmini oldindan berasiz"),
    ("fee", "Қызмет 1500$, жартысын қазір төлейсіз"),
    ("fee", "Work permit fee of $600 is paid to our agent before filing."),
    ("fee", "Interview fee 50 USD, refundable if you are not selected."),
    ("fee", "Invitation and work visa $1,100, send it to the agent."),
    ("fee", "Sponsorship fee £4,000 covers your CoS and flight."),
    # debt: the trip worked off, the rest taken from wages
    ("debt", "Билет мы купим, а ты его потом отработаешь на объекте"),
    ("debt", "Перелёт и визу отрабатываете первые полтора месяца"),
    ("debt", "Можно в рассрочку, высчитаем из зарплаты"),
    ("debt", "Остальное удержим из первой получки"),
    ("debt", "Жол ақысын біз төлейміз, сосын істеп өтейсің"),
    ("debt", "Qolganini maoshdan ushlab qolamiz"),
    ("debt", "We buy the flight and you work it off in the first month."),
    ("debt", "Pay $200 now; the balance is deducted from your first salary."),
    # passport: held by whoever runs the site
    ("passport", "Паспорт на всё время работы хранится у прораба"),
    ("passport", "Паспорттарыңды бригадирге тапсырасың, сосын жұмыс"),
    ("passport", "Төлқұжатыңды бригадирге бересің, маусым біткенде аласың"),
    # visa: tourist or guest entry named plainly
    ("visa", "Барасыз туристпен, ал жұмыс сол жақта"),
    ("visa", "Turist viza bilan kirasiz, ish joyi tayyor"),
    ("visa", "Enter on a visit visa and we change your status inside the country."),
    # no_contract: not registered, contract made there
    ("no_contract", "Официально не оформляем, платим каждую неделю"),
    ("no_contract", "Shartnoma u yerda tuziladi, hozircha kerak emas"),
    ("no_contract", "Ишга боришдан олдин шартнома йўқ"),
    ("no_contract", "Келісімшарт жасамаймыз, бәрі сенім бойынша"),
    ("no_contract", "Shartnoma tuzmaymiz, pul qo'lga beriladi"),
    ("no_contract", "Cash in hand, no paperwork questions."),
    # crime_recruitment: parcels forwarded, payments through your account, cheques for equipment
    ("crime_recruitment", "Принимаешь посылки на свой адрес и пересылаешь их дальше по нашему списку"),
    ("crime_recruitment", "Нужно переклеить этикетки на коробках и отправить их курьером"),
    ("crime_recruitment", "Accept packages at your home, relabel them and ship them to the addresses we email."),
    ("crime_recruitment", "Payment processing assistant: handle payments through your own bank account."),
    ("crime_recruitment", "We will mail you a cheque to buy the equipment from our supplier."),
    ("crime_recruitment", "Doставка «пакетов», не спрашиваем и не рассказываем, платим сразу"),
    ("crime_recruitment", "Har bir karta uchun 200 000 so'm, karta ochib bering"),
    ("crime_recruitment", "Parcels will be delivered to your address; forward them with the prepaid labels we send."),
    ("crime_recruitment", "Accept client payments to your personal PayPal and wire them to our accounts."),
    ("crime_recruitment", "Secret shopper: buy gift cards with the funds we send and email us the codes."),
    ("fee", "The LMIA is paid by the worker to our consultant."),
    ("fee", "Candidates pay 1,200 EUR to the agent after the interview."),
    # easy_money: pay per piece or day with no effort; extra income for minutes a day
    ("easy_money", "200 руб за каждую посылку, работа из дома"),
    ("easy_money", "Хороший доп доход, нужно 15 минут в день"),
    ("easy_money", "Работа от 80$/день, всему обучу=, пиши"),
    ("easy_money", "Зарабатываем на бирже вместе, я обучаю, ты получаешь процент"),
    ("easy_money", "Earn $45 per package, no experience required, work from home."),
    ("easy_money", "€4,000/month guaranteed, no experience, no language."),
    # too_good: phone-only income far above any wage
    ("too_good", "Доход 4000$ в месяц, нужен только телефон"),
    ("too_good", "Kuniga 150$ uydan turib, tajriba shart emas"),
    ("too_good", "Күніне 50 000 теңге, тәжірибе керек емес"),
    # urgency: weekday deadlines, last intake, departure this week
    ("urgency", "Приём заявок до четверга, потом мест не будет"),
    ("urgency", "Последний поток в этом году!"),
    ("urgency", "Отправка на этой неделе, решайся"),
    ("urgency", "Limited slots, interviews tomorrow."),
    ("urgency", "Фақат 2 та жой қолди"),
    ("urgency", "Регистрируйтесь до среды, потом поздно"),
    ("urgency", "Тіркелу сенбіге дейін ғана"),
    ("urgency", "Ro'yxatdan o'tish payshanba kunigacha"),
    # withheld_wages: pay at the end of the site or after months
    ("withheld_wages", "Деньги по окончании объекта, всё разом"),
    ("withheld_wages", "Зарплата после 2 месяцев, пока кормим"),
    ("withheld_wages", "Maosh 3 oydan keyin beriladi"),
    # private_channel: an interview held only in a chat app, whatever firm the ad names
    ("private_channel", "Invented Holdings Ltd, 5 Long Street. Interviews are held via Telegram chat only."),
    ("private_channel", "Invented Corp. The interview will be conducted on Google Hangouts with our HR manager."),
    ("private_channel", "Рабочие на склад, Варшава. Вайбер/Ватсап +48 555 000 111"),
    # entertainment: girls by age in Uzbek and Kazakh
    ("entertainment", "20-26 yoshli qizlar kerak, rasm yuboring"),
]

HONEST = [
    ("fee", "No placement fees are charged; the employer pays the visa."),
    ("fee", "Recruitment fee yo'q, viza ish beruvchi hisobidan."),
    ("fee", "ЗТЖ және МӘМС жарналары төленеді, жалақы ай сайын."),
    ("fee", "Комиссии нет, оформление за счёт работодателя."),
    ("easy_money", "Повар, 2 500 € брутто, 40 часов в неделю, опыт от 2 лет."),
    ("easy_money", "Software engineer, work from home, salary $5,000 a month, 5 years of experience."),
    ("easy_money", "Удалённый бухгалтер, оклад 200 000 рублей, опыт от 3 лет."),
    ("too_good", "HSE engineer under the Labour Code, 900,000 KZT net."),
    ("too_good", "Warehouse associates, £11.44 per hour, no experience needed, Invented Staffing Ltd."),
    ("too_good", "Оклад 70 000 тыс. рублей, без опыта, Инвентед ООО."),
    ("crime_recruitment", "Accounts payable clerk: process vendor payments and reconcile invoices."),
    ("crime_recruitment", "Bank teller: cash cheques and take deposits at our branch."),
    ("crime_recruitment", "Receiving clerk: receive parcels, scan them and forward them to the right dock."),
    ("crime_recruitment", "Payroll officer: process salary payments through the company bank account."),
    ("fee", "Work permit and visa fees are paid by the employer; the worker pays nothing."),
    ("private_channel", "Interview by video call; Invented Logistics, 3 Port Road, hr@invented-logistics.com."),
    ("private_channel", "Курьер, посылки на ваш домашний адрес не нужны. ТОО «Инвентед», ул. Абая 1."),
    ("restricted_route", "Korea, EPS: apply through the state centre and pass the language exam."),
    ("no_contract", "Официальное оформление по ТК, договор до выезда."),
]

"""Rules round 5 (precision): honest near-misses of the families narrowed in this round, and lures of
the same families that must still be raised. Every text, name, number and address is INVENTED."""

# (code, lang, text): the code must NOT be raised
HONEST = [
    # pay for a whole rotation is one or two months' pay
    ("too_good", "ru", "Вахта 60/30, разнорабочие. Оплата 260 000 ₽ за вахту, жильё и питание бесплатно."),
    ("too_good", "ru", "Подсобники на стройку, без опыта. Вахта 45 дней — 300 000 руб., выплата на карту."),
    # the price of a programme or service is a fee, not pay
    ("too_good", "ru", "Работа на заводе без опыта. Стоимость обучения 3 000 $, зарплата по договору."),
    ("too_good", "uz", "Zavodga ishchi kerak, tajribasiz. Narxi 3 500 $, qolgani keyin."),
    # a week with hours after it is the hours' period, not the pay's
    ("too_good", "uz", "Germaniyaga yuk mashinasi haydovchilari, ishchi viza. Oylik: 2 700 € brutto, haftasiga 40 soat."),
    ("too_good", "en", "Factory workers wanted, no experience. Pay: $2,000 a month, 45 hours a week, overtime paid."),
    # a cheque the worker pays in is not a fee for the job
    ("fee", "en", "Bank teller, Invented Community Bank. You will deposit customers' cheques and count cash. $17/hr."),
    ("fee", "en", "Office runner: I will mail you a check. You will deposit it, keep your pay and forward the rest."),
]

# (code, lang, text): the code is about a personal channel; a firm or an address named takes it back
HONEST_CONTACT = [
    ("private_channel", "en", "Invented Palm Logistics Sdn Bhd — forklift operators, Klang. Call +60 12 555 0199 (Aina, HR)."),
    ("private_channel", "en", "Invented Desert Tools FZE, Sharjah: storekeeper wanted. Contact +971 50 555 0123."),
    ("private_channel", "en", "Warehouse associate, $18/hr. Apply in person at 450 Invented Avenue, Dayton. Questions: (937) 555-0148."),
    ("private_channel", "ru", "Продавец в магазин обуви, ТЦ Invented Plaza, 2 этаж. Звоните: 8 701 555 12 34, Алия."),
    ("private_channel", "kk", "Сатушы керек, Invented базары, 5-қатар, 12-орын. Хабарласыңыз: 8 702 555 66 77."),
    ("private_channel", "en", "Line cook — Invented Bay Diner, Portland, ME\n$18/hr + tips, part-time evenings.\n"
     "Walk-in interviews Tuesday to Thursday, 2–4 pm, or call (207) 555-0188."),
]

# (code, lang, text): the code must still be raised
RAISE = [
    ("fee", "en", "Warehouse job in Canada. You will pay a deposit of $300 before we send the contract."),
    ("fee", "en", "To secure your place you must pay the processing fee of $250."),
    ("too_good", "ru", "Работа на складе в Польше без опыта, зарплата 3 500 $ в месяц!"),
    ("too_good", "ru", "Курьер без опыта, 50 000 тенге в день, выплаты ежедневно"),
    ("too_good", "en", "No experience needed! Hostess job, $5,000 a month, all paid."),
    ("too_good", "uz", "Tajribasiz ishchi kerak, haftasiga 1 500 $ to'laymiz."),
    ("private_channel", "ru", "Работа в Корее, без опыта. Пишите в WhatsApp +7 701 555 00 11"),
    ("private_channel", "en", "Easy job in Dubai, great pay. Text me on Telegram @invented_hr_jobs"),
]

"""English offers by family of fraud (EMSCAD-like job-board lures) and honest English ads close to
them, as (code, text) pairs. Every text, firm, person, address and number here is INVENTED."""

FRAUD = [
    # work from home, data entry and typing for high pay and no experience
    ("easy_money", "Home typists wanted! Make $900 weekly typing short forms online, no experience needed, all you need is a laptop."),
    ("easy_money", "Data entry from home: earn up to $250 a day. Only 2 hours a day, anyone can do it."),
    ("easy_money", "Get paid to type captions from your couch. No skills, no boss, paid weekly."),
    ("easy_money", "Work from home 3 hours a day and earn $1,000 per week, students and stay-at-home moms welcome."),
    # payment processing and money forwarding agents
    ("crime_recruitment", "Payment Agent (home-based): you receive client payments into your personal bank account, keep 8% and wire the balance to our accounts department."),
    ("crime_recruitment", "Regional finance representative: accept transfers from our customers to your own checking account and forward the rest by MoneyGram within 24 hours."),
    ("crime_recruitment", "Collections assistant: customers will pay invoices into your account; deduct your 5% commission and send the remainder to our supplier in Asia."),
    # reshipping
    ("crime_recruitment", "Shipping coordinator: receive parcels at your home address, check the items and reship them to our buyers overseas with the labels we email."),
    ("crime_recruitment", "Logistics assistant from home: packages will arrive at your residence; repack them and post them abroad the same day."),
    ("crime_recruitment", "Merchandise inspector: electronics are delivered to your apartment, you relabel the boxes and ship them to our international clients."),
    # cheque schemes: personal assistant, equipment, mystery shopper
    ("crime_recruitment", "Personal assistant to a travelling CEO. I will mail you a cheque; cash it, keep $400 for your week and send the balance to the decorator."),
    ("crime_recruitment", "Remote typist: after onboarding we send you a check to buy your computer from our approved vendor."),
    ("crime_recruitment", "Secret shopper assignment: you get a cheque for $1,900, deposit it and use the rest to send a Western Union transfer to evaluate the service."),
    ("crime_recruitment", "Mystery shoppers wanted to evaluate money transfer outlets in your town. Paid per assignment."),
    # fees to an agent for jobs abroad (rig, hotel, cruise, farm, care)
    ("fee", "Offshore rig jobs in Norway, salary $8,000 a month. Work permit fee of USD 950 payable to our travel agent before departure."),
    ("fee", "Hotel staff needed in Canada. Candidates pay the LMIA processing fee (CAD 1,800) to our consultant."),
    ("fee", "Cruise line crew wanted. Medical and safety training cost $520, paid by the applicant to our partner agency."),
    ("fee", "UK care jobs with sponsorship. Certificate of sponsorship fee £2,900 paid to our adviser."),
    ("fee", "Farm jobs in Australia. Secure your place with a deposit of $700 before Monday."),
    ("fee", "Warehouse jobs in Germany: visa assistance fee EUR 1,200, non-refundable."),
    ("fee", "Online job: buy our starter kit for just $39.99 and start earning tomorrow."),
    ("fee", "Hotel jobs in Qatar. Visa charge USD 600 must be paid to our agent."),
    ("personal_payment", "Hotel jobs in Dubai, visa fee AED 2,000 payable to Mr. Omar, our sponsor's agent."),
    ("personal_payment", "Task job: to unlock the next level top up your wallet with USDT."),
    # chat-app interviews with free-mail contacts
    ("private_channel", "Remote admin assistant, $30/hr. Interview on Telegram; add me on Telegram to start: @hr_anna_invented."),
    ("private_channel", "Data entry clerk. Interviews by chat only. Contact the hiring manager at invented.hiring.desk@gmail.com."),
    ("private_channel", "Earn from home, DM us on Instagram @invented.cash.jobs for details."),
    # pressure
    ("urgency", "Factory workers in Poland. URGENT HIRING, only 5 positions left!"),
    ("urgency", "Cleaners needed in Dubai. Limited slots, interviews this week only."),
    ("urgency", "Home typing job, no interview, start today!"),
    ("urgency", "Drivers for Canada: be ready to travel within 10 days."),
    # debts
    ("debt", "Tickets to Poland paid by us, you work it off in the first two months."),
    ("debt", "We cover the visa and flight; the rest is deducted from your salary."),
]

HONEST = [
    # remote jobs
    "Remote customer support agent, Invented Brightwave Ltd. $19 per hour, 40 hours per week, paid training, health insurance. Apply at invented-brightwave.example/careers.",
    "Part-time data entry clerk, remote, $16/hr, flexible hours. Invented Ledger Co., 44 Elm Street, Springfield. Apply through our website.",
    "Work from home as a transcriptionist for Invented Voicebank. Typical earnings $12-$18 an hour depending on speed; no experience required, we train you.",
    "Remote bookkeeper, 3+ years of QuickBooks, $28/hr, Invented Accounts LLC. Video interview with our finance lead.",
    "Virtual assistant for Invented Studio LLC, 20 hours per week, $22/hr, flexible hours. We interview by video call. jobs@invented-studio.example",
    # sales with commission
    "Sales representative, base salary $42,000 plus commission, Invented Solar Inc., 12 Sun Road, Phoenix. No experience necessary, full training provided.",
    "Real estate agent trainee: commission-based income, licence course paid by Invented Realty. Office at 5 Harbor Plaza.",
    "Retail sales associate, £11.90 per hour plus 5% commission on sales, Invented Outfitters, Leeds.",
    # hospitals and teaching abroad
    "Staff nurse for Invented General Hospital, Dublin. Visa and flights paid by the employer; no fees are charged to candidates.",
    "ESL teacher in Japan with Invented Eikaiwa. Salary JPY 250,000 a month, work visa sponsored, flight reimbursed after 6 months.",
    "Mathematics teacher for an international school in Doha, QAR 14,000 a month, housing and annual flight provided by the school.",
    "Registered nurses for Invented Care Trust, UK. The Trust pays the visa fee and the Immigration Health Surcharge. Apply via our careers page.",
    # seasonal schemes and farm work
    "Seasonal farm workers for the UK Seasonal Worker scheme, £12.21 per hour, accommodation £60 a week. Workers pay no recruitment fees. Invented Fields Ltd, licensed operator.",
    "Fruit pickers in New Zealand under the RSE scheme, NZD 23.50 per hour; the employer pays half the airfare. Invented Orchards Ltd.",
    "Greenhouse workers, Ontario SAWP. The employer pays the LMIA fee and round-trip airfare. Invented Greenhouses Inc.",
    # hotels abroad
    "Housekeeping attendants for the Invented Marina Hotel, Dubai. AED 2,200 a month plus accommodation; the hotel pays the visa and ticket. No recruitment fees.",
    "Waiters for Invented Beach Resort, Maldives, USD 700 a month plus service charge, meals and accommodation.",
    "Front desk agent, Invented Grand Hotel, Kuala Lumpur, salary RM 3,000 plus service charge and staff meals.",
    "Room attendants for Invented Park Hotel, London, £12.60 per hour, 39 hours a week, free meals on duty.",
    "Kitchen porter, Invented Bistro, Edinburgh, £12.00 an hour, immediate start, tips shared.",
    # ordinary local jobs
    "Warehouse picker, Invented Depot, $18.25 per hour, no experience necessary, paid training, 40 hours per week.",
    "Dishwasher at Invented Diner, $16 an hour plus tips, walk-in interviews at 8 Main Street.",
    "Truck driver, CDL A, $29 per hour, home weekly. Invented Freight Inc., 300 Depot Road, Columbus.",
    "Nanny for Invented Family Care agency, $21 per hour, references required. Call our office.",
    "Accounts payable clerk: process vendor invoices and payments, Invented Supply Ltd, 3 years of experience.",
    "Bank teller: handle cash deposits and cheques for customers at the Invented Savings branch, paid training.",
    "Logistics clerk: receive shipments at our warehouse, repack returns and ship orders. Invented Parcel Co., 9 Dock Street.",
    "Mystery shopper for restaurants with Invented Insights Ltd: visit, dine, fill in a survey; meal reimbursed.",
    "Payroll specialist, Invented HR Services, salary and tax deductions processed monthly.",
    "Offshore process technician, 5 years of experience, USD 7,000 a month, rotation 28/28, Invented Offshore Ltd. The company pays the work visa.",
    # pay by the hour or day paid weekly, online teaching, commission, government fees, immediate starts
    "Customer service representative, work from home, $15/hr, paid weekly. Invented Staffing Inc.",
    "Remote chat support agent for Invented Telecom. Flexible hours, no experience needed, paid training. $14 an hour.",
    "Join Invented Delivery as a driver partner: flexible hours, earn up to $25 an hour, paid weekly. Apply in the app.",
    "Amazon-style warehouse associate at Invented Fulfillment, $19.50/hour, weekly pay, no experience required, start next week.",
    "Apply today! Invented Retail is hiring cashiers, $15 an hour, students welcome, flexible schedule.",
    "Graduate scheme at Invented Bank, salary £32,000, no experience needed, full training.",
    "Invented Cruises hires cabin stewards. The company pays flights, visa and medical; contracts of 8 months; salary USD 1,200 plus tips.",
    "Staff nurses needed in Saudi Arabia: SAR 9,000 a month, free housing, annual ticket, visa by the hospital. Invented Medical City.",
    "Teach English online from home with Invented Tutors: $18-$22 per hour, set your own schedule, bachelor's degree required.",
    "Au pair in the Netherlands with an Invented host family: pocket money €340 a month, room and board, visa through a licensed agency.",
    "Caregivers for Canada's Home Child Care Provider pilot; we help you with the application. Government processing fees are paid by the applicant to IRCC.",
    "Immediate start! Labourers needed on site in Leeds, £14 per hour, CSCS card required, weekly pay. Invented Build Ltd.",
    "Hotel receptionist in Dubai, AED 4,500 per month, accommodation, visa and ticket paid by Invented Hotels LLC.",
    "Commission-only sales: earn unlimited commission selling solar panels. Invented Energy, 4 Park Lane.",
    "Part-time brand ambassador, $20 per hour, flexible hours, students welcome. Invented Promotions LLC.",
    "Dubai: Invented Airline is hiring cabin crew. No fees at any stage. Open days in Almaty; bring your CV.",
    "Offshore catering crew, 2 weeks on / 2 weeks off, £120 a day, Invented Catering Ltd, Aberdeen office. Offshore survival certificate required (we pay for it).",
    "Remote data entry clerk, Invented Records Inc., $16/hour, 25 hours per week, apply on our careers site.",
    "Mystery shoppers for Invented Dining: visit restaurants, get your meal reimbursed plus $15 per visit.",
    "Truck drivers for Invented Haulage, Alberta, CAD 30 an hour, LMIA-approved; the employer pays all LMIA fees.",
]

"""Honest English job postings written the way job boards carry them, for the offer scan's precision.

INVENTED: every posting, firm, person, address, phone number, e-mail address and amount here was
written for this test set; none is copied from a real posting or names a real employer. The set
covers long corporate postings (about us, duties, requirements, benefits, equal-opportunity text),
pay written many ways, entry-level and gig work, staffing agencies, internships and honest jobs
abroad (cruise, hotel, offshore, nursing with an employer-paid visa).
"""

EEO = [
    "Northgate Analytics is an equal opportunity employer. All qualified applicants will receive "
    "consideration for employment without regard to race, color, religion, sex, sexual orientation, "
    "gender identity, national origin, disability, or protected veteran status.",
    "We are committed to building a diverse and inclusive workplace. We welcome applications from "
    "people of all backgrounds and do not discriminate on the basis of age, disability, gender, "
    "race, religion or belief, or any other protected characteristic.",
    "We provide reasonable accommodations to qualified individuals with disabilities. If you need "
    "an accommodation during the application process, please contact our recruiting team.",
    "This employer participates in E-Verify and will provide the federal government with your "
    "Form I-9 information to confirm that you are authorized to work in the U.S.",
    "Applicants must be authorized to work in the country of the position. Offers of employment are "
    "contingent on the successful completion of a background check and reference checks.",
    "Please note: we never ask candidates for money at any stage of our hiring process. We do not "
    "charge fees for applications, interviews, training or equipment. If someone asks you to pay, "
    "it is not us. Report it to our security team.",
]

APPLY = [
    "To apply, please submit your resume and a short cover letter through our careers page. "
    "Only shortlisted candidates will be contacted.",
    "Apply online via the Apply button below. Applications close on 31 January.",
    "Interested candidates should send their CV to the hiring manager. We review applications on "
    "a rolling basis.",
    "Click Apply to be considered. Our talent acquisition team will reach out within two weeks.",
]

_BODIES = [
    # 1 corporate analyst
    """Senior Data Analyst - Finance (Hybrid, Chicago IL)

About us: Northgate Analytics helps mid-sized retailers understand their customers. Founded in 2009, we now employ over 600 people across four offices and serve more than 300 clients in North America.

What you will do:
- Build and maintain dashboards that track revenue, margin and inventory for our finance partners
- Work with engineering to define data models and improve data quality
- Present findings to senior leadership every quarter
- Mentor two junior analysts

What we are looking for:
- 5+ years of experience in analytics or business intelligence
- Strong SQL and experience with Python or R
- Experience with Tableau, Looker or Power BI
- Excellent communication skills

Compensation: The base salary range for this position is $95,000 - $120,000 per year, plus an annual bonus of up to 10%. Actual pay depends on experience and location.

Benefits: medical, dental and vision insurance from day one; 401(k) with 4% company match; 20 days PTO plus 11 paid holidays; $1,500 annual learning budget; paid parental leave.""",
    # 2 warehouse associate
    """Warehouse Associate - Day and Night Shifts Available
Location: Reno, NV | Pay: $19.50/hr, $21.00/hr for nights | Full-time

Brightway Fulfillment is hiring warehouse associates at our Reno distribution center. No experience necessary - full paid training provided! Start dates every Monday.

Responsibilities:
- Pick, pack and ship customer orders using handheld scanners
- Load and unload trucks, lifting up to 50 lbs
- Keep work areas clean and safe

Requirements:
- Must be 18 years or older
- Able to stand and walk for 10-hour shifts
- High school diploma or GED preferred but not required

What we offer:
- Weekly pay every Friday, direct deposit
- Overtime available during peak season at time and a half
- Health benefits after 30 days
- Employee discount and free parking

A pre-employment drug screen and background check are required.""",
    # 3 RN abroad UK
    """Registered Nurses - NHS Trust, Manchester, United Kingdom (International Recruitment)

Our client, a large NHS Foundation Trust in Greater Manchester, is recruiting experienced Registered Nurses from overseas for its medical, surgical and elderly care wards.

The package:
- Band 5 salary of £28,407 - £34,581 per annum, rising to Band 6 with experience
- Visa sponsorship available: the Trust pays your Health and Care Worker visa fees and the Immigration Health Surcharge
- OSCE exam fees and NMC registration fees reimbursed by the employer
- Free flight to the UK and 8 weeks of free accommodation on arrival
- Relocation package of up to £3,000
- Full clinical induction and a dedicated pastoral support team

Requirements:
- Bachelor's degree or diploma in Nursing
- At least 12 months of post-registration experience
- IELTS 7.0 overall (writing 6.5) or OET grade B
- Passed the NMC Computer Based Test (CBT), or willing to take it; we will support you

Please note that Meridian Healthcare Recruitment never charges candidates any fees. All recruitment costs are paid by the hospital. We are a licensed recruitment agency listed on the NHS Employers ethical recruiters list.""",
    # 4 cruise ship
    """Assistant Waiter / Waitress - Cruise Ships (Caribbean and Mediterranean itineraries)

Oceanic Star Cruises is hiring hospitality crew for our fleet of six ships. Contracts are 8 months on board followed by 2 months of vacation.

Your role:
- Serve guests in the main dining room and buffet
- Set up and clean tables, polish silverware
- Support the waiter in providing excellent service

Requirements:
- Minimum 1 year of experience in a hotel or restaurant
- Good spoken English
- Must have a valid passport with at least 18 months validity
- Able to pass the seafarer medical (ENG1 or equivalent); we reimburse the cost after joining
- STCW basic safety training (the company arranges and pays for it before your first contract)

We offer:
- Monthly salary of USD 1,150 plus gratuities
- Free accommodation and meals on board, uniform provided
- Flights to and from the ship paid by the company
- Medical care on board

Oceanic Star Cruises and its official hiring partners never ask for payment for a job offer. Apply through our careers page only.""",
    # 5 software engineer remote
    """Backend Software Engineer (Remote - US or Canada)

Who we are: Lumen Ledger builds accounting software for small businesses. We are a fully distributed team of 140 people and have been remote-first since 2016.

The role: You will join our Payments team and own services that move millions of dollars every day. You will design APIs, write well-tested code in Go and Python, and take part in an on-call rotation (one week every two months).

You have:
- 4+ years of professional experience building backend systems
- Experience with PostgreSQL, Kafka or similar
- Comfort working asynchronously across time zones

Nice to have: experience with PCI-DSS, ledgers or fintech.

Compensation: $140,000 - $175,000 USD (US) or CA$150,000 - CA$185,000 (Canada), plus equity. We pay the same band regardless of city within a country.

Benefits: Work from home anywhere in the US or Canada; $2,000 home office stipend; fully paid health insurance for you and your dependents; 4 weeks vacation; annual team retreat.""",
    # 6 delivery driver gig
    """Delivery Drivers Wanted - Be Your Own Boss!

Zippa Courier is looking for independent delivery partners in the Phoenix metro area. Deliver groceries and packages on your own schedule with your own car.

How it works:
1. Download the Zippa Driver app and sign up
2. Upload your driver's license and proof of insurance
3. Pass a background check (we cover the cost)
4. Start accepting delivery requests

Earnings: Drivers typically earn $18-$25 per active hour including tips. Earnings vary with demand, time of day and distance. Get paid weekly, or cash out daily with Instant Pay.

Requirements:
- 21 years or older
- Valid driver's license and at least one year of driving experience
- Insured vehicle, 2005 or newer
- Smartphone (iOS or Android)

This is an independent contractor opportunity. You are responsible for your own fuel and vehicle costs.""",
    # 7 hotel abroad Dubai
    """Front Office Agent - 5-star Resort, Dubai, UAE

Palmcrest Hotels & Resorts is opening its second property on the Dubai coastline and is looking for Front Office Agents.

Responsibilities:
- Welcome guests and handle check-in and check-out
- Respond to guest requests and resolve complaints professionally
- Process payments and maintain accurate records in Opera PMS

Requirements:
- 2 years of front desk experience in an international hotel
- Fluent English; Arabic, Russian or Chinese is an advantage
- Hospitality diploma preferred

Package:
- Basic salary AED 4,000 per month plus service charge
- Shared staff accommodation and transportation provided
- Duty meals, uniform and laundry
- Employment visa, medical insurance and annual return ticket paid by the employer
- 30 days annual leave

Palmcrest does not charge any recruitment fees. All visa and travel costs are borne by the company, in line with UAE labour law. Apply via careers.palmcrest-hotels.example.""",
    # 8 sales OTE
    """Account Executive - SaaS Sales (London, hybrid 3 days in office)

OTE £65,000 - £75,000 (base £40,000 - £45,000 plus uncapped commission)

About Fieldnote: We build scheduling software for field service companies, used by over 4,000 businesses across the UK and Ireland. Backed by leading investors, we grew revenue 80% last year.

The role:
- Run the full sales cycle from discovery to close for mid-market accounts
- Work closely with SDRs and marketing on pipeline
- Consistently hit and exceed quarterly targets
- Keep Salesforce accurate and up to date

About you:
- 2+ years of closing experience in B2B SaaS
- Track record of hitting quota
- Curious, organised and resilient

Benefits: 25 days holiday plus bank holidays, private medical insurance, enhanced parental leave, cycle to work scheme, pension with 5% employer contribution, annual company trip.""",
]
_BODIES += [
    # 9
    """Customer Service Representative - Work From Home
$17/hr to start, raises at 90 days | Full-time, Monday to Friday

Harborline Insurance is hiring remote customer service representatives. You will answer inbound calls from policyholders, help with billing questions and update account details. No sales involved.

Requirements: high school diploma, 1 year of customer service experience, a quiet workspace and a reliable internet connection (25 Mbps or faster). We ship you a laptop, headset and monitor - you return them if you leave.

Paid training for the first three weeks. Benefits include health, dental, vision, 401(k) match and paid time off.""",
    # 10
    """Offshore Drilling Roustabout - North Sea (rotation 2 weeks on / 3 weeks off)

Caledon Offshore Services is recruiting roustabouts for platforms in the UK sector of the North Sea.

Responsibilities include general deck work, loading and unloading supply vessels, painting and maintenance, and assisting the crane operator and drill crew.

Essential: valid BOSIET/FOET and OGUK offshore medical, right to work in the UK, previous offshore or heavy industrial experience.

Day rate: £210 - £240 per day depending on experience. Helicopter travel from Aberdeen is arranged by the company. Background check and drug and alcohol testing are required.""",
    # 11
    """Graduate Trainee Accountant - Leeds
Salary: £26,000 plus ACA study support

Ashby & Crane is a top-30 accountancy firm with 14 offices. Our graduate programme offers you a fully funded ACA qualification with paid study leave and exam fees covered by the firm.

You will join our audit team, working on clients from owner-managed businesses to listed groups. You will learn to plan audits, test controls and talk to clients.

We are looking for graduates with a 2:1 degree in any subject and 112 UCAS points. Start date: September. Apply via our careers page by 15 March.""",
    # 12
    """Summer Internship - Marketing (Paid)

Greenhollow Foods is offering a 10-week paid summer internship in our Minneapolis headquarters. Interns earn $22/hr and work 40 hours per week.

You will support the brand team on product launches, analyze social media performance, and present a final project to our marketing leadership.

Who should apply: current undergraduate students majoring in marketing, business or communications, graduating in 2027 or 2028. Housing stipend of $2,500 available for students relocating from outside the Twin Cities.""",
    # 13
    """URGENT REQUIREMENT: Staff Nurse (ICU) - Riyadh, Saudi Arabia

A leading 500-bed tertiary hospital in Riyadh is urgently looking for ICU staff nurses. Interviews will be held online next week.

Qualifications: BSN, minimum 2 years of ICU experience in a tertiary hospital, valid license, BLS and ACLS.

Package: tax-free salary SAR 9,000 - 11,000 per month depending on experience, free furnished accommodation or housing allowance, free transportation, annual round-trip ticket, 42 days paid vacation, end-of-service benefits. The employer pays the visa, Saudi Council licensing (SCFHS) and Dataflow verification.

Zero placement fee - the hospital pays our agency. Crestview Manpower is licensed by the Department of Migrant Workers, license no. DMW-000-LB-00000-0000 (invented).""",
    # 14
    """Barista - Immediate Start
Rosemary & Bean, Brighton | £11.44 per hour + tips

We are a busy independent coffee shop looking for a friendly barista to join our small team. Immediate start available for the right person.

You will make great coffee, serve customers, keep the shop spotless and help with opening and closing. Experience is preferred but we will train the right person.

Part-time, 20-30 hours per week, including weekends. Free drinks on shift and a staff discount. Pop in with your CV or send it to hello@rosemaryandbean.example.""",
    # 15
    """Electrician (Journeyman) - Commercial Projects

Pay: $38 - $46 per hour DOE. Sign-on bonus of $2,500 paid after 90 days.

Keystone Electric has been serving the Denver area for over 35 years. We are looking for licensed journeyman electricians for commercial new construction and tenant improvements.

Requirements: valid Colorado journeyman license, 4+ years of commercial experience, own hand tools, reliable transportation, able to pass a drug screen.

Benefits: company-paid medical for employee, 401(k) with match, paid holidays, company truck for foremen, ongoing training.""",
    # 16
    """Recruiter's note

Hi all, I'm hiring for a Project Manager (construction) for one of my clients, a general contractor in Houston. Salary is $95-110k plus bonus and truck allowance. 7+ years running commercial projects of $10M or more. If you or someone you know is interested, please call or text me.

Dana Whitfield, Senior Recruiter, Bluepeak Staffing
(713) 555-0142""",
    # 17
    """Administrative Assistant (Temp to Perm)

Our client, a law firm in Midtown Manhattan, is looking for an administrative assistant to support three attorneys. This is a temp-to-perm assignment with an expected conversion after 90 days.

Duties: calendar management, document formatting, client billing entries in Elite, answering phones.

Requirements: 2+ years of admin experience, advanced Microsoft Word and Outlook, professional demeanor.

Pay rate: $28-$32/hr while on assignment; $60,000-$68,000 salary upon conversion. Weekly pay. Cobalt Staffing never charges candidates a fee for its services.""",
    # 18
    """Crew Member - Fast Food Restaurant

Now hiring for all shifts! No experience necessary - we provide full training. Flexible schedules that work around school.

Starting pay $15.00/hr. Free meals during shifts, tuition assistance after 6 months, and opportunities to grow into shift leader.

Apply in store or online in 10 minutes. Must be 16 or older.""",
    # 19
    """Mechanical Engineer II - Product Design

Orbis Medical Devices designs surgical instruments used in over 40 countries. We are seeking a mechanical engineer to join our R&D team in Irvine, California.

Responsibilities: design components in SolidWorks, run tolerance analysis, build and test prototypes, write design verification protocols in line with ISO 13485 and FDA design controls.

Qualifications: BS in Mechanical Engineering, 3-6 years of experience in medical devices or a regulated industry.

The anticipated salary range is $98,000 to $128,000. Relocation assistance is available for this position.""",
    # 20
    """Seasonal Ski Instructors - Whistler, Canada (December to April)

Alpenglow Mountain Resort is hiring certified ski and snowboard instructors for the winter season.

We offer: competitive wages starting at CA$19.50 per hour, free season pass, subsidised staff housing (CA$600/month), discounts on food and rentals, and free ongoing training toward your next certification level.

Requirements: CSIA/CASI Level 1 or higher (or equivalent international certification), and eligibility to work in Canada. International applicants must hold a valid working holiday visa (IEC); we cannot sponsor work permits for this role.""",
]
_BODIES += [
    """HGV Class 1 Driver - Nights
£17.50 per hour, overtime at £22. Weekly pay. Immediate start available.

Carter & Lowe Logistics is recruiting Class 1 drivers for trunking work between our Daventry hub and Scotland. Regular work, 4 on 4 off, modern fleet.

You will need: Class 1 licence with no more than 6 points, valid CPC and digital tachograph card, 1 year of experience. Full induction and assessment drive provided.""",
    """Home Care Aide - Flexible Hours

Comfort at Home Services is looking for caring people to support older adults in their homes in the Tampa Bay area. No experience necessary - we provide full paid training and certification.

Pay: $15 - $17 per hour, mileage reimbursement at $0.55/mile, weekly pay. Flexible hours: choose mornings, evenings or weekends.

Requirements: valid driver's license and insurance, reliable car, pass a Level 2 background check (fingerprinting paid by us). A caring attitude matters more than experience.""",
    """Chef de Partie - Boutique Hotel, Edinburgh

Salary £30,000 - £33,000 per annum plus tronc (approx. £3,000 a year). Straight shifts, 45 hours per week, live-out.

Our 2 AA Rosette restaurant serves seasonal Scottish produce. You will run your own section, prepare mise en place and help train commis chefs. Minimum 2 years in a quality kitchen. Meals on duty, 28 days holiday, staff rates across the group.""",
    """Teacher of English (ESL) - Seoul, South Korea

Hanbit Language Academy is recruiting native English-speaking teachers for a 12-month contract starting March.

Package: KRW 2,400,000 - 2,700,000 per month, free single furnished apartment, round-trip airfare reimbursed, E-2 visa sponsorship provided by the school, national health insurance and pension (50% paid by the school), severance of one month's pay on completion.

Requirements: bachelor's degree from an accredited university, citizen of the US, UK, Canada, Ireland, Australia, New Zealand or South Africa, clean national criminal background check (apostilled). TEFL certificate preferred.

Teaching hours are 30 per week, Monday to Friday. We do not charge placement fees.""",
    """Payroll Specialist

Ridgeview Health System is seeking a Payroll Specialist for its corporate office in Louisville, KY. You will process bi-weekly payroll for 3,200 employees, reconcile payroll accounts, and answer employee questions about pay and deductions.

Requirements: Associate's degree in accounting or equivalent experience, 3+ years of multi-state payroll in Workday or ADP, CPP certification a plus. Salary range $52,000 - $64,000.""",
    """Door-to-Door Solar Sales Representative

Earn $60,000 - $120,000 OTE! Base pay $18/hr plus commission on every installed system. Top reps earn over $150k.

SunForge Energy is growing in Texas and we need motivated people to talk to homeowners about solar. No experience? No problem - our two-week training program teaches you everything.

You must be comfortable working outdoors, have a valid driver's license and your own transportation, and be available afternoons, evenings and Saturdays. Background check required.""",
    """Registered Nurse - Travel Assignment (13 weeks), Portland OR

Specialty: Med-Surg. Shift: 3x12 nights. Start date: ASAP.

Weekly gross pay: $2,350 (includes taxable hourly rate and tax-free housing and meal stipends for those who qualify). Completion bonus, guaranteed hours, and day-one medical benefits.

Requirements: active RN license (Oregon or compact with endorsement), 2 years of recent acute care experience, BLS and ACLS. TrueNorth Travel Nursing covers your license reimbursement and credentialing costs.""",
    """Junior Graphic Designer

Pixelmoth Studio, a 12-person branding agency in Austin, is looking for a junior graphic designer with a great eye for typography.

You will create social media assets, presentation decks and packaging mockups, and work directly with our art director. Portfolio required - send a link with your application.

Salary: $48,000 - $55,000. Hybrid (2 days in office). Health insurance, unlimited PTO (we actually take it), and a yearly conference budget.""",
    """Fruit Pickers - Seasonal Work, New Zealand (Working Holiday)

Orchard Lane Harvest in Hawke's Bay is hiring pickers and packhouse staff for the apple season from February to May.

Pay: at least the NZ minimum wage of NZ$23.15 per hour, or piece rates where you can earn more. Paid weekly into a New Zealand bank account. Accommodation available on site in cabins at NZ$150 per week (optional).

You must hold a valid working holiday visa or another visa that allows seasonal work. Bring good boots, a hat and sunscreen. We never ask for money to secure a place.""",
    """IT Support Technician - Level 1

Location: Birmingham (on site) | Salary: £24,000 - £27,000 DOE | Permanent

Cobalt IT Services supports 180 small businesses across the Midlands. You will log and resolve support tickets, set up laptops and user accounts in Microsoft 365, and visit client sites when needed.

You will have a basic knowledge of Windows, networking and Active Directory, and a full UK driving licence. CompTIA A+ is desirable. Full training on our systems provided.""",
    """Deckhand - Superyacht (Mediterranean season)

A 55m private motor yacht based in Antibes is looking for a deckhand for the summer season with a possible permanent position.

Salary: EUR 2,800 - 3,200 per month depending on experience, plus tips. Food and accommodation on board. Flights at the start and end of the season are paid.

Must have: STCW Basic Safety, ENG1 medical, a valid passport and Schengen visa or EU passport, Powerboat Level 2. Previous yacht experience preferred. Non-smoker, no visible tattoos.

Contact: Captain's office via our crew agency, Azure Crew Placement. Crew never pay placement fees.""",
    """Medical Receptionist - Family Practice

Lakeside Family Medicine is looking for a friendly, organized receptionist. Check patients in and out, schedule appointments, verify insurance, and answer phones.

Requirements: 1 year of medical office experience preferred; knowledge of EHR systems (eClinicalWorks a plus). Monday - Friday, 8:00 am to 5:00 pm, no weekends.

Pay: $18 - $21 per hour based on experience. Benefits: health insurance, paid holidays, and PTO.""",
    """Product Manager - Mobile Apps

At Wayfinder Travel we help 12 million travellers plan trips every month. We are hiring a Product Manager to lead our iOS and Android booking experience.

You will own the roadmap, run experiments, and work with designers, engineers and data scientists. We expect 4+ years of product management experience with consumer mobile apps, strong analytical skills and clear writing.

Salary range: EUR 75,000 - 90,000 plus stock options. Based in Amsterdam; visa sponsorship and relocation support available for candidates moving from outside the EU (we use the Dutch highly skilled migrant scheme and pay all application costs).""",
    """Security Officer - Unarmed

Sentinel Guard Services is hiring unarmed security officers for corporate and retail sites in Atlanta. Full-time and part-time, all shifts.

Pay: $16 - $19/hr depending on site. Weekly pay. Must have a valid Georgia security license or be able to obtain one (we help with the training and reimburse the fee after 60 days). Must pass a background check and drug test. Uniform provided at no cost.""",
    """Cleaner - Office Cleaning, Evenings

Sparkle Commercial Cleaning needs reliable cleaners for offices in central Bristol, Monday to Friday 6pm - 9pm (15 hours per week).

Pay £11.60 per hour, paid weekly. All equipment and uniform provided. No experience needed, full training given. You must be able to show your right to work in the UK and provide two references.""",
    """Data Entry Clerk - Temporary (6 weeks)

Pinecrest Staffing has an immediate opening for a data entry clerk at a healthcare company in Columbus, OH. You will enter patient intake forms into the company's system with high accuracy.

Requirements: typing speed of 45+ WPM, attention to detail, basic Excel. On site only, Monday - Friday, 8 am - 4:30 pm.

Pay: $17/hr, paid weekly. Possibility of extension. Pinecrest does not charge applicants any fees.""",
    """Welder / Fabricator - 2nd Shift

Ironridge Manufacturing builds custom steel components for agriculture equipment. We are hiring experienced MIG welders for our second shift (3 pm - 11:30 pm) in Fargo, ND.

Pay: $24 - $30 per hour DOE plus $1.50/hr shift differential. $3,000 sign-on bonus (half at 30 days, half at 6 months). Must pass a welding test, read blueprints and use measuring tools. Safety glasses and gloves provided; $200 annual boot allowance.""",
    """Research Assistant - Clinical Trials

The Department of Neurology at a university medical center in Boston is hiring a full-time research assistant for a 2-year position on an NIH-funded study.

Duties: recruit and consent participants, collect data, maintain REDCap databases, and prepare IRB submissions.

Qualifications: bachelor's degree in psychology, neuroscience or related field; excellent organizational skills. Salary: $46,000 - $50,000 per year with full university benefits.""",
]
_BODIES += [
    """Housekeeping Room Attendant - Resort in Maldives

Coral Atoll Resort & Spa (5-star, 120 villas) is hiring experienced room attendants.

Package: USD 650 per month basic plus service charge (averaging USD 700 - 900 per month), free accommodation on the staff island, meals, uniform, medical insurance, work permit and flights paid by the resort, 30 days annual leave with a ticket home every year.

Requirements: 2 years in a 4 or 5-star hotel, good English, valid passport. Interviews via video call. The resort does not work with agents who charge candidates.""",
    """Operations Manager - Distribution Center

Salary: competitive, plus annual bonus and car allowance

Redwood Supply Co. is seeking an operations manager to lead a 250,000 sq ft distribution center in Memphis with a team of 180. You will own safety, productivity, cost and service metrics, and lead four shift managers.

You bring 7+ years of warehouse leadership, a Lean or Six Sigma background, and experience with WMS implementations. Relocation package available.""",
    """Nanny / Household Manager - Full-Time, Live-Out

A family in Greenwich, CT is seeking an experienced nanny for two children (ages 4 and 7). Monday - Friday, 7:30 am to 6:00 pm.

Duties: school drop-off and pickup, meal preparation for the children, homework help, children's laundry, planning activities.

Requirements: 5+ years of nanny experience with strong references, CPR/First Aid certification, clean driving record. Background check required. Pay: $30 - $35/hr on the books, guaranteed hours, 2 weeks paid vacation plus federal holidays, health insurance contribution.""",
    """Forklift Operator

Now hiring forklift operators at our cold storage facility in Allentown, PA! $21.50/hr + $2/hr freezer premium. Weekly pay, benefits day one.

Must have 1 year of sit-down or reach truck experience. We certify you on our equipment during paid orientation. Freezer gear provided. Apply today - interviews on the spot every Tuesday and Thursday, 9 am - 2 pm.""",
    """Pharmacist - Community Pharmacy

Wellspring Pharmacy is a family-owned group of 9 pharmacies in the Midwest. We are seeking a full-time pharmacist for our Cedar Rapids store.

Salary $128,000 - $140,000 plus a $10,000 sign-on bonus and student loan repayment assistance. PharmD and active Iowa license (or eligible) required. Flexible scheduling, no overnight shifts.""",
    """Software Developer - Graduate Scheme (Visa sponsorship available)

Kestrel Systems builds software for air traffic management. Our two-year graduate scheme rotates you through four teams.

Starting salary: £34,000, rising to £40,000 on completion. We are a licensed sponsor and can sponsor a Skilled Worker visa for graduates who need one; the company pays the visa application fee and the Immigration Skills Charge.

Requirements: a degree in computer science, maths, physics or engineering (2:1 or above expected), and some programming experience in any language. Security clearance (SC) will be required after joining.""",
    """Event Staff - Stadium Concessions

Join the team at Riverbend Stadium for the upcoming season! Cashiers, cooks and runners needed for home games and concerts.

Pay: $16/hr plus commission on sales for stand leads. Flexible - pick the events you want to work. Must be 18+ to serve alcohol. Food handler card required (we reimburse the $10 fee).

Free parking and a staff meal every shift.""",
    """Accounts Payable Clerk

Location: Dublin 2 | Salary: EUR 32,000 - 36,000 | Hybrid

Our client, a growing pharmaceutical company, is looking for an AP clerk to process supplier invoices, run payment runs, and reconcile supplier statements in SAP.

Requirements: 2 years of AP experience, strong Excel, accounting technician qualification an advantage. Benefits: pension, health insurance, bonus, 25 days annual leave.

Please send your CV to jobs@harcourtrecruitment.example or call Niamh on 01 555 0199.""",
    """Truck Driver - CDL A, Regional

Home every weekend! Earn $1,450 - $1,800 per week. Average $80,000 - $90,000 per year.

Bluestone Freight offers regional routes in the Southeast with no-touch freight and 2024 or newer trucks. Paid weekly via direct deposit. Medical, dental, vision and 401(k).

Requirements: Class A CDL, 12 months of verifiable OTR experience, clean MVR, pass DOT physical and drug screen. Orientation is paid and travel to orientation is covered.""",
    """Veterinary Technician

Happy Paws Animal Hospital in Raleigh is looking for a credentialed veterinary technician to join our AAHA-accredited practice. Duties include anesthesia monitoring, dental cleanings, lab work and client education.

Pay: $22 - $28/hr DOE, plus CE allowance of $1,000, uniform allowance, and pet care discounts. Four 10-hour shifts per week.""",
    """Marketing Coordinator (12-month maternity cover)

Heron Wealth is a financial advisory firm in Sydney. We are looking for a marketing coordinator to cover a 12-month parental leave.

You will manage our email newsletter and social channels, coordinate client events, and keep our website up to date in WordPress.

AUD 80,000 - 88,000 plus superannuation. Candidates must have full working rights in Australia.""",
    """Kitchen Porter - Live-in, Scottish Highlands

Salary: £12.00 per hour, 45 hours per week. Live-in accommodation available at £60 per week including meals and bills.

The Glenmoray Inn is a family-run hotel in a beautiful rural location. We are looking for a hard-working kitchen porter from April to October. No experience necessary, full training. Right to work in the UK required - we are unable to sponsor visas for this role.""",
    """Loan Officer - Mortgage

Commission only with a draw, OTE $90,000+

Summit Home Lending is looking for licensed mortgage loan officers (NMLS) to work purchase business from realtor referrals. We provide leads, a processing team, and marketing support.

Requirements: active NMLS license, 2+ years of origination experience. Compensation is a $3,000 monthly draw against commission for the first six months, then commission only at 100 bps. Remote or in our Scottsdale office.""",
    """Line Cook - Immediate Hire

Harbor Grill is hiring line cooks for our busy seafood restaurant. $18 - $22/hr depending on experience plus shared tips. Immediate start for the right candidate.

Requirements: 1 year of line experience, ServSafe food handler, able to work nights and weekends. Staff meal every shift, paid sick leave, health insurance after 60 days.

Call Chef Marco at (619) 555-0173 or stop by between 2 and 4 pm.""",
    """Construction Laborer - Australia (Employer Sponsored)

Hollis Civil, an infrastructure contractor in Western Australia, is recruiting experienced civil construction laborers for road and rail projects.

Pay: AUD 38 - 42 per hour on a 50-hour roster, overtime paid. Skills in Demand (subclass 482) visa sponsorship for qualified candidates: all visa and skills assessment costs are paid by Hollis Civil, as required by Australian law. We also provide 4 weeks of temporary accommodation and an airport pickup.

Requirements: 3+ years in civil construction, White Card (or able to obtain), competent English (IELTS 5.0 or equivalent).""",
    """Part-Time Tutor (Maths and Science) - Online

BrightPath Tutoring connects students aged 11 to 18 with qualified tutors. Work from home on your own schedule; most tutors teach 5 - 15 hours per week.

Pay: £22 - £30 per hour depending on subject and level. Paid monthly. You need a degree in a STEM subject, an enhanced DBS check (we pay for it), and a laptop with a webcam.""",
    """Bank Teller - Part-Time

First Prairie Bank is hiring a part-time teller (25 hours/week) for our Omaha branch. Process deposits and withdrawals, balance your cash drawer, and help customers with account questions.

Starting pay $17.50/hr. Cash handling experience preferred. Must pass a credit and criminal background check. Paid training, paid time off and a 401(k) with match even for part-time staff.""",
]
_BODIES += [
    """Sous Chef - Cruise Line (Alaska season)

Glacier Bay Expeditions operates small expedition ships in Alaska from May to September. We are hiring a sous chef for one of our 100-guest vessels.

Salary USD 4,200 per month, room and board on board, round-trip travel from Seattle paid by the company. Must have 3+ years of sous chef experience, ServSafe Manager certification, and a TWIC card (we reimburse the fee). US work authorization required.""",
    """Recruitment Consultant - Trainee

No experience necessary! Full training provided through our 12-week academy.

Harlow Talent is a specialist recruitment business in Manchester. As a trainee consultant you will find candidates, build relationships with clients and fill roles in the engineering sector.

Basic salary £25,000 plus uncapped commission (first-year OTE £35,000 - £40,000). Lunch clubs, incentive trips, early finish Fridays. We are looking for driven graduates or people from sales, hospitality or retail backgrounds.""",
    """Caregiver - Japan (Specified Skilled Worker program)

Sakura Care Corporation operates nursing homes in Osaka and is recruiting caregivers under Japan's Specified Skilled Worker (SSW) program.

Requirements: passed the SSW Care Skills Test and the Japanese Language Proficiency Test N4 or higher (or JFT-Basic), and the Care Japanese Language Test.

Conditions: monthly salary JPY 210,000 - 230,000, social insurance, company-arranged apartment (rent JPY 25,000 per month deducted from salary, as written in the contract), paid leave from 6 months. Visa application and airfare are paid by the employer. A registered support organization helps you with life in Japan at no cost to you.""",
    """Paralegal - Litigation

Whitman & Ostrowski LLP, a 60-attorney firm in Philadelphia, seeks an experienced litigation paralegal. Draft discovery, manage exhibits, prepare trial binders and e-file documents in state and federal courts.

Requirements: paralegal certificate or bachelor's degree, 3+ years of litigation experience. Salary $62,000 - $75,000 DOE, overtime eligible, excellent benefits.""",
    """Store Manager - Retail Pharmacy

We are looking for a Store Manager for our Bakersfield location. Lead a team of 25, drive sales, manage inventory and scheduling, and deliver a great customer experience.

Salary: $68,000 - $82,000 plus quarterly bonus. Three years of retail management experience required. Must be available to work weekends and holidays as the business requires.""",
    """Mining Haul Truck Operator - FIFO (Pilbara)

Redearth Resources is hiring haul truck operators for an iron ore mine in the Pilbara, WA. 2 weeks on / 1 week off, fly-in fly-out from Perth.

Pay: AUD 135,000 - 150,000 per year plus super. Flights from Perth, accommodation and meals on site are provided. Requirements: HR licence, 2 years of haul truck experience (CAT 793 or similar), pass pre-employment medical including drug and alcohol test. Australian citizens or permanent residents only.""",
    """Lifeguard - Summer 2027

City of Fairview Parks and Recreation is hiring lifeguards for outdoor pools. Pay $16.75 - $18.25/hr. Certification classes are offered free of charge to new hires who commit to the full season.

Must be 15 or older and pass a swim test. Flexible shifts, end-of-season bonus of $300.""",
    """Executive Assistant to the CEO

Atlas Robotics (Series B, 90 people) is looking for an executive assistant to support our CEO and leadership team in San Francisco.

You will manage complex calendars, plan board meetings and offsites, handle travel, and act as a trusted partner to the CEO.

Requirements: 5+ years supporting C-level executives in a fast-paced environment, impeccable discretion. Base salary $110,000 - $130,000 + equity + benefits. This is an onsite role, 4 days per week.""",
    """Warehouse Jobs - Hiring Event

Ridgeline Staffing is hosting a hiring event this Saturday for warehouse associates at three sites in Indianapolis. Pay $18 - $20/hr, weekly pay, overtime available. Immediate start - you can start Monday.

Bring two forms of ID. No resume needed. Ridgeline is an equal opportunity employer and never charges a fee for placement.""",
    """Clinical Psychologist

Evergreen Behavioral Health is hiring a licensed clinical psychologist (PhD or PsyD) for outpatient adult services. Mix of in-person and telehealth.

Salary: $115,000 - $135,000, plus productivity bonus, $3,000 CE allowance, malpractice insurance covered, and loan repayment eligibility (HPSA site).""",
    """Farm Worker - Dairy (H-2A)

Hillcrest Dairy in Wisconsin is hiring farm workers under the H-2A temporary agricultural program for 10 months.

Pay: $18.25 per hour (the current Adverse Effect Wage Rate), minimum 40 hours per week guaranteed. Free housing that meets federal standards, transportation to and from the housing, and reimbursement of inbound travel and visa costs after 50% of the contract, as required by the program. Tools and equipment are provided free.

Experience milking cows is preferred. Workers will never be charged recruitment fees. If any recruiter asks you for money, report it to the US Department of Labor.""",
    """Call Centre Agent - Cape Town (English)

Join Bluewave Contact Centre in Cape Town as a customer service agent supporting UK customers of an energy company.

Salary: R9,500 - R11,000 per month plus performance incentives. Transport allowance for night shifts. Matric required, excellent spoken and written English. Paid training for 3 weeks.""",
    """Dental Hygienist - Part-Time

Smile Studio Dental is seeking a registered dental hygienist for Tuesdays and Thursdays. $48 - $55/hr DOE. Modern practice with digital X-rays and intraoral scanners. Must have a current state license and CPR certification.""",
    """Gig: Event Photographer (Freelance)

We are a small events company in Toronto and need a freelance photographer for corporate events, typically weekday evenings. Rate: CA$75/hr, minimum 3 hours per booking. Must have your own professional equipment and a portfolio. Paid within 14 days of each event by e-transfer.""",
    """Hotel Night Auditor

The Beacon Hotel (220 rooms) in downtown Milwaukee is hiring a full-time night auditor. 11 pm - 7 am, 5 nights per week.

Responsibilities: balance daily transactions, run the end-of-day audit in the PMS, check in late arrivals and handle guest requests overnight.

$19/hr plus $1/hr overnight differential. Free parking, hotel discounts worldwide.""",
    """Technical Writer (Contract, 6 months)

Quarry Software is looking for a contract technical writer to document our REST APIs and developer SDKs. Fully remote, work from home, 30-40 hours per week.

Rate: $55 - $70/hr, paid via our contractor platform. Experience writing API docs, comfort with Git and Markdown required.""",
    """Maintenance Technician - Apartment Community

Willow Creek Apartments (312 units) needs a maintenance technician. HVAC, plumbing, electrical and make-ready work; on-call one week in four with an on-call stipend.

Pay: $22 - $27/hr DOE plus a 20% discount on rent at our community. EPA 608 certification preferred. Must have own hand tools and a valid driver's license.""",
]
_BODIES += [
    """Human Resources Generalist

About the company: Tallbridge Manufacturing has made precision hydraulic components in Ohio since 1962. Today we are 1,100 employees strong across three plants, and we are proud to have been named a Top Workplace five years running.

Position summary: The HR Generalist supports our Dayton plant (420 employees) across all areas of HR - employee relations, recruiting, onboarding, benefits administration, leave management and HR compliance.

Key responsibilities:
- Partner with supervisors on coaching, performance management and investigations
- Coordinate hiring for hourly production roles, including job fairs and interviews
- Administer FMLA, ADA and workers' compensation cases
- Run new hire orientation every Monday
- Maintain accurate records in UKG

Qualifications:
- Bachelor's degree in HR or related field, or equivalent experience
- 3+ years of HR generalist experience, preferably in manufacturing
- SHRM-CP or PHR preferred
- Bilingual English/Spanish a plus

Pay range: $60,000 - $72,000 annually, plus an annual profit-sharing bonus. Benefits include medical, dental and vision, HSA with company contribution, 401(k) with 6% match, tuition reimbursement up to $5,250 per year, and 3 weeks of PTO.""",
    """Cyber Security Analyst (SOC) - Shift Work

About us: Ravenwall Security provides managed detection and response to over 500 organisations in banking, healthcare and government. Our 24/7 Security Operations Centre in Belfast is growing.

What you'll do: monitor alerts in our SIEM, triage and investigate incidents, escalate to clients, and write clear incident reports. You'll work a 4-on-4-off shift pattern including nights, with a shift allowance of 15%.

What you'll need: 1-2 years in a SOC or IT operations role, understanding of networking, Windows and Linux logs, and a curious mind. Security+ or CySA+ desirable. Because of our government clients, you must be eligible for BPSS and SC clearance.

Salary: £32,000 - £38,000 plus shift allowance. Paid certifications, 27 days holiday, pension with 6% employer contribution, private healthcare.""",
    """Engineering Manager, Platform

Company: Tessellate is the collaboration platform used by 9,000 design teams. We are 300 people across Berlin, Lisbon and remote in the EU.

You will lead a team of 7 engineers building our internal developer platform: CI/CD, Kubernetes infrastructure and observability. You will hire, coach and grow engineers, set technical direction with the staff engineers, and make sure we ship reliably.

You have managed engineering teams for 2+ years, have a strong background in infrastructure or backend engineering, and care about developer experience.

Compensation: EUR 110,000 - 135,000 base plus stock options. Relocation package to Berlin or Lisbon including a relocation bonus, visa support for you and your family (EU Blue Card handled by our immigration partner at our cost), and a 2-month temporary apartment. 30 vacation days, EUR 1,000 yearly learning budget, mental health support.""",
    """Bus Driver - Trainee (We Pay for Your Licence)

Metro Valley Transit is recruiting trainee bus drivers. No experience necessary - we provide full paid training, including your PCV licence (worth over £3,000) at no cost to you.

While training you earn £12.20 per hour; once qualified, £14.85 per hour, rising to £15.90 after 12 months. Overtime and rest day working at time and a half.

Requirements: minimum age 21, a full UK car driving licence held for at least 1 year with no more than 6 points, good customer service skills. Free bus travel for you and your family, company pension, and a £1,000 welcome bonus after your first year.""",
    """Social Worker - Children's Services

Northfield County Council is seeking qualified social workers for its child protection teams. You will assess risk, lead child protection plans, and work with families, schools and police.

Salary: £37,938 - £44,428 plus a £2,000 market supplement. Recruitment and retention payment of £3,000 over two years. Flexible and hybrid working, 28 days annual leave rising to 33, Local Government Pension Scheme, and a dedicated support programme for newly qualified social workers.

Requirements: degree in social work, registration with Social Work England, and a full driving licence with access to a car (mileage paid). An enhanced DBS check is required for this post.""",
    """Procurement Specialist (Oil & Gas) - Abu Dhabi

Our client, an engineering contractor for offshore oil and gas projects, is seeking a Procurement Specialist for its Abu Dhabi office.

Responsibilities: prepare RFQs and technical-commercial evaluations, negotiate with vendors, issue purchase orders, and expedite deliveries for a major offshore package.

Requirements: engineering degree, 8+ years in EPC procurement, experience with SAP MM.

Package: AED 28,000 - 34,000 per month all-inclusive (tax-free), family status, annual flights, medical insurance and 30 days leave. Visa and all mobilization costs are paid by the employer.

Sandstone Talent is a recruitment consultancy licensed by the UAE Ministry of Human Resources and Emiratisation. We never charge candidates.""",
    """Warehouse Team Lead - Night Shift

Position: Team Lead, Inbound | Shift: Sunday - Wednesday, 6 pm - 4:30 am | Pay: $24.00/hr + $2.00 night differential

Who we are: Fleetway Parts distributes auto parts to 1,800 repair shops across the Southwest. Our Tucson DC ships 25,000 lines a night.

What you'll do: lead a team of 15 associates, assign work, coach for safety and accuracy, run shift start meetings, and solve problems with the operations manager.

What you need: 2+ years of warehouse experience including 1 year leading others; forklift certification (or get certified with us); basic computer skills.

Why Fleetway: weekly pay, medical, dental and vision from the first of the month after 30 days, 401(k), paid time off, and a clear path to supervisor.""",
    """Nurse (RN) - Ireland, HSE Hospital Group (Critical Skills Employment Permit)

We are recruiting Registered Nurses for public hospitals in the West of Ireland on behalf of the hospital group.

Salary: EUR 35,900 - 49,500 per year depending on experience, plus premium pay for nights, Sundays and public holidays. Critical Skills Employment Permit applied for and paid by the employer; NMBI registration fees and the Irish Aptitude Test or adaptation programme are reimbursed. Relocation support of up to EUR 1,500, and one month of free accommodation on arrival.

Requirements: Nursing degree, 1+ year of experience, IELTS 7.0 or OET B. We are here to help, free of charge, through every step. There is no fee at any stage.""",
]


def _posting(i: int, body: str) -> str:
    """Give a posting: the body, then the board's closing text (every so often none, as boards do)."""
    if "(619) 555" in body or "555-0142" in body or i % 7 == 6:
        return body
    return "\n\n".join((body, EEO[i % len(EEO)], APPLY[i % len(APPLY)]))


HONEST_POSTINGS = [_posting(i, body) for i, body in enumerate(_BODIES)]

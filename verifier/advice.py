"""One clear answer: the sentence of why, what to do next for this verdict and country, the help
lines, and only the list notices that bear on this answer. Computed once; every face renders it.

Keys added to a check result (none renamed): `why`, `advice` ([{code, text}]), `firm_country`,
`relevant_sources`, `notices_relevant`, `details`, `hotlines`, `checked_at_text`; and to each
match `phones_text`, `data_as_of_text`, `status_date_text`, `expires_on_text`, `licence_expired`.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable

import phonenumbers

from verifier.helplines import hotlines_for
from verifier.humanize import grouped_phone, human_date, human_time
from verifier.i18n import N_, translate
from verifier.verdict import EXPIRED_SUMMARY, LICENCE_OF_OTHER, VERDICTS

# The summary of each verdict says the verdict again ("Warning: …"); the page's heading already
# does, so the sentence of why under it drops that lead. A summary not listed here is shown whole.
WHY = {
    VERDICTS["warning"].summary: N_("{name} is on the list \u201c{list}\u201d published by {source}."),
    VERDICTS["licence_invalid"].summary: N_("{name} is listed as \u201c{status}\u201d by {source}."),
    EXPIRED_SUMMARY: N_("The licence of {name} expired on {expires} ({source})."),
    VERDICTS["phone_mismatch"].summary: N_("{name} is licensed, but this number is not one it publishes."),
    N_("Check the phone: this number is published by {name} ({source}), not by the agency named."):
        N_("This number is published by {name} ({source}), not by the agency named."),
    LICENCE_OF_OTHER: N_("The licence number given belongs to {other}, not to {name}."),
    VERDICTS["similar"].summary: N_("No record has exactly this name; the closest names on the lists are below."),
    VERDICTS["not_found"].summary: N_("Nothing on the {count} lists we hold matches this query. Many illegal "
                                      "recruiters are on no list at all: not found does not mean safe."),
}
# Legal forms and phone codes that say which country a firm is in, when no record does.
FORMS = ((re.compile(r"(?i)(?<![\w])(тоо|too|ип|ао|жшс|llp|бин|bin)(?![\w])"), "KZ"),
         (re.compile(r"(?i)(?<![\w])(mchj|мчж|xk)(?![\w])"), "UZ"),
         (re.compile(r"(?i)(?<![\w])(ooo|ооо)(?![\w])"), "RU"),
         (re.compile(r"(?i)(?<![\w])(inc|corp|corporation|opc)(?![\w.])"), "PH"),
         (re.compile(r"(?i)(?<![\w])(limited|ltd)(?![\w.])"), "HK"))
# Reasons that restate a record card, or a line the page shows once anyway (by their msgid).
STANDING_REASONS = frozenset({
    N_("No record on the lists we hold matches this query."),
    N_("Many illegal recruiters are on no list at all: not found does not mean safe."),
    N_("Lists searched: {lists}."),
    N_("This looks like a job offer: check the whole text on the offer page."),
})


def firm_country(result: dict, region: str) -> str:
    """Return the country the firm checked is in: its records', else its legal form's or phone's."""
    strong = [m["country"] for m in result["matches"] if m.get("same") or m["matched_on"] != ["name"]]
    if strong and strong[0]:
        return strong[0].upper()
    name = result["parsed"]["name"]
    for pattern, country in FORMS:
        if name and pattern.search(name):
            return country
    for phone in result["parsed"]["phones"]:
        try:
            found = phonenumbers.region_code_for_number(phonenumbers.parse(phone, region))
        except phonenumbers.NumberParseException:
            continue
        if found:
            return found
    return ""


def relevant_sources(result: dict, country: str) -> list[str]:
    """Return the ids of the lists this answer rests on: those matched, else those of the firm's
    country (every list when the country is not known)."""
    matched = list(dict.fromkeys(m["source"] for m in result["matches"]))
    if matched and result["verdict"] not in ("not_found", "similar"):
        return matched
    searched = result["sources_searched"]
    own = [s["id"] for s in searched if country and (s.get("country") or "").upper() == country]
    return list(dict.fromkeys(matched + (own or ([] if country else [s["id"] for s in searched]))))


# What to do next, per verdict (and per country for a firm not found). Each text is one msgid;
# {publisher}, {list}, {phones} come from the deciding record.
ADVICE = {
    "licensed_confirm": N_("Call the agency only on a number its licence record gives ({phones}) and ask "
                           "whether this job offer is theirs: swindlers use licensed agencies' names."),
    "licensed_confirm_no_phone": N_("The licence record gives no phone number: ask {publisher} whether this "
                                    "agency is recruiting for the job you were offered."),
    "no_fees": N_("Do not pay any fee to get the job. Workers should not pay recruitment fees."),
    "passport": N_("Never hand over your passport or ID card to anyone, not even \u201cfor registration\u201d."),
    "contract": N_("Get a written contract in a language you read before you leave, and keep a copy."),
    "kz_sham_company": N_("What this list is: the tax authority of Kazakhstan lists firms found to be sham "
                          "companies (лжепредприятие) \u2014 registered without real business, "
                          "usually to issue false invoices. It is a tax list, not a list of recruiters: it does not "
                          "say what the firm does now, but a job offer from it should not be trusted."),
    "warning_list": N_("What this list is: \u201c{list}\u201d, published by {publisher}. Being on it means the "
                       "publisher warns about this firm: read why on the source before any contact."),
    "do_not_deal": N_("Do not pay, sign anything or hand over documents. Call a help line below first."),
    "invalid_report": N_("This agency may not recruit now. Do not pay it or hand over documents; if it still "
                         "offers jobs, report it to {publisher}."),
    "phone_call_published": N_("Swindlers use licensed agencies' names with their own phones. Call the agency "
                               "on a number its record gives ({phones}) and ask whether this offer is theirs."),
    "similar_exact_name": N_("Ask the recruiter for the exact registered name and its licence or registration "
                             "number, and check again: a name one letter off a licensed agency's is a common trick."),
    "not_found_kz": N_("To confirm a Kazakh firm (ТОО, ИП, АО), ask for its BIN "
                       "(12 digits) and look it up on the e-government portal egov.kz: it shows whether the firm is "
                       "registered, since when and where. A registered firm is not yet a proven recruiter."),
    "not_found_ph": N_("To confirm a Philippine agency, look it up on the DMW site (dmw.gov.ph): an agency "
                       "that sends workers abroad must hold a DMW licence."),
    "not_found_hk": N_("To confirm a Hong Kong agency, search the Labour Department's register of licensed "
                       "employment agencies (eaa.labour.gov.hk): every employment agency there needs a licence."),
    "not_found_other": N_("Ask the firm which country licenses it and for its licence number, and check it with "
                          "that country's labour ministry before you pay or sign anything."),
}
PLAN = {
    "licensed": ("licensed_confirm", "no_fees", "contract"),
    "warning": ("warning_list", "do_not_deal"),
    "licence_invalid": ("invalid_report", "passport"),
    "phone_mismatch": ("phone_call_published", "no_fees"),
    "similar": ("similar_exact_name", "no_fees", "passport"),
    "not_found": ("not_found_other", "no_fees", "passport"),
}
SHAM_COMPANY = "False enterprise (лжепредприятие)"  # KGD's list of sham companies, as the records store it
NOT_FOUND_BY_COUNTRY = {"KZ": "not_found_kz", "PH": "not_found_ph", "HK": "not_found_hk"}


def advice_codes(result: dict, country: str) -> list[str]:
    """Return the codes of what to do next for this verdict, the firm's country and list."""
    codes = list(PLAN.get(result["verdict"], PLAN["not_found"]))
    top = result["matches"][0] if result["matches"] else {}
    if codes[0] == "warning_list" and top.get("status") == SHAM_COMPANY:
        codes[0] = "kz_sham_company"
    if codes[0] == "licensed_confirm" and not top.get("phones"):
        codes[0] = "licensed_confirm_no_phone"
    if result["verdict"] in ("not_found", "similar") and country in NOT_FOUND_BY_COUNTRY:
        codes.insert(1 if result["verdict"] == "similar" else 0, NOT_FOUND_BY_COUNTRY[country])
        if result["verdict"] == "not_found":
            codes.remove("not_found_other")
    return codes


def advice_items(result: dict, codes: list[str], lang: str, list_name: str) -> list[dict]:
    """Return what to do next as {code, text}, the texts in the reader's language."""
    top = result["matches"][0] if result["matches"] else {}
    params = {"publisher": top.get("source_name", ""), "list": list_name,
              "phones": ", ".join(grouped_phone(p) for p in top.get("phones") or ())}
    return [{"code": code, "text": translate(lang, ADVICE[code], params)} for code in codes]


def details(result: dict, reasons: list[tuple[str, dict]], tr: Callable[[str, dict], str]) -> list[str]:
    """Return the reasons that add to the record cards (a phone published by another record, the
    numbers an agency publishes, what official notices add); those restating a card or a standing
    line (lists searched, not found is not safe) are left out."""
    grouped = [(m, {**p, "phones": ", ".join(grouped_phone(x) for x in p["phones"].split(", "))} if "phones" in p else p)
               for m, p in reasons]
    kept = [tr(m, p) for m, p in grouped if m not in STANDING_REASONS and not ({"how", "score"} & set(p))]
    own = {tr(m, p) for m, p in reasons}
    lang = result["lang"]
    lists = translate(lang, N_("Lists searched: {lists}.")).split("{lists}")[0]
    offer = translate(lang, N_("This looks like a job offer: check the whole text on the offer page."))
    added = [r for r in result["reasons"] if r not in own and r != offer and not r.startswith(lists)]
    return kept + added


def stale_notice(src: dict, lang: str) -> str:
    """Return the line naming an out-of-date or failing list, its date in the reader's words."""
    params = {"name": src["publisher"], "date": human_date(src["data_as_of"], lang) or "\u2014"}
    if src["health"] == "failed":
        return translate(lang, N_("{name}: the last update failed; data as of {date} \u2014 may be out of date."), params)
    return translate(lang, N_("{name} last updated {date} \u2014 may be out of date."), params)


def match_for_people(m: dict, lang: str) -> dict:
    """Return keys to add to a match: its phones grouped, its dates as the reader writes them,
    and whether its licence is past its expiry."""
    return {"phones_text": [grouped_phone(p) for p in m.get("phones") or ()],
            "data_as_of_text": human_date(m.get("data_as_of"), lang),
            "status_date_text": human_date(m.get("status_date"), lang),
            "expires_on_text": human_date(m.get("expires_on"), lang),
            "licence_expired": bool(m.get("expires_on")) and m["expires_on"] < date.today().isoformat()}


def answer_parts(result: dict, summary: tuple[str, dict], reasons: list[tuple[str, dict]],
                 tr: Callable[[str, dict], str], region: str, tz: str) -> dict:
    """Return the keys of one clear answer to add to a check result (see the module's docstring)."""
    lang = result["lang"]
    country = firm_country(result, region)
    names = {s["id"]: s["name"] for s in result["sources_searched"]}
    top = result["matches"][0] if result["matches"] else {}
    list_name = names.get(top.get("source"), "")
    message, params = summary
    why = tr(WHY.get(message, message), {**params, "list": list_name, "count": len(names),
                                         "expires": human_date(params.get("expires"), lang)})
    relevant = relevant_sources(result, country)
    notices = [stale_notice(s, lang) for s in result["stale"] if s["id"] in relevant]
    for m in result["matches"]:
        m.update(match_for_people(m, lang))
    return {"why": why, "firm_country": country or None,
            "advice": advice_items(result, advice_codes(result, country), lang, list_name),
            "relevant_sources": relevant, "notices_relevant": notices,
            "details": details(result, reasons, tr),
            "hotlines": hotlines_for(lang, region, [country] if country else []),
            "checked_at_text": human_time(result["checked_at"], tz, lang)}

"""How stored values are shown to a reader: local times, source words, status and number labels.

Sources store their publisher, name and note in English; that English text is the msgid, so a
page translates it when shown (the catalogues carry the built-in sources' words).
"""
from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import Flask, current_app
from flask_babel import get_locale, gettext, lazy_gettext as _l

from verifier import DEFAULT_TIMEZONE
from verifier.humanize import grouped_phone, human_date as _human_date, human_time
from verifier.i18n import N_, pick_language

NUMBER_LABELS = {
    "licence": _l("Licence number"),
    "bin": _l("BIN (business identification number)"),
    "registration": _l("Registration or licence number"),
}
# The English words the built-in sources store (publisher, name, note, KGD's list names, the NGO
# list's statuses), listed so that `pybabel extract` keeps them in the catalogues;
# tests/web/test_i18n.py checks that every built-in source's words are here.
SOURCE_WORDS = (
    N_("Department of Migrant Workers (DMW), Philippines"),
    N_("Labour Department, Employment Agencies Administration, Hong Kong"),
    N_("State Revenue Committee (КГД), Ministry of Finance, Kazakhstan"),
    N_("The NGO running this check"),
    N_("Licensed recruitment agencies (land-based)"),
    N_("Licensed employment agencies"),
    N_("Unreliable taxpayers: false enterprises (лжепредприятия)"),
    N_("NGO warning list"),
    N_("DMW publishes no licence numbers. Report illegal recruitment: DMW hotline 1348."),
    N_("No live crawler yet: the EAA search pages have no saved copy to build one against. "
       "Data comes from a saved CSV of the register (one row per office). "
       "Confirm a licence on the EAA site before relying on it."),
    N_("A tax-authority list of firms found to be sham enterprises; not a recruitment licence list."),
    N_("Agencies reported to the NGO's hotline and checked by its staff."),
    N_("False enterprise (лжепредприятие)"),
    N_("Inactive taxpayer"),
    N_("Not at registered address"),
    N_("Bankrupt"),
    N_("Registration declared invalid"),
    N_("Tax code violation"),
    N_("Tax arrears over 150 MCI"),
    N_("listed"),
    N_("removed"),
    N_("Official notices naming recruitment agencies"),
    N_("Ministries, migration services and courts (Kyrgyzstan, Uzbekistan, Tajikistan), as reported in the news"),
    N_("Each line is one event an authority announced (a permit suspended, reinstated or refused, "
       "a licence revoked, a conviction), with its date, link and words. The latest event is "
       "shown as the status; none of them says what holds today: confirm with the ministry."),
    N_("Official notices added by staff"),
    N_("Official notices recorded by the NGO's staff"),
    N_("Notices an authority published about an agency, added by one staff member and "
       "approved by another; each links to its page."),
)
# DMW's own status words, so that a page says them in the reader's language (the bracket after
# the group word: "действует (действующая лицензия)").
DMW_STATUS_WORDS = (
    N_("Valid License"), N_("Valid License - Provisional"), N_("Valid License - Full"),
    N_("VALID LICENSE (EXTENDED)"), N_("Cancelled"), N_("Delisted"), N_("Expired"), N_("Forever Banned"),
    N_("Inactive"), N_("Denied Renewal"), N_("Suspended"), N_("Revoked"), N_("Ceased Operations"),
    N_("Ceased Operation"), N_("Suspended (Document Processing)"), N_("Documentary Processing Suspended"),
    N_("Cash Bond Withdrawn"), N_("Suspended or Fined"), N_("Preventive Suspension"),
)
# Sources whose `licence_number` holds a company's registration number, not a licence.


def zone() -> ZoneInfo:
    """Give the configured time zone (VERIFIER_TIMEZONE, Asia/Almaty by default)."""
    try:
        return ZoneInfo(current_app.config.get("VERIFIER_TIMEZONE") or DEFAULT_TIMEZONE)
    except (KeyError, ValueError, OSError):
        return ZoneInfo("UTC")


def local_time(stamp: str | None) -> str:
    """Give an ISO time in the configured zone with its offset, "2026-11-30 08:15 (UTC+05:00)".

    A bare date is shown as it is; a time without an offset is read as UTC.
    """
    if not stamp or len(stamp) <= 10:
        return stamp or ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(zone())
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def reader_lang() -> str:
    """Give the request's language (as locale.current_lang; read here so that locale, which
    registers these filters, is not imported back)."""
    return pick_language(str(get_locale() or ""))


def human_date(stamp: str | None) -> str:
    """Give an ISO date in the reader's words ("14 сентября 2026 г.")."""
    return _human_date(stamp, reader_lang())


def human_local_time(stamp: str | None) -> str:
    """Give an ISO time in the configured zone, in the reader's words, with its offset."""
    return human_time(stamp, zone(), reader_lang())


def today_iso() -> str:
    """Give today's date in the configured zone, ISO (to tell a past expiry from a coming one)."""
    return datetime.now(zone()).date().isoformat()


def host(url: str | None) -> str:
    """Give the site name of a web address (its host without www.), for a short source link."""
    name = urlsplit(url or "").netloc
    return name[4:] if name.startswith("www.") else name


def source_text(text: str | None) -> str:
    """Give a source's stored English words (publisher, name, note) in the reader's language."""
    return gettext(text) if text else ""


def number_kind(record: dict) -> str:
    """Give which number a record's licence_number is: a licence, a BIN, or either (warning lists)."""
    return record.get("licence_label") or ("registration" if record.get("list_kind") == "warning" else "licence")


def number_label(record: dict) -> str:
    """Give the translated label of a record's licence_number field."""
    return str(NUMBER_LABELS[number_kind(record)])


def status_text(record: dict, groups: dict) -> str:
    """Give a status as the reader's word for its group, then the registry's own wording in brackets.

    A stored status that the catalogues know (KGD's list names, the NGO list's words) is
    translated too; a registry's own word ("Cancelled") is shown as published.
    """
    words = str(groups.get(record.get("status_group"), record.get("status_group") or ""))
    status = gettext(record["status"]) if record.get("status") else ""
    return f"{words} ({status})" if status and status.lower() != words.lower() else words


OTHER_FIRM = _l("A different firm with a similar name")


def other_firm(match: dict) -> bool:
    """Tell whether a match is shown only as a similar name: alike, but not identified as the firm
    asked about (by its whole name, a phone it publishes or its licence number)."""
    return not match.get("identifies", True) and not {"phone", "licence"} & set(match.get("matched_on", ()))


def tag_class(match: dict) -> str:
    """Give a match's status tag class: its status group, or a neutral one for a different firm."""
    return "other-firm" if other_firm(match) else match.get("status_group") or ""


def init_app(app: Flask) -> None:
    """Register the filters and helpers with the app's templates."""
    app.add_template_filter(local_time)
    app.add_template_filter(source_text)
    app.add_template_filter(human_date)
    app.add_template_filter(human_local_time)
    app.add_template_filter(grouped_phone)
    app.add_template_filter(host)
    app.add_template_global(today_iso)
    app.add_template_global(number_label)
    app.add_template_global(number_kind)
    app.add_template_global(status_text)
    app.add_template_global(other_firm)
    app.add_template_global(tag_class)
    app.add_template_global(OTHER_FIRM, "OTHER_FIRM")

"""The bot's words: check and scan results as chat text, help, hotlines, and splitting long answers.

Plain text (no markup to escape), every word from the catalogues (kk, ru, uz, en) or the scan's
rule texts; the pieces a terminal also prints come from verifier.result_text.
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

from verifier.i18n import N_, translate
from verifier.result_text import (RISK_SYMBOLS, destination_lines, entity_text, help_line_text, match_text,
                                  searched_text, t)
from verifier.verdict import RISK_LABELS

MAX_MESSAGE = 4096  # Telegram's limit per message, counted here in UTF-16 units (never fewer than its own)
SEPARATORS = ("\n\n", "\n", " ")
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "uz": "O‘zbekcha", "en": "English"}

EMPTY = N_("Send the text of the job offer, or the agency's name, phone number or BIN.")
TOO_LONG = N_("The message is too long: at most %(max)s characters. Send the part with the offer and "
              "the agency's contacts.")
NOT_LOADED = N_("The lists are not loaded just now, so no verdict can be given: this says nothing about "
                "the agency. Please try again later.")
RATE_USER = N_("Too many messages. Please wait a minute, then send again.")
RATE_GLOBAL = N_("The bot is busy just now. Please try again in a minute.")
FAILED = N_("Something went wrong. Please try again.")
TEXT_ONLY = N_("I read text only: forward the message with its text, or type the agency's name, phone "
               "number or BIN.")
GONE = N_("I cannot see that message any more: send it again.")
LANG_SET = N_("Language: English.")
LANG_CHOOSE = N_("Choose a language:")
REPORT_LINK = N_("Report an agency to the NGO on the site's form (nothing is sent until you submit it):")
REPORT_NONE = N_("The report form's address is not set up for this bot. Call the hotline instead.")
BUTTON_SCAN, BUTTON_CHECK, BUTTON_REPORT = N_("Scan as an offer"), N_("Check as a name"), N_("Report this agency")
COMMANDS = {"start": N_("What this bot does"), "help": N_("How to use it"), "lang": N_("Change the language"),
            "hotline": N_("Where to get help"), "report": N_("Report an agency")}
HELP = (
    N_("I check job offers and recruitment agencies."),
    N_("• Forward or paste a job offer: I look for warning signs and check every agency, phone number and "
       "licence number in it."),
    N_("• Send an agency's name, phone number or BIN: I look it up in licence registries and warning lists."),
    N_("• In a group, mention me or reply to my message."),
    N_("This is an independent check, not an official registry. Not found does not mean safe."),
    N_("Nothing you send is stored: messages are read, answered and forgotten. Only the number of checks per "
       "day is counted, and the language you choose is kept in memory."),
    N_("/lang — language, /hotline — where to get help, /report — report an agency."),
)


def help_text(lang: str) -> str:
    """Give the answer to /start and /help."""
    return "\n\n".join(translate(lang, line) for line in HELP)


def hotline_lines(hotlines, lang: str) -> list[str]:
    """Give the NGO hotlines, each with the date its number was last confirmed (or that it was not)."""
    lines = [t(lang, N_("Ask for help")) + ":"]
    for line in hotlines:
        when = (t(lang, N_("number last confirmed %(date)s"), date=line["confirmed"]) if line.get("confirmed")
                else t(lang, N_("number not yet confirmed")))
        lines.append(f"☎ {line['name']}: {line['phone']} ({when})")
    return lines


def _one_line(text: str) -> str:
    """Give text with its runs of white space (line breaks too) made single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def check_text(r: dict, hotlines=()) -> str:
    """Give a check result as a chat answer, as the result page reads: the answer and why, how the
    text was read, what bears on it, the records, what to do next and who to call, the lists."""
    lang = r["lang"]
    blocks = [[f"{RISK_SYMBOLS[r['risk']]} {r['verdict_label']} — {t(lang, RISK_LABELS[r['risk']])}",
               r.get("why") or r["summary"]]]
    blocks[0] += [r["read_as"]] if r.get("read_as") else []
    notices = r.get("notices_relevant", r.get("notices")) or ()
    blocks.append([f"⚠ {notice}" for notice in notices] + [f"– {line}" for line in r.get("details", r["reasons"])])
    if r["matches"]:
        blocks.append([translate(lang, N_("Records found")) + ":"] + [f"• {match_text(m, lang)}" for m in r["matches"]])
    advice = [f"→ {item['text']}" for item in r.get("advice") or ()]
    blocks.append([translate(lang, N_("What to do next")) + ":", *advice] if advice else [])
    help_lines = [f"☎ {help_line_text(x, lang)}" for x in r.get("hotlines") or () if x["numbers"]]
    if hotlines:
        blocks.append(hotline_lines(hotlines, lang) + help_lines)  # the NGO's own lines open the block
    elif help_lines:
        blocks.append([translate(lang, N_("Ask for help")) + ":", *help_lines])
    checked = r.get("checked_at_text") or r["checked_at"]
    blocks.append([searched_text(r, lang), t(lang, N_("Checked at %(time)s."), time=checked)])
    blocks.append([r["disclaimer"]])
    return "\n\n".join("\n".join(b) for b in blocks if b)


def _entity_line(e: dict, lang: str) -> str:
    """Give one agency, phone or licence of an offer with its check's verdict."""
    res = e.get("result")
    if not res:
        return f"• {entity_text(e, lang)} — {translate(lang, N_('not checked'))}"
    return f"• {entity_text(e, lang)} → {RISK_SYMBOLS[res['risk']]} {res['verdict_label']}: {res['summary']}"


def scan_text(r: dict, hotlines=()) -> str:
    """Give an offer scan as a chat answer: risk, each flag with its quote, what it names, where to confirm."""
    lang = r["lang"]
    blocks = [[f"{RISK_SYMBOLS[r['risk']]} {r['summary']}"]]
    flags = [f"⚠️ {f['label']}: «{_one_line(f['quote'])}»\n{f['advice']}" for f in r["flags"]]
    heading = f"{translate(lang, N_('Warning signs'))} ({len(r['flags'])}):"
    blocks.append([heading, *flags] if flags else [t(lang, N_(
        "No warning signs found in the text. That alone does not make the offer safe."))])
    named = [_entity_line(e, lang) for e in r["entities"] if e["kind"] in ("agency", "phone", "licence")]
    blocks.append([translate(lang, N_("Named in the offer")) + ":", *named] if named else [])
    blocks.append(destination_lines(r["destination"], lang) if r.get("destination") else [])
    blocks.append(hotline_lines(hotlines, lang) if hotlines else [])
    blocks.append([r["disclaimer"]] + ([t(lang, N_("Data as of %(date)s."), date=r["data_as_of"])]
                                       if r.get("data_as_of") else []))
    return "\n\n".join("\n".join(b) for b in blocks if b)


def report_url(public_url: str, lang: str, name: str = "", phone: str = "") -> str:
    """Give the site's report form prefilled with a name and phone (empty when no site is configured)."""
    if not public_url:
        return ""
    fields = {k: v for k, v in (("name", name[:200]), ("phone", phone[:40]), ("lang", lang)) if v}
    return f"{public_url}/report?{urlencode(fields)}"


def utf16_len(text: str) -> int:
    """Give the length of text in UTF-16 code units (how Telegram measures)."""
    return len(text.encode("utf-16-le")) // 2


def _hard_cut(text: str, limit: int) -> list[str]:
    """Give a text without any break point cut into pieces of at most `limit` UTF-16 units."""
    pieces, current, size = [], [], 0
    for ch in text:
        width = 2 if ord(ch) > 0xFFFF else 1
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += width
    return pieces + ["".join(current)]


def split_message(text: str, limit: int = MAX_MESSAGE, seps: tuple[str, ...] = SEPARATORS) -> list[str]:
    """Give the text as messages within the limit, cut between paragraphs, else lines, else words.

    Only a single word longer than a whole message is ever cut inside.
    """
    if utf16_len(text) <= limit:
        return [text.strip()] if text.strip() else []
    if not seps:
        return _hard_cut(text, limit)
    sep, chunks, current = seps[0], [], ""
    for part in text.split(sep):
        joined = f"{current}{sep}{part}" if current else part
        if utf16_len(joined) <= limit:
            current = joined
            continue
        if current.strip():
            chunks.append(current.strip())
        *done, current = split_message(part, limit, seps[1:]) or [""]
        chunks += done
    return chunks + ([current.strip()] if current.strip() else [])

"""Every word in the reader's language: no English UI string on a ru or kk result or record page.

The English strings are every msgid of the catalogue (the pieces between its placeholders), so
a new English word on these pages fails here as soon as it is in the catalogue.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

import pytest
from playwright.sync_api import expect
from babel.messages.pofile import read_po

from support import ROOT

QUERIES = {"dmw_cancelled": "3 JS Global Recruitment Agency", "kgd_warning": "TOO Dymka"}
# Not UI words: names configured for the hotline, which are proper names, and the language menu,
# which names each language in itself ("English"; the bot's "Language: English." made it a piece).
ALLOWED = ("Sana Sezim (Shymkent)", "English")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


@lru_cache(maxsize=4)
def english_strings(lang: str) -> frozenset[str]:
    """Give the English pieces of every msgid translated in this language's catalogue."""
    with open(ROOT / "verifier" / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalog = read_po(fh)
    pieces = set()
    for message in catalog:
        if not message.id or not message.string or message.string == message.id:
            continue
        for piece in PLACEHOLDER.split(message.id if isinstance(message.id, str) else message.id[0]):
            # The Latin runs between placeholders ("State Revenue Committee (КГД), Ministry…" gives two).
            for run in re.findall(r"[A-Za-z][A-Za-z ,'’/&-]*[A-Za-z]|[A-Za-z]{4,}", piece):
                if re.search(r"[A-Za-z]{4,}", run):
                    pieces.add(run.strip(" ,"))
    return frozenset(pieces)


def visible_text(page) -> str:
    """Give the page's visible text, title and accessible names, one string."""
    return page.evaluate("""() => [document.title, document.body.innerText,
        ...[...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].map(
            el => [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder'),
                   el.getAttribute('alt')].filter(Boolean).join(' '))].join('\\n')""")


def english_on(text: str, lang: str, keep: list[str]) -> list[str]:
    """Give the catalogue's English strings found in text, once record names and query are taken out."""
    for word in sorted([*keep, *ALLOWED], key=len, reverse=True):
        text = text.replace(word, " ")
    return sorted(s for s in english_strings(lang) if re.search(r"(?<![A-Za-z])" + re.escape(s) + r"(?![A-Za-z])", text))


def record_words(page, query: str) -> list[str]:
    """Give the data shown as published: the query, record names and the registries' own status words."""
    result = page.request.get(f"/api/v1/check?lang=en&q={quote(query)}").json()
    words = [query] + [m["name"] for m in result["matches"]]
    words += [f"({m['status']})" for m in result["matches"] if m.get("status")]
    return words


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("record", sorted(QUERIES))
def test_result_and_record_pages_carry_no_english_ui_words(page, lang, record):
    query = QUERIES[record]
    keep = record_words(page, query)
    page.goto(f"/check?lang={lang}&q={quote(query)}")
    assert english_on(visible_text(page), lang, keep) == []
    page.locator("article.match h3 a").first.click()
    page.wait_for_load_state()
    assert english_on(visible_text(page), lang, keep) == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("path", ["/embed", "/hotline"])
def test_embed_and_live_hotline_panel_carry_no_english_ui_words(page, lang, path):
    for query in QUERIES.values():
        keep = record_words(page, query)
        page.goto(f"{path}?lang={lang}&q={quote(query)}")
        if path == "/hotline":  # the script re-renders the panel from the API
            expect(page.locator("#hl-note")).not_to_have_text("")  # no string evaluated: the CSP forbids eval
        assert english_on(visible_text(page), lang, keep) == []


def test_the_check_finds_english_where_there_is_some(page):
    assert {"Records found", "What to do next", "Matched on"} <= english_strings("ru")
    query = QUERIES["dmw_cancelled"]
    page.goto(f"/check?lang=en&q={quote(query)}")
    found = english_on(visible_text(page), "ru", record_words(page, query))
    assert {"Records found", "What to do next", "Department of Migrant Workers", "Philippines"} <= set(found)

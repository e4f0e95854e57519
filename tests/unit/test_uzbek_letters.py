"""Uzbek is written one way everywhere a reader sees it: oʻ and gʻ with U+02BB, the tutuq (eʼlon)
with U+02BC, never an ASCII or typographic apostrophe between letters, and «…» for quotes."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
WRONG_APOSTROPHE = re.compile(r"[A-Za-zʻʼ]['’‘`][A-Za-z]")
WRONG_QUOTES = re.compile(r"[“”„]")
OKINA_AS_TUTUQ = re.compile(r"[OoGg]ʼ[a-z]")  # oʻ/gʻ written with the tutuq's sign


def uzbek_texts() -> list[tuple[str, str]]:
    """Return (where, text) for every Uzbek string a page, the CLI or the offer scan shows."""
    with open(ROOT / "verifier/translations/uz/LC_MESSAGES/messages.po", "rb") as fh:
        texts = [(f"po: {m.id}", m.string) for m in read_po(fh) if m.id and m.string]
    rules = ROOT / "verifier/offers/rules"
    texts += [(f"text_uz.toml {k}", v) for k, v in flatten(tomllib.loads((rules / "text_uz.toml").read_text("utf-8")))]
    destinations = tomllib.loads((rules / "destinations.toml").read_text("utf-8"))
    texts += [(f"destinations.toml {k}", v) for k, v in flatten(destinations) if k.endswith(".uz")]
    return texts


def flatten(tree, prefix: str = "") -> list[tuple[str, str]]:
    """Return every string of a TOML tree with its dotted key."""
    if isinstance(tree, dict):
        return [pair for k, v in tree.items() for pair in flatten(v, f"{prefix}.{k}" if prefix else k)]
    if isinstance(tree, list):
        return [pair for i, v in enumerate(tree) for pair in flatten(v, f"{prefix}[{i}]")]
    return [(prefix, tree)] if isinstance(tree, str) else []


def test_there_are_uzbek_texts_to_check():
    texts = uzbek_texts()
    assert len(texts) > 200 and any("oʻ" in t for _, t in texts) and any("ʼ" in t for _, t in texts)


def test_uzbek_uses_one_apostrophe_pair_and_one_quote_style():
    bad = [(where, text) for where, text in uzbek_texts()
           if WRONG_APOSTROPHE.search(text) or WRONG_QUOTES.search(text) or OKINA_AS_TUTUQ.search(text)]
    assert bad == []


def test_the_check_finds_a_wrong_apostrophe():
    assert WRONG_APOSTROPHE.search("to'lamang") and WRONG_APOSTROPHE.search("to’lamang")
    assert not WRONG_APOSTROPHE.search("toʻlamang") and not WRONG_APOSTROPHE.search("eʼlon")
    assert OKINA_AS_TUTUQ.search("toʼlamang") and WRONG_QUOTES.search("“Bekor”")

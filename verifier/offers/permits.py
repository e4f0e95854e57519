"""Where an offer names Kyrgyzstan, Uzbekistan or Tajikistan, or a firm an official notice names:
who issues recruitment permits there and how to confirm one (data: rules/destinations.toml)."""
from __future__ import annotations

from verifier.offers.destination import named_countries as countries_in
from verifier.offers.text import Budget, Doc
from verifier.timeline import NOTICE_SOURCES, authority_line, permit_authorities


def named_countries(doc: Doc, budget: Budget) -> list[str]:
    """Give the countries with a permit authority that the text names, in the order named."""
    known, counts = permit_authorities(), countries_in(doc, budget)
    return [cc for cc in sorted(counts, key=lambda cc: -counts[cc][1]) if cc in known]


def notice_countries(entities: list[dict]) -> list[str]:
    """Give the countries of the firms in the offer that an official notice names."""
    return [m["country"] for e in entities if e.get("result") for m in e["result"]["matches"][:3]
            if m.get("source") in NOTICE_SOURCES and (m.get("identifies", m.get("same")) or "licence" in m.get("matched_on", ()))
            and m.get("country")]


def permit_guidance(doc: Doc, entities: list[dict], lang: str, budget: Budget) -> list[dict]:
    """Give, per country named or of a firm in the notices, the permit authority and how to confirm."""
    countries = dict.fromkeys([*named_countries(doc, budget), *notice_countries(entities)])
    return [line for cc in countries if (line := authority_line(cc, lang)) is not None]

"""Where an offer names Kyrgyzstan, Uzbekistan or Tajikistan, or a firm an official notice names:
who issues recruitment permits there and how to confirm one (data: rules/destinations.toml)."""
from __future__ import annotations

from verifier.offers.rules import Stream, rules
from verifier.timeline import NOTICE_SOURCES, authority_line, permit_authorities


def named_countries(stream: Stream) -> list[str]:
    """Give the countries with a permit authority that the text names, in the order named."""
    known = permit_authorities()
    return list(dict.fromkeys(m.lastgroup for m in rules().country_re.finditer(stream.text) if m.lastgroup in known))


def notice_countries(entities: list[dict]) -> list[str]:
    """Give the countries of the firms in the offer that an official notice names."""
    return [m["country"] for e in entities if e.get("result") for m in e["result"]["matches"][:3]
            if m.get("source") in NOTICE_SOURCES and (m.get("same") or "licence" in m.get("matched_on", ()))
            and m.get("country")]


def permit_guidance(stream: Stream, entities: list[dict], lang: str) -> list[dict]:
    """Give, per country named or of a firm in the notices, the permit authority and how to confirm."""
    countries = dict.fromkeys([*named_countries(stream), *notice_countries(entities)])
    return [line for cc in countries if (line := authority_line(cc, lang)) is not None]

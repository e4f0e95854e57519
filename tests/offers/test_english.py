"""English job ads of the kind fraud datasets hold (work from home, income for no skill) against
ordinary English ads. Every ad here is INVENTED for the test."""
from __future__ import annotations

import pytest

from eval.offers import NotFound
from verifier.offers.scan import scan

FRAUD = [
    "Data entry clerk, work from home. Earn $500 weekly, no experience needed. Text our manager on WhatsApp.",
    "Typing jobs online! Make $1,000-2,000 a week from the comfort of your home. Start today, no skills required.",
    "Get paid $300 daily for simple online tasks. All you need is a phone and 2 hours a day. DM me.",
    "Administrative assistant, flexible hours, work from home, $35 per hour, no experience necessary.",
    "Mystery shopper wanted. Receive payments to your own account and send them on via Western Union, keep 10%.",
    "Earn passive income: join our crypto team, guaranteed profit every day. Message me for details.",
    "Package reshipping from home, $3,000 a month, no experience. Contact us on Telegram only.",
    "Personal assistant needed. You will receive checks into your bank account and transfer the money to our vendors.",
]
HONEST = [
    "Invented Health is hiring a registered nurse for its Boston clinic. Three years of experience required. Apply on invented-health.com.",
    "Warehouse associate, day shift, $18 per hour, Invented Logistics LLC, 12 Harbor Road, Newark.",
    "Senior data analyst (SQL, Python), hybrid, salary 85,000-95,000 USD, Invented Analytics Inc.",
    "Customer service representative for our Dallas office. Benefits include health insurance and 401k. careers@invented-co.com",
    "Remote software engineer, 5+ years of Go, competitive salary, Invented Cloud Ltd, invented-cloud.io/jobs.",
    "Line cook at Invented Bistro, 220 Main Street. Evening shifts, tips shared weekly.",
    "Teacher of English for a language school in Almaty, work visa and flight paid by the employer, salary 600,000 KZT.",
    "Electrician apprentice, training provided, union wages, Invented Electric Co., apply at invented-electric.com.",
]


@pytest.mark.parametrize("text", FRAUD)
def test_fraudulent_english_ads_are_flagged(text):
    assert scan(text, "en", NotFound())["flags"], text


@pytest.mark.parametrize("text", HONEST)
def test_ordinary_english_ads_are_neither_high_nor_flagged(text):
    result = scan(text, "en", NotFound())
    assert result["risk"] != "high" and result["flags"] == [], result["flags"]

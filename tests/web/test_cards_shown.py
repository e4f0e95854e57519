"""A card number, however it is written, is shown again only masked: the marked offer, "you
checked", the box, the API's quotes and entities, and the command line (issue 23)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from support import ROOT

# The card networks' published test numbers (MasterCard, Amex), never anyone's card.
CARDS = ["5555.5555.5555.4444", "5555  5555  5555  4444", "5555\u00a05555\u00a05555\u00a04444",
         "5555/5555/5555/4444", "5555-555555554444", "3782 822463 10005", "5555555555554444"]
HIDDEN = ("5555", "3782", "822463")  # what must never be shown again (the last four may)


def offer_with(card: str) -> str:
    """Give an invented offer asking for payment to this card."""
    return (f"Работа в Турции в отеле. Оплата за визу 300$ на карту {card} менеджера. "
            "Агентство ТОО «Дымка», тел. 8 707 281 71 85.")


def shows_no_card(text: str) -> bool:
    """Tell whether a text shows none of the hidden digits of the test cards."""
    return not any(hidden in text for hidden in HIDDEN)


def csrf(client) -> str:
    """Give the CSRF token of the /offer form."""
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/offer").text).group(1)


@pytest.mark.parametrize("card", CARDS)
def test_the_marked_offer_masks_the_card(client, card):
    page = client.post("/offer?lang=ru", data={"text": offer_with(card), "csrf_token": csrf(client)}).text
    assert 'data-risk="high"' in page and "\u2022\u2022\u2022\u2022" in page
    assert shows_no_card(page)


@pytest.mark.parametrize("card", CARDS)
@pytest.mark.parametrize("path", ["/check", "/hotline", "/embed"])
def test_you_checked_and_the_box_mask_the_card(client, card, path):
    page = client.get(path, query_string={"q": f"ТОО Дымка {card}", "lang": "ru"}).text
    assert "Дымка" in page and shows_no_card(page)


@pytest.mark.parametrize("card", CARDS)
def test_api_quotes_entities_and_echoes_mask_the_card(client, card):
    scanned = client.post("/api/v1/scan", json={"text": offer_with(card)}).get_json()
    assert scanned["ok"] and any(e["kind"] == "card" for e in scanned["entities"])
    assert shows_no_card(json.dumps(scanned, ensure_ascii=False))
    checked = client.get("/api/v1/check", query_string={"q": f"ТОО Дымка {card}"}).get_json()
    assert checked["ok"] and shows_no_card(json.dumps(checked, ensure_ascii=False))


def test_a_quote_ending_inside_a_card_shows_none_of_it(client):
    text = "Оплата на карту 5555 5555 5555 4444"
    scanned = client.post("/api/v1/scan", json={"text": text}).get_json()
    for flag in scanned["flags"]:
        assert flag["quote"] == "Оплата на карту •••• •••• •••• 4444"[flag["start"]:flag["end"]]


@pytest.mark.parametrize("command", [["check", "ТОО Дымка 5555.5555.5555.4444"], ["scan", "-"],
                                     ["scan", "-", "--json"], ["check", "--json", "ТОО Дымка 3782 822463 10005"]])
def test_the_command_line_masks_the_card(web_db, tmp_path, command):
    env = dict(os.environ, VERIFIER_DB=web_db, VERIFIER_APP_DB=str(tmp_path / "app.db"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "verifier", *command], input=offer_with("5555/5555/5555/4444"),
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode in (0, 3), done.stderr
    assert "Дымка".upper() in done.stdout.upper() and shows_no_card(done.stdout + done.stderr)

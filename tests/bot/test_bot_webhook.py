"""The bot in webhook mode, as a process of its own on the real registry, talking to a fake Bot API.

Updates are POSTed to its webhook as Telegram posts them; what it sends back is read from the
fake's sendMessage calls. Every person, chat and phone number here is invented.
"""
from __future__ import annotations

import re
import time

import pytest

from tests.bot.conftest import PUBLIC_URL, SECRET
from tests.bot.fake_telegram import BOT_USER, button_update, message, message_update
from verifier.bot import render
from verifier.i18n import translate
from verifier.offers.rules import texts
from verifier.verdict import VERDICTS

# An invented forwarded offer: a fee paid to a card, a tourist visa, a WhatsApp-only contact.
INVENTED_OFFER = (
    "Требуются рабочие на стройку в Москву! Зарплата от 300 000 рублей в месяц, жильё бесплатно.\n"
    "Оформление по туристической визе, на месте всё решим. Оплата за оформление 50 000 тенге — "
    "переведите на карту 4400 4301 2345 6789 (Kaspi).\n"
    "Пишите только в WhatsApp +7 701 234 5678, звонки не принимаем. Количество мест ограничено! Qwertyzhan"
)
ISSUE_FLAGS = ("fee", "visa", "private_channel", "personal_payment")
MARKERS = ("Qwertyzhan", "Zyxwvutbek", "Plumbazar")  # invented words: they must reach no file and no log


def answers(fake, chat_id: int, count: int = 1) -> list[dict]:
    """Give the messages the bot sent into a chat, once there are at least `count`."""
    return fake.wait_for("sendMessage", count, chat_id=chat_id)


def text_of(sent: list[dict]) -> str:
    """Give the texts of sent messages joined."""
    return "\n".join(p["text"] for p in sent)


def flag_quotes(answer: str) -> dict[str, str]:
    """Give each flag label of a scan answer with the quote after it."""
    return dict(re.findall(r"^⚠️ (.+?): «(.+?)»$", answer, flags=re.M))


def test_a_forwarded_offer_gets_a_high_risk_answer_quoting_each_flag(webhook_bot, fake_webhook_api):
    update = message_update(INVENTED_OFFER, 1001, forwarded=True)
    assert webhook_bot.post(update).status_code == 200
    sent = answers(fake_webhook_api, 1001)
    answer, words = text_of(sent), texts("ru")
    assert answer.startswith("🔴 " + words["summary"]["high_flags"])
    quotes = flag_quotes(answer)
    for code in ISSUE_FLAGS:
        label = words["flags"][code]["label"]
        assert label in quotes, (code, answer)
        assert " ".join(quotes[label].split()) in " ".join(INVENTED_OFFER.split())  # a verbatim quote
    assert "+77012345678 → " in answer                                   # the phone, with its verdict
    assert "Россия, " in answer and "(RU)" not in answer and "https://rostrud.gov.ru" in answer  # where to confirm
    assert "+7 7252 30-01-52" in answer                                  # the hotline
    assert sent[0]["reply_parameters"]["message_id"] == update["message"]["message_id"]
    report = sent[-1]["reply_markup"]["inline_keyboard"][-1][0]
    assert report["text"] == translate("ru", render.BUTTON_REPORT)
    assert report["url"].startswith(PUBLIC_URL + "/report?phone=%2B77012345678")
    assert all(p["link_preview_options"]["is_disabled"] for p in sent)  # the bot never opens links


def test_a_firm_on_the_warning_list_gets_the_warning_with_records_and_dates(webhook_bot, fake_webhook_api):
    webhook_bot.post(message_update("ТОО Дымка", 1002))
    answer = text_of(answers(fake_webhook_api, 1002))
    first = answer.splitlines()[0]
    assert first == f"🔴 {translate('ru', VERDICTS['warning'].label)} — {translate('ru', 'High risk')}"
    assert "ТОО \"ДЫМКА\"" in answer and "Прочитано как: название «ТОО Дымка»." in answer
    assert "Найденные записи:" in answer and re.search(r"данные на \d{1,2} \w+ \d{4}", answer)
    assert re.search(r"Проверенные списки \(\d\): .*\(\d{1,2} \w+ \d{4}", answer)  # dates as people write them
    lines = answer.splitlines()
    assert "ДЫМКА" in lines[1] and "Комитет государственных доходов" in lines[1]  # why: which list, who publishes it
    advice = lines[lines.index(translate("ru", "What to do next") + ":") + 1:]
    assert advice[0].startswith("→ ") and advice[1].startswith("→ ")       # what to do, as the result page says
    assert re.search(r"^☎ .*\(Казахстан\): 116 16 \(http", answer, flags=re.M)  # a help line of the firm's country


def test_a_name_with_its_phone_is_read_as_the_box_reads_it(webhook_bot, fake_webhook_api):
    webhook_bot.post(message_update("ТОО Стройтехмонтаж-М, тел. 8 707 281 71 85", 1021))
    answer = text_of(answers(fake_webhook_api, 1021))
    assert answer.startswith(f"🔴 {translate('ru', VERDICTS['warning'].label)}")
    assert "Прочитано как: название «ТОО Стройтехмонтаж-М», телефон +7 707 281 7185." in answer


def test_lang_switches_the_language_and_telegram_language_is_the_default(webhook_bot, fake_webhook_api):
    webhook_bot.post(message_update("/lang kk", 1003))
    assert text_of(answers(fake_webhook_api, 1003)) == "Тіл: қазақша."
    webhook_bot.post(message_update("ТОО Дымка", 1003))
    assert answers(fake_webhook_api, 1003, 2)[1]["text"].startswith(
        f"🔴 {translate('kk', VERDICTS['warning'].label)} — {translate('kk', 'High risk')}")
    webhook_bot.post(message_update(INVENTED_OFFER, 1003))
    assert answers(fake_webhook_api, 1003, 3)[2]["text"].startswith("🔴 " + texts("kk")["summary"]["high_flags"])
    webhook_bot.post(message_update("/help", 1004, lang="uz"))
    assert text_of(answers(fake_webhook_api, 1004)) == render.help_text("uz")
    webhook_bot.post(message_update("/help", 1005, lang="de"))
    assert text_of(answers(fake_webhook_api, 1005)) == render.help_text("ru")


def test_lang_without_a_code_offers_buttons_that_switch(webhook_bot, fake_webhook_api):
    webhook_bot.post(message_update("/lang", 1006))
    shown = answers(fake_webhook_api, 1006)[0]
    codes = [b["callback_data"] for b in shown["reply_markup"]["inline_keyboard"][0]]
    assert codes == ["lang:kk", "lang:ru", "lang:uz", "lang:en"]
    webhook_bot.post(button_update("lang:en", 1006, message(shown["text"], BOT_USER["id"], chat_id=1006)))
    assert answers(fake_webhook_api, 1006, 2)[1]["text"] == "Language: English."


def test_thirty_messages_in_ten_seconds_get_a_rate_limit_answer_after_the_limit(webhook_bot, fake_webhook_api):
    started = time.monotonic()
    for i in range(30):
        assert webhook_bot.post(message_update(f"ТОО Дымка {i}", 1007)).status_code == 200
    assert time.monotonic() - started < 10
    sent = fake_webhook_api.calls("sendMessage", 1007)
    limit = 10  # the default VERIFIER_BOT_USER_RATE_LIMIT, 10/minute
    assert [p["text"] for p in sent[limit:]] == [translate("ru", render.RATE_USER)]  # said once, then quiet
    assert all(p["text"].startswith("🔴") or p["text"].startswith("🟡") for p in sent[:limit])


def test_the_webhook_refuses_calls_without_the_secret(webhook_bot, fake_webhook_api):
    update = message_update("ТОО Дымка", 1008)
    assert webhook_bot.post(update, secret=None).status_code == 403
    assert webhook_bot.post(update, secret="invented-wrong-secret-000000").status_code == 403
    assert webhook_bot.post(update, path="/telegram/invented").status_code == 404
    assert webhook_bot.post({"not": "an update"}).status_code == 400
    time.sleep(0.3)
    assert fake_webhook_api.calls("sendMessage", 1008) == []


def test_a_message_over_20000_characters_gets_a_polite_refusal(webhook_bot, fake_webhook_api):
    webhook_bot.post(message_update("Работа в Дубае. " * 1300, 1009))
    assert text_of(answers(fake_webhook_api, 1009)) == translate("ru", render.TOO_LONG) % {"max": "20,000"}


def test_an_ambiguous_reading_offers_the_other_one_on_a_button(webhook_bot, fake_webhook_api):
    original = message_update("ТОО Дымка Zyxwvutbek", 1010, forwarded=True)
    webhook_bot.post(original)
    shown = answers(fake_webhook_api, 1010)[0]
    assert shown["reply_markup"]["inline_keyboard"][0][0] == {"text": "Проверить как вакансию", "callback_data": "scan"}
    pressed = message(shown["text"], BOT_USER["id"], chat_id=1010, reply_to=original["message"])
    webhook_bot.post(button_update("scan", 1010, pressed))
    scanned = answers(fake_webhook_api, 1010, 2)[1]
    assert re.match(r"[🔴🟡🟢] ", scanned["text"]) and texts("ru")["disclaimer"] in scanned["text"]
    assert fake_webhook_api.calls("answerCallbackQuery")
    pasted = "Срочно нужны люди в Москву. Пишите в WhatsApp, всё расскажем."
    webhook_bot.post(message_update(pasted, 1011))
    offered = answers(fake_webhook_api, 1011)[0]["reply_markup"]["inline_keyboard"][0][0]
    assert offered == {"text": "Проверить как название", "callback_data": "check"}


def test_in_a_group_it_answers_only_when_mentioned_or_replied_to(webhook_bot, fake_webhook_api):
    group = -5001
    webhook_bot.post(message_update("ТОО Дымка", 1012, chat_id=group))  # not meant for the bot
    mention = "@" + BOT_USER["username"]
    webhook_bot.post(message_update(f"{mention} ТОО Дымка", 1012, chat_id=group,
                                    entities=[{"type": "mention", "offset": 0, "length": len(mention)}]))
    sent = answers(fake_webhook_api, group)
    assert len(sent) == 1 and "ДЫМКА" in sent[0]["text"]
    offer = message(INVENTED_OFFER, 1013, chat_id=group)
    webhook_bot.post(message_update(mention, 1014, chat_id=group, reply_to=offer,
                                    entities=[{"type": "mention", "offset": 0, "length": len(mention)}]))
    scanned = answers(fake_webhook_api, group, 2)[1]
    assert scanned["text"].startswith("🔴") and scanned["reply_parameters"]["message_id"] == offer["message_id"]
    own = message(scanned["text"], BOT_USER["id"], chat_id=group)  # a reply to the bot's answer, no mention
    webhook_bot.post(message_update("ТОО Дымка", 1015, chat_id=group, reply_to=own))
    assert "ДЫМКА" in answers(fake_webhook_api, group, 3)[2]["text"]


def test_help_hotline_and_report(webhook_bot, fake_webhook_api):
    webhook_bot.post(message_update("/start", 1015))
    help_text = text_of(answers(fake_webhook_api, 1015))
    assert "не официальный реестр" in help_text and "не сохраняется" in help_text
    webhook_bot.post(message_update("/hotline", 1015))
    assert "Sana Sezim (Shymkent): +7 7252 30-01-52 (номер ещё не подтверждён)" in answers(fake_webhook_api, 1015, 2)[1]["text"]
    webhook_bot.post(message_update("/report ТОО Дымка, тел. 8 701 000 0001", 1015))
    link = answers(fake_webhook_api, 1015, 3)[2]["text"].splitlines()[-1]
    assert link == PUBLIC_URL + "/report?name=%D0%A2%D0%9E%D0%9E+%D0%94%D1%8B%D0%BC%D0%BA%D0%B0&phone=%2B77010000001&lang=ru"
    registered = {p.get("language_code"): p["commands"] for p in fake_webhook_api.calls("setMyCommands")}
    assert set(registered) == {"kk", "ru", "uz", "en", None}
    assert [c["command"] for c in registered["kk"]] == ["start", "help", "lang", "hotline", "report"]
    assert registered["kk"][2]["description"] == "Тілді ауыстыру" and registered[None] == registered["ru"]
    assert fake_webhook_api.calls("setWebhook")[0]["url"].startswith(PUBLIC_URL + "/telegram/")
    assert fake_webhook_api.calls("setWebhook")[0]["secret_token"] == SECRET


def test_a_long_answer_is_split_between_words(webhook_bot, fake_webhook_api):
    phones = [f"+7701000{i:04d}" for i in range(1, 91)]  # invented numbers
    offer = "Работа в Дубае, ТОО «Инвентед», оплата 500 долларов на карту. Звоните: " + ", ".join(phones) + "."
    webhook_bot.post(message_update(offer, 1016))
    time.sleep(0.5)
    sent = answers(fake_webhook_api, 1016, 2)
    assert all(render.utf16_len(p["text"]) <= 4096 for p in sent)
    for number in (p.replace(" ", "") for p in phones):
        assert sum(number in p["text"] for p in sent) == 1, number
    assert "reply_markup" not in sent[0] and "reply_markup" in sent[-1]


def test_a_photo_caption_is_read_and_a_bare_photo_gets_a_hint(webhook_bot, fake_webhook_api):
    webhook_bot.post(message_update(INVENTED_OFFER, 1017, caption=True))
    assert answers(fake_webhook_api, 1017)[0]["text"].startswith("🔴")
    bare = message_update("", 1018, caption=True)
    bare["message"].pop("caption")
    webhook_bot.post(bare)
    assert answers(fake_webhook_api, 1018)[0]["text"] == translate("ru", render.TEXT_ONLY)


@pytest.mark.parametrize("marker", MARKERS)
def test_no_message_text_reaches_a_file_or_the_log(webhook_bot, fake_webhook_api, registry_db, marker):
    webhook_bot.post(message_update(f"{INVENTED_OFFER} Plumbazar Zyxwvutbek", 1019))
    answers(fake_webhook_api, 1019)
    time.sleep(1.5)  # counts are written every second here
    places = (webhook_bot.workdir, registry_db.parent)  # the app database and data dir, the registry's dir
    files = [p for d in places for p in d.rglob("*") if p.is_file() and p.name != "bot.log"]
    assert any(p.name == "app.db" for p in files)
    for path in files:
        assert marker.encode() not in path.read_bytes(), path
    assert marker not in webhook_bot.log_path.read_text(encoding="utf-8", errors="replace")
    assert "Update id=" in webhook_bot.log_path.read_text()  # the log is written (at debug level)


def test_checks_and_scans_are_counted_per_day_without_their_text(webhook_bot, fake_webhook_api):
    import sqlite3
    webhook_bot.post(message_update("ТОО Дымка", 1020))
    answers(fake_webhook_api, 1020)
    time.sleep(1.5)
    with sqlite3.connect(webhook_bot.workdir / "app.db") as db:
        counted = {verdict: n for verdict, n in db.execute("select verdict, sum(n) from search_counts group by verdict")}
    assert counted.get("warning", 0) >= 1 and counted.get("scan:high", 0) >= 1
    assert counted.get("scan_flag:fee", 0) >= 1

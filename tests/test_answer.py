"""One clear answer, computed once in the core: the sentence of why, advice per verdict and
country, help lines from data/help_contacts, and only the list notices the answer rests on."""
from __future__ import annotations

import re

import pytest

from verifier.cli.output import result_lines
from verifier.helplines import HelpContactsError, choose_lines, load_lines
from verifier.i18n import translate

WARNING = "TOO Dymka"                              # KGD false enterprise ТОО "ДЫМКА" (real)
CANCELLED = "3 JS Global Recruitment Agency"       # DMW "Cancelled" (real)
LICENSED = "101 Mojo International Corp"           # DMW "Valid License" (real)
INVENTED_TOO = "ТОО Выдуманная Тестовая Фирма"      # invented: on no list
INVENTED_ANY = "Qwzx Unheard Of Staffing"          # invented, no country in it


def numbers(result: dict) -> list[str]:
    """Return every help-line number a result offers, as shown."""
    return [n["text"] for line in result["hotlines"] for n in line["numbers"]]


@pytest.mark.parametrize("query, lead", [(WARNING, "Warning:"), (CANCELLED, "Not licensed now:"),
                                         (dict(name="101 Mojo International", phone="+7 701 234 5678"), "Check the phone:")])
def test_the_sentence_of_why_does_not_say_the_verdict_again(engine, query, lead):
    r = engine.check(**query) if isinstance(query, dict) else engine.check(query)
    assert r["summary"].startswith(lead) and not r["why"].startswith(lead)
    assert r["matches"][0]["name"] in r["why"]


@pytest.mark.parametrize("lang, words", [("en", "sham companies"), ("ru", "лжепредприятиями"),
                                         ("kk", "жалған кәсіпорын"), ("uz", "soxta korxona")])
def test_a_kgd_match_explains_what_a_sham_company_is(engine, lang, words):
    r = engine.check(WARNING, lang=lang)
    assert r["verdict"] == "warning" and r["advice"][0]["code"] == "kz_sham_company"
    assert words in r["advice"][0]["text"]
    assert r["relevant_sources"] == ["kz_kgd"]
    assert all("2020" in n for n in r["notices_relevant"]) and len(r["notices_relevant"]) <= 1


@pytest.mark.parametrize("lang, bin_word", [("en", "BIN"), ("ru", "БИН"), ("kk", "БСН"), ("uz", "BIN")])
def test_a_not_found_too_says_how_to_confirm_a_kazakh_firm(engine, lang, bin_word):
    r = engine.check(INVENTED_TOO, lang=lang)
    assert r["verdict"] == "not_found" and r["firm_country"] == "KZ"
    first = r["advice"][0]
    assert first["code"] == "not_found_kz" and "egov.kz" in first["text"] and bin_word in first["text"]
    assert {line["country"] for line in r["hotlines"]} <= {"KZ", "UZ"}  # never the Philippines or Hong Kong
    assert "1348" not in numbers(r)
    assert "kz_kgd" in r["relevant_sources"] and not {"ph_dmw", "hk_eaa"} & set(r["relevant_sources"])


def test_not_found_does_not_mean_safe_is_said_once(engine):
    r = engine.check(INVENTED_ANY)
    said = [r["why"], *r["details"], *(a["text"] for a in r["advice"])]
    assert sum("not mean safe" in line for line in said) == 1


def test_a_philippine_record_offers_the_dmw_line_and_only_its_own_notice(engine):
    r = engine.check(LICENSED, lang="ru")
    assert r["verdict"] == "licensed" and r["firm_country"] == "PH"
    assert "1348" in numbers(r) and r["hotlines"][0]["country"] == "PH"
    assert r["relevant_sources"] == ["ph_dmw"]
    assert not any("КГД" in n or "Гонконг" in n for n in r["notices_relevant"])
    assert r["advice"][0]["code"] == "licensed_confirm" and "+63 917 887 0567" in r["advice"][0]["text"]


def test_advice_differs_per_verdict(engine):
    codes = {q: tuple(a["code"] for a in engine.check(q)["advice"]) for q in (WARNING, CANCELLED, LICENSED, INVENTED_ANY)}
    assert len(set(codes.values())) == 4


def test_an_uzbek_reader_gets_uzbek_lines_after_the_records_country(engine):
    r = engine.check(LICENSED, lang="uz")
    whys = [(line["country"], line["why"]) for line in r["hotlines"]]
    assert whys[0] == ("PH", "record") and ("UZ", "reader") in whys
    assert "KZ" not in {c for c, _ in whys}


def test_help_lines_carry_their_source_and_say_when_unconfirmed(engine):
    r = engine.check(INVENTED_TOO, lang="ru")
    for line in r["hotlines"]:
        assert line["source_url"].startswith("http")
        assert line["confirmed"] or "не подтверждено" in line["confirmed_note"]
    assert any(not line["confirmed"] for line in r["hotlines"])


def test_lines_are_chosen_for_the_records_country_then_the_readers():
    chosen = choose_lines("KZ", ["UZ"])
    assert [why for _, why in chosen][:1] == ["record"] and {x["country"] for x, why in chosen if why == "record"} == {"UZ"}
    assert {x["country"] for x, why in chosen if why == "reader"} == {"KZ"}
    assert all(x["role"] in ("origin", "both") for x, why in chosen if why == "reader")


def test_the_shipped_file_is_read_and_a_broken_one_is_refused(tmp_path):
    lines = load_lines()
    assert len(lines) == 28 and all(x["source_url"] and x["label"] for x in lines)
    broken = tmp_path / "invented_help.csv"
    broken.write_text("country,role,organisation\nKZ,origin,x\n", encoding="utf-8")
    with pytest.raises(HelpContactsError, match="missing columns.*label"):
        load_lines(str(broken))


@pytest.mark.parametrize("lang", ["ru", "kk", "uz"])
def test_every_help_line_word_is_translated(lang):
    for line in load_lines():
        for column in ("label", "what_for", "hours"):
            if line[column]:
                assert translate(lang, line[column]) != line[column], (lang, line[column])


LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'`]{2,}")
URL = re.compile(r"https?://\S+|\b[\w.-]+\.(?:kz|ph|hk|org|com|net|uz|ru)\b")


def latin_words(text: str, keep: list[str]) -> list[str]:
    """Return the Latin words of a text, once addresses, record names and acronyms are taken out."""
    for word in keep:
        text = text.replace(word, " ")
    return [w for w in LATIN_WORD.findall(URL.sub(" ", text)) if not w.isupper()]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_cli_lines_carry_no_latin_word_in_russian_or_kazakh(engine, lang):
    for query in ("ТОО ДЫМКА", INVENTED_TOO):
        r = engine.check(query, lang=lang)
        assert latin_words("\n".join(result_lines(r)), [m["name"] for m in r["matches"]]) == []

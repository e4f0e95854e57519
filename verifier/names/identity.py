"""Whether a name given identifies one listed firm: the step between "alike" and a strong verdict.

`score` says how alike two names are; a strong verdict (licensed, warning, licence not valid)
needs more: the name must be the listed firm's whole name, and nothing in it may say it is
another legal person. A name identifies a record's firm when
- every word of the listed name is matched (typos, transliteration, word order, abbreviations
  allowed; legal forms aside) and the name adds no word of its own;
- no legal form in it belongs to another country than the record's ("ТОО X" is a Kazakh legal
  person, not the Hong Kong "X Limited");
- it is not one word shared by several listed firms or common in the language ("Береке",
  "Talent", "Orient"), nor only trade words ("Group", "International");
- it was not matched only through a former name the publisher cut off ("(FORMERLY DIAMOND H").
Otherwise the record is shown as a different firm with a similar name. A phone or licence
number the record publishes is a second identifier of its own (the verdict reads those).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from verifier.i18n import N_
from anyascii import anyascii

from verifier.names.normalize import (_CIS, _FORMERLY_RE, LEGAL_FORM_COUNTRIES, STOPWORDS, NameKey, _form_countries,
                                      _legal_form_keys, _word_map, _words, fold_token,
                                      clean_text, legal_form_fits, name_key, split_aliases)
from verifier.names.postings import Hit, ids
from verifier.names.score import NameScorer

COMMON_ZIPF = 4.0    # a word at least this frequent in English or Russian (wordfreq) is common
SHARED_RECORDS = 2   # a word in this many listed names (records of one name count once) is shared
WORD_ALIKE = 80      # each word of a name that identifies a firm is at least this alike to the listed one
# Trade words and places: they say what a firm does or where, not which firm it is.
TRADE_WORDS = (
    "agency agencies manpower services service international recruitment recruiting recruiters employment "
    "consultancy consultants consultant consulting placement placements overseas human resources resource "
    "management center centre group holdings enterprises enterprise trading general development staffing "
    "solutions personnel manning crewing maritime marine shipping shipmanagement domestic helper "
    "helpers maid maids job jobs work ship ships navigation lines logistics transport "
    "агентство кадровое кадровый кадровая кадры группа групп сервис центр менеджмент консалтинг рекрутинг "
    "персонал трудоустройство холдинг фирма компания")
PLACE_WORDS = "global asia philippines phils pilipinas hongkong hong kong kazakhstan worldwide"
# Reason codes: identifies (whole_name) or why not, with what the reader should compare.
REASONS = {
    "whole_name": "",
    "not_by_name": "",
    "not_same": "",
    "part_of_name": N_("The listed name has words the name given lacks ({words}): compare the full registered name."),
    "extra_words": N_("The name given has words the listed name lacks ({words}): compare the full registered name."),
    "foreign_legal_form": N_("A {form} is registered in {form_country}; {name} is registered in {country}: "
                             "ask for their own registration, and confirm any partnership through the "
                             "phone {name} publishes."),
    "common_word": N_("\u201c{words}\u201d is a common word or is shared by several listed firms: it does not "
                      "identify one firm. Ask for the full registered name, its BIN or licence number, or its phone."),
    "generic_only": N_("The name given is only trade words: ask for the full registered name."),
    "spelling": N_("The names are spelt differently: compare the registered name letter by letter."),
    "cut_alias": N_("Matched only a former name the publisher cut short: ask for the full registered name."),
}
COUNTRY_NAMES = {"KZ": N_("Kazakhstan"), "RU": N_("Russia"), "UZ": N_("Uzbekistan"), "KG": N_("Kyrgyzstan"),
                 "PH": N_("the Philippines"), "HK": N_("Hong Kong"), "US": N_("the United States"),
                 "not CIS": N_("another country")}


@lru_cache(maxsize=2)
def trade_words(places: bool = True) -> frozenset[str]:
    """Return the trade words (and place words) as name keys spell them."""
    return frozenset(t for w in (TRADE_WORDS + " " + PLACE_WORDS * places).split() for t in name_key(w).tokens)


@lru_cache(maxsize=1)
def _form_display() -> dict[str, str]:
    """Return each legal form's key -> how it is written (its first spelling in the table)."""
    out: dict[str, str] = {}
    for form in LEGAL_FORM_COUNTRIES:
        out.setdefault(" ".join(_words(form.casefold())), form.upper() if len(form) <= 5 else form)
    return out


def distinctive(tokens) -> list[str]:
    """Return the words of a name key that say which firm it is (not trade or place words)."""
    words = trade_words()
    return [t for t in tokens if t not in words]


def cut_alias(hit: Hit) -> bool:
    """Return True when a hit was matched through a former name the publisher cut off mid-way."""
    name = clean_text(hit.rec.name)
    if hit.matched_value in ("", hit.rec.name) or not (m := _FORMERLY_RE.search(name)):
        return False
    aliases = split_aliases(name)[1]
    return not m.group().rstrip().endswith(")") and bool(aliases) and hit.matched_value == aliases[0]


def records_with(index, token: str) -> int:
    """Return how many different listed names hold a word (records listed under one name count
    once; any count over 50 as 50)."""
    posting = ids(index.postings, token)
    if len(posting) > 50:
        return 50
    return len({name_key(index.recs[index.entries[e][0]].name).key for e in posting})


def _language_common(token: str, display: str) -> bool:
    """Return True when a word of the name typed that reads as `token` is common in English or Russian."""
    from wordfreq import zipf_frequency
    for word in set(re.findall(r"[^\W\d_]{2,}", display.casefold())):
        if name_key(word).tokens == (token,):
            lang = "en" if word.isascii() else "ru"
            if zipf_frequency(word, lang) >= COMMON_ZIPF:
                return True
    return False


def warm() -> None:
    """Load the word frequencies now (before a server's workers fork, so that they share them)."""
    from wordfreq import zipf_frequency
    zipf_frequency("a", "en"), zipf_frequency("а", "ru")


def common_word(index, token: str, display: str = "") -> bool:
    """Return True for a word shared by several listed firms or common in the language."""
    return records_with(index, token) >= SHARED_RECORDS or _language_common(token, display or token)


def foreign_form(query: NameKey, hit: Hit) -> str | None:
    """Return the first legal form of the query that belongs to another country than the record's."""
    own = Counter(name_key(hit.rec.name).legal_forms) | Counter(name_key(hit.matched_value).legal_forms)
    extra = Counter(query.legal_forms) - own  # "Колират Лимитед Limited": one "limited" is its name's
    return next((f for f in extra.elements() if not legal_form_fits(f, hit.rec.country)), None)


def identify(query: NameKey, hit: Hit, scorer: NameScorer, index) -> tuple[bool, str, dict]:
    """Return whether a name hit identifies its record's firm, the reason code, and its parameters."""
    if "name" not in hit.matched_on:
        return False, "not_by_name", {}
    if not hit.same:
        return False, "not_same", {}
    if cut_alias(hit):
        return False, "cut_alias", {}
    if (why_not := one_word_reason(query, hit, index) or words_reason(query, hit, scorer)) is not None:
        return why_not
    if form := foreign_form(query, hit):
        return False, "foreign_legal_form", _form_params(form, hit)
    return True, "whole_name", {}


def words_reason(query: NameKey, hit: Hit, scorer: NameScorer) -> tuple[bool, str, dict] | None:
    """Return why the words of the name are not the listed firm's whole name (or None when they are)."""
    listed = hit.matched_value or hit.rec.name
    extra_q, extra_c, pairs = scorer.leftovers(name_key(listed).tokens)
    extra_c += name_forms_missing(query, hit)
    if extra_c:
        return False, "part_of_name", {"words": _typed_words(extra_c, listed)}
    if (lead := leading_form(query.display)) and lead != leading_form(listed):
        extra_q.append(lead)  # "INC NAVIGATION …" is not "PHILIPPINE NAVIGATION INC"
    if extra_q:
        return False, "extra_words", {"words": _typed_words(extra_q, query.display)}
    main = split_aliases(clean_text(listed))[0] if listed == hit.rec.name else listed  # brackets: other names
    if not spelt_alike(query, pairs) or _reread_latin(query.display, main) > sum(s < 100 for s, _, _ in pairs):
        return False, "spelling", {}
    return None


def literal_words(text: str) -> Counter:
    """Return a Latin name's words folded and abbreviations spelled out, but not read as a near
    English word ("BLINK" stays "blink"), legal forms and function words left out."""
    words, forms = _word_map(), {w for f in _legal_form_keys() for w in f.split()}
    out: Counter = Counter()
    for t in re.findall(r"[a-z]+|[0-9]+", anyascii(text.casefold()).replace("'", "").replace("`", "")):
        mapped = [fold_token(w) for w in words.get(fold_token(t), (t,))]
        out.update(w for w in mapped if w not in forms and w not in STOPWORDS)
    return out


def _reread_latin(query: str, listed: str) -> int:
    """Return how many words of a Latin listed name the Latin name given lacks once neither is read
    as a near English word (the matcher's reading can make "BLINK" and "LINK" one word); 0 when
    either name is not Latin."""
    if not (_latin(query) and _latin(listed)):
        return 0
    return sum((literal_words(listed) - literal_words(query)).values())


def _latin(text: str) -> bool:
    """Return True for a name written in Latin letters only."""
    return all(ch.isascii() or not ch.isalpha() for ch in text)


def one_word_reason(query: NameKey, hit: Hit, index) -> tuple[bool, str, dict] | None:
    """Return why a name of only trade words, or of one common or shared word, identifies no firm (or None)."""
    if shared_name_forms(query, hit):
        return None
    if len(query.tokens) == 1 and query.tokens[0] in trade_words(False):
        return False, "generic_only", {}
    listed = name_key(hit.matched_value or hit.rec.name).tokens  # the listed word may be the common one ("Арман")
    if len(query.tokens) == 1 and (common_word(index, query.tokens[0], query.display) or (
            len(listed) == 1 and listed != query.tokens and common_word(index, listed[0], hit.matched_value))):
        return False, "common_word", {"words": _typed_words(query.tokens, query.display)}
    return None


def spelt_alike(query: NameKey, pairs: list[tuple[float, str, str]]) -> bool:
    """Return True when every aligned word is alike enough to name the same firm: WORD_ALIKE, and
    exactly for a word of three letters or less, and for every word of a name that has only one
    distinctive word ("Home Employment Agency" is not "Homes Employment Agency")."""
    exact = len(distinctive(query.tokens)) <= 1
    return all(sim >= 100 or (sim >= WORD_ALIKE and not exact and min(len(a), len(b)) > 3) for sim, a, b in pairs)


def name_forms_missing(query: NameKey, hit: Hit) -> list[str]:
    """Return the record's legal-form words that cannot be its own legal form (another country's:
    "JSC" in a Philippine name, "LTD" inside a Kazakh ТОО's quotes, "LK" read as LLC) and so are
    words of its name, when the query lacks them."""
    listed = hit.matched_value or hit.rec.name
    named = [f for f in name_key(listed).legal_forms if not legal_form_fits(f, hit.rec.country) or _named_form(f, hit)]
    missing = list((Counter(named) - Counter(query.legal_forms)).elements())
    if (lead := leading_form(listed)) and lead not in named and leading_form(query.display) != lead:
        missing.append(lead)  # "SHIP MANAGEMENT INC" lacks the "INC" of "INC SHIPMANAGEMENT INC"
    return missing


def leading_form(name: str) -> str | None:
    """Return a Latin legal-form word that begins a name of more words ("INC NAVIGATION …",
    "INCORPORATED SERVICES …"): a word of the name, not its legal form (ТОО, ООО lead by custom)."""
    words = _words(clean_text(name).casefold())
    form = words[0] if len(words) > 2 or (len(words) == 2 and words[1] not in _form_countries()) else None
    countries = _form_countries().get(form or "", ())
    return form if "not CIS" in countries or "US" in countries else None


def _named_form(form: str, hit: Hit) -> bool:
    """Return True for a legal-form word of no country in a CIS firm's name: its legal form is ТОО or
    ООО, so "Ко" or "Компания" inside its quotes is a word of its name."""
    return hit.rec.country in _CIS and form not in _form_countries()


def shared_name_forms(query: NameKey, hit: Hit) -> bool:
    """Return True when the query and the record share a legal-form word that is part of the name:
    another country's ("ТОО «Бейлер LTD»"), or a second one ("ТОО «Айдын и КО»")."""
    shared = [f for f in query.legal_forms if f in name_key(hit.rec.name).legal_forms]
    return bool([f for f in shared if not legal_form_fits(f, hit.rec.country) or _named_form(f, hit)] or shared[1:])


def _form_params(form: str, hit: Hit) -> dict:
    """Return the parameters of the foreign-legal-form reason."""
    countries = _form_countries().get(form, ())
    return {"form": _form_display().get(form, form.upper()), "name": hit.rec.name,
            "form_country": COUNTRY_NAMES.get(countries[0], countries[0]) if len(countries) == 1 else
            COUNTRY_NAMES["not CIS"], "country": COUNTRY_NAMES.get(hit.rec.country, hit.rec.country)}


def _typed_words(tokens, display: str) -> str:
    """Return the words of a name as written that read as these tokens (the tokens where none does)."""
    wanted = set(tokens)
    words = [w for w in re.findall(r"[^\W_][^\s,;:()\"«»]*", display) if wanted & set(name_key(w).tokens)]
    return ", ".join(dict.fromkeys(words)) or ", ".join(tokens)


def apply_identity(hits: list[Hit], query: NameKey | None, index) -> dict[str, dict]:
    """Set `identifies` and `identity_reason` on every hit; return the reason parameters per record."""
    scorer = NameScorer(query.tokens, index.weights, "transliterated" in query.notes) if query else None
    params: dict[str, dict] = {}
    for h in hits:
        if query is None:
            h.identifies, h.identity_reason = False, "not_by_name"
            continue
        h.identifies, h.identity_reason, params[h.rec.id] = identify(query, h, scorer, index)
    return params

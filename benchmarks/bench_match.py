#!/usr/bin/env python
"""Benchmark of the matcher (verifier/names/match.py) on SYNTHETIC registries of 10k, 100k and 1M names.

Every agency name, phone number and record this script makes is SYNTHETIC: generated in memory
from word pools, and written only to a temporary directory that is deleted at the end. The
vocabulary is seeded at run time from the real names in data/sources (PH directory JSON,
HK CSV, KZ XLSX, read through the project's own parsers) so the token distribution looks like the
real registries; none of that data is copied into the repository or into the results.

Per size it prints and writes (benchmarks/results/bench_match.json):
  * index build: seconds for `Index.from_connection(conn)` on a real registry SQLite file written
    with the store's schema and row function, and with the match snapshot a production refresh
    stores (`store.write_match_snapshot`), RSS after the build; also `Index.from_rows` (the build
    a process does when no snapshot matches) and the seconds the snapshot took to write;
  * name checks: p50/p95 ms of `idx.search_name(name_key(q))`, recall@1 per query slice;
  * phone checks: p50/p95 ms of `idx.search_phone(q)` over several phone formats;
  * brute force, same run, same queries: `process.extractOne(q, names, scorer=fuzz.WRatio)`.

Each size is measured in a fresh child process pinned to one CPU, so build time and RSS are not
disturbed by the generator or by the other sizes. See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import bisect
import gc
import io
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anyascii import anyascii  # noqa: E402

from verifier.names.normalize import LEGAL_FORMS, name_key  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "bench_match.json"
DEFAULT_SOURCES = ROOT / "data" / "sources"
STAMP = "2026-01-01T00:00:00+00:00"
TARGETS = {  # issue 3, "Must show"
    "name_p95_ms": {100_000: 5.0, 1_000_000: 30.0},
    "speedup_vs_wratio_at_100k": 30.0,
    "phone_p95_ms": 0.5,
    "build_s_at_100k": 2.0,
    "rss_mb_at_100k": 250.0,
}
SLICES = ("exact", "typo", "legal_form", "translit", "word_order", "combined", "unlisted")

# --- word pools (generic vocabulary written for this benchmark; no registry data) --------------

LATIN_BUSINESS = """Global Manpower Services Resources Placement Agency International Overseas Employment
Recruitment Staffing Solutions Consultancy Management Human Capital Talent Career Link Bridge Star
Prime Golden Pacific Asia Orient Unity Pioneer Summit Horizon Royal Grand Excel First Best Trust
Alliance Network Partners Group Worldwide Maritime Marine Crew Shipping Allied United General
Trading Enterprises Ventures Holdings Builders Development Express Harvest Evergreen Sunrise Silver
Diamond Crystal Phoenix Eagle Lotus Dragon Jade Legacy Landmark Keystone Anchor Beacon Compass
Frontier Heritage Infinity Meridian Noble Premier Regal Sterling Vanguard Zenith""".split()
FILIPINO = """Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores
Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado Delacruz Pascual Soriano Manalo Dizon
Gonzales Lim Tan Uy Magbanua Macaraeg Dimaculangan Lacson Tolentino Panganiban Bayanihan Kabayan
Masagana Maligaya Pinoy Bagong Mabuhay Tagumpay Pagasa Kalinga Liwanag Bituin Dakila Malaya Tahanan
Ginhawa Sampaguita Malakas Marangal Dalisay""".split()
PLACES_LATIN = """Manila Cebu Davao Makati Quezon Pasig Taguig Iloilo Bacolod Baguio Pampanga Batangas
Laguna Cavite Ilocos Mindanao Visayas Luzon Kowloon Wanchai Causeway Mongkok Shatin Tsuen Yuen Tuen
Kwai Central Almaty Astana Shymkent Dubai Riyadh Doha Kuwait Taipei Singapore""".split()
CYR_BUSINESS = """Строй Сервис Кадры Трейд Групп Плюс Альянс Капитал Инвест Технологии Снаб Монтаж Транс
Логистик Консалтинг Персонал Партнер Союз Восток Запад Север Юг Мега Универсал Стандарт Гарант
Прогресс Лидер Элит Профи Энерго Агро Мир Успех Рассвет Надежда Вектор Импульс Ресурс Формат
Континент Меридиан Горизонт Феникс Атлант Олимп""".split()
KAZAKH = """Сәт Ақжол Қазына Бәйтерек Өркен Ұлан Үміт Жұлдыз Ақниет Қуат Дәулет Алтын Шаңырақ Ғасыр
Мұнай Құрылыс Ақсай Нұр Бірлік Ынтымақ Кәсіп Өнім Жаңа Тұлпар Қыран Арман Береке Самғау Іскер
Гауһар Жауһар Шаһар Ізгі Інжу Әлем Ғалым Мөлдір Аңсар Бағдар Сұңқар Үркер Өріс Ұмай""".split()
PLACES_CYR = """Алматы Астана Шымкент Қарағанды Ақтөбе Атырау Павлодар Семей Тараз Орал Қостанай Ақтау
Түркістан Жезқазған Көкшетау Өскемен Талдықорған Қызылорда Екібастұз Караганда Актобе Кокшетау""".split()

LEGAL_FAMILY = {
    "kz": ["ТОО", "ТОО", "ТОО", "Товарищество с ограниченной ответственностью", "ЖШС",
           "Жауапкершілігі шектеулі серіктестігі", "TOO", "LLP", "ООО", "ИП", "АО"],
    "ph": ["INC.", "INC.", "INC", "CORP.", "CORPORATION", "CORPORATION", "CO.", "INCORPORATED",
           "LTD."],
    "hk": ["LIMITED", "LIMITED", "COMPANY LIMITED", "LTD", "CO. LTD", "LIMITED"],
}
PH_STATUSES = [("Valid License", "valid", 30), ("Valid License - Provisional", "valid", 3),
               ("Delisted", "invalid", 30), ("Cancelled", "invalid", 24), ("Forever Banned", "invalid", 4),
               ("Expired", "invalid", 4), ("Suspended", "invalid", 2), ("Inactive", "invalid", 3)]

# Latin -> Cyrillic for "a Latin name typed in Cyrillic letters" queries (longest first).
LAT2CYR = [("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
           ("ya", "я"), ("yu", "ю"), ("yo", "ё"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"),
           ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"),
           ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"),
           ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "и"),
           ("z", "з")]
LAT_ALPHA = "abcdefghijklmnopqrstuvwxyz"
CYR_ALPHA = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
HOMOGLYPH = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "А": "A",
                           "Е": "E", "О": "O", "Р": "P", "С": "C", "Х": "X", "Т": "T", "К": "K"})
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def script_of(text: str) -> str:
    """Return 'cjk', 'cyr' or 'lat' for a word."""
    if CJK_RE.search(text):
        return "cjk"
    if re.search(r"[\u0400-\u052f]", text):
        return "cyr"
    return "lat"


# --- vocabulary from the real sources ------------------------------------------------------------

_LONG_FORMS = sorted({f for f in LEGAL_FORMS if " " in f}, key=len, reverse=True)
_SHORT_FORMS = {f.casefold() for f in LEGAL_FORMS if " " not in f} | {"co", "corp", "inc", "ltd"}
_PART_RE = re.compile(
    r"(?P<legal>(?<![^\W_])(?:" + "|".join(re.escape(f) for f in _LONG_FORMS) + r")(?![^\W_]))"
    r"|(?P<word>[^\W_]+)|(?P<sep>[\W_]+)", re.I)
_LONG_WORDS = {w for f in _LONG_FORMS for w in f.casefold().split()}
_TAIL_RE = re.compile(r"\(\s*(?:formerly|for\.|frmly|f/k/a|fka|ранее|бывш)", re.I)


def parse_parts(name: str, generic: set[str]) -> tuple[list, list]:
    """Return a name cut into (kind, text) parts, and its "(FORMERLY …)" tail likewise."""
    m = _TAIL_RE.search(name)
    main, tail = (name[: m.start()], name[m.start():]) if m else (name, "")
    out = []
    for text in (main, tail):
        parts = []
        if text is tail and tail:
            head = _TAIL_RE.match(tail)
            parts.append(("sep", head.group()))
            text = tail[head.end():]
        for pm in _PART_RE.finditer(text):
            t = pm.group()
            if pm.lastgroup == "legal" or (pm.lastgroup == "word" and t.casefold() in _SHORT_FORMS):
                parts.append(("legal", t))
            elif pm.lastgroup == "word":
                kind = "num" if t.isdigit() else "cjk" if script_of(t) == "cjk" else \
                    "generic" if t.casefold() in generic else "word"
                parts.append((kind, t))
            else:
                parts.append(("sep", t))
        out.append(parts)
    return out[0], out[1]


class Markov:
    """An order-2 character model of a script's words, for new brand-like words (vocabulary growth)."""

    def __init__(self, words: list[str]) -> None:
        table: dict[str, Counter] = defaultdict(Counter)
        for w in words:
            w = "^^" + w.casefold() + "$"
            for i in range(2, len(w)):
                table[w[i - 2:i]][w[i]] += 1
        self.table = {k: (list(c), list(_cum(c.values()))) for k, c in table.items()}

    def word(self, rng: random.Random) -> str:
        for _ in range(20):
            ctx, out = "^^", ""
            while len(out) < 14:
                chars, cum = self.table.get(ctx, (["$"], [1]))
                ch = chars[bisect.bisect_left(cum, rng.random() * cum[-1])]
                if ch == "$":
                    break
                out += ch
                ctx = ctx[1] + ch
            if 4 <= len(out) <= 12:
                return out
        return out or "nova"


def _cum(values) -> list[int]:
    total, out = 0, []
    for v in values:
        total += v
        out.append(total)
    return out


class Pool:
    """Weighted random choice over a Counter (real frequencies: Zipf-like)."""

    def __init__(self, counter: Counter) -> None:
        self.items = list(counter)
        self.cum = _cum(counter.values())

    def pick(self, rng: random.Random) -> str:
        return self.items[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]


class Vocab:
    """Templates and token pools learnt from the real source names (kept only in memory)."""

    def __init__(self, sources: Path) -> None:
        from scrapers import hk_eaa, kz_kgd, ph_dmw
        ph = ph_dmw.parse_directory(json.loads((sources / "ph_dmw/directory/dmw-licensed-agencies-2026-09-14.json")
                                               .read_text("utf-8")), None)
        hk = hk_eaa.parse_csv((sources / "hk_eaa/Employmnt_Agency_Data_28_12_21.csv").read_bytes())
        kz = kz_kgd.parse_xlsx((sources / "kz_kgd/list_PSEUDO_COMPANY_KZ_ALL.xlsx").read_bytes())
        names = {
            "ph": sorted({r.name for r in ph}),
            "hk": sorted({r.name for r in hk if script_of(r.name) != "cjk"}),
            "kz": sorted({r.name for r in kz}),
        }
        chinese = sorted({n for r in hk for n in [r.name, *r.aliases] if script_of(n) == "cjk"})
        self.counts = {k: len(v) for k, v in names.items()} | {"cjk": len(chinese)}
        self.templates: dict[str, list] = {}
        self.generic: dict[str, list[str]] = {}
        tokens: dict[str, Counter] = {"lat": Counter(), "cyr": Counter()}
        for style, ns in names.items():
            df = Counter()
            for n in ns:
                df.update({t.casefold() for t in re.findall(r"[^\W\d_]{3,}", n)} - _SHORT_FORMS)
            generic = {t for t, _ in df.most_common(40 + len(_LONG_WORDS)) if t not in _LONG_WORDS}
            self.generic[style] = sorted(generic)
            self.templates[style] = [parse_parts(n, generic) for n in ns]
            for main, tail in self.templates[style]:
                for kind, t in main + tail:
                    if kind == "word" and len(t) >= 3:
                        tokens[script_of(t)][t.casefold()] += 1
        self.real_tokens = {s: Pool(c) for s, c in tokens.items()}
        self.n_real_tokens = {s: len(c) for s, c in tokens.items()}
        self.curated = {"lat": LATIN_BUSINESS + FILIPINO + PLACES_LATIN,
                        "cyr": CYR_BUSINESS + KAZAKH + PLACES_CYR}
        self.markov = {s: Markov(list(c)) for s, c in tokens.items()}
        # Chinese: a body of 2-3 characters from the real character frequencies, a real ending.
        chars, tails = Counter(), Counter()
        for n in chinese:
            k = 2 if len(n) <= 5 else 3
            chars.update(n[:k])
            tails[n[k:]] += 1
        self.cjk_chars = Pool(chars)
        self.cjk_tails = Pool(tails)
        self.cjk_alphabet = "".join(chars)

    def token(self, rng: random.Random, script: str, novel: bool = False) -> str:
        r = 1.0 if novel else rng.random()
        if r < 0.70:
            return self.real_tokens[script].pick(rng)
        if r < 0.85:
            return rng.choice(self.curated[script])
        return self.markov[script].word(rng)


VOCAB: Vocab | None = None


def _case_like(word: str, model: str) -> str:
    if model.isupper():
        return word.upper()
    if model.islower():
        return word.lower()
    return word[:1].upper() + word[1:].lower()


def synth_parts(rng: random.Random, style: str, novel: bool = False) -> tuple[list, list]:
    """Return a SYNTHETIC name as parts: a real template's structure with its words replaced.

    novel: every distinctive word is a new made-up word (for names that are on no list)."""
    v = VOCAB
    main, tail = rng.choice(v.templates[style])
    out = []
    for parts in (main, tail):
        new = []
        for kind, t in parts:
            if kind == "legal" and rng.random() < 0.25:
                t = rng.choice(LEGAL_FAMILY[style])
                t = t if not parts[0][1].islower() else t.lower()
            elif kind == "num":
                t = str(rng.randint(1, 10 ** min(len(t), 4) - 1))
            elif kind == "generic" and rng.random() < 0.15:
                t = _case_like(rng.choice(v.generic[style]), t)
            elif kind == "word":
                sc = script_of(t)
                if len(t) <= 2:
                    alpha = LAT_ALPHA if sc == "lat" else CYR_ALPHA[:32]
                    t = t if rng.random() < 0.5 else _case_like("".join(rng.choice(alpha) for _ in t), t)
                else:
                    t = _case_like(v.token(rng, sc, novel), t)
                    if sc == "cyr" and rng.random() < 0.01:  # a look-alike Latin letter slipped in
                        i = rng.randrange(len(t))
                        t = t[:i] + t[i].translate(HOMOGLYPH) + t[i + 1:]
            new.append((kind, t))
        out.append(new)
    return out[0], out[1]


def synth_chinese(rng: random.Random) -> str:
    """Return a SYNTHETIC Chinese agency name."""
    v = VOCAB
    return "".join(v.cjk_chars.pick(rng) for _ in range(rng.choice((2, 2, 3)))) + v.cjk_tails.pick(rng)


def text_of(parts: list) -> str:
    return "".join(t for _, t in parts)


# --- phones (SYNTHETIC numbers, valid by phonenumbers' metadata) -------------------------------

PH_MOBILE = ["905", "906", "915", "916", "917", "918", "919", "920", "926", "927", "928", "929",
             "935", "945", "955", "956", "966", "977", "995", "998", "999"]
KZ_MOBILE = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"]
KZ_CITY = [("7172", 6), ("727", 7), ("7252", 6), ("7212", 6), ("7132", 6)]


def synth_phone(rng: random.Random, country: str) -> tuple[str, str, str]:
    """Return (e164, national number, kind) of a new SYNTHETIC number."""
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    if country == "PH":
        if rng.random() < 0.65:
            n = "9" + rng.choice(PH_MOBILE)[1:] + d(7)
            return "+63" + n, n, "mobile"
        n = "28" + d(7)
        return "+63" + n, n, "landline"
    if country == "KZ":
        if rng.random() < 0.7:
            n = rng.choice(KZ_MOBILE) + d(7)
            return "+7" + n, n, "mobile"
        code, rest = rng.choice(KZ_CITY)
        n = code + rng.choice("2345") + d(rest - 1)
        return "+7" + n, n, "landline"
    n = rng.choice("235569") + d(7)
    return "+852" + n, n, "mobile" if n[0] in "569" else "landline"


def raw_phone(rng: random.Random, e164: str, national: str, country: str, kind: str) -> str:
    """Return one SYNTHETIC number written the way each registry writes them."""
    n = national
    if country == "PH":
        if kind == "mobile":
            return rng.choice([f"0{n[:3]} {n[3:6]} {n[6:]}", f"0{n}", f"+63 {n[:3]} {n[3:6]} {n[6:]}",
                               f"0{n[:3]}-{n[3:6]}-{n[6:]}"])
        return rng.choice([f"(02) {n[1:5]}-{n[5:]}", f"02 {n[1:5]} {n[5:]}", f"{n[1:5]}-{n[5:]}"])
    if country == "KZ":
        if kind == "mobile":
            return rng.choice([f"+7 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}", f"8 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}",
                               f"8{n}"])
        code = next(c for c, _ in KZ_CITY if n.startswith(c))
        rest = n[len(code):]
        return rng.choice([f"+7 ({code}) {rest}", f"8 ({code}) {rest[:-4]}-{rest[-4:-2]}-{rest[-2:]}"])
    return rng.choice([f"{n[:4]} {n[4:]}", n, f"+852 {n[:4]} {n[4:]}"])


def phone_query(rng: random.Random, e164: str, national: str, country: str, kind: str) -> tuple[str, str]:
    """Return (format, text) of a phone query in one of several formats."""
    n, cc = national, e164[1:len(e164) - len(national)]
    options = [("e164", e164), ("intl_no_plus", cc + n), ("wa_me", f"https://wa.me/{cc}{n}")]
    if country == "PH":
        options += [("trunk_0", "0" + n), ("spaced_intl", f"+63 {n[:3]} {n[3:6]} {n[6:]}"),
                    ("dashed_trunk", f"0{n[:3]}-{n[3:6]}-{n[6:]}")]
        options += [("bare_national", n)] if kind == "mobile" else [("local_no_area", f"{n[1:5]} {n[5:]}")]
    elif country == "KZ":
        options += [("trunk_8", "8" + n), ("bare_national", n), ("spaced_intl", f"+7 {n[:3]} {n[3:6]} {n[6:8]} {n[8:]}"),
                    ("dashed_trunk", f"8-{n[:3]}-{n[3:6]}-{n[6:8]}-{n[8:]}")]
        if kind == "landline" and n.startswith("7"):
            options.append(("kz_old_area_code", f"8 (3{n[1:4]}) {n[4:]}"))
    else:
        options += [("bare_national", n), ("spaced_intl", f"+852 {n[:4]} {n[4:]}"), ("dashed", f"{n[:4]}-{n[4:]}")]
    return rng.choice(options)


# --- records ---------------------------------------------------------------------------------------

def source_infos() -> dict:
    from verifier.records import SourceInfo
    mk = lambda sid, country, kind: SourceInfo(  # noqa: E731
        id=sid, name=f"SYNTHETIC benchmark registry ({country}-style)", publisher="benchmarks/bench_match.py (synthetic)",
        country=country, kind=kind, url="synthetic://", min_records=0, max_records=10 ** 8, live=False,
        note="SYNTHETIC data for benchmarking only")
    return {"ph": mk("syn_ph", "PH", "registry"), "kz": mk("syn_kz", "KZ", "warning"),
            "hk": mk("syn_hk", "HK", "registry")}


def make_records(seed: int, n: int) -> list:
    """Return n SYNTHETIC (style, Record, meta) from one seed (deterministic)."""
    import phonenumbers
    from verifier.records import Record
    rng = random.Random(seed)
    out = []
    for k in range(n):
        style = rng.choices(("ph", "kz", "hk"), (0.4, 0.4, 0.2))[0]
        country = {"ph": "PH", "kz": "KZ", "hk": "HK"}[style]
        aliases, main, tail = [], [], []
        if style == "hk" and rng.random() < 0.1:
            name = synth_chinese(rng)
            main = [("cjk", name)]
        else:
            main, tail = synth_parts(rng, style)
            name = text_of(main) + text_of(tail)
            if style == "hk" and rng.random() < 0.78:
                aliases = [synth_chinese(rng)]
        phones = []
        for _ in range(rng.choices((0, 1, 2, 3), (0.15, 0.5, 0.25, 0.1))[0]):
            for _ in range(5):
                e164, national, kind = synth_phone(rng, country)
                if phonenumbers.is_valid_number(phonenumbers.parse(e164)):
                    phones.append((e164, national, kind))
                    break
        pieces = [raw_phone(rng, *p[:2], country, p[2]) for p in phones]
        raw = rng.choice([" / ", "/", " ; "]).join(pieces)
        phones = [(*p, piece) for p, piece in zip(phones, pieces)]
        if style == "ph":
            status, group = rng.choices([(s, g) for s, g, _ in PH_STATUSES], [w for *_, w in PH_STATUSES])[0]
        elif style == "kz":
            status, group = "False enterprise (лжепредприятие)", "warning"
        else:
            status, group = "Licensed", "valid"
        rec = Record(source_key=f"SYN-{seed}-{k}", name=name, aliases=aliases, phones=raw,
                     licence_number=f"SYN{seed % 1000:03d}-{k:06d}" if style != "ph" else "",
                     status=status, status_group=group, country=country, data_as_of="2026-01-01")
        out.append((style, rec, {"main": main, "tail": tail, "style": style, "phones": phones,
                                 "country": country}))
    return out


def known_phones(rec, meta: dict) -> list:
    """Return the Phone objects parse_phones gives for a generated field, from what was generated."""
    from verifier.names.numbers import Phone
    seen, out = set(), []
    for e164, national, _kind, piece in meta["phones"]:
        if e164 not in seen:
            seen.add(e164)
            out.append(Phone(raw=piece, e164=e164, country=rec.country, national=national, valid=True))
    return out


def fast_row(info, rec, cols: list[str], phones: list | None = None) -> tuple:
    """Return the agencies row and phone rows exactly as scrapers.store.write_source makes them.

    phones: the parse_phones result when it is already known (see _chunk_worker: checked against
    the real parse_phones for every query target and a 1-in-20 sample of the rest).
    """
    from scrapers import store
    from verifier.names.numbers import parse_phones
    row = store.agency_row(info, rec)  # the store's own row function: name_key, alias keys, licence key
    if phones is None:
        phones = parse_phones(rec.phones, rec.country or info.country)
    row["record_hash"] = store._hash(row, phones)
    row.update(first_seen=STAMP, last_seen=STAMP, removed_at=None)
    prow = [(row["id"], p.e164, p.raw, p.country, p.national, int(p.valid)) for p in phones]
    return tuple(row.get(c) for c in cols), prow


def _chunk_worker(args) -> list:
    seed, n, cols, keep_meta = args
    from verifier.names.numbers import parse_phones
    infos = source_infos()
    out = []
    checked = mismatched = 0
    for k, (style, rec, meta) in enumerate(make_records(seed, n)):
        phones = known_phones(rec, meta)
        if keep_meta or k % 20 == 0:  # the real parser, to prove the shortcut exact
            real = parse_phones(rec.phones, rec.country)
            checked += 1
            if sorted(real, key=lambda p: p.e164) != sorted(phones, key=lambda p: p.e164):
                mismatched += 1
                phones = real
        row, prow = fast_row(infos[style], rec, cols, phones)
        keys = [row[cols.index("name_key")], *json.loads(row[cols.index("alias_keys")])]
        if keep_meta:
            meta.update(id=row[0], name=row[cols.index("name")], key=keys[0],
                        aliases=json.loads(row[cols.index("aliases")]))
        out.append((row, prow, keys, meta if keep_meta else {}))
    return out, (checked, mismatched)


def agency_columns() -> list[str]:
    from scrapers import store
    db = store.open_db(":memory:")
    return list(db["agencies"].columns_dict)


def self_check(cols: list[str]) -> dict:
    """Write 300 SYNTHETIC records with store.write_source and with the fast path; return the diff."""
    from scrapers import store
    infos = source_infos()
    recs = make_records(7, 300)
    with tempfile.TemporaryDirectory(prefix="bench_match_check_") as tmp:
        a, b = store.open_db(Path(tmp) / "a.db"), store.open_db(Path(tmp) / "b.db")
        for style, info in infos.items():
            store.save_source_info(a, info)
            run = store.start_run(a, info.id, offline=True)
            store.write_source(a, info, [r for s, r, _ in recs if s == style], run)
        rows = [fast_row(infos[s], r, cols, known_phones(r, m)) for s, r, m in recs]
        _insert(b, cols, rows)
        skip = {"first_seen", "last_seen"}
        sel = ", ".join(c for c in cols if c not in skip)
        qa = a.conn.execute(f"select {sel} from agencies order by id").fetchall()
        qb = b.conn.execute(f"select {sel} from agencies order by id").fetchall()
        pa = a.conn.execute("select * from phones order by agency_id, e164").fetchall()
        pb = b.conn.execute("select * from phones order by agency_id, e164").fetchall()
    return {"records": len(qa), "agencies_equal": qa == qb, "phones_equal": pa == pb, "phones": len(pa)}


def _insert(db, cols, rows) -> None:
    conn = db.conn
    conn.execute("BEGIN")
    conn.executemany(f"insert or ignore into agencies ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
                     (r for r, _ in rows))
    conn.executemany("insert or ignore into phones (agency_id, e164, raw, country, national, valid) "
                     "values (?, ?, ?, ?, ?, ?)", (p for _, ps in rows for p in ps))
    conn.execute("COMMIT")


def generate(n_max: int, meta_limit: int, workers: int, seed: int, cols: list[str]) -> tuple[list, list, dict]:
    """Return n_max unique SYNTHETIC rows, meta for the first meta_limit, and every key -> position."""
    import multiprocessing as mp
    chunk = 5000
    rows, metas, keys = [], [], {}
    phones_seen: set[str] = set()
    dup_names = dup_phones = phones_checked = phones_mismatched = 0
    ctx = mp.get_context("fork")
    with ctx.Pool(workers) as pool:
        batch = 0
        while len(rows) < n_max:
            need = n_max - len(rows)
            jobs = [(seed * 100_003 + batch + i, chunk, cols, len(rows) + i * chunk < meta_limit * 1.3 + chunk)
                    for i in range(max(1, min(64, -(-int(need * 1.03) // chunk))))]
            batch += len(jobs)
            for part, (chk, bad) in pool.imap(_chunk_worker, jobs):
                phones_checked += chk
                phones_mismatched += bad
                for row, prow, ks, meta in part:
                    if len(rows) >= n_max:
                        break
                    if any(k in keys for k in ks if k):
                        dup_names += 1
                        continue
                    if any(p[1] in phones_seen for p in prow):
                        dup_phones += 1
                        continue
                    pos = len(rows)
                    for k in ks:
                        if k:
                            keys[k] = pos
                    phones_seen.update(p[1] for p in prow)
                    rows.append((row, prow))
                    if pos < meta_limit:
                        metas.append(meta)
    assert all("main" in m for m in metas), "query metadata missing: raise the meta margin"
    return rows, metas, {"keys": keys, "dropped_duplicate_names": dup_names, "dropped_duplicate_phones": dup_phones,
                               "phone_fields_checked_with_parse_phones": phones_checked,
                               "phone_fields_differing_from_parse_phones": phones_mismatched}


def write_db(path: Path, cols: list[str], rows: list) -> float:
    """Write the SYNTHETIC registry and its match snapshot; return the snapshot's seconds."""
    from scrapers import store
    db = store.open_db(path)
    for info in source_infos().values():
        store.save_source_info(db, info, records=0, last_success=STAMP, data_as_of="2026-01-01")
    _insert(db, cols, rows)
    t = time.perf_counter()
    store.write_match_snapshot(db)  # what a production run does once its sources have landed
    db.conn.close()
    return round(time.perf_counter() - t, 1)


# --- queries -----------------------------------------------------------------------------------

def _edit(rng: random.Random, word: str) -> str:
    """Return word with one typing error (substitution, deletion, insertion or transposition)."""
    sc = script_of(word)
    alpha = VOCAB.cjk_alphabet if sc == "cjk" else CYR_ALPHA if sc == "cyr" else LAT_ALPHA
    i = rng.randrange(len(word))
    op = "sub" if sc == "cjk" else rng.choice(("sub", "del", "ins", "swap"))
    if op == "del" and len(word) > 3:
        return word[:i] + word[i + 1:]
    if op == "ins":
        return word[:i] + _case_like(rng.choice(alpha), word) + word[i:]
    if op == "swap" and i < len(word) - 1 and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    ch = rng.choice([c for c in alpha if c != word[i].lower()])
    return word[:i] + (ch.upper() if word[i].isupper() else ch) + word[i + 1:]


def _typo(rng: random.Random, parts: list, edits: int) -> list | None:
    parts = list(parts)
    cands = [i for i, (k, t) in enumerate(parts) if k in ("word", "generic", "cjk") and len(t) >= 4]
    cands = cands or [i for i, (k, t) in enumerate(parts) if k in ("word", "generic", "cjk") and len(t) >= 2]
    if not cands:
        return None
    for _ in range(edits):
        i = rng.choice(cands)
        parts[i] = (parts[i][0], _edit(rng, parts[i][1]))
    return parts


def _legal(rng: random.Random, parts: list, style: str) -> list:
    """Return parts with the legal form dropped or changed (or one added when there is none)."""
    idx = [i for i, (k, _) in enumerate(parts) if k == "legal"]
    if not idx:
        form = rng.choice(LEGAL_FAMILY[style])
        return [("legal", form), ("sep", " "), *parts] if style == "kz" else [*parts, ("sep", " "), ("legal", form)]
    parts = list(parts)
    if rng.random() < 0.5:
        for i in reversed(idx):
            parts[i] = ("sep", " ")
    else:
        current = {parts[i][1].casefold().rstrip(".") for i in idx}
        choices = [f for f in LEGAL_FAMILY[style] if f.casefold().rstrip(".") not in current]
        parts[idx[0]] = ("legal", rng.choice(choices))
        for i in idx[1:]:
            parts[i] = ("sep", " ")
    return parts


def _lat2cyr(word: str) -> str:
    out, w, i = "", word.lower(), 0
    while i < len(w):
        for a, b in LAT2CYR:
            if w.startswith(a, i):
                out += b
                i += len(a)
                break
        else:
            out += w[i]
            i += 1
    return _case_like(out, word)


def _translit(parts: list, script: str) -> list:
    if script == "cyr":
        return [(k, anyascii(t)) for k, t in parts]
    return [(k, _lat2cyr(t) if k in ("word", "generic") else t) for k, t in parts]


def _order(rng: random.Random, parts: list) -> list | None:
    idx = [i for i, (k, _) in enumerate(parts) if k in ("word", "generic", "num")]
    if len(idx) < 2:
        return None
    parts = list(parts)
    i, j = rng.sample(idx, 2)
    parts[i], parts[j] = parts[j], parts[i]
    return parts


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.-")


def make_queries(metas: list, keys: dict, n: int, seed: int) -> list[dict]:
    """Return n name queries in SLICES (targets among metas; perturbed text never another record's key)."""
    rng = random.Random(seed)
    per = {s: n // len(SLICES) + (1 if i < n % len(SLICES) else 0) for i, s in enumerate(SLICES)}
    out = []
    for sl in SLICES:
        made, tries = 0, 0
        while made < per[sl] and tries < per[sl] * 50:
            tries += 1
            if sl == "unlisted":
                style = rng.choices(("ph", "kz", "hk"), (0.4, 0.4, 0.2))[0]
                q = synth_chinese(rng) if style == "hk" and rng.random() < 0.1 else \
                    text_of(synth_parts(rng, style, novel=True)[0])
                if name_key(q).key in keys:
                    continue
                out.append({"slice": sl, "q": _clean(q), "target": None})
                made += 1
                continue
            m = rng.choice(metas)
            main, style = m["main"], m["style"]
            script = "cjk" if main and main[0][0] == "cjk" else "cyr" if script_of(text_of(main)) == "cyr" else "lat"
            if sl == "exact":
                q = rng.choice(m["aliases"]) if m["aliases"] and rng.random() < 0.3 else m["name"]
            elif sl == "typo":
                if m["aliases"] and rng.random() < 0.15:
                    main = [("cjk", m["aliases"][0])]
                p = _typo(rng, main, rng.choice((1, 1, 2)))
                q = p and text_of(p)
            elif script == "cjk":
                continue  # no legal form, transliteration or word order for Chinese names here
            elif sl == "legal_form":
                q = text_of(_legal(rng, main, style))
            elif sl == "translit":
                q = text_of(_translit(main, script))
            elif sl == "word_order":
                p = _order(rng, main)
                q = p and text_of(p)
            else:  # combined: legal form dropped/changed + transliteration + one typo
                p = _typo(rng, _translit(_legal(rng, main, style), script), 1)
                q = p and text_of(p)
            if not q:
                continue
            q = _clean(q)
            k = name_key(q).key
            if not k or (k in keys and keys[k] != m["pos"]):
                continue  # the perturbation produced another listed name: not a fair question
            out.append({"slice": sl, "q": q, "target": m["id"]})
            made += 1
    rng.shuffle(out)
    return out


def make_phone_queries(metas: list, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    with_phones = [m for m in metas if m["phones"]]
    out = []
    for _ in range(n):
        m = rng.choice(with_phones)
        e164, national, kind, _raw = rng.choice(m["phones"])
        fmt, q = phone_query(rng, e164, national, m["country"], kind)
        out.append({"format": fmt, "country": m["country"], "q": q, "target": m["id"]})
    return out


# --- measuring (child process) -----------------------------------------------------------------

def rss_mb() -> dict:
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                k, v = line.split(":")
                out[k] = round(int(v.split()[0]) / 1024, 1)
    return {"rss_mb": out.get("VmRSS"), "peak_rss_mb": out.get("VmHWM")}


def pct(values: list[float], p: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))], 3)


def measure(db: Path, qfile: Path, out: Path, brute_budget: float, profile: bool) -> None:
    """Build the index from db, run the queries, write figures to out (runs in a child process)."""
    try:
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    from rapidfuzz import fuzz, process, utils

    from verifier.names.match import Index
    from verifier.names.postings import ids
    from verifier.registry import connect
    from verifier.names.normalize import NORM_VERSION
    qs = json.loads(qfile.read_text("utf-8"))
    res: dict = {"cpu_affinity": sorted(os.sched_getaffinity(0))}
    with sqlite3.connect(db) as c:  # keys stored by another normaliser version make the build recompute them
        res["rows_with_stale_norm_version"] = c.execute(
            "select count(*) from agencies where norm_version != ?", [NORM_VERSION]).fetchone()[0]
    gc.collect()
    res["load_before"] = os.getloadavg()
    res["before_build"] = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    conn = connect(db)
    idx = Index.from_connection(conn)
    res["build_s"] = round(time.perf_counter() - t0, 3)
    res["build_cpu_s"] = round(time.process_time() - c0, 3)
    res["after_build"] = rss_mb()
    res["loaded_snapshot"] = conn.execute("select count(*) from match_snapshot").fetchone()[0] == 1
    res["records"] = len(idx.recs)
    res["entries"] = len(idx.entries)
    res["distinct_tokens"] = len(idx.postings)
    res["max_posting"] = max(len(ids(idx.postings, k)) for k in idx.postings)

    names = qs["names"]
    for q in names[:20]:  # warm-up (caches, lazy imports)
        idx.search_name(name_key(q["q"]))
    prof = None
    if profile:
        import cProfile
        prof = cProfile.Profile()
    per = []
    for q in names:
        if prof:
            prof.enable()
        t, c = time.perf_counter_ns(), time.thread_time_ns()
        hits = idx.search_name(name_key(q["q"]))
        dt, dc = (time.perf_counter_ns() - t) / 1e6, (time.thread_time_ns() - c) / 1e6
        if prof:
            prof.disable()
        top = hits[0] if hits else None
        per.append({"slice": q["slice"], "ms": dt, "cpu_ms": dc, "target": q["target"],
                    "top": top.rec.id if top else None, "same": bool(top and top.same),
                    "score": top.score if top else 0})
    if prof:
        import pstats
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("cumulative").print_stats(25)
        res["profile_names"] = s.getvalue()
    res["name"] = per

    for q in qs["phones"][:20]:
        idx.search_phone(q["q"])
    pper = []
    for q in qs["phones"]:
        t, c = time.perf_counter_ns(), time.thread_time_ns()
        hits = idx.search_phone(q["q"])
        dt, dc = (time.perf_counter_ns() - t) / 1e6, (time.thread_time_ns() - c) / 1e6
        ids = [h.rec.id for h in hits]
        pper.append({"format": q["format"], "country": q["country"], "ms": dt, "cpu_ms": dc,
                     "found": q["target"] in ids, "only": ids == [q["target"]]})
    res["phone"] = pper

    # Brute force over the same display names (and aliases, so Chinese names can be found too).
    t = time.perf_counter()
    choices, owner = [], []
    for ri, _toks, alias in idx.entries:
        choices.append(alias or idx.recs[ri].name)
        owner.append(idx.recs[ri].id)
    processed = [utils.default_process(c) for c in choices]
    res["brute_prep_s"] = round(time.perf_counter() - t, 3)
    res["brute_choices"] = len(processed)
    bper, spent = [], 0.0
    for i, q in enumerate(names):
        if spent > brute_budget:
            break
        t, c = time.perf_counter_ns(), time.thread_time_ns()
        r = process.extractOne(utils.default_process(q["q"]), processed, scorer=fuzz.WRatio, processor=None)
        dt, dc = (time.perf_counter_ns() - t) / 1e6, (time.thread_time_ns() - c) / 1e6
        spent += dt / 1000
        bper.append({"i": i, "ms": dt, "cpu_ms": dc, "top": owner[r[2]] if r else None, "score": r[1] if r else 0})
    res["brute"] = bper
    del idx, choices, owner, processed
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    rebuilt = Index.from_rows(conn)  # what a process does when no snapshot matches the records
    res["build_from_rows_s"] = round(time.perf_counter() - t0, 3)
    res["build_from_rows_cpu_s"] = round(time.process_time() - c0, 3)
    del rebuilt
    res["load_after"] = os.getloadavg()
    out.write_text(json.dumps(res), "utf-8")


# --- summarising -------------------------------------------------------------------------------

def summarise(size: int, raw: dict, brute_note: str) -> dict:
    names, phones, brute = raw["name"], raw["phone"], raw["brute"]
    listed = [r for r in names if r["target"]]
    unl = [r for r in names if not r["target"]]
    ok = lambda r: r["top"] == r["target"]  # noqa: E731
    s = {
        "size": size, "records": raw["records"], "name_entries": raw["entries"],
        "distinct_tokens": raw["distinct_tokens"], "longest_posting": raw["max_posting"],
        "build_s": raw["build_s"], "build_from_rows_s": raw["build_from_rows_s"],
        "loaded_snapshot": raw["loaded_snapshot"], "rows_with_stale_norm_version": raw["rows_with_stale_norm_version"], "rss_mb_before_build": raw["before_build"]["rss_mb"],
        "rss_mb_after_build": raw["after_build"]["rss_mb"], "peak_rss_mb_after_build": raw["after_build"]["peak_rss_mb"],
        "name_queries": len(names),
        "name_p50_ms": pct([r["ms"] for r in names], 50), "name_p95_ms": pct([r["ms"] for r in names], 95),
        "name_p99_ms": pct([r["ms"] for r in names], 99), "name_max_ms": round(max(r["ms"] for r in names), 3),
        "name_mean_ms": round(sum(r["ms"] for r in names) / len(names), 3),
        "name_cpu_p50_ms": pct([r["cpu_ms"] for r in names], 50), "name_cpu_p95_ms": pct([r["cpu_ms"] for r in names], 95),
        "build_cpu_s": raw["build_cpu_s"], "load_avg_before": raw["load_before"], "load_avg_after": raw["load_after"],
        "recall_at_1": round(sum(map(ok, listed)) / len(listed), 4),
        "same_at_1": round(sum(ok(r) and r["same"] for r in listed) / len(listed), 4),
        "unlisted_called_same": sum(r["same"] for r in unl), "unlisted": len(unl),
        "by_slice": {}, "phone_queries": len(phones),
        "phone_p50_ms": pct([r["ms"] for r in phones], 50), "phone_p95_ms": pct([r["ms"] for r in phones], 95),
        "phone_cpu_p95_ms": pct([r["cpu_ms"] for r in phones], 95),
        "phone_found": round(sum(r["found"] for r in phones) / len(phones), 4),
        "phone_only_target": round(sum(r["only"] for r in phones) / len(phones), 4),
        "phone_by_format": {},
    }
    for sl in SLICES:
        rs = [r for r in names if r["slice"] == sl]
        if not rs:
            continue
        d = {"n": len(rs), "p50_ms": pct([r["ms"] for r in rs], 50), "p95_ms": pct([r["ms"] for r in rs], 95)}
        if sl == "unlisted":
            d["called_same"] = sum(r["same"] for r in rs)
        else:
            d["recall_at_1"] = round(sum(map(ok, rs)) / len(rs), 4)
            d["same_at_1"] = round(sum(ok(r) and r["same"] for r in rs) / len(rs), 4)
        s["by_slice"][sl] = d
    for fmt in sorted({r["format"] for r in phones}):
        rs = [r for r in phones if r["format"] == fmt]
        s["phone_by_format"][fmt] = {"n": len(rs), "found": round(sum(r["found"] for r in rs) / len(rs), 4),
                                     "p95_ms": pct([r["ms"] for r in rs], 95)}
    # Brute force on its subset, and the index on exactly the same subset.
    sub = [names[b["i"]] for b in brute]
    b_listed = [(names[b["i"]], b) for b in brute if names[b["i"]]["target"]]
    b_unl = [b for b in brute if not names[b["i"]]["target"]]
    by_slice_b = {}
    for sl in SLICES:
        pairs = [(names[b["i"]], b) for b in brute if names[b["i"]]["slice"] == sl]
        if pairs and sl != "unlisted":
            by_slice_b[sl] = {"n": len(pairs), "recall_at_1": round(sum(b["top"] == q["target"] for q, b in pairs) / len(pairs), 4)}
        elif pairs:
            by_slice_b[sl] = {"n": len(pairs), "wratio_ge_90": sum(b["score"] >= 90 for _, b in pairs)}
    s["brute"] = {
        "method": "rapidfuzz.process.extractOne(default_process(q), names_preprocessed, scorer=fuzz.WRatio)",
        "note": brute_note, "choices": raw["brute_choices"], "prep_s": raw["brute_prep_s"],
        "queries": len(brute),
        "p50_ms": pct([b["ms"] for b in brute], 50), "p95_ms": pct([b["ms"] for b in brute], 95),
        "cpu_p50_ms": pct([b["cpu_ms"] for b in brute], 50),
        "recall_at_1": round(sum(b["top"] == q["target"] for q, b in b_listed) / len(b_listed), 4) if b_listed else None,
        "unlisted_wratio_ge_90": sum(b["score"] >= 90 for b in b_unl), "unlisted": len(b_unl),
        "by_slice": by_slice_b,
        "index_on_same_queries": {
            "p50_ms": pct([q["ms"] for q in sub], 50), "p95_ms": pct([q["ms"] for q in sub], 95),
            "recall_at_1": round(sum(ok(q) for q, _ in b_listed) / len(b_listed), 4) if b_listed else None,
        },
    }
    if brute:
        bi = s["brute"]["index_on_same_queries"]
        s["speedup_p50"] = round(s["brute"]["p50_ms"] / bi["p50_ms"], 1)
        s["speedup_mean"] = round(sum(b["ms"] for b in brute) / sum(q["ms"] for q in sub), 1)
    s["targets"] = check_targets(s)
    return s


def check_targets(s: dict) -> dict:
    t, n = {}, s["size"]
    if n in TARGETS["name_p95_ms"]:
        t["name_p95_ms"] = {"target": TARGETS["name_p95_ms"][n], "measured": s["name_p95_ms"],
                            "met": s["name_p95_ms"] <= TARGETS["name_p95_ms"][n]}
    t["phone_p95_ms"] = {"target": TARGETS["phone_p95_ms"], "measured": s["phone_p95_ms"],
                         "met": s["phone_p95_ms"] <= TARGETS["phone_p95_ms"]}
    if n == 100_000:
        t["build_s"] = {"target": TARGETS["build_s_at_100k"], "measured": s["build_s"],
                        "met": s["build_s"] <= TARGETS["build_s_at_100k"]}
        t["rss_mb"] = {"target": TARGETS["rss_mb_at_100k"], "measured": s["rss_mb_after_build"],
                       "met": s["rss_mb_after_build"] <= TARGETS["rss_mb_at_100k"]}
        if "speedup_mean" in s:
            b = s["brute"]
            t["speedup_vs_wratio"] = {
                "target": TARGETS["speedup_vs_wratio_at_100k"], "measured_p50": s["speedup_p50"],
                "measured_mean": s["speedup_mean"],
                "recall_index": b["index_on_same_queries"]["recall_at_1"], "recall_wratio": b["recall_at_1"],
                "met": min(s["speedup_p50"], s["speedup_mean"]) >= TARGETS["speedup_vs_wratio_at_100k"]
                and (b["index_on_same_queries"]["recall_at_1"] or 0) >= (b["recall_at_1"] or 0)}
    return t


def print_table(summaries: list[dict]) -> None:
    f = lambda v: "-" if v is None else f"{v:g}" if isinstance(v, (int, float)) else str(v)  # noqa: E731
    rows = [
        ("records (synthetic)", "records"), ("name entries (incl. aliases)", "name_entries"),
        ("distinct tokens", "distinct_tokens"), ("index build s (wall)", "build_s"),
        ("index build s (CPU)", "build_cpu_s"), ("  from stored snapshot", "loaded_snapshot"),
        ("index from rows s (no snapshot)", "build_from_rows_s"), ("snapshot write s (at refresh)", "snapshot_write_s"),
        ("RSS MB before build", "rss_mb_before_build"), ("RSS MB after build", "rss_mb_after_build"),
        ("name p50 ms", "name_p50_ms"), ("name p95 ms", "name_p95_ms"), ("name p99 ms", "name_p99_ms"),
        ("name CPU p50 ms", "name_cpu_p50_ms"), ("name CPU p95 ms", "name_cpu_p95_ms"),
        ("name recall@1 (listed)", "recall_at_1"), ("name same@1 (listed)", "same_at_1"),
        ("unlisted called same", "unlisted_called_same"),
        ("phone p50 ms", "phone_p50_ms"), ("phone p95 ms", "phone_p95_ms"), ("phone CPU p95 ms", "phone_cpu_p95_ms"),
        ("phone found", "phone_found"), ("load avg (1 min) before", "load1"),
    ]
    w = 30
    sizes = [s["size"] for s in summaries]
    print("\n" + "metric".ljust(w) + "".join(f"{n:>14,}" for n in sizes))
    print("-" * (w + 14 * len(sizes)))
    for label, key in rows:
        print(label.ljust(w) + "".join(f"{f(s.get(key)):>14}" for s in summaries))
    for sl in SLICES:
        key = "called_same" if sl == "unlisted" else "recall_at_1"
        print(f"  {sl} {'called same' if sl == 'unlisted' else 'recall@1'}".ljust(w)
              + "".join(f"{f(s['by_slice'].get(sl, {}).get(key)):>14}" for s in summaries))
    print("-- brute force WRatio (same run) --")
    brows = [("queries run", "queries"), ("p50 ms", "p50_ms"), ("p95 ms", "p95_ms"),
             ("recall@1 (listed)", "recall_at_1"), ("unlisted WRatio>=90", "unlisted_wratio_ge_90")]
    for label, key in brows:
        print(f"  {label}".ljust(w) + "".join(f"{f(s['brute'].get(key)):>14}" for s in summaries))
    print("  index recall@1, same qs".ljust(w)
          + "".join(f"{f(s['brute']['index_on_same_queries']['recall_at_1']):>14}" for s in summaries))
    print("  speed-up (p50 / mean)".ljust(w)
          + "".join(f"{f(s.get('speedup_p50')) + ' / ' + f(s.get('speedup_mean')):>14}" for s in summaries))
    print("\ntargets (issue 3):")
    for s in summaries:
        for k, v in s["targets"].items():
            shown = {x: y for x, y in v.items() if x != "met"}
            print(f"  {s['size']:>9,}  {k:<18} {'MET ' if v['met'] else 'MISS'}  {shown}")


# --- main ----------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated registry sizes (add 1000000 for 1M)")
    ap.add_argument("--queries", type=int, default=420, help="name queries per size (same set at every size)")
    ap.add_argument("--phone-queries", type=int, default=400)
    ap.add_argument("--brute-budget", type=float, default=90.0,
                    help="seconds of brute-force WRatio per size; at 1M this samples fewer queries")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="processes generating data")
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="data/sources (vocabulary)")
    ap.add_argument("--profile", action="store_true", help="cProfile the name checks, print the top functions")
    ap.add_argument("--keep-tmp", action="store_true", help="keep the temporary SYNTHETIC databases")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--small-vocab", action="store_true",
                    help="instead: the small-vocabulary stress test (benchmarks/small_vocab.py), one-letter deletions")
    ap.add_argument("--_child", nargs=3, metavar=("DB", "QUERIES", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._child:
        measure(Path(args._child[0]), Path(args._child[1]), Path(args._child[2]), args.brute_budget, args.profile)
        return
    if args.small_vocab:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from benchmarks import small_vocab
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
        result = {"synthetic": True, "small_vocabulary": small_vocab.run(sizes, args.brute_budget)}
        out = args.out.with_name("bench_small_vocab.json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=1), "utf-8")
        print(f"wrote {out}")
        return

    global VOCAB
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    t_all = time.perf_counter()
    VOCAB = Vocab(args.sources)
    print(f"vocabulary from real names in {args.sources}: {VOCAB.counts}; real tokens {VOCAB.n_real_tokens}",
          flush=True)
    cols = agency_columns()
    check = self_check(cols)
    print(f"fast insert == store.write_source on {check['records']} synthetic records: "
          f"agencies {check['agencies_equal']}, phones {check['phones_equal']}", flush=True)
    if not (check["agencies_equal"] and check["phones_equal"]):
        sys.exit("the fast insert path no longer matches scrapers.store: fix fast_row() first")

    t = time.perf_counter()
    meta_limit = sizes[0]
    rows, metas, info = generate(sizes[-1], meta_limit, args.workers, args.seed, cols)
    keys = info.pop("keys")
    for i, m in enumerate(metas):
        m["pos"] = i
    gen_s = time.perf_counter() - t
    print(f"generated {len(rows):,} SYNTHETIC records in {gen_s:.1f}s ({info})", flush=True)
    queries = {"names": make_queries(metas, keys, args.queries, args.seed + 1),
               "phones": make_phone_queries(metas, args.phone_queries, args.seed + 2)}
    missing_phones = sum(1 for m in metas for e, *_ in m["phones"]
                         if e not in {p[1] for p in rows[m["pos"]][1]})

    tmp = Path(tempfile.mkdtemp(prefix="bench_match_synthetic_"))
    summaries = []
    try:
        qfile = tmp / "queries.json"
        qfile.write_text(json.dumps(queries, ensure_ascii=False), "utf-8")
        for size in sizes:
            db = tmp / f"synthetic_registry_{size}.db"
            t = time.perf_counter()
            snapshot_s = write_db(db, cols, rows[:size])
            write_s = time.perf_counter() - t
            print(f"[{size:,}] wrote {db.name} ({db.stat().st_size / 1e6:.0f} MB) in {write_s:.1f}s; measuring...",
                  flush=True)
            out = tmp / f"raw_{size}.json"
            t = time.perf_counter()
            cmd = [sys.executable, __file__, "--brute-budget", str(args.brute_budget),
                   "--_child", str(db), str(qfile), str(out)] + (["--profile"] if args.profile else [])
            subprocess.run(cmd, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
            raw = json.loads(out.read_text("utf-8"))
            note = ("all name queries" if len(raw["brute"]) == len(queries["names"]) else
                    f"first {len(raw['brute'])} of {len(queries['names'])} name queries (budget {args.brute_budget:g}s)")
            s = summarise(size, raw, note)
            s["write_db_s"] = round(write_s, 1)
            s["snapshot_write_s"] = snapshot_s
            s["child_s"] = round(time.perf_counter() - t, 1)
            summaries.append(s)
            if s["rows_with_stale_norm_version"]:
                print(f"WARNING: {s['rows_with_stale_norm_version']:,} rows have another NORM_VERSION than the "
                      "normaliser now loaded (verifier changed during the run): the build recomputed their keys "
                      "and the figures are not valid", flush=True)
            print(f"[{size:,}] build {s['build_s']}s, RSS {s['rss_mb_after_build']} MB, name p50/p95 "
                  f"{s['name_p50_ms']}/{s['name_p95_ms']} ms, recall@1 {s['recall_at_1']}, phone p95 "
                  f"{s['phone_p95_ms']} ms, WRatio p50 {s['brute']['p50_ms']} ms ({s['brute']['queries']} qs), "
                  f"speed-up {s.get('speedup_p50')}x  [{s['child_s']}s]", flush=True)
            if args.profile:
                print(raw.get("profile_names", ""))
            if not args.keep_tmp:
                db.unlink()
    finally:
        if not args.keep_tmp:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")

    for s in summaries:
        s["load1"] = round(s["load_avg_before"][0], 2)
    print_table(summaries)
    examples = [{k: q[k] for k in ("slice", "q")} for q in queries["names"][:14]]
    result = {
        "synthetic": True,
        "note": "All records and queries are SYNTHETIC, generated at run time; vocabulary seeded from "
                "the real names in data/sources (not copied). Timings: one CPU, single thread.",
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "args": {k: str(v) for k, v in vars(args).items() if k != "_child"},
        "generator": {"seconds": round(gen_s, 1), "vocabulary_source_names": VOCAB.counts,
                      "real_tokens": VOCAB.n_real_tokens, **info,
                      "store_equivalence_check": check,
                      "query_phones_not_parsed_back": missing_phones},
        "query_mix": dict(Counter(q["slice"] for q in queries["names"])),
        "phone_formats": dict(Counter(q["format"] for q in queries["phones"])),
        "synthetic_query_examples": examples,
        "sizes": summaries,
        "total_s": round(time.perf_counter() - t_all, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    print(f"\nwrote {args.out} (total {result['total_s']}s)")


if __name__ == "__main__":
    main()

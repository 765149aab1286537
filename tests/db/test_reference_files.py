"""Sanity checks for the reference data and booklet templates shipped in resources/.

Head office owns this data and every center pulls it, so a typo here ends up in every
printed booklet and every drop-down list. These tests use only the standard library.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "civicdesk" / "resources" / "reference"
TEMPLATES = ROOT / "civicdesk" / "resources" / "templates"

KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")

# The 17 regions and 3 cities of republican significance since 8 June 2022
# (shared/DOMAIN-KZ.md, table "Regions").
EXPECTED_REGIONS = {
    "10": ("Абай облысы", "область Абай", "region"),
    "11": ("Ақмола облысы", "Акмолинская область", "region"),
    "15": ("Ақтөбе облысы", "Актюбинская область", "region"),
    "19": ("Алматы облысы", "Алматинская область", "region"),
    "23": ("Атырау облысы", "Атырауская область", "region"),
    "27": ("Батыс Қазақстан облысы", "Западно-Казахстанская область", "region"),
    "31": ("Жамбыл облысы", "Жамбылская область", "region"),
    "33": ("Жетісу облысы", "область Жетісу", "region"),
    "35": ("Қарағанды облысы", "Карагандинская область", "region"),
    "39": ("Қостанай облысы", "Костанайская область", "region"),
    "43": ("Қызылорда облысы", "Кызылординская область", "region"),
    "47": ("Маңғыстау облысы", "Мангистауская область", "region"),
    "55": ("Павлодар облысы", "Павлодарская область", "region"),
    "59": ("Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "region"),
    "61": ("Түркістан облысы", "Туркестанская область", "region"),
    "62": ("Ұлытау облысы", "область Ұлытау", "region"),
    "63": ("Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "region"),
    "71": ("Астана қаласы", "город Астана", "city"),
    "75": ("Алматы қаласы", "город Алматы", "city"),
    "79": ("Шымкент қаласы", "город Шымкент", "city"),
}

BLOCK_TYPES = {"p", "bullets", "fill", "note"}
TEMPLATE_KEYS = {"name", "title", "subtitle", "sections", "legal_basis", "contacts"}

# A word that mixes Cyrillic letters with Latin letters: the usual accident is a Latin
# "i" or "I" typed for Kazakh "і"/"І", or a Latin "o", "a", "e", "c", "p", "x" in a
# Russian word. Proper Latin names (eGov, e-Otinish) have no Cyrillic and pass.
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def mixed_script_words(text: str) -> list[str]:
    bad = []
    for word in _WORD.findall(text):
        if any(_is_cyrillic(c) for c in word) and any(_is_latin(c) for c in word):
            bad.append(word)
    return bad


def load(path: Path):
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def reference_files() -> list[Path]:
    return sorted(REFERENCE.glob("*.json"))


def template_files() -> list[Path]:
    return sorted(p for p in TEMPLATES.glob("*.json") if not p.name.startswith("test-"))


def walk_strings(node, path="$"):
    """Yield (json path, string) for every string value in a JSON tree."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from walk_strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk_strings(value, f"{path}[{i}]")


def walk_pairs(node, path="$"):
    """Yield (json path, dict) for every object that carries a kk or ru text."""
    if isinstance(node, dict):
        if "kk" in node or "ru" in node:
            yield path, node
        for key, value in node.items():
            yield from walk_pairs(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk_pairs(value, f"{path}[{i}]")


def kk_texts(node):
    for _, pair in walk_pairs(node):
        if isinstance(pair.get("kk"), str):
            yield pair["kk"]


# --- every file -----------------------------------------------------------------------


ALL_JSON = reference_files() + template_files()


def test_the_reference_files_are_there():
    names = {p.name for p in reference_files()}
    assert {
        "regions.json",
        "districts.json",
        "rural_districts.json",
        "topics.json",
        "legal_acts.json",
    } <= names


@pytest.mark.parametrize("path", ALL_JSON, ids=lambda p: p.name)
def test_json_parses_as_utf8(path: Path):
    load(path)


@pytest.mark.parametrize("path", ALL_JSON, ids=lambda p: p.name)
def test_every_kk_ru_pair_is_present_and_non_empty(path: Path):
    for where, pair in walk_pairs(load(path)):
        for lang in ("kk", "ru"):
            value = pair.get(lang)
            assert isinstance(value, str) and value.strip(), f"{path.name} {where}: {lang} empty"
            assert value == value.strip(), f"{path.name} {where}: {lang} has stray spaces"


@pytest.mark.parametrize("path", ALL_JSON, ids=lambda p: p.name)
def test_no_rouble_sign_anywhere(path: Path):
    for where, text in walk_strings(load(path)):
        assert "₽" not in text, f"{path.name} {where}: the tenge is ₸, not ₽"


@pytest.mark.parametrize("path", ALL_JSON, ids=lambda p: p.name)
def test_no_latin_look_alikes_inside_cyrillic_words(path: Path):
    for where, text in walk_strings(load(path)):
        assert not mixed_script_words(text), f"{path.name} {where}: {mixed_script_words(text)}"


@pytest.mark.parametrize("path", ALL_JSON, ids=lambda p: p.name)
def test_money_uses_no_break_spaces(path: Path):
    # "1 000 000 ₸": digit groups and the sign are joined by U+00A0, never a plain space.
    for where, text in walk_strings(load(path)):
        assert not re.search(r"\d [\d₸]", text), f"{path.name} {where}: plain space in a number"


def test_mixed_script_check_catches_latin_i():
    assert mixed_script_words("Азаматтық бастамаларды қолдау орталығы") == []
    assert mixed_script_words("eGov және e-Otinish") == []
    assert mixed_script_words("бiлiм") == ["бiлiм"]  # Latin i in a Kazakh word


# --- regions --------------------------------------------------------------------------


def test_regions_are_exactly_the_twenty_of_2022():
    regions = load(REFERENCE / "regions.json")
    got = {r["kato"]: (r["kk"], r["ru"], r["kind"]) for r in regions}
    assert len(regions) == len(got) == 20
    assert got == EXPECTED_REGIONS


# --- districts and rural districts ----------------------------------------------------


def test_districts_belong_to_a_known_region_and_have_sane_codes():
    districts = load(REFERENCE / "districts.json")
    assert districts
    for d in districts:
        assert d["region"] in EXPECTED_REGIONS
        for key in ("kk", "ru"):
            assert isinstance(d[key], str) and d[key].strip()
        for key in ("centre_kk", "centre_ru"):  # the district centre, where known
            assert key not in d or (isinstance(d[key], str) and d[key].strip())
        if d["kato"] is not None:
            assert re.fullmatch(r"\d{4}", d["kato"]), d
            assert d["kato"].startswith(d["region"]), d
    codes = [d["kato"] for d in districts if d["kato"] is not None]
    assert len(codes) == len(set(codes))


def test_every_region_and_city_of_republican_significance_has_its_districts():
    districts = load(REFERENCE / "districts.json")
    by_region: dict[str, set[str]] = {}
    for d in districts:
        by_region.setdefault(d["region"], set()).add(d["kk"])
    assert set(by_region) == set(EXPECTED_REGIONS)
    assert all(len(names) >= 2 for names in by_region.values()), by_region
    # the cities' own districts, as the classifier has them (docs/sources.md)
    assert by_region["71"] == {
        "Алматы ауданы", "Байқоңыр ауданы", "Есіл ауданы", "Нұра ауданы",
        "Сарыарқа ауданы", "Сарайшық ауданы",
    }
    assert by_region["75"] == {
        "Алатау ауданы", "Алмалы ауданы", "Әуезов ауданы", "Бостандық ауданы",
        "Жетісу ауданы", "Медеу ауданы", "Наурызбай ауданы", "Түрксіб ауданы",
    }
    assert by_region["79"] == {
        "Абай ауданы", "Әл Фараби ауданы", "Еңбекші ауданы", "Қаратау ауданы", "Тұран ауданы",
    }


def test_the_districts_formed_since_2022_are_listed_with_their_codes():
    by_kato = {d["kato"]: d for d in load(REFERENCE / "districts.json") if d["kato"]}
    assert by_kato["1041"]["kk"] == "Жаңасемей ауданы"
    assert by_kato["1045"]["kk"] == "Мақаншы ауданы"
    assert by_kato["1918"]["ru"] == "город Алатау"
    assert by_kato["6355"]["kk"] == "Марқакөл ауданы"
    assert by_kato["6363"]["kk"] == "Үлкен Нарын ауданы"
    assert by_kato["7116"]["kk"] == "Сарайшық ауданы"
    assert by_kato["7919"]["kk"] == "Тұран ауданы"


def test_no_two_districts_of_a_region_share_a_name():
    seen: set[tuple[str, str, str]] = set()
    for d in load(REFERENCE / "districts.json"):
        for lang in ("kk", "ru"):
            key = (d["region"], lang, d[lang])
            assert key not in seen, key
            seen.add(key)


def test_the_districts_of_the_campaigns_are_listed():
    names = {d["ru"] for d in load(REFERENCE / "districts.json")}
    assert {
        "Балхашский район",
        "Жамбылский район",
        "Уйгурский район",
        "Райымбекский район",
        "Кегенский район",
    } <= names


def test_rural_districts_point_at_listed_districts():
    districts = {d["kato"] for d in load(REFERENCE / "districts.json") if d["kato"]}
    rural = load(REFERENCE / "rural_districts.json")
    codes = [r["kato"] for r in rural if r["kato"] is not None]
    assert len(codes) == len(set(codes))
    for r in rural:
        assert r["district"] in districts, r
        if r["kato"] is not None:
            assert re.fullmatch(r"\d{6}", r["kato"]), r
            assert r["kato"].startswith(r["district"]), r


# --- topics and legal acts ------------------------------------------------------------


def test_topic_codes_are_unique_and_ordered():
    topics = load(REFERENCE / "topics.json")
    assert 12 <= len(topics) <= 16
    codes = [t["code"] for t in topics]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in codes)
    orders = [t["order"] for t in topics]
    assert sorted(orders) == list(range(1, len(topics) + 1))
    assert codes[-1] == "other"


def test_legal_acts_have_codes_numbers_and_iso_dates():
    acts = load(REFERENCE / "legal_acts.json")
    codes = [a["code"] for a in acts]
    assert len(codes) == len(set(codes))
    for a in acts:
        # the Constitution is the one act without a number
        assert a["number"].strip() or a["code"] == "constitution"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["date"]), a
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["checked"]), a
        assert a.get("replaced_by") is None or a["replaced_by"] in codes, a
        if "articles" in a:
            assert a["articles"] and all(isinstance(x, str) for x in a["articles"])
    by_code = {a["code"]: a for a in acts}
    # gathering and meeting are both in art. 39-3 (maslikhat decisions cite it)
    assert by_code["law_lsg_148"]["articles"] == ["39-3"]
    assert by_code["budget_code"]["replaced_by"] == "budget_code_171"
    assert by_code["budget_code_171"]["number"] == "171-VIII"
    assert by_code["appc_350"]["date"] == "2020-06-29"


def test_every_legal_act_title_in_kazakh_is_kazakh():
    for act in load(REFERENCE / "legal_acts.json"):
        assert KAZAKH_LETTERS & set(act["kk"]), act["code"]


# --- booklet templates ----------------------------------------------------------------


def test_the_six_campaign_templates_exist():
    names = {p.stem for p in template_files()}
    assert {
        "appeal-to-state-bodies",
        "district-development-plans",
        "residents-influence",
        "medical-standards",
        "social-projects-success",
        "rural-youth",
    } <= names


def _check_pair(pair, where):
    assert isinstance(pair, dict), where
    assert set(pair) >= {"kk", "ru"}, where


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.name)
def test_template_structure(path: Path):
    t = load(path)
    assert set(t) >= TEMPLATE_KEYS, f"missing {TEMPLATE_KEYS - set(t)}"
    assert t["name"] == path.stem
    _check_pair(t["title"], "title")
    _check_pair(t["subtitle"], "subtitle")
    _check_pair(t["contacts"], "contacts")
    assert t["legal_basis"], "legal_basis is empty"
    for i, basis in enumerate(t["legal_basis"]):
        _check_pair(basis, f"legal_basis[{i}]")
    assert 6 <= len(t["sections"]) <= 9
    for s, section in enumerate(t["sections"]):
        _check_pair(section["heading"], f"sections[{s}].heading")
        assert 2 <= len(section["blocks"]) <= 5, f"sections[{s}]"
        for b, block in enumerate(section["blocks"]):
            where = f"sections[{s}].blocks[{b}]"
            assert block.get("type") in BLOCK_TYPES, where
            if block["type"] == "bullets":
                assert block["items"], where
                for item in block["items"]:
                    _check_pair(item, where)
            else:
                _check_pair(block, where)
            if block["type"] == "fill":
                assert isinstance(block["lines"], int) and 1 <= block["lines"] <= 12, where


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.name)
def test_template_kazakh_text_is_kazakh(path: Path):
    texts = list(kk_texts(load(path)))
    assert texts
    assert KAZAKH_LETTERS & set("".join(texts))
    # Nearly every longer Kazakh sentence has one of its own letters; a run of long
    # texts without any means Russian was pasted into the kk field.
    long_texts = [x for x in texts if len(x) > 80]
    without = [x for x in long_texts if not KAZAKH_LETTERS & set(x)]
    assert not without, without[:3]


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.name)
def test_template_kk_and_ru_differ(path: Path):
    for where, pair in walk_pairs(load(path)):
        if len(pair.get("ru", "")) > 40:
            assert pair["kk"] != pair["ru"], where


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.name)
def test_template_is_long_enough_for_a_booklet(path: Path):
    t = load(path)
    for lang in ("kk", "ru"):
        words = sum(
            len(pair[lang].split()) for _, pair in walk_pairs(t) if isinstance(pair.get(lang), str)
        )
        assert 900 <= words <= 2600, f"{lang}: {words} words"

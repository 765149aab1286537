"""Kazakh alphabetical order as a stored sort key."""

from __future__ import annotations

import random

from civicdesk.domain.collation import collation_key, sorted_by_name
from civicdesk.domain.text import KK_ALPHABET, kk_sort_key


def test_every_letter_in_kazakh_order_both_cases() -> None:
    letters = list(KK_ALPHABET) + [c.lower() for c in KK_ALPHABET]
    random.Random(3).shuffle(letters)
    upper = sorted((c for c in letters if c.isupper()), key=collation_key)
    assert "".join(upper) == "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
    assert collation_key("Әсем") == collation_key("ӘСЕМ") == collation_key("әсем")


def test_names_starting_with_kazakh_letters_sit_among_the_others() -> None:
    names = ["Яна", "Өмір", "Әсем", "Ілияс", "Ұлан", "Үміт", "Ғалым", "Қайрат", "Ңа",
             "Һ", "Оспан", "Айгүл", "Бекзат", "Ерлан", "Ёлкин", "Пётр", "Нұрлан"]
    assert sorted(names, key=collation_key) == [
        "Айгүл", "Әсем", "Бекзат", "Ғалым", "Ерлан", "Ёлкин", "Қайрат", "Нұрлан", "Ңа",
        "Оспан", "Өмір", "Пётр", "Ұлан", "Үміт", "Һ", "Ілияс", "Яна",
    ]


def test_key_agrees_with_the_tuple_key_and_with_utf8_bytes() -> None:
    rng = random.Random(7)
    pool = list("АӘБҒЕЁІҚҢӨҰҮҺЯаәбғеёіқңөұүһя -.,0123456789ABCabc")
    names = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 8))) for _ in range(500)]
    by_key = sorted(names, key=lambda n: (collation_key(n), n))
    assert [kk_sort_key(n)[0] for n in by_key] == sorted(kk_sort_key(n)[0] for n in names)
    # a database compares the key as UTF-8 bytes: same order as the string
    assert sorted(names, key=lambda n: (collation_key(n).encode(), n)) == by_key


def test_spaces_punctuation_digits_latin_then_cyrillic() -> None:
    assert sorted(["Ақ су", "Ақсу", "Ақ-су", "1-ауыл", "Zeta", "Алма"], key=collation_key) == [
        "1-ауыл", "Zeta", "Ақ су", "Ақ-су", "Ақсу", "Алма",
    ]
    assert collation_key("") == collation_key(None) == ""
    assert collation_key("Алматы") < collation_key("Әлия") < collation_key("Бақыт")
    # a Latin look-alike typed inside a Kazakh word sorts as the Kazakh letter
    assert collation_key("Iлияс") == collation_key("Ілияс")


def test_sorted_by_name() -> None:
    items = [("b", "Өмір"), ("a", "Оспан"), ("c", "Пернебай")]
    assert [i[0] for i in sorted_by_name(items, lambda i: i[1])] == ["a", "b", "c"]

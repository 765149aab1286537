from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicdesk.domain.text import (
    KK_ALPHABET,
    fold_for_search,
    fts_query,
    kk_sort_key,
    normalize_kk,
)


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("Iлияс", "Ілияс"),  # Latin I
        ("бiлiм", "білім"),  # Latin i
        ("Əлия", "Әлия"),  # U+018F
        ("əке", "әке"),  # U+0259
        ("шaһар", "шаһар"),  # Latin a
        ("шahар", "шаһар"),  # Latin h between Cyrillic letters
        ("  Асқар    Болатұлы  ", "Асқар Болатұлы"),
        ("Асқар\u00a0Болатұлы", "Асқар Болатұлы"),
        ("Асқар\tБолатұлы", "Асқар Болатұлы"),
        ("Ѳмiр", "Өмір"),
        ("ӨМIР", "ӨМІР"),
        ("IT орталығы", "IT орталығы"),  # a Latin word stays Latin
        ("Wi-Fi және e-mail", "Wi-Fi және e-mail"),
        ("и\u0306", "й"),  # decomposed й
        ("бір  \n  екі", "бір\nекі"),
        ("", ""),
    ],
)
def test_normalize_kk(typed: str, clean: str) -> None:
    assert normalize_kk(typed) == clean


def test_fold_for_search() -> None:
    assert fold_for_search("ЁЛКА") == "елка"
    assert fold_for_search("Ёлка") == fold_for_search("елка")
    assert fold_for_search("ӘЛИЯ Iлиясқызы") == "әлия ілиясқызы"
    assert fold_for_search("ҚАЗАҚСТАН") == "қазақстан"


def test_alphabet_has_42_letters() -> None:
    assert len(KK_ALPHABET) == 42
    assert len(set(KK_ALPHABET)) == 42


def test_kazakh_sort_order() -> None:
    names = [
        "Үміт",
        "Ұлан",
        "Уәлі",
        "Қасым",
        "Кәрім",
        "Іңкәр",
        "Ыбырай",
        "Әсет",
        "аян",
        "Ёлка",
        "Ерлан",
    ]
    assert sorted(names, key=kk_sort_key) == [
        "аян",
        "Әсет",
        "Ерлан",
        "Ёлка",
        "Кәрім",
        "Қасым",
        "Уәлі",
        "Ұлан",
        "Үміт",
        "Ыбырай",
        "Іңкәр",
    ]


def test_sort_is_case_insensitive_and_prefix_first() -> None:
    assert kk_sort_key("ана")[0] == kk_sort_key("АНА")[0]
    assert sorted(["Нұр", "нұрлан", "Ноян", "Ңа"], key=kk_sort_key) == [
        "Ноян",
        "Нұр",
        "нұрлан",
        "Ңа",
    ]
    assert sorted(["Өмір", "Оспан", "Пернебай"], key=kk_sort_key) == [
        "Оспан",
        "Өмір",
        "Пернебай",
    ]


def test_sort_whole_alphabet() -> None:
    shuffled = list(reversed(KK_ALPHABET))
    assert sorted(shuffled, key=kk_sort_key) == list(KK_ALPHABET)
    lower = [c.lower() for c in reversed(KK_ALPHABET)]
    assert sorted(lower, key=kk_sort_key) == [c.lower() for c in KK_ALPHABET]


def test_fts_query_shape() -> None:
    assert fts_query("Алматы ауыл") == '"алматы"* AND "ауыл"*'
    assert fts_query('  "Ёлка" OR NEAR(x)  ') == '"елка"* AND "or"* AND "near"* AND "x"*'
    assert fts_query("бiлiм") == '"білім"*'
    assert fts_query("   ") is None
    assert fts_query('*** "" - + ( )') is None
    assert fts_query("") is None


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
    docs = [
        "Жергілікті қоғамдастық жиыны туралы кеңес",
        "Консультация по вопросу созыва схода, ёлка во дворе",
        "Бюджет народного участия: заявка",
        "Гранттық өтінім, бюджет",
    ]
    con.executemany("INSERT INTO t(x) VALUES (?)", [(fold_for_search(d),) for d in docs])
    yield con
    con.close()


def _search(con: sqlite3.Connection, text: str) -> list[int]:
    query = fts_query(text)
    if query is None:
        return []
    return [
        r[0] for r in con.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", (query,))
    ]


def test_fts_query_finds_folded_prefixes(fts: sqlite3.Connection) -> None:
    assert _search(fts, "ҚОҒАМДАС") == [1]
    assert _search(fts, "елка") == [2]
    assert _search(fts, "Ёлка") == [2]
    assert _search(fts, "бюджет") == [3, 4]
    assert _search(fts, "бюджет грант") == [4]
    assert _search(fts, "схода OR заявка") == []  # OR is a word, not an operator


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fts_query_never_breaks_fts5(fts: sqlite3.Connection, text: str) -> None:
    query = fts_query(text)
    if query is None:
        return
    fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchall()


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("\"*()-+:^{}ABCNEARORANDNOT абв әі 0_.,'\\"),
        max_size=40,
    )
)
def test_fts_query_never_breaks_fts5_with_syntax_chars(fts: sqlite3.Connection, text: str) -> None:
    query = fts_query(text)
    if query is None:
        return
    fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchall()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_kk(text)
    assert normalize_kk(once) == once
    assert fold_for_search(fold_for_search(text)) == fold_for_search(text)


def test_underscore_splits_words_like_the_tokenizer(fts: sqlite3.Connection) -> None:
    assert fts_query("жиын_хаттама") == '"жиын"* AND "хаттама"*'
    assert _search(fts, "қоғамдастық_жиыны") == [1]

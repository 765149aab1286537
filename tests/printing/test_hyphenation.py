"""Breaks the Kazakh patterns allow but Kazakh syllables never make are dropped; words
in capitals and with Latin letters are not hyphenated (printing/hyphenation.py)."""

from __future__ import annotations

import pytest

from civicdesk.printing.hyphenation import (
    SOFT_HYPHEN,
    hyphenator,
    inserted,
    kk_breaks,
    soft_hyphens,
)

FIXED = {
    # a line never starts with a vowel after a consonant (у after a consonant is a vowel)
    "берушіге": "бе-ру-ші-ге",
    "айтылуға": "ай-ты-лу-ға",
    "Бекітілуді": "Бе-кі-ті-лу-ді",
    "білуге": "бі-лу-ге",
    # ... but у after a vowel is a consonant and may open a line
    "бауыр": "ба-уыр",
    # a line never starts with two consonants
    "гранттарға": "грант-тар-ға",
    "Конкурстың": "Кон-курс-тың",
    "Цифрлық": "Цифр-лық",
    "Пациенттің": "Пациент-тің",
    "департаменттің": "де-пар-та-мент-тің",
    "Республикасының": "Рес-пуб-лика-сы-ның",
    # Kazakh words without a letter only Kazakh has still lose the vowel-opening break
    "бойынша": "бойын-ша",
    "дайындалады": "дайын-да-ла-ды",
    # unchanged where the patterns were right
    "жиынтық": "жиын-тық",
    "тұрғындарының": "тұр-ғын-да-ры-ның",
    "Административные": "Ад-ми-ни-стра-тив-ные",
}


@pytest.mark.parametrize(("word", "expected"), sorted(FIXED.items()))
def test_breaks_of_named_words(word: str, expected: str) -> None:
    assert inserted(word) == expected


@pytest.mark.parametrize("word", ["ХАТТАМА", "ҚРЖҚБ", "ТОҚСАНДЫҚ", "Qайрат", "Onlineкеңес"])
def test_capitals_and_latin_are_not_hyphenated(word: str) -> None:
    assert "-" not in inserted(word)
    assert SOFT_HYPHEN not in soft_hyphens(word)


def test_no_kazakh_break_opens_a_line_with_two_consonants_or_a_vowel() -> None:
    vowels = set("аоұыуюяеәіүөёэи")
    for word in ["мемлекеттік", "бастамашылардың", "электрондық", "ауылшаруашылық",
                 "қатысушылардың", "ұйымдастырушылар", "мекенжайындағы"]:
        for at in kk_breaks(word):
            tail = word[at:]
            assert tail[0] not in "ьъ"
            if tail[0] in vowels:
                assert tail[0] in "уи" and word[at - 1] in vowels, (word, at)
            else:
                assert tail[1] in vowels, (word, at)


def test_soft_hyphens_and_reportlab_pairs_agree() -> None:
    word = "гранттарға"
    assert soft_hyphens(word) == f"грант{SOFT_HYPHEN}тар{SOFT_HYPHEN}ға"
    assert list(hyphenator()(word)) == [("гранттар-", "ға"), ("грант-", "тарға")]

"""Hyphenation for Kazakh and Russian text in narrow columns (Knuth–Liang patterns).

Russian: the ``ru_RU`` dictionary shipped with pyphen (LibreOffice's hyphenation
patterns). Kazakh: pyphen has none, so the patterns are those of hyph-utf8's
``hyph-kk.tex`` (version 0.1 of 7 June 2025, Mojca Miklavec, Robert Ermers, Arthur
Rosendahl; public domain; https://www.hyphenation.org/tex), which are generated from
three rules and a short list; :func:`kk_patterns` makes the same list:

* a break after a vowel when a single consonant stands before the next vowel
  (``а1ба`` …);
* a break between two consonants, except at the start of a word (``б1б``, ``.б2б`` …);
* triple consonants after ``у`` (``у2т1д`` …) and a few loan words (``с1т2р`` …);
* ``1-4``: a word with a hyphen (``ауыл-аймақ``) breaks after its own hyphen.

They are written to ``resources/hyphenation/hyph_kk_KZ.dic`` (pyphen's format) by
``python -m civicdesk.printing.hyphenation``; a test checks the file matches.

The simple rules also allow breaks that Kazakh syllables never make; :func:`kk_breaks`
drops them (a syllable after the first starts with exactly one consonant):

* no line may start with a vowel after a consonant: «бер-уші», «айт-ылуға» become
  «бе-ру-ші», «ай-ты-лу-ға» (``у`` and ``и`` after a vowel are consonants and may start
  a line: «ба-уыр»); this one applies to Russian-pattern words too, so that a Kazakh
  word without a letter only Kazakh has («бойынша») loses «бой-ынша»;
* no line may start with two consonants: «гран-ттарға», «Конку-рстың», «Респу-блика»
  lose those breaks and keep «грант-тар-ға», «Кон-курс-тың», «Рес-пуб-...»;
* no line starts with ь or ъ;
* words written in capitals (headings, abbreviations such as ҚРЖҚБ) and words with Latin
  letters are not hyphenated at all.

reportlab's own hyphenation only considers words of Latin and basic Russian letters
(not ё, not ә ғ қ ң ө ұ ү һ і), so :func:`soft_hyphens` marks the break points of every
word with soft hyphens (U+00AD) instead: reportlab breaks a word there, with a visible
hyphen, only when it must. The Kazakh patterns serve a word with a letter only Kazakh
has, the Russian ones any other word.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import pyphen

from civicdesk.paths import resources_dir

__all__ = ["KK_ONLY_LETTERS", "SOFT_HYPHEN", "dic_text", "hyphenator", "kk_breaks",
           "kk_patterns", "soft_hyphens"]

SOFT_HYPHEN = "\u00ad"
_WORD = re.compile(r"[^\W\d_]{5,}")

#: The vowels and consonants of hyph-kk.tex, in its order («у» is both).
KK_VOWELS = "аоұыуюяеәіүөё"
KK_CONSONANTS = "бвгғджзһкқпстфхцчшщйлмнңру"
#: Letters that mark a word as Kazakh (Russian has none of them).
KK_ONLY_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

_TRIPLE = ("у2т1д", "у2т1т", "у2т1с", "у2т1к", "у2т1қ", "у2т1г", "у2т1ғ", "у2т1л", "у2т1б",
           "у2т1м", "у2т1п")
_LOANS = ("с2к1д", "л1с2к", "л1с2т", "с1т2р", "н2г1л", "н1г2р", "с2к1у")

Hyphenator = Callable[[str], Iterator[tuple[str, str]]]


def kk_patterns() -> list[str]:
    """The patterns of hyph-kk.tex (0.1, 7 June 2025), in its order."""
    out = ["1-4"]
    out += [f"{v}1{c}{w}" for v in KK_VOWELS for c in KK_CONSONANTS for w in KK_VOWELS]
    for c in KK_CONSONANTS:
        for d in KK_CONSONANTS:
            out += [f"{c}1{d}", f".{c}2{d}"]
    return out + list(_TRIPLE) + list(_LOANS)


def dic_text() -> str:
    """The Kazakh patterns in pyphen's (LibreOffice's) dictionary format."""
    head = [
        "UTF-8",
        "% Kazakh hyphenation patterns: hyph-utf8 hyph-kk.tex, version 0.1 of 7 June 2025",
        "% (Mojca Miklavec, Robert Ermers, Arthur Rosendahl), public domain.",
        "% Made by civicdesk.printing.hyphenation.kk_patterns; do not edit by hand.",
        "LEFTHYPHENMIN 2",
        "RIGHTHYPHENMIN 2",
    ]
    return "\n".join([*head, *kk_patterns()]) + "\n"


def kk_dic_path() -> Path:
    return resources_dir() / "hyphenation" / "hyph_kk_KZ.dic"


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[pyphen.Pyphen, pyphen.Pyphen]:
    kk = pyphen.Pyphen(filename=str(kk_dic_path()), left=2, right=2)
    ru = pyphen.Pyphen(lang="ru_RU", left=2, right=2)
    return kk, ru


#: Letters that make a syllable (for the Kazakh break check); ``у`` and ``и`` are
#: consonants after a vowel, vowels after a consonant.
_SYLLABIC = frozenset("аоұыуюяеәіүөёэиАОҰЫУЮЯЕӘІҮӨЁЭИ")
_SEMIVOWELS = frozenset("уиУИ")
_SIGNS = frozenset("ьъЬЪ")
_LATIN = re.compile(r"[A-Za-z]")


def _opens_ok(word: str, at: int) -> bool:
    """Whether a line may start with ``word[at:]``: not with ь/ъ, not with a vowel
    after a consonant (only a consonantal у/и right after a vowel may open a line).
    Used for Russian words too: it only drops breaks, such as «бой-ынша» in a Kazakh
    word without a letter only Kazakh has, and never adds one."""
    first = word[at]
    if first in _SIGNS:
        return False
    if first in _SYLLABIC:
        return first in _SEMIVOWELS and word[at - 1] in _SYLLABIC
    return True


def _kk_break_ok(word: str, at: int) -> bool:
    """Whether a Kazakh word may break before ``word[at]``: besides :func:`_opens_ok`,
    a consonant opening the line must be followed by the letter making the syllable."""
    if not _opens_ok(word, at):
        return False
    tail = word[at:]
    return tail[0] in _SYLLABIC or (len(tail) > 1 and tail[1] in _SYLLABIC)


def _hyphenates(word: str) -> bool:
    return not (word.isupper() or _LATIN.search(word))


def kk_breaks(word: str) -> list[int]:
    """Break positions of a Kazakh word: the patterns' less those no syllable makes."""
    kk, _ = _dictionaries()
    if not _hyphenates(word):
        return []
    return [at for at in kk.positions(word) if _kk_break_ok(word, at)]


def _breaks(word: str) -> list[int]:
    _, ru = _dictionaries()
    if any(ch in KK_ONLY_LETTERS for ch in word):
        return kk_breaks(word)
    if not _hyphenates(word):
        return []
    return [at for at in ru.positions(word) if _opens_ok(word, at)]


def _mark(word: str, hyphen: str) -> str:
    out, last = [], 0
    for at in _breaks(word):
        out += [word[last:at], hyphen]
        last = at
    return "".join(out) + word[last:]


def _iterate(word: str) -> Iterator[tuple[str, str]]:
    for at in reversed(_breaks(word)):
        yield word[:at] + "-", word[at:]


def hyphenator() -> Hyphenator:
    """A callable for reportlab's ``hyphenationLang``: (head, tail) pairs of a word."""
    _dictionaries()
    return _iterate


def soft_hyphens(text: str) -> str:
    """``text`` with a soft hyphen at each break point of its words of 5+ letters."""
    return _WORD.sub(lambda m: _mark(m.group(0), SOFT_HYPHEN), text)


def inserted(text: str) -> str:
    """Every word with its possible breaks marked by «-» (for tests and checks)."""
    return " ".join(_mark(w, "-") for w in text.split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="write the Kazakh hyphenation dictionary")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    out: Path = args.out or kk_dic_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dic_text(), encoding="utf-8")
    print(out, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

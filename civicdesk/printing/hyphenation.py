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

__all__ = ["KK_ONLY_LETTERS", "SOFT_HYPHEN", "dic_text", "hyphenator", "kk_patterns",
           "soft_hyphens"]

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


def _iterate(word: str) -> Iterator[tuple[str, str]]:
    kk, ru = _dictionaries()
    use = kk if any(ch in KK_ONLY_LETTERS for ch in word) else ru
    return use.iterate(word)  # type: ignore[no-any-return]


def hyphenator() -> Hyphenator:
    """A callable for reportlab's ``hyphenationLang``: (head, tail) pairs of a word."""
    _dictionaries()
    return _iterate


def soft_hyphens(text: str) -> str:
    """``text`` with a soft hyphen at each break point of its words of 5+ letters."""
    kk, ru = _dictionaries()

    def mark(m: re.Match[str]) -> str:
        word = m.group(0)
        use = kk if any(ch in KK_ONLY_LETTERS for ch in word) else ru
        return str(use.inserted(word, hyphen=SOFT_HYPHEN))

    return _WORD.sub(mark, text)


def inserted(text: str) -> str:
    """Every word with its possible breaks marked by «-» (for tests and checks)."""
    kk, ru = _dictionaries()
    return " ".join(
        (kk if any(ch in KK_ONLY_LETTERS for ch in w) else ru).inserted(w) for w in text.split()
    )


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

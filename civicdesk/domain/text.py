"""Kazakh and Russian text: look-alike clean-up, search folding, alphabet order, FTS5."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "KK_ALPHABET",
    "fold_for_search",
    "fts_query",
    "fts_terms",
    "kk_sort_key",
    "normalize_kk",
]

# The 42 letters of the Kazakh Cyrillic alphabet, in order.
KK_ALPHABET: tuple[str, ...] = tuple("АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ")

# Characters that are never right in Kazakh text, whatever the neighbours.
_ALWAYS = str.maketrans(
    {
        "\u018f": "Ә",  # LATIN CAPITAL LETTER SCHWA
        "\u0259": "ә",  # LATIN SMALL LETTER SCHWA
        "\u018e": "Ә",  # LATIN CAPITAL LETTER REVERSED E (typed for Ə)
        "\u01dd": "ә",  # LATIN SMALL LETTER TURNED E
        "\u019f": "Ө",  # LATIN CAPITAL LETTER O WITH MIDDLE TILDE (barred o)
        "\u0275": "ө",
        "\u0472": "Ө",  # CYRILLIC CAPITAL LETTER FITA
        "\u0473": "ө",
        "\u04a4": "Ң",  # CYRILLIC CAPITAL LIGATURE EN GHE
        "\u04a5": "ң",
        "\u04c3": "Қ",  # CYRILLIC CAPITAL LETTER KA WITH HOOK
        "\u04c4": "қ",
        "\u04c7": "Ң",  # CYRILLIC CAPITAL LETTER EN WITH HOOK
        "\u04c8": "ң",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
    }
)

# Latin letters that look like Cyrillic ones; replaced only inside words that also
# hold Cyrillic letters (so "IT", "Wi-Fi" or an e-mail address stay as typed).
_LATIN_IN_CYRILLIC = str.maketrans(
    {
        "I": "І",
        "i": "і",
        "h": "һ",
        "A": "А",
        "a": "а",
        "B": "В",
        "C": "С",
        "c": "с",
        "E": "Е",
        "e": "е",
        "H": "Н",
        "K": "К",
        "k": "к",
        "M": "М",
        "O": "О",
        "o": "о",
        "P": "Р",
        "p": "р",
        "T": "Т",
        "X": "Х",
        "x": "х",
        "y": "у",
    }
)

_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def _fix_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if any(_is_cyrillic(ch) for ch in word):
        return word.translate(_LATIN_IN_CYRILLIC)
    return word


def normalize_kk(text: str) -> str:
    """Clean what a user typed: Kazakh look-alikes, odd spaces, composed letters.

    Latin ``I i h`` (and other Latin look-alikes) inside Cyrillic words become
    ``І і һ`` ..., ``Ə ə`` become ``Ә ә``; runs of spaces collapse to one and the
    text is stripped. Line breaks are kept.
    """
    text = unicodedata.normalize("NFC", text).translate(_ALWAYS)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _WORD.sub(_fix_word, text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    return text.strip()


def fold_for_search(text: str) -> str:
    """Fold for full-text search documents and queries: look-alikes, case, ё -> е."""
    return normalize_kk(text).casefold().replace("ё", "е")


_RANK = {letter: i for i, letter in enumerate(KK_ALPHABET)}
_RANK.update({letter.lower(): i for i, letter in enumerate(KK_ALPHABET)})


def _char_key(ch: str) -> int:
    rank = _RANK.get(ch)
    if rank is not None:
        return 40_000 + rank
    if ch.isspace():
        return 0
    if ch.isdigit():
        return 20_000 + (ord(ch) - ord("0") if ch.isascii() else 10)
    if ch.isascii() and ch.isalpha():
        return 30_000 + ord(ch.lower())
    if not ch.isalnum():
        return 10_000 + min(ord(ch), 9_999)  # punctuation after spaces, before digits
    return 50_000 + ord(ch)  # other scripts last, in code point order


def kk_sort_key(text: str) -> tuple[tuple[int, ...], str]:
    """Sort key in Kazakh alphabet order (А Ә Б ... Қ ... Ң О Ө ... У Ұ Ү ... І Ь Э Ю Я).

    Case-insensitive; ties are broken by the text itself so the order is total.
    Spaces and punctuation sort first, then digits, Latin, Cyrillic, other scripts.
    """
    clean = normalize_kk(text)
    return tuple(_char_key(ch) for ch in clean.casefold()), clean


# A token as SQLite's unicode61 tokenizer sees one: letters, digits, combining marks
# (the underscore separates tokens there, so it does here too).
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_MAX_TERMS = 16


def fts_terms(user_text: str) -> list[str]:
    """The words of a search as FTS5 prefix terms, folded like the indexed documents.

    ``Әсем 45 67`` -> ``['"әсем"*', '"4567"*']`` (groups of digits are one number, as a
    phone is typed); FTS5 operators typed by the user are
    treated as words. At most 16 terms, duplicates dropped.
    """
    tokens: list[str] = []
    for token in _TOKEN.findall(fold_for_search(user_text)):
        # digits typed in groups are one number: «45 67», «701-123-45-67»
        if tokens and token.isdigit() and tokens[-1].isdigit():
            tokens[-1] += token
        else:
            tokens.append(token)
    words: list[str] = []
    for token in tokens:
        if token in words:
            continue
        words.append(token)
        if len(words) == _MAX_TERMS:
            break
    return ['"' + w.replace('"', '""') + '"*' for w in words]


def fts_query(user_text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 MATCH expression.

    Each word is folded like the indexed documents, quoted and made a prefix:
    ``алматы ауыл`` -> ``"алматы"* AND "ауыл"*``. Returns ``None`` when nothing
    searchable is left. FTS5 operators typed by the user are treated as words.
    """
    terms = fts_terms(user_text)
    return " AND ".join(terms) if terms else None

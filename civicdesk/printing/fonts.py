"""The app font: static Noto Sans faces made from the packaged variable font.

reportlab embeds TrueType outlines only from static fonts, so the variable
``NotoSans[wdth,wght].ttf`` shipped by ``fontpkg_noto_sans`` is first subset to the
characters CivicDesk prints (Latin, Cyrillic with every Kazakh letter, punctuation,
₸, №) and then instanced at wght 400 (Regular) and 700 (Bold), wdth 100, plus an
Italic from the italic variable font.  That takes several seconds, so the result is
kept in ``cache_dir()/fonts/<package version>-r<recipe>/``; a frozen build ships the
same files pre-made in ``resources_dir()/fonts/`` (see ``python -m
civicdesk.printing.fonts --out DIR``).

The font has no ballot box (☐ ☑) and no arrows: forms draw their tick boxes as
graphics, and :func:`check_glyphs` refuses such characters in user text.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import sys
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from civicdesk.domain.errors import Message, UserError
from civicdesk.paths import cache_dir, resources_dir

FAMILY = "CivicSans"

#: Bump when the subset or the instancing changes, so old caches are not reused.
RECIPE = 2

_FACES: dict[str, tuple[str, float]] = {
    # face -> (source file kind, weight)
    "regular": ("upright", 400.0),
    "bold": ("upright", 700.0),
    "italic": ("italic", 400.0),
}
_FILE_NAMES = {
    "regular": "CivicSans-Regular.ttf",
    "bold": "CivicSans-Bold.ttf",
    "italic": "CivicSans-Italic.ttf",
}
_REQUIRED = ("regular", "bold")

#: Code points kept by the subset (those the font lacks are simply not there).
UNICODE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement (NBSP, «», §, °, ×)
    (0x0100, 0x017F),  # Latin Extended-A
    (0x018F, 0x018F),  # Ə (typed for Ә by some keyboards)
    (0x0259, 0x0259),  # ə
    (0x02BC, 0x02BC),  # modifier apostrophe
    (0x0400, 0x052F),  # Cyrillic + Cyrillic Supplement (all Kazakh letters)
    (0x2000, 0x206F),  # General Punctuation (– — ‘ ’ “ ” „ • … ‰ U+202F)
    (0x20B8, 0x20B8),  # ₸
    (0x20BD, 0x20BD),  # ₽
    (0x20AC, 0x20AC),  # €
    (0x2116, 0x2116),  # №
    (0x2122, 0x2122),  # ™
    (0x2190, 0x21FF),  # arrows (absent from Noto Sans 2.015, kept if a later one has them)
    (0x2212, 0x2212),  # minus sign
    (0x2610, 0x2612),  # ballot boxes (likewise absent today)
    (0x2713, 0x2714),  # check marks (likewise)
    (0x25CB, 0x25CF),  # circles (likewise)
)


@dataclass(frozen=True)
class FontNames:
    """Names registered with reportlab for the app font."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str


_lock = threading.Lock()
_registered: FontNames | None = None
_cmap: frozenset[int] | None = None


def _package_version() -> str:
    try:
        return importlib.metadata.version("fontpkg-noto-sans")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - broken install
        return "unknown"


def _source_files() -> dict[str, Path]:
    import fontpkg_noto_sans

    root = Path(fontpkg_noto_sans.ROOT) / "files"
    return {
        "upright": root / "NotoSans[wdth,wght].ttf",
        "italic": root / "NotoSans-Italic[wdth,wght].ttf",
    }


def _unicodes() -> set[int]:
    result: set[int] = set()
    for lo, hi in UNICODE_RANGES:
        result.update(range(lo, hi + 1))
    return result


def font_cache_dir() -> Path:
    """The folder where the static faces are cached for this package version."""
    return cache_dir() / "fonts" / f"{_package_version()}-r{RECIPE}"


def _ready_dir(folder: Path) -> dict[str, Path] | None:
    files = {face: folder / name for face, name in _FILE_NAMES.items()}
    if not all(files[face].is_file() for face in _REQUIRED):
        return None
    return {face: path for face, path in files.items() if path.is_file()}


def build_fonts(out_dir: Path) -> dict[str, Path]:
    """Make the static faces in ``out_dir`` (each written under a temporary name and
    renamed into place, so a reader never sees half a file)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    out_dir.mkdir(parents=True, exist_ok=True)
    sources = _source_files()
    unicodes = _unicodes()
    subsetted: dict[str, TTFont] = {}
    result: dict[str, Path] = {}
    for face, (kind, weight) in _FACES.items():
        src = sources[kind]
        if not src.is_file():
            if face in _REQUIRED:
                raise FileNotFoundError(src)
            continue
        if kind not in subsetted:
            font = TTFont(src)
            options = subset.Options()
            options.layout_features = ["*"]
            options.name_IDs = ["*"]
            options.name_languages = ["*"]
            options.notdef_outline = True
            options.glyph_names = False
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=unicodes)
            subsetter.subset(font)
            subsetted[kind] = font
        # updateFontNames gives each face its own names ("NotoSans-Bold"), which
        # PDF embedding and Qt's font matching both rely on.
        static = instancer.instantiateVariableFont(
            subsetted[kind], {"wght": weight, "wdth": 100.0}, inplace=False, updateFontNames=True
        )
        target = out_dir / _FILE_NAMES[face]
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=out_dir)
        os.close(fd)
        try:
            static.save(tmp_name)
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        result[face] = target
    return result


def font_files() -> dict[str, Path]:
    """Paths of the static faces: ``regular``, ``bold`` and, when available, ``italic``.

    Pre-made files in ``resources_dir()/fonts`` win; otherwise the cache is used and
    filled on first use (a few seconds, once per package version).
    """
    shipped = _ready_dir(resources_dir() / "fonts")
    if shipped is not None:
        return shipped
    folder = font_cache_dir()
    cached = _ready_dir(folder)
    if cached is not None and len(cached) == len(_FILE_NAMES):
        return cached
    with _lock:
        cached = _ready_dir(folder)
        if cached is not None and len(cached) == len(_FILE_NAMES):
            return cached
        return build_fonts(folder)


def register_reportlab_fonts() -> FontNames:
    """Register the family ``CivicSans`` with reportlab (idempotent)."""
    global _registered
    if _registered is not None:
        return _registered
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont

    files = font_files()
    with _lock:
        if _registered is not None:
            return _registered
        regular = f"{FAMILY}"
        bold = f"{FAMILY}-Bold"
        italic = f"{FAMILY}-Italic" if "italic" in files else regular
        pdfmetrics.registerFont(RLTTFont(regular, str(files["regular"])))
        # a canvas selects its initial font on every page; left at Helvetica, each PDF
        # would reference a font it never draws with and does not embed
        rl_config.canvas_basefontname = regular
        # likewise a table's plain-text cells (an empty "" cell still selects a font)
        from reportlab.platypus.tables import CellStyle

        CellStyle.fontname = regular
        pdfmetrics.registerFont(RLTTFont(bold, str(files["bold"])))
        if "italic" in files:
            pdfmetrics.registerFont(RLTTFont(italic, str(files["italic"])))
        # No bold italic face: bold stands in for it.
        addMapping(FAMILY, 0, 0, regular)
        addMapping(FAMILY, 1, 0, bold)
        addMapping(FAMILY, 0, 1, italic)
        addMapping(FAMILY, 1, 1, bold)
        _registered = FontNames(
            family=FAMILY, regular=regular, bold=bold, italic=italic, bold_italic=bold
        )
        return _registered


def _font_cmap() -> frozenset[int]:
    global _cmap
    if _cmap is None:
        from fontTools.ttLib import TTFont

        files = font_files()
        codes: set[int] | None = None
        for face in ("regular", "bold"):
            font = TTFont(files[face], lazy=True)
            try:
                face_codes = set(font.getBestCmap())
            finally:
                font.close()
            codes = face_codes if codes is None else codes & face_codes
        _cmap = frozenset(codes or ())
    return _cmap


def _ignored(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" or ch in "\n\r\t\u2028\u2029"


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` the app font cannot draw (control characters ignored)."""
    cmap = _font_cmap()
    return {ch for ch in set(text) if not _ignored(ch) and ord(ch) not in cmap}


def describe_chars(chars: Iterable[str]) -> str:
    """``'中' (U+4E2D), '😀' (U+1F600)`` in code point order."""
    return ", ".join(f"«{ch}» (U+{ord(ch):04X})" for ch in sorted(set(chars)))


MISSING_GLYPHS = Message(
    kk=(
        "Басып шығару қарпінде мына таңбалар жоқ: {chars}. "
        "Оларды мәтіннен алып тастаңыз немесе басқа таңбамен ауыстырыңыз."
    ),
    ru=(
        "В шрифте для печати нет следующих символов: {chars}. "
        "Удалите их из текста или замените другими."
    ),
)


def check_glyphs(texts: Iterable[str]) -> None:
    """Refuse, with a kk/ru message naming them, characters the font cannot draw."""
    missing: set[str] = set()
    for text in texts:
        missing |= missing_glyphs(text)
    if missing:
        raise UserError(
            "print.missing_glyphs",
            MISSING_GLYPHS,
            chars=describe_chars(missing),
            missing="".join(sorted(missing)),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m civicdesk.printing.fonts",
        description="Prepare the static print fonts (cache, or a folder for a frozen build).",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="write the faces into this folder (e.g. resources/fonts for a build)",
    )
    args = parser.parse_args(argv)
    files = build_fonts(args.out) if args.out is not None else font_files()
    for face, path in sorted(files.items()):
        print(f"{face}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

from __future__ import annotations

import io

import form_samples as samples
import pytest

from civicdesk.domain.errors import UserError
from civicdesk.printing import fonts, forms

KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"


def test_font_files_cover_kazakh_and_print_signs() -> None:
    files = fonts.font_files()
    assert {"regular", "bold"} <= set(files)
    assert fonts.missing_glyphs(KAZAKH + "ЁёЩщ ₸ № «» — – \u00a0\u202f …\n\t") == set()


def test_registration_is_idempotent() -> None:
    a = fonts.register_reportlab_fonts()
    b = fonts.register_reportlab_fonts()
    assert a is b
    assert a.family == "CivicSans" and a.bold != a.regular


@pytest.mark.parametrize("char", ["中", "😀", "☐"])
def test_glyph_check_names_missing_characters_in_both_languages(char: str) -> None:
    with pytest.raises(UserError) as info:
        fonts.check_glyphs(["Сәлем", f"мәтін {char}"])
    err = info.value
    assert err.code == "print.missing_glyphs"
    code = f"U+{ord(char):04X}"
    for lang in ("kk", "ru"):
        assert char in err.text(lang) and code in err.text(lang)


def test_renderers_refuse_before_drawing() -> None:
    from dataclasses import replace

    buf = io.BytesIO()
    with pytest.raises(UserError) as info:
        forms.render_minutes(replace(samples.minutes(2, 1), place="Зал 😀"), buf)
    assert "U+1F600" in info.value.text("kk")
    assert buf.getvalue() == b""


def test_fonts_are_built_once_into_the_cache() -> None:
    first = fonts.font_files()
    mtimes = {k: p.stat().st_mtime_ns for k, p in first.items()}
    again = fonts.font_files()
    assert {k: p.stat().st_mtime_ns for k, p in again.items()} == mtimes
    assert all(p.parent == fonts.font_cache_dir() for p in again.values())

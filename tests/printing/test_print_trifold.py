"""The A4 tri-fold: every shipped template has a short edition that fits the six
panels, in both arrangements, with and without bleed; a text that does not fit is
refused naming the panel that overflows."""

from __future__ import annotations

import io
from datetime import date

import pytest
from printing_helpers import read_pdf, text_between

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import UserError
from civicdesk.printing.booklet import EditionInfo, render_booklet
from civicdesk.printing.common import MM
from civicdesk.printing.templates import TRIFOLD, list_templates, load_template

EDITION = EditionInfo("Ақсу ауылдық округінің ЖӨБД орталығы", date(2025, 2, 22), 300)
NAMES = [t.name for t in list_templates()]


def test_six_templates_each_have_a_trifold_edition() -> None:
    assert len(NAMES) == 6
    for name in NAMES:
        full, short = load_template(name), load_template(name, edition=TRIFOLD)
        assert short.title == full.title
        assert 0 < len(short.sections) < len(full.sections)


def _flat(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("arrangement", list(BilingualArrangement))
@pytest.mark.parametrize("name", NAMES)
def test_every_template_prints_as_trifold(name: str, arrangement: BilingualArrangement) -> None:
    content = load_template(name, edition=TRIFOLD)
    for bleed in (False, True):
        buf = io.BytesIO()
        result = render_booklet(
            content, layout=BookletLayout.A4_TRIFOLD, arrangement=arrangement,
            edition=EDITION, bleed=bleed, crop_marks=bleed, out=buf,
        )
        assert (result.pages, result.sheets) == (2, 1)
        outside, inside = read_pdf(buf.getvalue()).pages
        x0 = float(outside.trimbox.left)
        flap_end, back_end = x0 + 97 * MM, x0 + 197 * MM
        cover = _flat(text_between(outside, back_end, x0 + 297 * MM))
        back = _flat(text_between(outside, flap_end, back_end))
        flap = _flat(text_between(outside, x0, flap_end))
        # the cover has the title, Kazakh first
        assert cover.index(content.title.kk.split()[0]) < cover.index(content.title.ru.split()[0])
        # the back: contacts, a fill-in for the consultation hours, the imprint
        assert "Часы консультаций" in back and "Кеңес беру уақыты" in back
        assert "Тираж" in back
        # the flap starts the text: the first section heading
        first = content.sections[0].heading
        assert first.kk.split()[0] in flap and first.ru.split()[0] in flap
        panels = [
            _flat(text_between(inside, x0 + a * MM, x0 + b * MM))
            for a, b in ((0, 100), (100, 200), (200, 297))
        ]
        assert all(panels), "every inside panel carries text"
        last = content.sections[-1].heading.ru.split()[0]
        assert any(last in p for p in panels)


def _sample() -> dict[str, object]:
    return {
        "name": "custom",
        "title": {"kk": "Тақырып", "ru": "Заголовок"},
        "sections": [
            {
                "heading": {"kk": "Бөлім", "ru": "Раздел"},
                "blocks": [{"type": "p", "kk": "Мәтін " * 40, "ru": "Текст " * 40}],
            }
        ],
        "contacts": {"kk": "Телефон 109", "ru": "Телефон 109"},
    }


def _refused(data: dict[str, object]) -> UserError:
    from civicdesk.printing.templates import booklet_from_dict

    with pytest.raises(UserError) as info:
        render_booklet(
            booklet_from_dict(data), layout=BookletLayout.A4_TRIFOLD,
            arrangement=BilingualArrangement.PARALLEL, edition=EDITION, out=io.BytesIO(),
        )
    assert info.value.code == "print.trifold_overflow"
    return info.value


def test_too_long_text_names_the_inside_panel() -> None:
    data = _sample()
    sections = data["sections"]
    assert isinstance(sections, list)
    data["sections"] = sections * 30
    e = _refused(data)
    assert e.params["panel"] == "in3"
    assert "панель 3" in e.text("ru") and "3-бөлік" in e.text("kk")


def test_too_long_title_names_the_cover() -> None:
    data = _sample()
    data["title"] = {"kk": "Өте ұзын тақырып " * 60, "ru": "Очень длинный заголовок " * 60}
    e = _refused(data)
    assert e.params["panel"] == "cover" and "обложка" in e.text("ru")


def test_too_long_contacts_name_the_back() -> None:
    data = _sample()
    data["contacts"] = {"kk": "Мекенжай, телефон. " * 150, "ru": "Адрес, телефон. " * 150}
    e = _refused(data)
    assert e.params["panel"] == "back" and "задняя панель" in e.text("ru")

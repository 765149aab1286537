"""Sequential arrangement (each section in Kazakh, then in Russian): a fill-in place is
printed once and keeps its label with its lines; A5 padding pages are for notes."""

from __future__ import annotations

import io
from datetime import date

import pytest
from printing_helpers import read_pdf, text_between, text_runs

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.printing.booklet import EditionInfo, render_booklet
from civicdesk.printing.common import MM
from civicdesk.printing.templates import FillBlock, list_templates, load_template

EDITION = EditionInfo("Ақсу ауылдық округінің ЖӨБД орталығы", date(2025, 2, 22), 300)
NAMES = [t.name for t in list_templates()]


def _render(name: str, layout: BookletLayout) -> bytes:
    buf = io.BytesIO()
    render_booklet(load_template(name), layout=layout,
                   arrangement=BilingualArrangement.SEQUENTIAL, edition=EDITION, out=buf)
    return buf.getvalue()


@pytest.mark.parametrize("name", NAMES)
def test_each_fill_in_is_printed_once_with_its_lines(name: str) -> None:
    content = load_template(name)
    fills = [b for s in content.sections for b in s.blocks if isinstance(b, FillBlock)]
    assert fills
    reader = read_pdf(_render(name, BookletLayout.A4))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    size = 11.0  # the A4 sequential body size
    for fill in fills:
        key = fill.label.ru.split(":")[0]
        assert text.count(key) == 1, (name, key)
        # the label is never at the page foot with its lines on the next page
        for page in reader.pages:
            start = " ".join(fill.label.kk.split()[:2])
            ys = [r.y for r in text_runs(page) if r.text.startswith(start)]
            for y in ys:
                bottom = float(page.trimbox.bottom) + 16 * MM
                assert y - fill.lines * size * 2.1 >= bottom - 2, (name, key, y)


@pytest.mark.parametrize("name", NAMES)
def test_a5_has_no_blank_pages_before_the_back_cover(name: str) -> None:
    for arrangement in BilingualArrangement:
        buf = io.BytesIO()
        render_booklet(load_template(name), layout=BookletLayout.A5_BOOKLET,
                       arrangement=arrangement, edition=EDITION, out=buf)
        for sheet in read_pdf(buf.getvalue()).pages:
            x0, w = float(sheet.trimbox.left), float(sheet.trimbox.width)
            for half in ((x0, x0 + w / 2), (x0 + w / 2, x0 + w)):
                assert text_between(sheet, *half).strip(), (name, arrangement)

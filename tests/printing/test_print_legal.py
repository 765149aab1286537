"""Legal references come from the reference data, dated, and none of the corrected
ones come back."""

from __future__ import annotations

import io
from datetime import date

import pytest
from printing_helpers import read_pdf

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.printing.booklet import EditionInfo, render_booklet
from civicdesk.printing.legal import as_of, citation, legal_acts, resolve
from civicdesk.printing.templates import TRIFOLD, list_templates, load_template

NAMES = [t.name for t in list_templates()]


def test_citation_in_both_languages() -> None:
    act = legal_acts()["law_lsg_148"]
    c = citation(act)
    assert c.ru.startswith("Закон Республики Казахстан от 23 января 2001 года № 148-II «О")
    assert c.kk.startswith("2001 жылғы 23 қаңтардағы № 148-II «")
    assert c.kk.endswith("Қазақстан Республикасының Заңы")


def test_replaced_act_is_followed_to_the_one_in_force() -> None:
    acts = resolve(["budget_code"])
    assert [a.code for a in acts] == ["budget_code_171"]
    assert "(утратил силу)" in citation(legal_acts()["budget_code"]).ru
    stamp = as_of(acts)
    assert stamp is not None and stamp.ru == "по состоянию на 3 декабря 2026 года"
    assert stamp.kk == "2026 жылғы 3 желтоқсандағы жағдай бойынша"


@pytest.mark.parametrize("name", NAMES)
def test_booklets_print_dated_legal_basis_and_no_outdated_reference(name: str) -> None:
    for layout in (BookletLayout.A5_BOOKLET, BookletLayout.A4_TRIFOLD):
        content = load_template(name, edition=TRIFOLD if layout is BookletLayout.A4_TRIFOLD
                                else "full")
        buf = io.BytesIO()
        render_booklet(content, layout=layout, arrangement=BilingualArrangement.PARALLEL,
                       edition=EditionInfo("Орталық", date(2026, 12, 3), 100), out=buf)
        text = " ".join(" ".join((p.extract_text() or "").split())
                        for p in read_pdf(buf.getvalue()).pages)
        assert "по состоянию на 3 декабря 2026 года" in text, (name, layout)
        assert "жағдай бойынша" in text
        for stale in ("по состоянию на 2025 год", "2025 жылғы жағдай бойынша",
                      "подаётся в вышестоящий орган", "статья 33", "39-2", "95-IV",
                      "Система государственного планирования", "По Бюджетному кодексу в городах"):
            assert stale not in text, (name, layout, stale)


def test_number_sign_never_ends_a_line() -> None:
    from civicdesk.printing.common import esc
    from civicdesk.printing.templates import booklet_from_dict

    assert esc("приказ №  295") == "приказ №\u00a0295"
    words = " ".join(f"приказ № {100 + i} и решение №{i}" for i in range(60))
    content = booklet_from_dict({
        "name": "n", "title": {"kk": "Нөмір", "ru": "Номер"},
        "sections": [{"heading": {"kk": "Бөлім", "ru": "Раздел"},
                      "blocks": [{"type": "p", "kk": words, "ru": words}]}],
    })
    buf = io.BytesIO()
    render_booklet(content, layout=BookletLayout.A5_BOOKLET,
                   arrangement=BilingualArrangement.PARALLEL, edition=None, out=buf)
    lines = [ln.strip() for p in read_pdf(buf.getvalue()).pages
             for ln in (p.extract_text() or "").splitlines()]
    assert sum("№" in ln for ln in lines) > 20
    assert not [ln for ln in lines if ln.endswith("№")]

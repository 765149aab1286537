"""The grant application: words break at syllables with a hyphen, tables never leave a
header row alone, no header without rows, activities numbered once."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import form_samples as samples
import pytest
from printing_helpers import read_pdf

from civicdesk.domain.enums import BudgetCategory
from civicdesk.printing import forms
from civicdesk.printing.data import BudgetLineData
from civicdesk.printing.hyphenation import dic_text, inserted, kk_dic_path, kk_patterns

LETTER = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]$")


def pages_of(data: object) -> list[str]:
    buf = io.BytesIO()
    forms.render_grant_application(data, buf)  # type: ignore[arg-type]
    return [p.extract_text() or "" for p in read_pdf(buf.getvalue()).pages]


def test_kazakh_patterns_are_the_published_set() -> None:
    pats = kk_patterns()
    assert len(pats) == 1 + 13 * 26 * 13 + 26 * 26 * 2 + 11 + 7
    assert pats[:3] == ["1-4", "а1ба", "а1бо"] and pats[-1] == "с2к1у"
    assert kk_dic_path().read_text(encoding="utf-8") == dic_text()


@pytest.mark.parametrize(
    ("word", "expected"),
    [("жиынтық", "жиын-тық"), ("қоғамдастық", "қо-ғам-дас-тық"),
     ("Административные", "Ад-ми-ни-стра-тив-ные")],
)
def test_words_break_at_syllables(word: str, expected: str) -> None:
    assert inserted(word) == expected


def _long_budget() -> list[BudgetLineData]:
    items = [
        "Административные расходы: связь, интернет и канцелярские товары",
        "Әкімшілік шығыстар: байланыс, интернет және кеңсе тауарларының жиынтық құны",
        "Жергілікті қоғамдастықтың жиналыстарына арналған көлік шығыстары",
    ]
    return [
        BudgetLineData(BudgetCategory.ADMINISTRATION, items[i % 3], "жиынтық",
                       Decimal(1 + i % 4), Decimal(15000 + i))
        for i in range(40)
    ]


def test_narrow_cells_hyphenate_instead_of_breaking_mid_word() -> None:
    data = replace(samples.grant(), budget=_long_budget())
    lines = [ln.rstrip() for t in pages_of(data) for ln in t.splitlines()]
    # a line that ends inside a word ends with a hyphen; the broken pieces of the
    # sample's long words are never cut without one
    for bad in ("жиынты", "Административны", "Әкімшілі", "қоғамдастықты"):
        assert not [ln for ln in lines if ln.endswith(bad)], bad
    assert any(ln.endswith("-") for ln in lines)


def test_budget_header_is_never_alone_at_a_page_foot() -> None:
    data = replace(samples.grant(), budget=_long_budget())
    pages = pages_of(data)
    assert len(pages) >= 2
    for text in pages:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        body = [ln for ln in lines if not re.fullmatch(r".*\d+ / \d+", ln)]
        if body and "Статья расходов" in body[-1]:
            pytest.fail("the budget header row ends a page")


def test_indicators_without_rows_get_lines_and_activities_are_numbered_once() -> None:
    data = replace(samples.grant(), indicators=[],
                   activities=["1. Семинар өткізу", "2) Кітапша шығару", "Кеңес беру"])
    text = " ".join(" ".join(t.split()) for t in pages_of(data))
    assert "1. Семинар өткізу" in text and "1. 1." not in text
    assert "2. Кітапша шығару" in text and "3. Кеңес беру" in text
    # the empty indicators table has numbered rows to fill in, not a bare header
    assert re.search(r"Целевое значение\s*1\s*2\s*3\s*4", text)


def test_sample_paths_exist() -> None:
    assert Path(kk_dic_path()).is_file()

from __future__ import annotations

import io

import form_samples as samples
import pytest
from printing_helpers import read_pdf

from civicdesk.printing import forms

KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"


def pdf_text(render: object, *args: object) -> list[str]:
    buf = io.BytesIO()
    render(*args, buf)  # type: ignore[operator]
    return [p.extract_text() for p in read_pdf(buf.getvalue()).pages]


def test_long_minutes_flow_over_pages_with_repeated_header() -> None:
    pages = pdf_text(forms.render_minutes, samples.minutes(200, 10))
    total = len(pages)
    assert total >= 5
    for n, text in enumerate(pages, 1):
        assert f"{n} / {total}" in text
    assert pages[0].count("ХАТТАМА / ПРОТОКОЛ") >= 1
    # the attendance table runs over several pages; each of them starts with its header
    with_rows = [t for t in pages if "ауылы" in t and "мүше / член" in t]
    assert len(with_rows) >= 4
    for text in with_rows:
        assert "Фамилия, имя, отчество" in text
    joined = "".join(pages)
    for i in (1, 100, 200):
        assert f"Серікқызы {i}" in joined or f"{i}\n" in joined
    assert joined.count("Шешім қабылданды") + joined.count("Шешім қабылданбады") == 10
    assert "Председатель" in pages[-1] and "Секретарь" in pages[-1]


def test_minutes_keep_every_kazakh_letter() -> None:
    m = samples.minutes(3, 1)
    from dataclasses import replace

    text = "".join(pdf_text(forms.render_minutes, replace(m, place=KAZAKH)))
    assert KAZAKH in text


def test_separate_gathering_lists_elected_representatives() -> None:
    text = "".join(pdf_text(forms.render_minutes, samples.separate_gathering()))
    assert "ИЗБРАННЫЕ ПРЕДСТАВИТЕЛИ" in text
    assert (
        "Раздельного схода местного сообщества" in text.replace("\n", " ")
        or "раздельного схода" in text
    )


@pytest.mark.parametrize(
    ("render", "data", "needle"),
    [
        (forms.render_consent, samples.consent(), "СОГЛАСИЕ НА СБОР"),
        (forms.render_consent, samples.consent(blank=True), "Версия формы: 2025-01"),
        (forms.render_consultation_slip, samples.slip(), "ЛИСТ КОНСУЛЬТАЦИИ"),
        (forms.render_attendance_sheet, samples.attendance(40), "ЛИСТ РЕГИСТРАЦИИ"),
        (forms.render_grant_application, samples.grant(), "ЗАЯВКА НА ГРАНТ"),
        (forms.render_grant_application, None, "Запрашиваемая сумма гранта"),
        (forms.render_review_sheet, samples.review(), "ОЦЕНОЧНЫЙ ЛИСТ"),
        (forms.render_review_sheet, samples.review(filled=False), "конфликта интересов"),
        (forms.render_certificate, samples.certificate(), "СЕРТИФИКАТ"),
    ],
)
def test_every_form_renders(render: object, data: object, needle: str) -> None:
    text = "".join(pdf_text(render, data))
    assert needle in text.replace("\n", " ")


def test_attendance_header_on_every_page() -> None:
    pages = pdf_text(forms.render_attendance_sheet, samples.attendance(60))
    assert len(pages) >= 2
    for text in pages:
        assert "Подпись" in text


def test_grant_budget_totals_and_share() -> None:
    # pypdf gives no-break spaces back as plain spaces
    text = "".join(pdf_text(forms.render_grant_application, samples.grant())).replace("\u00a0", " ")
    # 240 000 + 120 000 + 105 150 + 500 000 = 965 150; co-financing 160 000
    assert "965 150" in text
    assert "805 150 ₸" in text
    assert "16,6 %" in text


def test_certificate_hours_in_both_languages() -> None:
    text = "".join(pdf_text(forms.render_certificate, samples.certificate()))
    assert "Көлемі: 6 сағат / Объём: 6 часов" in text
    assert "2025 жылғы 22 ақпан" in text and "22 февраля 2025 года" in text

"""Questionnaire sheets: one page a respondent, Kazakh first, numbered, with a QR code."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from civicdesk.domain.errors import UserError
from civicdesk.printing.questionnaire import (
    QuestionnaireData,
    SheetQuestion,
    _qr,
    qr_payload,
    render_questionnaires,
)

QUESTIONS = (
    SheetQuestion("Өтінішке жауап мерзімі қандай?", "Каков срок ответа на обращение?", False,
                  (("15 жұмыс күні", "15 рабочих дней"), ("3 ай", "3 месяца"))),
    SheetQuestion("Ықпал ету нысандары?", "Формы влияния?", True,
                  (("Жиын", "Сход"), ("Жиналыс", "Собрание"), ("Ешқандай", "Никаких"))),
    SheetQuestion("Даму жоспары қайда?", "Где план развития?", False,
                  (("Әкімдікте", "В акимате"), ("Білмеймін", "Не знаю"))),
)


def data(**kw: object) -> QuestionnaireData:
    base: dict[str, object] = dict(
        campaign_id="c-1", wave_id="w-1", title_kk="Өтініш беру", title_ru="Обращения",
        wave_kk="1-кезең", wave_ru="Волна 1", center_name="Ақсу орталығы",
        questions=QUESTIONS, villages=(("Ақтоғай", "Актогай"),), first_number=7, count=3)
    base.update(kw)
    return QuestionnaireData(**base)  # type: ignore[arg-type]


def test_each_sheet_is_a_page_with_its_number_kazakh_first() -> None:
    buf = io.BytesIO()
    pages = render_questionnaires(data(), buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    assert pages == 3 and len(reader.pages) == 3
    for page, number in zip(reader.pages, (7, 8, 9), strict=True):
        text = page.extract_text()
        assert f"№ {number}" in text
        assert text.index("Өтініш беру") < text.index("Обращения")
        assert "Актогай" in text and "60+ жас" in text and "имя не пишите" in text


def test_a5_sheets_fit_too() -> None:
    buf = io.BytesIO()
    assert render_questionnaires(data(a5=True, count=1), buf) == 1


def test_qr_code_names_campaign_wave_and_sheet() -> None:
    payload = qr_payload("c-1", "w-1", 12)
    assert payload == "CIVICDESK-SURVEY|c-1|w-1|12"
    drawing = _qr(payload, 70)
    assert drawing.contents[0].value == payload


def test_text_the_font_cannot_print_is_refused() -> None:
    with pytest.raises(UserError):
        render_questionnaires(data(title_kk="Өтініш \U0001f600"), io.BytesIO())

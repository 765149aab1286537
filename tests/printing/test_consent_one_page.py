"""The consent form fits one A4 page, blank, filled and with the longest operator
details, and still carries every item Law No. 94-V, art. 8 para. 4 asks for (see
docs/sources.md), in Kazakh and in Russian, with the signature below them."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import form_samples as samples
import pytest
from printing_helpers import read_pdf

from civicdesk.printing import forms
from civicdesk.printing.data import ConsentFormData
from civicdesk.printing.form_kit import CONSENT_DATA

LONG_KK = "Алматы облысы Райымбек ауданы Нарынқол ауылдық округінің жергілікті қоғамдастықты дамыту орталығының"
LONG_RU = "Центру развития местного сообщества Нарынкольского сельского округа Райымбекского района Алматинской области"


def _full() -> ConsentFormData:
    return replace(
        samples.consent(),
        center_name="Нарынқол ауылдық округінің ЖӨБД орталығы / Центр РМС Нарынкольского с.о.",
        operator_bin="240340012345",
        operator_kk_genitive=LONG_KK,
        operator_ru_dative=LONG_RU,
        head_office_kk="«Ауыл дамуы» қоғамдық қоры, Алматы қ., Абай даңғылы, 10",
        head_office_ru="общественный фонд «Развитие села», г. Алматы, пр. Абая, 10",
        term_years=5,
    )


CASES = {"blank": samples.consent(blank=True), "filled": samples.consent(), "full": _full()}

#: Art. 8 para. 4 (and paras 1–2 on withdrawal): what the text must say, in both
#: languages.  The list of data is checked item by item below.
ITEMS = {
    "operator": ("Оператор", "Оператор"),
    "operator's BIN": ("Оператордың БСН", "БИН оператора"),
    "subject's name": ("Тегі, аты, әкесінің аты", "Фамилия, имя, отчество"),
    "term": ("Келісімнің мерзімі", "Срок действия согласия"),
    "third parties": ("Үшінші тұлғаға беру", "Передача третьему лицу"),
    "cross-border transfer": ("шекара асып берілмейді", "трансграничная передача не осуществляется"),
    "public sources": ("жалпыға қолжетімді дереккөздерде таратылмайды",
                       "в общедоступных источниках данные не распространяются"),
    "list of data": ("Жиналатын деректер", "Собираемые данные"),
    "withdrawal": ("Келісімді кері қайтарып алу", "Отзыв согласия"),
}


def _text(data: ConsentFormData) -> tuple[int, str, str]:
    buf = io.BytesIO()
    forms.render_consent(data, buf)
    pages = read_pdf(buf.getvalue()).pages
    text = " ".join(p.extract_text() for p in pages)
    return len(pages), re.sub(r"\s+", " ", text), pages[-1].extract_text()


@pytest.mark.parametrize("case", sorted(CASES))
def test_consent_fits_one_page_with_every_item(case: str) -> None:
    count, text, last = _text(CASES[case])
    assert count == 1
    missing = [
        f"{name} ({lang})"
        for name, pair in ITEMS.items()
        for lang, phrase in zip(("kk", "ru"), pair, strict=True)
        if phrase not in text
    ]
    assert missing == []
    for item in CONSENT_DATA:
        assert item.kk in text and item.ru in text
    assert "Подпись" in last and "Дата" in last
    # the signature comes after everything it consents to
    assert text.rindex("Подпись") > text.index("Отзыв согласия")


def test_full_operator_details_are_printed() -> None:
    _, text, _ = _text(_full())
    assert "240340012345" in text
    assert LONG_KK in text and LONG_RU in text
    assert "Развитие села" in text and "Ауыл дамуы" in text

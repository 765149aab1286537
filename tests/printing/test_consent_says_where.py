"""Finding 5: the consent form a resident signs says what goes where, in both
languages, and the resident signs below all of it."""

from __future__ import annotations

import io

import form_samples as samples
from printing_helpers import read_pdf

from civicdesk.printing import forms


def test_consent_form_says_what_goes_where() -> None:
    buf = io.BytesIO()
    forms.render_consent(samples.consent(), buf)
    pages = [p.extract_text() for p in read_pdf(buf.getvalue()).pages]
    assert len(pages) <= 2
    text = " ".join(pages).replace("\n", " ")
    assert "Подпись" in pages[-1]  # the signature comes after what it consents to
    assert "В головной офис не передаются" in text
    assert "Бас кеңсеге тегім" in text
    assert "удаляются отовсюду" in text

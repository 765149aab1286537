"""Print-shop preflight: every embedded subset has a name of its own, and no PDF
references a font it does not embed (the Helvetica a canvas selects by default)."""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date
from typing import Any

import form_samples as samples
from printing_helpers import read_pdf

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.printing import forms
from civicdesk.printing.booklet import EditionInfo, render_booklet
from civicdesk.printing.data import CertificateData
from civicdesk.printing.templates import TRIFOLD, load_template
from civicdesk.services.printing import render_certificates


def fonts_of(data: bytes) -> dict[str, set[bytes]]:
    """Font name -> the distinct glyph programs embedded under it; also non-embedded."""
    found: dict[str, set[bytes]] = defaultdict(set)
    seen: set[int] = set()

    def visit(res: Any) -> None:
        res = res.get_object() if res is not None else None
        if not res:
            return
        for ref in (res.get("/Font") or {}).values():
            font = ref.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            desc = font.get("/FontDescriptor")
            program = b""
            if desc is not None and "/FontFile2" in desc.get_object():
                program = desc.get_object()["/FontFile2"].get_object().get_data()
            found[str(font["/BaseFont"])].add(program)
        for ref in (res.get("/XObject") or {}).values():
            xo = ref.get_object()
            if id(xo) not in seen:
                seen.add(id(xo))
                visit(xo.get("/Resources"))

    for page in read_pdf(data).pages:
        visit(page.get("/Resources"))
    return found


def _assert_clean(data: bytes) -> dict[str, set[bytes]]:
    found = fonts_of(data)
    assert found
    for name, programs in found.items():
        assert "Helvetica" not in name and b"" not in programs, name
        assert len(programs) == 1, f"{name} names {len(programs)} different subsets"
    return found


def test_certificates_have_a_subset_name_per_instance() -> None:
    one = samples.certificate()
    people = [
        CertificateData(**{**one.__dict__, "participant": name, "number": f"0{i}"})
        for i, name in enumerate(["Әлия Сәрсенова", "Qайрат Ыбыраев", "Һадия Өмірова",
                                  "Юрий Щербаков", "Ұлан Үсенов", "Гүлнар Ғабитова"] * 2)
    ]
    buf = io.BytesIO()
    assert render_certificates(people, buf) == len(people)
    found = _assert_clean(buf.getvalue())
    assert len({n.split("+")[0] for n in found}) > 1


def test_forms_and_booklets_reference_no_unused_font() -> None:
    for render, data in ((forms.render_minutes, samples.minutes(4, 1)),
                         (forms.render_consent, samples.consent()),
                         (forms.render_grant_application, samples.grant())):
        buf = io.BytesIO()
        render(data, buf)  # type: ignore[operator]
        _assert_clean(buf.getvalue())
    edition = EditionInfo("Орталық", date(2025, 2, 22), 100)
    for layout in BookletLayout:
        buf = io.BytesIO()
        content = load_template("rural-youth", edition=TRIFOLD) if layout is BookletLayout.A4_TRIFOLD \
            else load_template("rural-youth")
        render_booklet(content, layout=layout, arrangement=BilingualArrangement.PARALLEL,
                       edition=edition, bleed=True, crop_marks=True, out=buf)
        _assert_clean(buf.getvalue())

"""The imposition copies each logical page's content once, unparsed, and joins the
pages' resources by name; pages whose names clash go in as Form XObjects; the A5
booklet is laid out in one pass."""

from __future__ import annotations

import io
from datetime import date
from typing import Any, cast

from printing_helpers import read_pdf, text_between
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, IndirectObject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.printing.booklet import EditionInfo, booklet_from_dict, render_booklet
from civicdesk.printing.common import MM
from civicdesk.printing.imposition import Placement, SheetSide, impose

HALF = 148.5 * MM
SHEET = (2 * HALF, 210 * MM)


def _pages(texts: list[str], font: str = "Helvetica") -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(HALF, 210 * MM))
    for t in texts:
        c.setFont(font, 12)
        c.drawString(30, 300, t)
        c.showPage()
    c.save()
    return buf.getvalue()


def _write(writer: PdfWriter) -> PdfReader:
    out = io.BytesIO()
    writer.write(out)
    return read_pdf(out.getvalue())


def _get(obj: object, *keys: str) -> Any:
    """Follow dictionary keys through a PDF object tree (references resolved)."""
    for key in keys:
        obj = cast(Any, obj)[key].get_object()
    return obj


def _side(left: int, right: int) -> SheetSide:
    return SheetSide(
        (Placement(left, 0, 0), Placement(right, HALF, 0)), trim=(0, 0, *SHEET)
    )


def test_page_content_is_copied_once_and_text_stays_in_place() -> None:
    source = _pages(["LEFT-A", "RIGHT-B", "LEFT-C", "RIGHT-D"])
    src = read_pdf(source)
    reader = _write(impose(source, SHEET, [_side(0, 1), _side(2, 3)]))
    for page, (left, right) in zip(reader.pages, [("LEFT-A", "RIGHT-B"), ("LEFT-C", "RIGHT-D")],
                                   strict=True):
        assert text_between(page, 0, HALF).strip() == left
        assert text_between(page, HALF, 2 * HALF).strip() == right
        contents = page.raw_get("/Contents")
        assert isinstance(contents, ArrayObject)
        assert all(isinstance(c, IndirectObject) for c in contents)
        # the source's compressed stream bytes are carried over as they are
        raw = [c.get_object()._data for c in contents]
        for i in (0, 1) if left == "LEFT-A" else (2, 3):
            assert _get(src.pages[i], "/Contents")._data in raw
    # the font both pages use is one object in the output, named as in the source
    fonts = {_get(page, "/Resources", "/Font").raw_get("/F1").idnum for page in reader.pages}
    assert len(fonts) == 1


def test_pages_whose_resource_names_clash_are_placed_as_forms() -> None:
    first = read_pdf(_pages(["HELV-LEFT"]))
    second = read_pdf(_pages(["Courier-RIGHT"], font="Courier"))
    both = PdfWriter()
    both.add_page(first.pages[0])
    both.add_page(second.pages[0])
    buf = io.BytesIO()
    both.write(buf)
    # both documents call their font /F1: the second cannot join the first's resources
    reader = _write(impose(buf.getvalue(), SHEET, [_side(0, 1)]))
    page = reader.pages[0]
    xobjects = _get(page, "/Resources", "/XObject")
    assert "/Page1" in xobjects
    form = xobjects["/Page1"].get_object()
    assert form["/Subtype"] == "/Form"
    assert _get(form, "/Resources", "/Font", "/F1", "/BaseFont") == "/Courier"
    assert _get(page, "/Resources", "/Font", "/F1", "/BaseFont") == "/Helvetica"
    text = page.extract_text()
    assert "HELV-LEFT" in text and "Courier-RIGHT" in text


def test_overlay_is_one_form_shared_by_every_side() -> None:
    source = _pages(["A", "B", "C", "D"])

    def marks() -> bytes:
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=SHEET)
        c.line(0, 0, 10, 10)
        c.showPage()
        c.save()
        return buf.getvalue()

    reader = _write(impose(source, SHEET, [_side(0, 1), _side(2, 3)], overlay=marks))
    refs = {_get(p, "/Resources", "/XObject").raw_get("/Marks").idnum for p in reader.pages}
    assert len(refs) == 1
    assert all(b"/Marks Do" in p.get_contents().get_data() for p in reader.pages)  # type: ignore[union-attr]


def test_a5_booklet_is_laid_out_once_with_its_notes_pages(monkeypatch: object) -> None:
    builds = []
    original = BaseDocTemplate.build

    def counting(self: BaseDocTemplate, *args: object, **kw: object) -> object:
        builds.append(1)
        return original(self, *args, **kw)

    monkeypatch.setattr(BaseDocTemplate, "build", counting)  # type: ignore[attr-defined]
    content = booklet_from_dict(
        {
            "name": "short",
            "title": {"kk": "Қысқа кітапша", "ru": "Короткая брошюра"},
            "sections": [
                {
                    "heading": {"kk": "Бөлім", "ru": "Раздел"},
                    "blocks": [{"type": "p", "kk": "Мәтін.", "ru": "Текст."}],
                }
            ],
        }
    )
    buf = io.BytesIO()
    result = render_booklet(
        content,
        layout=BookletLayout.A5_BOOKLET,
        arrangement=BilingualArrangement.PARALLEL,
        edition=EditionInfo("Орталық", date(2025, 2, 22), 100),
        out=buf,
    )
    assert builds == [1]
    assert result.logical_pages == 4
    reader = read_pdf(buf.getvalue())
    # cover, one content page, one notes page, back cover: the back side of the sheet
    # carries page 2 (the section) on the left and page 3 (the notes) on the right
    assert "Раздел" in text_between(reader.pages[1], 0, HALF)
    assert "Для заметок" in text_between(reader.pages[1], HALF, 2 * HALF)
    assert "Для заметок" not in text_between(reader.pages[1], 0, HALF)

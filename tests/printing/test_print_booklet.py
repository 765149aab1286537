from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from printing_helpers import FIXTURES, read_pdf, text_between, text_runs
from reportlab.pdfgen.canvas import Canvas

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import UserError
from civicdesk.printing.booklet import (
    EditionInfo,
    booklet_from_dict,
    list_templates,
    load_template,
    render_booklet,
)
from civicdesk.printing.common import MM
from civicdesk.printing.imposition import (
    SheetSide,
    impose,
    pad_to_multiple,
    saddle_stitch_order,
)

KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
EDITION = EditionInfo("Ақсу ауылдық округінің ЖӨБД орталығы", date(2025, 2, 22), 300)
A4_LANDSCAPE = (297 * MM, 210 * MM)


def sample() -> dict[str, object]:
    data: dict[str, object] = json.loads((FIXTURES / "sample-booklet.json").read_text("utf-8"))
    return data


def render(**kw: object) -> tuple[bytes, object]:
    buf = io.BytesIO()
    args: dict[str, object] = {
        "layout": BookletLayout.A5_BOOKLET,
        "arrangement": BilingualArrangement.PARALLEL,
        "edition": EDITION,
    }
    args.update(kw)
    content = args.pop("content", booklet_from_dict(sample(), base_dir=FIXTURES))
    result = render_booklet(content, out=buf, **args)  # type: ignore[arg-type]
    return buf.getvalue(), result


def test_saddle_stitch_order_formula() -> None:
    assert saddle_stitch_order(8) == [((8, 1), (2, 7)), ((6, 3), (4, 5))]
    assert pad_to_multiple(5) == 8
    assert pad_to_multiple(8) == 8
    with pytest.raises(ValueError):
        saddle_stitch_order(6)


def test_imposition_puts_marked_pages_on_the_right_halves() -> None:
    n = 12
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(148.5 * MM, 210 * MM))
    for i in range(1, n + 1):
        c.drawString(30, 300, f"PAGE-{i:02d}")
        c.showPage()
    c.save()
    half = 148.5 * MM
    sides = []
    from civicdesk.printing.imposition import Placement

    for front, back in saddle_stitch_order(n):
        for left, right in (front, back):
            sides.append(
                SheetSide(
                    (Placement(left - 1, 0, 0), Placement(right - 1, half, 0)),
                    trim=(0, 0, 2 * half, 210 * MM),
                )
            )
    writer = impose(buf.getvalue(), A4_LANDSCAPE, sides)
    out = io.BytesIO()
    writer.write(out)
    reader = read_pdf(out.getvalue())
    assert len(reader.pages) == n // 2
    expected = [p for f, b in saddle_stitch_order(n) for p in (f, b)]
    for page, (left, right) in zip(reader.pages, expected, strict=True):
        assert text_between(page, 0, half).strip() == f"PAGE-{left:02d}"
        assert text_between(page, half, 2 * half).strip() == f"PAGE-{right:02d}"


def _folios(page: object, half: float) -> tuple[set[int], set[int]]:
    left, right = set(), set()
    for run in text_runs(page):  # type: ignore[arg-type]
        t = run.text.strip()
        if t.isdigit() and run.y < 12 * MM:
            (left if run.x < half else right).add(int(t))
    return left, right


def test_a5_booklet_is_padded_and_imposed_in_order() -> None:
    data, result = render()
    reader = read_pdf(data)
    n = result.logical_pages  # type: ignore[attr-defined]
    assert n % 4 == 0 and n >= 8
    assert result.sheets == n // 4  # type: ignore[attr-defined]
    assert len(reader.pages) == result.pages == n // 2  # type: ignore[attr-defined]
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(297 * MM, abs=0.01)
    assert float(box.height) == pytest.approx(210 * MM, abs=0.01)
    half = float(box.width) / 2
    sides = [p for f, b in saddle_stitch_order(n) for p in (f, b)]
    seen: set[int] = set()
    for page, (left, right) in zip(reader.pages, sides, strict=True):
        lf, rf = _folios(page, half)
        # folios are printed on content pages only: where present they must match
        assert lf <= {left} and rf <= {right}
        seen |= lf | rf
    assert {2, 3} <= seen
    # cover on the right of the first front side, imprint on the left (last page)
    first = reader.pages[0]
    assert "Как провести сход" in text_between(first, half, 2 * half)
    assert "Тираж" in text_between(first, 0, half)
    assert "Тираж" not in text_between(first, half, 2 * half)


def test_kazakh_letters_survive_text_extraction() -> None:
    content = booklet_from_dict(
        {
            "name": "letters",
            "title": {"kk": f"Әріптер {KAZAKH}", "ru": "Буквы"},
            "sections": [
                {
                    "heading": {"kk": KAZAKH, "ru": "Заголовок"},
                    "blocks": [{"type": "p", "kk": f"Мәтін {KAZAKH} ₸ №", "ru": "Текст"}],
                }
            ],
        }
    )
    for layout in BookletLayout:
        data, _ = render(content=content, layout=layout)
        text = "".join(p.extract_text() for p in read_pdf(data).pages)
        assert KAZAKH in text
        assert "₸" in text and "№" in text


def test_sequential_puts_kazakh_before_russian_per_section() -> None:
    data, _ = render(layout=BookletLayout.A4, arrangement=BilingualArrangement.SEQUENTIAL)
    text = "".join(p.extract_text() for p in read_pdf(data).pages)
    assert text.index("Жиын дегеніміз не?") < text.index("Что такое сход?")
    assert text.index("Что такое сход?") < text.index("Жиынды кім шақырады?")


def test_fonts_are_embedded_and_metadata_set() -> None:
    data, _ = render()
    reader = read_pdf(data)
    fonts = {}
    for page in reader.pages:
        for name, ref in page["/Resources"]["/Font"].items():
            font = ref.get_object()
            desc = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fd = desc.get("/FontDescriptor")
            if fd is not None:
                fonts[name] = "/FontFile2" in fd.get_object()
    assert fonts and all(fonts.values())
    meta = reader.metadata
    assert meta is not None
    assert meta.get("/Producer") == "CivicDesk"
    assert meta.get("/Author") == EDITION.center_name
    assert "Жергілікті қоғамдастық" in str(meta.get("/Title"))


@pytest.mark.parametrize("layout", list(BookletLayout))
def test_bleed_grows_the_page_by_3mm_each_side(layout: BookletLayout) -> None:
    plain, _ = render(layout=layout)
    bled, _ = render(layout=layout, bleed=True)
    p0, p1 = read_pdf(plain).pages[0], read_pdf(bled).pages[0]
    assert float(p1.mediabox.width) - float(p0.mediabox.width) == pytest.approx(6 * MM, abs=0.01)
    assert float(p1.mediabox.height) - float(p0.mediabox.height) == pytest.approx(6 * MM, abs=0.01)
    trim = p1.trimbox
    assert float(trim.left) == pytest.approx(3 * MM, abs=0.01)
    marked, _ = render(layout=layout, bleed=True, crop_marks=True)
    p2 = read_pdf(marked).pages[0]
    assert float(p2.mediabox.width) > float(p1.mediabox.width)


def test_trifold_panels_in_fold_order() -> None:
    data, result = render(layout=BookletLayout.A4_TRIFOLD)
    assert (result.pages, result.sheets, result.logical_pages) == (2, 1, 6)  # type: ignore[attr-defined]
    outside, inside = read_pdf(data).pages
    flap, back = 97 * MM, 197 * MM
    # outside: inner flap | back | cover
    assert "Как провести сход" in text_between(outside, back, 297 * MM)
    assert "Тираж" in text_between(outside, flap, back)
    assert "Что такое сход?" in text_between(outside, 0, flap)
    # inside: three panels continue the text; the last one is the narrow one
    inside_text = [
        text_between(inside, a * MM, b * MM) for a, b in ((0, 100), (100, 200), (200, 297))
    ]
    assert all(t.strip() for t in inside_text)
    assert "Правовая основа" in "".join(inside_text)


def test_trifold_refuses_text_that_cannot_fit() -> None:
    data = sample()
    sections = data["sections"]
    assert isinstance(sections, list)
    data["sections"] = sections * 4
    with pytest.raises(UserError) as info:
        render(content=booklet_from_dict(data), layout=BookletLayout.A4_TRIFOLD)
    assert info.value.code == "print.trifold_overflow"


def test_missing_image_is_skipped_and_reported() -> None:
    _, result = render()
    assert result.skipped_images == ("no-such-picture.png",)  # type: ignore[attr-defined]


def test_bad_templates_are_refused_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", "utf-8")
    (tmp_path / "partial.json").write_text(
        json.dumps({"name": "partial", "title": {"kk": "а"}}), "utf-8"
    )
    (tmp_path / "good.json").write_text(json.dumps(sample()), "utf-8")
    for name in ("broken", "partial", "absent"):
        with pytest.raises(UserError) as info:
            load_template(name, tmp_path)
        assert info.value.code == "print.bad_template"
        assert name in info.value.text("kk") and name in info.value.text("ru")
    infos = list_templates(tmp_path)
    assert [i.name for i in infos] == ["good"]
    assert infos[0].title_ru == "Как провести сход местного сообщества"


def test_low_resolution_picture_is_reported_by_name(tmp_path: Path) -> None:
    from PIL import Image as PILImage

    small, sharp = tmp_path / "small.png", tmp_path / "sharp.png"
    PILImage.new("RGB", (100, 60), "red").save(small)  # 60 mm wide: about 42 ppi
    PILImage.new("RGB", (800, 480), "blue").save(sharp)  # 60 mm wide: about 339 ppi
    data = sample()
    data["sections"] = [{
        "heading": {"kk": "Сурет", "ru": "Рисунок"},
        "blocks": [{"type": "image", "path": "small.png", "width_mm": 60},
                   {"type": "image", "path": "sharp.png", "width_mm": 60}],
    }]
    content = booklet_from_dict(data, base_dir=tmp_path)
    _, result = render(content=content, layout=BookletLayout.A4)
    low = result.low_resolution_images  # type: ignore[attr-defined]
    assert [p for p, _ in low] == ["small.png"]
    assert 35 <= low[0][1] <= 50

"""Bilingual information booklets: A5 saddle-stitched, A4 tri-fold, plain A4.

Logical pages are laid out with reportlab platypus; the A5 booklet and the tri-fold
are then imposed on A4 landscape sheets with pypdf (see :mod:`.imposition`).

The tri-fold panels and their reading order are described in :mod:`.trifold`; the
content pieces the layouts share are in :mod:`.booklet_flow`.

With ``bleed`` every sheet grows by 3 mm on each side and colour bands run into it;
with ``crop_marks`` a further 10 mm slug carries crop marks (and fold marks), drawn
only outside the bleed.  Text stays at least 10 mm inside the trim.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import Message

from .booklet_flow import (
    A4_H,
    A4_W,
    A5_H,
    A5_W,
    EditionInfo,
    RenderResult,
    _base_size,
    _doc,
    _Flow,
    _marks_overlay,
    _metadata,
    _Opts,
    _written,
)
from .common import (
    ACCENT,
    BLEED_MM,
    GREY,
    MM,
    RULE,
    SLUG_MM,
    BottomAligned,
    Output,
    PageGeometry,
    RuledLines,
    Styles,
    check_texts,
    draw_crop_marks,
    esc,
    make_styles,
    numbered_canvas,
    set_boxes,
    write_output,
)
from .imposition import Placement, SheetSide, impose, pad_to_multiple, saddle_stitch_order
from .templates import (
    BookletContent,
    TemplateInfo,
    booklet_from_dict,
    list_templates,
    load_template,
)
from .trifold import TRIFOLD_PANELS_MM, _render_trifold

__all__ = [
    "TRIFOLD_PANELS_MM",
    "BookletContent",
    "EditionInfo",
    "RenderResult",
    "TemplateInfo",
    "booklet_from_dict",
    "list_templates",
    "load_template",
    "render_booklet",
]

NOTES = Message(kk="Жазбаларға арналған бет", ru="Для заметок")


def _notes_pages(count: int, st: Styles, height: float) -> list[Flowable]:
    """``count`` pages with a heading and ruled lines, each filling one page."""
    out: list[Flowable] = []
    pitch = 8 * MM
    lines = max(1, int((height - st.size * 4) // pitch))
    for _ in range(count):
        out += [
            PageBreak(),
            Paragraph(f"{esc(NOTES.kk)} / {esc(NOTES.ru)}", st.h2),
            Spacer(1, st.size),
            RuledLines(lines, pitch=pitch),
        ]
    return out


class _PadWithNotes(Flowable):  # type: ignore[misc]
    """Zero-size marker placed after the last section: when laid out it knows the page
    it is on and adds as many notes pages as make the whole booklet (with the back
    cover that follows) a multiple of four pages, so one layout pass is enough."""

    def __init__(self, st: Styles, height: float) -> None:
        super().__init__()
        self.st, self.height = st, height
        self.added: int | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self.added is None:
            page = int(self._doctemplateAttr("page"))
            self.added = (-(page + 1)) % 4  # + 1: the back cover
            if self.added:
                self._doctemplateAttr("frame").add_generated_content(
                    *_notes_pages(self.added, self.st, self.height)
                )
        return 0, 0

    def draw(self) -> None:
        pass


def _single_pages(
    reader: PdfReader,
    order: list[int | None],
    trim: tuple[float, float],
    bleed: float,
    content: BookletContent,
    edition: EditionInfo | None,
) -> bytes:
    """The logical pages one per PDF page, in reading order, each with its trim box
    (and bleed box): for print shops that impose themselves."""
    writer = PdfWriter()
    w, h = trim
    for index in order:
        if index is None:
            page = writer.add_blank_page(w + 2 * bleed, h + 2 * bleed)
        else:
            page = writer.add_page(reader.pages[index])
        page.trimbox = RectangleObject((bleed, bleed, bleed + w, bleed + h))
        page.bleedbox = RectangleObject((0, 0, w + 2 * bleed, h + 2 * bleed))
    writer.add_metadata(_metadata(content, edition))
    return _written(writer)


def _render_a5(
    content: BookletContent,
    arrangement: BilingualArrangement,
    edition: EditionInfo | None,
    opts: _Opts,
) -> tuple[bytes, RenderResult]:
    st = make_styles(_base_size(BookletLayout.A5_BOOKLET, arrangement))
    b = opts.bleed
    geom = PageGeometry(A5_W, A5_H, bleed=b)
    margin = 12 * MM
    fw = A5_W - 2 * margin
    flow = _Flow(content, arrangement, st, fw)

    def side_geom(page: int) -> PageGeometry:
        left = page % 2 == 0  # even pages are left-hand pages in the spread
        return PageGeometry(A5_W, A5_H, bleed=b, bleed_left=left, bleed_right=not left)

    def on_cover(canvas: Canvas, doc: BaseDocTemplate) -> None:
        g = side_geom(doc.page)
        g.band(canvas, A5_H - 18 * MM, 18 * MM, ACCENT)
        g.band(canvas, 0, 9 * MM, ACCENT)

    def on_content(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        y = b + A5_H - 9 * MM
        canvas.line(b + margin, y, b + A5_W - margin, y)
        canvas.setFont(st.fonts.regular, 8)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(b + A5_W / 2, b + 6 * MM, str(doc.page))
        canvas.restoreState()

    def on_back(canvas: Canvas, doc: BaseDocTemplate) -> None:
        # the back cover is always the last page, a left-hand one
        PageGeometry(A5_W, A5_H, bleed=b, bleed_left=True, bleed_right=False).band(
            canvas, 0, 9 * MM, ACCENT
        )

    frame = Frame(
        b + margin,
        b + 13 * MM,
        fw,
        A5_H - 13 * MM - 13 * MM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    cover_frame = Frame(
        b + margin,
        b + 16 * MM,
        fw,
        A5_H - 16 * MM - 30 * MM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    back_frame = Frame(
        b + margin,
        b + 14 * MM,
        fw,
        A5_H - 14 * MM - 15 * MM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    buf = io.BytesIO()
    doc = _doc(buf, geom.pagesize, content, edition)
    templates = [
        PageTemplate("cover", [cover_frame], onPage=on_cover, autoNextPageTemplate="content"),
        PageTemplate("content", [frame], onPage=on_content),
        PageTemplate("back", [back_frame], onPage=on_back),
    ]
    doc.addPageTemplates(templates)

    notes_height = A5_H - 26 * MM

    def story(notes: int | _PadWithNotes) -> list[Flowable]:
        # made anew for each build: reportlab flowables keep state from a layout; a
        # marker instead of a count adds the notes pages the sheets need during layout
        cover = flow.cover()
        if edition is not None:
            cover.append(BottomAligned([Paragraph(esc(edition.center_name), st.small)]))
        return [
            *cover,
            NextPageTemplate("content"),
            PageBreak(),
            *flow.sections(),
            *([notes] if isinstance(notes, _PadWithNotes) else _notes_pages(notes, st, notes_height)),
            NextPageTemplate("back"),
            PageBreak(),
            *flow.back(edition),
        ]

    pad = _PadWithNotes(st, notes_height)
    doc.build(story(pad))
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    k = len(reader.pages)
    n = pad_to_multiple(max(k, 4))
    if n > k:
        # not expected (the notes pages are counted during the layout): lay out again
        # with the notes pages the sheets still need rather than blank ones
        buf = io.BytesIO()
        doc = _doc(buf, geom.pagesize, content, edition)
        doc.addPageTemplates(templates)
        doc.build(story((pad.added or 0) + n - k))
        reader = PdfReader(io.BytesIO(buf.getvalue()))
        k = len(reader.pages)
        n = pad_to_multiple(max(k, 4))
    # blank pages go before the back cover, which must stay the last page
    order: list[int | None] = [*range(k - 1), *([None] * (n - k)), k - 1]
    if opts.pages_out is not None:
        write_output(_single_pages(reader, order, (A5_W, A5_H), b, content, edition),
                     opts.pages_out)

    slug = opts.slug
    sheet_trim_w, sheet_trim_h = 2 * A5_W, A5_H
    sheet_w = sheet_trim_w + 2 * (b + slug)
    sheet_h = sheet_trim_h + 2 * (b + slug)
    x0 = y0 = b + slug
    sides: list[SheetSide] = []
    for front, back in saddle_stitch_order(n):
        for left, right in (front, back):
            sides.append(
                SheetSide(
                    placements=(
                        Placement(order[left - 1], x0 - b, y0 - b),
                        Placement(order[right - 1], x0 + A5_W - b, y0 - b),
                    ),
                    trim=(x0, y0, x0 + sheet_trim_w, y0 + sheet_trim_h),
                    bleed=(x0 - b, y0 - b, x0 + sheet_trim_w + b, y0 + sheet_trim_h + b)
                    if b
                    else None,
                )
            )
    overlay = None
    if opts.crop_marks:
        overlay = _marks_overlay(
            (sheet_w, sheet_h), (x0, y0, sheet_trim_w, sheet_trim_h), folds=(x0 + A5_W,)
        )
    writer = impose(
        reader, (sheet_w, sheet_h), sides, overlay=overlay, metadata=_metadata(content, edition)
    )
    data = _written(writer)
    return data, RenderResult(
        pages=len(sides), sheets=n // 4, logical_pages=n, skipped_images=tuple(flow.skipped),
        low_resolution_images=tuple(flow.low_res),
    )


def _render_a4(
    content: BookletContent,
    arrangement: BilingualArrangement,
    edition: EditionInfo | None,
    opts: _Opts,
) -> tuple[bytes, RenderResult]:
    st = make_styles(_base_size(BookletLayout.A4, arrangement))
    geom = PageGeometry(A4_W, A4_H, bleed=opts.bleed, slug=opts.slug)
    margin = 18 * MM
    fw = A4_W - 2 * margin
    flow = _Flow(content, arrangement, st, fw)

    def on_first(canvas: Canvas, doc: BaseDocTemplate) -> None:
        geom.band(canvas, A4_H - 10 * MM, 10 * MM, ACCENT)

    def on_page(canvas: Canvas, page: int, total: int) -> None:
        set_boxes(canvas, geom)
        canvas.saveState()
        canvas.setFont(st.fonts.regular, 8)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(geom.x0 + A4_W / 2, geom.y0 + 9 * MM, f"{page} / {total}")
        canvas.restoreState()
        if opts.crop_marks:
            draw_crop_marks(canvas, (geom.x0, geom.y0, A4_W, A4_H), geom.pagesize)

    frame = Frame(
        geom.x0 + margin,
        geom.y0 + 16 * MM,
        fw,
        A4_H - 16 * MM - 18 * MM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    buf = io.BytesIO()
    doc = _doc(buf, geom.pagesize, content, edition)
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame], onPage=on_first, autoNextPageTemplate="content"),
            PageTemplate("content", [frame]),
        ]
    )
    story = [*flow.cover(big=False), *flow.sections(), *flow.back(edition)]
    doc.build(story, canvasmaker=numbered_canvas(on_page))
    pages = len(PdfReader(io.BytesIO(buf.getvalue())).pages)
    return buf.getvalue(), RenderResult(
        pages=pages,
        sheets=(pages + 1) // 2,
        logical_pages=pages,
        skipped_images=tuple(flow.skipped),
        low_resolution_images=tuple(flow.low_res),
    )


def render_booklet(
    content: BookletContent,
    *,
    layout: BookletLayout,
    arrangement: BilingualArrangement,
    edition: EditionInfo | None,
    bleed: bool = False,
    crop_marks: bool = False,
    out: Output,
    pages_out: Output | None = None,
) -> RenderResult:
    """Render ``content`` as a print-ready PDF into ``out`` (a path or a binary file);
    for the A5 booklet ``pages_out`` also gets the single pages in reading order, each
    with its trim and bleed boxes (print shops that impose themselves ask for these).

    Raises ``UserError('print.missing_glyphs')`` if the text has characters the font
    cannot draw, ``UserError('print.trifold_overflow')`` if a tri-fold cannot hold it.
    """
    check_texts(content, edition)
    opts = _Opts(
        bleed=BLEED_MM * MM if bleed else 0.0,
        slug=SLUG_MM * MM if crop_marks else 0.0,
        crop_marks=crop_marks,
        pages_out=pages_out if BookletLayout(layout) is BookletLayout.A5_BOOKLET else None,
    )
    renderers: dict[BookletLayout, Callable[..., tuple[bytes, RenderResult]]] = {
        BookletLayout.A5_BOOKLET: _render_a5,
        BookletLayout.A4_TRIFOLD: _render_trifold,
        BookletLayout.A4: _render_a4,
    }
    data, result = renderers[BookletLayout(layout)](
        content, BilingualArrangement(arrangement), edition, opts
    )
    write_output(data, out)
    return result

"""Bilingual information booklets: A5 saddle-stitched, A4 tri-fold, plain A4.

Logical pages are laid out with reportlab platypus; the A5 booklet and the tri-fold
are then imposed on A4 landscape sheets with pypdf (see :mod:`.imposition`).

A4 tri-fold ("евробуклет") panel widths, left to right, 297 mm in all:

* outside sheet: inner flap 97 mm | back 100 mm | cover 100 mm
* inside sheet:  inside 1 100 mm | inside 2 100 mm | inside 3 97 mm

The 97 mm panel is the flap that folds in (outside-left and inside-right are the two
faces of it).  Reading order: cover, flap, inside 1-3, back (contacts and edition).

With ``bleed`` every sheet grows by 3 mm on each side and colour bands run into it;
with ``crop_marks`` a further 10 mm slug carries crop marks (and fold marks), drawn
only outside the bleed.  Text stays at least 10 mm inside the trim.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import Lang, Message, UserError

from .common import (
    ACCENT,
    ACCENT_LIGHT,
    BLEED_MM,
    GREY,
    MM,
    PRODUCER,
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
    long_date,
    make_styles,
    numbered_canvas,
    set_boxes,
    two_columns,
    write_output,
)
from .imposition import Placement, SheetSide, impose, pad_to_multiple, saddle_stitch_order
from .templates import (
    Block,
    BookletContent,
    BulletsBlock,
    FillBlock,
    ImageBlock,
    NoteBlock,
    ParagraphBlock,
    TemplateInfo,
    booklet_from_dict,
    list_templates,
    load_template,
)

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

log = logging.getLogger(__name__)

A4_W, A4_H = (float(v) for v in A4)
# An A5 page is exactly half of an A4 sheet here: 148.5 x 210 mm (ISO rounds A5 to
# 148 mm, which would leave a 1 mm strip on the press sheet).
A5_W, A5_H = A4_H / 2, A4_W

#: Tri-fold panel widths in mm, left to right, per sheet side (297 = 97 + 100 + 100).
TRIFOLD_PANELS_MM: dict[str, tuple[float, float, float]] = {
    "outside": (97.0, 100.0, 100.0),
    "inside": (100.0, 100.0, 97.0),
}
# Reading order of the panels: (template id, sheet side, slot from the left).
_TRIFOLD_ORDER: tuple[tuple[str, str, int], ...] = (
    ("cover", "outside", 2),
    ("flap", "outside", 0),
    ("in1", "inside", 0),
    ("in2", "inside", 1),
    ("in3", "inside", 2),
    ("back", "outside", 1),
)

TRIFOLD_OVERFLOW = Message(
    kk=(
        "Мәтін А4 үш бүктемелі кітапшаға сыймайды, тіпті кішірейтілген қаріппен де. "
        "Мәтінді қысқартыңыз немесе А5 кітапша пішімін таңдаңыз."
    ),
    ru=(
        "Текст не помещается в буклет А4 с двумя сгибами даже мелким шрифтом. "
        "Сократите текст или выберите формат брошюры А5."
    ),
)

_LABELS = {
    "legal": Message(kk="Құқықтық негіз", ru="Правовая основа"),
    "contacts": Message(kk="Байланыс", ru="Контакты"),
    "edition_date": Message(kk="Басылым күні", ru="Дата издания"),
    "print_run": Message(kk="Таралымы", ru="Тираж"),
    "copies": Message(kk="дана", ru="экз."),
}


@dataclass(frozen=True)
class EditionInfo:
    """The imprint printed on the back page."""

    center_name: str
    edition_date: date
    print_run: int
    #: Optional extra line, e.g. who funded the print run.
    note: str = ""


@dataclass(frozen=True)
class RenderResult:
    #: Pages in the written PDF (imposed sheet sides for A5 and tri-fold).
    pages: int
    #: Sheets of paper when printed double-sided.
    sheets: int
    #: Logical pages (A5 pages incl. blank padding; tri-fold panels; A4 pages).
    logical_pages: int
    #: Image paths that were left out because the file is missing or unreadable.
    skipped_images: tuple[str, ...] = field(default=())


# ------------------------------------------------------------------------- content


@dataclass
class _Flow:
    """Turns booklet content into flowables for a given column width."""

    content: BookletContent
    arrangement: BilingualArrangement
    st: Styles
    width: float
    skipped: list[str] = field(default_factory=list)

    # single-language pieces
    def _block_lang(self, block: Block, lang: Lang, width: float) -> list[Flowable]:
        st = self.st
        if isinstance(block, ParagraphBlock):
            return [Paragraph(esc(block.text.text(lang)), st.body)]
        if isinstance(block, BulletsBlock):
            return [
                Paragraph(esc(it.text(lang)), st.bullet, bulletText="•") for it in block.items
            ] + [Spacer(1, st.size * 0.3)]
        if isinstance(block, FillBlock):
            return [
                Paragraph(esc(block.label.text(lang)), st.bold),
                RuledLines(block.lines, pitch=st.size * 2.1),
                Spacer(1, st.size * 0.6),
            ]
        if isinstance(block, NoteBlock):
            return [self._note([Paragraph(esc(block.text.text(lang)), st.note)], width)]
        if isinstance(block, ImageBlock):
            return self._image(block, lang, width)
        raise TypeError(block)  # pragma: no cover

    def _note(self, inner: list[Flowable], width: float) -> Table:
        table = Table([[inner]], colWidths=[width], hAlign="LEFT", splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.2, ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2.2 * MM),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2.2 * MM),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.6 * MM),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * MM),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        table.spaceAfter = self.st.size * 0.7
        return table

    def _image(self, block: ImageBlock, lang: Lang | None, width: float) -> list[Flowable]:
        base = self.content.base_dir or Path(".")
        path = (base / block.path).resolve()
        if not path.is_file():
            self._skip(block.path)
            return []
        try:
            iw, ih = ImageReader(str(path)).getSize()
        except Exception:  # an unreadable picture must not stop the print run
            log.warning("unreadable image %s in booklet %s", path, self.content.name, exc_info=True)
            self._skip(block.path)
            return []
        w = min(width, block.width_mm * MM) if block.width_mm else width
        h = w * ih / iw
        img = Image(str(path), width=w, height=h)
        out: list[Flowable] = [img]
        if block.caption is not None:
            if lang is None:
                out.append(
                    two_columns(
                        Paragraph(esc(block.caption.kk), self.st.small),
                        Paragraph(esc(block.caption.ru), self.st.small),
                        width,
                    )
                )
            else:
                out.append(Paragraph(esc(block.caption.text(lang)), self.st.small))
        out.append(Spacer(1, self.st.size * 0.6))
        return out

    def _skip(self, path: str) -> None:
        if path not in self.skipped:
            log.warning("image %s of booklet %s left out", path, self.content.name)
            self.skipped.append(path)

    # parallel pieces
    def _block_parallel(self, block: Block) -> list[Flowable]:
        st, w = self.st, self.width
        gap = 5 * MM
        if isinstance(block, ParagraphBlock):
            t = two_columns(
                Paragraph(esc(block.text.kk), st.body),
                Paragraph(esc(block.text.ru), st.body),
                w,
                gap=gap,
            )
            t.spaceAfter = st.size * 0.55
            return [t]
        if isinstance(block, BulletsBlock):
            rows = [
                two_columns(
                    Paragraph(esc(it.kk), st.bullet, bulletText="•"),
                    Paragraph(esc(it.ru), st.bullet, bulletText="•"),
                    w,
                    gap=gap,
                )
                for it in block.items
            ]
            for row in rows:
                row.spaceAfter = st.size * 0.2
            return [*rows, Spacer(1, st.size * 0.35)]
        if isinstance(block, FillBlock):
            label = two_columns(
                Paragraph(esc(block.label.kk), st.bold),
                Paragraph(esc(block.label.ru), st.bold),
                w,
                gap=gap,
            )
            label.keepWithNext = True
            return [label, RuledLines(block.lines, pitch=st.size * 2.1), Spacer(1, st.size * 0.6)]
        if isinstance(block, NoteBlock):
            half = (w - 4.4 * MM) / 2
            inner = Table(
                [[Paragraph(esc(block.text.kk), st.note), Paragraph(esc(block.text.ru), st.note)]],
                colWidths=[half, half],
                splitInRow=1,
            )
            inner.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (0, -1), 0),
                        ("RIGHTPADDING", (0, 0), (0, -1), gap / 2),
                        ("LEFTPADDING", (1, 0), (1, -1), gap / 2),
                        ("RIGHTPADDING", (1, 0), (1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            return [self._note([inner], w)]
        if isinstance(block, ImageBlock):
            return self._image(block, None, w)
        raise TypeError(block)  # pragma: no cover

    def heading(self, pair: Message) -> list[Flowable]:
        st = self.st
        if self.arrangement is BilingualArrangement.PARALLEL:
            t = two_columns(
                Paragraph(esc(pair.kk), st.h1), Paragraph(esc(pair.ru), st.h1), self.width
            )
            t.spaceBefore = st.size * 0.6
            t.spaceAfter = st.size * 0.35
            # room for the heading and a few lines; keepWithNext would move a long
            # first paragraph (one table row) with it and leave half a page empty
            return [CondPageBreak(st.size * 9), t]
        raise AssertionError("sequential headings are made per language")  # pragma: no cover

    def sections(self) -> list[Flowable]:
        out: list[Flowable] = []
        st = self.st
        for section in self.content.sections:
            if self.arrangement is BilingualArrangement.PARALLEL:
                out.extend(self.heading(section.heading))
                for block in section.blocks:
                    out.extend(self._block_parallel(block))
            else:
                for lang in ("kk", "ru"):
                    h = Paragraph(esc(section.heading.text(lang)), st.h1)
                    out.extend([CondPageBreak(st.size * 9), h])
                    for block in section.blocks:
                        out.extend(self._block_lang(block, lang, self.width))
        if self.content.legal_basis:
            out.extend(self._legal())
        return out

    def _legal(self) -> list[Flowable]:
        st = self.st
        label = _LABELS["legal"]
        items = self.content.legal_basis
        if self.arrangement is BilingualArrangement.PARALLEL:
            out = self.heading(label)
            out.extend(
                two_columns(
                    Paragraph(esc(it.kk), st.bullet, bulletText="•"),
                    Paragraph(esc(it.ru), st.bullet, bulletText="•"),
                    self.width,
                )
                for it in items
            )
            return out
        seq: list[Flowable] = []
        for lang in ("kk", "ru"):
            h = Paragraph(esc(label.text(lang)), st.h1)
            h.keepWithNext = True
            seq.append(h)
            seq.extend(Paragraph(esc(it.text(lang)), st.bullet, bulletText="•") for it in items)
        return seq

    def cover(self, *, big: bool = True) -> list[Flowable]:
        st = self.st
        c = self.content
        title_style = st.title if big else st.h1
        out: list[Flowable] = []
        for lang in ("kk", "ru"):
            out.append(Paragraph(esc(c.title.text(lang)), title_style))
            if c.subtitle is not None:
                out.append(Spacer(1, st.size * 0.3))
                out.append(Paragraph(esc(c.subtitle.text(lang)), st.h2))
            out.append(Spacer(1, st.size * (2.2 if big else 1.0)))
        return out

    def back(self, edition: EditionInfo | None) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = []
        c = self.content
        if c.contacts is not None:
            label = _LABELS["contacts"]
            if self.arrangement is BilingualArrangement.PARALLEL:
                out.extend(self.heading(label))
                out.append(
                    two_columns(
                        Paragraph(esc(c.contacts.kk), st.body),
                        Paragraph(esc(c.contacts.ru), st.body),
                        self.width,
                    )
                )
            else:
                for lang in ("kk", "ru"):
                    out.append(Paragraph(esc(label.text(lang)), st.h1))
                    out.append(Paragraph(esc(c.contacts.text(lang)), st.body))
        if edition is not None:
            out.append(BottomAligned(self.imprint(edition)))
        return out

    def imprint(self, e: EditionInfo) -> list[Flowable]:
        st = self.st
        t = self.content.title
        lines = [
            f"<b>{esc(t.kk)}</b>",
            f"<b>{esc(t.ru)}</b>",
            f"{esc(_LABELS['edition_date'].kk)}: {esc(long_date(e.edition_date, 'kk'))}"
            f" / {esc(_LABELS['edition_date'].ru)}: {esc(long_date(e.edition_date, 'ru'))}",
            f"{esc(_LABELS['print_run'].kk)} / {esc(_LABELS['print_run'].ru)}: "
            f"{e.print_run:,}".replace(",", "\u00a0")
            + f" {esc(_LABELS['copies'].kk)} / {esc(_LABELS['copies'].ru)}",
            esc(e.center_name),
        ]
        if e.note:
            lines.append(esc(e.note))
        return [
            Spacer(1, st.size),
            Paragraph("<br/>".join(lines), st.small),
        ]


# ------------------------------------------------------------------------ layouts


@dataclass
class _Opts:
    bleed: float
    slug: float
    crop_marks: bool


def _base_size(layout: BookletLayout, arrangement: BilingualArrangement) -> float:
    parallel = arrangement is BilingualArrangement.PARALLEL
    if layout is BookletLayout.A5_BOOKLET:
        return 8.5 if parallel else 9.5
    if layout is BookletLayout.A4_TRIFOLD:
        return 8.0 if parallel else 8.5
    return 10.0 if parallel else 11.0


def _doc(
    buf: io.BytesIO,
    pagesize: tuple[float, float],
    content: BookletContent,
    edition: EditionInfo | None,
) -> BaseDocTemplate:
    return BaseDocTemplate(
        buf,
        pagesize=pagesize,
        title=f"{content.title.kk} / {content.title.ru}",
        author=edition.center_name if edition else "",
        subject=content.name,
        creator=PRODUCER,
        producer=PRODUCER,
        # compact output: subsets embedded once, streams compressed
        pageCompression=1,
        invariant=1,
    )


def _metadata(content: BookletContent, edition: EditionInfo | None) -> dict[str, str]:
    meta = {
        "/Title": f"{content.title.kk} / {content.title.ru}",
        "/Subject": content.name,
        "/Producer": PRODUCER,
        "/Creator": PRODUCER,
    }
    if edition is not None:
        meta["/Author"] = edition.center_name
    return meta


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
    doc.addPageTemplates(
        [
            PageTemplate("cover", [cover_frame], onPage=on_cover, autoNextPageTemplate="content"),
            PageTemplate("content", [frame], onPage=on_content),
            PageTemplate("back", [back_frame], onPage=on_back),
        ]
    )
    cover = flow.cover()
    if edition is not None:
        cover.append(BottomAligned([Paragraph(esc(edition.center_name), st.small)]))
    story: list[Flowable] = [
        *cover,
        NextPageTemplate("content"),
        PageBreak(),
        *flow.sections(),
        NextPageTemplate("back"),
        PageBreak(),
        *flow.back(edition),
    ]
    doc.build(story)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    k = len(reader.pages)
    n = pad_to_multiple(max(k, 4))
    # blank pages go before the back cover, which must stay the last page
    order: list[int | None] = [*range(k - 1), *([None] * (n - k)), k - 1]

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
        pages=len(sides), sheets=n // 4, logical_pages=n, skipped_images=tuple(flow.skipped)
    )


def _marks_overlay(
    media: tuple[float, float],
    trim: tuple[float, float, float, float],
    folds: tuple[float, ...] = (),
) -> Callable[[], bytes]:
    def make() -> bytes:
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=media, invariant=1)
        draw_crop_marks(c, trim, media, folds)
        c.showPage()
        c.save()
        return buf.getvalue()

    return make


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _render_trifold_once(
    content: BookletContent,
    arrangement: BilingualArrangement,
    edition: EditionInfo | None,
    opts: _Opts,
    size: float,
) -> tuple[bytes, RenderResult] | None:
    st = make_styles(size)
    b = opts.bleed
    margin = 7 * MM  # from the folds and the trim
    templates: list[PageTemplate] = []
    used: list[str] = []
    widths: dict[str, float] = {}
    nxt = {
        "cover": "flap",
        "flap": "in1",
        "in1": "in2",
        "in2": "in3",
        "in3": "overflow",
        "back": "overflow",
        "overflow": "overflow",
    }
    flows: dict[str, _Flow] = {}
    for tid, side, slot in (*_TRIFOLD_ORDER, ("overflow", "inside", 0)):
        w = TRIFOLD_PANELS_MM[side][slot] * MM
        widths[tid] = w
        leftmost, rightmost = slot == 0, slot == 2
        g = PageGeometry(w, A4_W, bleed=b, bleed_left=leftmost, bleed_right=rightmost)

        def on_page(
            canvas: Canvas, doc: BaseDocTemplate, tid: str = tid, g: PageGeometry = g
        ) -> None:
            used.append(tid)
            # chosen here rather than with autoNextPageTemplate, which repeats
            # each template once when chained; a NextPageTemplate in the story
            # (for the back panel) still overrides this
            doc.handle_nextPageTemplate(nxt[tid])
            if tid == "cover":
                g.band(canvas, A4_W - 22 * MM, 22 * MM, ACCENT)
                g.band(canvas, 0, 8 * MM, ACCENT)
            elif tid == "back":
                g.band(canvas, 0, 8 * MM, ACCENT)
            else:
                g.band(canvas, A4_W - 5 * MM, 5 * MM, ACCENT)

        top = 30 * MM if tid == "cover" else 12 * MM
        bottom = 14 * MM
        frame = Frame(
            b + margin,
            b + bottom,
            w - 2 * margin,
            A4_W - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        templates.append(
            PageTemplate(tid, [frame], onPage=on_page, pagesize=(w + 2 * b, A4_W + 2 * b))
        )
        flows[tid] = _Flow(content, arrangement, st, w - 2 * margin)
    buf = io.BytesIO()
    doc = _doc(buf, (widths["cover"] + 2 * b, A4_W + 2 * b), content, edition)
    doc.addPageTemplates(templates)
    body = flows["in1"]
    cover = flows["cover"].cover()
    if edition is not None:
        cover.append(BottomAligned([Paragraph(esc(edition.center_name), st.small)]))
    story = [
        *cover,
        NextPageTemplate("flap"),
        PageBreak(),
        *body.sections(),
        NextPageTemplate("back"),
        PageBreak(),
        *flows["back"].back(edition),
    ]
    doc.build(story)
    if "overflow" in used or used.count("back") != 1:
        return None
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    slug = opts.slug
    x0 = y0 = b + slug
    sheet = (A4_H + 2 * (b + slug), A4_W + 2 * (b + slug))
    sides: list[SheetSide] = []
    folds: dict[str, tuple[float, ...]] = {}
    for side in ("outside", "inside"):
        ws = [w * MM for w in TRIFOLD_PANELS_MM[side]]
        lefts = [x0, x0 + ws[0], x0 + ws[0] + ws[1]]
        folds[side] = (lefts[1], lefts[2])
        placements = []
        for tid, s, slot in _TRIFOLD_ORDER:
            if s != side:
                continue
            page = used.index(tid) if tid in used else None
            placements.append(Placement(page, lefts[slot] - b, y0 - b))
        sides.append(
            SheetSide(
                placements=tuple(placements),
                trim=(x0, y0, x0 + A4_H, y0 + A4_W),
                bleed=(x0 - b, y0 - b, x0 + A4_H + b, y0 + A4_W + b) if b else None,
            )
        )
    writer = PdfWriter()
    for side, side_spec in zip(("outside", "inside"), sides, strict=True):
        overlay = (
            _marks_overlay(sheet, (x0, y0, A4_H, A4_W), folds[side]) if opts.crop_marks else None
        )
        part = impose(reader, sheet, [side_spec], overlay=overlay)
        writer.add_page(part.pages[0])
    writer.add_metadata(_metadata(content, edition))
    writer.compress_identical_objects()
    skipped = tuple(dict.fromkeys(p for f in flows.values() for p in f.skipped))
    return _written(writer), RenderResult(
        pages=2, sheets=1, logical_pages=6, skipped_images=skipped
    )


def _render_trifold(
    content: BookletContent,
    arrangement: BilingualArrangement,
    edition: EditionInfo | None,
    opts: _Opts,
) -> tuple[bytes, RenderResult]:
    size = _base_size(BookletLayout.A4_TRIFOLD, arrangement)
    while size >= 6.5:
        done = _render_trifold_once(content, arrangement, edition, opts, size)
        if done is not None:
            return done
        size -= 0.5
    raise UserError("print.trifold_overflow", TRIFOLD_OVERFLOW)


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
) -> RenderResult:
    """Render ``content`` as a print-ready PDF into ``out`` (a path or a binary file).

    Raises ``UserError('print.missing_glyphs')`` if the text has characters the font
    cannot draw, ``UserError('print.trifold_overflow')`` if a tri-fold cannot hold it.
    """
    check_texts(content, edition)
    opts = _Opts(
        bleed=BLEED_MM * MM if bleed else 0.0,
        slug=SLUG_MM * MM if crop_marks else 0.0,
        crop_marks=crop_marks,
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

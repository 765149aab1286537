"""What the booklet layouts share: content turned into flowables, the imprint, page
sizes and the small PDF helpers."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Image,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import Lang, Message

from .common import (
    ACCENT,
    ACCENT_LIGHT,
    MM,
    PRODUCER,
    BottomAligned,
    RuledLines,
    Styles,
    draw_crop_marks,
    esc,
    long_date,
    two_columns,
)
from .templates import (
    Block,
    BookletContent,
    BulletsBlock,
    FillBlock,
    ImageBlock,
    NoteBlock,
    ParagraphBlock,
)

log = logging.getLogger(__name__)

A4_W, A4_H = (float(v) for v in A4)
# An A5 page is exactly half of an A4 sheet here: 148.5 x 210 mm (ISO rounds A5 to
# 148 mm, which would leave a 1 mm strip on the press sheet).
A5_W, A5_H = A4_H / 2, A4_W

#: Tri-fold panel widths in mm, left to right, per sheet side (297 = 97 + 100 + 100).
_LABELS = {
    "legal": Message(kk="Құқықтық негіз", ru="Правовая основа"),
    "contacts": Message(kk="Байланыс", ru="Контакты"),
    "edition_date": Message(kk="Басылым күні", ru="Дата издания"),
    "print_run": Message(kk="Таралымы", ru="Тираж"),
    "copies": Message(kk="дана", ru="экз."),
    "hours": Message(kk="Кеңес беру уақыты", ru="Часы консультаций"),
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


class _Mark(Flowable):  # type: ignore[misc]
    """A zero-size flowable that records the page it lands on (to learn which
    tri-fold panel a part of the text ended in)."""

    def __init__(self, pages: dict[str, int], name: str) -> None:
        super().__init__()
        self.pages, self.name = pages, name
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.name] = self.canv.getPageNumber()


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

    def back(self, edition: EditionInfo | None, *, hours: bool = False) -> list[Flowable]:
        """Contacts, (on the tri-fold) a fill-in for the consultation hours, imprint."""
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
        if hours:
            fill = FillBlock(_LABELS["hours"], 3)
            if self.arrangement is BilingualArrangement.PARALLEL:
                out.extend(self._block_parallel(fill))
            else:
                label = Paragraph(
                    f"{esc(fill.label.kk)} / {esc(fill.label.ru)}", st.bold
                )
                label.keepWithNext = True
                out.extend([label, RuledLines(fill.lines, pitch=st.size * 2.1)])
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



"""Shared pieces of every renderer: styles, page geometry with bleed and crop marks,
page numbers "n / N", bilingual helpers and output handling.

Colours are CMYK so black text is 100 % K as print shops ask.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Protocol, cast
from xml.sax.saxutils import escape

from reportlab.lib.colors import CMYKColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from civicdesk.domain.errors import Lang
from civicdesk.domain.formatting import format_date, format_money

from .fonts import FontNames, check_glyphs, register_reportlab_fonts

MM: float = float(mm)
BLEED_MM = 3.0
#: Extra paper outside the bleed that carries the crop marks (only with crop marks).
SLUG_MM = 10.0
#: Crop marks start this far from the trim (so they never reach into the bleed).
MARK_OFFSET_MM = 3.0

BLACK = CMYKColor(0, 0, 0, 1)
REGISTRATION = CMYKColor(1, 1, 1, 1)
ACCENT = CMYKColor(0.85, 0.35, 0, 0.2)
ACCENT_LIGHT = CMYKColor(0.12, 0.04, 0, 0)
GREY = CMYKColor(0, 0, 0, 0.55)
RULE = CMYKColor(0, 0, 0, 0.35)
WHITE = CMYKColor(0, 0, 0, 0)

PRODUCER = "CivicDesk"

Output = Path | IO[bytes]


class KkRu(Protocol):
    """Anything with a Kazakh and a Russian text (``domain.errors.Message`` fits)."""

    @property
    def kk(self) -> str: ...

    @property
    def ru(self) -> str: ...


# --------------------------------------------------------------------------- text


_NUMBER_SIGN = re.compile(r"№[ \t]+")


def esc(text: str) -> str:
    """Escape user text for a reportlab Paragraph; newlines become line breaks; «№»
    is tied to its number with a no-break space, so it never ends a line alone."""
    text = _NUMBER_SIGN.sub("№\u00a0", text.strip())
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def dmy(d: date | None) -> str:
    """Forms use dd.MM.yyyy; ``None`` gives an empty field."""
    return "" if d is None else format_date(d, "kk", style="short")


def long_date(d: date, lang: Lang) -> str:
    return format_date(d, lang, style="long")


def official_date(d: date, lang: Lang) -> str:
    """The form legal documents use: «2025 жылғы 18 сәуір» / «18 апреля 2025 года»."""
    return format_date(d, lang, style="official")


def money(amount: Decimal | int, lang: Lang = "ru") -> str:
    return format_money(amount, lang)


def texts_of(*values: object) -> list[str]:
    """Every string inside ``values`` (dataclasses, sequences, Kk/Ru pairs), for the
    glyph check before rendering."""
    out: list[str] = []

    def walk(v: object) -> None:
        if v is None or isinstance(v, bool | int | float | Decimal | date):
            return
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, Path):
            return
        elif isinstance(v, dict):
            for item in v.values():
                walk(item)
        elif isinstance(v, list | tuple | set | frozenset):
            for item in v:
                walk(item)
        elif hasattr(v, "__dataclass_fields__"):
            for name in v.__dataclass_fields__:
                walk(getattr(v, name))
        elif hasattr(v, "kk") and hasattr(v, "ru"):
            walk(v.kk)
            walk(v.ru)

    for value in values:
        walk(value)
    return out


def check_texts(*values: object) -> None:
    check_glyphs(texts_of(*values))


# ------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class Styles:
    fonts: FontNames
    size: float
    body: ParagraphStyle
    bold: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    bullet: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    title: ParagraphStyle
    title_center: ParagraphStyle
    center: ParagraphStyle
    note: ParagraphStyle


def make_styles(size: float = 9.5, *, hyphenate: bool = False) -> Styles:
    """The paragraph styles at ``size``; with ``hyphenate`` long Kazakh and Russian words
    break at a syllable with a hyphen instead of anywhere without one (narrow cells)."""
    fonts = register_reportlab_fonts()
    lead = size * 1.28
    extra: dict[str, Any] = {}
    if hyphenate:
        # the text carries soft hyphens (hyphenation.soft_hyphens); 2: a word that
        # cannot be broken in the room left on a line moves to the next line and
        # breaks there, instead of being cut without a hyphen to fill the line
        extra = {"embeddedHyphenation": 2}

    def st(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {
            "fontName": fonts.regular,
            # bullets too: the default is Helvetica, which the PDF would not embed
            "bulletFontName": fonts.regular,
            "fontSize": size,
            "leading": lead,
            "textColor": BLACK,
            "alignment": TA_LEFT,
            **extra,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    small = size * 0.85
    return Styles(
        fonts=fonts,
        size=size,
        body=st("body", spaceAfter=size * 0.45),
        bold=st("bold", fontName=fonts.bold),
        small=st("small", fontSize=small, leading=small * 1.25, textColor=GREY),
        label=st("label", fontSize=small, leading=small * 1.22),
        cell=st("cell", fontSize=small, leading=small * 1.22),
        cell_bold=st("cell_bold", fontName=fonts.bold, fontSize=small, leading=small * 1.22),
        cell_center=st("cell_center", fontSize=small, leading=small * 1.22, alignment=TA_CENTER),
        bullet=st("bullet", leftIndent=size * 1.1, bulletIndent=size * 0.15, spaceAfter=size * 0.2),
        h1=st(
            "h1",
            fontName=fonts.bold,
            fontSize=size * 1.3,
            leading=size * 1.6,
            textColor=ACCENT,
            spaceBefore=size * 0.6,
            spaceAfter=size * 0.35,
        ),
        h2=st(
            "h2",
            fontName=fonts.bold,
            fontSize=size * 1.08,
            leading=size * 1.4,
            spaceBefore=size * 0.4,
        ),
        title=st("title", fontName=fonts.bold, fontSize=size * 1.7, leading=size * 2.05),
        title_center=st(
            "title_center",
            fontName=fonts.bold,
            fontSize=size * 1.7,
            leading=size * 2.05,
            alignment=TA_CENTER,
        ),
        center=st("center", alignment=TA_CENTER),
        note=st("note", spaceAfter=0),
    )


def para(text: str, style: ParagraphStyle, *, raw: bool = False) -> Paragraph:
    """A Paragraph of user text (escaped unless ``raw`` markup is given)."""
    return Paragraph(text if raw else esc(text), style)


# ----------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class PageGeometry:
    """A trimmed page of ``trim_w`` × ``trim_h`` points, optionally with bleed around it
    and a slug for crop marks beyond the bleed.  Coordinates of the trim box inside
    the media box are (``x0``, ``y0``)."""

    trim_w: float
    trim_h: float
    bleed: float = 0.0
    slug: float = 0.0
    #: Which sides bleed (an imposed page bleeds only on the sheet's outer edges).
    bleed_left: bool = True
    bleed_right: bool = True

    @property
    def margin(self) -> float:
        return self.bleed + self.slug

    @property
    def media_w(self) -> float:
        return self.trim_w + 2 * self.margin

    @property
    def media_h(self) -> float:
        return self.trim_h + 2 * self.margin

    @property
    def x0(self) -> float:
        return self.margin

    @property
    def y0(self) -> float:
        return self.margin

    @property
    def pagesize(self) -> tuple[float, float]:
        return (self.media_w, self.media_h)

    def bleed_rect(self) -> tuple[float, float, float, float]:
        """x, y, w, h of the trim grown by the bleed on the sides that bleed."""
        left = self.bleed if self.bleed_left else 0.0
        right = self.bleed if self.bleed_right else 0.0
        return (
            self.x0 - left,
            self.y0 - self.bleed,
            self.trim_w + left + right,
            self.trim_h + 2 * self.bleed,
        )

    def band(self, canvas: Canvas, y: float, h: float, color: Any) -> None:
        """A full-width colour band (y, h relative to the trim) that runs into the bleed."""
        bx, _by, bw, _bh = self.bleed_rect()
        y_abs = self.y0 + y
        top = y_abs + h
        if y <= 0:
            y_abs -= self.bleed
        if top >= self.y0 + self.trim_h - 0.01:
            top += self.bleed
        canvas.saveState()
        canvas.setFillColor(color)
        canvas.setStrokeColor(color)
        canvas.rect(bx, y_abs, bw, top - y_abs, stroke=0, fill=1)
        canvas.restoreState()


def draw_crop_marks(
    canvas: Canvas,
    trim: tuple[float, float, float, float],
    media: tuple[float, float],
    folds: Sequence[float] = (),
) -> None:
    """Crop marks at the four corners of ``trim`` (x, y, w, h), drawn in the slug only
    (they start ``MARK_OFFSET_MM`` from the trim, beyond a 3 mm bleed), and short fold
    marks at the given x positions (absolute) above and below the trim."""
    x, y, w, h = trim
    mw, mh = media
    off = MARK_OFFSET_MM * MM
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(0.25)
    lines: list[tuple[float, float, float, float]] = []
    for cx in (x, x + w):
        lines.append((cx, y - off, cx, 1.0))  # below
        lines.append((cx, y + h + off, cx, mh - 1.0))  # above
    for cy in (y, y + h):
        lines.append((x - off, cy, 1.0, cy))  # left
        lines.append((x + w + off, cy, mw - 1.0, cy))  # right
    for fx in folds:
        lines.append((fx, y - off, fx, max(1.0, y - off - 4 * MM)))
        lines.append((fx, y + h + off, fx, min(mh - 1.0, y + h + off + 4 * MM)))
    for x1, y1, x2, y2 in lines:
        canvas.line(x1, y1, x2, y2)
    canvas.restoreState()


def set_boxes(canvas: Canvas, geom: PageGeometry) -> None:
    """TrimBox and BleedBox for the current page (print shops read them)."""
    canvas.setTrimBox((geom.x0, geom.y0, geom.x0 + geom.trim_w, geom.y0 + geom.trim_h))
    if geom.bleed:
        bx, by, bw, bh = geom.bleed_rect()
        canvas.setBleedBox((bx, by, bx + bw, by + bh))


# --------------------------------------------------------------------- numbering

PageHook = Callable[[Canvas, int, int], None]


def numbered_canvas(hook: PageHook) -> type[Canvas]:
    """A canvas class that calls ``hook(canvas, page, total)`` on every page once the
    total is known (for "n / N" page numbers)."""

    class _NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                hook(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return _NumberedCanvas


def draw_page_number(
    canvas: Canvas, geom: PageGeometry, page: int, total: int, font: str, size: float = 8.0
) -> None:
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.setFillColor(GREY)
    canvas.drawCentredString(geom.x0 + geom.trim_w / 2, geom.y0 + 7 * MM, f"{page} / {total}")
    canvas.restoreState()


# ----------------------------------------------------------------------- bilingual


def kkru_label(
    pair: KkRu | tuple[str, str], style: ParagraphStyle, *, bold_kk: bool = False
) -> Paragraph:
    """Kazakh on the top line, Russian below, same size."""
    kk, ru = pair if isinstance(pair, tuple) else (pair.kk, pair.ru)
    if bold_kk:
        return Paragraph(f"<b>{esc(kk)}</b><br/><b>{esc(ru)}</b>", style)
    return Paragraph(f"{esc(kk)}<br/>{esc(ru)}", style)


def kkru_inline(pair: KkRu | tuple[str, str]) -> str:
    kk, ru = pair if isinstance(pair, tuple) else (pair.kk, pair.ru)
    return f"{kk} / {ru}"


def two_columns(
    left: Flowable | list[Flowable],
    right: Flowable | list[Flowable],
    width: float,
    *,
    gap: float = 5 * MM,
    style: list[tuple[Any, ...]] | None = None,
) -> Table:
    """One row, Kazakh left and Russian right; the row may split across pages."""
    half = width / 2
    table = Table([[left, right]], colWidths=[half, half], splitInRow=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), gap / 2),
        ("LEFTPADDING", (1, 0), (1, -1), gap / 2),
        ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    if style:
        commands.extend(style)
    table.setStyle(TableStyle(commands))
    return table


class RuledLines(Flowable):  # type: ignore[misc]
    """``count`` lines to write on by hand, ``pitch`` apart."""

    def __init__(self, count: int, pitch: float = 7 * MM, indent: float = 0.0) -> None:
        super().__init__()
        self.count = max(0, count)
        self.pitch = pitch
        self.indent = indent
        self.width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.pitch

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for i in range(self.count):
            y = (self.count - 1 - i) * self.pitch + 0.5
            canvas.line(self.indent, y, self.width, y)
        canvas.restoreState()


class TickBox(Flowable):  # type: ignore[misc]
    """A drawn tick box (the font has no ☐/☑), ticked or not."""

    def __init__(self, ticked: bool = False, size: float = 3.6 * MM) -> None:
        super().__init__()
        self.ticked = ticked
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        s = self.size
        c.saveState()
        c.setStrokeColor(BLACK)
        c.setLineWidth(0.8)
        c.rect(0, 0, s, s, stroke=1, fill=0)
        if self.ticked:
            c.setLineWidth(1.3)
            path = c.beginPath()
            path.moveTo(s * 0.18, s * 0.52)
            path.lineTo(s * 0.42, s * 0.22)
            path.lineTo(s * 0.85, s * 0.85)
            c.drawPath(path, stroke=1, fill=0)
        c.restoreState()


class BottomAligned(Flowable):  # type: ignore[misc]
    """Takes the rest of the frame and draws its content at the bottom of it."""

    def __init__(self, content: list[Flowable]) -> None:
        super().__init__()
        self.content = content
        self._sizes: list[tuple[float, float]] = []
        self._avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._sizes = [f.wrap(avail_width, avail_height) for f in self.content]
        total = sum(h for _w, h in self._sizes)
        self._avail = avail_width
        return avail_width, max(total, avail_height - 1)

    def draw(self) -> None:
        y = 0.0
        for flowable, (_w, h) in reversed(list(zip(self.content, self._sizes, strict=True))):
            flowable.drawOn(self.canv, 0, y)
            y += h


# -------------------------------------------------------------------------- output


def write_output(data: bytes, out: Output) -> None:
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.tmp")
        try:
            tmp.write_bytes(data)
            tmp.replace(out)
        except OSError:
            # a full or write-protected disk: no half-written file stays behind
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise
    else:
        out.write(data)


def new_buffer() -> io.BytesIO:
    return io.BytesIO()


@dataclass
class DocInfo:
    title: str
    author: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "author": self.author,
            "subject": self.subject,
            "creator": PRODUCER,
            "producer": PRODUCER,
            "keywords": self.keywords,
        }


def flatten(items: Iterable[Flowable | list[Flowable]]) -> list[Flowable]:
    out: list[Flowable] = []
    for item in items:
        if isinstance(item, list):
            out.extend(item)
        else:
            out.append(item)
    return out


def as_float(value: object) -> float:
    return float(cast(float, value))

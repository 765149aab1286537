"""The A4 tri-fold ("евробуклет"): six panels on one A4 sheet, two sides.

Panel widths, left to right, 297 mm in all:

* outside sheet: inner flap 97 mm | back 100 mm | cover 100 mm
* inside sheet:  inside 1 100 mm | inside 2 100 mm | inside 3 97 mm

The 97 mm panel is the flap that folds in (outside-left and inside-right are the two
faces of it).  Reading order: cover, flap, inside 1-3, back (contacts, a fill-in for
the consultation hours, the imprint).  Shipped templates have a short tri-fold edition
(templates/trifold/); a text that still does not fit at 6.5 pt is refused naming the
panel that overflows.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import Message, UserError

from .booklet_flow import (
    A4_H,
    A4_W,
    EditionInfo,
    RenderResult,
    _base_size,
    _doc,
    _Flow,
    _Mark,
    _marks_overlay,
    _metadata,
    _Opts,
    _written,
)
from .common import (
    ACCENT,
    MM,
    BottomAligned,
    PageGeometry,
    esc,
    make_styles,
)
from .imposition import Placement, SheetSide, impose
from .templates import (
    BookletContent,
)

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
        "Мәтін А4 үш бүктемелі кітапшаның «{panel_kk}» бөлігіне тіпті кішірейтілген "
        "қаріппен де сыймайды. Осы бөліктің мәтінін қысқартыңыз немесе А5 кітапша "
        "пішімін таңдаңыз."
    ),
    ru=(
        "Текст не помещается на панели «{panel_ru}» буклета А4 с двумя сгибами даже "
        "мелким шрифтом. Сократите текст этой панели или выберите формат брошюры А5."
    ),
)
#: Names of the tri-fold panels, as the overflow message shows them.
TRIFOLD_PANEL_NAMES: dict[str, Message] = {
    "cover": Message(kk="мұқаба", ru="обложка"),
    "flap": Message(kk="ішке бүгілетін қанат", ru="внутренний клапан"),
    "in1": Message(kk="ішкі жағы, 1-бөлік", ru="внутренняя сторона, панель 1"),
    "in2": Message(kk="ішкі жағы, 2-бөлік", ru="внутренняя сторона, панель 2"),
    "in3": Message(kk="ішкі жағы, 3-бөлік", ru="внутренняя сторона, панель 3"),
    "back": Message(kk="артқы бет: байланыс пен қабылдау уақыты", ru="задняя панель: контакты и часы приёма"),
}

def _render_trifold_once(
    content: BookletContent,
    arrangement: BilingualArrangement,
    edition: EditionInfo | None,
    opts: _Opts,
    size: float,
) -> tuple[bytes, RenderResult] | str:
    """The tri-fold at one font size, or the id of the first panel that overflows."""
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
    marks: dict[str, int] = {}
    story = [
        *cover,
        _Mark(marks, "cover"),
        NextPageTemplate("flap"),
        PageBreak(),
        *body.sections(),
        _Mark(marks, "body"),
        NextPageTemplate("back"),
        PageBreak(),
        *flows["back"].back(edition, hours=True),
        _Mark(marks, "back"),
    ]
    try:
        doc.build(story)
    except LayoutError:
        # a piece taller than a whole panel: name the part being laid out
        return "cover" if "cover" not in marks else "in3" if "body" not in marks else "back"
    panel = _overflowing_panel(used, marks)
    if panel is not None:
        return panel
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
    panel = "in3"
    while size >= 6.5:
        done = _render_trifold_once(content, arrangement, edition, opts, size)
        if not isinstance(done, str):
            return done
        panel = done
        size -= 0.5
    name = TRIFOLD_PANEL_NAMES[panel]
    raise UserError(
        "print.trifold_overflow", TRIFOLD_OVERFLOW, panel=panel, panel_kk=name.kk, panel_ru=name.ru
    )


def _overflowing_panel(used: list[str], marks: dict[str, int]) -> str | None:
    """Which panel the text ran out of: the cover (title), the inside panels (the
    sections run past the third one) or the back (contacts and imprint)."""

    def panel_of(mark: str) -> str:
        page = marks.get(mark, len(used))
        return used[page - 1] if 0 < page <= len(used) else "overflow"

    if marks.get("cover", 1) != 1:
        return "cover"
    if panel_of("body") not in ("flap", "in1", "in2", "in3"):
        return "in3"
    if panel_of("back") != "back" or used.count("back") != 1 or "overflow" in used:
        return "back"
    return None



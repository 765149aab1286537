"""Placing logical pages on press sheets with pypdf, each page as a Form XObject.

Saddle stitching (A5 booklet on A4 landscape): ``n`` logical pages, a multiple of 4,
make ``n / 4`` sheets; sheet ``s`` (0-based) carries, left then right, pages
``(n - 2s, 1 + 2s)`` on the front and ``(2 + 2s, n - 1 - 2s)`` on the back (1-based).
Folding the stack in the middle and stapling it gives pages 1..n in order.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    RectangleObject,
    StreamObject,
)


def pad_to_multiple(n: int, k: int = 4) -> int:
    return n + (-n) % k


def saddle_stitch_order(n: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """For each sheet: ((front left, front right), (back left, back right)), 1-based."""
    if n <= 0 or n % 4:
        raise ValueError(f"page count must be a positive multiple of 4, got {n}")
    return [((n - 2 * s, 1 + 2 * s), (2 + 2 * s, n - 1 - 2 * s)) for s in range(n // 4)]


@dataclass(frozen=True)
class Placement:
    """Logical page ``page`` (0-based; ``None`` = leave empty) with its lower-left
    media corner at (``x``, ``y``) on the sheet."""

    page: int | None
    x: float
    y: float


@dataclass(frozen=True)
class SheetSide:
    placements: tuple[Placement, ...]
    #: Trim box of the side on the sheet (x0, y0, x1, y1) and the bleed box, if any.
    trim: tuple[float, float, float, float]
    bleed: tuple[float, float, float, float] | None = None


Overlay = Callable[[int], bytes | None]


def _form(page: PageObject, writer: PdfWriter) -> IndirectObject:
    """The page as a Form XObject in ``writer``: its content stream kept as it is
    (still compressed), its resources cloned once (objects shared between pages, such
    as fonts, are cloned only the first time), clipped to its media box."""
    box = page.mediabox
    contents = page.raw_get(NameObject("/Contents"))
    stream = contents.get_object() if contents is not None else None
    form: StreamObject
    if isinstance(stream, StreamObject):
        form = EncodedStreamObject()
        form._data = stream._data
        for key in ("/Filter", "/DecodeParms"):
            if key in stream:
                form[NameObject(key)] = stream[key]
    else:  # an array of streams, or none: joined, decoded
        parts = stream if isinstance(stream, ArrayObject) else []
        form = DecodedStreamObject()
        form.set_data(b"\n".join(part.get_object().get_data() for part in parts))
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/FormType")] = NumberObject(1)
    form[NameObject("/BBox")] = RectangleObject(
        (float(box.left), float(box.bottom), float(box.right), float(box.top))
    )
    resources = page.get(NameObject("/Resources"))
    if resources is not None:
        form[NameObject("/Resources")] = resources.get_object().clone(writer)
    return writer._add_object(form)


def _num(v: float) -> str:
    return f"{v:.7f}".rstrip("0").rstrip(".")


def _page_streams(page: PageObject) -> list[IndirectObject] | None:
    """The page's content streams as references (never decoded), or None when a stream
    is direct (not expected from reportlab; such a page is placed as a Form XObject)."""
    contents = page.raw_get(NameObject("/Contents"))
    if contents is None:
        return []
    if isinstance(contents, IndirectObject):
        target = contents.get_object()
        if isinstance(target, StreamObject):
            return [contents]
        contents = target
    if isinstance(contents, ArrayObject) and all(isinstance(c, IndirectObject) for c in contents):
        return list(contents)
    return None


class _Sheet:
    """One side being built: content streams and resources gathered by name."""

    def __init__(self, writer: PdfWriter) -> None:
        self.writer = writer
        self.streams: list[IndirectObject] = []
        self.resources: dict[str, dict[str, PdfObject]] = {}
        self.procsets: list[PdfObject] = []
        self.seen: dict[str, dict[str, PdfObject]] = {}

    def ops(self, text: str) -> None:
        stream = DecodedStreamObject()
        stream.set_data(text.encode("ascii"))
        self.streams.append(self.writer._add_object(stream))

    def fits(self, resources: DictionaryObject) -> bool:
        """Whether ``resources`` can join this sheet's without renaming: every name
        already there stands for the same object (true of the pages of one reportlab
        document, whose resource names are the document's)."""
        for cat, entries in resources.items():
            if cat == "/ProcSet":
                continue
            have = self.seen.get(cat, {})
            for key, value in entries.get_object().items():
                if key in have and have[key] != value:
                    return False
        return True

    def add(self, resources: DictionaryObject) -> None:
        for cat, entries in resources.items():
            if cat == "/ProcSet":
                for name in entries.get_object():
                    if name not in self.procsets:
                        self.procsets.append(name)
                continue
            seen = self.seen.setdefault(cat, {})
            merged = self.resources.setdefault(cat, {})
            for key, value in entries.get_object().items():
                if key not in seen:
                    seen[key] = value
                    merged[key] = value.clone(self.writer)

    def finish(self, sheet: PageObject) -> None:
        res = DictionaryObject()
        for cat, entries in self.resources.items():
            res[NameObject(cat)] = DictionaryObject(
                {NameObject(k): v for k, v in entries.items()}
            )
        if self.procsets:
            res[NameObject("/ProcSet")] = ArrayObject(self.procsets)
        sheet[NameObject("/Resources")] = res
        sheet[NameObject("/Contents")] = ArrayObject(self.streams)


def impose(
    logical: bytes | PdfReader,
    sheet_size: tuple[float, float],
    sides: Sequence[SheetSide],
    *,
    overlay: Callable[[], bytes] | None = None,
    metadata: dict[str, str] | None = None,
) -> PdfWriter:
    """Build a new PDF with one page per side.  Each logical page's content stream is
    copied once, still compressed, and drawn at its place in a translated, clipped
    graphics state; the pages' resources are joined by name (the logical pages come
    from one document, so a name means the same font or image on every page).  No
    content stream is parsed or rewritten, and text stays in page space for extraction.
    A page whose resources would clash is drawn as a Form XObject instead.  ``overlay``
    makes a one-page PDF (e.g. crop marks) drawn over every side as one Form XObject."""
    reader = logical if isinstance(logical, PdfReader) else PdfReader(io.BytesIO(logical))
    writer = PdfWriter()
    copied: dict[int, list[IndirectObject]] = {}
    forms: dict[int, IndirectObject] = {}
    stamp: IndirectObject | None = None
    if overlay is not None:
        stamp = _form(PdfReader(io.BytesIO(overlay())).pages[0], writer)
    width, height = sheet_size
    for side in sides:
        sheet = writer.add_blank_page(width=width, height=height)
        built = _Sheet(writer)
        xobjects: dict[str, PdfObject] = {}
        for p in side.placements:
            if p.page is None:
                continue
            src = reader.pages[p.page]
            box = src.mediabox
            x0, y0 = float(box.left), float(box.bottom)
            w, h = float(box.width), float(box.height)
            tx, ty = p.x - x0, p.y - y0
            place = f"q 1 0 0 1 {_num(tx)} {_num(ty)} cm\n"
            resources = src.get(NameObject("/Resources"))
            res = resources.get_object() if resources is not None else DictionaryObject()
            streams = _page_streams(src)
            if streams is not None and built.fits(res):
                if p.page not in copied:
                    copied[p.page] = [s.clone(writer) for s in streams]
                built.add(res)
                built.ops(place + f"{_num(x0)} {_num(y0)} {_num(w)} {_num(h)} re W n\n")
                built.streams.extend(copied[p.page])
                built.ops("\nQ\n")
            else:
                if p.page not in forms:
                    forms[p.page] = _form(src, writer)
                name = f"/Page{p.page}"
                xobjects[name] = forms[p.page]
                built.ops(place + f"{name} Do Q\n")
        if stamp is not None:
            xobjects["/Marks"] = stamp
            built.ops("q /Marks Do Q\n")
        if xobjects:
            built.resources.setdefault("/XObject", {}).update(xobjects)
        built.finish(sheet)
        sheet[NameObject("/TrimBox")] = RectangleObject(side.trim)
        if side.bleed is not None:
            sheet[NameObject("/BleedBox")] = RectangleObject(side.bleed)
    if metadata:
        writer.add_metadata(metadata)
    return writer

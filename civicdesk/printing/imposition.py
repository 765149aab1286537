"""Placing logical pages on press sheets with pypdf.

Saddle stitching (A5 booklet on A4 landscape): ``n`` logical pages, a multiple of 4,
make ``n / 4`` sheets; sheet ``s`` (0-based) carries, left then right, pages
``(n - 2s, 1 + 2s)`` on the front and ``(2 + 2s, n - 1 - 2s)`` on the back (1-based).
Folding the stack in the middle and stapling it gives pages 1..n in order.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, RectangleObject


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


def impose(
    logical: bytes | PdfReader,
    sheet_size: tuple[float, float],
    sides: Sequence[SheetSide],
    *,
    overlay: Callable[[], bytes] | None = None,
    metadata: dict[str, str] | None = None,
) -> PdfWriter:
    """Build a new PDF with one page per side, each logical page merged at its place
    (pypdf clips every merged page to its own media box).  ``overlay`` makes a
    one-page PDF (e.g. crop marks) stamped on every side."""
    reader = logical if isinstance(logical, PdfReader) else PdfReader(io.BytesIO(logical))
    writer = PdfWriter()
    stamp: PageObject | None = None
    if overlay is not None:
        stamp = PdfReader(io.BytesIO(overlay())).pages[0]
    width, height = sheet_size
    for side in sides:
        sheet = PageObject.create_blank_page(width=width, height=height)
        for p in side.placements:
            if p.page is None:
                continue
            src = reader.pages[p.page]
            box = src.mediabox
            sheet.merge_transformed_page(
                src,
                Transformation().translate(p.x - float(box.left), p.y - float(box.bottom)),
            )
        if stamp is not None:
            sheet.merge_page(stamp)
        page = writer.add_page(sheet)
        page[NameObject("/TrimBox")] = RectangleObject(side.trim)
        if side.bleed is not None:
            page[NameObject("/BleedBox")] = RectangleObject(side.bleed)
    writer.compress_identical_objects()
    if metadata:
        writer.add_metadata(metadata)
    return writer

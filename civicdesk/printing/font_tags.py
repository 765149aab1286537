"""Font subset names made unique per subset in joined PDFs (a print shop's RIP caches
fonts by name)."""

from __future__ import annotations

import hashlib
from typing import Any

from pypdf import PdfWriter
from pypdf.generic import NameObject

__all__ = ["unique_font_tags"]


def _tag(data: bytes) -> str:
    """Six capital letters from the font program's bytes (the PDF subset tag form)."""
    digest = hashlib.sha1(data).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def unique_font_tags(writer: PdfWriter) -> int:
    """Give every embedded subset a tag derived from its own glyph data.

    reportlab names the first subset of a font ``AAAAAA+Name`` in every document, so
    PDFs joined into one (a certificate per participant) carry many different
    subsets under one name; a RIP that caches fonts by name then prints wrong
    letters. Identical subsets keep a shared name. Returns the number renamed."""
    seen: set[int] = set()
    renamed = 0

    def visit_resources(res: Any) -> None:
        res = res.get_object() if res is not None else None
        if not res:
            return
        fonts = res.get("/Font")
        if fonts is not None:
            for ref in fonts.get_object().values():
                font = ref.get_object()
                if id(font) in seen:
                    continue
                seen.add(id(font))
                nonlocal renamed
                renamed += _retag(font)
        xobjects = res.get("/XObject")
        if xobjects is not None:
            for ref in xobjects.get_object().values():
                xo = ref.get_object()
                if id(xo) in seen:
                    continue
                seen.add(id(xo))
                visit_resources(xo.get("/Resources"))

    for page in writer.pages:
        visit_resources(page.get("/Resources"))
    return renamed


def _retag(font: Any) -> int:
    base = str(font.get("/BaseFont", ""))
    if len(base) < 8 or base[7] != "+":
        return 0
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return 0
    descriptor = descriptor.get_object()
    program = None
    for key in ("/FontFile2", "/FontFile", "/FontFile3"):
        if key in descriptor:
            program = descriptor[key].get_object()
            break
    if program is None:
        return 0
    name = f"/{_tag(program.get_data())}+{base[8:]}"
    font[NameObject("/BaseFont")] = NameObject(name)
    descriptor[NameObject("/FontName")] = NameObject(name)
    return 1

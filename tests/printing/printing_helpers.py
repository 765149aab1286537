"""PDF inspection helpers for the printing tests."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PdfReader

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Run:
    text: str
    x: float
    y: float


def text_runs(page: PageObject) -> list[Run]:
    """Text pieces of a page with their position in page space."""
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        runs.append(Run(text, x, y))

    page.extract_text(visitor_text=visit)
    return runs


def text_between(page: PageObject, x0: float, x1: float) -> str:
    return "".join(r.text for r in text_runs(page) if x0 <= r.x < x1)


def read_pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))

"""Fixtures for the printing tests: one font cache per test session (making the
static faces takes several seconds), sample booklet content and PDF helpers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def _font_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    shared = os.environ.get("CIVICDESK_TEST_CACHE")
    folder = Path(shared) if shared else tmp_path_factory.mktemp("cache")
    old = os.environ.get("CIVICDESK_CACHE_DIR")
    os.environ["CIVICDESK_CACHE_DIR"] = str(folder)
    from civicdesk.printing import fonts

    fonts.register_reportlab_fonts()
    yield folder
    if old is None:
        os.environ.pop("CIVICDESK_CACHE_DIR", None)
    else:
        os.environ["CIVICDESK_CACHE_DIR"] = old

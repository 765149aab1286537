"""Minutes of a meeting judged by the center's own quorum setting print its figures,
that it is the center's setting, and the date it took effect; a meeting held before
the change prints the default it was judged by."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from civicdesk.domain.enums import MeetingKind
from civicdesk.domain.quorum_settings import CenterRule
from civicdesk.services import meetings as msvc
from civicdesk.services import printing
from civicdesk.services.base import Context
from civicdesk.services.quorum_settings import save_center_rule


def _text(path: Path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def _meeting(ctx: Context, held: date) -> str:
    m = msvc.create_meeting(ctx, msvc.MeetingInput(
        kind=MeetingKind.MEETING, held_on=held, number="7", starts_at="10:00",
        ends_at="11:00", place="Клуб", convened_by="Ауыл әкімі", chair_name="Серік Әлиев",
        secretary_name="Гүлнар Оспанова", members_eligible=10, members_present=7,
    ))
    return m.id


def test_minutes_print_the_centers_threshold_with_its_date(
    ctx: Context, tmp_path: Path
) -> None:
    before = _meeting(ctx, date(2026, 5, 20))
    save_center_rule(ctx, CenterRule(MeetingKind.MEETING, date(2026, 6, 1), 2, 3, False,
                                     2, 3, False))
    after = _meeting(ctx, date(2026, 6, 10))

    out = tmp_path / "after.pdf"
    printing.print_minutes(ctx, after, out)
    text = _text(out)
    # 2/3 of 10 members: at least 7 (the default would have needed 6)
    assert "не менее 7 присутствующих" in text
    assert "Настройка центра, действует с 01.06.2026" in text
    assert "кворум — не менее 2/3 членов; решение — не менее 2/3 присутствующих" in text
    assert "Орталықтың баптауы, күшіне енген күні 01.06.2026" in text
    assert "148-II" in text

    old = tmp_path / "before.pdf"
    printing.print_minutes(ctx, before, old)
    text = _text(old)
    assert "не менее 6 присутствующих" in text
    assert "Настройка центра" not in text and "Орталықтың баптауы" not in text

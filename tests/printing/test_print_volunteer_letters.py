"""A volunteer's thank-you letter and certificate of hours: Kazakh first, every figure
from the period's assignments, refused without work, and printing is audited."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from civicdesk.db.models import AuditEntry
from civicdesk.domain.errors import UserError
from civicdesk.services.base import Context
from civicdesk.services.volunteer_print import write_volunteer_letter
from civicdesk.services.volunteer_work import AssignmentInput, add_assignment
from civicdesk.services.volunteers import VolunteerInput, create_volunteer


def _text(path: Path) -> str:
    return " ".join(p.extract_text() for p in PdfReader(path).pages)


@pytest.mark.parametrize("kind", ["letter", "certificate"])
def test_letter_and_certificate_are_bilingual_kazakh_first(ctx: Context, tmp_path: Path,
                                                          kind: str) -> None:
    today = ctx.today()
    v = create_volunteer(ctx, VolunteerInput(
        full_name="Әлия Төлеуова", consent_date=today - timedelta(days=40),
        consent_purposes=["register"]))
    start = today - timedelta(days=30)
    with pytest.raises(UserError) as info:
        write_volunteer_letter(ctx, v.id, kind, tmp_path / "none.pdf", start, today)
    assert info.value.code == "volunteer.no_hours"
    add_assignment(ctx, AssignmentInput(v.id, "booklets", today - timedelta(days=3),
                                        Decimal("2.5")))
    add_assignment(ctx, AssignmentInput(v.id, "aid", today - timedelta(days=2), Decimal(4)))
    out = tmp_path / f"{kind}.pdf"
    assert write_volunteer_letter(ctx, v.id, kind, out, start, today, signed_by="А. Серікова") == 1
    text = " ".join(_text(out).split())
    assert "Әлия Төлеуова" in text and "6,5" in text
    assert "кітапша тарату, көмек жеткізу" in text
    assert "раздача буклетов, доставка помощи" in text
    kk = text.index("АЛҒЫС ХАТ" if kind == "letter" else "ерікті ретінде")
    ru = text.index("БЛАГОДАРСТВЕННОЕ ПИСЬМО" if kind == "letter" else "волонтёром")
    assert kk < ru
    with ctx.db.session() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "volunteer", AuditEntry.entity_id == v.id)))
    assert "print" in actions

"""Volunteer figures per district and period, and their section in the periodic report."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from civicdesk.domain.enums import Sex
from civicdesk.domain.periods import parse_period
from civicdesk.services.base import Context
from civicdesk.services.reference import add_settlement, districts
from civicdesk.services.report_export import write_report
from civicdesk.services.volunteer_stats import volunteer_figures, volunteer_sections
from civicdesk.services.volunteer_work import (
    AidInput,
    AssignmentInput,
    add_assignment,
    save_aid,
)
from civicdesk.services.volunteers import VolunteerInput, create_volunteer, erase_volunteer


def _setup(ctx: Context) -> tuple[str, str]:
    district = districts(ctx)[0]
    village = add_settlement(ctx, "Ақтоғай", "Актогай", district_id=district.id)
    day = ctx.today() - timedelta(days=1)
    vols = [create_volunteer(ctx, VolunteerInput(
        full_name=n, sex=Sex.FEMALE, settlement_id=village.id,
        consent_date=ctx.today() - timedelta(days=9), consent_purposes=["register"]))
        for n in ("Айгүл Серікқызы", "Бақыт Ержанова")]
    aid = save_aid(ctx, AidInput("Көмір", day, "kind", amount=Decimal("250000"),
                                 quantity=Decimal(5), unit="т", households=12,
                                 settlement_id=village.id))
    add_assignment(ctx, AssignmentInput(vols[0].id, "booklets", day, Decimal("2.5")))
    add_assignment(ctx, AssignmentInput(vols[0].id, "aid", day, Decimal(4),
                                        aid_action_id=aid.id))
    add_assignment(ctx, AssignmentInput(vols[1].id, "aid", day, Decimal(3),
                                        aid_action_id=aid.id))
    return district.id, vols[0].id


def test_figures_per_district_survive_erasure(ctx: Context) -> None:
    district_id, first = _setup(ctx)
    period = parse_period(str(ctx.today().year))
    f = volunteer_figures(ctx, period)
    assert (f.volunteers, f.assignments, f.hours) == (2, 3, Decimal("9.5"))
    assert (f.aid_actions, f.households, f.aid_value) == (1, 12, Decimal("250000.00"))
    assert [(d.key, d.volunteers, d.households) for d in f.by_district] == [
        (district_id, 2, 12)]
    erase_volunteer(ctx, first)
    assert volunteer_figures(ctx, period) == f
    last_year = parse_period(str(ctx.today().year - 1))
    assert volunteer_figures(ctx, last_year).assignments == 0
    assert volunteer_sections(ctx, last_year) == ()


def test_report_has_the_volunteers_section(ctx: Context, tmp_path: Path) -> None:
    _setup(ctx)
    out = tmp_path / "report.pdf"
    write_report(ctx, parse_period(str(ctx.today().year)), "pdf", out)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Еріктілер және көмек" in text and "Волонтёры и помощь" in text
    assert "Айгүл" not in text

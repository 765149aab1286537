"""Grant indicators summed per call and region where the units agree."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from civicdesk.db.models import GrantApplication, GrantCall, GrantIndicator
from civicdesk.services.base import Context, stamp_new
from civicdesk.services.grant_results import grant_indicator_sums


def _funded(ctx: Context, call: GrantCall, status: str,
            indicators: list[tuple[str, int, int, int]]) -> None:
    with ctx.db.session() as s:
        app = GrantApplication(call_id=call.id, applicant_kind="ngo", applicant_name="ҚБ",
                               title="Жоба", status=status)
        stamp_new(ctx, app)
        s.add(app)
        s.flush()
        for unit, baseline, target, actual in indicators:
            row = GrantIndicator(application_id=app.id, name="Көрсеткіш", unit=unit,
                                 baseline=Decimal(baseline), target=Decimal(target),
                                 actual=Decimal(actual))
            stamp_new(ctx, row)
            s.add(row)


def test_sums_where_units_agree(ctx: Context) -> None:
    with ctx.db.session() as s:
        call = GrantCall(title_kk="Байқау", title_ru="Конкурс", region_kato="19",
                         pool=Decimal(1_000_000), opens_on=date(2025, 1, 1),
                         closes_on=date(2025, 2, 1), criteria=[])
        stamp_new(ctx, call)
        s.add(call)
    _funded(ctx, call, "approved", [("адам", 10, 100, 120), ("дана", 0, 300, 300)])
    _funded(ctx, call, "reported", [("Адам ", 5, 50, 40), ("", 1, 1, 1)])
    _funded(ctx, call, "rejected", [("адам", 0, 999, 999)])  # not funded: left out
    by_region = grant_indicator_sums(ctx)
    assert [(r.group, r.unit, r.indicators, r.baseline, r.target, r.actual)
            for r in by_region] == [
        ("19", "адам", 2, Decimal(15), Decimal(150), Decimal(160)),
        ("19", "дана", 1, Decimal(0), Decimal(300), Decimal(300)),
    ]
    assert {r.group for r in grant_indicator_sums(ctx, by="call")} == {call.id}


def test_the_report_has_the_sums(ctx: Context) -> None:
    from civicdesk.domain.periods import year_period
    from civicdesk.services.report_results import results_sections

    assert results_sections(ctx, year_period(2025)) == ()
    test_sums_where_units_agree(ctx)
    (section,) = results_sections(ctx, year_period(2025))
    assert section.title.ru.startswith("Результаты грантовых проектов")
    assert [r.values[0] for r in section.tables[0].rows] == ["адам", "дана"]

"""Head office merges a center's own settlement into the official one; districts ship."""

from __future__ import annotations

import json
from datetime import date

import pytest

from civicdesk.domain.enums import Role
from civicdesk.domain.errors import UserError
from civicdesk.paths import resources_dir
from civicdesk.services.base import Actor, Context, ListQuery
from civicdesk.services.reference import add_settlement, districts, regions, settlements
from civicdesk.services.residents import ResidentInput, create_resident, list_residents
from civicdesk.services.settlements import follow_merges, merge_settlement


def _head_office(ctx: Context) -> Context:
    return ctx.with_actor(Actor("ho-user", "Бас кеңсе", Role.HEAD_OFFICE, "head-office"))


def test_merge_moves_the_centers_records(ctx: Context) -> None:
    own = add_settlement(ctx, "Жаңа ауыл", "Новое село")
    official = add_settlement(ctx, "Жаңаауыл", "Жанаауыл", kato="613853500")
    rid = create_resident(ctx, ResidentInput(full_name="Дана Әлиева", settlement_id=own.id,
                                             consent_date=date(2025, 1, 5),
                                             consent_purposes=["consultation"])).id
    with pytest.raises(UserError):
        merge_settlement(ctx, own.id, official.id)  # only head office merges
    with pytest.raises(UserError) as exc:
        merge_settlement(_head_office(ctx), official.id, own.id)  # into an unofficial one
    assert exc.value.errors[0].code == "settlement.merge_not_official"  # type: ignore[attr-defined]
    merge_settlement(_head_office(ctx), own.id, official.id)
    assert own.id not in {s.id for s in settlements(ctx)}  # the center's entry is retired
    follow_merges(ctx)  # what the center does after its next sync
    rows = list_residents(ctx, ListQuery()).rows
    assert [r.id for r in rows] == [rid] and rows[0].settlement_kk == "Жаңаауыл"
    assert follow_merges(ctx) == 0  # nothing left to move


def test_every_region_ships_its_districts(ctx: Context) -> None:
    data = json.loads((resources_dir() / "reference" / "districts.json").read_text("utf-8"))
    codes = [d["kato"] for d in data]
    assert len(codes) == len(set(codes)) and len(codes) > 200
    for d in data:
        assert len(d["kato"]) == 4 and d["kato"].startswith(d["region"])
        assert d["kk"].endswith(("ауданы", "қаласы", "аудан")) and d["ru"]
    # every region and city of republican significance has districts
    for region in regions(ctx):
        assert districts(ctx, region.code), region.name_kk
    turkistan = [d.name_kk for d in districts(ctx, "61")]
    assert len(turkistan) == 17 and turkistan[0] == "Арыс қаласы"
    assert turkistan.index("Бәйдібек ауданы") < turkistan.index("Жетісай ауданы")
    assert "Сауран ауданы" in turkistan

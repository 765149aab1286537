"""Settlement coordinates, the GeoJSON export and the printed priority list with its map."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from civicdesk.db.models import District
from civicdesk.domain.errors import UserError
from civicdesk.domain.problems import Channel
from civicdesk.services import assessments as asv
from civicdesk.services import problem_cycle as cycle
from civicdesk.services.base import Context
from civicdesk.services.problem_map import (
    export_geojson,
    geojson,
    set_coordinates,
    write_priority_list,
)
from civicdesk.services.problems import ProblemInput, create_problem
from civicdesk.services.reference import add_settlement
from tests.services.test_problems import at


@pytest.fixture()
def register(ctx: Context) -> tuple[Context, str, dict[str, str]]:
    ctx = at(ctx)
    with ctx.db.session() as s:
        d = str(s.scalar(select(District.id).where(District.kato == "1942")))
    aksu = add_settlement(ctx, "Ақсу", "Аксу", district_id=d).id
    koktal = add_settlement(ctx, "Көктал", "Коктал", district_id=d).id
    far = add_settlement(ctx, "Шалғай", "Шалгай", district_id=d).id
    set_coordinates(ctx, aksu, 43.35, 77.45)
    set_coordinates(ctx, koktal, 43.52, 77.80)
    a = asv.create_assessment(ctx, asv.AssessmentInput(d, date(2026, 9, 1), ["focus_group"]))
    water = create_problem(ctx, ProblemInput("Су жоқ", "Нет воды", "water", [aksu, koktal],
                                             date(2026, 9, 5))).id
    road = create_problem(ctx, ProblemInput("Жол нашар", "Плохая дорога", "roads", [far],
                                            date(2026, 9, 5))).id
    asv.add_focus_group(ctx, a.id, asv.FocusGroupInput(date(2026, 9, 10), aksu, 20,
                                                       "Айгүл Модератор", votes=[(water, 15)]))
    asv.add_focus_group(ctx, a.id, asv.FocusGroupInput(date(2026, 9, 11), far, 6,
                                                       votes=[(road, 4)]))
    cycle.take_up(ctx, water, cycle.TakeUp(Channel.APPEAL, date(2026, 10, 1), reference="3"))
    return ctx, d, {"aksu": aksu, "koktal": koktal, "far": far, "water": water,
                    "road": road}


def test_coordinates_are_checked_and_owned(ctx: Context, other_center_ctx: Context) -> None:
    place = add_settlement(ctx, "Ақсу", "Аксу").id
    with pytest.raises(UserError) as exc:
        set_coordinates(ctx, place, 12.0, 77.0)
    assert exc.value.code == "settlement.coordinates" and "40.0" in exc.value.text("ru")
    with pytest.raises(UserError):
        set_coordinates(ctx, place, 43.0, None)
    with pytest.raises(UserError) as exc:
        set_coordinates(other_center_ctx, place, 43.0, 77.0)
    assert exc.value.code == "settlement.not_yours"


def test_geojson_has_points_counts_states_and_no_names(register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, _d, _ids = register
    data = geojson(ctx)
    assert data["type"] == "FeatureCollection"
    by_name = {f["properties"]["name_ru"]: f for f in data["features"]
               if f["properties"]["kind"] == "settlement"}
    assert set(by_name) == {"Аксу", "Коктал", "Шалгай"}
    aksu = by_name["Аксу"]
    assert aksu["geometry"] == {"type": "Point", "coordinates": [77.45, 43.35]}
    assert aksu["properties"]["raised"] == 15 and aksu["properties"]["open"] == 1
    assert aksu["properties"]["states"]["taken_up"] == 1
    assert by_name["Коктал"]["properties"]["raised"] == 0
    assert by_name["Шалгай"]["geometry"] is None
    assert by_name["Шалгай"]["properties"]["states"]["raised"] == 1
    out = tmp_path / "register.geojson"
    assert export_geojson(ctx, out) == 3
    text = out.read_text(encoding="utf-8")
    assert json.loads(text) == data and "Айгүл" not in text


def test_priority_list_pdf_kazakh_first_with_the_poster(register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, d, _ids = register
    out = tmp_path / "priority.pdf"
    pages = write_priority_list(ctx, d, out)
    reader = PdfReader(str(out))
    assert pages == len(reader.pages) == 2
    first = reader.pages[0].extract_text()
    assert first.index("Мәселелердің басымдық тізімі") < first.index("Приоритетный список")
    assert first.index("Су жоқ") < first.index("Жол нашар")  # 15 raised it, then 4
    assert "қолға алынды" in first and "взята в работу" in first
    poster = reader.pages[1]
    assert float(poster.mediabox.width) > float(poster.mediabox.height)  # landscape
    text = poster.extract_text()
    assert "Ақсу" in text and "Көктал" in text and "Шалғай" not in text
    assert "Шалғай" in first  # listed as a settlement without coordinates

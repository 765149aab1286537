"""Paper questionnaires typed in the survey grid: the grid's columns, and the rows saved
together (one audit entry a respondent) or, with one bad row, none of them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from civicdesk.db.models import AuditEntry, District, SurveyResponse
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import UserError
from civicdesk.domain.validation import field_errors
from civicdesk.services import assessments as svc
from civicdesk.services.base import Context
from civicdesk.services.problems import ProblemInput, create_problem, get_problem
from civicdesk.services.reference import add_settlement
from civicdesk.services.survey_grid import GridRow, save_rows, survey_form
from civicdesk.services.survey_import import survey_code
from tests.services.test_problems import at


@pytest.fixture()
def setup(ctx: Context) -> tuple[Context, str, list[str], list[str], str]:
    ctx = at(ctx)
    with ctx.db.session() as s:
        district = str(s.scalar(select(District.id).where(District.kato == "1942")))
        elsewhere = str(s.scalar(select(District.id).where(District.id != district)))
    places = [add_settlement(ctx, kk, ru, district_id=district).id
              for kk, ru in (("Өрнек", "Орнек"), ("Ақсу", "Аксу"), ("Әулиеағаш", "Аулиеагаш"))]
    outside = add_settlement(ctx, "Шалғай", "Шалгай", district_id=elsewhere).id
    a = svc.create_assessment(ctx, svc.AssessmentInput(
        district, date(2026, 9, 1), ["paper_survey"], date(2026, 11, 30), "СОН 2026"))
    problems = [create_problem(ctx, ProblemInput(kk, ru, cat, [places[0]], date(2026, 9, 10))).id
                for kk, ru, cat in (("Су жоқ", "Нет воды", "water"),
                                    ("Жол нашар", "Плохая дорога", "roads"),
                                    ("Әжетхана жоқ", "Нет туалета", "other"))]
    return ctx, a.id, places, problems, outside


def _responses(ctx: Context) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(SurveyResponse)) or 0)


def test_form_lists_the_problems_and_the_district_in_kazakh_order(setup: tuple) -> None:  # type: ignore[type-arg]
    ctx, aid, _places, (_water, _road, toilet), outside = setup
    form = survey_form(ctx, aid)
    # А Ә Б ... Ж ... С: «Әжетхана» after every А and before «Жол», «Су» last
    assert [p.title_kk for p in form.problems] == ["Әжетхана жоқ", "Жол нашар", "Су жоқ"]
    assert form.problems[0].code == survey_code(toilet)
    names = [n.name_kk for n in form.settlements]
    assert names.index("Ақсу") < names.index("Әулиеағаш") < names.index("Өрнек")
    assert outside not in {n.id for n in form.settlements}


def test_rows_are_saved_together_one_audit_entry_each(setup: tuple) -> None:  # type: ignore[type-arg]
    ctx, aid, (ornek, aksu, _a), (water, road, _toilet), _outside = setup
    with ctx.db.session() as s:
        audits = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    saved = save_rows(ctx, aid, [
        GridRow(1, [water, road], Sex.FEMALE, "24", aksu),
        GridRow(2, [road], Sex.MALE, "67", ornek),
        GridRow(3, [water, water], None, "", aksu),  # sex and age not stated
    ])
    assert saved == 3 and _responses(ctx) == 3
    with ctx.db.session() as s:
        rows = s.execute(select(SurveyResponse.number, SurveyResponse.sex,
                                SurveyResponse.age_band, SurveyResponse.mode,
                                SurveyResponse.source).order_by(SurveyResponse.number)).all()
        created = s.scalars(select(AuditEntry.entity).where(AuditEntry.action == "create")
                            .order_by(AuditEntry.at)).all()
        total = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    assert [tuple(r) for r in rows] == [(1, "f", "18_29", "paper", "grid"),
                                        (2, "m", "60_plus", "paper", "grid"),
                                        (3, None, None, "paper", "grid")]
    assert created.count("survey_response") == 3 and total - audits == 3
    ranked = {r.title_ru: r for r in svc.ranking(ctx, assessment_id=aid)}
    assert (ranked["Нет воды"].total, ranked["Нет воды"].women) == (2, 1)
    assert (ranked["Плохая дорога"].total, ranked["Плохая дорога"].youth) == (2, 1)
    assert get_problem(ctx, water).raised_count == 2
    assert svc.list_assessments(ctx)[0].responses == 3


def test_a_bad_row_saves_nothing_and_is_named(setup: tuple) -> None:  # type: ignore[type-arg]
    ctx, aid, (ornek, aksu, _a), (water, road, _toilet), outside = setup
    with pytest.raises(UserError) as exc:
        save_rows(ctx, aid, [
            GridRow(1, [water], Sex.FEMALE, "30", aksu),
            GridRow(2, [], Sex.MALE, "7", None),        # half-filled: age, no place, no tick
            GridRow(3, [road], None, "", outside),      # a village of another district
            GridRow(4, ["no-such-problem"], None, "40", ornek),
        ])
    errors = field_errors(exc.value)
    assert sorted((e.params["row"], e.field) for e in errors) == [
        (2, "age"), (2, "problems"), (2, "settlement"), (3, "settlement"), (4, "problems")]
    texts = {(e.params["row"], e.field): (e.text("kk"), e.text("ru")) for e in errors}
    assert texts[(2, "age")][0].startswith("2-жол: жасы түсініксіз: «7»")
    assert texts[(2, "age")][1].startswith("Строка 2: непонятный возраст: «7»")
    assert texts[(2, "settlement")][1] == "Строка 2: не выбран населённый пункт"
    assert texts[(3, "settlement")][1] == "Строка 3: населённый пункт не из района оценки"
    assert texts[(2, "problems")][0] == "2-жол: бірде-бір мәселе белгіленбеген"
    assert "Строка 4" in exc.value.text("ru")
    assert _responses(ctx) == 0  # the good first row waits with the others
    assert get_problem(ctx, water).raised_count == 0


def test_another_centers_assessment_is_refused(setup: tuple, other_center_ctx: Context) -> None:  # type: ignore[type-arg]
    ctx, aid, (_o, aksu, _a), (water, *_rest), _outside = setup
    with pytest.raises(UserError):
        save_rows(other_center_ctx, aid, [GridRow(1, [water], None, "", aksu)])
    assert _responses(ctx) == 0

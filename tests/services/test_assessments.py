"""Needs assessment: focus groups, survey responses (grid and CSV), the ranking, and the
register's statistics per district in the report."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from civicdesk.db.models import District, FocusGroup, SurveyResponse
from civicdesk.domain.awareness import AgeBand
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import UserError
from civicdesk.domain.periods import year_period
from civicdesk.domain.problems import Channel
from civicdesk.domain.validation import field_errors
from civicdesk.services import assessments as svc
from civicdesk.services import problem_cycle as cycle
from civicdesk.services.base import Context
from civicdesk.services.problem_stats import district_counts, problem_section
from civicdesk.services.problems import ProblemInput, create_problem, get_problem
from civicdesk.services.reference import add_settlement
from civicdesk.services.survey_import import import_survey_csv, survey_code
from tests.services.test_problems import at


def district(ctx: Context) -> str:
    with ctx.db.session() as s:
        return str(s.scalar(select(District.id).where(District.kato == "1942")))


@pytest.fixture()
def setup(ctx: Context) -> tuple[Context, str, str, str, list[str]]:
    ctx = at(ctx)
    d = district(ctx)
    place = add_settlement(ctx, "Ақсу", "Аксу", district_id=d).id
    other = add_settlement(ctx, "Көктал", "Коктал", district_id=d).id
    a = svc.create_assessment(ctx, svc.AssessmentInput(
        d, date(2026, 9, 1), ["focus_group", "online_survey"], date(2026, 11, 30), "СОН 2026"))
    titles = [("Су жоқ", "Нет воды", "water"), ("Жол нашар", "Плохая дорога", "roads"),
              ("Спорт алаңы жоқ", "Нет спортплощадки", "youth_sport")]
    ids = [create_problem(ctx, ProblemInput(kk, ru, cat, [place], date(2026, 9, 10))).id
           for kk, ru, cat in titles]
    return ctx, a.id, place, other, ids


def test_assessment_validates_period_and_methods(ctx: Context) -> None:
    with pytest.raises(UserError) as exc:
        svc.create_assessment(ctx, svc.AssessmentInput(None, date(2026, 9, 1), ["x"],
                                                       date(2026, 8, 1)))
    assert sorted(e.code for e in field_errors(exc.value)) == ["assessment.method",
                                                               "assessment.period"]


def test_focus_group_counts_without_names_and_ranking(setup: tuple) -> None:  # type: ignore[type-arg]
    ctx, aid, place, other, (water, road, sport) = setup
    fg = svc.add_focus_group(ctx, aid, svc.FocusGroupInput(
        date(2026, 9, 15), place, 12, "Модератор", {"m": 5, "f": 7},
        {"18_29": 6, "45_59": 6}, {"youth": 6, "pensioners": 2},
        [(water, 9), (road, 4), (sport, 4)]))
    with ctx.db.session() as s:
        row = s.get(FocusGroup, fg)
        assert row is not None and row.counts["sex"] == {"m": 5, "f": 7}
    for sex, band, ticks in ((Sex.FEMALE, AgeBand.A18_29, [sport, road]),
                             (Sex.MALE, AgeBand.A60_PLUS, [road]),
                             (Sex.FEMALE, AgeBand.A30_35, [sport])):
        svc.add_response(ctx, aid, svc.ResponseInput(ticks, other, sex, band))
    ranked = svc.ranking(ctx, assessment_id=aid)
    assert [(r.title_ru, r.rank, r.total) for r in ranked] == [
        ("Нет воды", 1, 9), ("Плохая дорога", 2, 6), ("Нет спортплощадки", 2, 6)]
    sport_row = ranked[2]
    assert (sport_row.women, sport_row.men, sport_row.youth) == (2, 0, 2)
    # a tie is in Kazakh alphabetical order of the titles: Жол before Спорт
    assert [(r.title_ru, r.rank) for r in svc.ranking(ctx, settlement_id=other)] == [
        ("Плохая дорога", 1), ("Нет спортплощадки", 1)]
    assert get_problem(ctx, road).raised_count == 6
    assert other in get_problem(ctx, road).settlement_ids
    assert svc.list_assessments(ctx)[0].focus_groups == 1


def test_focus_group_refuses_bad_counts(setup: tuple) -> None:  # type: ignore[type-arg]
    ctx, aid, place, _other, (water, *_rest) = setup
    with pytest.raises(UserError) as exc:
        svc.add_focus_group(ctx, aid, svc.FocusGroupInput(
            date(2026, 9, 15), place, 5, by_sex={"m": 4, "f": 3}, votes=[(water, 9)]))
    assert sorted(e.code for e in field_errors(exc.value)) == ["assessment.sex_sum",
                                                               "assessment.votes"]
    with pytest.raises(UserError) as exc:
        svc.add_focus_group(ctx, aid, svc.FocusGroupInput(date(2026, 12, 1), place, 5))
    assert exc.value.code == "assessment.out_of_period"
    assert "30.11.2026" in exc.value.text("kk")


def test_kobo_csv_import_is_checked_whole_and_idempotent(setup: tuple) -> None:  # type: ignore[type-arg]
    ctx, aid, _place, _other, (water, road, sport) = setup
    header = "start,group/sex,group/age,settlement,problems,_uuid\n"
    good = (f"x,2,24,Аксу,{survey_code(water)} {survey_code(sport)},u1\n"
            f"x,1,70,Аксу,{survey_code(road)},u2\n")
    bad = "x,9,24,Нигде,pnope,u3\n"
    with pytest.raises(UserError) as exc:
        import_survey_csv(ctx, aid, (header + good + bad).encode())
    text = exc.value.text("ru")
    assert "Строка 4" in text and "Нигде" in text and "pnope" in text
    with ctx.db.session() as s:
        assert s.scalar(select(SurveyResponse.id)) is None
    result = import_survey_csv(ctx, aid, (header + good).encode())
    assert (result.imported, result.skipped) == (2, 0)
    again = import_survey_csv(ctx, aid, (header + good).encode())
    assert (again.imported, again.skipped) == (0, 2)
    split = ("sex,age_band,problems/" + survey_code(road) + ",problems/" + survey_code(water)
             + ",KEY\nf,18_29,1,0,k1\n")
    assert import_survey_csv(ctx, aid, split.encode()).imported == 1
    ranked = {r.title_ru: r for r in svc.ranking(ctx, assessment_id=aid)}
    assert ranked["Плохая дорога"].total == 2 and ranked["Плохая дорога"].youth == 1
    assert ranked["Нет воды"].women == 1


def test_district_counts_and_report_section(setup: tuple) -> None:  # type: ignore[type-arg]
    ctx, _aid, _place, _other, (water, road, _sport) = setup
    cycle.take_up(ctx, water, cycle.TakeUp(Channel.APPEAL, date(2026, 10, 1), reference="1"))
    cycle.answer(ctx, water, date(2026, 10, 15), "Жауап")
    cycle.close(ctx, water, True, date(2026, 11, 1))
    cycle.take_up(ctx, road, cycle.TakeUp(Channel.APPEAL, date(2026, 10, 1), reference="2"))
    period = year_period(2026)
    [row] = district_counts(ctx, period)
    assert (row.raised, row.taken_up, row.answered, row.answered_on_time, row.overdue,
            row.resolved) == (3, 2, 1, 1, 1, 1)
    assert "ауданы" in row.name_kk
    section = problem_section(ctx, period)
    assert section is not None and section.tables[0].total is not None
    assert section.tables[0].total.values == (3, 2, 1, 1, 1, 1)
    assert problem_section(ctx, year_period(2024)) is None


def test_civicdesk_report_carries_the_problems_section(setup: tuple, tmp_path) -> None:  # type: ignore[type-arg, no-untyped-def]
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from civicdesk.services.report_export import write_report

    ctx, _aid, _place, _other, (water, _road, _sport) = setup
    cycle.take_up(ctx, water, cycle.TakeUp(Channel.APPEAL, date(2026, 10, 1), reference="1"))
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    write_report(ctx, year_period(2026), "pdf", pdf)
    text = " ".join("".join(p.extract_text() for p in PdfReader(str(pdf)).pages).split())
    assert "Мәселелер тізілімі" in text and "Реестр проблем" in text
    write_report(ctx, year_period(2026), "xlsx", xlsx)
    sheet = load_workbook(xlsx)["Problems"]
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "Жамбылский район" in " ".join(str(v) for v in values if v)

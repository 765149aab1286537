"""The demo has an assessment with focus groups and a survey, coordinates, and problems
in every state of the life cycle, with one appeal overdue."""

from __future__ import annotations

from sqlalchemy import func, select

from civicdesk.db.models import FocusGroup, Settlement, SurveyResponse
from civicdesk.domain.problems import ProblemState
from civicdesk.services import assessments
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.demo import generate_demo
from civicdesk.services.problem_map import geojson
from civicdesk.services.problems import list_problems


def test_demo_register_covers_the_life_cycle(ctx: Context) -> None:
    generate_demo(ctx, consultations=60, seed=3)
    rows = list_problems(ctx, ListQuery(limit=100)).rows
    assert {r.state for r in rows} == set(ProblemState)
    assert sum(r.overdue for r in rows) == 1
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(FocusGroup)) == 2
        assert s.scalar(select(func.count()).select_from(SurveyResponse)) == 30
        assert s.scalar(select(func.count()).select_from(Settlement).where(
            Settlement.latitude.is_not(None))) >= 3
    [a] = assessments.list_assessments(ctx)
    assert (a.focus_groups, a.responses) == (2, 30)
    ranked = assessments.ranking(ctx, assessment_id=a.id)
    assert ranked[0].rank == 1 and ranked[0].total >= ranked[-1].total
    assert all(f["geometry"] is not None for f in geojson(ctx)["features"])

"""The problems register: every life-cycle step allowed and refused, the overdue rule,
links from consultations, agenda items and grant applications, roles and audit."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from civicdesk.db.models import AuditEntry, ProblemStep
from civicdesk.domain.enums import MeetingKind
from civicdesk.domain.errors import UserError
from civicdesk.domain.problems import Channel, ProblemState
from civicdesk.domain.validation import field_errors
from civicdesk.services import problem_cycle as cycle
from civicdesk.services import problems as svc
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.grants import award, create_call
from civicdesk.services.meetings import (
    AgendaItemInput,
    MeetingInput,
    add_agenda_item,
    create_meeting,
)
from civicdesk.services.reference import add_settlement
from tests.services.test_grants import approved, call_input

TODAY = date(2026, 12, 3)


def at(ctx: Context, day: date = TODAY) -> Context:
    return dataclasses.replace(ctx, now=lambda: datetime(day.year, day.month, day.day, 10))


def codes(exc: pytest.ExceptionInfo[UserError]) -> list[str]:
    errors = field_errors(exc.value)
    for e in errors:
        assert e.text("kk").strip() and e.text("ru").strip()
        assert e.text("kk") != e.text("ru")
    return [e.code for e in errors]


def new_problem(ctx: Context, raised: date = date(2026, 9, 1), **kw: object) -> svc.ProblemView:
    place = add_settlement(ctx, "Ақсу", "Аксу")
    data: dict[str, object] = dict(title_kk="Көше жарығы жоқ", title_ru="Нет уличного света",
                                   category="roads", settlement_ids=[place.id],
                                   first_raised=raised)
    data.update(kw)
    return svc.create_problem(ctx, svc.ProblemInput(**data))  # type: ignore[arg-type]


def agenda_item(ctx: Context) -> str:
    m = create_meeting(ctx, MeetingInput(kind=MeetingKind.MEETING, held_on=date(2026, 10, 1)))
    return add_agenda_item(ctx, m.id, AgendaItemInput(title="Көше жарығы")).id


def test_create_validates_every_field_in_both_languages(ctx: Context) -> None:
    ctx = at(ctx)
    with pytest.raises(UserError) as exc:
        svc.create_problem(ctx, svc.ProblemInput(" ", "", "nope", [], date(2027, 1, 1)))
    assert sorted(codes(exc)) == ["problem.category", "problem.future", "problem.settlement",
                                  "problem.title"]


def test_appeal_step_by_step_with_audit(ctx: Context) -> None:
    ctx = at(ctx)
    p = new_problem(ctx)
    assert p.state is ProblemState.RAISED and [s.state for s in p.steps] == ["raised"]
    p = cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.APPEAL, date(2026, 11, 2),
                                              reference="№ 12-34"))
    assert p.state is ProblemState.TAKEN_UP and p.channel is Channel.APPEAL
    # 15 working days after Monday 2 November 2026 (no holiday in between)
    assert p.due_on == date(2026, 11, 23)
    appeal = p.steps[-1]
    assert appeal.record_kind == "appeal" and appeal.record_id == appeal.id
    p = cycle.answer(ctx, p.id, date(2026, 11, 20), "Жарық 2027 жылы орнатылады")
    assert p.state is ProblemState.ANSWERED and not p.overdue
    assert p.steps[-1].record_id == appeal.id
    p = cycle.close(ctx, p.id, True, date(2026, 12, 1))
    assert p.state is ProblemState.RESOLVED and p.closed_on == date(2026, 12, 1)
    with ctx.db.session() as s:
        entities = list(s.scalars(select(AuditEntry.entity).where(
            AuditEntry.entity.in_(["problem", "problem_step"]))))
    assert entities.count("problem_step") == 3 and entities.count("problem") == 4


@pytest.mark.parametrize(
    ("state", "step"),
    [
        (ProblemState.RAISED, "answer"),
        (ProblemState.RAISED, "close"),
        (ProblemState.TAKEN_UP, "take_up"),
        (ProblemState.TAKEN_UP, "close"),
        (ProblemState.ANSWERED, "take_up"),
        (ProblemState.ANSWERED, "answer"),
        (ProblemState.RESOLVED, "take_up"),
        (ProblemState.RESOLVED, "answer"),
        (ProblemState.RESOLVED, "close"),
        (ProblemState.NOT_RESOLVED, "answer"),
        (ProblemState.NOT_RESOLVED, "close"),
    ],
)
def test_refused_steps_name_both_states(ctx: Context, state: ProblemState, step: str) -> None:
    ctx = at(ctx)
    p = _in_state(ctx, state)
    day = date(2026, 12, 2)
    with pytest.raises(UserError) as exc:
        if step == "take_up":
            cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.APPEAL, day, reference="1"))
        elif step == "answer":
            cycle.answer(ctx, p.id, day, "жауап")
        else:
            cycle.close(ctx, p.id, True, day)
    assert exc.value.code == "problem.bad_step"
    assert "«" in exc.value.text("kk") and "«" in exc.value.text("ru")
    assert svc.get_problem(ctx, p.id).state is state


def _in_state(ctx: Context, state: ProblemState) -> svc.ProblemView:
    p = new_problem(ctx)
    if state is ProblemState.RAISED:
        return p
    p = cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.APPEAL, date(2026, 11, 2), reference="7"))
    if state is ProblemState.TAKEN_UP:
        return p
    p = cycle.answer(ctx, p.id, date(2026, 11, 16), "жауап")
    if state is ProblemState.ANSWERED:
        return p
    return cycle.close(ctx, p.id, state is ProblemState.RESOLVED, date(2026, 11, 20))


def test_not_resolved_is_taken_up_again_by_another_channel(ctx: Context) -> None:
    ctx = at(ctx)
    p = _in_state(ctx, ProblemState.NOT_RESOLVED)
    item = agenda_item(ctx)
    [choice] = cycle.channel_records(ctx, Channel.AGENDA_ITEM)
    assert choice.id == item and choice.label == "01.10.2026: Көше жарығы"
    assert cycle.channel_records(ctx, Channel.CAMPAIGN) == []
    p = cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.AGENDA_ITEM, date(2026, 11, 25),
                                              record_id=item))
    assert p.state is ProblemState.TAKEN_UP and p.due_on is None and p.answered_on is None
    assert p.steps[-1].record_id == item
    assert svc.problems_of_record(ctx, "agenda_item", item)[0].id == p.id


def test_take_up_needs_its_record_and_a_day_in_order(ctx: Context) -> None:
    ctx = at(ctx)
    p = new_problem(ctx, raised=date(2026, 10, 1))
    with pytest.raises(UserError) as exc:
        cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.APPEAL, date(2026, 10, 5)))
    assert codes(exc) == ["problem.reference"]
    with pytest.raises(UserError) as exc:
        cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.GRANT_APPLICATION, date(2026, 10, 5)))
    assert codes(exc) == ["problem.record"]
    with pytest.raises(UserError) as exc:
        cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.CAMPAIGN, date(2026, 10, 5),
                                              record_id="no-such-campaign"))
    assert exc.value.code == "not_found"
    with pytest.raises(UserError) as exc:
        cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.APPEAL, date(2026, 9, 30), reference="1"))
    assert codes(exc) == ["problem.step_order"]
    with pytest.raises(UserError) as exc:
        cycle.answer(ctx, p.id, date(2026, 10, 5), "x")
    assert exc.value.code == "problem.bad_step"
    assert svc.get_problem(ctx, p.id).state is ProblemState.RAISED


def test_overdue_appeal_and_its_extension(ctx: Context) -> None:
    ctx = at(ctx)
    p = new_problem(ctx, raised=date(2026, 3, 2))
    # received Friday 13 March 2026: 21-25 March (Nauryz) and weekends are not counted
    p = cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.APPEAL, date(2026, 3, 13),
                                              reference="5"))
    assert p.due_on == date(2026, 4, 8)
    assert p.overdue
    overdue = svc.list_problems(ctx, ListQuery(filters={"overdue": True}))
    assert [r.id for r in overdue.rows] == [p.id] and overdue.rows[0].overdue
    with pytest.raises(UserError) as exc:
        cycle.extend_term(ctx, p.id, date(2026, 5, 14))
    assert codes(exc) == ["problem.extend_range"]
    assert "13.05.2026" in exc.value.text("ru")
    p = cycle.extend_term(ctx, p.id, date(2026, 5, 13))
    assert p.due_on == date(2026, 5, 13) and p.steps[-1].extended_to == date(2026, 5, 13)
    p = cycle.answer(ctx, p.id, date(2026, 5, 12), "жауап")
    assert not p.overdue
    late = new_problem(ctx)
    late = cycle.take_up(ctx, late.id, cycle.TakeUp(Channel.APPEAL, date(2026, 11, 2),
                                                    reference="6"))
    late = cycle.answer(ctx, late.id, date(2026, 11, 24), "кеш жауап")
    assert late.overdue and late.due_on == date(2026, 11, 23)


def test_extension_only_for_an_appeal(ctx: Context) -> None:
    ctx = at(ctx)
    p = new_problem(ctx)
    with pytest.raises(UserError) as exc:
        cycle.extend_term(ctx, p.id, date(2026, 10, 1))
    assert exc.value.code == "problem.extend_not_appeal"


def test_grant_application_carries_a_step_and_links_in_one_call(ctx: Context) -> None:
    ctx = at(ctx)
    call = create_call(ctx, call_input(ctx))
    app_id = approved(ctx, call.id)
    p = new_problem(ctx)
    p = svc.link_record(ctx, p.id, "grant_application", app_id)
    assert [(x.kind, x.record_id) for x in p.links] == [("grant_application", app_id)]
    with pytest.raises(UserError) as exc:
        svc.link_record(ctx, p.id, "grant_application", app_id)
    assert exc.value.code == "problem.linked"
    with pytest.raises(UserError) as exc:
        svc.link_record(ctx, p.id, "resident", app_id)
    assert exc.value.code == "problem.link_kind"
    p = cycle.take_up(ctx, p.id, cycle.TakeUp(Channel.GRANT_APPLICATION, date(2026, 11, 1),
                                              record_id=app_id))
    award(ctx, app_id, Decimal(500_000), TODAY)
    p = cycle.answer(ctx, p.id, TODAY, "Грант берілді")
    assert p.steps[-1].record_id == app_id and not p.overdue


def test_other_center_and_head_office_cannot_change_it(
    ctx: Context, other_center_ctx: Context
) -> None:
    ctx = at(ctx)
    p = new_problem(ctx)
    with pytest.raises(UserError) as exc:
        cycle.take_up(at(other_center_ctx), p.id,
                      cycle.TakeUp(Channel.APPEAL, date(2026, 11, 2), reference="1"))
    assert exc.value.code == "not_found"
    from civicdesk.domain.enums import Role
    from civicdesk.services.base import Actor

    ho = ctx.with_actor(Actor("ho", "Бас кеңсе", Role.HEAD_OFFICE, "head-office"))
    assert svc.get_problem(ho, p.id).title_kk == "Көше жарығы жоқ"
    with pytest.raises(UserError) as exc:
        cycle.answer(ho, p.id, TODAY, "x")
    assert exc.value.code == "problem.not_owner"
    with pytest.raises(UserError):
        svc.link_record(ho, p.id, "agenda_item", agenda_item(ctx))


def test_list_filters_sorts_and_pages_in_sql(ctx: Context, consultant_ctx: Context) -> None:
    ctx, consultant = at(ctx), at(consultant_ctx)
    made = [new_problem(consultant, raised=date(2026, 1, d), category=cat)
            for d, cat in ((3, "water"), (1, "roads"), (2, "water"))]
    page = svc.list_problems(ctx, ListQuery(limit=2, sort="first_raised"))
    assert page.total == 3 and [r.first_raised.day for r in page.rows] == [1, 2]
    water = svc.list_problems(ctx, ListQuery(filters={"category": "water"},
                                             sort="first_raised", descending=True))
    assert [r.id for r in water.rows] == [made[0].id, made[2].id]
    assert svc.list_problems(ctx, ListQuery(search="жарығы")).total == 3
    assert svc.list_problems(ctx, ListQuery(filters={"state": "answered"})).total == 0
    with ctx.db.session() as s:
        assert s.scalar(select(ProblemStep.id).limit(1)) is not None

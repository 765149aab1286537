"""A problem's life cycle: taken up, answered, resolved or not; every step audited and
linked to the record that carried it.

An appeal to the akim is its own record (the step keeps its outgoing number and the
day it was received); its answer is due in 15 working days, or on the day the akimat
extended the term to (at most two months after receipt): ``domain.workdays``. An
agenda item, a grant application or a campaign must exist in the center's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from civicdesk.db.models import AgendaItem, Campaign, GrantApplication, Problem, ProblemStep
from civicdesk.domain.errors import Message, UserError, ValidationError
from civicdesk.domain.problems import Channel, ProblemState, check_transition
from civicdesk.domain.workdays import answer_due, latest_extension
from civicdesk.services.base import (
    Context,
    get_live,
    record_change,
    snapshot,
    stamp_new,
    stamp_update,
)
from civicdesk.services.problems import FUTURE, ProblemView, _view, owned_problem

CHANNEL_RECORDS: dict[Channel, type[Any]] = {
    Channel.AGENDA_ITEM: AgendaItem,
    Channel.GRANT_APPLICATION: GrantApplication,
    Channel.CAMPAIGN: Campaign,
}

NEEDS_RECORD = Message(
    kk="Мәселені қолға алған жазбаны таңдаңыз (күн тәртібі мәселесі, грант өтінімі "
    "немесе науқан).",
    ru="Выберите запись, которой проблема взята в работу (вопрос повестки, грантовая "
    "заявка или кампания).",
)
NEEDS_REFERENCE = Message(
    kk="Әкімге жолданған өтініштің шығыс нөмірін жазыңыз.",
    ru="Укажите исходящий номер обращения к акиму.",
)
BEFORE_STEP = Message(
    kk="Бұл қадамның күні алдыңғы қадамнан ({previous}) ерте болмауы керек.",
    ru="Дата этого шага не может быть раньше предыдущего ({previous}).",
)
EXTEND_NOT_APPEAL = Message(
    kk="Мерзімді тек әкімге жолданған өтініш бойынша ұзартуға болады.",
    ru="Продлить срок можно только по обращению к акиму.",
)
EXTEND_RANGE = Message(
    kk="Ұзартылған мерзім {earliest} мен {latest} аралығында болуы керек "
    "(ӘРПК 76-бабы, 2-тармақ: түскен күннен бастап екі айдан аспайды).",
    ru="Продлённый срок должен быть с {earliest} по {latest} "
    "(АППК, статья 76, пункт 2: не более двух месяцев со дня поступления).",
)
NOTE_REQUIRED = Message(
    kk="Жауаптың немесе шешімнің мазмұнын жазыңыз.",
    ru="Укажите содержание ответа или решения.",
)


@dataclass(frozen=True)
class TakeUp:
    channel: Channel
    on: date
    record_id: str | None = None  # agenda item, grant application or campaign
    reference: str = ""  # an appeal's outgoing number
    note: str = ""


def _last_step_day(row: Problem) -> date:
    return max(d for d in (row.first_raised, row.taken_up_on, row.answered_on,
                           row.closed_on) if d is not None)


def _check_day(ctx: Context, row: Problem, on: date) -> None:
    if on > ctx.today():
        raise ValidationError("problem.future", FUTURE, field="on")
    previous = _last_step_day(row)
    if on < previous:
        raise ValidationError("problem.step_order", BEFORE_STEP, field="on",
                              previous=previous.strftime("%d.%m.%Y"))


def _step(ctx: Context, s: Session, row: Problem, state: ProblemState, on: date,
          **values: Any) -> ProblemStep:
    step = ProblemStep(problem_id=row.id, state=state.value, on=on,
                       reference=values.pop("reference", ""), note=values.pop("note", ""),
                       **values)
    stamp_new(ctx, step)
    s.add(step)
    s.flush()
    record_change(ctx, s, "problem_step", step, None)
    return step


def take_up(ctx: Context, problem_id: str, data: TakeUp) -> ProblemView:
    """raised (or not resolved) → taken up, by an appeal, an agenda item, a grant
    application or a campaign."""
    with ctx.db.session() as s:
        row = owned_problem(ctx, s, problem_id)
        check_transition(ProblemState(row.state), ProblemState.TAKEN_UP)
        _check_day(ctx, row, data.on)
        before = snapshot(row)
        due: date | None = None
        record_kind: str | None = data.channel.value
        record_id = data.record_id
        reference = data.reference.strip()
        if data.channel is Channel.APPEAL:
            if not reference:
                raise ValidationError("problem.reference", NEEDS_REFERENCE,
                                      field="reference")
            due = answer_due(data.on)
            record_id = None
        else:
            if not record_id:
                raise ValidationError("problem.record", NEEDS_RECORD, field="record")
            get_live(s, CHANNEL_RECORDS[data.channel], record_id, ctx)
        step = _step(ctx, s, row, ProblemState.TAKEN_UP, data.on, channel=data.channel.value,
                     record_kind=record_kind, record_id=record_id, reference=reference,
                     due_on=due, note=data.note.strip())
        if data.channel is Channel.APPEAL:
            step.record_id = step.id  # the appeal is recorded by the step itself
        row.state = ProblemState.TAKEN_UP.value
        row.channel = data.channel.value
        row.taken_up_on, row.due_on = data.on, due
        row.answered_on = row.closed_on = None
        stamp_update(ctx, row)
        record_change(ctx, s, "problem", row, before)
        s.flush()
        return _view(ctx, s, row)


def _current_take_up(s: Session, row: Problem) -> ProblemStep | None:
    from sqlalchemy import select

    return s.scalars(
        select(ProblemStep).where(ProblemStep.problem_id == row.id,
                                  ProblemStep.state == ProblemState.TAKEN_UP.value,
                                  ProblemStep.deleted.is_(False))
        .order_by(ProblemStep.on.desc(), ProblemStep.created_at.desc()).limit(1)
    ).first()


def extend_term(ctx: Context, problem_id: str, extended_to: date) -> ProblemView:
    """The akimat extended the answer term of the appeal (art. 76 para. 2)."""
    with ctx.db.session() as s:
        row = owned_problem(ctx, s, problem_id)
        step = _current_take_up(s, row)
        if (row.state != ProblemState.TAKEN_UP.value or row.channel != Channel.APPEAL.value
                or step is None or row.taken_up_on is None):
            raise UserError("problem.extend_not_appeal", EXTEND_NOT_APPEAL)
        earliest = answer_due(row.taken_up_on)
        latest = latest_extension(row.taken_up_on)
        if not earliest <= extended_to <= latest:
            raise ValidationError("problem.extend_range", EXTEND_RANGE, field="extended_to",
                                  earliest=earliest.strftime("%d.%m.%Y"),
                                  latest=latest.strftime("%d.%m.%Y"))
        before_step, before = snapshot(step), snapshot(row)
        step.extended_to = extended_to
        step.due_on = answer_due(row.taken_up_on, extended_to)
        stamp_update(ctx, step)
        record_change(ctx, s, "problem_step", step, before_step)
        row.due_on = step.due_on
        stamp_update(ctx, row)
        record_change(ctx, s, "problem", row, before)
        s.flush()
        return _view(ctx, s, row)


def answer(ctx: Context, problem_id: str, on: date, note: str,
           record_id: str | None = None) -> ProblemView:
    """taken up → answered: the akim's answer or the decision, with its date. The
    record is the one that took the problem up unless another is named."""
    with ctx.db.session() as s:
        row = owned_problem(ctx, s, problem_id)
        check_transition(ProblemState(row.state), ProblemState.ANSWERED)
        _check_day(ctx, row, on)
        if not note.strip():
            raise ValidationError("problem.note", NOTE_REQUIRED, field="note")
        taken = _current_take_up(s, row)
        before = snapshot(row)
        _step(ctx, s, row, ProblemState.ANSWERED, on, channel=row.channel,
              record_kind=row.channel,
              record_id=record_id or (taken.record_id if taken else None),
              reference="", due_on=row.due_on, note=note.strip())
        row.state = ProblemState.ANSWERED.value
        row.answered_on = on
        stamp_update(ctx, row)
        record_change(ctx, s, "problem", row, before)
        s.flush()
        return _view(ctx, s, row)


def close(ctx: Context, problem_id: str, resolved: bool, on: date,
          note: str = "") -> ProblemView:
    """answered → resolved or not resolved."""
    target = ProblemState.RESOLVED if resolved else ProblemState.NOT_RESOLVED
    with ctx.db.session() as s:
        row = owned_problem(ctx, s, problem_id)
        check_transition(ProblemState(row.state), target)
        _check_day(ctx, row, on)
        before = snapshot(row)
        _step(ctx, s, row, target, on, channel=row.channel, record_kind=None,
              record_id=None, reference="", note=note.strip())
        row.state = target.value
        row.closed_on = on
        stamp_update(ctx, row)
        record_change(ctx, s, "problem", row, before)
        s.flush()
        return _view(ctx, s, row)


@dataclass(frozen=True)
class RecordChoice:
    id: str
    label: str


def channel_records(ctx: Context, channel: Channel, limit: int = 200) -> list[RecordChoice]:
    """The center's latest records a problem may be taken up by, for a choice list."""
    from sqlalchemy import select

    from civicdesk.db.models import Meeting
    from civicdesk.services.base import scoped

    stmt: Any  # a select of 3 or 4 columns
    if channel is Channel.AGENDA_ITEM:
        stmt = select(AgendaItem.id, AgendaItem.title, Meeting.held_on)
        stmt = (scoped(ctx, stmt, AgendaItem)
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .order_by(Meeting.held_on.desc(), AgendaItem.position))
    elif channel is Channel.GRANT_APPLICATION:
        stmt = select(GrantApplication.id, GrantApplication.title,
                      GrantApplication.applicant_name)
        stmt = scoped(ctx, stmt, GrantApplication).order_by(GrantApplication.created_at.desc())
    elif channel is Channel.CAMPAIGN:
        stmt = select(Campaign.id, Campaign.title_kk, Campaign.title_ru, Campaign.starts_on)
        stmt = scoped(ctx, stmt, Campaign).order_by(Campaign.starts_on.desc())
    else:
        return []
    with ctx.db.session() as s:
        rows = [tuple(r) for r in s.execute(stmt.limit(limit))]
    kk = ctx.actor.lang == "kk"
    if channel is Channel.AGENDA_ITEM:
        return [RecordChoice(r[0], f"{r[2]:%d.%m.%Y}: {r[1]}") for r in rows]
    if channel is Channel.GRANT_APPLICATION:
        return [RecordChoice(r[0], f"{r[1]} ({r[2]})") for r in rows]
    return [RecordChoice(r[0], f"{r[3]:%d.%m.%Y}: {r[1] if kk else r[2]}") for r in rows]

"""The problems register: problems raised in a center's settlements, their sources and
the list (paged, sorted and filtered in SQL). The life cycle is in ``problem_cycle``;
needs assessments (focus groups, surveys, ranking) in ``assessments``.

A problem belongs to the center that registered it; head office reads every center's
problems but changes none of them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    AgendaItem,
    Consultation,
    GrantApplication,
    Problem,
    ProblemLink,
    ProblemMention,
    ProblemStep,
    Settlement,
)
from civicdesk.domain.errors import Lang, Message, UserError
from civicdesk.domain.problems import Channel, ProblemState, SourceKind
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.domain.workdays import is_overdue
from civicdesk.paths import resources_dir
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    audit,
    get_live,
    paged,
    record_change,
    scoped,
    snapshot,
    stamp_new,
    stamp_update,
)

TITLE = Message(
    kk="Мәселенің атауын қазақша және орысша жазыңыз.",
    ru="Укажите название проблемы на казахском и русском языках.",
)
CATEGORY = Message(kk="Санатты тізімнен таңдаңыз.", ru="Выберите категорию из списка.")
NO_SETTLEMENT = Message(
    kk="Мәселе көтерілген елді мекенді таңдаңыз.",
    ru="Выберите населённый пункт, где поднята проблема.",
)
FUTURE = Message(
    kk="Күн бүгіннен кейін болмауы керек.", ru="Дата не может быть позже сегодняшней."
)
NOT_OWNER = Message(
    kk="Бұл мәселені тек оны тіркеген орталық өзгерте алады.",
    ru="Изменять эту проблему может только центр, который её зарегистрировал.",
)
LINK_KIND = Message(
    kk="Мәселеге тек консультацияны, күн тәртібі мәселесін немесе грант өтінімін "
    "байланыстыруға болады.",
    ru="К проблеме можно привязать только консультацию, вопрос повестки или "
    "грантовую заявку.",
)
LINKED = Message(
    kk="Бұл жазба осы мәселеге бұрыннан байланыстырылған.",
    ru="Эта запись уже привязана к этой проблеме.",
)

LINKABLE: dict[str, type[Any]] = {
    SourceKind.CONSULTATION.value: Consultation,
    SourceKind.AGENDA_ITEM.value: AgendaItem,
    SourceKind.GRANT_APPLICATION.value: GrantApplication,
}


@dataclass(frozen=True)
class Category:
    code: str
    kk: str
    ru: str

    def name(self, lang: Lang) -> str:
        return self.kk if lang == "kk" else self.ru


@lru_cache(maxsize=1)
def categories() -> tuple[Category, ...]:
    """The shipped list (resources/reference/problem_categories.json), in its order."""
    path = resources_dir() / "reference" / "problem_categories.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    rows.sort(key=lambda r: int(r.get("order", 0)))
    return tuple(Category(r["code"], r["kk"], r["ru"]) for r in rows)


def category_name(code: str, lang: Lang) -> str:
    for c in categories():
        if c.code == code:
            return c.name(lang)
    return code


@dataclass(frozen=True)
class ProblemInput:
    title_kk: str
    title_ru: str
    category: str
    settlement_ids: Sequence[str]
    first_raised: date
    district_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class ProblemRow:
    id: str
    title_kk: str
    title_ru: str
    category: str
    settlement_kk: str
    settlement_ru: str
    first_raised: date
    state: ProblemState
    channel: Channel | None
    due_on: date | None
    answered_on: date | None
    raised_count: int
    overdue: bool


@dataclass(frozen=True)
class StepView:
    id: str
    state: ProblemState
    on: date
    channel: Channel | None
    record_kind: str | None
    record_id: str | None
    reference: str
    due_on: date | None
    extended_to: date | None
    note: str


@dataclass(frozen=True)
class LinkView:
    id: str
    kind: str
    record_id: str
    linked_on: date


@dataclass(frozen=True)
class ProblemView:
    id: str
    center_id: str
    title_kk: str
    title_ru: str
    category: str
    district_id: str | None
    settlement_ids: tuple[str, ...]
    first_raised: date
    state: ProblemState
    channel: Channel | None
    taken_up_on: date | None
    due_on: date | None
    answered_on: date | None
    closed_on: date | None
    raised_count: int
    notes: str
    overdue: bool
    steps: tuple[StepView, ...]
    links: tuple[LinkView, ...]


def overdue_sql(today: date) -> Any:
    """The overdue rule in SQL (domain.workdays.is_overdue on the stored due day)."""
    return and_(
        Problem.due_on.is_not(None),
        or_(and_(Problem.answered_on.is_(None), Problem.due_on < today),
            Problem.answered_on > Problem.due_on),
    )


def is_overdue_row(row: Problem, today: date) -> bool:
    return is_overdue(row.due_on, row.answered_on, today)


def require_owner(ctx: Context, row: Problem) -> None:
    if row.center_id != ctx.actor.center_id:
        raise UserError("problem.not_owner", NOT_OWNER)


def owned_problem(ctx: Context, s: Session, problem_id: str) -> Problem:
    row = get_live(s, Problem, problem_id, ctx)
    require_owner(ctx, row)
    return row


def _apply(ctx: Context, s: Session, row: Problem, data: ProblemInput) -> None:
    c = Collector()
    kk, ru = normalize_kk(data.title_kk.strip()), data.title_ru.strip()
    if not kk or not ru:
        c.add("problem.title", TITLE, field="title")
    if data.category not in {x.code for x in categories()}:
        c.add("problem.category", CATEGORY, field="category")
    ids = list(dict.fromkeys(x for x in data.settlement_ids if x))
    if not ids:
        c.add("problem.settlement", NO_SETTLEMENT, field="settlements")
    if data.first_raised > ctx.today():
        c.add("problem.future", FUTURE, field="first_raised")
    places = [c.attempt(partial(get_live, s, Settlement, sid, ctx)) for sid in ids]
    c.raise_if_any()
    row.title_kk, row.title_ru, row.category = kk, ru, data.category
    row.settlement_ids = ids
    row.settlement_id = ids[0]
    first = places[0]
    row.district_id = data.district_id or (first.district_id if first else None)
    row.first_raised = data.first_raised
    row.notes = (data.notes or "").strip()


def create_problem(ctx: Context, data: ProblemInput) -> ProblemView:
    """A problem raised; its first step ("raised") is recorded with it."""
    with ctx.db.session() as s:
        row = Problem(state=ProblemState.RAISED.value, raised_count=0, settlement_ids=[])
        _apply(ctx, s, row, data)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "problem", row, None)
        step = ProblemStep(problem_id=row.id, state=ProblemState.RAISED.value,
                           on=data.first_raised, reference="", note="")
        stamp_new(ctx, step)
        s.add(step)
        s.flush()
        return _view(ctx, s, row)


def update_problem(ctx: Context, problem_id: str, data: ProblemInput) -> ProblemView:
    with ctx.db.session() as s:
        row = owned_problem(ctx, s, problem_id)
        before = snapshot(row)
        _apply(ctx, s, row, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "problem", row, before)
        s.flush()
        return _view(ctx, s, row)


def get_problem(ctx: Context, problem_id: str) -> ProblemView:
    with ctx.db.session() as s:
        return _view(ctx, s, get_live(s, Problem, problem_id, ctx))


def _view(ctx: Context, s: Session, row: Problem) -> ProblemView:
    steps = s.scalars(
        select(ProblemStep).where(ProblemStep.problem_id == row.id,
                                  ProblemStep.deleted.is_(False))
        .order_by(ProblemStep.on, ProblemStep.created_at)
    ).all()
    links = s.scalars(
        select(ProblemLink).where(ProblemLink.problem_id == row.id,
                                  ProblemLink.deleted.is_(False))
        .order_by(ProblemLink.linked_on)
    ).all()
    return ProblemView(
        row.id, row.center_id, row.title_kk, row.title_ru, row.category, row.district_id,
        tuple(row.settlement_ids or ()), row.first_raised, ProblemState(row.state),
        Channel(row.channel) if row.channel else None, row.taken_up_on, row.due_on,
        row.answered_on, row.closed_on, row.raised_count, row.notes,
        is_overdue_row(row, ctx.today()),
        tuple(StepView(x.id, ProblemState(x.state), x.on,
                       Channel(x.channel) if x.channel else None, x.record_kind,
                       x.record_id, x.reference, x.due_on, x.extended_to, x.note)
              for x in steps),
        tuple(LinkView(x.id, x.kind, x.record_id, x.linked_on) for x in links),
    )


# --------------------------------------------------------------------------- list

SORTS: dict[str, Any] = {
    "first_raised": Problem.first_raised,
    "raised_count": Problem.raised_count,
    "state": Problem.state,
    "due_on": Problem.due_on,
    "category": Problem.category,
}


def _list_stmt(ctx: Context, query: ListQuery) -> Select[Any]:
    stmt = scoped(ctx, select(Problem.id), Problem)
    f = query.filters
    if f.get("state"):
        stmt = stmt.where(Problem.state == str(f["state"]))
    if f.get("category"):
        stmt = stmt.where(Problem.category == str(f["category"]))
    if f.get("settlement_id"):
        stmt = stmt.where(Problem.settlement_id == str(f["settlement_id"]))
    if f.get("district_id"):
        stmt = stmt.where(Problem.district_id == str(f["district_id"]))
    if f.get("overdue"):
        stmt = stmt.where(overdue_sql(ctx.today()))
    text = query.search.strip()
    if text:
        like = f"%{text}%"
        stmt = stmt.where(or_(Problem.title_kk.like(like), Problem.title_ru.like(like)))
    return stmt


def list_problems(ctx: Context, query: ListQuery) -> Page[ProblemRow]:
    """The register's page: ids chosen in SQL with the sort's index, then the rows."""
    q = query.clamp()
    with ctx.db.session() as s:
        stmt = apply_sort(_list_stmt(ctx, q), q, SORTS, "first_raised", Problem.id)
        ids_rows, total = paged(s, stmt, q)
        ids = [r[0] for r in ids_rows]
        return Page(_rows(ctx, s, ids), total, q.offset, q.limit)


def _rows(ctx: Context, s: Session, ids: list[str]) -> list[ProblemRow]:
    if not ids:
        return []
    cols = (Problem.id, Problem.title_kk, Problem.title_ru, Problem.category,
            Settlement.name_kk, Settlement.name_ru, Problem.first_raised, Problem.state,
            Problem.channel, Problem.due_on, Problem.answered_on, Problem.raised_count)
    rows = s.execute(
        select(*cols).outerjoin(Settlement, Settlement.id == Problem.settlement_id)
        .where(Problem.id.in_(ids))
    ).all()
    by_id = {r[0]: r for r in rows}
    today = ctx.today()
    out = []
    for pid in ids:
        (_i, kk, ru, cat, place_kk, place_ru, first, state, channel, due, answered,
         raised) = by_id[pid]
        out.append(ProblemRow(
            pid, kk, ru, cat, place_kk or "", place_ru or "", first, ProblemState(state),
            Channel(channel) if channel else None, due, answered, raised,
            is_overdue(due, answered, today)))
    return out


# --------------------------------------------------------------------------- links


def link_record(ctx: Context, problem_id: str, kind: str, record_id: str) -> ProblemView:
    """Note that a consultation, an agenda item or a grant application raised the
    problem (the "Link to problem" action of those pages)."""
    model = LINKABLE.get(kind)
    if model is None:
        raise UserError("problem.link_kind", LINK_KIND, field="kind")
    with ctx.db.session() as s:
        row = owned_problem(ctx, s, problem_id)
        get_live(s, model, record_id, ctx)
        exists = s.scalar(select(func.count()).select_from(ProblemLink).where(
            ProblemLink.problem_id == row.id, ProblemLink.kind == kind,
            ProblemLink.record_id == record_id, ProblemLink.deleted.is_(False)))
        if exists:
            raise UserError("problem.linked", LINKED)
        link = ProblemLink(problem_id=row.id, kind=kind, record_id=record_id,
                           linked_on=ctx.today())
        stamp_new(ctx, link)
        s.add(link)
        s.flush()
        audit(ctx, s, "link", "problem", row.id, None,
              {"kind": kind, "record_id": record_id})
        return _view(ctx, s, row)


def problems_of_record(ctx: Context, kind: str, record_id: str) -> list[ProblemRow]:
    """The problems a record was linked to or carried a step of."""
    with ctx.db.session() as s:
        linked = select(ProblemLink.problem_id).where(
            ProblemLink.kind == kind, ProblemLink.record_id == record_id,
            ProblemLink.deleted.is_(False))
        stepped = select(ProblemStep.problem_id).where(
            ProblemStep.record_kind == kind, ProblemStep.record_id == record_id,
            ProblemStep.deleted.is_(False))
        ids = [r[0] for r in s.execute(
            scoped(ctx, select(Problem.id), Problem)
            .where(or_(Problem.id.in_(linked), Problem.id.in_(stepped)))
            .order_by(Problem.first_raised)).all()]
        return _rows(ctx, s, ids)


def refresh_raised_count(s: Session, problem_id: str) -> None:
    """Keep ``problems.raised_count`` equal to the sum of its live mentions."""
    row = s.get(Problem, problem_id)
    if row is None:
        return
    total = s.scalar(select(func.coalesce(func.sum(ProblemMention.count), 0)).where(
        ProblemMention.problem_id == problem_id, ProblemMention.deleted.is_(False)))
    row.raised_count = int(total or 0)

"""One-day seminars: the event, its participants, attendance and test scores."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.collation import kk_order
from civicdesk.db.models import Resident, Seminar, SeminarParticipant, SeminarSeries, Settlement
from civicdesk.domain.enums import AgeGroup, Sex
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    get_live,
    paged,
    record_change,
    scoped,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)
from civicdesk.services.permissions import authorize

__all__ = [
    "AUDIENCES",
    "SEMINAR_TOPICS",
    "ParticipantInput",
    "ParticipantView",
    "SeminarFilters",
    "SeminarInput",
    "SeminarRow",
    "SeminarSummary",
    "SeminarView",
    "add_participant",
    "create_seminar",
    "delete_seminar",
    "get_seminar",
    "list_seminars",
    "remove_participant",
    "seminar_summary",
    "update_participant",
    "update_seminar",
]

# Suggested topics (the field is free text up to 40 characters).
SEMINAR_TOPICS: dict[str, Message] = {
    "digital_literacy": Message(kk="Цифрлық сауаттылық", ru="Цифровая грамотность"),
    "financial_literacy": Message(kk="Қаржылық сауаттылық", ru="Финансовая грамотность"),
    "participatory_budget": Message(kk="Бюджетке қатысу", ru="Бюджет участия"),
    "local_self_government": Message(
        kk="Жергілікті өзін-өзі басқару", ru="Местное самоуправление"
    ),
}

MAX_SCORE = 100
MAX_HOURS = 24
#: who a seminar is for: residents, or local officials (akims' staff, maslikhat deputies)
AUDIENCES: tuple[str, ...] = ("residents", "officials")
AUDIENCE = Message(kk="Семинар кімге арналғанын тізімнен таңдаңыз.",
                   ru="Выберите из списка, для кого семинар.")
SEX = Message(kk="Жынысы белгісіз: {value}.", ru="Неизвестный пол: {value}.")
AGE_GROUP = Message(kk="Жас тобы белгісіз: {value}.", ru="Неизвестная возрастная группа: {value}.")
# Seminars are planned ahead; a date this far in the future is a typing slip.
MAX_AHEAD = timedelta(days=366)

TITLE_REQUIRED = Message(kk="Семинардың атауын жазыңыз.", ru="Укажите название семинара.")
TOO_LONG = Message(
    kk="Мәтін тым ұзын ({max} таңбадан аспауы керек).",
    ru="Текст слишком длинный (не более {max} символов).",
)
HOURS = Message(
    kk="Сағат саны 0-ден {max}-ға дейін болуы керек.",
    ru="Число часов должно быть от 0 до {max}.",
)
DATE_FAR = Message(
    kk="Семинар күні тым алыс болашақта: күнді тексеріңіз.",
    ru="Дата семинара слишком далеко в будущем: проверьте дату.",
)
NAME_REQUIRED = Message(
    kk="Қатысушының аты-жөнін жазыңыз немесе тұрғынды таңдаңыз.",
    ru="Укажите ФИО участника или выберите жителя.",
)
SCORE_RANGE = Message(
    kk="Тест нәтижесі 0-ден {max}-ға дейін болуы керек.",
    ru="Результат теста должен быть от 0 до {max}.",
)
SCORE_ABSENT = Message(
    kk="Келмеген қатысушыға тест нәтижесін қоюға болмайды.",
    ru="Нельзя ставить результат теста участнику, который не пришёл.",
)
DUPLICATE = Message(
    kk="Бұл тұрғын семинар тізімінде бар.",
    ru="Этот житель уже есть в списке семинара.",
)
NOT_OWNER = Message(
    kk="Бұл семинарды тек оны өткізген орталық өзгерте алады.",
    ru="Изменять этот семинар может только центр, который его провёл.",
)


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class SeminarInput:
    title: str
    held_on: date
    topic: str = ""
    place: str = ""
    settlement_id: str | None = None
    trainer: str = ""
    hours: int = 0
    series_id: str | None = None
    audience: str = "residents"


@dataclass(frozen=True)
class ParticipantInput:
    full_name: str = ""
    resident_id: str | None = None
    attended: bool = True
    pre_score: int | None = None
    post_score: int | None = None
    # None: not stated (a linked resident's record is used instead in the statistics)
    sex: str | None = None
    age_group: str | None = None
    youth: bool | None = None  # 14-35 years old
    disability: bool | None = None


@dataclass(frozen=True)
class ParticipantView:
    id: str
    full_name: str
    resident_id: str | None
    attended: bool
    pre_score: int | None
    post_score: int | None
    sex: str | None = None
    age_group: str | None = None
    youth: bool | None = None
    disability: bool | None = None


@dataclass(frozen=True)
class SeminarSummary:
    count: int
    attended: int
    mean_pre: Decimal | None  # over attendees with a score, 1 decimal place
    mean_post: Decimal | None
    mean_gain: Decimal | None  # over attendees with both scores


@dataclass(frozen=True)
class SeminarView:
    id: str
    center_id: str
    title: str
    topic: str
    held_on: date
    place: str
    settlement_id: str | None
    settlement_kk: str | None
    settlement_ru: str | None
    trainer: str
    hours: int
    participants: list[ParticipantView]
    summary: SeminarSummary
    rev: int
    series_id: str | None = None
    audience: str = "residents"


@dataclass(frozen=True)
class SeminarRow:
    id: str
    title: str
    topic: str
    held_on: date
    place: str
    settlement_kk: str | None
    settlement_ru: str | None
    trainer: str
    participants: int
    attended: int


@dataclass(frozen=True)
class SeminarFilters:
    topic: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    settlement_id: str | None = None


# --------------------------------------------------------------------------- helpers


def _owner(ctx: Context, row: Seminar) -> None:
    if row.center_id != ctx.actor.center_id:
        raise UserError("access.denied", NOT_OWNER)


def _apply(ctx: Context, s: Session, row: Seminar, data: SeminarInput) -> None:
    c = Collector()
    title = normalize_kk(data.title or "")
    topic = (data.topic or "").strip()
    place, trainer = normalize_kk(data.place or ""), normalize_kk(data.trainer or "")
    if not title:
        c.add("seminar.title_required", TITLE_REQUIRED, field="title")
    for name, value, limit in (("title", title, 300), ("topic", topic, 40),
                               ("place", place, 300), ("trainer", trainer, 200)):
        if len(value) > limit:
            c.add("seminar.too_long", TOO_LONG, field=name, max=limit)
    if isinstance(data.hours, bool) or not 0 <= data.hours <= MAX_HOURS:
        c.add("seminar.hours", HOURS, field="hours", max=MAX_HOURS)
    if data.held_on > ctx.today() + MAX_AHEAD:
        c.add("seminar.date_far", DATE_FAR, field="held_on")
    if data.settlement_id:
        c.attempt(partial(get_live, s, Settlement, data.settlement_id))
    if data.series_id:
        c.attempt(partial(get_live, s, SeminarSeries, data.series_id, ctx))
    if data.audience not in AUDIENCES:
        c.add("seminar.audience", AUDIENCE, field="audience")
    c.raise_if_any()
    row.series_id = data.series_id or None
    row.audience = data.audience
    row.title, row.topic, row.place, row.trainer = title, topic, place, trainer
    row.held_on = data.held_on
    row.settlement_id = data.settlement_id or None
    row.hours = data.hours


def _live(row: Seminar) -> list[SeminarParticipant]:
    return sorted(
        (p for p in row.participants if not p.deleted), key=lambda p: (p.created_at, p.id)
    )


def _pview(p: SeminarParticipant) -> ParticipantView:
    return ParticipantView(p.id, p.full_name, p.resident_id, p.attended, p.pre_score,
                           p.post_score, p.sex, p.age_group, p.youth, p.disability)


def _mean(value: Any) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _summary(s: Session, seminar_id: str) -> SeminarSummary:
    p = SeminarParticipant
    came = p.attended.is_(True)
    both = came & p.pre_score.is_not(None) & p.post_score.is_not(None)
    r = s.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((came, 1), else_=0)), 0),
            func.avg(case((came, p.pre_score))),
            func.avg(case((came, p.post_score))),
            func.avg(case((both, p.post_score - p.pre_score))),
        ).where(p.seminar_id == seminar_id, p.deleted.is_(False))
    ).one()
    return SeminarSummary(int(r[0]), int(r[1]), _mean(r[2]), _mean(r[3]), _mean(r[4]))


def _view(s: Session, row: Seminar) -> SeminarView:
    settlement = s.get(Settlement, row.settlement_id) if row.settlement_id else None
    return SeminarView(
        id=row.id,
        center_id=row.center_id,
        title=row.title,
        topic=row.topic,
        held_on=row.held_on,
        place=row.place,
        settlement_id=row.settlement_id,
        settlement_kk=settlement.name_kk if settlement else None,
        settlement_ru=settlement.name_ru if settlement else None,
        trainer=row.trainer,
        hours=row.hours,
        participants=[_pview(p) for p in _live(row)],
        summary=_summary(s, row.id),
        rev=row.rev,
        series_id=row.series_id,
        audience=row.audience,
    )


# --------------------------------------------------------------------------- seminars


def create_seminar(ctx: Context, data: SeminarInput) -> SeminarView:
    with ctx.db.session() as s:
        row = Seminar()
        _apply(ctx, s, row, data)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "seminar", row, None)
        return _view(s, row)


def update_seminar(ctx: Context, seminar_id: str, data: SeminarInput) -> SeminarView:
    with ctx.db.session() as s:
        row = get_live(s, Seminar, seminar_id, ctx)
        _owner(ctx, row)
        before = snapshot(row)
        _apply(ctx, s, row, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "seminar", row, before)
        return _view(s, row)


def get_seminar(ctx: Context, seminar_id: str) -> SeminarView:
    with ctx.db.session() as s:
        return _view(s, get_live(s, Seminar, seminar_id, ctx))


def delete_seminar(ctx: Context, seminar_id: str) -> None:
    """Soft delete the seminar and its participant list."""
    authorize(ctx.actor, "seminar.delete")
    with ctx.db.session() as s:
        row = get_live(s, Seminar, seminar_id, ctx)
        _owner(ctx, row)
        soft_delete(ctx, s, row, "seminar", children=list(_live(row)))


SORTS: dict[str, Any] = {
    "held_on": Seminar.held_on,
    "title": kk_order(Seminar.title),
    "topic": kk_order(Seminar.topic),
    "place": kk_order(Seminar.place),
    "trainer": kk_order(Seminar.trainer),
    "settlement": Settlement.sort_name,
    "created_at": Seminar.created_at,
}


def _list_select() -> Any:
    p = SeminarParticipant
    counted = (
        select(func.count())
        .where(p.seminar_id == Seminar.id, p.deleted.is_(False))
        .correlate(Seminar)
        .scalar_subquery()
    )
    came = (
        select(func.count())
        .where(p.seminar_id == Seminar.id, p.deleted.is_(False), p.attended.is_(True))
        .correlate(Seminar)
        .scalar_subquery()
    )
    return select(
        Seminar.id, Seminar.title, Seminar.topic, Seminar.held_on, Seminar.place,
        Settlement.name_kk, Settlement.name_ru, Seminar.trainer, counted, came,
    ).outerjoin(Settlement, Settlement.id == Seminar.settlement_id)


def list_seminars(
    ctx: Context, query: ListQuery, filters: SeminarFilters | None = None
) -> Page[SeminarRow]:
    """Paged, sorted, filtered in SQL; newest first; ``query.search`` matches title,
    place and trainer (LIKE). Sorts: held_on, title, topic, place, trainer,
    settlement, created_at, participants, attended."""
    f = filters or SeminarFilters()
    stmt = scoped(ctx, _list_select(), Seminar)
    if query.search.strip():
        like = f"%{normalize_kk(query.search)}%"
        stmt = stmt.where(
            or_(Seminar.title.like(like), Seminar.place.like(like), Seminar.trainer.like(like))
        )
    if f.topic:
        stmt = stmt.where(Seminar.topic == f.topic)
    if f.date_from:
        stmt = stmt.where(Seminar.held_on >= f.date_from)
    if f.date_to:
        stmt = stmt.where(Seminar.held_on <= f.date_to)
    if f.settlement_id:
        stmt = stmt.where(Seminar.settlement_id == f.settlement_id)
    cols = stmt.selected_columns
    sorts = {**SORTS, "participants": cols[8], "attended": cols[9]}
    if query.sort is None:
        query = ListQuery(query.offset, query.limit, "held_on", True, query.search)
    stmt = apply_sort(stmt, query, sorts, "held_on", Seminar.id)
    with ctx.db.session() as s:
        rows, total = paged(s, stmt, query)
        out = [
            SeminarRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], int(r[8]), int(r[9]))
            for r in rows
        ]
    q = query.clamp()
    return Page(out, total, q.offset, q.limit)


def seminar_summary(ctx: Context, seminar_id: str) -> SeminarSummary:
    """Count, attended, and mean pre/post scores of those who came (in SQL)."""
    with ctx.db.session() as s:
        get_live(s, Seminar, seminar_id, ctx)
        return _summary(s, seminar_id)


# --------------------------------------------------------------------------- participants


def _check_participant(
    ctx: Context, s: Session, seminar: Seminar, data: ParticipantInput, *, skip: str | None = None
) -> str:
    c = Collector()
    resident: Resident | None = None
    if data.resident_id:
        resident = c.attempt(partial(get_live, s, Resident, data.resident_id, ctx))
        if resident is not None and any(
            p.resident_id == data.resident_id and p.id != skip for p in _live(seminar)
        ):
            c.add("seminar.duplicate", DUPLICATE, field="resident_id")
    name = normalize_kk(data.full_name or "") or (resident.full_name if resident else "")
    if not name and resident is None and not data.resident_id:
        c.add("seminar.name_required", NAME_REQUIRED, field="full_name")
    elif len(name) > 200:
        c.add("seminar.too_long", TOO_LONG, field="full_name", max=200)
    for field_name, score in (("pre_score", data.pre_score), ("post_score", data.post_score)):
        if score is None:
            continue
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= MAX_SCORE:
            c.add("seminar.score_range", SCORE_RANGE, field=field_name, max=MAX_SCORE)
        elif not data.attended:
            c.add("seminar.score_absent", SCORE_ABSENT, field=field_name)
    if data.sex is not None and data.sex not in {x.value for x in Sex}:
        c.add("seminar.sex", SEX, field="sex", value=data.sex)
    if data.age_group is not None and data.age_group not in {x.value for x in AgeGroup}:
        c.add("seminar.age_group", AGE_GROUP, field="age_group", value=data.age_group)
    c.raise_if_any()
    return name


def add_participant(ctx: Context, seminar_id: str, data: ParticipantInput) -> ParticipantView:
    """Add a participant: a registered resident (name taken from the card) or by name."""
    with ctx.db.session() as s:
        seminar = get_live(s, Seminar, seminar_id, ctx)
        _owner(ctx, seminar)
        name = _check_participant(ctx, s, seminar, data)
        row = SeminarParticipant(
            seminar_id=seminar.id, resident_id=data.resident_id or None, full_name=name,
            attended=data.attended, pre_score=data.pre_score, post_score=data.post_score,
            sex=data.sex, age_group=data.age_group, youth=data.youth, disability=data.disability,
        )
        stamp_new(ctx, row, center_id=seminar.center_id)
        seminar.participants.append(row)
        s.flush()
        record_change(ctx, s, "seminar_participant", row, None)
        return _pview(row)


def update_participant(
    ctx: Context, participant_id: str, data: ParticipantInput
) -> ParticipantView:
    """Change attendance, scores or the name of one participant."""
    with ctx.db.session() as s:
        row = get_live(s, SeminarParticipant, participant_id, ctx)
        seminar = get_live(s, Seminar, row.seminar_id, ctx)
        _owner(ctx, seminar)
        name = _check_participant(ctx, s, seminar, data, skip=row.id)
        before = snapshot(row)
        row.full_name, row.resident_id = name, data.resident_id or None
        row.attended, row.pre_score, row.post_score = (
            data.attended, data.pre_score, data.post_score,
        )
        row.sex, row.age_group = data.sex, data.age_group
        row.youth, row.disability = data.youth, data.disability
        stamp_update(ctx, row)
        record_change(ctx, s, "seminar_participant", row, before)
        return _pview(row)


def remove_participant(ctx: Context, participant_id: str) -> None:
    with ctx.db.session() as s:
        row = get_live(s, SeminarParticipant, participant_id, ctx)
        _owner(ctx, get_live(s, Seminar, row.seminar_id, ctx))
        soft_delete(ctx, s, row, "seminar_participant")


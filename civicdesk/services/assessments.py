"""The joint needs assessment: per district and period, focus groups (counted, never
named) and survey responses (entered in a grid or imported, ``survey_import``), each
naming the problems raised; and the ranking of problems per settlement and district by
how many raised each, by sex and age band (``domain.problems.rank``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    District,
    FocusGroup,
    NeedsAssessment,
    Problem,
    ProblemMention,
    Settlement,
    SurveyResponse,
)
from civicdesk.domain.awareness import AgeBand
from civicdesk.domain.collation import collation_key
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import Message, UserError, ValidationError
from civicdesk.domain.problems import Mention, Ranked, rank
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    get_live,
    record_change,
    scoped,
    stamp_new,
)
from civicdesk.services.problems import owned_problem, refresh_raised_count

METHODS = ("focus_group", "online_survey", "paper_survey")
#: participant categories a focus group counts (no names)
CATEGORIES = ("youth", "women", "pensioners", "disabled", "farmers", "entrepreneurs",
              "parents", "other")
YOUTH_BANDS = frozenset({AgeBand.A14_17.value, AgeBand.A18_29.value, AgeBand.A30_35.value})
MAX_COUNT = 10_000

PERIOD = Message(
    kk="Аяқталу күні басталу күнінен ерте болмауы керек.",
    ru="Дата окончания не может быть раньше даты начала.",
)
METHOD = Message(kk="Кем дегенде бір әдісті таңдаңыз.", ru="Выберите хотя бы один метод.")
BAD_COUNT = Message(
    kk="Сан 0-ден {max}-ға дейін болуы керек ({what}).",
    ru="Число должно быть от 0 до {max} ({what}).",
)
SEX_SUM = Message(
    kk="Ерлер мен әйелдердің қосындысы ({sum}) қатысушылар санынан ({total}) аспауы керек.",
    ru="Сумма мужчин и женщин ({sum}) не может превышать число участников ({total}).",
)
NO_PARTICIPANTS = Message(kk="Қатысушылар санын жазыңыз.", ru="Укажите число участников.")
VOTES = Message(
    kk="Дауыс саны қатысушылар санынан ({total}) аспауы керек.",
    ru="Число голосов не может превышать число участников ({total}).",
)
NO_PROBLEM = Message(
    kk="Респондент кем дегенде бір мәселені белгілеуі керек.",
    ru="Респондент должен отметить хотя бы одну проблему.",
)
NOT_OWNER = Message(
    kk="Бұл бағалауды тек оны жүргізетін орталық өзгерте алады.",
    ru="Изменять эту оценку может только центр, который её проводит.",
)
OUT_OF_PERIOD = Message(
    kk="Күні бағалау кезеңінен ({start} – {end}) тыс.",
    ru="Дата вне периода оценки ({start} – {end}).",
)


@dataclass(frozen=True)
class AssessmentInput:
    district_id: str | None
    starts_on: date
    methods: Sequence[str]
    ends_on: date | None = None
    title: str = ""
    notes: str = ""


@dataclass(frozen=True)
class AssessmentRow:
    id: str
    district_id: str | None
    district_kk: str
    district_ru: str
    title: str
    starts_on: date
    ends_on: date | None
    methods: tuple[str, ...]
    focus_groups: int
    responses: int


@dataclass(frozen=True)
class FocusGroupInput:
    held_on: date
    settlement_id: str
    participants: int
    moderator: str = ""
    by_sex: Mapping[str, int] | None = None  # "m", "f"
    by_age: Mapping[str, int] | None = None  # AgeBand values
    by_category: Mapping[str, int] | None = None  # CATEGORIES
    votes: Sequence[tuple[str, int]] = ()  # (problem id, how many raised it)


@dataclass(frozen=True)
class ResponseInput:
    problem_ids: Sequence[str]
    settlement_id: str | None = None
    sex: Sex | None = None
    age_band: AgeBand | None = None
    mode: str = "paper"
    external_id: str | None = None


@dataclass(frozen=True)
class RankedRow:
    problem_id: str
    title_kk: str
    title_ru: str
    state: str
    rank: int
    total: int
    men: int
    women: int
    youth: int
    by_age: dict[str, int]


def _owned(ctx: Context, s: Session, assessment_id: str) -> NeedsAssessment:
    row = get_live(s, NeedsAssessment, assessment_id, ctx)
    if row.center_id != ctx.actor.center_id:
        raise UserError("assessment.not_owner", NOT_OWNER)
    return row


def create_assessment(ctx: Context, data: AssessmentInput) -> AssessmentRow:
    c = Collector()
    if data.ends_on is not None and data.ends_on < data.starts_on:
        c.add("assessment.period", PERIOD, field="ends_on")
    methods = [m for m in METHODS if m in set(data.methods)]
    if not methods:
        c.add("assessment.method", METHOD, field="methods")
    c.raise_if_any()
    with ctx.db.session() as s:
        if data.district_id:
            get_live(s, District, data.district_id, ctx)
        row = NeedsAssessment(district_id=data.district_id or None, title=data.title.strip(),
                              starts_on=data.starts_on, ends_on=data.ends_on,
                              methods=methods, notes=data.notes.strip())
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "needs_assessment", row, None)
        return _rows(ctx, s, [row.id])[0]


def list_assessments(ctx: Context) -> list[AssessmentRow]:
    with ctx.db.session() as s:
        ids = [r[0] for r in s.execute(
            scoped(ctx, select(NeedsAssessment.id), NeedsAssessment)
            .order_by(NeedsAssessment.starts_on.desc(), NeedsAssessment.id))]
        return _rows(ctx, s, ids)


def _rows(ctx: Context, s: Session, ids: list[str]) -> list[AssessmentRow]:
    if not ids:
        return []
    fg = {k: n for k, n in s.execute(select(FocusGroup.assessment_id, func.count()).where(
        FocusGroup.assessment_id.in_(ids), FocusGroup.deleted.is_(False))
        .group_by(FocusGroup.assessment_id))}
    resp = {k: n for k, n in s.execute(select(SurveyResponse.assessment_id, func.count()).where(
        SurveyResponse.assessment_id.in_(ids), SurveyResponse.deleted.is_(False))
        .group_by(SurveyResponse.assessment_id))}
    rows = {a.id: (a, kk, ru) for a, kk, ru in s.execute(
        select(NeedsAssessment, District.name_kk, District.name_ru)
        .outerjoin(District, District.id == NeedsAssessment.district_id)
        .where(NeedsAssessment.id.in_(ids)))}
    out = []
    for i in ids:
        a, kk, ru = rows[i]
        out.append(AssessmentRow(a.id, a.district_id, kk or "", ru or "", a.title,
                                 a.starts_on, a.ends_on, tuple(a.methods or ()),
                                 int(fg.get(a.id, 0)), int(resp.get(a.id, 0))))
    return out


def _in_period(a: NeedsAssessment, day: date) -> None:
    if day < a.starts_on or (a.ends_on is not None and day > a.ends_on):
        end = a.ends_on.strftime("%d.%m.%Y") if a.ends_on else "…"
        raise ValidationError("assessment.out_of_period", OUT_OF_PERIOD, field="held_on",
                              start=a.starts_on.strftime("%d.%m.%Y"), end=end)


def _counts(c: Collector, values: Mapping[str, int] | None, allowed: Sequence[str],
            what: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, n in (values or {}).items():
        if key not in allowed or not 0 <= int(n) <= MAX_COUNT:
            c.add("assessment.count", BAD_COUNT, field=what, max=MAX_COUNT, what=key)
        elif n:
            out[key] = int(n)
    return out


def add_focus_group(ctx: Context, assessment_id: str, data: FocusGroupInput) -> str:
    """A focus group with its counts and the problems its participants voted for."""
    c = Collector()
    if not 1 <= data.participants <= MAX_COUNT:
        c.add("assessment.participants", NO_PARTICIPANTS, field="participants")
    sexes = _counts(c, data.by_sex, [x.value for x in Sex], "by_sex")
    ages = _counts(c, data.by_age, [x.value for x in AgeBand], "by_age")
    cats = _counts(c, data.by_category, CATEGORIES, "by_category")
    if sum(sexes.values()) > data.participants >= 1:
        c.add("assessment.sex_sum", SEX_SUM, field="by_sex", sum=sum(sexes.values()),
              total=data.participants)
    for _pid, n in data.votes:
        if not 0 <= n <= max(data.participants, 0):
            c.add("assessment.votes", VOTES, field="votes", total=data.participants)
            break
    c.raise_if_any()
    with ctx.db.session() as s:
        a = _owned(ctx, s, assessment_id)
        _in_period(a, data.held_on)
        get_live(s, Settlement, data.settlement_id, ctx)
        row = FocusGroup(assessment_id=a.id, held_on=data.held_on,
                         settlement_id=data.settlement_id, moderator=data.moderator.strip(),
                         participants=data.participants,
                         counts={"sex": sexes, "age": ages, "category": cats})
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "focus_group", row, None)
        for pid, n in data.votes:
            if n:
                _mention(ctx, s, pid, data.settlement_id, n, focus_group_id=row.id)
        return row.id


def _mention(ctx: Context, s: Session, problem_id: str, settlement_id: str | None, n: int,
             **kw: Any) -> None:
    problem = owned_problem(ctx, s, problem_id)
    m = ProblemMention(problem_id=problem.id, settlement_id=settlement_id, count=n, **kw)
    stamp_new(ctx, m)
    s.add(m)
    if settlement_id and settlement_id not in (problem.settlement_ids or []):
        problem.settlement_ids = [*(problem.settlement_ids or []), settlement_id]
    s.flush()
    refresh_raised_count(s, problem.id)


def add_response(ctx: Context, assessment_id: str, data: ResponseInput,
                 source: str = "grid") -> str:
    """One respondent's ticks (no name): sex, age band, settlement and problems."""
    if not data.problem_ids:
        raise ValidationError("assessment.no_problem", NO_PROBLEM, field="problems")
    with ctx.db.session() as s:
        a = _owned(ctx, s, assessment_id)
        return _add_response(ctx, s, a, data, source)


def _add_response(ctx: Context, s: Session, a: NeedsAssessment, data: ResponseInput,
                  source: str) -> str:
    if data.settlement_id:
        get_live(s, Settlement, data.settlement_id, ctx)
    number = int(s.scalar(select(func.coalesce(func.max(SurveyResponse.number), 0)).where(
        SurveyResponse.assessment_id == a.id)) or 0) + 1
    row = SurveyResponse(assessment_id=a.id, number=number, settlement_id=data.settlement_id,
                         sex=data.sex.value if data.sex else None,
                         age_band=data.age_band.value if data.age_band else None,
                         mode=data.mode, source=source, external_id=data.external_id)
    stamp_new(ctx, row)
    s.add(row)
    s.flush()
    record_change(ctx, s, "survey_response", row, None)
    for pid in dict.fromkeys(data.problem_ids):
        _mention(ctx, s, pid, data.settlement_id, 1, response_id=row.id,
                 sex=row.sex, age_band=row.age_band)
    return row.id


# --------------------------------------------------------------------------- ranking


def ranking(ctx: Context, *, district_id: str | None = None,
            settlement_id: str | None = None,
            assessment_id: str | None = None) -> list[RankedRow]:
    """Problems by how many raised them (focus-group votes and survey ticks) in a
    settlement, a district or one assessment; by sex and age band, with the youth."""
    with ctx.db.session() as s:
        stmt = (
            select(ProblemMention.problem_id, ProblemMention.settlement_id,
                   ProblemMention.sex, ProblemMention.age_band,
                   func.sum(ProblemMention.count))
            .join(Problem, Problem.id == ProblemMention.problem_id)
            .where(ProblemMention.deleted.is_(False), Problem.deleted.is_(False))
            .group_by(ProblemMention.problem_id, ProblemMention.settlement_id,
                      ProblemMention.sex, ProblemMention.age_band)
        )
        if not ctx.actor.is_head_office:
            stmt = stmt.where(ProblemMention.center_id == ctx.actor.center_id)
        if settlement_id:
            stmt = stmt.where(ProblemMention.settlement_id == settlement_id)
        if district_id:
            stmt = stmt.join(Settlement, Settlement.id == ProblemMention.settlement_id).where(
                Settlement.district_id == district_id)
        if assessment_id:
            fg = select(FocusGroup.id).where(FocusGroup.assessment_id == assessment_id)
            rs = select(SurveyResponse.id).where(SurveyResponse.assessment_id == assessment_id)
            stmt = stmt.where(ProblemMention.focus_group_id.in_(fg)
                              | ProblemMention.response_id.in_(rs))
        mentions = [Mention(pid, sid, int(n or 0), sex, age, age in YOUTH_BANDS)
                    for pid, sid, sex, age, n in s.execute(stmt)]
        titles = {p.id: p for p in s.scalars(select(Problem).where(
            Problem.id.in_({m.problem_id for m in mentions})))}
    ranked: list[Ranked] = rank(mentions, lambda pid: collation_key(titles[pid].title_kk))
    return [
        RankedRow(r.problem_id, titles[r.problem_id].title_kk, titles[r.problem_id].title_ru,
                  titles[r.problem_id].state, r.rank, r.total, r.by_sex.get("m", 0),
                  r.by_sex.get("f", 0), r.youth, dict(r.by_age))
        for r in ranked
    ]

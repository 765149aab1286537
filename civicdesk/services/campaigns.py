"""Measured booklet campaigns: the campaign and its questionnaire, waves, answered sheets.

A campaign hands out a booklet edition (its print runs and hand-outs are the booklet's)
and measures what people know before (baseline) and after (endline) with a short
questionnaire. Sheets carry no name. The figures are in ``campaign_figures``; import of
a wave from an ODK/KoboToolbox export is in ``campaign_import``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    Booklet,
    Campaign,
    Distribution,
    PrintRun,
    Settlement,
    SurveySheet,
    SurveyWave,
)
from civicdesk.domain.awareness import (
    AgeBand,
    Question,
    Sheet,
    WaveKind,
    parse_cell,
    questions_from_json,
    validate_questions,
)
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import Message, UserError, ValidationError
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.services import booklets
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

__all__ = [
    "HANDED_BY",
    "CampaignInput",
    "CampaignRow",
    "CampaignView",
    "SheetInput",
    "SheetView",
    "WaveView",
    "add_wave",
    "campaign_settlements",
    "create_campaign",
    "delete_campaign",
    "delete_sheet",
    "get_campaign",
    "hand_out",
    "list_campaigns",
    "list_sheets",
    "load_sheets",
    "next_sheet_number",
    "save_sheet",
    "update_campaign",
]

HANDED_BY = ("staff", "volunteer")
MAX_SHEET_NUMBER = 99_999
MAX_BRIEFED = 100_000

TITLE = Message(
    kk="Науқанның атауын қазақша және орысша жазыңыз.",
    ru="Укажите название кампании на казахском и русском языках.",
)
DATES = Message(
    kk="Аяқталу күні басталу күнінен ерте болмауы керек.",
    ru="Дата окончания не может быть раньше даты начала.",
)
THRESHOLD = Message(
    kk="«Біледі» шегі 1-ден сұрақ санына ({n}) дейін болуы керек.",
    ru="Порог «знает» должен быть от 1 до числа вопросов ({n}).",
)
LOCKED = Message(
    kk="Толтырылған парақтары бар сауалнаманың сұрақтарын өзгертуге болмайды: "
    "жаңа науқан ашыңыз.",
    ru="Нельзя менять вопросы анкеты, по которой уже есть заполненные листы: "
    "создайте новую кампанию.",
)
WAVE_KIND = Message(kk="Кезең түрін тізімнен таңдаңыз.", ru="Выберите вид волны из списка.")
SHEET_NUMBER = Message(
    kk="Парақ нөмірі 1-ден {max}-ға дейін болуы керек.",
    ru="Номер листа должен быть от 1 до {max}.",
)
SHEET_TAKEN = Message(
    kk="Бұл кезеңде №{number} парақ бұрыннан енгізілген.",
    ru="Лист №{number} в этой волне уже введён.",
)
BAD_SEX = Message(kk="Жынысы: 1 — ер, 2 — әйел, 0 — көрсетілмеген.",
                  ru="Пол: 1 — мужской, 2 — женский, 0 — не указан.")
BAD_AGE = Message(kk="Жас тобын тізімнен таңдаңыз.", ru="Выберите возрастную группу из списка.")
HANDED = Message(kk="Кім таратқанын таңдаңыз: қызметкерлер немесе еріктілер.",
                 ru="Выберите, кто распространял: сотрудники или волонтёры.")
BRIEFED = Message(
    kk="Түсіндірілген адамдар саны 0-ден {max}-ға дейін болуы керек.",
    ru="Число людей, которым разъяснили лично, должно быть от 0 до {max}.",
)
NO_BOOKLET = Message(
    kk="Науқанға кітапша таңдалмаған.", ru="Для кампании не выбран буклет."
)
OTHER_BOOKLET = Message(
    kk="Бұл таралым науқанның кітапшасына жатпайды.",
    ru="Этот тираж не относится к буклету кампании.",
)
NOT_OWNER = Message(
    kk="Бұл науқанды тек оны жүргізетін орталық өзгерте алады.",
    ru="Изменять эту кампанию может только центр, который её проводит.",
)


@dataclass(frozen=True)
class CampaignInput:
    title_kk: str
    title_ru: str
    starts_on: date
    questions: Sequence[Question]
    booklet_id: str | None = None
    ends_on: date | None = None
    knows_threshold: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class WaveView:
    id: str
    kind: WaveKind
    number: int
    starts_on: date
    ends_on: date | None
    sheets: int


@dataclass(frozen=True)
class CampaignView:
    id: str
    center_id: str
    title_kk: str
    title_ru: str
    booklet_id: str | None
    starts_on: date
    ends_on: date | None
    questions: tuple[Question, ...]
    knows_threshold: int | None
    notes: str
    waves: tuple[WaveView, ...]
    copies_printed: int
    copies_distributed: int
    people_briefed: int
    copies_by_staff: int
    copies_by_volunteers: int
    settlements_reached: int

    @property
    def locked(self) -> bool:
        """Questions can no longer change: sheets were answered against them."""
        return any(w.sheets for w in self.waves)


@dataclass(frozen=True)
class CampaignRow:
    id: str
    title_kk: str
    title_ru: str
    starts_on: date
    waves: int
    sheets: int


@dataclass(frozen=True)
class SheetInput:
    """One row of the entry grid: the typed digits of each question, sex, age band."""

    cells: Sequence[str]
    number: int | None = None  # None = the next free number of the wave
    sex: Sex | None = None
    age_band: AgeBand | None = None
    settlement_id: str | None = None


@dataclass(frozen=True)
class SheetView:
    id: str
    wave_id: str
    number: int
    sex: Sex | None
    age_band: AgeBand | None
    settlement_id: str | None
    answers: tuple[frozenset[int], ...]
    source: str


# --------------------------------------------------------------------------- campaign


def require_owner(ctx: Context, row: Campaign) -> None:
    if row.center_id != ctx.actor.center_id:
        raise UserError("campaign.not_owner", NOT_OWNER)


def _apply(ctx: Context, s: Session, row: Campaign, data: CampaignInput) -> None:
    c = Collector()
    kk, ru = normalize_kk(data.title_kk.strip()), data.title_ru.strip()
    if not kk or not ru:
        c.add("campaign.title", TITLE, field="title")
    if data.ends_on is not None and data.ends_on < data.starts_on:
        c.add("campaign.dates", DATES, field="ends_on")
    questions = c.attempt(partial(validate_questions, data.questions))
    n = len(data.questions)
    if data.knows_threshold is not None and not 1 <= data.knows_threshold <= max(n, 1):
        c.add("campaign.threshold", THRESHOLD, field="knows_threshold", n=n)
    if data.booklet_id:
        c.attempt(partial(get_live, s, Booklet, data.booklet_id, ctx))
    c.raise_if_any()
    assert questions is not None
    new_json = [q.to_json() for q in questions]
    if row.questions and new_json != row.questions and _sheet_count(s, row.id):
        raise ValidationError("campaign.locked", LOCKED, field="questions")
    row.title_kk, row.title_ru = kk, ru
    row.starts_on, row.ends_on = data.starts_on, data.ends_on
    row.booklet_id = data.booklet_id or None
    row.questions = new_json
    row.knows_threshold = data.knows_threshold
    row.notes = (data.notes or "").strip()


def _sheet_count(s: Session, campaign_id: str, wave_id: str | None = None) -> int:
    stmt = (
        select(func.count())
        .select_from(SurveySheet)
        .join(SurveyWave, SurveyWave.id == SurveySheet.wave_id)
        .where(SurveyWave.campaign_id == campaign_id, SurveySheet.deleted.is_(False),
               SurveyWave.deleted.is_(False))
    )
    if wave_id is not None:
        stmt = stmt.where(SurveySheet.wave_id == wave_id)
    return int(s.scalar(stmt) or 0)


def _waves(s: Session, campaign_id: str) -> list[WaveView]:
    counts = (
        select(SurveySheet.wave_id, func.count().label("n"))
        .where(SurveySheet.deleted.is_(False))
        .group_by(SurveySheet.wave_id)
        .subquery()
    )
    rows = s.execute(
        select(SurveyWave, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.wave_id == SurveyWave.id)
        .where(SurveyWave.campaign_id == campaign_id, SurveyWave.deleted.is_(False))
        .order_by(SurveyWave.number)
    ).all()
    return [
        WaveView(w.id, WaveKind(w.kind), w.number, w.starts_on, w.ends_on, int(n))
        for w, n in rows
    ]


def _reach(s: Session, booklet_id: str | None) -> tuple[int, int, int, int, int, int]:
    if not booklet_id:
        return 0, 0, 0, 0, 0, 0
    printed = int(s.scalar(
        select(func.coalesce(func.sum(PrintRun.copies), 0)).where(
            PrintRun.booklet_id == booklet_id, PrintRun.deleted.is_(False))) or 0)
    live = (PrintRun.booklet_id == booklet_id, PrintRun.deleted.is_(False),
            Distribution.deleted.is_(False))
    rows = s.execute(
        select(Distribution.handed_by, func.sum(Distribution.copies),
               func.sum(Distribution.people_briefed))
        .join(PrintRun, PrintRun.id == Distribution.print_run_id)
        .where(*live)
        .group_by(Distribution.handed_by)
    ).all()
    by = {str(r[0]): (int(r[1] or 0), int(r[2] or 0)) for r in rows}
    settlements = int(s.scalar(
        select(func.count(func.distinct(Distribution.settlement_id)))
        .join(PrintRun, PrintRun.id == Distribution.print_run_id)
        .where(*live)) or 0)
    given = sum(c for c, _ in by.values())
    briefed = sum(b for _, b in by.values())
    return (printed, given, briefed, by.get("staff", (0, 0))[0],
            by.get("volunteer", (0, 0))[0], settlements)


def _view(s: Session, row: Campaign) -> CampaignView:
    return CampaignView(
        row.id, row.center_id, row.title_kk, row.title_ru, row.booklet_id, row.starts_on,
        row.ends_on, questions_from_json(row.questions), row.knows_threshold, row.notes,
        tuple(_waves(s, row.id)), *_reach(s, row.booklet_id),
    )


def create_campaign(ctx: Context, data: CampaignInput) -> CampaignView:
    """A new campaign with its baseline wave (starting on the campaign's first day)."""
    with ctx.db.session() as s:
        row = Campaign(questions=[])
        _apply(ctx, s, row, data)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "campaign", row, None)
        wave = SurveyWave(campaign_id=row.id, kind=WaveKind.BASELINE.value, number=1,
                          starts_on=data.starts_on, note="")
        stamp_new(ctx, wave)
        s.add(wave)
        s.flush()
        return _view(s, row)


def update_campaign(ctx: Context, campaign_id: str, data: CampaignInput) -> CampaignView:
    with ctx.db.session() as s:
        row = get_live(s, Campaign, campaign_id, ctx)
        require_owner(ctx, row)
        before = snapshot(row)
        _apply(ctx, s, row, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "campaign", row, before)
        return _view(s, row)


def get_campaign(ctx: Context, campaign_id: str) -> CampaignView:
    with ctx.db.session() as s:
        return _view(s, get_live(s, Campaign, campaign_id, ctx))


def delete_campaign(ctx: Context, campaign_id: str) -> None:
    """Soft-delete a campaign with its waves and sheets (kept as sync tombstones)."""
    with ctx.db.session() as s:
        row = get_live(s, Campaign, campaign_id, ctx)
        require_owner(ctx, row)
        waves = list(s.scalars(select(SurveyWave).where(
            SurveyWave.campaign_id == row.id, SurveyWave.deleted.is_(False))))
        sheets = list(s.scalars(select(SurveySheet).where(
            SurveySheet.wave_id.in_([w.id for w in waves]), SurveySheet.deleted.is_(False))))
        soft_delete(ctx, s, row, "campaign", children=[*waves, *sheets],
                    exclude=("questions",))


def list_campaigns(ctx: Context, query: ListQuery | None = None) -> Page[CampaignRow]:
    query = (query or ListQuery()).clamp()
    waves = (
        select(SurveyWave.campaign_id, func.count(func.distinct(SurveyWave.id)).label("w"),
               func.count(SurveySheet.id).label("n"))
        .outerjoin(SurveySheet, (SurveySheet.wave_id == SurveyWave.id)
                   & SurveySheet.deleted.is_(False))
        .where(SurveyWave.deleted.is_(False))
        .group_by(SurveyWave.campaign_id)
        .subquery()
    )
    base: Any = select(
        Campaign.id, Campaign.title_kk, Campaign.title_ru, Campaign.starts_on,
        func.coalesce(waves.c.w, 0), func.coalesce(waves.c.n, 0),
    ).outerjoin(waves, waves.c.campaign_id == Campaign.id)
    stmt = scoped(ctx, base, Campaign)
    if query.search.strip():
        like = f"%{query.search.strip()}%"
        stmt = stmt.where(or_(Campaign.title_kk.ilike(like), Campaign.title_ru.ilike(like)))
    stmt = apply_sort(stmt, query, {"starts_on": Campaign.starts_on,
                                    "title": Campaign.title_kk}, "starts_on", Campaign.id)
    with ctx.db.session() as s:
        rows, total = paged(s, stmt, query)
        return Page([CampaignRow(r[0], r[1], r[2], r[3], int(r[4]), int(r[5])) for r in rows],
                    total, query.offset, query.limit)


# --------------------------------------------------------------------------- waves


def add_wave(ctx: Context, campaign_id: str, kind: WaveKind, starts_on: date,
             ends_on: date | None = None, note: str = "") -> WaveView:
    """Another wave (usually the endline after the booklets are handed out)."""
    with ctx.db.session() as s:
        campaign = get_live(s, Campaign, campaign_id, ctx)
        require_owner(ctx, campaign)
        c = Collector()
        try:
            kind = WaveKind(kind)
        except ValueError:
            c.add("wave.kind", WAVE_KIND, field="kind")
        if ends_on is not None and ends_on < starts_on:
            c.add("wave.dates", DATES, field="ends_on")
        c.raise_if_any()
        number = int(s.scalar(select(func.coalesce(func.max(SurveyWave.number), 0)).where(
            SurveyWave.campaign_id == campaign.id, SurveyWave.deleted.is_(False))) or 0) + 1
        wave = SurveyWave(campaign_id=campaign.id, kind=kind.value, number=number,
                          starts_on=starts_on, ends_on=ends_on, note=(note or "").strip())
        stamp_new(ctx, wave, center_id=campaign.center_id)
        s.add(wave)
        s.flush()
        record_change(ctx, s, "survey_wave", wave, None)
        return WaveView(wave.id, kind, number, starts_on, ends_on, 0)


# --------------------------------------------------------------------------- sheets


def _sheet_view(row: SurveySheet) -> SheetView:
    return SheetView(
        row.id, row.wave_id, row.number, Sex(row.sex) if row.sex else None,
        AgeBand(row.age_band) if row.age_band else None, row.settlement_id,
        tuple(frozenset(a) for a in row.answers), row.source,
    )


def wave_and_questions(
    ctx: Context, s: Session, wave_id: str
) -> tuple[SurveyWave, Campaign, tuple[Question, ...]]:
    wave = get_live(s, SurveyWave, wave_id, ctx)
    campaign = get_live(s, Campaign, wave.campaign_id, ctx)
    return wave, campaign, questions_from_json(campaign.questions)


def next_free_number(s: Session, wave_id: str) -> int:
    return int(s.scalar(select(func.coalesce(func.max(SurveySheet.number), 0)).where(
        SurveySheet.wave_id == wave_id, SurveySheet.deleted.is_(False))) or 0) + 1


def next_sheet_number(ctx: Context, wave_id: str) -> int:
    with ctx.db.session() as s:
        get_live(s, SurveyWave, wave_id, ctx)
        return next_free_number(s, wave_id)


def check_sheet(
    s: Session, ctx: Context, questions: Sequence[Question], data: SheetInput
) -> tuple[frozenset[int], ...]:
    """Every problem of a grid row at once; the parsed answers when there is none."""
    c = Collector()
    answers: list[frozenset[int]] = []
    if len(data.cells) != len(questions):
        c.add("sheet.count", Message(
            kk="Парақта {n} жауап, ал сауалнамада {m} сұрақ",
            ru="На листе {n} ответов, а в анкете {m} вопросов"),
            field="answers", n=len(data.cells), m=len(questions))
    for number, (q, cell) in enumerate(zip(questions, data.cells, strict=False), start=1):
        answers.append(c.attempt(partial(parse_cell, cell, q, number)) or frozenset())
    if data.number is not None and not 1 <= data.number <= MAX_SHEET_NUMBER:
        c.add("sheet.number", SHEET_NUMBER, field="number", max=MAX_SHEET_NUMBER)
    if data.sex is not None and not isinstance(data.sex, Sex):
        c.add("sheet.sex", BAD_SEX, field="sex")
    if data.age_band is not None and not isinstance(data.age_band, AgeBand):
        c.add("sheet.age_band", BAD_AGE, field="age_band")
    if data.settlement_id:
        c.attempt(partial(get_live, s, Settlement, data.settlement_id))
    c.raise_if_any()
    return tuple(answers)


def save_sheet(ctx: Context, wave_id: str, data: SheetInput,
               sheet_id: str | None = None, *, source: str = "grid",
               external_id: str | None = None) -> SheetView:
    """Enter (or correct, with ``sheet_id``) one respondent's sheet."""
    with ctx.db.session() as s:
        wave, campaign, questions = wave_and_questions(ctx, s, wave_id)
        require_owner(ctx, campaign)
        answers = check_sheet(s, ctx, questions, data)
        row = get_live(s, SurveySheet, sheet_id, ctx) if sheet_id else None
        number = data.number if data.number is not None else (
            row.number if row is not None else next_free_number(s, wave.id))
        taken = s.scalar(select(SurveySheet.id).where(
            SurveySheet.wave_id == wave.id, SurveySheet.number == number,
            SurveySheet.deleted.is_(False)).limit(1))
        if taken is not None and (row is None or taken != row.id):
            raise ValidationError("sheet.taken", SHEET_TAKEN, field="number", number=number)
        before = snapshot(row) if row is not None else None
        if row is None:
            row = SurveySheet(wave_id=wave.id, source=source, external_id=external_id)
            stamp_new(ctx, row, center_id=campaign.center_id)
            s.add(row)
        else:
            stamp_update(ctx, row)
        row.number = number
        row.sex = data.sex.value if data.sex else None
        row.age_band = data.age_band.value if data.age_band else None
        row.settlement_id = data.settlement_id or None
        row.answers = [sorted(a) for a in answers]
        s.flush()
        if before is not None:
            record_change(ctx, s, "survey_sheet", row, before)
        return _sheet_view(row)


def delete_sheet(ctx: Context, sheet_id: str) -> None:
    with ctx.db.session() as s:
        row = get_live(s, SurveySheet, sheet_id, ctx)
        _, campaign, _ = wave_and_questions(ctx, s, row.wave_id)
        require_owner(ctx, campaign)
        soft_delete(ctx, s, row, "survey_sheet")


def list_sheets(ctx: Context, wave_id: str, query: ListQuery | None = None) -> Page[SheetView]:
    """A page of a wave's sheets in number order (newest last)."""
    query = (query or ListQuery()).clamp()
    with ctx.db.session() as s:
        get_live(s, SurveyWave, wave_id, ctx)
        stmt = select(SurveySheet).where(
            SurveySheet.wave_id == wave_id, SurveySheet.deleted.is_(False))
        stmt = apply_sort(stmt, query, {"number": SurveySheet.number}, "number")
        rows, total = paged(s, stmt, query)
        return Page([_sheet_view(r[0]) for r in rows], total, query.offset, query.limit)


def load_sheets(s: Session, wave_ids: Sequence[str]) -> dict[str, list[Sheet]]:
    """Every live sheet of these waves as domain sheets (for the figures)."""
    out: dict[str, list[Sheet]] = {w: [] for w in wave_ids}
    rows = s.execute(
        select(SurveySheet.wave_id, SurveySheet.answers, SurveySheet.sex,
               SurveySheet.age_band, SurveySheet.settlement_id)
        .where(SurveySheet.wave_id.in_(list(wave_ids)), SurveySheet.deleted.is_(False))
    ).all()
    for wave_id, answers, sex, band, settlement in rows:
        out[wave_id].append(Sheet(
            tuple(frozenset(int(x) for x in a) for a in answers),
            Sex(sex) if sex else None, AgeBand(band) if band else None, settlement))
    return out


# --------------------------------------------------------------------------- hand-outs


def hand_out(ctx: Context, campaign_id: str, print_run_id: str, settlement_id: str | None,
             copies: int, on: date, handed_by: str = "staff",
             people_briefed: int = 0) -> booklets.DistributionView:
    """Copies of the campaign's booklet handed out in a village, by whom, to how many
    people explained in person (the print-run limits are the booklet's)."""
    with ctx.db.session() as s:
        campaign = get_live(s, Campaign, campaign_id, ctx)
        require_owner(ctx, campaign)
        c = Collector()
        if handed_by not in HANDED_BY:
            c.add("campaign.handed_by", HANDED, field="handed_by")
        if isinstance(people_briefed, bool) or not 0 <= people_briefed <= MAX_BRIEFED:
            c.add("campaign.briefed", BRIEFED, field="people_briefed", max=MAX_BRIEFED)
        if not campaign.booklet_id:
            c.add("campaign.no_booklet", NO_BOOKLET, field="print_run")
        else:
            run = s.get(PrintRun, print_run_id)
            if run is None or run.deleted or run.booklet_id != campaign.booklet_id:
                c.add("campaign.other_booklet", OTHER_BOOKLET, field="print_run")
        c.raise_if_any()
    return booklets.distribute(ctx, print_run_id, settlement_id, copies, on,
                               handed_by=handed_by, people_briefed=people_briefed)


MAX_VILLAGES = 99


def campaign_settlements(ctx: Context, campaign_id: str) -> list[tuple[str, str, str]]:
    """The villages of a campaign as (id, name kk, name ru), numbered 1.. in the grid:
    where its booklet was handed out and where sheets were answered; before any of
    that, the villages this center added. Sorted by Kazakh name."""
    with ctx.db.session() as s:
        campaign = get_live(s, Campaign, campaign_id, ctx)
        ids: set[str] = set()
        if campaign.booklet_id:
            ids |= {x for x in s.scalars(
                select(Distribution.settlement_id)
                .join(PrintRun, PrintRun.id == Distribution.print_run_id)
                .where(PrintRun.booklet_id == campaign.booklet_id,
                       Distribution.deleted.is_(False), PrintRun.deleted.is_(False))
                .distinct()) if x}
        ids |= {x for x in s.scalars(
            select(SurveySheet.settlement_id)
            .join(SurveyWave, SurveyWave.id == SurveySheet.wave_id)
            .where(SurveyWave.campaign_id == campaign.id, SurveySheet.deleted.is_(False))
            .distinct()) if x}
        stmt = select(Settlement.id, Settlement.name_kk, Settlement.name_ru).where(
            Settlement.deleted.is_(False))
        if ids:
            stmt = stmt.where(Settlement.id.in_(sorted(ids)))
        else:
            stmt = stmt.where(Settlement.center_id == campaign.center_id)
        rows = s.execute(stmt.order_by(Settlement.sort_name).limit(MAX_VILLAGES)).all()
        return [(r[0], r[1], r[2]) for r in rows]

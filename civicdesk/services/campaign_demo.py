"""A measured campaign for the demo database: baseline and endline of 120 sheets each.

The questions follow the booklets of the programme ("how to appeal to state bodies",
"district development plans", "forms of residents' influence"). Answers are drawn so
that knowledge is higher after the booklets were handed out, differently by village.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from civicdesk.db.models import Booklet, Settlement
from civicdesk.domain.awareness import AgeBand, Question, QuestionKind, WaveKind
from civicdesk.domain.enums import Sex
from civicdesk.services.base import Context
from civicdesk.services.booklets import record_print_run
from civicdesk.services.campaigns import (
    CampaignInput,
    CampaignView,
    SheetInput,
    add_wave,
    create_campaign,
    get_campaign,
    hand_out,
    save_sheet,
)

__all__ = ["DEMO_QUESTIONS", "add_demo_campaign", "add_demo_programme", "fill_wave"]

DEMO_QUESTIONS: tuple[Question, ...] = (
    Question(
        "Мемлекеттік органға жазбаша өтінішке жауап қанша уақытта берілуі керек?",
        "В какой срок государственный орган должен ответить на письменное обращение?",
        QuestionKind.SINGLE,
        (("3 жұмыс күні", "3 рабочих дня"), ("15 жұмыс күні", "15 рабочих дней"),
         ("3 ай", "3 месяца"), ("Білмеймін", "Не знаю")),
        frozenset({2}),
    ),
    Question(
        "Ауданның даму жоспарымен қайда танысуға болады?",
        "Где можно ознакомиться с планом развития района?",
        QuestionKind.SINGLE,
        (("Тек соттан", "Только в суде"),
         ("Әкімдіктің сайтынан және әкімдікте", "На сайте акимата и в акимате"),
         ("Еш жерде, ол құпия", "Нигде, он закрыт"), ("Білмеймін", "Не знаю")),
        frozenset({2}),
    ),
    Question(
        "Тұрғындардың жергілікті өзін-өзі басқаруға ықпал ету нысандары қайсы?",
        "Какие формы влияния жителей на местное самоуправление существуют?",
        QuestionKind.MULTIPLE,
        (("Жергілікті қоғамдастық жиыны", "Сход местного сообщества"),
         ("Жергілікті қоғамдастық жиналысы", "Собрание местного сообщества"),
         ("Әкімге ұжымдық өтініш", "Коллективное обращение к акиму"),
         ("Ешқандай", "Никаких")),
        frozenset({1, 2, 3}),
    ),
    Question(
        "Мемлекеттік органның әрекетіне шағымды қайда беруге болады?",
        "Куда можно подать жалобу на действие государственного органа?",
        QuestionKind.SINGLE,
        (("Жоғары тұрған органға немесе сотқа", "В вышестоящий орган или в суд"),
         ("Тек газетке", "Только в газету"), ("Шағым беруге болмайды", "Жаловаться нельзя"),
         ("Білмеймін", "Не знаю")),
        frozenset({1}),
    ),
)

_BANDS = list(AgeBand)
_BAND_WEIGHTS = [6, 22, 14, 18, 24, 16]


def fill_wave(ctx: Context, wave_id: str, sheets: int, knows: float, rnd: random.Random,
              settlement_ids: list[str], questions: tuple[Question, ...] = DEMO_QUESTIONS,
              ) -> None:
    """Enter ``sheets`` sheets; each question is known with probability about ``knows``."""
    for _ in range(sheets):
        cells = []
        for q in questions:
            if rnd.random() < knows:
                cells.append("".join(str(c) for c in sorted(q.correct)))
            elif rnd.random() < 0.15:
                cells.append("0")
            else:
                wrong = [i for i in range(1, len(q.options) + 1) if {i} != q.correct]
                cells.append(str(rnd.choice(wrong)))
        save_sheet(ctx, wave_id, SheetInput(
            cells=cells, sex=rnd.choice([Sex.MALE, Sex.FEMALE, Sex.FEMALE]),
            age_band=rnd.choices(_BANDS, _BAND_WEIGHTS)[0],
            settlement_id=rnd.choice(settlement_ids) if settlement_ids else None,
        ))


def add_demo_campaign(ctx: Context, seed: int = 2025, sheets: int = 120) -> CampaignView:
    rnd = random.Random(seed)
    with ctx.db.session() as s:
        booklet = s.scalar(select(Booklet.id).where(
            Booklet.center_id == ctx.actor.center_id, Booklet.deleted.is_(False))
            .order_by(Booklet.created_at, Booklet.id).limit(1))
        settlement_ids = list(s.scalars(select(Settlement.id).where(
            Settlement.center_id == ctx.actor.center_id, Settlement.deleted.is_(False))
            .order_by(Settlement.sort_name).limit(4)))
    start = ctx.today() - timedelta(days=60)
    campaign = create_campaign(ctx, CampaignInput(
        title_kk="Мемлекеттік органдарға өтініш беру: ақпараттық науқан",
        title_ru="Обращение в государственные органы: информационная кампания",
        starts_on=start, questions=DEMO_QUESTIONS, booklet_id=booklet,
        ends_on=ctx.today(), knows_threshold=3,
    ))
    baseline = campaign.waves[0]
    fill_wave(ctx, baseline.id, sheets, 0.45, rnd, settlement_ids)
    if booklet is not None:
        run = record_print_run(ctx, booklet, 300, start + timedelta(days=5))
        for i, sid in enumerate(settlement_ids):
            hand_out(ctx, campaign.id, run.id, sid, 60, start + timedelta(days=10),
                     "volunteer" if i % 2 else "staff", 25 + 5 * i)
    endline = add_wave(ctx, campaign.id, WaveKind.ENDLINE, start + timedelta(days=50))
    fill_wave(ctx, endline.id, sheets, 0.7, rnd, settlement_ids)
    return get_campaign(ctx, campaign.id)




def add_demo_programme(ctx: Context, campaign: CampaignView) -> str:
    """A programme of the center's region with targets, as head office would set them
    (made here with a head-office actor, so the demo's target page has content)."""
    import dataclasses

    from civicdesk.db.models import Center
    from civicdesk.domain.enums import Role
    from civicdesk.domain.programmes import Indicator
    from civicdesk.services import programmes

    with ctx.db.session() as s:
        center = s.get(Center, ctx.actor.center_id)
        region = center.region_kato if center is not None else "19"
    head = ctx.with_actor(dataclasses.replace(ctx.actor, role=Role.HEAD_OFFICE))
    year = ctx.today().year
    p = programmes.create_programme(
        head, "Жергілікті өзін-өзі басқаруды дамыту", "Развитие местного самоуправления",
        ctx.today().replace(year=year - 1, month=1, day=1), ctx.today().replace(month=12, day=31),
        [region])
    for indicator, value in ((Indicator.SEMINARS_HELD, 16), (Indicator.PARTICIPANTS, 240),
                             (Indicator.COPIES_DISTRIBUTED, 600),
                             (Indicator.CONSULTATIONS, 1500),
                             (Indicator.APPLICATIONS_FUNDED, 4)):
        programmes.add_target(head, p.id, indicator, value, region_kato=region)
    programmes.add_target(head, p.id, Indicator.AWARENESS_CHANGE_PP, 35, region_kato=region,
                          campaign_id=campaign.id)
    return p.id

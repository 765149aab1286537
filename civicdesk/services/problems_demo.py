"""The demo's needs assessment and problems register, made through the services: an
assessment with two focus groups and a survey, coordinates for the demo's villages, and
problems in every state of the life cycle (one appeal overdue, one within its term)."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from civicdesk.db.models import (
    AgendaItem,
    Campaign,
    District,
    GrantApplication,
    Meeting,
    Settlement,
)
from civicdesk.domain.awareness import AgeBand
from civicdesk.domain.enums import Sex
from civicdesk.domain.geography import Ring, inside_outline
from civicdesk.domain.problems import Channel
from civicdesk.domain.workdays import add_working_days
from civicdesk.services import assessments as asv
from civicdesk.services import problem_cycle as cycle
from civicdesk.services.base import Context
from civicdesk.services.map_reference import district_outline, fill_coordinates
from civicdesk.services.problem_map import set_coordinates
from civicdesk.services.problems import ProblemInput, create_problem

__all__ = ["add_demo_problems"]

#: the demo's own positions around Bakanas (Balkhash district), not surveyed: the
#: fallback when the district has no shipped outline
COORDS = [(44.81, 76.27), (44.95, 76.02), (44.62, 76.55), (45.10, 76.40), (44.70, 75.90),
          (44.50, 76.20), (45.02, 76.75), (44.88, 76.60), (44.40, 76.45), (45.20, 76.10)]
#: grid steps across the outline's extent when spreading the demo's villages
_GRID = 24


def demo_spots(outline: tuple[Ring, ...], taken: list[tuple[float, float]], n: int
               ) -> list[tuple[float, float]]:
    """``n`` demo positions inside the district's outline, each as far as possible from
    the others and from the ``taken`` ones (the villages the map reference located), so
    the demo's poster shows its villages apart and inside their district. Demo data only:
    a real village gets its coordinates from the reference or from the consultant."""
    points = [pt for ring in outline for pt in ring]
    if not points or n <= 0:
        return []
    lat0, lat1 = min(p[0] for p in points), max(p[0] for p in points)
    lon0, lon1 = min(p[1] for p in points), max(p[1] for p in points)
    grid = [(lat0 + (lat1 - lat0) * (i + 0.5) / _GRID, lon0 + (lon1 - lon0) * (j + 0.5) / _GRID)
            for i in range(_GRID) for j in range(_GRID)]
    dlat, dlon = (lat1 - lat0) / _GRID, (lon1 - lon0) / _GRID
    # inside with a margin of one grid step, so no village sits on the border
    free = [g for g in grid if all(
        inside_outline(g[0] + a * dlat, g[1] + b * dlon, outline)
        for a, b in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)))]
    placed = list(taken)
    spots: list[tuple[float, float]] = []
    while free and len(spots) < n:
        best = max(free, key=lambda g: min(
            ((g[0] - p[0]) ** 2 + (g[1] - p[1]) ** 2 for p in placed), default=0.0))
        free.remove(best)
        spots.append((round(best[0], 4), round(best[1], 4)))
        placed.append(best)
    return spots


PROBLEMS = [
    ("Ауыз су тәулігіне екі сағат қана беріледі", "Питьевая вода подаётся два часа в сутки",
     "water"),
    ("Ауыл көшелерінде жарық жоқ", "На улицах села нет освещения", "roads"),
    ("Аудан орталығына автобус қатынамайды", "Нет автобуса до районного центра",
     "transport"),
    ("Жастарға арналған спорт алаңы жоқ", "Нет спортивной площадки для молодёжи",
     "youth_sport"),
    ("Қарттарға көмір мен отын жеткізу қиын", "Пожилым трудно доставить уголь и дрова",
     "heating"),
    ("Фельдшерлік пункт аптасына бір күн ашық", "Фельдшерский пункт открыт раз в неделю",
     "health"),
    ("Әкімдіктің шешімдері туралы ақпарат жетпейді",
     "Не хватает информации о решениях акимата", "governance"),
]


def add_demo_problems(ctx: Context, seed: int = 1) -> int:
    """Add the demo's assessment and problems; returns the number of problems."""
    rnd = random.Random(seed + 17)
    today = ctx.today()
    with ctx.db.session() as s:
        places = [(x.id, x.district_id) for x in s.scalars(
            select(Settlement).where(Settlement.center_id == ctx.actor.center_id,
                                     Settlement.deleted.is_(False))
            .order_by(Settlement.sort_name).limit(len(COORDS)))]
        item = s.scalar(select(AgendaItem.id).join(Meeting, Meeting.id == AgendaItem.meeting_id)
                        .where(AgendaItem.center_id == ctx.actor.center_id,
                               AgendaItem.deleted.is_(False)).order_by(Meeting.held_on.desc()))
        grant = s.scalar(select(GrantApplication.id).where(
            GrantApplication.center_id == ctx.actor.center_id,
            GrantApplication.awarded_amount.is_not(None), GrantApplication.deleted.is_(False)))
        campaign = s.scalar(select(Campaign.id).where(
            Campaign.center_id == ctx.actor.center_id, Campaign.deleted.is_(False)))
    if len(places) < 3:
        return 0
    fill_coordinates(ctx, [sid for sid, _d in places])
    with ctx.db.session() as s:
        located = {sid: (lat, lon) for sid, lat, lon in s.execute(
            select(Settlement.id, Settlement.latitude, Settlement.longitude).where(
                Settlement.id.in_([sid for sid, _d in places]),
                Settlement.latitude.is_not(None), Settlement.longitude.is_not(None)))
                   if lat is not None and lon is not None}
        kato = s.scalar(select(District.kato).where(District.id == places[0][1]))
    missing = [sid for sid, _d in places if sid not in located]
    spots = demo_spots(district_outline(kato), list(located.values()), len(missing)) or COORDS
    for sid, (lat, lon) in zip(missing, spots, strict=False):
        set_coordinates(ctx, sid, lat, lon)
    district = places[0][1]
    start = today - timedelta(days=120)
    ids = [create_problem(ctx, ProblemInput(kk, ru, cat, [places[i % len(places)][0]],
                                            start + timedelta(days=i))).id
           for i, (kk, ru, cat) in enumerate(PROBLEMS)]
    a = asv.create_assessment(ctx, asv.AssessmentInput(
        district, start, ["focus_group", "online_survey", "paper_survey"],
        start + timedelta(days=30), "СОН / СОН"))
    for n, (sid, _d) in enumerate(places[:2]):
        votes = [(pid, rnd.randrange(2, 14)) for pid in ids]
        asv.add_focus_group(ctx, a.id, asv.FocusGroupInput(
            start + timedelta(days=8 + n), sid, 14, "", {"m": 6, "f": 8},
            {"18_29": 5, "30_35": 2, "45_59": 4, "60_plus": 3},
            {"youth": 7, "pensioners": 3, "parents": 4}, votes))
    bands = list(AgeBand)
    for _ in range(30):
        ticks = rnd.sample(ids, rnd.randrange(1, 4))
        asv.add_response(ctx, a.id, asv.ResponseInput(
            ticks, rnd.choice(places)[0], rnd.choice([Sex.MALE, Sex.FEMALE]),
            rnd.choice(bands), rnd.choice(["online", "paper"])))
    # the life cycle: 0 raised; 1 appeal overdue; 2 appeal within its term; 3 agenda
    # item answered; 4 grant resolved; 5 appeal not resolved; 6 campaign taken up
    overdue_on = today - timedelta(days=45)
    cycle.take_up(ctx, ids[1], cycle.TakeUp(Channel.APPEAL, overdue_on, reference="01-12/345"))
    cycle.take_up(ctx, ids[2], cycle.TakeUp(Channel.APPEAL, today - timedelta(days=3),
                                            reference="01-12/402"))
    if item:
        cycle.take_up(ctx, ids[3], cycle.TakeUp(Channel.AGENDA_ITEM, today - timedelta(days=30),
                                                record_id=item))
        cycle.answer(ctx, ids[3], today - timedelta(days=20),
                     "Жиналыс шешімі: әкімдікке ұсыныс / Решение собрания: предложение акимату")
    if grant:
        cycle.take_up(ctx, ids[4], cycle.TakeUp(Channel.GRANT_APPLICATION,
                                                today - timedelta(days=60), record_id=grant))
        cycle.answer(ctx, ids[4], today - timedelta(days=40), "Грант берілді / Грант выделен")
        cycle.close(ctx, ids[4], True, today - timedelta(days=10))
    received = today - timedelta(days=80)
    cycle.take_up(ctx, ids[5], cycle.TakeUp(Channel.APPEAL, received, reference="01-12/211"))
    cycle.answer(ctx, ids[5], add_working_days(received, 12),
                 "Қаражат келесі жылы қаралады / Средства рассмотрят в следующем году")
    cycle.close(ctx, ids[5], False, today - timedelta(days=5))
    if campaign:
        cycle.take_up(ctx, ids[6], cycle.TakeUp(Channel.CAMPAIGN, today - timedelta(days=7),
                                                record_id=campaign))
    return len(ids)

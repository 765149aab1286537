"""Volunteers for the demo database: a register with consent, an organisation that asks
for help, booklet hand-outs and an aid action ("coal and firewood for pensioners and
people with disabilities in remote villages, with volunteers and utility workers").

Everything goes through the services, so consent rules and the audit log apply as for
anything a consultant types.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from civicdesk.db.models import Campaign, Settlement
from civicdesk.domain.enums import Sex
from civicdesk.services.base import Context
from civicdesk.services.volunteer_work import (
    AidInput,
    AssignmentInput,
    OrgInput,
    add_assignment,
    save_aid,
    save_org,
)
from civicdesk.services.volunteers import VolunteerInput, create_volunteer, withdraw_consent

__all__ = ["add_demo_volunteers"]

PEOPLE = (
    ("Айгерім Сапарова", Sex.FEMALE, 2003, "компьютер, сауалнама"),
    ("Нұрлан Қожахметов", Sex.MALE, 1998, "жүргізуші (B санаты)"),
    ("Әлия Төлеуова", Sex.FEMALE, 2005, "орыс және қазақ тілдері"),
    ("Ерасыл Байжанов", Sex.MALE, 2001, "жүк тасу"),
    ("Ұлжан Оспанова", Sex.FEMALE, 1994, "медбике"),
    ("Дмитрий Ким", Sex.MALE, 1999, "фото, видео"),
    ("Жансая Мұратқызы", Sex.FEMALE, 2006, "кітапша тарату"),
    ("Бекзат Омаров", Sex.MALE, 1990, "отын жару, көмір тасу"),
)


def add_demo_volunteers(ctx: Context, seed: int) -> int:
    """Eight volunteers, their work and one aid action; returns the assignments made."""
    rnd = random.Random(seed + 17)
    today = ctx.today()
    with ctx.db.session() as s:
        villages = list(s.scalars(select(Settlement.id).where(
            Settlement.deleted.is_(False)).order_by(Settlement.sort_name).limit(6)))
        campaign = s.scalar(select(Campaign.id).where(Campaign.deleted.is_(False)).limit(1))
    village = villages[0] if villages else None
    org = save_org(ctx, OrgInput(
        "Ауылдық округ әкімінің аппараты", "akimat", village, "Қабылдау бөлмесі",
        needs="Қыс алдында жалғыз қарттарға көмір мен отын жеткізу"))
    vols = []
    for i, (name, sex, year, skills) in enumerate(PEOPLE):
        purposes = ["register", "statistics", "contact"] + (["network"] if i % 2 == 0 else [])
        vols.append(create_volunteer(ctx, VolunteerInput(
            full_name=name, sex=sex, birth_year=year, phone=f"8 70{i} 555 1{i} 2{i}",
            settlement_id=villages[i % len(villages)] if villages else None, skills=skills,
            availability=("сенбі, жексенбі" if i % 2 else "кешкі уақыт"),
            consent_date=today - timedelta(days=200 - i), consent_purposes=purposes)))
    aid = save_aid(ctx, AidInput(
        "Зейнеткерлер мен мүгедектігі бар адамдарға көмір мен отын", today - timedelta(days=20),
        "kind", amount=Decimal("1440000"), quantity=Decimal(24), unit="тонна", households=12,
        services="Коммуналдық қызмет жұмысшылары, ауылдық округ әкімдігі",
        settlement_id=village, org_id=org.id))
    made = 0
    for v in vols:
        for k in range(rnd.randrange(1, 4)):
            add_assignment(ctx, AssignmentInput(
                v.id, "booklets", today - timedelta(days=30 + 7 * k),
                Decimal(rnd.choice(("1.5", "2", "3"))), campaign_id=campaign))
            made += 1
    for v in vols[1:8:2]:
        add_assignment(ctx, AssignmentInput(v.id, "aid", aid.done_on, Decimal(5),
                                            aid_action_id=aid.id, org_id=org.id))
        made += 1
    withdraw_consent(ctx, vols[-1].id, today - timedelta(days=3))
    return made

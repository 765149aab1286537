"""Kazakh alphabetical order in every list the services sort by name."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from civicdesk.domain.enums import ConsultationChannel, Role
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.consultations import (
    ConsultationInput,
    create_consultation,
    list_consultations,
)
from civicdesk.services.reference import add_settlement, districts, regions, settlements
from civicdesk.services.residents import ResidentInput, create_resident, list_residents
from civicdesk.services.users import create_user, list_users

NAMES = ["Яна Ким", "Өмірзақ Құдайбергенов", "Әсем Жанқызы", "Оспан Ерлан", "Ілияс Бек",
         "Айгүл Серікова", "Қайрат Нұров", "Бекзат Ерланұлы"]
ORDERED = ["Айгүл Серікова", "Әсем Жанқызы", "Бекзат Ерланұлы", "Қайрат Нұров",
           "Оспан Ерлан", "Өмірзақ Құдайбергенов", "Ілияс Бек", "Яна Ким"]


def _resident(ctx: Context, name: str) -> str:
    return create_resident(ctx, ResidentInput(full_name=name, consent_date=date(2025, 1, 5),
                                              consent_purposes=["consultation"])).id


def test_residents_list_and_journal_sort_in_kazakh_order(ctx: Context) -> None:
    for i, name in enumerate(NAMES):
        rid = _resident(ctx, name)
        create_consultation(ctx, ConsultationInput(
            occurred_at=ctx.now().replace(microsecond=0) - timedelta(hours=i + 1),
            channel=ConsultationChannel.PHONE, topic_codes=["appeals"], question="Сұрақ",
            resident_id=rid))
    page = list_residents(ctx, ListQuery(sort="full_name"))
    assert [r.full_name for r in page.rows] == ORDERED
    page = list_residents(ctx, ListQuery(sort="full_name", descending=True))
    assert [r.full_name for r in page.rows] == ORDERED[::-1]
    journal = list_consultations(ctx, ListQuery(sort="resident", limit=50))
    assert [r.resident_name for r in journal.rows] == ORDERED
    # the key is stored and indexed: the first page walks the index
    with ctx.db.session() as s:
        plan = " ".join(str(r[3]) for r in s.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM residents ORDER BY sort_name LIMIT 10")))
    assert "ix_residents_sort" in plan


def test_renamed_and_erased_residents_move(ctx: Context) -> None:
    from civicdesk.services.residents import erase_resident, update_resident

    a = _resident(ctx, "Яна Ким")
    _resident(ctx, "Бекзат Ерланұлы")
    update_resident(ctx, a, ResidentInput(full_name="Әлия Ким", consent_date=date(2025, 1, 5),
                                          consent_purposes=["consultation"]))
    assert [r.full_name for r in list_residents(ctx, ListQuery(sort="full_name")).rows] == [
        "Әлия Ким", "Бекзат Ерланұлы"]
    erase_resident(ctx, a)
    with ctx.db.session() as s:
        key = s.execute(text("SELECT sort_name FROM residents WHERE id = :i"), {"i": a}).scalar()
        log = s.execute(text("SELECT after FROM audit_log WHERE entity_id = :i"), {"i": a}).all()
    from civicdesk.domain.collation import collation_key

    assert key == collation_key("—")  # the erased name leaves the key too
    assert not any("sort_name" in (row[0] or "") for row in log)


def test_users_settlements_regions_districts_in_kazakh_order(ctx: Context) -> None:
    for login, name in (("u1", "Өмір Сейіт"), ("u2", "Оспан Әли"), ("u3", "Ұлан Бек")):
        create_user(ctx, login=login, full_name=name, role=Role.CONSULTANT, password="pass-word-123")
    names = [u.full_name for u in list_users(ctx)]
    assert names.index("Оспан Әли") < names.index("Өмір Сейіт") < names.index("Ұлан Бек")
    for kk, ru in (("Үшарал", "Ушарал"), ("Қарабұлақ", "Карабулак"), ("Көктал", "Коктал")):
        add_settlement(ctx, kk, ru)
    kk_names = [s.name_kk for s in settlements(ctx)]
    assert kk_names.index("Көктал") < kk_names.index("Қарабұлақ") < kk_names.index("Үшарал")
    from civicdesk.domain.collation import collation_key

    for rows in (regions(ctx), districts(ctx)):
        keys = [collation_key(r.name_kk) for r in rows]
        assert keys == sorted(keys) and rows

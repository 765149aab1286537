"""The consultation journal: record, validate, list in SQL, search, follow-ups."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from civicdesk.db.models import Consultation
from civicdesk.domain.collation import collation_key
from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.domain.errors import UserError, ValidationErrors
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.consultations import (
    SORTS,
    ConsultationFilters,
    ConsultationInput,
    create_consultation,
    delete_consultation,
    follow_ups_due,
    get_consultation,
    list_consultations,
    update_consultation,
)
from civicdesk.services.residents import ResidentInput, create_resident


def _input(ctx: Context, **kw: object) -> ConsultationInput:
    base: dict[str, object] = {
        "occurred_at": ctx.now().replace(microsecond=0) - timedelta(hours=1),
        "channel": ConsultationChannel.IN_PERSON,
        "topic_codes": ["appeals"],
        "question": "Әкімдікке өтінішті қалай жазамын?",
        "advice": "e-Otinish арқылы жіберу көрсетілді.",
    }
    base.update(kw)
    return ConsultationInput(**base)  # type: ignore[arg-type]


def _count(ctx: Context) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Consultation)) or 0)


def test_create_with_resident_and_extra_topics(ctx: Context) -> None:
    resident = create_resident(
        ctx, ResidentInput(full_name="Дәулет Қасымов", consent_date=date(2025, 1, 5),
                           consent_purposes=["consultation"]),
    )
    view = create_consultation(
        ctx, _input(ctx, resident_id=resident.id, topic_codes=["appeals", "grants", "grants"])
    )
    assert view.topic_codes == ["appeals", "grants"]
    assert view.resident_name == "Дәулет Қасымов"
    assert view.consultant_id == ctx.actor.user_id
    again = get_consultation(ctx, view.id)
    assert again == view


def test_missing_question_and_unknown_topic_save_nothing(ctx: Context) -> None:
    before = _count(ctx)
    with pytest.raises(ValidationErrors) as info:
        create_consultation(ctx, _input(ctx, question="  ", topic_codes=[]))
    assert info.value.errors
    assert all(e.text("kk") and e.text("ru") for e in info.value.errors)
    with pytest.raises(ValidationErrors) as info2:
        create_consultation(ctx, _input(ctx, topic_codes=["no_such_topic"]))
    assert "consultation.topic_unknown" in {e.code for e in info2.value.errors}
    assert _count(ctx) == before


def test_follow_up_before_the_consultation_is_refused(ctx: Context) -> None:
    when = ctx.now() - timedelta(days=2)
    with pytest.raises(ValidationErrors):
        create_consultation(ctx, _input(ctx, occurred_at=when, follow_up_on=(when - timedelta(days=3)).date()))


def test_update_and_soft_delete(ctx: Context) -> None:
    view = create_consultation(ctx, _input(ctx))
    updated = update_consultation(
        ctx, view.id, _input(ctx, advice="Өтініш үлгісі берілді.", status=ConsultationStatus.CLOSED)
    )
    assert updated.advice == "Өтініш үлгісі берілді." and updated.rev == 2
    delete_consultation(ctx, view.id)
    with pytest.raises(UserError):
        get_consultation(ctx, view.id)
    assert list_consultations(ctx, ListQuery()).total == 0


def _fill(ctx: Context) -> list[str]:
    topics = ["appeals", "grants", "gathering_org", "participatory_budget"]
    channels = list(ConsultationChannel)
    ids = []
    names = ["Әсел Бекова", "Ярослав Ким", "Бауыржан Ахметов", "Ерлан Сапаров"]
    residents = [
        create_resident(ctx, ResidentInput(full_name=n, consent_date=date(2025, 1, 5),
                                           consent_purposes=["consultation"])).id
        for n in names
    ]
    for i in range(24):
        view = create_consultation(
            ctx,
            _input(
                ctx,
                resident_id=residents[i % 4] if i % 3 else None,
                occurred_at=ctx.now().replace(microsecond=0) - timedelta(days=i),
                topic_codes=[topics[i % 4]],
                channel=channels[i % len(channels)],
                question=("Жиын туралы сұрақ " if i % 3 == 0 else "Вопрос о бюджете ") + str(i),
            ),
        )
        ids.append(view.id)
    return ids


@pytest.mark.parametrize("column", sorted(SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_matches_a_python_sort(ctx: Context, column: str, descending: bool) -> None:
    _fill(ctx)
    rows = list_consultations(ctx, ListQuery(sort=column, descending=descending, limit=1000)).rows
    key = {
        "occurred_at": lambda r: r.occurred_at,
        "resident": lambda r: collation_key(r.resident_name),
        "topic": lambda r: r.topic_code,
        "channel": lambda r: r.channel.value,
        "status": lambda r: r.status.value,
        "consultant": lambda r: collation_key(r.consultant_name),
        "settlement": lambda r: collation_key(r.settlement_kk),
        "follow_up_on": lambda r: r.follow_up_on or date.min,
        "question": lambda r: r.question,
    }[column]
    values = [key(r) for r in rows]
    assert values == sorted(values, reverse=descending)
    assert len(rows) == 24


@pytest.mark.parametrize("column", ["occurred_at", "resident", "status"])
@pytest.mark.parametrize("descending", [False, True])
def test_paging_covers_every_row_once(ctx: Context, column: str, descending: bool) -> None:
    ids = set(_fill(ctx))
    whole = list_consultations(ctx, ListQuery(sort=column, descending=descending, limit=100))
    seen: list[str] = []
    for offset in range(0, 30, 7):
        page = list_consultations(
            ctx, ListQuery(offset=offset, limit=7, sort=column, descending=descending)
        )
        assert page.total == 24
        seen.extend(r.id for r in page.rows)
    assert len(seen) == 24 and set(seen) == ids
    assert seen == [r.id for r in whole.rows]


def test_search_and_filters(ctx: Context) -> None:
    _fill(ctx)
    assert list_consultations(ctx, ListQuery(search="жиын")).total == 8
    assert list_consultations(ctx, ListQuery(search="БЮДЖЕТ")).total == 16
    assert list_consultations(ctx, ListQuery(search="\"*)(")).total == 0
    page = list_consultations(
        ctx, ListQuery(), ConsultationFilters(topic_code="grants", channel=ConsultationChannel.PHONE)
    )
    assert all(r.topic_code == "grants" and r.channel is ConsultationChannel.PHONE for r in page.rows)
    today = ctx.today()
    recent = list_consultations(
        ctx, ListQuery(), ConsultationFilters(date_from=today - timedelta(days=4), date_to=today)
    )
    assert recent.total == 5


def test_follow_ups_due(ctx: Context) -> None:
    now = ctx.now().replace(microsecond=0)
    create_consultation(ctx, _input(ctx, occurred_at=now - timedelta(days=20),
                                    follow_up_on=(now - timedelta(days=5)).date()))
    create_consultation(ctx, _input(ctx, occurred_at=now - timedelta(days=1),
                                    follow_up_on=(now + timedelta(days=30)).date()))
    due = follow_ups_due(ctx)
    assert len(due) == 1 and due[0].follow_up_on == (now - timedelta(days=5)).date()


def test_other_center_sees_nothing(ctx: Context, other_center_ctx: Context) -> None:
    view = create_consultation(ctx, _input(ctx))
    assert list_consultations(other_center_ctx, ListQuery()).total == 0
    with pytest.raises(UserError):
        update_consultation(other_center_ctx, view.id, _input(ctx))


def test_future_consultation_is_refused(ctx: Context) -> None:
    with pytest.raises(ValidationErrors):
        create_consultation(ctx, _input(ctx, occurred_at=datetime.now() + timedelta(days=5)))

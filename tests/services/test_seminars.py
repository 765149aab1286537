"""Seminars: the event, participants, attendance, pre/post scores, summary."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from civicdesk.db.models import AuditEntry, Seminar, SeminarParticipant
from civicdesk.domain.enums import Role, Sex
from civicdesk.domain.errors import UserError
from civicdesk.domain.validation import field_errors
from civicdesk.services import seminars as svc
from civicdesk.services.base import Actor, Context, ListQuery
from civicdesk.services.reference import add_settlement
from civicdesk.services.residents import ResidentInput, create_resident
from civicdesk.services.seminars import ParticipantInput, SeminarFilters, SeminarInput

HELD = date(2025, 4, 10)


def codes(exc: pytest.ExceptionInfo[UserError]) -> list[str]:
    errors = field_errors(exc.value)
    for e in errors:
        assert e.text("kk").strip() and e.text("ru").strip()
    return [e.code for e in errors]


def count(ctx: Context, model: Any) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def audits(ctx: Context, entity: str, entity_id: str) -> list[str]:
    with ctx.db.session() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.at, AuditEntry.id)
            )
        )


def seminar_input(**kw: Any) -> SeminarInput:
    base: dict[str, Any] = dict(
        title="Цифрлық сауаттылық: eGov", held_on=HELD, topic="digital_literacy",
        place="Кітапхана", trainer="Мадина Әлиева", hours=4,
    )
    base.update(kw)
    return SeminarInput(**base)


def test_create_get_update_delete(ctx: Context) -> None:
    sem = svc.create_seminar(ctx, seminar_input(place="  Мектеп   залы "))
    assert sem.place == "Мектеп залы" and sem.summary.count == 0
    assert svc.get_seminar(ctx, sem.id) == sem
    upd = svc.update_seminar(ctx, sem.id, seminar_input(hours=6, topic="financial_literacy"))
    assert (upd.hours, upd.topic, upd.rev) == (6, "financial_literacy", sem.rev + 1)
    svc.add_participant(ctx, sem.id, ParticipantInput("Асқар"))
    svc.delete_seminar(ctx, sem.id)
    with pytest.raises(UserError) as exc:
        svc.get_seminar(ctx, sem.id)
    assert exc.value.code == "not_found"
    with ctx.db.session() as s:
        assert all(p.deleted for p in s.scalars(select(SeminarParticipant)))
    assert audits(ctx, "seminar", sem.id) == ["create", "update", "delete"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title": "  "}, "seminar.title_required"),
        ({"hours": 25}, "seminar.hours"),
        ({"hours": -1}, "seminar.hours"),
        ({"topic": "x" * 41}, "seminar.too_long"),
        ({"held_on": date.today() + timedelta(days=400)}, "seminar.date_far"),
        ({"settlement_id": "nowhere"}, "not_found"),
    ],
)
def test_validation_saves_nothing(ctx: Context, changes: dict[str, Any], code: str) -> None:
    before = (count(ctx, Seminar), count(ctx, AuditEntry))
    with pytest.raises(UserError) as exc:
        svc.create_seminar(ctx, seminar_input(**changes))
    assert codes(exc) == [code]
    assert (count(ctx, Seminar), count(ctx, AuditEntry)) == before


def test_participants_scores_and_summary(ctx: Context) -> None:
    resident = create_resident(
        ctx, ResidentInput("Жанар Төлеуова", sex=Sex.FEMALE, consent_date=date(2025, 1, 5),
                           consent_purposes=["events"]),
    )
    sem = svc.create_seminar(ctx, seminar_input())
    from_card = svc.add_participant(
        ctx, sem.id, ParticipantInput(resident_id=resident.id, pre_score=40, post_score=80)
    )
    assert from_card.full_name == "Жанар Төлеуова" and from_card.resident_id == resident.id
    svc.add_participant(ctx, sem.id, ParticipantInput("Ержан", pre_score=55, post_score=70))
    svc.add_participant(ctx, sem.id, ParticipantInput("Гүлмира", pre_score=60))
    absent = svc.add_participant(ctx, sem.id, ParticipantInput("Бауыржан", attended=False))
    summary = svc.seminar_summary(ctx, sem.id)
    assert (summary.count, summary.attended) == (4, 3)
    assert summary.mean_pre == Decimal("51.7")  # (40 + 55 + 60) / 3
    assert summary.mean_post == Decimal("75.0")
    assert summary.mean_gain == Decimal("27.5")  # (40 + 15) / 2

    came = svc.update_participant(
        ctx, absent.id, ParticipantInput("Бауыржан", attended=True, post_score=100)
    )
    assert came.attended and came.post_score == 100
    view = svc.get_seminar(ctx, sem.id)
    assert view.summary.attended == 4 and view.summary.mean_post == Decimal("83.3")
    assert view.participants[0].full_name == "Жанар Төлеуова"
    svc.remove_participant(ctx, absent.id)
    assert svc.seminar_summary(ctx, sem.id).count == 3
    assert audits(ctx, "seminar_participant", absent.id) == ["create", "update", "delete"]


def test_participant_errors_save_nothing(ctx: Context) -> None:
    resident = create_resident(
        ctx, ResidentInput("Жанар Төлеуова", sex=Sex.FEMALE, consent_date=date(2025, 1, 5),
                           consent_purposes=["events"]),
    )
    sem = svc.create_seminar(ctx, seminar_input())
    p = svc.add_participant(ctx, sem.id, ParticipantInput(resident_id=resident.id))
    before = (count(ctx, SeminarParticipant), count(ctx, AuditEntry))
    cases: list[tuple[ParticipantInput, list[str]]] = [
        (ParticipantInput(""), ["seminar.name_required"]),
        (ParticipantInput("А", pre_score=101, post_score=-1),
         ["seminar.score_range", "seminar.score_range"]),
        (ParticipantInput("А", attended=False, pre_score=50), ["seminar.score_absent"]),
        (ParticipantInput(resident_id=resident.id), ["seminar.duplicate"]),
        (ParticipantInput(resident_id="nobody"), ["not_found"]),
    ]
    for data, expected in cases:
        with pytest.raises(UserError) as exc:
            svc.add_participant(ctx, sem.id, data)
        assert codes(exc) == expected
    with pytest.raises(UserError) as exc:
        svc.update_participant(ctx, p.id, ParticipantInput(resident_id=resident.id,
                                                           post_score=150))
    assert codes(exc) == ["seminar.score_range"]
    assert (count(ctx, SeminarParticipant), count(ctx, AuditEntry)) == before


def test_other_center_and_head_office(ctx: Context, other_center_ctx: Context) -> None:
    sem = svc.create_seminar(ctx, seminar_input())
    with pytest.raises(UserError) as exc:
        svc.get_seminar(other_center_ctx, sem.id)
    assert exc.value.code == "not_found"
    assert svc.list_seminars(other_center_ctx, ListQuery()).total == 0
    ho = ctx.with_actor(Actor("ho", "Бас кеңсе", Role.HEAD_OFFICE, "head-office"))
    assert svc.get_seminar(ho, sem.id).id == sem.id
    with pytest.raises(UserError) as exc:
        svc.add_participant(ho, sem.id, ParticipantInput("Асқар"))
    assert exc.value.code == "access.denied"


def test_consultant_runs_seminars(consultant_ctx: Context) -> None:
    sem = svc.create_seminar(consultant_ctx, seminar_input())
    svc.add_participant(consultant_ctx, sem.id, ParticipantInput("Асқар"))
    assert svc.get_seminar(consultant_ctx, sem.id).summary.count == 1


def test_list_sorted_paged_filtered(ctx: Context) -> None:
    village = add_settlement(ctx, "Көктал", "Коктал")
    made = []
    for i in range(7):
        sem = svc.create_seminar(
            ctx,
            seminar_input(
                title=f"Семинар {i}", held_on=HELD - timedelta(days=i * 3),
                topic="financial_literacy" if i % 2 else "digital_literacy",
                trainer=f"Тренер {6 - i}", settlement_id=village.id if i < 3 else None,
            ),
        )
        for j in range(i % 4):
            svc.add_participant(ctx, sem.id, ParticipantInput(f"Қатысушы {j}", attended=j != 1))
        made.append(sem)
    rows = svc.list_seminars(ctx, ListQuery(limit=100)).rows
    assert [r.held_on for r in rows] == sorted((m.held_on for m in made), reverse=True)
    by_trainer = svc.list_seminars(ctx, ListQuery(sort="trainer", limit=100)).rows
    assert [r.id for r in by_trainer] == [
        m.id for m in sorted(made, key=lambda m: (m.trainer, m.id))
    ]
    by_count = svc.list_seminars(ctx, ListQuery(sort="participants", descending=True)).rows
    assert [(r.participants, r.id) for r in by_count] == sorted(
        ((r.participants, r.id) for r in rows), reverse=True
    )
    assert {r.title: (r.participants, r.attended) for r in rows}["Семинар 3"] == (3, 2)
    pages = [svc.list_seminars(ctx, ListQuery(offset=o, limit=3, sort="title")) for o in (0, 3, 6)]
    assert [len(p.rows) for p in pages] == [3, 3, 1] and {p.total for p in pages} == {7}
    assert [r.title for p in pages for r in p.rows] == [f"Семинар {i}" for i in range(7)]
    assert svc.list_seminars(ctx, ListQuery(), SeminarFilters(topic="digital_literacy")).total == 4
    assert svc.list_seminars(ctx, ListQuery(), SeminarFilters(settlement_id=village.id)).total == 3
    period = SeminarFilters(date_from=HELD - timedelta(days=6), date_to=HELD)
    assert svc.list_seminars(ctx, ListQuery(), period).total == 3
    assert svc.list_seminars(ctx, ListQuery(search="Тренер 6")).total == 1
    with pytest.raises(UserError) as exc:
        svc.list_seminars(ctx, ListQuery(sort="nope"))
    assert exc.value.code == "list.bad_sort"

"""Minutes of gatherings and meetings: records, attendance, agenda, votes, locking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from civicdesk.db.models import AgendaItem, AuditEntry, Meeting, MeetingAttendee
from civicdesk.domain.enums import MeetingKind, MeetingStatus, Role, Sex, VoteOutcome
from civicdesk.domain.errors import UserError
from civicdesk.domain.meetings import akim_deadline
from civicdesk.domain.validation import field_errors
from civicdesk.services import meetings as svc
from civicdesk.services.base import Actor, Context, ListQuery
from civicdesk.services.meetings import (
    AgendaItemInput,
    AttendeeInput,
    MeetingFilters,
    MeetingInput,
)
from civicdesk.services.reference import add_settlement
from civicdesk.services.residents import ResidentInput, create_resident

HELD = date(2025, 3, 14)


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


def meeting_input(**kw: Any) -> MeetingInput:
    base: dict[str, Any] = dict(
        kind=MeetingKind.MEETING, held_on=HELD, number="3", starts_at="10:00", ends_at="12:00",
        place="Ауылдық клуб", convened_by="Ауыл әкімі", chair_name="Серік Бекұлы",
        secretary_name="Айгүл Маратқызы", members_eligible=10,
    )
    base.update(kw)
    return MeetingInput(**base)


def ready_meeting(ctx: Context, present: int = 6, **kw: Any) -> svc.MeetingView:
    m = svc.create_meeting(ctx, meeting_input(members_present=present, **kw))
    item = svc.add_agenda_item(ctx, m.id, AgendaItemInput("Жол жөндеу туралы"))
    svc.record_votes(ctx, item.id, present, 0, 0)
    return svc.get_meeting(ctx, m.id)


def head_office(ctx: Context) -> Context:
    return ctx.with_actor(Actor("ho-user", "Бас кеңсе", Role.HEAD_OFFICE, "head-office"))


# --------------------------------------------------------------------------- CRUD


def test_create_get_update_delete_with_audit(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input(members_present=7, place="  Мектеп  залы "))
    assert m.status is MeetingStatus.DRAFT and not m.locked
    assert m.place == "Мектеп залы"
    assert m.members_present == 7
    assert m.quorum is not None and m.quorum.reached and m.quorum.needed == 6
    assert m.quorum_rule_version == "2017-295"
    assert m.send_by == akim_deadline(HELD)

    got = svc.get_meeting(ctx, m.id)
    assert got == m

    updated = svc.update_meeting(ctx, m.id, meeting_input(members_present=4, number="4"))
    assert updated.number == "4" and updated.rev == m.rev + 1
    assert updated.quorum is not None and not updated.quorum.reached

    svc.delete_meeting(ctx, m.id)
    with pytest.raises(UserError) as exc:
        svc.get_meeting(ctx, m.id)
    assert exc.value.code == "not_found"
    assert audits(ctx, "meeting", m.id) == ["create", "update", "delete"]
    with ctx.db.session() as s:
        row = s.get(Meeting, m.id)
        assert row is not None and row.deleted


def test_delete_soft_deletes_children(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input())
    svc.set_attendance(ctx, m.id, [AttendeeInput("Асқар")])
    svc.add_agenda_item(ctx, m.id, AgendaItemInput("Бірінші мәселе"))
    svc.delete_meeting(ctx, m.id)
    with ctx.db.session() as s:
        assert all(a.deleted for a in s.scalars(select(MeetingAttendee)))
        assert all(i.deleted for i in s.scalars(select(AgendaItem)))


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"starts_at": "25:00"}, "meeting.time"),
        ({"ends_at": "9.30"}, "meeting.time"),
        ({"starts_at": "12:00", "ends_at": "10:00"}, "meeting.end_before_start"),
        ({"members_present": 11}, "meeting.present_exceeds"),
        ({"members_eligible": -1}, "meeting.counts_negative"),
        ({"number": "x" * 21}, "meeting.too_long"),
        ({"kind": "council"}, "meeting.kind"),
        ({"settlement_id": "no-such-village"}, "not_found"),
    ],
)
def test_validation_errors_save_nothing(ctx: Context, changes: dict[str, Any], code: str) -> None:
    before = (count(ctx, Meeting), count(ctx, AuditEntry))
    with pytest.raises(UserError) as exc:
        svc.create_meeting(ctx, meeting_input(**changes))
    assert code in codes(exc)
    assert (count(ctx, Meeting), count(ctx, AuditEntry)) == before


def test_update_validation_keeps_old_values(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input())
    with pytest.raises(UserError) as exc:
        svc.update_meeting(ctx, m.id, meeting_input(starts_at="7", number="99"))
    assert codes(exc) == ["meeting.time"]
    assert svc.get_meeting(ctx, m.id).number == "3"


# --------------------------------------------------------------------------- access


def test_other_center_cannot_see_or_change(ctx: Context, other_center_ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input())
    for call in (
        lambda: svc.get_meeting(other_center_ctx, m.id),
        lambda: svc.update_meeting(other_center_ctx, m.id, meeting_input()),
        lambda: svc.delete_meeting(other_center_ctx, m.id),
        lambda: svc.quorum_status(other_center_ctx, m.id),
        lambda: svc.minutes_data(other_center_ctx, m.id),
    ):
        with pytest.raises(UserError) as exc:
            call()
        assert exc.value.code == "not_found"
    assert svc.list_meetings(other_center_ctx, ListQuery()).total == 0
    assert svc.list_meetings(ctx, ListQuery()).total == 1


def test_head_office_reads_but_does_not_edit(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input())
    ho = head_office(ctx)
    assert svc.get_meeting(ho, m.id).id == m.id
    assert svc.list_meetings(ho, ListQuery()).total == 1
    with pytest.raises(UserError) as exc:
        svc.update_meeting(ho, m.id, meeting_input())
    assert exc.value.code == "access.denied"
    assert exc.value.text("kk") and exc.value.text("ru")


def test_consultant_records_minutes(consultant_ctx: Context) -> None:
    m = svc.create_meeting(consultant_ctx, meeting_input())
    assert svc.get_meeting(consultant_ctx, m.id).center_id == consultant_ctx.actor.center_id


# --------------------------------------------------------------------------- list


def test_list_sorted_paged_filtered_in_sql(ctx: Context) -> None:
    village = add_settlement(ctx, "Ақсу", "Аксу")
    kinds = list(MeetingKind)
    made = []
    for i in range(9):
        made.append(
            svc.create_meeting(
                ctx,
                meeting_input(
                    kind=kinds[i % 3], held_on=HELD - timedelta(days=i * 7),
                    number=str(20 - i), place=f"Орын {i % 4}",
                    settlement_id=village.id if i % 2 == 0 else None,
                    members_present=i % 5,
                ),
            )
        )
    everything = svc.list_meetings(ctx, ListQuery(limit=100)).rows
    assert [r.held_on for r in everything] == sorted((m.held_on for m in made), reverse=True)

    by_place = svc.list_meetings(ctx, ListQuery(sort="place", limit=100)).rows
    expected = sorted(made, key=lambda m: (m.place, m.id))
    assert [r.id for r in by_place] == [m.id for m in expected]

    desc = svc.list_meetings(ctx, ListQuery(sort="members_present", descending=True, limit=100))
    expected = sorted(made, key=lambda m: (m.members_present, m.id), reverse=True)
    assert [r.id for r in desc.rows] == [m.id for m in expected]

    pages = [
        svc.list_meetings(ctx, ListQuery(offset=o, limit=4, sort="number")) for o in (0, 4, 8)
    ]
    assert all(p.total == 9 for p in pages)
    assert [len(p.rows) for p in pages] == [4, 4, 1]
    assert [r.id for p in pages for r in p.rows] == [
        m.id for m in sorted(made, key=lambda m: (m.number, m.id))
    ]

    gatherings = svc.list_meetings(ctx, ListQuery(), MeetingFilters(kind=MeetingKind.GATHERING))
    assert gatherings.total == 3 and all(r.kind is MeetingKind.GATHERING for r in gatherings.rows)
    in_village = svc.list_meetings(ctx, ListQuery(), MeetingFilters(settlement_id=village.id))
    assert in_village.total == 5 and all(r.settlement_ru == "Аксу" for r in in_village.rows)
    period = svc.list_meetings(
        ctx, ListQuery(), MeetingFilters(date_from=HELD - timedelta(days=14), date_to=HELD)
    )
    assert period.total == 3
    assert svc.list_meetings(ctx, ListQuery(search="Орын 3")).total == 2
    drafts = svc.list_meetings(ctx, ListQuery(), MeetingFilters(status=MeetingStatus.DRAFT))
    assert drafts.total == 9
    assert svc.list_meetings(
        ctx, ListQuery(), MeetingFilters(status=MeetingStatus.FINALIZED)
    ).total == 0

    with pytest.raises(UserError) as exc:
        svc.list_meetings(ctx, ListQuery(sort="secret"))
    assert exc.value.code == "list.bad_sort"


def test_list_counts_agenda_items(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input())
    for title in ("A", "B"):
        svc.add_agenda_item(ctx, m.id, AgendaItemInput(title))
    row = svc.list_meetings(ctx, ListQuery()).rows[0]
    assert row.agenda_items == 2


# --------------------------------------------------------------------------- attendance


def test_attendance_recounts_present(ctx: Context) -> None:
    resident = create_resident(
        ctx, ResidentInput("Дәурен Смағұлов", sex=Sex.MALE, consent_date=date(2025, 1, 10),
                           consent_purposes=["consultation"]),
    )
    m = svc.create_meeting(ctx, meeting_input())
    assert m.members_present == 0
    view = svc.set_attendance(
        ctx, m.id,
        [
            AttendeeInput(resident_id=resident.id),
            AttendeeInput("Серік Бекұлы", role="chair"),
            AttendeeInput("Айгүл Маратқызы", role="secretary"),
            AttendeeInput("Болат", present=False),
            AttendeeInput("Аудан әкімінің орынбасары", role="guest"),
        ],
    )
    assert view.members_present == 3  # guests and the absent do not count
    assert view.attendees[0].full_name == "Дәурен Смағұлов"
    keep = view.attendees[1]
    view2 = svc.set_attendance(
        ctx, m.id, [AttendeeInput("Серік Бекұлы", role="chair", id=keep.id), AttendeeInput("Нұр")]
    )
    assert view2.members_present == 2
    assert keep.id in {a.id for a in view2.attendees}
    assert len(view2.attendees) == 2
    assert "attendance" in audits(ctx, "meeting", m.id)


def test_present_entered_directly_is_kept(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input(members_present=8))
    view = svc.set_attendance(ctx, m.id, [AttendeeInput("Асқар"), AttendeeInput("Бек")])
    assert view.members_present == 8
    # entered as "count from the list" again: follows the list
    view = svc.update_meeting(ctx, m.id, meeting_input(members_present=None))
    assert view.members_present == 2


def test_attendance_errors_save_nothing(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input(members_eligible=1))
    svc.set_attendance(ctx, m.id, [AttendeeInput("Асқар")])
    before = count(ctx, MeetingAttendee)
    with pytest.raises(UserError) as exc:
        svc.set_attendance(
            ctx, m.id,
            [AttendeeInput("", present=False), AttendeeInput("Бек", role="boss"),
             AttendeeInput("X", id="nope")],
        )
    assert codes(exc) == [
        "meeting.attendee_name", "meeting.attendee_role", "meeting.attendee_unknown",
    ]
    with pytest.raises(UserError) as exc:
        svc.set_attendance(ctx, m.id, [AttendeeInput("Бек"), AttendeeInput("Дина")])
    assert codes(exc) == ["meeting.present_exceeds"]
    assert count(ctx, MeetingAttendee) == before
    assert svc.get_meeting(ctx, m.id).attendees[0].full_name == "Асқар"


# --------------------------------------------------------------------------- agenda


def test_agenda_positions_stay_dense(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input())
    a = svc.add_agenda_item(ctx, m.id, AgendaItemInput("A"))
    b = svc.add_agenda_item(ctx, m.id, AgendaItemInput("B"))
    c = svc.add_agenda_item(ctx, m.id, AgendaItemInput("C"), position=1)

    def titles() -> list[tuple[int, str]]:
        return [(i.position, i.title) for i in svc.get_meeting(ctx, m.id).agenda]

    assert titles() == [(1, "C"), (2, "A"), (3, "B")]
    moved = svc.move_agenda_item(ctx, c.id, 3)
    assert [(i.position, i.title) for i in moved] == [(1, "A"), (2, "B"), (3, "C")]
    svc.remove_agenda_item(ctx, a.id)
    assert titles() == [(1, "B"), (2, "C")]
    upd = svc.update_agenda_item(
        ctx, b.id, AgendaItemInput("B2", speakers="Әкім", proposal="Қабылдау", decision="Иә")
    )
    assert (upd.title, upd.speakers, upd.proposal, upd.decision) == ("B2", "Әкім", "Қабылдау", "Иә")
    assert upd.outcome is None
    assert audits(ctx, "agenda_item", a.id) == ["create", "delete"]
    assert audits(ctx, "agenda_item", c.id) == ["create", "move"]

    with pytest.raises(UserError) as exc:
        svc.move_agenda_item(ctx, b.id, 3)
    assert codes(exc) == ["meeting.agenda_position"]
    with pytest.raises(UserError) as exc:
        svc.add_agenda_item(ctx, m.id, AgendaItemInput("D"), position=0)
    assert codes(exc) == ["meeting.agenda_position"]
    before = count(ctx, AgendaItem)
    with pytest.raises(UserError) as exc:
        svc.add_agenda_item(ctx, m.id, AgendaItemInput("   "))
    assert codes(exc) == ["meeting.agenda_title"]
    assert count(ctx, AgendaItem) == before


# --------------------------------------------------------------------------- quorum, votes


@pytest.mark.parametrize(
    ("kind", "eligible", "present", "votes", "quorum", "outcome"),
    [
        # meeting: more than half of members; simple majority of those present
        (MeetingKind.MEETING, 10, 6, (4, 1, 1), True, VoteOutcome.ADOPTED),
        (MeetingKind.MEETING, 10, 6, (3, 2, 1), True, VoteOutcome.REJECTED),
        (MeetingKind.MEETING, 10, 6, (0, 0, 0), True, VoteOutcome.NOT_VOTED),
        # gathering: its own (configurable) participation threshold, default > half
        (MeetingKind.GATHERING, 120, 61, (31, 20, 10), True, VoteOutcome.ADOPTED),
        (MeetingKind.GATHERING, 120, 61, (30, 31, 0), True, VoteOutcome.REJECTED),
        # separate gathering: no participation threshold; majority of those present
        (MeetingKind.SEPARATE_GATHERING, 300, 25, (13, 12, 0), True, VoteOutcome.ADOPTED),
        (MeetingKind.SEPARATE_GATHERING, 300, 25, (12, 0, 13), True, VoteOutcome.REJECTED),
    ],
)
def test_quorum_and_outcome_by_kind(
    ctx: Context,
    kind: MeetingKind,
    eligible: int,
    present: int,
    votes: tuple[int, int, int],
    quorum: bool,
    outcome: VoteOutcome,
) -> None:
    m = svc.create_meeting(
        ctx, meeting_input(kind=kind, members_eligible=eligible, members_present=present)
    )
    q = svc.quorum_status(ctx, m.id)
    assert (q.reached, q.eligible, q.present) == (quorum, eligible, present)
    item = svc.add_agenda_item(ctx, m.id, AgendaItemInput("Мәселе"))
    voted = svc.record_votes(ctx, item.id, *votes)
    assert voted.outcome is outcome
    assert (voted.votes_for, voted.votes_against, voted.votes_abstain) == votes
    version = svc.get_meeting(ctx, m.id).quorum_rule_version
    assert version == ("2023-122" if kind is MeetingKind.SEPARATE_GATHERING else "2017-295")


def test_votes_rejected_when_counts_wrong(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input(members_present=6))
    item = svc.add_agenda_item(ctx, m.id, AgendaItemInput("Мәселе"))
    with pytest.raises(UserError) as exc:
        svc.record_votes(ctx, item.id, 5, 1, 1)
    assert codes(exc) == ["meeting.votes_exceed_present"]
    with pytest.raises(UserError) as exc:
        svc.record_votes(ctx, item.id, -1, 0, 0)
    assert codes(exc) == ["meeting.votes_negative"]
    assert svc.get_meeting(ctx, m.id).agenda[0].outcome is None


def test_record_votes_audited_with_decision(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input(members_present=6))
    item = svc.add_agenda_item(ctx, m.id, AgendaItemInput("Мәселе"))
    voted = svc.record_votes(ctx, item.id, 6, 0, 0, decision="Жолды жөндеу")
    assert voted.decision == "Жолды жөндеу"
    with ctx.db.session() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == item.id, AuditEntry.action == "update")
        ).one()
        assert entry.after is not None and entry.after["outcome"] == "adopted"


def test_votes_cannot_be_entered_without_quorum(ctx: Context) -> None:
    m = svc.create_meeting(
        ctx, meeting_input(kind=MeetingKind.GATHERING, members_eligible=120, members_present=60)
    )
    item = svc.add_agenda_item(ctx, m.id, AgendaItemInput("Мәселе"))
    with pytest.raises(UserError) as exc:
        svc.record_votes(ctx, item.id, 60, 0, 0, decision="Жолды жөндеу")
    assert codes(exc) == ["meeting.no_quorum_votes"]
    assert "61" in exc.value.text("ru") and "60" in exc.value.text("kk")
    after = svc.get_meeting(ctx, m.id).agenda[0]
    assert after.outcome is None and after.votes_for == 0 and after.decision == ""


def test_finalize_without_quorum_asks_then_records_not_competent(ctx: Context) -> None:
    # votes were entered while the quorum held; then the attendance was corrected
    m = ready_meeting(ctx, present=6)
    item = m.agenda[0]
    svc.record_votes(ctx, item.id, 6, 0, 0, decision="Жолды жөндеу")
    pending = svc.add_agenda_item(ctx, m.id, AgendaItemInput("Су құбыры"))
    svc.update_meeting(ctx, m.id, meeting_input(members_present=3))
    with pytest.raises(UserError) as exc:
        svc.finalize(ctx, m.id)
    assert codes(exc) == ["meeting.no_quorum_confirm"]
    assert "6" in exc.value.text("ru") and "?" in exc.value.text("kk")
    assert svc.get_meeting(ctx, m.id).status is MeetingStatus.DRAFT
    done = svc.finalize(ctx, m.id, confirm_no_quorum=True)
    assert done.status is MeetingStatus.FINALIZED and done.not_competent
    assert [i.outcome for i in done.agenda] == [VoteOutcome.NO_QUORUM] * 2
    assert all(
        (i.votes_for, i.votes_against, i.votes_abstain, i.decision) == (0, 0, 0, "")
        for i in done.agenda
    )
    assert audits(ctx, "agenda_item", pending.id)[-1] == "update"
    # a meeting with a quorum is never marked so
    ok = svc.finalize(ctx, ready_meeting(ctx).id)
    assert not ok.not_competent


# --------------------------------------------------------------------------- finalize, akim


def test_finalize_requires_complete_minutes(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input(chair_name="", secretary_name=""))
    with pytest.raises(UserError) as exc:
        svc.finalize(ctx, m.id)
    assert codes(exc) == [
        "meeting.chair_required", "meeting.secretary_required", "meeting.agenda_empty",
    ]
    svc.update_meeting(ctx, m.id, meeting_input(members_present=6))
    voted = svc.add_agenda_item(ctx, m.id, AgendaItemInput("A"))
    svc.record_votes(ctx, voted.id, 6, 0, 0)
    pending = svc.add_agenda_item(ctx, m.id, AgendaItemInput("B"))
    with pytest.raises(UserError) as exc:
        svc.finalize(ctx, m.id)
    assert codes(exc) == ["meeting.vote_pending"]
    assert "2" in field_errors(exc.value)[0].text("ru")
    assert svc.get_meeting(ctx, m.id).status is MeetingStatus.DRAFT
    svc.mark_not_voted(ctx, pending.id)
    done = svc.finalize(ctx, m.id)
    assert done.status is MeetingStatus.FINALIZED and done.locked
    assert done.finalized_at is not None
    assert [i.outcome for i in done.agenda] == [VoteOutcome.ADOPTED, VoteOutcome.NOT_VOTED]


def test_future_meeting_cannot_be_finalized(ctx: Context) -> None:
    m = ready_meeting(ctx, held_on=ctx.today() + timedelta(days=3))
    with pytest.raises(UserError) as exc:
        svc.finalize(ctx, m.id)
    assert codes(exc) == ["meeting.future"]


def test_finalized_meeting_is_locked(ctx: Context) -> None:
    m = ready_meeting(ctx)
    svc.finalize(ctx, m.id)
    item_id = m.agenda[0].id
    edits: list[Callable[[], object]] = [
        lambda: svc.update_meeting(ctx, m.id, meeting_input()),
        lambda: svc.delete_meeting(ctx, m.id),
        lambda: svc.set_attendance(ctx, m.id, [AttendeeInput("Асқар")]),
        lambda: svc.add_agenda_item(ctx, m.id, AgendaItemInput("X")),
        lambda: svc.update_agenda_item(ctx, item_id, AgendaItemInput("X")),
        lambda: svc.remove_agenda_item(ctx, item_id),
        lambda: svc.move_agenda_item(ctx, item_id, 1),
        lambda: svc.record_votes(ctx, item_id, 1, 0, 0),
        lambda: svc.mark_not_voted(ctx, item_id),
        lambda: svc.finalize(ctx, m.id),
    ]
    rev = svc.get_meeting(ctx, m.id).rev
    for edit in edits:
        with pytest.raises(UserError) as exc:
            edit()
        assert codes(exc) == ["meeting.locked"]
    after = svc.get_meeting(ctx, m.id)
    assert after.rev == rev and after.agenda[0].title == "Жол жөндеу туралы"


def test_akim_steps_follow_the_status_machine(ctx: Context) -> None:
    m = ready_meeting(ctx)
    with pytest.raises(UserError) as exc:
        svc.mark_sent_to_akim(ctx, m.id, HELD)
    assert codes(exc) == ["meeting.transition"]
    with pytest.raises(UserError) as exc:
        svc.record_akim_response(ctx, m.id, HELD, "Жауап")
    assert codes(exc) == ["meeting.transition"]

    svc.finalize(ctx, m.id)
    with pytest.raises(UserError) as exc:
        svc.mark_sent_to_akim(ctx, m.id, HELD - timedelta(days=1))
    assert codes(exc) == ["meeting.sent_before_meeting"]
    with pytest.raises(UserError) as exc:
        svc.mark_sent_to_akim(ctx, m.id, ctx.today() + timedelta(days=2))
    assert codes(exc) == ["meeting.date_future"]
    sent = svc.mark_sent_to_akim(ctx, m.id, HELD + timedelta(days=3))
    assert sent.status is MeetingStatus.SENT_TO_AKIM
    assert sent.answer_by == akim_deadline(HELD + timedelta(days=3)) and sent.send_by is None
    with pytest.raises(UserError) as exc:
        svc.mark_sent_to_akim(ctx, m.id, HELD + timedelta(days=4))
    assert codes(exc) == ["meeting.transition"]

    with pytest.raises(UserError) as exc:
        svc.record_akim_response(ctx, m.id, HELD + timedelta(days=1), "  ")
    assert codes(exc) == ["meeting.response_required", "meeting.response_before_sent"]
    answered = svc.record_akim_response(ctx, m.id, HELD + timedelta(days=8), "Қаралды")
    assert answered.status is MeetingStatus.AKIM_RESPONDED
    assert answered.akim_response == "Қаралды" and answered.answer_by is None
    assert audits(ctx, "meeting", m.id)[-3:] == ["update", "update", "update"]
    with pytest.raises(UserError) as exc:
        svc.update_meeting(ctx, m.id, meeting_input())
    assert codes(exc) == ["meeting.locked"]


def test_other_center_cannot_finalize(ctx: Context) -> None:
    m = ready_meeting(ctx)
    with pytest.raises(UserError) as exc:
        svc.finalize(head_office(ctx), m.id)
    assert exc.value.code == "access.denied"


def test_minutes_data(ctx: Context) -> None:
    m = svc.create_meeting(ctx, meeting_input(kind=MeetingKind.SEPARATE_GATHERING,
                                              members_eligible=40))
    svc.set_attendance(
        ctx, m.id,
        [
            AttendeeInput("Серік Бекұлы", role="chair"),
            AttendeeInput("Айгүл Маратқызы", role="secretary"),
            AttendeeInput("Гүлнар", elected_representative=True),
            AttendeeInput("Ерлан", present=False),
            AttendeeInput("Қонақ", role="guest"),
        ],
    )
    item = svc.add_agenda_item(ctx, m.id, AgendaItemInput("Өкілдерді сайлау"))
    svc.record_votes(ctx, item.id, 3, 0, 0, decision="Гүлнар сайланды")
    svc.finalize(ctx, m.id)
    data = svc.minutes_data(ctx, m.id)
    assert data.kind_kk == "Жергілікті қоғамдастықтың бөлек жиыны"
    assert data.kind_ru == "Раздельный сход местного сообщества"
    assert data.center_name_ru == "Центр развития МСУ села Аксу"
    assert data.status_ru == "Оформлен"
    assert data.rule_version == "2023-122" and "122" in data.rule_source_ru
    assert data.rule_source_kk
    assert [a.full_name for a in data.present] == ["Серік Бекұлы", "Айгүл Маратқызы", "Гүлнар"]
    assert [a.full_name for a in data.absent] == ["Ерлан"]
    assert [a.full_name for a in data.guests] == ["Қонақ"]
    assert [a.full_name for a in data.elected_representatives] == ["Гүлнар"]
    assert data.quorum is not None and data.quorum.reached
    assert data.agenda[0].decision == "Гүлнар сайланды"
    assert (data.chair_name, data.secretary_name) == ("Серік Бекұлы", "Айгүл Маратқызы")


def test_rule_version_follows_meeting_date(ctx: Context) -> None:
    m = svc.create_meeting(
        ctx, meeting_input(kind=MeetingKind.SEPARATE_GATHERING, held_on=date(2024, 5, 1))
    )
    assert m.quorum_rule_version == "2023-122"
    old = svc.update_meeting(ctx, m.id, replace(
        meeting_input(kind=MeetingKind.MEETING), held_on=date(2019, 1, 1)
    ))
    assert old.quorum_rule_version == "2017-295"

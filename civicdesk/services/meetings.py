"""Minutes of local community gatherings and meetings: attendance, agenda, votes, akim.

A meeting is edited while it is a draft; ``finalize`` checks that the minutes are
complete and locks them. After that only the steps towards the akim are recorded
(sent, answered). Quorum and vote outcomes use the rule version in force on the
meeting date, and the version used is stored with the meeting.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlalchemy import func, or_, select

from civicdesk.db.collation import kk_order
from civicdesk.db.models import (
    AgendaItem,
    Meeting,
    MeetingAttendee,
    Resident,
    Settlement,
    SyncMixin,
)
from civicdesk.domain.enums import MeetingKind, MeetingStatus
from civicdesk.domain.meetings import (
    QuorumResult,
    check_quorum,
)
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    audit,
    get_live,
    paged,
    record_change,
    scoped,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)
from civicdesk.services.meeting_common import (
    ATTENDEE_NAME,
    ATTENDEE_ROLE,
    ATTENDEE_ROLES,
    ATTENDEE_UNKNOWN,
    COUNTED_ROLES,
    KIND_NAMES,
    MAX_NAME,
    MAX_NUMBER,
    MAX_PLACE,
    PENDING,
    TOO_LONG,
    AgendaItemInput,
    AgendaItemView,
    AttendeeInput,
    AttendeeView,
    MeetingFilters,
    MeetingInput,
    MeetingRow,
    MeetingView,
    MinutesData,
    _apply,
    _attendee_view,
    _clean,
    _counted_present,
    _editable,
    _live_agenda,
    _live_attendees,
    _load,
    _rule,
    _touch,
    _view,
)
from civicdesk.services.meeting_items import (
    add_agenda_item,
    mark_not_voted,
    move_agenda_item,
    record_votes,
    remove_agenda_item,
    update_agenda_item,
)
from civicdesk.services.meeting_status import (
    finalize,
    mark_sent_to_akim,
    minutes_data,
    record_akim_response,
)
from civicdesk.services.permissions import authorize

__all__ = [
    "ATTENDEE_ROLES",
    "COUNTED_ROLES",
    "KIND_NAMES",
    "MAX_NAME",
    "MAX_NUMBER",
    "MAX_PLACE",
    "PENDING",
    "AgendaItemInput",
    "AgendaItemView",
    "AttendeeInput",
    "AttendeeView",
    "MeetingFilters",
    "MeetingInput",
    "MeetingRow",
    "MeetingView",
    "MinutesData",
    "add_agenda_item",
    "create_meeting",
    "delete_meeting",
    "finalize",
    "get_meeting",
    "list_meetings",
    "mark_not_voted",
    "mark_sent_to_akim",
    "minutes_data",
    "move_agenda_item",
    "quorum_status",
    "record_akim_response",
    "record_votes",
    "remove_agenda_item",
    "set_attendance",
    "update_agenda_item",
    "update_meeting",
]


# --------------------------------------------------------------------------- meetings


def create_meeting(ctx: Context, data: MeetingInput) -> MeetingView:
    with ctx.db.session() as s:
        m = Meeting(status=MeetingStatus.DRAFT.value, akim_response="")
        _apply(ctx, s, m, data)
        stamp_new(ctx, m)
        s.add(m)
        s.flush()
        record_change(ctx, s, "meeting", m, None)
        return _view(s, m)


def update_meeting(ctx: Context, meeting_id: str, data: MeetingInput) -> MeetingView:
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _editable(ctx, m)
        before = snapshot(m)
        _apply(ctx, s, m, data)
        stamp_update(ctx, m)
        record_change(ctx, s, "meeting", m, before)
        return _view(s, m)


def get_meeting(ctx: Context, meeting_id: str) -> MeetingView:
    with ctx.db.session() as s:
        return _view(s, _load(s, ctx, meeting_id))


def delete_meeting(ctx: Context, meeting_id: str) -> None:
    """Soft delete a draft with its attendance and agenda (finalized minutes stay)."""
    authorize(ctx.actor, "meeting.delete")
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _editable(ctx, m)
        children: list[SyncMixin] = [*_live_attendees(m), *_live_agenda(m)]
        soft_delete(ctx, s, m, "meeting", children=children)


SORTS: dict[str, Any] = {
    "held_on": Meeting.held_on,
    "number": Meeting.number,
    "kind": Meeting.kind,
    "status": Meeting.status,
    "place": kk_order(Meeting.place),
    "settlement": Settlement.sort_name,
    "members_present": Meeting.members_present,
    "created_at": Meeting.created_at,
}


def _list_select() -> Any:
    items = (
        select(func.count())
        .where(AgendaItem.meeting_id == Meeting.id, AgendaItem.deleted.is_(False))
        .correlate(Meeting)
        .scalar_subquery()
    )
    return select(
        Meeting.id, Meeting.kind, Meeting.number, Meeting.held_on, Meeting.place,
        Settlement.name_kk, Settlement.name_ru, Meeting.status, Meeting.members_eligible,
        Meeting.members_present, items, Meeting.sent_to_akim_on,
    ).outerjoin(Settlement, Settlement.id == Meeting.settlement_id)


def list_meetings(
    ctx: Context, query: ListQuery, filters: MeetingFilters | None = None
) -> Page[MeetingRow]:
    """Paged, sorted and filtered in SQL; newest first unless asked otherwise.

    ``query.search`` matches number, place, chair and secretary (LIKE).
    """
    f = filters or MeetingFilters()
    stmt = scoped(ctx, _list_select(), Meeting)
    if query.search.strip():
        like = f"%{_clean(query.search)}%"
        stmt = stmt.where(
            or_(
                Meeting.number.like(like), Meeting.place.like(like),
                Meeting.chair_name.like(like), Meeting.secretary_name.like(like),
            )
        )
    if f.kind:
        stmt = stmt.where(Meeting.kind == MeetingKind(f.kind).value)
    if f.status:
        stmt = stmt.where(Meeting.status == MeetingStatus(f.status).value)
    if f.date_from:
        stmt = stmt.where(Meeting.held_on >= f.date_from)
    if f.date_to:
        stmt = stmt.where(Meeting.held_on <= f.date_to)
    if f.settlement_id:
        stmt = stmt.where(Meeting.settlement_id == f.settlement_id)
    if query.sort is None:
        query = ListQuery(query.offset, query.limit, "held_on", True, query.search)
    stmt = apply_sort(stmt, query, SORTS, "held_on", Meeting.id)
    with ctx.db.session() as s:
        rows, total = paged(s, stmt, query)
        out = [
            MeetingRow(
                r[0], MeetingKind(r[1]), r[2], r[3], r[4], r[5], r[6], MeetingStatus(r[7]),
                r[8], r[9], r[10], r[11],
            )
            for r in rows
        ]
    q = query.clamp()
    return Page(out, total, q.offset, q.limit)


# --------------------------------------------------------------------------- attendance


def set_attendance(
    ctx: Context, meeting_id: str, attendees: list[AttendeeInput]
) -> MeetingView:
    """Replace the attendance list (lines with an ``id`` are kept and updated).

    ``members_present`` follows the list (present members, chair and secretary;
    guests do not count) unless it was entered directly and differs from the list.
    """
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _editable(ctx, m)
        current = {a.id: a for a in _live_attendees(m)}
        followed_list = m.members_present == _counted_present(list(current.values()))
        c = Collector()
        clean: list[tuple[AttendeeInput, str, Resident | None]] = []
        for n, a in enumerate(attendees, start=1):
            resident: Resident | None = None
            if a.resident_id:
                resident = c.attempt(partial(get_live, s, Resident, a.resident_id, ctx))
            name = _clean(a.full_name) or (resident.full_name if resident else "")
            if not name:
                c.add("meeting.attendee_name", ATTENDEE_NAME, field="attendees", n=n)
            elif len(name) > MAX_NAME:
                c.add("meeting.too_long", TOO_LONG, field="attendees", max=MAX_NAME)
            if a.role not in ATTENDEE_ROLES:
                c.add("meeting.attendee_role", ATTENDEE_ROLE, field="attendees", n=n, role=a.role)
            if a.id is not None and a.id not in current:
                c.add("meeting.attendee_unknown", ATTENDEE_UNKNOWN, field="attendees", n=n)
            clean.append((a, name, resident))
        if followed_list:
            count = sum(1 for a, _n, _r in clean if a.present and a.role in COUNTED_ROLES)
            c.attempt(lambda: check_quorum(m.members_eligible, count, _rule(m)))
        c.raise_if_any()
        before = [_attendee_view(a).__dict__ for a in current.values()]
        kept: set[str] = set()
        rows: list[MeetingAttendee] = []
        for a, name, _resident in clean:
            row = current.get(a.id) if a.id else None
            if row is None:
                row = MeetingAttendee(meeting_id=m.id)
                stamp_new(ctx, row, center_id=m.center_id)
                m.attendees.append(row)
                fresh = True
            else:
                kept.add(row.id)
                fresh = False
            values = (name, a.resident_id or None, a.role, a.present, a.elected_representative)
            old = (row.full_name, row.resident_id, row.role, row.present,
                   row.elected_representative)
            if fresh or values != old:
                row.full_name, row.resident_id, row.role, row.present = values[:4]
                row.elected_representative = a.elected_representative
                if not fresh:
                    stamp_update(ctx, row)
            rows.append(row)
        for row_id, row in current.items():
            if row_id not in kept:
                row.deleted = True
                stamp_update(ctx, row)
        if followed_list:
            m.members_present = _counted_present(rows)
        _touch(ctx, m)
        s.flush()
        after = [_attendee_view(a).__dict__ for a in rows]
        audit(
            ctx, s, "attendance", "meeting", m.id,
            {"attendees": before}, {"attendees": after, "members_present": m.members_present},
        )
        return _view(s, m)


def quorum_status(ctx: Context, meeting_id: str) -> QuorumResult:
    """Quorum by the rule in force on the meeting date (raises if counts are wrong)."""
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        return check_quorum(m.members_eligible, m.members_present, _rule(m))

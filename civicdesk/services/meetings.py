"""Minutes of local community gatherings and meetings: attendance, agenda, votes, akim.

A meeting is edited while it is a draft; ``finalize`` checks that the minutes are
complete and locks them. After that only the steps towards the akim are recorded
(sent, answered). Quorum and vote outcomes use the rule version in force on the
meeting date, and the version used is stored with the meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.collation import kk_order
from civicdesk.db.models import (
    AgendaItem,
    Center,
    Meeting,
    MeetingAttendee,
    Resident,
    Settlement,
    SyncMixin,
)
from civicdesk.domain.enums import MeetingKind, MeetingStatus, VoteOutcome
from civicdesk.domain.errors import Message, UserError, ValidationError, ValidationErrors
from civicdesk.domain.meetings import (
    MEETING_STATUS_NAMES,
    QuorumResult,
    QuorumRule,
    akim_deadline,
    check_quorum,
    meeting_transition,
    rule_for,
    vote_outcome,
)
from civicdesk.domain.text import normalize_kk
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
from civicdesk.services.permissions import authorize

__all__ = [
    "ATTENDEE_ROLES",
    "COUNTED_ROLES",
    "KIND_NAMES",
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

# Stored outcome of an agenda item whose vote has not been recorded yet; the
# outcomes of recorded items are ``VoteOutcome`` values (``not_voted`` means the
# meeting decided not to vote on it, e.g. an item for information only).
PENDING = VoteOutcome.PENDING.value

ATTENDEE_ROLES: tuple[str, ...] = ("member", "chair", "secretary", "guest")
# Roles that count towards the quorum (guests and invited officials do not).
COUNTED_ROLES: frozenset[str] = frozenset({"member", "chair", "secretary"})

KIND_NAMES: dict[MeetingKind, Message] = {
    MeetingKind.GATHERING: Message(
        kk="Жергілікті қоғамдастық жиыны", ru="Сход местного сообщества"
    ),
    MeetingKind.MEETING: Message(
        kk="Жергілікті қоғамдастық жиналысы", ru="Собрание местного сообщества"
    ),
    MeetingKind.SEPARATE_GATHERING: Message(
        kk="Жергілікті қоғамдастықтың бөлек жиыны", ru="Раздельный сход местного сообщества"
    ),
}

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MAX_NAME = 200
MAX_PLACE = 300
MAX_NUMBER = 20

LOCKED = Message(
    kk="Хаттама рәсімделген, оны өзгертуге болмайды.",
    ru="Протокол оформлен, изменять его нельзя.",
)
NOT_OWNER = Message(
    kk="Бұл хаттаманы тек оны жасаған орталық өзгерте алады.",
    ru="Изменять этот протокол может только центр, который его составил.",
)
KIND_REQUIRED = Message(kk="Жиынның түрін таңдаңыз.", ru="Выберите вид собрания.")
DATE_REQUIRED = Message(kk="Өткізілген күнін көрсетіңіз.", ru="Укажите дату проведения.")
BAD_TIME = Message(
    kk="Уақытты СС:ММ түрінде жазыңыз (мысалы, 10:00).",
    ru="Укажите время в виде ЧЧ:ММ (например, 10:00).",
)
END_BEFORE_START = Message(
    kk="Аяқталу уақыты басталу уақытынан ерте болмауы керек.",
    ru="Время окончания не может быть раньше времени начала.",
)
TOO_LONG = Message(
    kk="Мәтін тым ұзын ({max} таңбадан аспауы керек).",
    ru="Текст слишком длинный (не более {max} символов).",
)
ELIGIBLE_NEGATIVE = Message(
    kk="Мүшелер саны теріс болмауы керек.",
    ru="Число членов не может быть отрицательным.",
)
ATTENDEE_NAME = Message(
    kk="Қатысушының аты-жөнін жазыңыз ({n}-жол).",
    ru="Укажите ФИО участника (строка {n}).",
)
ATTENDEE_ROLE = Message(
    kk="Қатысушының рөлі белгісіз: {role} ({n}-жол).",
    ru="Неизвестная роль участника: {role} (строка {n}).",
)
ATTENDEE_UNKNOWN = Message(
    kk="Бұл жиынның қатысушылар тізімінде мұндай жол жоқ ({n}-жол).",
    ru="В списке участников этого собрания нет такой строки (строка {n}).",
)
AGENDA_TITLE = Message(
    kk="Күн тәртібіндегі мәселенің атауын жазыңыз.",
    ru="Укажите название вопроса повестки дня.",
)
BAD_POSITION = Message(
    kk="Реттік нөмір 1-ден {max}-ға дейін болуы керек.",
    ru="Порядковый номер должен быть от 1 до {max}.",
)
CHAIR_REQUIRED = Message(
    kk="Төрағаның аты-жөнін жазыңыз: хаттамаға ол қол қояды.",
    ru="Укажите ФИО председателя: он подписывает протокол.",
)
SECRETARY_REQUIRED = Message(
    kk="Хатшының аты-жөнін жазыңыз: хаттамаға ол қол қояды.",
    ru="Укажите ФИО секретаря: он подписывает протокол.",
)
AGENDA_EMPTY = Message(
    kk="Күн тәртібіне кемінде бір мәселе енгізіңіз.",
    ru="Внесите в повестку дня хотя бы один вопрос.",
)
VOTE_PENDING = Message(
    kk="Күн тәртібінің {n}-мәселесі бойынша дауыс беру нәтижесін енгізіңіз "
    "немесе дауыс берілмегенін белгілеңіз.",
    ru="Внесите итоги голосования по {n}-му вопросу повестки дня "
    "или отметьте, что голосования не было.",
)
MEETING_FUTURE = Message(
    kk="Әлі өтпеген жиынның хаттамасын рәсімдеуге болмайды ({date}).",
    ru="Нельзя оформить протокол собрания, которое ещё не состоялось ({date}).",
)
SENT_BEFORE_MEETING = Message(
    kk="Хаттаманы жиыннан бұрын жіберу мүмкін емес.",
    ru="Протокол не может быть направлен раньше даты собрания.",
)
DATE_FUTURE = Message(
    kk="Күні болашақта болмауы керек.",
    ru="Дата не может быть в будущем.",
)
RESPONSE_BEFORE_SENT = Message(
    kk="Әкімнің жауабы хаттама жіберілгеннен бұрын болуы мүмкін емес.",
    ru="Ответ акима не может быть раньше направления протокола.",
)
NO_QUORUM_CONFIRM = Message(
    kk="Кворум жоқ: қатысқаны {present}, кемінде {needed} қажет. Хаттама «заңды емес: "
    "кворум жоқ» деп, бірде-бір шешімсіз рәсімделеді; енгізілген дауыстар мен шешімдер "
    "өшіріледі. Осылай рәсімдейсіз бе?",
    ru="Кворума нет: присутствуют {present}, нужно не менее {needed}. Протокол будет "
    "оформлен как «неправомочно: нет кворума», без решений; внесённые голоса и решения "
    "будут удалены. Оформить так?",
)
NO_QUORUM_VOTES = Message(
    kk="Кворум жоқ (қатысқаны {present}, кемінде {needed} қажет): бұл мәселе бойынша "
    "дауыс беру нәтижесін енгізуге болмайды.",
    ru="Кворума нет (присутствуют {present}, нужно не менее {needed}): итоги голосования "
    "по этому вопросу вносить нельзя.",
)
RESPONSE_REQUIRED = Message(
    kk="Әкімнің жауабының мазмұнын жазыңыз.",
    ru="Укажите содержание ответа акима.",
)


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class MeetingInput:
    kind: MeetingKind
    held_on: date
    number: str = ""
    starts_at: str = ""  # "HH:MM" or empty
    ends_at: str = ""
    place: str = ""
    settlement_id: str | None = None
    convened_by: str = ""
    chair_name: str = ""
    secretary_name: str = ""
    members_eligible: int = 0
    # None: counted from the attendance list; a number: entered directly (e.g. a
    # gathering of 300 residents without a list by name).
    members_present: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class AttendeeInput:
    full_name: str = ""
    resident_id: str | None = None
    role: str = "member"
    present: bool = True
    elected_representative: bool = False
    id: str | None = None  # an existing line to keep; None adds a new one


@dataclass(frozen=True)
class AttendeeView:
    id: str
    full_name: str
    resident_id: str | None
    role: str
    present: bool
    elected_representative: bool


@dataclass(frozen=True)
class AgendaItemInput:
    title: str
    speakers: str = ""
    proposal: str = ""
    decision: str = ""


@dataclass(frozen=True)
class AgendaItemView:
    id: str
    meeting_id: str
    position: int
    title: str
    speakers: str
    proposal: str
    decision: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    outcome: VoteOutcome | None  # None while the vote is not recorded


@dataclass(frozen=True)
class MeetingView:
    id: str
    center_id: str
    kind: MeetingKind
    number: str
    held_on: date
    starts_at: str
    ends_at: str
    place: str
    settlement_id: str | None
    settlement_kk: str | None
    settlement_ru: str | None
    convened_by: str
    chair_name: str
    secretary_name: str
    members_eligible: int
    members_present: int
    quorum: QuorumResult | None  # None when the counts are inconsistent
    quorum_rule_version: str
    status: MeetingStatus
    finalized_at: datetime | None
    sent_to_akim_on: date | None
    send_by: date | None  # deadline to send the minutes, while not sent
    akim_response_on: date | None
    answer_by: date | None  # deadline for the akim's answer, once sent
    akim_response: str
    notes: str
    locked: bool
    attendees: list[AttendeeView]
    agenda: list[AgendaItemView]
    rev: int
    #: Finalized without a quorum: "not competent", no decisions were taken.
    not_competent: bool = False


@dataclass(frozen=True)
class MeetingRow:
    """One line of the meetings list."""

    id: str
    kind: MeetingKind
    number: str
    held_on: date
    place: str
    settlement_kk: str | None
    settlement_ru: str | None
    status: MeetingStatus
    members_eligible: int
    members_present: int
    agenda_items: int
    sent_to_akim_on: date | None


@dataclass(frozen=True)
class MeetingFilters:
    kind: MeetingKind | None = None
    status: MeetingStatus | None = None
    date_from: date | None = None
    date_to: date | None = None
    settlement_id: str | None = None


@dataclass(frozen=True)
class MinutesData:
    """Everything the printed minutes need, already resolved to text."""

    meeting: MeetingView
    center_name_kk: str
    center_name_ru: str
    kind_kk: str
    kind_ru: str
    status_kk: str
    status_ru: str
    rule_version: str
    rule_source_kk: str
    rule_source_ru: str
    quorum: QuorumResult | None
    present: list[AttendeeView]
    absent: list[AttendeeView]
    guests: list[AttendeeView]
    elected_representatives: list[AttendeeView]
    agenda: list[AgendaItemView]
    chair_name: str
    secretary_name: str
    extra: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


def _fail(code: str, message: Message, *, field: str | None = None, **params: object) -> None:
    raise ValidationErrors([ValidationError(code, message, field=field, **params)])


def _clean(text: str | None) -> str:
    return normalize_kk(text or "")


def _check_len(c: Collector, value: str, limit: int, name: str) -> None:
    if len(value) > limit:
        c.add("meeting.too_long", TOO_LONG, field=name, max=limit)


def _editable(ctx: Context, m: Meeting) -> None:
    """Only the owning center changes a meeting, and only while it is a draft."""
    _owner(ctx, m)
    if m.status != MeetingStatus.DRAFT.value:
        _fail("meeting.locked", LOCKED)


def _owner(ctx: Context, m: Meeting) -> None:
    if m.center_id != ctx.actor.center_id:
        raise UserError("access.denied", NOT_OWNER)


def _outcome(value: str) -> VoteOutcome | None:
    return None if value == PENDING else VoteOutcome(value)


def _live_attendees(m: Meeting) -> list[MeetingAttendee]:
    return [a for a in m.attendees if not a.deleted]


def _live_agenda(m: Meeting) -> list[AgendaItem]:
    return sorted((i for i in m.agenda if not i.deleted), key=lambda i: i.position)


def _counted_present(attendees: list[MeetingAttendee]) -> int:
    return sum(1 for a in attendees if a.present and a.role in COUNTED_ROLES)


def _rule(m: Meeting) -> QuorumRule:
    return rule_for(MeetingKind(m.kind), m.held_on)


def _quorum(m: Meeting) -> QuorumResult | None:
    try:
        return check_quorum(m.members_eligible, m.members_present, _rule(m))
    except UserError:
        return None


def _attendee_view(a: MeetingAttendee) -> AttendeeView:
    return AttendeeView(
        a.id, a.full_name, a.resident_id, a.role, a.present, a.elected_representative
    )


def _item_view(i: AgendaItem) -> AgendaItemView:
    return AgendaItemView(
        id=i.id,
        meeting_id=i.meeting_id,
        position=i.position,
        title=i.title,
        speakers=i.speakers,
        proposal=i.proposal,
        decision=i.decision,
        votes_for=i.votes_for,
        votes_against=i.votes_against,
        votes_abstain=i.votes_abstain,
        outcome=_outcome(i.outcome),
    )


def _view(s: Session, m: Meeting) -> MeetingView:
    settlement = s.get(Settlement, m.settlement_id) if m.settlement_id else None
    status = MeetingStatus(m.status)
    return MeetingView(
        id=m.id,
        center_id=m.center_id,
        kind=MeetingKind(m.kind),
        number=m.number,
        held_on=m.held_on,
        starts_at=m.starts_at,
        ends_at=m.ends_at,
        place=m.place,
        settlement_id=m.settlement_id,
        settlement_kk=settlement.name_kk if settlement else None,
        settlement_ru=settlement.name_ru if settlement else None,
        convened_by=m.convened_by,
        chair_name=m.chair_name,
        secretary_name=m.secretary_name,
        members_eligible=m.members_eligible,
        members_present=m.members_present,
        quorum=_quorum(m),
        quorum_rule_version=m.quorum_rule_version,
        status=status,
        finalized_at=m.finalized_at,
        sent_to_akim_on=m.sent_to_akim_on,
        send_by=akim_deadline(m.held_on) if m.sent_to_akim_on is None else None,
        akim_response_on=m.akim_response_on,
        answer_by=(
            akim_deadline(m.sent_to_akim_on)
            if m.sent_to_akim_on is not None and m.akim_response_on is None
            else None
        ),
        akim_response=m.akim_response,
        notes=m.notes,
        locked=status is not MeetingStatus.DRAFT,
        attendees=[_attendee_view(a) for a in _live_attendees(m)],
        agenda=[_item_view(i) for i in _live_agenda(m)],
        rev=m.rev,
        not_competent=bool(m.not_competent),
    )


def _apply(ctx: Context, s: Session, m: Meeting, data: MeetingInput) -> None:
    c = Collector()
    kind: MeetingKind | None = None
    try:
        kind = MeetingKind(data.kind)
    except ValueError:
        c.add("meeting.kind", KIND_REQUIRED, field="kind")
    if not isinstance(data.held_on, date):
        c.add("meeting.date_required", DATE_REQUIRED, field="held_on")
    starts, ends = data.starts_at.strip(), data.ends_at.strip()
    for name, value in (("starts_at", starts), ("ends_at", ends)):
        if value and not _TIME.match(value):
            c.add("meeting.time", BAD_TIME, field=name)
    if starts and ends and _TIME.match(starts) and _TIME.match(ends) and ends < starts:
        c.add("meeting.end_before_start", END_BEFORE_START, field="ends_at")
    number, place = _clean(data.number), _clean(data.place)
    convened_by = _clean(data.convened_by)
    chair, secretary = _clean(data.chair_name), _clean(data.secretary_name)
    _check_len(c, number, MAX_NUMBER, "number")
    _check_len(c, place, MAX_PLACE, "place")
    _check_len(c, convened_by, MAX_PLACE, "convened_by")
    _check_len(c, chair, MAX_NAME, "chair_name")
    _check_len(c, secretary, MAX_NAME, "secretary_name")
    if data.members_eligible < 0:
        c.add("meeting.counts_negative", ELIGIBLE_NEGATIVE, field="members_eligible")
    if data.members_present is not None:
        present = data.members_present
    else:
        present = _counted_present(_live_attendees(m)) if m.id else 0
    if kind is not None and isinstance(data.held_on, date) and data.members_eligible >= 0:
        c.attempt(lambda: check_quorum(data.members_eligible, present, rule_for(kind, data.held_on)))
    if data.settlement_id:
        c.attempt(lambda: get_live(s, Settlement, data.settlement_id or ""))
    c.raise_if_any()
    assert kind is not None
    m.kind = kind.value
    m.held_on = data.held_on
    m.number = number
    m.starts_at = starts
    m.ends_at = ends
    m.place = place
    m.settlement_id = data.settlement_id or None
    m.convened_by = convened_by
    m.chair_name = chair
    m.secretary_name = secretary
    m.members_eligible = data.members_eligible
    m.members_present = present
    m.quorum_rule_version = rule_for(kind, data.held_on).version
    m.notes = (data.notes or "").strip()


def _load(s: Session, ctx: Context, meeting_id: str) -> Meeting:
    return get_live(s, Meeting, meeting_id, ctx)


def _item(s: Session, ctx: Context, item_id: str) -> tuple[AgendaItem, Meeting]:
    item = get_live(s, AgendaItem, item_id, ctx)
    meeting = _load(s, ctx, item.meeting_id)
    return item, meeting


def _touch(ctx: Context, m: Meeting) -> None:
    stamp_update(ctx, m)


def _renumber(ctx: Context, items: list[AgendaItem]) -> None:
    for pos, item in enumerate(items, start=1):
        if item.position != pos:
            item.position = pos
            stamp_update(ctx, item)


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


# --------------------------------------------------------------------------- agenda


def _validate_item(data: AgendaItemInput) -> tuple[str, str, str, str]:
    title = _clean(data.title)
    if not title:
        _fail("meeting.agenda_title", AGENDA_TITLE, field="title")
    return title, data.speakers.strip(), data.proposal.strip(), data.decision.strip()


def add_agenda_item(
    ctx: Context, meeting_id: str, data: AgendaItemInput, position: int | None = None
) -> AgendaItemView:
    """Add an item at ``position`` (1-based; default last); later items move down."""
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _editable(ctx, m)
        title, speakers, proposal, decision = _validate_item(data)
        items = _live_agenda(m)
        pos = len(items) + 1 if position is None else position
        if not 1 <= pos <= len(items) + 1:
            _fail("meeting.agenda_position", BAD_POSITION, field="position", max=len(items) + 1)
        row = AgendaItem(
            meeting_id=m.id, position=pos, title=title, speakers=speakers, proposal=proposal,
            decision=decision, votes_for=0, votes_against=0, votes_abstain=0, outcome=PENDING,
        )
        stamp_new(ctx, row, center_id=m.center_id)
        m.agenda.append(row)
        items.insert(pos - 1, row)
        _renumber(ctx, items)
        row.position = pos
        _touch(ctx, m)
        s.flush()
        record_change(ctx, s, "agenda_item", row, None)
        return _item_view(row)


def update_agenda_item(ctx: Context, item_id: str, data: AgendaItemInput) -> AgendaItemView:
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        title, speakers, proposal, decision = _validate_item(data)
        before = snapshot(row)
        row.title, row.speakers, row.proposal, row.decision = title, speakers, proposal, decision
        stamp_update(ctx, row)
        _touch(ctx, m)
        record_change(ctx, s, "agenda_item", row, before)
        return _item_view(row)


def remove_agenda_item(ctx: Context, item_id: str) -> None:
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        soft_delete(ctx, s, row, "agenda_item")
        _renumber(ctx, _live_agenda(m))
        _touch(ctx, m)


def move_agenda_item(ctx: Context, item_id: str, position: int) -> list[AgendaItemView]:
    """Move an item to ``position`` (1-based); returns the agenda in its new order."""
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        items = _live_agenda(m)
        if not 1 <= position <= len(items):
            _fail("meeting.agenda_position", BAD_POSITION, field="position", max=len(items))
        old = row.position
        items.remove(row)
        items.insert(position - 1, row)
        _renumber(ctx, items)
        if old != position:
            _touch(ctx, m)
            audit(ctx, s, "move", "agenda_item", row.id, {"position": old}, {"position": position})
        return [_item_view(i) for i in items]


def record_votes(
    ctx: Context,
    item_id: str,
    votes_for: int,
    votes_against: int,
    votes_abstain: int,
    decision: str | None = None,
) -> AgendaItemView:
    """Record the count of one vote; the outcome follows the rule in force on the
    meeting date (stored in ``meeting.quorum_rule_version``)."""
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        rule = _rule(m)
        try:
            quorum = check_quorum(m.members_eligible, m.members_present, rule)
            outcome = vote_outcome(
                votes_for, votes_against, votes_abstain, m.members_present, quorum.reached, rule
            )
        except ValidationError as e:
            raise ValidationErrors([e]) from None
        if not quorum.reached:
            raise ValidationErrors([ValidationError(
                "meeting.no_quorum_votes", NO_QUORUM_VOTES, field="votes_for",
                present=quorum.present, needed=quorum.needed,
            )])
        before = snapshot(row)
        row.votes_for, row.votes_against, row.votes_abstain = (
            votes_for, votes_against, votes_abstain,
        )
        row.outcome = outcome.value
        if decision is not None:
            row.decision = decision.strip()
        stamp_update(ctx, row)
        if m.quorum_rule_version != rule.version:
            m.quorum_rule_version = rule.version
        _touch(ctx, m)
        record_change(ctx, s, "agenda_item", row, before)
        return _item_view(row)


def mark_not_voted(ctx: Context, item_id: str) -> AgendaItemView:
    """Record that an item was heard without a vote (e.g. for information)."""
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        before = snapshot(row)
        row.votes_for = row.votes_against = row.votes_abstain = 0
        row.outcome = VoteOutcome.NOT_VOTED.value
        stamp_update(ctx, row)
        _touch(ctx, m)
        record_change(ctx, s, "agenda_item", row, before)
        return _item_view(row)


# --------------------------------------------------------------------------- status


def _change_status(ctx: Context, m: Meeting, target: MeetingStatus) -> dict[str, Any]:
    _owner(ctx, m)
    try:
        meeting_transition(MeetingStatus(m.status), target)
    except ValidationError as e:
        raise ValidationErrors([e]) from None
    before = snapshot(m)
    m.status = target.value
    return before


def finalize(ctx: Context, meeting_id: str, *, confirm_no_quorum: bool = False) -> MeetingView:
    """Check the minutes are complete and lock them.

    Needs chair and secretary, at least one agenda item, every item voted or marked
    not voted, consistent counts, and a meeting date not in the future.

    Without a quorum nothing can have been decided: the first call is refused with
    ``meeting.no_quorum_confirm`` (the question to ask); called again with
    ``confirm_no_quorum`` the meeting is recorded as not competent, every item as
    "no quorum" with its votes and decision cleared.
    """
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _owner(ctx, m)
        if m.status != MeetingStatus.DRAFT.value:
            _fail("meeting.locked", LOCKED)
        c = Collector()
        if not m.chair_name.strip():
            c.add("meeting.chair_required", CHAIR_REQUIRED, field="chair_name")
        if not m.secretary_name.strip():
            c.add("meeting.secretary_required", SECRETARY_REQUIRED, field="secretary_name")
        items = _live_agenda(m)
        if not items:
            c.add("meeting.agenda_empty", AGENDA_EMPTY, field="agenda")
        rule = _rule(m)
        quorum = _quorum(m)
        no_quorum = quorum is not None and not quorum.reached
        for item in items:
            if item.outcome == PENDING and not no_quorum:
                c.add("meeting.vote_pending", VOTE_PENDING, field="agenda", n=item.position)
        if m.held_on > ctx.today():
            c.add(
                "meeting.future", MEETING_FUTURE, field="held_on",
                date=m.held_on.strftime("%d.%m.%Y"),
            )
        c.attempt(lambda: check_quorum(m.members_eligible, m.members_present, rule))
        c.raise_if_any()
        if no_quorum and quorum is not None:
            if not confirm_no_quorum:
                _fail("meeting.no_quorum_confirm", NO_QUORUM_CONFIRM, field="present",
                      present=quorum.present, needed=quorum.needed)
            for item in items:
                item_before = snapshot(item)
                item.votes_for = item.votes_against = item.votes_abstain = 0
                item.outcome = VoteOutcome.NO_QUORUM.value
                item.decision = ""
                stamp_update(ctx, item)
                record_change(ctx, s, "agenda_item", item, item_before)
        before = _change_status(ctx, m, MeetingStatus.FINALIZED)
        m.not_competent = no_quorum
        m.finalized_at = ctx.now()
        m.quorum_rule_version = rule.version
        stamp_update(ctx, m)
        record_change(ctx, s, "meeting", m, before)
        return _view(s, m)


def mark_sent_to_akim(ctx: Context, meeting_id: str, sent_on: date) -> MeetingView:
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _owner(ctx, m)
        c = Collector()
        if sent_on < m.held_on:
            c.add("meeting.sent_before_meeting", SENT_BEFORE_MEETING, field="sent_on")
        if sent_on > ctx.today():
            c.add("meeting.date_future", DATE_FUTURE, field="sent_on")
        c.raise_if_any()
        before = _change_status(ctx, m, MeetingStatus.SENT_TO_AKIM)
        m.sent_to_akim_on = sent_on
        stamp_update(ctx, m)
        record_change(ctx, s, "meeting", m, before)
        return _view(s, m)


def record_akim_response(ctx: Context, meeting_id: str, on: date, text: str) -> MeetingView:
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _owner(ctx, m)
        body = (text or "").strip()
        c = Collector()
        if not body:
            c.add("meeting.response_required", RESPONSE_REQUIRED, field="akim_response")
        if m.sent_to_akim_on is not None and on < m.sent_to_akim_on:
            c.add("meeting.response_before_sent", RESPONSE_BEFORE_SENT, field="akim_response_on")
        if on > ctx.today():
            c.add("meeting.date_future", DATE_FUTURE, field="akim_response_on")
        c.raise_if_any()
        before = _change_status(ctx, m, MeetingStatus.AKIM_RESPONDED)
        m.akim_response_on = on
        m.akim_response = body
        stamp_update(ctx, m)
        record_change(ctx, s, "meeting", m, before)
        return _view(s, m)


# --------------------------------------------------------------------------- printing


def minutes_data(ctx: Context, meeting_id: str) -> MinutesData:
    """What the minutes (хаттама / протокол) print, with the rule's legal source."""
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        view = _view(s, m)
        center = s.get(Center, m.center_id)
        kind = MeetingKind(m.kind)
        rule = _rule(m)
        attendees = view.attendees
        return MinutesData(
            meeting=view,
            center_name_kk=center.name_kk if center else "",
            center_name_ru=center.name_ru if center else "",
            kind_kk=KIND_NAMES[kind].kk,
            kind_ru=KIND_NAMES[kind].ru,
            status_kk=MEETING_STATUS_NAMES[view.status].kk,
            status_ru=MEETING_STATUS_NAMES[view.status].ru,
            rule_version=m.quorum_rule_version or rule.version,
            rule_source_kk=rule.legal_source.kk,
            rule_source_ru=rule.legal_source.ru,
            quorum=view.quorum,
            present=[a for a in attendees if a.present and a.role in COUNTED_ROLES],
            absent=[a for a in attendees if not a.present and a.role in COUNTED_ROLES],
            guests=[a for a in attendees if a.role not in COUNTED_ROLES],
            elected_representatives=[a for a in attendees if a.elected_representative],
            agenda=view.agenda,
            chair_name=m.chair_name,
            secretary_name=m.secretary_name,
        )

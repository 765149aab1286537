"""Meetings: messages, inputs and views, and the helpers the meeting services share
(loading, checks, the view of a meeting). The public names are re-exported by
:mod:`civicdesk.services.meetings`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session, object_session

from civicdesk.db.models import (
    AgendaItem,
    Meeting,
    MeetingAttendee,
    Settlement,
)
from civicdesk.domain.enums import MeetingKind, MeetingStatus, VoteOutcome
from civicdesk.domain.errors import Message, UserError, ValidationError, ValidationErrors
from civicdesk.domain.meetings import (
    QuorumResult,
    QuorumRule,
    akim_deadline,
    check_quorum,
    rule_for,
)
from civicdesk.domain.quorum_settings import meeting_rule
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    get_live,
    stamp_update,
)
from civicdesk.services.quorum_settings import rules_in

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
    """The rule a saved meeting is judged by: the center rule it recorded, else the
    rule (defaults and the center's settings) in force on its date."""
    s = object_session(m)
    rules = rules_in(s) if s is not None else None
    return meeting_rule(MeetingKind(m.kind), m.held_on, m.quorum_rule_version, rules)


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
        rule = rule_for(kind, data.held_on, rules_in(s))
        c.attempt(lambda: check_quorum(data.members_eligible, present, rule))
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
    m.quorum_rule_version = rule_for(kind, data.held_on, rules_in(s)).version
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

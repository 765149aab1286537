"""Gatherings and meetings of the local community: quorum, votes, status, deadlines.

Thresholds are versioned rules naming the acts they rest on, never bare constants.
The figures themselves are the center's settings (defaults below): the law delegates
them to the rules each district maslikhat adopts (Law of RK No. 148-II of 23.01.2001,
art. 39-3: the gathering; para. 3-1: the meeting's regulations on the basis of the
Model regulations approved by Order of the Minister of National Economy No. 295 of
07.08.2017; para. 6: separate gatherings, Model rules of Order No. 122 of 23.06.2023).
No published source for a nationwide quorum figure was found (docs/sources.md).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .enums import MeetingKind, MeetingStatus, VoteOutcome
from .errors import Message, ValidationError

__all__ = [
    "DEFAULT_RULES",
    "MEETING_STATUS_NAMES",
    "QuorumResult",
    "QuorumRule",
    "akim_deadline",
    "check_quorum",
    "kz_public_holidays",
    "meeting_transition",
    "members_range",
    "quorum_reached",
    "rule_for",
    "vote_outcome",
]


@dataclass(frozen=True)
class QuorumRule:
    """One version of the quorum and decision rule for a kind of meeting.

    Quorum: present must be more than (``strict``) or at least ``numerator/denominator``
    of those eligible. Decision: votes for must be more than (``decision_strict``) or at
    least ``decision_numerator/decision_denominator`` of those present.
    """

    kind: MeetingKind
    version: str
    valid_from: date
    quorum_numerator: int
    quorum_denominator: int
    strict: bool
    decision_numerator: int
    decision_denominator: int
    decision_strict: bool
    legal_source: Message
    note: Message | None = None
    configurable: bool = True

    def needed(self, eligible: int) -> int:
        """The fewest present for a quorum (at least one person in any case)."""
        whole, rest = divmod(eligible * self.quorum_numerator, self.quorum_denominator)
        need = whole + 1 if self.strict else whole + (1 if rest else 0)
        return max(need, 1)

    def votes_needed(self, present: int) -> int:
        """The fewest votes for a decision to be adopted."""
        whole, rest = divmod(present * self.decision_numerator, self.decision_denominator)
        need = whole + 1 if self.decision_strict else whole + (1 if rest else 0)
        return max(need, 1)


_LAW_148 = "Закон РК от 23.01.2001 № 148-II"
_LAW_148_KK = "ҚР 2001 жылғы 23 қаңтардағы № 148-II Заңы"

DEFAULT_RULES: tuple[QuorumRule, ...] = (
    QuorumRule(
        kind=MeetingKind.MEETING,
        version="2017-295",
        valid_from=date(2017, 8, 7),
        quorum_numerator=1,
        quorum_denominator=2,
        strict=True,
        decision_numerator=1,
        decision_denominator=2,
        decision_strict=True,
        legal_source=Message(
            kk=f"{_LAW_148_KK}, 39-3-бабының 3-1-тармағы; Жергілікті қоғамдастық "
            "жиналысының үлгілік регламенті (ҚР Ұлттық экономика министрінің 2017 жылғы "
            "7 тамыздағы № 295 бұйрығы); аудандық мәслихат бекіткен жиналыс регламенті",
            ru=f"{_LAW_148}, п. 3-1 ст. 39-3; Типовой регламент собрания местного "
            "сообщества (приказ Министра национальной экономики РК от 07.08.2017 № 295); "
            "регламент собрания, утверждённый маслихатом района",
        ),
        note=Message(
            kk="Кворум мен шешім шегі — орталықтың баптауы: әдепкі бойынша мүшелердің "
            "жартысынан астамы және қатысушылардың жай көпшілігі; ауданыңыздың "
            "регламентіне сәйкес тексеріңіз",
            ru="Порог кворума и решения — настройка центра: по умолчанию более половины "
            "членов и простое большинство присутствующих; сверьте с регламентом района",
        ),
    ),
    QuorumRule(
        kind=MeetingKind.GATHERING,
        version="2017-295",
        valid_from=date(2017, 8, 7),
        quorum_numerator=1,
        quorum_denominator=2,
        strict=True,
        decision_numerator=1,
        decision_denominator=2,
        decision_strict=True,
        legal_source=Message(
            kk=f"{_LAW_148_KK}, 39-3-бап; аудандық мәслихат бекіткен жиынның қағидалары",
            ru=f"{_LAW_148}, ст. 39-3; правила схода, утверждённые маслихатом района",
        ),
        note=Message(
            kk="Қатысу шегі бапталады: әдепкі бойынша өкілдердің (тұрғындар өкілдерінің) "
            "жартысынан астамы; ауданның қағидаларына сәйкес өзгертіңіз",
            ru="Порог участия настраивается: по умолчанию более половины делегированных "
            "представителей жителей; измените по правилам вашего района",
        ),
    ),
    QuorumRule(
        kind=MeetingKind.SEPARATE_GATHERING,
        version="2023-122",
        valid_from=date(2023, 6, 23),
        quorum_numerator=0,
        quorum_denominator=1,
        strict=False,
        decision_numerator=1,
        decision_denominator=2,
        decision_strict=True,
        legal_source=Message(
            kk=f"{_LAW_148_KK}, 39-3-бабының 6-тармағы; Жергілікті қоғамдастықтың бөлек "
            "жиындарын өткізудің үлгілік қағидалары (ҚР Ұлттық экономика министрінің "
            "2023 жылғы 23 маусымдағы № 122 бұйрығы); аудандық мәслихат бекіткен қағидалар",
            ru=f"{_LAW_148}, п. 6 ст. 39-3; Типовые правила проведения раздельных сходов "
            "местного сообщества (приказ Министра национальной экономики РК от 23.06.2023 "
            "№ 122); правила, утверждённые маслихатом района",
        ),
        note=Message(
            kk="Өкілдер ашық дауыс берумен, қатысушылардың жай көпшілік даусымен сайланады; "
            "қатысу шегі ауданның қағидаларында белгіленсе, оны баптаңыз",
            ru="Представители избираются открытым голосованием простым большинством "
            "присутствующих; если правила района задают порог участия, настройте его",
        ),
    ),
)


def rule_for(kind: MeetingKind, on: date, rules: Iterable[QuorumRule] | None = None) -> QuorumRule:
    """The rule version in force on ``on`` (latest ``valid_from`` not after it).

    Before the first version of a kind, the earliest version applies (minutes of
    older meetings are still entered, and the rule then was no looser).
    """
    candidates = sorted(
        (r for r in (DEFAULT_RULES if rules is None else rules) if r.kind == kind),
        key=lambda r: r.valid_from,
    )
    if not candidates:
        raise LookupError(f"no quorum rule for {kind}")
    in_force = [r for r in candidates if r.valid_from <= on]
    return in_force[-1] if in_force else candidates[0]


@dataclass(frozen=True)
class QuorumResult:
    reached: bool
    needed: int
    eligible: int
    present: int


def _check_counts(eligible: int, present: int) -> None:
    if eligible < 0 or present < 0:
        raise ValidationError(
            "meeting.counts_negative",
            Message(
                kk="Қатысушылар саны теріс болмауы керек",
                ru="Число участников не может быть отрицательным",
            ),
            field="present",
        )
    if present > eligible:
        raise ValidationError(
            "meeting.present_exceeds",
            Message(
                kk="Қатысқандар ({present}) мүшелер санынан ({eligible}) көп болмауы керек",
                ru="Присутствующих ({present}) не может быть больше, чем членов ({eligible})",
            ),
            field="present",
            present=present,
            eligible=eligible,
        )


def check_quorum(eligible: int, present: int, rule: QuorumRule) -> QuorumResult:
    """Quorum with the minimum number present. Codes: ``meeting.counts_negative``,
    ``meeting.present_exceeds``."""
    _check_counts(eligible, present)
    needed = rule.needed(eligible)
    return QuorumResult(
        reached=eligible > 0 and present >= needed,
        needed=needed,
        eligible=eligible,
        present=present,
    )


def quorum_reached(eligible: int, present: int, rule: QuorumRule) -> bool:
    return check_quorum(eligible, present, rule).reached


def vote_outcome(
    votes_for: int,
    votes_against: int,
    abstained: int,
    present: int,
    quorum_ok: bool,
    rule: QuorumRule,
) -> VoteOutcome:
    """Outcome of one agenda item. Votes are counted against those present, so
    abstentions and people who did not vote count against adoption.

    Codes: ``meeting.votes_negative``, ``meeting.votes_exceed_present``.
    """
    if min(votes_for, votes_against, abstained, present) < 0:
        raise ValidationError(
            "meeting.votes_negative",
            Message(
                kk="Дауыс саны теріс болмауы керек",
                ru="Число голосов не может быть отрицательным",
            ),
            field="votes_for",
        )
    total = votes_for + votes_against + abstained
    if total > present:
        raise ValidationError(
            "meeting.votes_exceed_present",
            Message(
                kk="Дауыстар саны ({total}) қатысқандар санынан ({present}) көп",
                ru="Голосов ({total}) больше, чем присутствующих ({present})",
            ),
            field="votes_for",
            total=total,
            present=present,
        )
    if not quorum_ok:
        return VoteOutcome.NO_QUORUM
    if total == 0:
        return VoteOutcome.NOT_VOTED
    if votes_for >= rule.votes_needed(present):
        return VoteOutcome.ADOPTED
    return VoteOutcome.REJECTED


MEETING_STATUS_NAMES: dict[MeetingStatus, Message] = {
    MeetingStatus.DRAFT: Message(kk="Жоба", ru="Черновик"),
    MeetingStatus.FINALIZED: Message(kk="Рәсімделді", ru="Оформлен"),
    MeetingStatus.SENT_TO_AKIM: Message(kk="Әкімге жіберілді", ru="Направлен акиму"),
    MeetingStatus.AKIM_RESPONDED: Message(kk="Әкімнің жауабы алынды", ru="Получен ответ акима"),
}

_NEXT: dict[MeetingStatus, MeetingStatus] = {
    MeetingStatus.DRAFT: MeetingStatus.FINALIZED,
    MeetingStatus.FINALIZED: MeetingStatus.SENT_TO_AKIM,
    MeetingStatus.SENT_TO_AKIM: MeetingStatus.AKIM_RESPONDED,
}


def meeting_transition(current: MeetingStatus, target: MeetingStatus) -> MeetingStatus:
    """Allow only the next step: draft -> finalized -> sent to akim -> akim responded."""
    if _NEXT.get(current) != target:
        raise ValidationError(
            "meeting.transition",
            Message(
                kk="Хаттаманы «{from_kk}» күйінен «{to_kk}» күйіне ауыстыруға болмайды",
                ru="Нельзя перевести протокол из состояния «{from_ru}» в «{to_ru}»",
            ),
            field="status",
            from_kk=MEETING_STATUS_NAMES[current].kk,
            from_ru=MEETING_STATUS_NAMES[current].ru,
            to_kk=MEETING_STATUS_NAMES[target].kk,
            to_ru=MEETING_STATUS_NAMES[target].ru,
        )
    return target


# Fixed-date public holidays (Labour Code art. 84; Law "On holidays in the RK").
# Movable days (Kurban Ait) and the government's yearly transfers of days off are not
# here: pass them in ``holidays``.
_FIXED_HOLIDAYS: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 2),
    (1, 7),
    (3, 8),
    (3, 21),
    (3, 22),
    (3, 23),
    (5, 1),
    (5, 7),
    (5, 9),
    (7, 6),
    (8, 30),
    (10, 25),
    (12, 16),
)


def kz_public_holidays(year: int) -> set[date]:
    """Non-working fixed-date holidays of a year; one on a weekend moves the day off
    to the next working day (religious holidays, here 7 January, do not move)."""
    days = {date(year, m, d) for m, d in _FIXED_HOLIDAYS}
    result = set(days)
    for day in sorted(days):
        if day.weekday() >= 5 and (day.month, day.day) != (1, 7):
            moved = day + timedelta(days=1)
            while moved.weekday() >= 5 or moved in result:
                moved += timedelta(days=1)
            result.add(moved)
    return result


def akim_deadline(
    sent: date, working_days: int = 5, holidays: Collection[date] | None = None
) -> date:
    """The date ``working_days`` working days after ``sent`` (Saturdays, Sundays and
    holidays skipped). ``holidays`` defaults to :func:`kz_public_holidays`."""
    if working_days < 0:
        raise ValueError("working_days must not be negative")
    if holidays is None:
        holidays = kz_public_holidays(sent.year) | kz_public_holidays(sent.year + 1)
    day = sent
    left = working_days
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            left -= 1
    return day


# Members of the meeting by population of the unit (Order No. 295, as amended by No. 88).
_MEMBER_BANDS: tuple[tuple[int, tuple[int, int]], ...] = (
    (10_000, (5, 10)),
    (15_000, (11, 15)),
    (20_000, (16, 20)),
)


def members_range(population: int) -> tuple[int, int]:
    """Allowed number of meeting members: up to 10 000 people 5-10, up to 15 000
    11-15, up to 20 000 16-20, more 21-25. Code ``meeting.population``."""
    if population < 0:
        raise ValidationError(
            "meeting.population",
            Message(
                kk="Халық саны теріс болмауы керек",
                ru="Численность населения не может быть отрицательной",
            ),
            field="population",
        )
    for limit, band in _MEMBER_BANDS:
        if population <= limit:
            return band
    return (21, 25)

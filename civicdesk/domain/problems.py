"""A community problem's life cycle and the ranking of problems by how many raised them.

raised → taken up (by an appeal to the akim, a meeting agenda item, a grant application
or an information campaign) → answered (the akim's answer or the decision, with its
date) → resolved / not resolved. A problem not resolved may be taken up again through
another channel. Every step names the record that carried it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from civicdesk.domain.errors import Message, UserError


class ProblemState(StrEnum):
    RAISED = "raised"
    TAKEN_UP = "taken_up"
    ANSWERED = "answered"
    RESOLVED = "resolved"
    NOT_RESOLVED = "not_resolved"


class Channel(StrEnum):
    """What took a problem up (the record the step links)."""

    APPEAL = "appeal"  # a written appeal to the akim (the step itself is the record)
    AGENDA_ITEM = "agenda_item"
    GRANT_APPLICATION = "grant_application"
    CAMPAIGN = "campaign"


class SourceKind(StrEnum):
    """Where a problem was raised."""

    FOCUS_GROUP = "focus_group"
    SURVEY = "survey"
    CONSULTATION = "consultation"
    AGENDA_ITEM = "agenda_item"
    GRANT_APPLICATION = "grant_application"
    APPEAL = "appeal"


TRANSITIONS: dict[ProblemState, frozenset[ProblemState]] = {
    ProblemState.RAISED: frozenset({ProblemState.TAKEN_UP}),
    ProblemState.TAKEN_UP: frozenset({ProblemState.ANSWERED}),
    ProblemState.ANSWERED: frozenset({ProblemState.RESOLVED, ProblemState.NOT_RESOLVED}),
    ProblemState.RESOLVED: frozenset(),
    ProblemState.NOT_RESOLVED: frozenset({ProblemState.TAKEN_UP}),
}

STATE_NAMES: dict[ProblemState, Message] = {
    ProblemState.RAISED: Message(kk="көтерілді", ru="поднята"),
    ProblemState.TAKEN_UP: Message(kk="қолға алынды", ru="взята в работу"),
    ProblemState.ANSWERED: Message(kk="жауап берілді", ru="получен ответ"),
    ProblemState.RESOLVED: Message(kk="шешілді", ru="решена"),
    ProblemState.NOT_RESOLVED: Message(kk="шешілмеді", ru="не решена"),
}

CHANNEL_NAMES: dict[Channel, Message] = {
    Channel.APPEAL: Message(kk="әкімге өтініш", ru="обращение к акиму"),
    Channel.AGENDA_ITEM: Message(kk="жиналыс күн тәртібі", ru="вопрос повестки собрания"),
    Channel.GRANT_APPLICATION: Message(kk="грант өтінімі", ru="грантовая заявка"),
    Channel.CAMPAIGN: Message(kk="ақпараттық науқан", ru="информационная кампания"),
}

BAD_STEP = Message(
    kk="«{current}» күйіндегі мәселені «{target}» күйіне көшіруге болмайды.",
    ru="Проблему в состоянии «{current}» нельзя перевести в состояние «{target}».",
)


def check_transition(current: ProblemState, target: ProblemState) -> None:
    """Refuse a step the life cycle does not allow (a kk/ru message naming both)."""
    if target not in TRANSITIONS[current]:
        raise UserError(
            "problem.bad_step",
            Message(
                kk=BAD_STEP.kk.format(current=STATE_NAMES[current].kk,
                                      target=STATE_NAMES[target].kk),
                ru=BAD_STEP.ru.format(current=STATE_NAMES[current].ru,
                                      target=STATE_NAMES[target].ru),
            ),
            current=current.value,
            target=target.value,
        )


def is_open(state: ProblemState) -> bool:
    return state is not ProblemState.RESOLVED


# --------------------------------------------------------------------------- ranking


@dataclass(frozen=True)
class Mention:
    """How many people of one sex and age band raised a problem in one settlement.

    ``sex`` / ``age_band`` are None when a focus group counted votes without them.
    """

    problem_id: str
    settlement_id: str | None
    count: int
    sex: str | None = None
    age_band: str | None = None
    youth: bool | None = None


@dataclass
class Ranked:
    problem_id: str
    total: int = 0
    by_sex: dict[str, int] = field(default_factory=dict)
    by_age: dict[str, int] = field(default_factory=dict)
    youth: int = 0
    rank: int = 0


def rank(mentions: Iterable[Mention], tie_key: Callable[[str], str] = str) -> list[Ranked]:
    """Problems by how many raised them, most first; equal totals share a rank
    (1, 2, 2, 4) and are ordered by ``tie_key`` (e.g. the Kazakh sort key of the title).

    Unknown sex or age band is counted under ``"?"``.
    """
    acc: dict[str, Ranked] = {}
    for m in mentions:
        if m.count <= 0:
            continue
        r = acc.get(m.problem_id)
        if r is None:
            r = acc[m.problem_id] = Ranked(m.problem_id)
        r.total += m.count
        sex = m.sex or "?"
        age = m.age_band or "?"
        r.by_sex[sex] = r.by_sex.get(sex, 0) + m.count
        r.by_age[age] = r.by_age.get(age, 0) + m.count
        if m.youth:
            r.youth += m.count
    ordered = sorted(acc.values(), key=lambda r: (-r.total, tie_key(r.problem_id),
                                                    r.problem_id))
    previous, place = None, 0
    for i, r in enumerate(ordered, start=1):
        if r.total != previous:
            place, previous = i, r.total
        r.rank = place
    return ordered


def rank_by_settlement(
    mentions: Iterable[Mention], tie_key: Callable[[str], str] = str
) -> dict[str | None, list[Ranked]]:
    """``rank`` within each settlement."""
    groups: dict[str | None, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.settlement_id].append(m)
    return {s: rank(ms, tie_key) for s, ms in groups.items()}

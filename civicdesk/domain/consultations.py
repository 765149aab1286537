"""Consultations: what a consultant must record for each one."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .enums import ConsultationChannel, ConsultationStatus
from .errors import Message
from .text import normalize_kk
from .validation import Collector

__all__ = ["FUTURE_TOLERANCE", "ValidatedConsultation", "validate_consultation"]

# Clocks on old office PCs drift and people record evening visits the next morning
# in another time zone setting: allow up to a day ahead.
FUTURE_TOLERANCE = timedelta(days=1)


@dataclass(frozen=True)
class ValidatedConsultation:
    occurred_at: datetime
    channel: ConsultationChannel
    topic_codes: tuple[str, ...]
    question: str
    follow_up_date: date | None
    status: ConsultationStatus


def _comparable(a: datetime, b: datetime) -> tuple[datetime, datetime]:
    if (a.tzinfo is None) == (b.tzinfo is None):
        return a, b
    # One naive, one aware: compare both as local wall-clock time.
    if a.tzinfo is not None:
        a = a.astimezone().replace(tzinfo=None)
    if b.tzinfo is not None:
        b = b.astimezone().replace(tzinfo=None)
    return a, b


def validate_consultation(
    occurred_at: datetime,
    channel: ConsultationChannel | str,
    topic_codes: list[str],
    question: str,
    follow_up_date: date | None,
    *,
    now: datetime | None = None,
    known_topics: Collection[str] | None = None,
) -> ValidatedConsultation:
    """Check a consultation record; raises ``ValidationErrors`` listing every problem.

    Codes: ``consultation.channel``, ``consultation.future``,
    ``consultation.topic_required``, ``consultation.topic_unknown``,
    ``consultation.question_required``, ``consultation.follow_up_before``.
    The status is ``follow_up`` when a follow-up date is set, else ``open``.
    """
    now = now or datetime.now(occurred_at.tzinfo)
    c = Collector()

    clean_channel: ConsultationChannel | None = None
    try:
        clean_channel = ConsultationChannel(channel)
    except ValueError:
        c.add(
            "consultation.channel",
            Message(
                kk="Кеңес беру тәсілін тізімнен таңдаңыз",
                ru="Выберите способ консультации из списка",
            ),
            field="channel",
        )

    when, current = _comparable(occurred_at, now)
    if when > current + FUTURE_TOLERANCE:
        c.add(
            "consultation.future",
            Message(
                kk="Кеңес берілген уақыт болашақта болмауы керек",
                ru="Время консультации не может быть в будущем",
            ),
            field="occurred_at",
        )

    topics: list[str] = []
    for raw_code in topic_codes:
        code = raw_code.strip()
        if code and code not in topics:
            topics.append(code)
    if not topics:
        c.add(
            "consultation.topic_required",
            Message(
                kk="Кемінде бір тақырыпты таңдаңыз",
                ru="Выберите хотя бы одну тему",
            ),
            field="topic_codes",
        )
    elif known_topics is not None:
        unknown = [t for t in topics if t not in known_topics]
        if unknown:
            c.add(
                "consultation.topic_unknown",
                Message(
                    kk="Анықтамалықта жоқ тақырып: {codes}",
                    ru="Темы нет в справочнике: {codes}",
                ),
                field="topic_codes",
                codes=", ".join(unknown),
            )

    text = normalize_kk(question or "")
    if not text:
        c.add(
            "consultation.question_required",
            Message(
                kk="Тұрғынның сұрағын жазыңыз",
                ru="Опишите вопрос жителя",
            ),
            field="question",
        )

    if follow_up_date is not None and follow_up_date < occurred_at.date():
        c.add(
            "consultation.follow_up_before",
            Message(
                kk="Қайта байланысу күні кеңес берілген күннен ерте болмауы керек",
                ru="Дата повторного контакта не может быть раньше даты консультации",
            ),
            field="follow_up_date",
        )

    c.raise_if_any()
    assert clean_channel is not None
    return ValidatedConsultation(
        occurred_at=occurred_at,
        channel=clean_channel,
        topic_codes=tuple(topics),
        question=text,
        follow_up_date=follow_up_date,
        status=ConsultationStatus.FOLLOW_UP if follow_up_date else ConsultationStatus.OPEN,
    )

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from civicdesk.domain.consultations import validate_consultation
from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.domain.errors import ValidationErrors

NOW = datetime(2025, 2, 22, 12, 0)


def test_valid_consultation() -> None:
    c = validate_consultation(
        datetime(2025, 2, 22, 10, 30),
        "phone",
        [" gathering ", "gathering", "grants"],
        "  Жиынды  қалай шақырамыз? ",
        date(2025, 3, 1),
        now=NOW,
    )
    assert c.channel is ConsultationChannel.PHONE
    assert c.topic_codes == ("gathering", "grants")
    assert c.question == "Жиынды қалай шақырамыз?"
    assert c.status is ConsultationStatus.FOLLOW_UP
    c2 = validate_consultation(
        NOW + timedelta(hours=23), ConsultationChannel.IN_PERSON, ["x"], "сұрақ", None, now=NOW
    )
    assert c2.status is ConsultationStatus.OPEN


def _codes(**overrides: object) -> dict[str, str]:
    args: dict[str, object] = {
        "occurred_at": datetime(2025, 2, 22, 10, 30),
        "channel": "in_person",
        "topic_codes": ["gathering"],
        "question": "Сұрақ",
        "follow_up_date": None,
    }
    args.update(overrides)
    with pytest.raises(ValidationErrors) as info:
        validate_consultation(now=NOW, known_topics={"gathering", "grants"}, **args)  # type: ignore[arg-type]
    return {e.field or "": e.code for e in info.value.errors}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"question": " \n "}, {"question": "consultation.question_required"}),
        ({"topic_codes": []}, {"topic_codes": "consultation.topic_required"}),
        ({"topic_codes": ["  "]}, {"topic_codes": "consultation.topic_required"}),
        ({"topic_codes": ["nonsense"]}, {"topic_codes": "consultation.topic_unknown"}),
        ({"channel": "pigeon"}, {"channel": "consultation.channel"}),
        (
            {"occurred_at": NOW + timedelta(days=1, minutes=1)},
            {"occurred_at": "consultation.future"},
        ),
        (
            {"follow_up_date": date(2025, 2, 21)},
            {"follow_up_date": "consultation.follow_up_before"},
        ),
    ],
)
def test_errors(overrides: dict[str, object], expected: dict[str, str]) -> None:
    assert _codes(**overrides) == expected


def test_all_errors_at_once() -> None:
    codes = _codes(question="", topic_codes=[], follow_up_date=date(2025, 1, 1))
    assert set(codes.values()) == {
        "consultation.question_required",
        "consultation.topic_required",
        "consultation.follow_up_before",
    }


def test_follow_up_same_day_is_fine() -> None:
    c = validate_consultation(NOW, "online", ["a"], "q", NOW.date(), now=NOW)
    assert c.follow_up_date == NOW.date()


def test_aware_and_naive_times_compare() -> None:
    aware = datetime(2025, 2, 22, 6, 0, tzinfo=UTC)
    c = validate_consultation(aware, "online", ["a"], "q", None, now=NOW)
    assert c.occurred_at == aware

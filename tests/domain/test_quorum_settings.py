"""A center's own quorum and decision thresholds as rule versions."""

from __future__ import annotations

from datetime import date

import pytest

from civicdesk.domain.enums import MeetingKind, VoteOutcome
from civicdesk.domain.errors import UserError
from civicdesk.domain.meetings import DEFAULT_RULES, check_quorum, rule_for, vote_outcome
from civicdesk.domain.quorum_settings import (
    CenterRule,
    center_rule,
    describe,
    meeting_rule,
    rule_from_version,
    validate_center_rule,
)
from civicdesk.domain.validation import field_errors

TWO_THIRDS = CenterRule(MeetingKind.MEETING, date(2026, 12, 3), 2, 3, False, 2, 3, False)


def test_rule_for_picks_the_center_version_from_its_date() -> None:
    rules = (*DEFAULT_RULES, center_rule(TWO_THIRDS))
    before = rule_for(MeetingKind.MEETING, date(2026, 12, 2), rules)
    after = rule_for(MeetingKind.MEETING, date(2026, 12, 3), rules)
    assert before.version == "2017-295"
    assert after.version == "center-2026-12-03-q2/3-d2/3"
    # 10 members: the default needs 6, the center's "at least 2/3" needs 7
    assert check_quorum(10, 6, before).reached
    assert not check_quorum(10, 6, after).reached
    assert check_quorum(10, 7, after).reached
    # decision: 6 of 9 present is 2/3 exactly: adopted at least 2/3, not with "more than"
    assert vote_outcome(6, 3, 0, 9, True, after) is VoteOutcome.ADOPTED
    strict = center_rule(CenterRule(MeetingKind.MEETING, date(2026, 12, 3), 1, 2, True,
                                    2, 3, True))
    assert vote_outcome(6, 3, 0, 9, True, strict) is VoteOutcome.REJECTED
    # other kinds keep their defaults
    assert rule_for(MeetingKind.GATHERING, date(2027, 1, 1), rules).version == "2017-295"


def test_the_version_names_its_figures_and_is_read_back() -> None:
    rule = center_rule(TWO_THIRDS)
    back = rule_from_version(MeetingKind.MEETING, rule.version)
    assert back == rule
    assert len(rule.version) <= 40
    assert rule_from_version(MeetingKind.MEETING, "2017-295") is None
    assert rule_from_version(MeetingKind.MEETING, "center-2026-12-03-q3/2-d1/2") is None
    # a saved meeting keeps the center rule it recorded, whatever the settings now
    assert meeting_rule(MeetingKind.MEETING, date(2027, 1, 1), rule.version, DEFAULT_RULES) == rule
    assert meeting_rule(MeetingKind.MEETING, date(2027, 1, 1), "2017-295").version == "2017-295"


def test_a_center_rule_says_it_is_the_centers_setting_with_its_date() -> None:
    rule = center_rule(TWO_THIRDS)
    assert rule.legal_source.ru.startswith("Настройка центра, действует с 03.12.2026")
    assert "не менее 2/3 членов" in rule.legal_source.ru
    assert rule.legal_source.kk.startswith("Орталықтың баптауы, күшіне енген күні 03.12.2026")
    assert "№ 148-II" in rule.legal_source.ru and "№ 148-II" in rule.legal_source.kk
    assert rule.note == DEFAULT_RULES[0].note
    default = describe(DEFAULT_RULES[0])
    assert default.ru == "кворум — более 1/2 членов; решение — более 1/2 присутствующих"
    assert default.kk.startswith("кворум — мүшелердің 1/2 бөлігінен астамы")
    separate = describe(DEFAULT_RULES[2])
    assert separate.ru.startswith("кворум — не требуется")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (CenterRule(MeetingKind.MEETING, date(2026, 1, 1), 1, 0, True, 1, 2, True),
         [("quorum.denominator", "quorum_denominator")]),
        (CenterRule(MeetingKind.MEETING, date(2026, 1, 1), 3, 2, False, 0, 2, True),
         [("quorum.numerator", "quorum_numerator"), ("quorum.numerator", "decision_numerator")]),
        (CenterRule(MeetingKind.MEETING, date(2026, 1, 1), 2, 2, True, 1, 101, False),
         [("quorum.strict", "quorum_numerator"), ("quorum.denominator", "decision_denominator")]),
        (CenterRule(MeetingKind.SEPARATE_GATHERING, date(2023, 6, 22), 0, 1, False, 1, 2, True),
         [("quorum.valid_from", "valid_from")]),
    ],
)
def test_bad_figures_are_refused_with_kk_and_ru_messages(
    data: CenterRule, expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(UserError) as exc:
        validate_center_rule(data)
    errors = field_errors(exc.value)
    assert [(e.code, e.field) for e in errors] == expected
    for e in errors:
        assert e.text("kk").strip() and e.text("ru").strip()
        assert "{" not in e.text("kk") + e.text("ru")


def test_the_valid_from_message_names_the_first_date() -> None:
    with pytest.raises(UserError) as exc:
        validate_center_rule(CenterRule(MeetingKind.MEETING, date(2017, 8, 6), 1, 2, True,
                                        1, 2, True))
    assert "07.08.2017" in exc.value.text("ru") and "07.08.2017" in exc.value.text("kk")

"""Awareness questionnaires, sheets and the figures of a wave."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicdesk.domain.awareness import (
    AgeBand,
    Question,
    QuestionKind,
    Sheet,
    band_age_group,
    compare,
    figures,
    figures_by,
    is_youth,
    parse_cell,
    questions_from_json,
    score,
    validate_questions,
    validate_sheet,
)
from civicdesk.domain.enums import AgeGroup, Sex
from civicdesk.domain.errors import ValidationError, ValidationErrors
from civicdesk.domain.result_text import change_text, gain_text, number, share_text
from civicdesk.domain.statistics import Reliability, change_between, paired_gain, share

OPTS = (("Иә", "Да"), ("Жоқ", "Нет"), ("Білмеймін", "Не знаю"))


def q(kind: QuestionKind = QuestionKind.SINGLE, correct: set[int] | None = None) -> Question:
    return Question("Сұрақ", "Вопрос", kind, OPTS, frozenset(correct or {1}))


QUESTIONS = (q(), q(), q(QuestionKind.MULTIPLE, {1, 2}))


def test_questionnaire_needs_3_to_8_questions_in_both_languages() -> None:
    with pytest.raises(ValidationErrors) as e:
        validate_questions([q(), q()])
    assert "3–8" in e.value.text("ru") and "3–8" in e.value.text("kk")
    with pytest.raises(ValidationErrors):
        validate_questions([q()] * 9)
    bad = Question(" ", "Вопрос", QuestionKind.SINGLE, OPTS, frozenset({1}))
    with pytest.raises(ValidationErrors) as e2:
        validate_questions([q(), q(), bad])
    assert set(e2.value.by_field()) == {"question_3"}
    assert validate_questions(QUESTIONS) == QUESTIONS


def test_single_choice_has_exactly_one_correct_option() -> None:
    two = Question("С", "В", QuestionKind.SINGLE, OPTS, frozenset({1, 2}))
    none = Question("С", "В", QuestionKind.MULTIPLE, OPTS, frozenset())
    out_of_range = Question("С", "В", QuestionKind.SINGLE, OPTS, frozenset({4}))
    with pytest.raises(ValidationErrors) as e:
        validate_questions([two, none, out_of_range])
    assert len(e.value.errors) == 3


def test_questions_round_trip_through_json() -> None:
    assert questions_from_json([x.to_json() for x in QUESTIONS]) == QUESTIONS


def test_grid_cells_are_digits() -> None:
    assert parse_cell("2", QUESTIONS[0], 1) == {2}
    assert parse_cell("", QUESTIONS[0], 1) == frozenset()
    assert parse_cell("0", QUESTIONS[0], 1) == frozenset()
    assert parse_cell("21", QUESTIONS[2], 3) == {1, 2}
    with pytest.raises(ValidationError) as e:
        parse_cell("12", QUESTIONS[0], 1)
    assert "один" in e.value.text("ru")
    with pytest.raises(ValidationError) as e2:
        parse_cell("4", QUESTIONS[0], 2)
    assert "1 до 3" in e2.value.text("ru") and e2.value.field == "question_2"
    with pytest.raises(ValidationError):
        parse_cell("x", QUESTIONS[0], 1)


def test_sheet_must_answer_this_questionnaire() -> None:
    with pytest.raises(ValidationErrors):
        validate_sheet(QUESTIONS, Sheet((frozenset({1}),)))
    with pytest.raises(ValidationErrors):
        validate_sheet(QUESTIONS, Sheet((frozenset({1, 2}), frozenset(), frozenset())))


def test_scoring_exact_sets_and_blanks_count_as_not_known() -> None:
    sheet = Sheet((frozenset({1}), frozenset(), frozenset({1})))
    assert score(QUESTIONS, sheet) == (True, False, False)
    assert score(QUESTIONS, Sheet((frozenset({2}), frozenset({1}), frozenset({2, 1})))) == (
        False, True, True)


def test_wave_figures_and_knows_threshold() -> None:
    right = Sheet((frozenset({1}), frozenset({1}), frozenset({1, 2})), Sex.FEMALE)
    two = Sheet((frozenset({1}), frozenset({1}), frozenset()), Sex.MALE)
    wrong = Sheet((frozenset({3}), frozenset(), frozenset()), Sex.MALE)
    f = figures(QUESTIONS, [right, two, wrong])
    assert f.n == 3 and f.threshold == 3
    assert [s.successes for s in f.per_question] == [2, 2, 1]
    assert f.knows.successes == 1
    assert figures(QUESTIONS, [right, two, wrong], threshold=2).knows.successes == 2
    by_sex = figures_by(QUESTIONS, [right, two, wrong], lambda s: s.sex)
    assert by_sex[Sex.FEMALE].knows.successes == 1 and by_sex[Sex.MALE].n == 2


def test_a_wave_with_no_sheets_says_no_answers() -> None:
    f = figures(QUESTIONS, [])
    assert f.n == 0 and f.knows.empty and all(s.empty for s in f.per_question)
    assert share_text(f.knows, "ru") == "нет ответов"
    assert share_text(f.knows, "kk") == "жауап жоқ"
    c = compare(f, figures(QUESTIONS, [Sheet((frozenset({1}),) * 3)]))
    assert change_text(c.knows, "ru") == "нет ответов"


def test_age_bands_give_both_report_groups_and_youth() -> None:
    assert band_age_group(AgeBand.A30_35) is AgeGroup.A30_44
    assert band_age_group(AgeBand.A14_17) is AgeGroup.UNDER_18
    assert [b for b in AgeBand if is_youth(b)] == [AgeBand.A14_17, AgeBand.A18_29,
                                                   AgeBand.A30_35]


def test_texts_name_points_and_relative_growth() -> None:
    c = change_between(share(48, 80), share(56, 70))
    ru = change_text(c, "ru")
    assert ru == "+20,0 п.п. (95 % ДИ +5,2…+33,4); относительный рост +33,3 %"
    kk = change_text(c, "kk")
    assert "п.т." in kk and "салыстырмалы өсу +33,3 %" in kk
    small = change_text(change_between(share(5, 10), share(6, 10)), "ru")
    assert "не подтверждено" in small and "меньше 30" in small
    assert share_text(share(75, 120), "ru") == "62,5 % (95 % ДИ 53,6…70,6; n = 120)"
    assert number(-2.34) == "\u22122,3" and number(0.04) == "0,0"
    gain = gain_text(paired_gain([(1.0, 3.0)] * 40), "kk")
    assert gain.startswith("орташа өсім +2,0") and "100,0 %" in gain


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 3)),
                max_size=80), st.integers(0, 4))
def test_wave_figures_stay_in_0_to_100(rows: list[tuple[int, int, int]], threshold: int) -> None:
    sheets = [Sheet(tuple(frozenset({a}) if a else frozenset() for a in row)) for row in rows]
    f = figures(QUESTIONS, sheets, threshold)
    for s in (*f.per_question, f.knows):
        if not rows:
            assert s.reliability is Reliability.EMPTY
            continue
        assert s.percent is not None and s.interval is not None
        assert 0.0 <= s.interval.low <= s.percent <= s.interval.high <= 100.0

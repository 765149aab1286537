"""Awareness surveys around a booklet campaign: the questionnaire, a sheet, the figures.

A questionnaire has 3-8 knowledge questions, each in Kazakh and Russian, single or
multiple choice with 2-9 options (typed as the digits 1-9) and the correct options
marked, plus the respondent's sex, age band and settlement; never a name.

Scoring rules (stated so a report can repeat them):
- a question is answered correctly when the chosen options are exactly the correct ones
  (for a multiple-choice question: all the correct options and no other);
- a question left blank counts as not known: the sample of a question is every sheet of
  the wave, so a blank cannot make a share look better;
- a respondent "knows" when at least ``threshold`` questions are correct (all of them
  unless the campaign sets a lower threshold).

Age bands are chosen so that both the usual age groups of the reports and the youth
band of youth policy (14-35 years, Law No. 285-V "On state youth policy") can be
summed from them without asking for a birth year.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import partial

from .enums import AgeGroup, Sex
from .errors import Message, ValidationError
from .statistics import Change, Share, change_between, share
from .validation import Collector

__all__ = [
    "MAX_OPTIONS",
    "MAX_QUESTIONS",
    "MIN_QUESTIONS",
    "YOUTH_MAX_AGE",
    "YOUTH_MIN_AGE",
    "AgeBand",
    "Comparison",
    "Question",
    "QuestionKind",
    "Sheet",
    "WaveFigures",
    "WaveKind",
    "age_band_of",
    "band_age_group",
    "compare",
    "figures",
    "figures_by",
    "is_youth",
    "parse_cell",
    "questions_from_json",
    "resident_is_youth",
    "score",
    "validate_questions",
    "validate_sheet",
]

MIN_QUESTIONS = 3
MAX_QUESTIONS = 8
MAX_OPTIONS = 9  # one digit per option
YOUTH_MIN_AGE = 14
YOUTH_MAX_AGE = 35


class QuestionKind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"


class WaveKind(StrEnum):
    BASELINE = "baseline"  # before the booklets are handed out
    ENDLINE = "endline"  # after


class AgeBand(StrEnum):
    """The age question of a survey sheet (in years at the time of the survey)."""

    A14_17 = "14_17"
    A18_29 = "18_29"
    A30_35 = "30_35"
    A36_44 = "36_44"
    A45_59 = "45_59"
    A60_PLUS = "60_plus"


_BAND_GROUP: dict[AgeBand, AgeGroup] = {
    AgeBand.A14_17: AgeGroup.UNDER_18,
    AgeBand.A18_29: AgeGroup.A18_29,
    AgeBand.A30_35: AgeGroup.A30_44,
    AgeBand.A36_44: AgeGroup.A30_44,
    AgeBand.A45_59: AgeGroup.A45_59,
    AgeBand.A60_PLUS: AgeGroup.A60_PLUS,
}
_YOUTH_BANDS = frozenset({AgeBand.A14_17, AgeBand.A18_29, AgeBand.A30_35})


def age_band_of(age: int) -> AgeBand | None:
    """The band of an age in years; None below 14 (such respondents are not surveyed)."""
    if age < YOUTH_MIN_AGE:
        return None
    for band, high in ((AgeBand.A14_17, 17), (AgeBand.A18_29, 29), (AgeBand.A30_35, 35),
                       (AgeBand.A36_44, 44), (AgeBand.A45_59, 59)):
        if age <= high:
            return band
    return AgeBand.A60_PLUS


def resident_is_youth(birth_year: int | None, group: AgeGroup | None, on: date) -> bool | None:
    """Whether a person is 14-35 years old on ``on``; None when it cannot be told.

    With a birth year the age is the year difference (the birth day is not recorded);
    with only a report age group, 18-29 is youth and 45 and older is not, while
    "under 18" and "30-44" straddle the band's edges and stay unknown.
    """
    if birth_year is not None:
        return YOUTH_MIN_AGE <= on.year - birth_year <= YOUTH_MAX_AGE
    if group is AgeGroup.A18_29:
        return True
    if group in (AgeGroup.A45_59, AgeGroup.A60_PLUS):
        return False
    return None


def band_age_group(band: AgeBand) -> AgeGroup:
    """The usual report age group a survey band falls into."""
    return _BAND_GROUP[band]


def is_youth(band: AgeBand) -> bool:
    """14-35 years, the youth of youth policy."""
    return band in _YOUTH_BANDS


@dataclass(frozen=True)
class Question:
    text_kk: str
    text_ru: str
    kind: QuestionKind
    options: tuple[tuple[str, str], ...]  # (kk, ru), typed as 1..len
    correct: frozenset[int]  # 1-based option numbers

    def to_json(self) -> dict[str, object]:
        return {
            "text_kk": self.text_kk,
            "text_ru": self.text_ru,
            "kind": self.kind.value,
            "options": [{"kk": kk, "ru": ru} for kk, ru in self.options],
            "correct": sorted(self.correct),
        }


def questions_from_json(data: Iterable[Mapping[str, object]]) -> tuple[Question, ...]:
    """Questions as stored (JSON); assumed valid, as they were validated when saved."""
    out: list[Question] = []
    for q in data:
        options = q.get("options") or []
        correct = q.get("correct") or []
        assert isinstance(options, list) and isinstance(correct, list)
        out.append(
            Question(
                text_kk=str(q.get("text_kk", "")),
                text_ru=str(q.get("text_ru", "")),
                kind=QuestionKind(str(q.get("kind", "single"))),
                options=tuple((str(o["kk"]), str(o["ru"])) for o in options),
                correct=frozenset(int(c) for c in correct),
            )
        )
    return tuple(out)


def validate_questions(questions: Sequence[Question]) -> tuple[Question, ...]:
    """Check a questionnaire; every problem at once (ValidationErrors)."""
    errors = Collector()
    if not MIN_QUESTIONS <= len(questions) <= MAX_QUESTIONS:
        errors.add(
            "questionnaire.count",
            Message(
                kk="Сауалнамада {low}–{high} сұрақ болуы керек (қазір {n})",
                ru="В анкете должно быть {low}–{high} вопросов (сейчас {n})",
            ),
            field="questions", low=MIN_QUESTIONS, high=MAX_QUESTIONS, n=len(questions),
        )
    cleaned: list[Question] = []
    for number, q in enumerate(questions, start=1):
        where = f"question_{number}"
        kk, ru = q.text_kk.strip(), q.text_ru.strip()
        if not kk or not ru:
            errors.add(
                "questionnaire.text",
                Message(
                    kk="{number}-сұрақтың мәтіні қазақ және орыс тілдерінде болуы керек",
                    ru="Текст вопроса {number} нужен на казахском и на русском",
                ),
                field=where, number=number,
            )
        options = tuple((o_kk.strip(), o_ru.strip()) for o_kk, o_ru in q.options)
        if not 2 <= len(options) <= MAX_OPTIONS or any(not a or not b for a, b in options):
            errors.add(
                "questionnaire.options",
                Message(
                    kk="{number}-сұрақта екі тілде 2–{high} жауап нұсқасы болуы керек",
                    ru="У вопроса {number} должно быть 2–{high} вариантов на двух языках",
                ),
                field=where, number=number, high=MAX_OPTIONS,
            )
        bad_correct = not q.correct or any(not 1 <= c <= len(options) for c in q.correct)
        if bad_correct or (q.kind is QuestionKind.SINGLE and len(q.correct) != 1):
            errors.add(
                "questionnaire.correct",
                Message(
                    kk="{number}-сұрақтың дұрыс жауабын белгілеңіз "
                    "(бір таңдаулы сұрақта — дәл біреуін)",
                    ru="Отметьте правильный ответ вопроса {number} "
                    "(для вопроса с одним ответом — ровно один)",
                ),
                field=where, number=number,
            )
        cleaned.append(Question(kk, ru, q.kind, options, frozenset(q.correct)))
    errors.raise_if_any()
    return tuple(cleaned)


@dataclass(frozen=True)
class Sheet:
    """One respondent's answers: per question the chosen option numbers (empty = blank)."""

    answers: tuple[frozenset[int], ...]
    sex: Sex | None = None
    age_band: AgeBand | None = None
    settlement_id: str | None = None


def parse_cell(text: str, question: Question, number: int) -> frozenset[int]:
    """Digits typed in the grid for one question: "2", "13" (multiple), "" or "0" = blank."""
    digits = text.replace(" ", "").replace(",", "")
    if digits in ("", "0"):
        return frozenset()
    if not digits.isdigit() or any(not 1 <= int(d) <= len(question.options) for d in digits):
        raise ValidationError(
            "sheet.option",
            Message(
                kk="{number}-сұрақ: 1-ден {high}-ге дейінгі сандарды теріңіз (бос — 0)",
                ru="Вопрос {number}: введите цифры от 1 до {high} (без ответа — 0)",
            ),
            field=f"question_{number}", number=number, high=len(question.options),
        )
    chosen = frozenset(int(d) for d in digits)
    if question.kind is QuestionKind.SINGLE and len(chosen) > 1:
        raise ValidationError(
            "sheet.single",
            Message(
                kk="{number}-сұрақ: тек бір жауап таңдалады",
                ru="Вопрос {number}: допускается только один ответ",
            ),
            field=f"question_{number}", number=number,
        )
    return chosen


def validate_sheet(questions: Sequence[Question], sheet: Sheet) -> Sheet:
    errors = Collector()
    if len(sheet.answers) != len(questions):
        errors.add(
            "sheet.count",
            Message(
                kk="Парақта {n} жауап, ал сауалнамада {m} сұрақ",
                ru="На листе {n} ответов, а в анкете {m} вопросов",
            ),
            field="answers", n=len(sheet.answers), m=len(questions),
        )
    for number, (q, chosen) in enumerate(zip(questions, sheet.answers, strict=False), 1):
        text = "".join(str(c) for c in sorted(chosen))
        errors.attempt(partial(parse_cell, text, q, number))
    errors.raise_if_any()
    return sheet


def score(questions: Sequence[Question], sheet: Sheet) -> tuple[bool, ...]:
    """Per question: answered exactly right."""
    return tuple(
        bool(chosen) and chosen == q.correct
        for q, chosen in zip(questions, sheet.answers, strict=False)
    )


@dataclass(frozen=True)
class WaveFigures:
    """The figures of one wave (or one group of a wave)."""

    n: int
    per_question: tuple[Share, ...]
    knows: Share
    threshold: int


@dataclass(frozen=True)
class Comparison:
    per_question: tuple[Change, ...]
    knows: Change


def _threshold(questions: Sequence[Question], threshold: int | None) -> int:
    if threshold is None or threshold <= 0:
        return len(questions)
    return min(threshold, len(questions))


def figures(
    questions: Sequence[Question], sheets: Iterable[Sheet], threshold: int | None = None
) -> WaveFigures:
    need = _threshold(questions, threshold)
    n = 0
    right = [0] * len(questions)
    knowing = 0
    for sheet in sheets:
        n += 1
        marks = score(questions, sheet)
        for i, ok in enumerate(marks):
            right[i] += ok
        knowing += sum(marks) >= need
    return WaveFigures(n, tuple(share(r, n) for r in right), share(knowing, n), need)


def figures_by(
    questions: Sequence[Question],
    sheets: Iterable[Sheet],
    key: Callable[[Sheet], str | None],
    threshold: int | None = None,
) -> dict[str | None, WaveFigures]:
    """The figures per group (``key`` of a sheet; None = not stated)."""
    groups: dict[str | None, list[Sheet]] = {}
    for sheet in sheets:
        groups.setdefault(key(sheet), []).append(sheet)
    return {k: figures(questions, v, threshold) for k, v in groups.items()}


def compare(before: WaveFigures, after: WaveFigures) -> Comparison:
    return Comparison(
        tuple(change_between(b, a) for b, a in zip(before.per_question, after.per_question,
                                                    strict=False)),
        change_between(before.knows, after.knows),
    )

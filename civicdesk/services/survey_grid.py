"""Paper questionnaires of a needs assessment typed as rows of a grid.

``survey_form`` gives what the grid asks: the problems of the survey (the center's
problems, in Kazakh alphabetical order of their titles, with their ODK/Kobo survey
codes) and the settlements a respondent may live in (the assessment's district, in
Kazakh order). ``save_rows`` checks every typed row first, with the same reading of an
age as the CSV import (``campaign_import.respondent_fields``): one bad row saves
nothing, and every fault names its row (the number the grid shows) and its column
(``field``: ``sex``, ``age``, ``settlement`` or ``problems``). Then all rows are saved
in one transaction through ``assessments._add_response``, one audit entry a
respondent, exactly as a respondent entered alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.db.collation import kk_order
from civicdesk.db.models import NeedsAssessment, Problem, Settlement
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import Lang, Message, ValidationError, ValidationErrors
from civicdesk.services.assessments import ResponseInput, _add_response, _owned
from civicdesk.services.base import Context
from civicdesk.services.campaign_import import (
    BAD_AGE,
    ROW,
    Fault,
    respondent_fields,
)
from civicdesk.services.reference import Named, settlements
from civicdesk.services.survey_import import NONE_TICKED, survey_code

__all__ = ["GridRow", "SurveyForm", "SurveyProblem", "row_faults", "save_rows", "survey_form"]

NO_SETTLEMENT = Message(kk="елді мекен таңдалмаған", ru="не выбран населённый пункт")
OUTSIDE_DISTRICT = Message(kk="елді мекен бағалау ауданында емес",
                           ru="населённый пункт не из района оценки")
UNKNOWN_PLACE = Message(kk="елді мекен табылмады", ru="населённый пункт не найден")
NOT_ASKED = Message(kk="белгіленген мәселе бұл сауалнамада жоқ",
                    ru="отмеченной проблемы нет в этом опросе")


@dataclass(frozen=True)
class SurveyProblem:
    id: str
    title_kk: str
    title_ru: str
    code: str  # the choice name in the ODK/Kobo form

    def title(self, lang: Lang) -> str:
        return self.title_kk if lang == "kk" else self.title_ru


@dataclass(frozen=True)
class SurveyForm:
    assessment_id: str
    problems: tuple[SurveyProblem, ...]
    settlements: tuple[Named, ...]


@dataclass(frozen=True)
class GridRow:
    """One questionnaire as typed: ``row`` is the number the grid shows (1, 2, ...);
    ``age`` the age in years as typed (or a band value), empty when not stated."""

    row: int
    problem_ids: Sequence[str]
    sex: Sex | None = None
    age: str = ""
    settlement_id: str | None = None


def _problems(s: Session, a: NeedsAssessment) -> list[Problem]:
    return list(s.scalars(
        select(Problem).where(Problem.center_id == a.center_id, Problem.deleted.is_(False))
        .order_by(kk_order(Problem.title_kk), Problem.id)))


def _places(s: Session, a: NeedsAssessment, asked: set[str]) -> list[Settlement]:
    """Which of the ``asked`` settlements a respondent may be from: live ones, of the
    assessment's district when it has one."""
    stmt = select(Settlement).where(Settlement.id.in_(asked), Settlement.deleted.is_(False))
    if a.district_id is not None:
        stmt = stmt.where(Settlement.district_id == a.district_id)
    return list(s.scalars(stmt))


def survey_form(ctx: Context, assessment_id: str) -> SurveyForm:
    """The grid's columns: the survey's problems and the district's settlements."""
    with ctx.db.session() as s:
        a = _owned(ctx, s, assessment_id)
        problems = tuple(SurveyProblem(p.id, p.title_kk, p.title_ru, survey_code(p.id))
                         for p in _problems(s, a))
        district = a.district_id
    return SurveyForm(assessment_id, problems, tuple(settlements(ctx, district)))


def _fault(row: int, field: str, message: Message, **params: object) -> ValidationError:
    """A fault as the grid shows it: «Row 3: ...» in both languages, with its column."""
    text = Message(kk=ROW.text("kk", row=row, text=message.text("kk", **params)),
                   ru=ROW.text("ru", row=row, text=message.text("ru", **params)))
    escaped = Message(kk=text.kk.replace("{", "{{").replace("}", "}}"),
                      ru=text.ru.replace("{", "{{").replace("}", "}}"))
    return ValidationError(f"survey_grid.{field}", escaped, field=field, row=row)


def row_faults(data: GridRow, problems: set[str], places: set[str], district: bool,
               ) -> tuple[list[ValidationError], ResponseInput | None]:
    """The faults of one typed row, or what to save of it."""
    faults: list[Fault] = []
    _sex, band, _place = respondent_fields(data.row, "", data.age.strip(), "", {}, faults)
    out = [_fault(data.row, "age", BAD_AGE, **params)
           for _n, message, params in faults if message is BAD_AGE]
    if not data.settlement_id:
        out.append(_fault(data.row, "settlement", NO_SETTLEMENT))
    elif data.settlement_id not in places:
        out.append(_fault(data.row, "settlement", OUTSIDE_DISTRICT if district else UNKNOWN_PLACE))
    ticked = list(dict.fromkeys(data.problem_ids))
    if not ticked:
        out.append(_fault(data.row, "problems", NONE_TICKED))
    elif any(pid not in problems for pid in ticked):
        out.append(_fault(data.row, "problems", NOT_ASKED))
    if out:
        return out, None
    return [], ResponseInput(ticked, data.settlement_id, data.sex, band, "paper")


def save_rows(ctx: Context, assessment_id: str, rows: Sequence[GridRow]) -> int:
    """Save the typed questionnaires together, or none: every fault is raised at once
    (``ValidationErrors``; each error's ``field`` is the column and ``params["row"]``
    the row). Returns how many respondents were saved."""
    with ctx.db.session() as s:
        a = _owned(ctx, s, assessment_id)
        # held while the rows are saved, so the session finds them again without a query
        held_problems = _problems(s, a)
        held_places = _places(s, a, {r.settlement_id for r in rows if r.settlement_id})
        problems = {p.id for p in held_problems}
        places = {p.id for p in held_places}
        district = a.district_id is not None
        errors: list[ValidationError] = []
        ready: list[ResponseInput] = []
        for data in rows:
            faults, item = row_faults(data, problems, places, district)
            errors += faults
            if item is not None:
                ready.append(item)
        if errors:
            raise ValidationErrors(list(errors))
        for item in ready:
            _add_response(ctx, s, a, item, "grid")
        return len(ready)

"""Import a needs-assessment survey from an ODK Central or KoboToolbox CSV export.

Columns (docs/survey-import.md, "Needs assessment survey"): ``problems`` (a
select_multiple whose choice names are the problems' survey codes, ``survey_code``),
or one split column per choice (``problems/p1a2b3c4d5e6f`` = 1 / 0); ``sex``,
``age_band`` or ``age``, ``settlement`` (id, KATO code or name), ``mode`` (online /
paper, default online). Group prefixes are ignored. The file is checked whole first:
one bad row imports nothing and every fault is listed with its row number; a
submission imported before (same ``_uuid`` / ``KEY`` / ``instanceID``) is skipped.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import or_, select

from civicdesk.db.models import Problem, Settlement, SurveyResponse
from civicdesk.domain.errors import Message, UserError
from civicdesk.services.assessments import ResponseInput, _add_response, _owned
from civicdesk.services.base import Context
from civicdesk.services.campaign_import import (
    ID_COLUMNS,
    ImportResult,
    _problems_error,
    read_csv_rows,
    respondent_fields,
)

NO_PROBLEMS_COLUMN = Message(
    kk="Файлда «problems» бағаны жоқ (docs/survey-import.md қараңыз).",
    ru="В файле нет столбца «problems» (см. docs/survey-import.md).",
)
BAD_CODE = Message(kk="мәселе коды белгісіз: «{value}»", ru="неизвестный код проблемы: «{value}»")
NONE_TICKED = Message(kk="бірде-бір мәселе белгіленбеген", ru="не отмечено ни одной проблемы")


def survey_code(problem_id: str) -> str:
    """The choice name of a problem in the survey form: ``p`` + the id's last 12 hex."""
    return "p" + problem_id.replace("-", "")[-12:]


def _key(header: str) -> str:
    h = header.strip().lower()
    if h in ID_COLUMNS:
        return "id"
    if "problems/" in h or "problems-" in h:
        return "problems/" + h.replace("-", "/").rsplit("problems/", 1)[1]
    return h.rsplit("/", 1)[-1].rsplit("-", 1)[-1]


def import_survey_csv(ctx: Context, assessment_id: str, source: Path | bytes) -> ImportResult:
    rows = read_csv_rows(source)
    header = [_key(h) for h in (rows[0] if rows else [])]
    split = {i: h.split("/", 1)[1] for i, h in enumerate(header) if h.startswith("problems/")}
    if "problems" not in header and not split:
        raise UserError("import.no_problems", NO_PROBLEMS_COLUMN)
    col = {h: i for i, h in reversed(list(enumerate(header)))}
    with ctx.db.session() as s:
        a = _owned(ctx, s, assessment_id)
        codes = {survey_code(pid): pid for pid in s.scalars(select(Problem.id).where(
            Problem.center_id == a.center_id, Problem.deleted.is_(False)))}
        places = {
            key: sid
            for sid, kato, kk, ru in s.execute(select(
                Settlement.id, Settlement.kato, Settlement.name_kk, Settlement.name_ru).where(
                Settlement.deleted.is_(False), or_(Settlement.center_id == a.center_id,
                                                   Settlement.kato.is_not(None))))
            for key in (sid, kato, kk.lower(), ru.lower()) if key
        }
        seen = set(s.scalars(select(SurveyResponse.external_id).where(
            SurveyResponse.assessment_id == a.id, SurveyResponse.external_id.is_not(None))))
        faults: list[tuple[int, Message, dict[str, object]]] = []
        ready: list[ResponseInput] = []
        skipped = 0

        def cell(row: list[str], key: str) -> str:
            i = col.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        for number, row in enumerate(rows[1:], start=2):
            if not any(c.strip() for c in row):
                continue
            external = cell(row, "id") or None
            if external is not None and external in seen:
                skipped += 1
                continue
            before = len(faults)
            sex, band, settlement = respondent_fields(
                number, cell(row, "sex").lower(), cell(row, "age_band") or cell(row, "age"),
                cell(row, "settlement"), places, faults)
            ticked = cell(row, "problems").split()
            ticked += [code for i, code in split.items()
                       if i < len(row) and row[i].strip() in ("1", "true", "True", "yes")]
            problems = []
            for code in dict.fromkeys(ticked):
                if code in codes:
                    problems.append(codes[code])
                else:
                    faults.append((number, BAD_CODE, {"value": code}))
            if not ticked:
                faults.append((number, NONE_TICKED, {}))
            if len(faults) > before:
                continue
            mode = cell(row, "mode").lower() or "online"
            if external is not None:
                seen.add(external)
            ready.append(ResponseInput(problems, settlement, sex, band,
                                       "paper" if mode == "paper" else "online", external))
        if faults:
            raise _problems_error(faults)
        for item in ready:
            _add_response(ctx, s, a, item, "csv")
        return ImportResult(len(ready), skipped)

"""Import a survey wave from an ODK Central or KoboToolbox CSV export.

The form must be the campaign's questionnaire built as an XLSForm with the names of
docs/survey-import.md: ``q1`` ... ``q8`` (choice names ``1`` ... ``9``, the option
numbers of the printed sheet), ``sex``, ``age_band`` or ``age``, ``settlement`` and
optionally ``sheet``. Group prefixes (``group/q1`` in Kobo, ``group-q1`` in ODK
Central) are ignored; the split columns of a multiple-choice question (``q3/1``) are
not needed. The file is read whole and checked first: one bad row imports nothing and
every problem is listed with its row number. A submission already imported (same
``_uuid`` / ``KEY`` / ``instanceID``) is skipped, so importing the same export twice
adds nothing.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select

from civicdesk.db.models import Settlement, SurveySheet
from civicdesk.domain.awareness import AgeBand, age_band_of
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import Lang, Message, UserError
from civicdesk.domain.validation import field_errors
from civicdesk.services.base import Context, stamp_new
from civicdesk.services.campaigns import (
    SheetInput,
    check_sheet,
    next_free_number,
    require_owner,
    wave_and_questions,
)

__all__ = ["ImportResult", "import_wave_csv", "read_csv_text"]

MAX_BYTES = 20 * 1024 * 1024
MAX_LISTED = 10
ID_COLUMNS = ("_uuid", "key", "instanceid", "meta/instanceid", "uuid")

UNREADABLE = Message(
    kk="Файлды оқу мүмкін болмады: {detail}", ru="Не удалось прочитать файл: {detail}"
)
TOO_BIG = Message(kk="Файл тым үлкен (20 МБ-тан аспауы керек).",
                  ru="Файл слишком большой (не более 20 МБ).")
NO_QUESTIONS = Message(
    kk="Файлда сұрақ бағандары жоқ: q1–q{n} күтілді (docs/survey-import.md қараңыз).",
    ru="В файле нет столбцов вопросов: ожидались q1–q{n} (см. docs/survey-import.md).",
)
MISSING_QUESTION = Message(
    kk="Файлда {names} бағандары жоқ.", ru="В файле нет столбцов {names}.",
)
ROW_PROBLEMS = Message(
    kk="Файлда қате жолдар бар, ештеңе импортталмады:\n{lines}",
    ru="В файле есть ошибочные строки, ничего не импортировано:\n{lines}",
)
ROW = Message(kk="{row}-жол: {text}", ru="Строка {row}: {text}")
MORE = Message(kk="… және тағы {n} қате", ru="… и ещё {n} ошибок")
BAD_SEX = Message(kk="жынысы түсініксіз: «{value}»", ru="непонятный пол: «{value}»")
BAD_AGE = Message(kk="жасы түсініксіз: «{value}» (14–120 жас немесе жас тобы керек)",
                  ru="непонятный возраст: «{value}» (нужен возраст 14–120 лет или группа)")
BAD_SETTLEMENT = Message(kk="елді мекен табылмады: «{value}»",
                         ru="населённый пункт не найден: «{value}»")
BAD_NUMBER = Message(kk="парақ нөмірі түсініксіз: «{value}»",
                     ru="непонятный номер листа: «{value}»")
DUPLICATE_NUMBER = Message(kk="№{value} парақ бұрыннан бар",
                           ru="лист №{value} уже есть")

_SEX = {"m": Sex.MALE, "male": Sex.MALE, "1": Sex.MALE, "ер": Sex.MALE, "м": Sex.MALE,
        "f": Sex.FEMALE, "female": Sex.FEMALE, "2": Sex.FEMALE, "әйел": Sex.FEMALE,
        "ж": Sex.FEMALE}


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int  # already imported earlier (same submission id)


def read_csv_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError("import.unreadable", UNREADABLE, detail="encoding")


def _column_key(header: str, names: set[str]) -> str | None:
    h = header.strip().lower()
    if h in ID_COLUMNS:
        return "id"
    for part in (h.rsplit("/", 1)[-1], h.rsplit("-", 1)[-1]):
        if part in names:
            return part
    return None


def read_csv_rows(source: Path | bytes) -> list[list[str]]:
    """The rows of an exported CSV file (size limit, encoding and delimiter guessed),
    or a kk/ru error when it cannot be read."""
    if isinstance(source, Path):
        try:
            if source.stat().st_size > MAX_BYTES:
                raise UserError("import.too_big", TOO_BIG)
            data = source.read_bytes()
        except OSError as exc:
            raise UserError("import.unreadable", UNREADABLE, detail=str(exc)) from exc
    else:
        data = source
    if len(data) > MAX_BYTES:
        raise UserError("import.too_big", TOO_BIG)
    text = read_csv_text(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


Fault = tuple[int, Message, dict[str, object]]


def respondent_fields(
    number: int, sex_text: str, band_text: str, place: str, settlements: dict[str, str],
    faults: list[Fault],
) -> tuple[Sex | None, AgeBand | None, str | None]:
    """Sex, age band (a band or an age in years) and settlement of one exported row;
    what cannot be understood is added to ``faults`` under the row's number."""
    sex = _SEX.get(sex_text) if sex_text else None
    if sex_text and sex is None:
        faults.append((number, BAD_SEX, {"value": sex_text}))
    band: AgeBand | None = None
    if band_text:
        if band_text in {b.value for b in AgeBand}:
            band = AgeBand(band_text)
        elif band_text.isdigit() and int(band_text) <= 120:
            band = age_band_of(int(band_text))
        if band is None:
            faults.append((number, BAD_AGE, {"value": band_text}))
    settlement = settlements.get(place) or settlements.get(place.lower())
    if place and settlement is None:
        faults.append((number, BAD_SETTLEMENT, {"value": place}))
    return sex, band, settlement


def import_wave_csv(ctx: Context, wave_id: str, source: Path | bytes) -> ImportResult:
    rows = read_csv_rows(source)
    with ctx.db.session() as s:
        wave, campaign, questions = wave_and_questions(ctx, s, wave_id)
        require_owner(ctx, campaign)
        qnames = [f"q{i}" for i in range(1, len(questions) + 1)]
        names = {*qnames, "sex", "age_band", "age", "settlement", "sheet"}
        header = rows[0] if rows else []
        columns: dict[str, int] = {}
        for i, h in enumerate(header):
            key = _column_key(h, names)
            if key is not None and key not in columns:
                columns[key] = i
        if not any(q in columns for q in qnames):
            raise UserError("import.no_questions", NO_QUESTIONS, n=len(questions))
        missing = [q for q in qnames if q not in columns]
        if missing:
            raise UserError("import.missing", MISSING_QUESTION, names=", ".join(missing))
        settlements = {
            key: sid
            for sid, kato, kk, ru in s.execute(select(
                Settlement.id, Settlement.kato, Settlement.name_kk, Settlement.name_ru).where(
                Settlement.deleted.is_(False), or_(
                    Settlement.center_id == campaign.center_id, Settlement.kato.is_not(None))))
            for key in (sid, kato, kk.lower(), ru.lower()) if key
        }
        seen = {e for e in s.scalars(select(SurveySheet.external_id).where(
            SurveySheet.wave_id == wave.id, SurveySheet.deleted.is_(False),
            SurveySheet.external_id.is_not(None)))}
        taken = set(s.scalars(select(SurveySheet.number).where(
            SurveySheet.wave_id == wave.id, SurveySheet.deleted.is_(False))))
        next_number = next_free_number(s, wave.id)
        problems: list[tuple[int, Message, dict[str, object]]] = []
        ready: list[tuple[SheetInput, tuple[frozenset[int], ...], str | None]] = []
        skipped = 0

        def cell(row: list[str], key: str) -> str:
            i = columns.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        for number, row in enumerate(rows[1:], start=2):
            if not any(c.strip() for c in row):
                continue
            external = cell(row, "id") or None
            if external is not None and external in seen:
                skipped += 1
                continue
            bad = len(problems)
            sex, band, settlement = respondent_fields(
                number, cell(row, "sex").lower(), cell(row, "age_band") or cell(row, "age"),
                cell(row, "settlement"), settlements, problems)
            sheet_text = cell(row, "sheet")
            sheet_no: int | None = None
            if sheet_text:
                if not sheet_text.isdigit() or not 1 <= int(sheet_text) <= 99_999:
                    problems.append((number, BAD_NUMBER, {"value": sheet_text}))
                elif int(sheet_text) in taken:
                    problems.append((number, DUPLICATE_NUMBER, {"value": sheet_text}))
                else:
                    sheet_no = int(sheet_text)
            cells = [re.sub(r"[\s,;]+", "", cell(row, q)) for q in qnames]
            data_in = SheetInput(cells=cells, number=sheet_no, sex=sex, age_band=band,
                                 settlement_id=settlement)
            try:
                answers = check_sheet(s, ctx, questions, data_in)
            except UserError as exc:
                for e in field_errors(exc):
                    problems.append((number, e.message, dict(e.params)))
                continue
            if len(problems) > bad:
                continue
            if sheet_no is None:
                while next_number in taken:
                    next_number += 1
                sheet_no = next_number
            taken.add(sheet_no)
            if external is not None:
                seen.add(external)
            ready.append((SheetInput(cells, sheet_no, sex, band, settlement), answers, external))
        if problems:
            raise _problems_error(problems)
        for data_in, answers, external in ready:
            row_obj = SurveySheet(
                wave_id=wave.id, number=data_in.number, sex=data_in.sex.value if data_in.sex
                else None, age_band=data_in.age_band.value if data_in.age_band else None,
                settlement_id=data_in.settlement_id, answers=[sorted(a) for a in answers],
                source="import", external_id=external,
            )
            stamp_new(ctx, row_obj, center_id=campaign.center_id)
            s.add(row_obj)
        s.flush()
        return ImportResult(len(ready), skipped)


def _problems_error(problems: list[tuple[int, Message, dict[str, object]]]) -> UserError:
    """One error listing the first rows at fault in both languages."""

    def lines(lang: Lang) -> str:
        shown = [ROW.text(lang, row=r, text=m.text(lang, **p))
                 for r, m, p in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            shown.append(MORE.text(lang, n=len(problems) - MAX_LISTED))
        return "\n".join(shown)

    def escaped(lang: Lang) -> str:
        return lines(lang).replace("{", "{{").replace("}", "}}")

    message = Message(kk=ROW_PROBLEMS.kk.replace("{lines}", escaped("kk")),
                      ru=ROW_PROBLEMS.ru.replace("{lines}", escaped("ru")))
    return UserError("import.rows", message, rows=len(problems))

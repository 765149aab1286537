"""Kazakh alphabetical order in what leaves the app: printed sign-in sheets, minutes and
certificates (read back with pypdf), exported lists and reports (read back with
openpyxl), the meeting and seminar lists and the reports' per-settlement tables."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from civicdesk.domain.enums import ConsultationChannel, MeetingKind
from civicdesk.domain.periods import range_period
from civicdesk.services import meetings, printing, seminars
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.consultations import ConsultationInput, create_consultation
from civicdesk.services.list_export import ListTable, export_paged
from civicdesk.services.reference import add_settlement
from civicdesk.services.report_export import write_report
from civicdesk.services.reports import consultation_stats

# typed in this order; Kazakh order puts Ә after А, Қ after К, Ө after О, Ү after Ұ,
# І after Ы, all before Я (code point order puts every one of them after Я)
NAMES = ["Яна Ким", "Өмірзақ Құдайбергенов", "Әсем Жанқызы", "Оспан Ерлан", "Ілияс Бек",
         "Айгүл Серікова", "Қайрат Нұров", "Бекзат Ерланұлы", "Үміт Сейітова", "Ұлан Дос"]
ORDERED = ["Айгүл Серікова", "Әсем Жанқызы", "Бекзат Ерланұлы", "Қайрат Нұров",
           "Оспан Ерлан", "Өмірзақ Құдайбергенов", "Ұлан Дос", "Үміт Сейітова", "Ілияс Бек",
           "Яна Ким"]


def _pdf_text(path: Path) -> str:
    data = path.read_bytes()
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def _order_in(text: str, names: list[str]) -> list[str]:
    found = [n for n in names if n in text]
    assert len(found) == len(names), set(names) - set(found)
    return sorted(found, key=text.index)


def _meeting(ctx: Context, place: str = "Мәдениет үйі") -> str:
    m = meetings.create_meeting(ctx, meetings.MeetingInput(
        kind=MeetingKind.MEETING, held_on=ctx.today() - timedelta(days=1), number="1",
        starts_at="10:00", ends_at="11:00", place=place, convened_by="Ауыл әкімі",
        chair_name="Серік Әлиев", secretary_name="Гүлнар Оспанова", members_eligible=20))
    return m.id


def test_sign_in_sheet_and_minutes_list_people_in_kazakh_order(ctx: Context, tmp_path: Path) -> None:
    mid = _meeting(ctx)
    meetings.set_attendance(ctx, mid, [
        meetings.AttendeeInput(full_name=n, role="member", present=True) for n in NAMES
    ] + [meetings.AttendeeInput(full_name="Өтеген Қонақ", role="guest"),
         meetings.AttendeeInput(full_name="Ақбар Қонақ", role="guest")])
    out = tmp_path / "sheet.pdf"
    printing.print_attendance(ctx, mid, out)
    text = _pdf_text(out)
    assert _order_in(text, ORDERED) == ORDERED
    printing.print_minutes(ctx, mid, out)
    text = _pdf_text(out)
    # members first in alphabetical order, then the guests in alphabetical order
    assert _order_in(text, [*ORDERED, "Ақбар Қонақ", "Өтеген Қонақ"]) == [
        *ORDERED, "Ақбар Қонақ", "Өтеген Қонақ"]


def test_seminar_sheet_and_certificates_in_kazakh_order(ctx: Context, tmp_path: Path) -> None:
    sem = seminars.create_seminar(ctx, seminars.SeminarInput(
        title="Қаржылық сауаттылық", held_on=ctx.today() - timedelta(days=1), hours=2))
    for n in NAMES:
        seminars.add_participant(ctx, sem.id, seminars.ParticipantInput(full_name=n,
                                                                        attended=True))
    out = tmp_path / "sheet.pdf"
    printing.print_attendance(ctx, sem.id, out)
    assert _order_in(_pdf_text(out), ORDERED) == ORDERED
    certs = printing.certificates_input(ctx, sem.id)
    assert [c.participant for c in certs] == ORDERED


def test_meeting_and_seminar_lists_sort_by_names_in_kazakh_order(ctx: Context) -> None:
    places = ["Ясли", "Өнер үйі", "Әкімдік", "Оқу залы", "Ауылдық клуб", "Қонақ үй"]
    for p in places:
        _meeting(ctx, place=p)
        seminars.create_seminar(ctx, seminars.SeminarInput(
            title=p, held_on=ctx.today() - timedelta(days=1), trainer=p, place=p))
    want = ["Ауылдық клуб", "Әкімдік", "Қонақ үй", "Оқу залы", "Өнер үйі", "Ясли"]
    assert [r.place for r in meetings.list_meetings(ctx, ListQuery(sort="place")).rows] == want
    rows = seminars.list_seminars(ctx, ListQuery(sort="title")).rows
    assert [r.title for r in rows] == want
    rows = seminars.list_seminars(ctx, ListQuery(sort="trainer", descending=True)).rows
    assert [r.title for r in rows] == want[::-1]


def test_seminar_list_exported_to_xlsx_keeps_kazakh_order(ctx: Context, tmp_path: Path) -> None:
    for p in ["Ясли", "Өнер үйі", "Әкімдік", "Ауылдық клуб"]:
        seminars.create_seminar(ctx, seminars.SeminarInput(
            title=p, held_on=ctx.today() - timedelta(days=1)))
    out = tmp_path / "seminars.xlsx"
    table = ListTable("seminars", "Семинарлар", ["Тақырып"])
    n = export_paged(ctx, table, lambda q: seminars.list_seminars(ctx, q),
                     ListQuery(sort="title"), lambda r: [r.title], out)
    assert n == 4
    ws = load_workbook(out).active
    values = [c.value for c in ws["A"] if c.value not in (None, "Семинарлар", "Тақырып")]
    assert values == ["Ауылдық клуб", "Әкімдік", "Өнер үйі", "Ясли"]


def test_report_per_settlement_table_in_kazakh_order(ctx: Context, tmp_path: Path) -> None:
    names = [("Ынтымақ", "Ынтымак"), ("Үшарал", "Ушарал"), ("Қарабұлақ", "Карабулак"),
             ("Көктал", "Коктал"), ("Әйтеке", "Айтеке"), ("Ақсу", "Аксу")]
    when = ctx.now().replace(microsecond=0) - timedelta(hours=2)
    for kk, ru in names:
        sid = add_settlement(ctx, kk, ru).id
        create_consultation(ctx, ConsultationInput(
            occurred_at=when, channel=ConsultationChannel.PHONE, topic_codes=["appeals"],
            question="Сұрақ", settlement_id=sid))
    period = range_period(date(2000, 1, 1), ctx.today())
    stats = consultation_stats(ctx, period)
    want = ["Ақсу", "Әйтеке", "Көктал", "Қарабұлақ", "Үшарал", "Ынтымақ"]
    assert [c.kk for c in stats.by_settlement] == want  # equal counts: by name
    out = tmp_path / "report.xlsx"
    write_report(ctx, period, "xlsx", out)
    wb = load_workbook(out)
    found = None
    for ws in wb.worksheets:
        col = [c.value for c in ws["A"]]
        if "Ақсу" in col:
            found = [v for v in col if v in want]
    assert found == want

"""The print facade: each call gives a PDF whose text holds the record's data."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import UserError
from civicdesk.services import printing
from civicdesk.services.base import Context
from civicdesk.ui.screens_sample import Sample, build_sample


@pytest.fixture()
def sample(ctx: Context) -> Sample:
    return build_sample(ctx)


def _text(path: Path) -> str:
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_minutes(ctx: Context, sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    assert printing.print_minutes(ctx, sample.meeting_id, out) >= 1
    text = _flat(_text(out))
    for expected in ("Ауыл ішіндегі жолдарды жөндеу туралы", "Серік Әлиев", "Гүлнар Оспанова",
                     "Жанар Құлова", "39-3"):
        assert expected in text


def test_attendance_for_meeting_and_seminar(ctx: Context, sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    printing.print_attendance(ctx, sample.meeting_id, out)
    assert "Айгүл Сәрсенова" in _flat(_text(out))
    printing.print_attendance(ctx, sample.seminar_id, out)
    text = _flat(_text(out))
    assert "Һадия Ахметова" in text and "Қаржылық сауаттылық" in text


def test_application_and_blank(ctx: Context, sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "app.pdf"
    printing.print_application(ctx, sample.application_id, out)
    text = _flat(_text(out))
    for expected in ("Ауыл кітапханасында цифрлық сауаттылық сабақтары", "«Ақсу жастары»",
                     "Жаттықтырушының еңбекақысы", "Хабардарлық"):
        assert expected in text
    for kind in printing.BLANK_FORMS:
        blank = tmp_path / f"{kind}.pdf"
        assert printing.print_blank_form(kind, blank) >= 1
        assert _text(blank).strip()
    with pytest.raises(UserError):
        printing.print_blank_form("nothing", tmp_path / "x.pdf")


def test_certificates_one_page_each(ctx: Context, sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "cert.pdf"
    assert printing.print_certificates(ctx, sample.seminar_id, out) == 4
    text = _flat(_text(out))
    assert "Ұлжан Өмірзақова" in text and "Гүлжан Әбілқасымова" in text


def test_consent_filled_and_blank(ctx: Context, sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "consent.pdf"
    printing.print_consent(ctx, sample.resident_id, out)
    assert "Гүлжан Әбілқасымова" in _flat(_text(out))
    printing.print_consent(ctx, None, out)
    assert "Гүлжан" not in _text(out)


def test_booklet_by_id_and_by_template(ctx: Context, sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    result = printing.print_booklet(ctx, sample.booklet_id, BookletLayout.A4,
                                    BilingualArrangement.SEQUENTIAL, False, out)
    assert result.pages >= 1
    assert any(ch in _text(out) for ch in "әғқңөұүһі")
    from civicdesk.services.booklets import list_templates

    name = list_templates()[0].name
    r2 = printing.print_booklet(ctx, name, BookletLayout.A5_BOOKLET, BilingualArrangement.PARALLEL,
                                True, tmp_path / "b2.pdf", copies=300)
    assert r2.pages % 2 == 0


@pytest.mark.parametrize("layout", [BookletLayout.A5_BOOKLET, BookletLayout.A4_TRIFOLD])
def test_booklet_by_id_without_own_content_prints_its_template(
    ctx: Context, tmp_path: Path, layout: BookletLayout
) -> None:
    # the demo's rows: a template name and empty content
    from civicdesk.db.models import Booklet
    from civicdesk.services import booklets as booklets_svc

    b = booklets_svc.create_booklet(ctx, booklets_svc.BookletInput(
        title_kk="Мемлекеттік органдарға өтініш беру", title_ru="Обращение в государственные органы",
        template_name="appeal-to-state-bodies"))
    with ctx.db.session() as s:
        row = s.get(Booklet, b.id)
        assert row is not None
        row.content = {}
    out = tmp_path / "b.pdf"
    printing.print_booklet(ctx, b.id, layout, BilingualArrangement.PARALLEL, False, out, copies=50)
    text = _flat(_text(out))
    assert "Обращение в государственные органы" in text
    assert "e-Otinish" in text  # the template's text, not an empty booklet


def test_minutes_of_a_meeting_without_quorum_say_so_and_nothing_else(
    ctx: Context, tmp_path: Path
) -> None:
    from datetime import date, timedelta

    from civicdesk.domain.enums import MeetingKind
    from civicdesk.services import meetings as msvc

    m = msvc.create_meeting(ctx, msvc.MeetingInput(
        kind=MeetingKind.MEETING, held_on=date.today() - timedelta(days=2), number="4",
        chair_name="Серік Әлиев", secretary_name="Гүлнар Оспанова", members_eligible=10,
        members_present=6))
    item = msvc.add_agenda_item(ctx, m.id, msvc.AgendaItemInput("Жолды жөндеу туралы"))
    msvc.record_votes(ctx, item.id, 6, 0, 0, decision="Жолды 2026 жылы жөндеу")
    draft = tmp_path / "draft.pdf"
    printing.print_minutes(ctx, m.id, draft)
    text = _flat(_text(draft))
    assert "ЖОБА / ПРОЕКТ" in text and "РЕШИЛИ" in text
    # the attendance is corrected: only 3 came
    msvc.update_meeting(ctx, m.id, msvc.MeetingInput(
        kind=MeetingKind.MEETING, held_on=date.today() - timedelta(days=2), number="4",
        chair_name="Серік Әлиев", secretary_name="Гүлнар Оспанова", members_eligible=10,
        members_present=3))
    msvc.finalize(ctx, m.id, confirm_no_quorum=True)
    out = tmp_path / "m.pdf"
    printing.print_minutes(ctx, m.id, out)
    text = _flat(_text(out))
    assert "собрание неправомочно" in text and "Не голосовали из-за отсутствия кворума" in text
    for absent in ("РЕШИЛИ", "Жолды 2026 жылы жөндеу", "ПРОЕКТ", "Воздержались"):
        assert absent not in text

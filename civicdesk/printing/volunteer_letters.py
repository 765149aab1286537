"""A volunteer's thank-you letter (A4 portrait) and certificate of volunteer hours
(A4 landscape, the seminar certificate's frame), Kazakh first, Russian second in the
same letter size. Every text is checked against the print font before drawing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Spacer

from civicdesk.domain.errors import Lang, Message

from .common import ACCENT, MM, Output, check_texts, esc
from .form_kit import _bilingual_date_line, _build, _ctx, _num, _ru_hours

__all__ = ["VolunteerLetterData", "render_hours_certificate", "render_thank_you_letter"]

M = Message
THANKS = M("АЛҒЫС ХАТ", "БЛАГОДАРСТВЕННОЕ ПИСЬМО")
CERTIFICATE = M("СЕРТИФИКАТ", "СЕРТИФИКАТ")
DEAR = M("Құрметті {name}!", "Уважаемый(ая) {name}!")
THANKS_TEXT = M(
    "{center} Сізге {start}–{end} аралығында ерікті ретінде атқарған жұмысыңыз үшін шын "
    "жүректен алғыс білдіреді: {work}. Жалпы көлемі — {hours} сағат.",
    "{center} выражает Вам искреннюю благодарность за работу волонтёром с {start} по "
    "{end}: {work}. Всего — {hours} {word}.",
)
THANKS_END = M(
    "Сіздің еңбегіңіз ауыл тұрғындарына нақты көмек болды. Алдағы уақытта да бірге "
    "жұмыс істейміз деп сенеміз.",
    "Ваш труд стал реальной помощью жителям села. Надеемся на дальнейшее сотрудничество.",
)
GIVEN = M("Осы сертификат берілді", "Настоящий сертификат выдан")
CERT_FOR = M("{start}–{end} аралығында ерікті ретінде атқарған жұмысы үшін: {work}",
             "за работу волонтёром с {start} по {end}: {work}")
HOURS = M("Ерікті сағаты: {hours}", "Часов волонтёрской работы: {hours}")
HEAD = M("Басшы", "Руководитель")


@dataclass(frozen=True)
class VolunteerLetterData:
    volunteer: str
    center_name_kk: str
    center_name_ru: str
    start: date
    end: date
    hours: Decimal
    #: kinds of work done, each (kk, ru)
    work: Sequence[tuple[str, str]]
    signed_by: str = ""
    number: str = ""
    place: str = ""
    issued_on: date | None = None
    extra: Sequence[str] = field(default=())


def _d(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def _work(data: VolunteerLetterData, lang: int) -> str:
    return ", ".join(pair[lang] for pair in data.work) or "—"


def render_thank_you_letter(data: VolunteerLetterData, out: Output) -> int:
    """A4 letter: title, Kazakh text, then Russian text, date and signature."""
    check_texts(data)
    c = _ctx(11.5)
    st = c.st
    title = ParagraphStyle("t", parent=st.title_center, fontSize=20, leading=26,
                           textColor=ACCENT)
    center = ParagraphStyle("c", parent=st.center, fontSize=12, leading=16)
    body = ParagraphStyle("b", parent=st.body, fontSize=12, leading=17, firstLineIndent=10 * MM)
    dear = ParagraphStyle("d", parent=st.title_center, fontSize=14, leading=19)
    hours = _num(data.hours)
    story: list[Flowable] = [
        Paragraph(esc(data.center_name_kk), center),
        Paragraph(esc(data.center_name_ru), center),
        Spacer(1, 14 * MM),
        Paragraph(esc(THANKS.kk), title),
        Paragraph(esc(THANKS.ru), title),
        Spacer(1, 10 * MM),
    ]
    langs: tuple[tuple[int, Lang], ...] = ((0, "kk"), (1, "ru"))
    for lang, key in langs:
        center_name = data.center_name_kk if lang == 0 else data.center_name_ru
        story += [
            Paragraph(esc(DEAR.text(key, name=data.volunteer)), dear),
            Spacer(1, 4 * MM),
            Paragraph(esc(THANKS_TEXT.text(
                key, center=center_name, start=_d(data.start), end=_d(data.end),
                work=_work(data, lang), hours=hours, word=_ru_hours(data.hours))), body),
            Paragraph(esc(THANKS_END.text(key)), body),
            Spacer(1, 8 * MM),
        ]
    for line in data.extra:
        story.append(Paragraph(esc(line), center))
    story += [
        Paragraph(esc(_bilingual_date_line(data.issued_on or data.end, data.place)), center),
        c.signature(HEAD, data.signed_by),
    ]
    return _build(story, out, st, title=f"{THANKS.kk}: {data.volunteer}",
                  author=data.center_name_kk, numbered=False)


def render_hours_certificate(data: VolunteerLetterData, out: Output) -> int:
    """A4 landscape certificate of volunteer hours in a double frame."""
    check_texts(data)
    page = landscape(A4)
    pw, ph = float(page[0]), float(page[1])
    margin = 22 * MM
    c = _ctx(12, pw - 2 * margin)
    st = c.st
    center = ParagraphStyle("c", parent=st.center, fontSize=13, leading=17)
    big = ParagraphStyle("big", parent=st.title_center, fontSize=26, leading=32,
                         textColor=ACCENT)
    name = ParagraphStyle("name", parent=st.title_center, fontSize=22, leading=28)
    hours = _num(data.hours)
    story: list[Flowable] = [
        Spacer(1, 8 * MM),
        Paragraph(esc(data.center_name_kk), center),
        Paragraph(esc(data.center_name_ru), center),
        Spacer(1, 8 * MM),
        Paragraph(esc(CERTIFICATE.kk) + (f" № {esc(data.number)}" if data.number else ""), big),
        Spacer(1, 5 * MM),
        Paragraph(f"{esc(GIVEN.kk)} / {esc(GIVEN.ru)}", center),
        Spacer(1, 4 * MM),
        Paragraph(esc(data.volunteer), name),
        Spacer(1, 5 * MM),
        Paragraph(esc(CERT_FOR.text("kk", start=_d(data.start), end=_d(data.end),
                                    work=_work(data, 0))), center),
        Paragraph(esc(CERT_FOR.text("ru", start=_d(data.start), end=_d(data.end),
                                    work=_work(data, 1))), center),
        Spacer(1, 4 * MM),
        Paragraph(f"<b>{esc(HOURS.text('kk', hours=hours))} / "
                  f"{esc(HOURS.text('ru', hours=hours))}</b>", center),
        Paragraph(esc(_bilingual_date_line(data.issued_on or data.end, data.place)), center),
    ]
    story += [Spacer(1, 14 * MM), c.signature(HEAD, data.signed_by)]

    def frame_border(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(3)
        canvas.rect(10 * MM, 10 * MM, pw - 20 * MM, ph - 20 * MM)
        canvas.setLineWidth(0.8)
        canvas.rect(13 * MM, 13 * MM, pw - 26 * MM, ph - 26 * MM)
        canvas.restoreState()

    return _build(story, out, st, title=f"{CERTIFICATE.kk}: {data.volunteer}",
                  author=data.center_name_kk, pagesize=(pw, ph), numbered=False,
                  on_page=frame_border, margin=margin)

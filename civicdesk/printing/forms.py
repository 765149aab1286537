"""Bilingual forms: consent, consultation slip, attendance sheet, minutes, grant
application (filled or blank), review sheet and seminar certificate.

Kazakh comes first (the left column or the top line), Russian second, in the same
letter size (Law on languages, art. 21).  Every text is checked against the print font
before anything is drawn.  Dates in fields are dd.MM.yyyy, in headings long dates.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from civicdesk.domain.enums import ApplicantKind, BudgetCategory, MeetingKind, VoteOutcome
from civicdesk.domain.errors import Message
from civicdesk.domain.formatting import format_money

from .common import (
    ACCENT,
    ACCENT_LIGHT,
    BLACK,
    GREY,
    MM,
    PRODUCER,
    RULE,
    KkRu,
    Output,
    RuledLines,
    Styles,
    TickBox,
    check_texts,
    dmy,
    esc,
    long_date,
    make_styles,
    numbered_canvas,
    two_columns,
    write_output,
)
from .data import (
    AttendanceSheetData,
    CertificateData,
    ConsentFormData,
    ConsultationSlipData,
    GrantApplicationData,
    MinutesAttendee,
    MinutesData,
    ReviewSheetData,
)

__all__ = [
    "L",
    "render_attendance_sheet",
    "render_certificate",
    "render_consent",
    "render_consultation_slip",
    "render_grant_application",
    "render_minutes",
    "render_review_sheet",
]

M = Message

#: Fixed labels of the forms, Kazakh and Russian.
L: dict[str, Message] = {
    "center": M("Орталық", "Центр"),
    "operator": M("Оператор", "Оператор"),
    "date": M("Күні", "Дата"),
    "place": M("Өткізілген орны", "Место проведения"),
    "settlement": M("Елді мекен", "Населённый пункт"),
    "time": M("Басталуы – аяқталуы", "Начало – окончание"),
    "convened_by": M("Шақырған", "Созван"),
    "chair": M("Төраға", "Председатель"),
    "secretary": M("Хатшы", "Секретарь"),
    "eligible": M("Мүшелер саны", "Число членов"),
    "present": M("Қатысқандар", "Присутствовали"),
    "quorum": M("Кворум", "Кворум"),
    "quorum_yes": M("бар", "имеется"),
    "quorum_no": M("жоқ", "отсутствует"),
    "quorum_need": M("кемінде {n} қатысушы қажет", "необходимо не менее {n} присутствующих"),
    "attendance": M("ҚАТЫСУШЫЛАР ТІЗІМІ", "СПИСОК ПРИСУТСТВУЮЩИХ"),
    "no": M("№", "№"),
    "full_name": M("Тегі, аты, әкесінің аты", "Фамилия, имя, отчество"),
    "note": M("Ескертпе", "Примечание"),
    "agenda": M("КҮН ТӘРТІБІ", "ПОВЕСТКА ДНЯ"),
    "speakers": M("Сөз сөйлегендер", "Выступили"),
    "proposal": M("Ұсыныс", "Предложение"),
    "votes": M("Дауыс беру нәтижесі", "Результаты голосования"),
    "for": M("Жақтады", "За"),
    "against": M("Қарсы", "Против"),
    "abstain": M("Қалыс қалды", "Воздержались"),
    "decided": M("ШЕШТІ", "РЕШИЛИ"),
    "elected": M("САЙЛАНҒАН ӨКІЛДЕР", "ИЗБРАННЫЕ ПРЕДСТАВИТЕЛИ"),
    "signature": M("Қолы", "Подпись"),
    "chair_sign": M("Төраға", "Председатель"),
    "secretary_sign": M("Хатшы", "Секретарь"),
    "minutes": M("ХАТТАМА", "ПРОТОКОЛ"),
    "phone": M("Телефон", "Телефон"),
    "attendance_title": M("ТІРКЕУ ПАРАҒЫ", "ЛИСТ РЕГИСТРАЦИИ"),
    "event": M("Іс-шара", "Мероприятие"),
    "consent_title": M(
        "ДЕРБЕС ДЕРЕКТЕРДІ ЖИНАУҒА ЖӘНЕ ӨҢДЕУГЕ КЕЛІСІМ",
        "СОГЛАСИЕ НА СБОР И ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ",
    ),
    "consent_body": M(
        "Мен, төменде қол қоюшы, «Дербес деректер және оларды қорғау туралы» Қазақстан "
        "Республикасының 2013 жылғы 21 мамырдағы № 94-V Заңына сәйкес {operator} "
        "(бұдан әрі — оператор) менің дербес деректерімді (тегі, аты, әкесінің аты, туған "
        "жылы, жынысы, байланыс телефоны, тұратын елді мекені) мына мақсаттар үшін жинауына "
        "және өңдеуіне келісім беремін:",
        "Я, нижеподписавшийся(-аяся), в соответствии с Законом Республики Казахстан от "
        "21 мая 2013 года № 94-V «О персональных данных и их защите» даю согласие "
        "{operator} (далее — оператор) на сбор и обработку моих персональных данных "
        "(фамилия, имя, отчество, год рождения, пол, контактный телефон, населённый пункт "
        "проживания) в следующих целях:",
    ),
    "consent_terms": M(
        "Деректер Қазақстан Республикасының аумағында сақталады. Жеке басты куәландыратын "
        "құжаттардың көшірмелері жиналмайды. ЖСН көрсету міндетті емес. Мен бұл келісімді "
        "кез келген уақытта жазбаша өтініш арқылы кері қайтарып ала аламын, сондай-ақ "
        "деректеріммен танысуды, оларды өзгертуді, бұғаттауды немесе жоюды талап ете аламын.",
        "Данные хранятся на территории Республики Казахстан. Копии документов, "
        "удостоверяющих личность, не собираются. Указывать ИИН не обязательно. Я вправе в "
        "любое время отозвать настоящее согласие письменным заявлением, а также потребовать "
        "ознакомления со своими данными, их изменения, блокирования или уничтожения.",
    ),
    "consent_transfer": M(
        "Деректер орталықтың компьютерлерінде және бас кеңсенің Қазақстан аумағындағы "
        "синхрондау серверінде (тек орталықтың өз компьютерлері үшін) сақталады. Бас "
        "кеңсеге тегім, атым, ЖСН, телефоным және ескертпелер берілмейді — тек жынысым, "
        "жас тобым және елді мекенім, статистика үшін. Есептер мен экспорттарда менің атым "
        "көрсетілмейді. Өтінішім бойынша деректерім барлық жерден жойылады.",
        "Данные хранятся на компьютерах центра и на сервере синхронизации головного офиса "
        "на территории Казахстана (только для компьютеров самого центра). В головной офис "
        "не передаются мои фамилия, имя, ИИН, телефон и заметки — только пол, возрастная "
        "группа и населённый пункт, для статистики. В отчётах и выгрузках моё имя не "
        "указывается. По моему заявлению мои данные удаляются отовсюду.",
    ),
    "form_version": M("Нысан нұсқасы", "Версия формы"),
    "slip_title": M("КЕҢЕС БЕРУ ПАРАҒЫ", "ЛИСТ КОНСУЛЬТАЦИИ"),
    "consultant": M("Кеңесші", "Консультант"),
    "resident": M("Тұрғын", "Житель"),
    "topics": M("Тақырыбы", "Тема"),
    "question": M("Мәселе", "Вопрос"),
    "advice": M("Берілген кеңес", "Данная консультация"),
    "legal_refs": M("Нормативтік құқықтық актілер", "Нормативные правовые акты"),
    "referral": M("Жолданды", "Направлен(а)"),
    "follow_up": M("Қайта байланысу күні", "Дата повторного контакта"),
    "grant_title": M("ГРАНТҚА ӨТІНІМ", "ЗАЯВКА НА ГРАНТ"),
    "call": M("Конкурс", "Конкурс"),
    "app_no": M("Өтінім №", "Заявка №"),
    "s_org": M("1. Өтініш беруші туралы мәліметтер", "1. Сведения о заявителе"),
    "organisation": M("Ұйымның (топтың) атауы", "Название организации (группы)"),
    "kind": M("Өтініш беруші түрі", "Тип заявителя"),
    "bin": M("БСН", "БИН"),
    "leader": M("Басшы", "Руководитель"),
    "email": M("Электрондық пошта", "Электронная почта"),
    "address": M("Мекенжайы", "Адрес"),
    "s_project": M("2. Жоба туралы мәліметтер", "2. Сведения о проекте"),
    "project_title": M("Жобаның атауы", "Название проекта"),
    "region": M("Өңір", "Регион"),
    "dates": M("Іске асыру мерзімі", "Сроки реализации"),
    "problem": M("Мәселенің сипаттамасы", "Описание проблемы"),
    "goal": M("Жобаның мақсаты", "Цель проекта"),
    "activities": M("Іс-шаралар", "Мероприятия"),
    "target_group": M("Нысаналы топ", "Целевая группа"),
    "beneficiaries": M("Пайда алушылар саны", "Число благополучателей"),
    "s_indicators": M("3. Нәтиже көрсеткіштері", "3. Показатели результата"),
    "indicator": M("Көрсеткіш", "Показатель"),
    "baseline": M("Бастапқы мәні", "Исходное значение"),
    "target": M("Мақсатты мәні", "Целевое значение"),
    "s_budget": M("4. Жоба бюджеті, ₸", "4. Бюджет проекта, ₸"),
    "category": M("Санат", "Категория"),
    "item": M("Шығын бабы", "Статья расходов"),
    "unit": M("Өлш. бірл.", "Ед. изм."),
    "qty": M("Саны", "Кол-во"),
    "unit_cost": M("Бағасы", "Цена"),
    "total": M("Сомасы", "Сумма"),
    "co_financing": M("Қоса қаржыл.", "Софинанс."),
    "totals": M("Барлығы", "Итого"),
    "requested": M("Сұралатын грант сомасы", "Запрашиваемая сумма гранта"),
    "co_share": M("Қоса қаржыландыру үлесі", "Доля софинансирования"),
    "applicant_sign": M("Өтініш берушінің басшысы", "Руководитель заявителя"),
    "review_title": M("САРАПШЫНЫҢ БАҒАЛАУ ПАРАҒЫ", "ОЦЕНОЧНЫЙ ЛИСТ ЭКСПЕРТА"),
    "application": M("Өтінім", "Заявка"),
    "applicant": M("Өтініш беруші", "Заявитель"),
    "reviewer": M("Сарапшы", "Эксперт"),
    "criterion": M("Бағалау өлшемі", "Критерий оценки"),
    "weight": M("Салмағы", "Вес"),
    "max_score": M("Ең жоғары балл", "Макс. балл"),
    "score": M("Балл", "Балл"),
    "comment": M("Түсініктеме", "Комментарий"),
    "weighted_total": M("Салмақталған қорытынды балл", "Взвешенный итоговый балл"),
    "remarks": M("Сарапшының қорытындысы", "Заключение эксперта"),
    "conflict": M(
        "Осы өтінім берушімен мүдделер қақтығысым жоқ екенін растаймын: мен оның құрамына "
        "кірмеймін, онымен туыстық, еңбек немесе қаржылық байланысым жоқ. Мұндай "
        "байланыс анықталса, бағалаудан бас тартамын.",
        "Подтверждаю отсутствие конфликта интересов с данным заявителем: я не вхожу в его "
        "состав, не связан(а) с ним родственными, трудовыми или финансовыми отношениями. "
        "При выявлении такой связи я откажусь от оценки.",
    ),
    "certificate": M("СЕРТИФИКАТ", "СЕРТИФИКАТ"),
    "cert_given": M("Осы сертификат берілді", "Настоящий сертификат выдан"),
    "cert_for": M(
        "«{topic}» тақырыбындағы семинарға қатысқаны үшін",
        "за участие в семинаре «{topic}»",
    ),
    "hours": M("Көлемі: {hours} сағат", "Объём: {hours} {word}"),
    "trainer": M("Тренер", "Тренер"),
    "initiative_group": M("Бастамашыл топ", "Инициативная группа"),
    "ngo": M("Үкіметтік емес ұйым", "Неправительственная организация"),
}

KIND: dict[MeetingKind, Message] = {
    MeetingKind.GATHERING: M("жергілікті қоғамдастық жиынының", "схода местного сообщества"),
    MeetingKind.MEETING: M("жергілікті қоғамдастық жиналысының", "собрания местного сообщества"),
    MeetingKind.SEPARATE_GATHERING: M(
        "жергілікті қоғамдастықтың бөлек жиынының", "раздельного схода местного сообщества"
    ),
}

OUTCOME: dict[VoteOutcome, Message] = {
    VoteOutcome.ADOPTED: M("Шешім қабылданды", "Решение принято"),
    VoteOutcome.REJECTED: M("Шешім қабылданбады", "Решение не принято"),
    VoteOutcome.NO_QUORUM: M(
        "Кворум болмағандықтан дауыс берілмеді", "Не голосовали из-за отсутствия кворума"
    ),
    VoteOutcome.NOT_VOTED: M("Дауысқа салынған жоқ", "На голосование не ставилось"),
}

CATEGORY: dict[BudgetCategory, Message] = {
    BudgetCategory.PAY: M("Еңбекақы және салықтар", "Оплата труда и налоги"),
    BudgetCategory.TRAVEL: M("Іссапар шығыстары", "Командировочные расходы"),
    BudgetCategory.RENT: M("Жалдау", "Аренда"),
    BudgetCategory.SERVICES: M("Қызметтер", "Услуги"),
    BudgetCategory.MATERIALS: M("Материалдар мен жабдықтар", "Материалы и оборудование"),
    BudgetCategory.PUBLISHING: M("Баспа шығыстары", "Издательские расходы"),
    BudgetCategory.ADMINISTRATION: M("Әкімшілік шығыстар", "Административные расходы"),
}

APPLICANT_KIND: dict[ApplicantKind, Message] = {
    ApplicantKind.INITIATIVE_GROUP: L["initiative_group"],
    ApplicantKind.NGO: L["ngo"],
}

A4_W, A4_H = (float(v) for v in A4)
MARGIN = 18 * MM


# -------------------------------------------------------------------------- helpers


@dataclass
class _Ctx:
    st: Styles
    width: float

    # labels
    def label(self, key: str | Message, **params: object) -> Paragraph:
        msg = L[key] if isinstance(key, str) else key
        kk, ru = msg.text("kk", **params), msg.text("ru", **params)
        if kk == ru:
            return Paragraph(esc(kk), self.st.label)
        return Paragraph(f"{esc(kk)}<br/>{esc(ru)}", self.st.label)

    def head(self, key: str | Message, center: bool = False) -> Paragraph:
        msg = L[key] if isinstance(key, str) else key
        style = self.st.cell_center if center else self.st.cell
        if msg.kk == msg.ru:
            return Paragraph(f"<b>{esc(msg.kk)}</b>", style)
        return Paragraph(f"<b>{esc(msg.kk)}</b><br/><b>{esc(msg.ru)}</b>", style)

    def title(self, key: str | Message, suffix: str = "") -> list[Flowable]:
        """``ХАТТАМА / ПРОТОКОЛ`` on one line when it fits, else one line each."""
        msg = L[key] if isinstance(key, str) else key
        st = self.st
        if msg.kk == msg.ru:
            text = esc(msg.kk)
        elif len(msg.kk) + len(msg.ru) <= 40:
            text = f"{esc(msg.kk)} / {esc(msg.ru)}"
        else:
            text = f"{esc(msg.kk)}<br/>{esc(msg.ru)}"
        if suffix:
            text += f" {esc(suffix)}"
        return [Paragraph(text, st.title_center), Spacer(1, st.size * 0.6)]

    def section(self, key: str | Message) -> Flowable:
        msg = L[key] if isinstance(key, str) else key
        p = Paragraph(f"{esc(msg.kk)} / {esc(msg.ru)}", self.st.h2)
        p.keepWithNext = True
        return p

    def value(self, text: str | None, *, lines: int = 1) -> Flowable:
        if text is None or not text.strip():
            return RuledLines(lines, pitch=7 * MM) if lines > 1 else Paragraph("", self.st.body)
        return Paragraph(esc(text), self.st.body)

    def fields(
        self,
        rows: Sequence[tuple[str | Message | Paragraph, Flowable | str | None]],
        *,
        label_w: float = 50 * MM,
        underline: bool = True,
    ) -> Table:
        """Label (kk above ru) | value; empty values get a line to write on."""
        data: list[list[Any]] = []
        ruled: list[int] = []
        for i, (lab, val) in enumerate(rows):
            cell_label = lab if isinstance(lab, Paragraph) else self.label(lab)
            cell_value = val if isinstance(val, Flowable) else self.value(val)
            if isinstance(cell_value, RuledLines):
                ruled.append(i)
            data.append([cell_label, cell_value])
        t = Table(data, colWidths=[label_w, self.width - label_w], splitInRow=1, hAlign="LEFT")
        cmds: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 3 * MM),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2 * MM),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ]
        for i in range(len(data)):
            if i in ruled:
                # several lines to write on: label at the top, no extra underline
                cmds.append(("VALIGN", (0, i), (-1, i), "TOP"))
                cmds.append(("TOPPADDING", (0, i), (0, i), 4.2 * MM))
            elif underline:
                cmds.append(("LINEBELOW", (1, i), (1, i), 0.5, RULE))
        t.setStyle(TableStyle(cmds))
        return t

    def parallel(self, kk: str, ru: str, style: ParagraphStyle | None = None) -> Table:
        style = style or self.st.body
        t = two_columns(Paragraph(esc(kk), style), Paragraph(esc(ru), style), self.width)
        t.spaceAfter = self.st.size * 0.5
        return t

    def grid(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        *,
        header_rows: int = 1,
        extra: Sequence[tuple[Any, ...]] = (),
        row_height: float | None = None,
    ) -> Table:
        heights = None
        if row_height is not None:
            heights = [None] * header_rows + [row_height] * (len(rows) - header_rows)
        t = Table(
            rows,
            colWidths=list(widths),
            rowHeights=heights,
            repeatRows=header_rows,
            splitInRow=1,
            hAlign="LEFT",
        )
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, BLACK),
                    ("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT_LIGHT),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 1.6 * MM),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 1.6 * MM),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.2 * MM),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4 * MM),
                    *extra,
                ]
            )
        )
        return t

    def cell(
        self, text: str, *, bold: bool = False, center: bool = False, right: bool = False
    ) -> Paragraph:
        st = self.st
        style = st.cell_bold if bold else st.cell_center if center else st.cell
        if right:
            style = ParagraphStyle("cell_right", parent=style, alignment=2)
        return Paragraph(esc(text), style)

    def signature(self, key: str | Message, name: str = "") -> Flowable:
        """Label | ____________ (signature) | name."""
        w = self.width
        t = Table(
            [
                [self.label(key), "", Paragraph(esc(name), self.st.body)],
                ["", self.cell_small("signature"), ""],
            ],
            colWidths=[45 * MM, 55 * MM, w - 100 * MM],
            hAlign="LEFT",
        )
        t.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LINEBELOW", (1, 0), (1, 0), 0.5, BLACK),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4 * MM),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return KeepTogether([Spacer(1, 7 * MM), t])

    def cell_small(self, key: str) -> Paragraph:
        msg = L[key]
        return Paragraph(
            f"{esc(msg.kk)} / {esc(msg.ru)}",
            ParagraphStyle("sig", parent=self.st.small, alignment=TA_CENTER),
        )


def _footer(st: Styles, left: str, pagesize: tuple[float, float]) -> Any:
    def hook(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(st.fonts.regular, 7.5)
        canvas.setFillColor(GREY)
        w = pagesize[0]
        if left:
            canvas.drawString(MARGIN, 10 * MM, left)
        canvas.drawRightString(w - MARGIN, 10 * MM, f"{page} / {total}")
        canvas.restoreState()

    return hook


def _build(
    story: list[Flowable],
    out: Output,
    st: Styles,
    *,
    title: str,
    author: str = "",
    footer: str = "",
    pagesize: tuple[float, float] = (A4_W, A4_H),
    numbered: bool = True,
    on_page: Any = None,
    margin: float = MARGIN,
) -> int:
    buf = io.BytesIO()
    w, h = pagesize
    doc = BaseDocTemplate(
        buf,
        pagesize=pagesize,
        title=title,
        author=author,
        creator=PRODUCER,
        producer=PRODUCER,
        pageCompression=1,
        invariant=1,
    )
    frame = Frame(
        margin,
        16 * MM,
        w - 2 * margin,
        h - 16 * MM - margin,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=on_page or (lambda c, d: None))])
    pages: list[int] = []

    def hook(canvas: Canvas, page: int, total: int) -> None:
        pages.append(total)
        if numbered:
            _footer(st, footer, pagesize)(canvas, page, total)

    doc.build(story, canvasmaker=numbered_canvas(hook))
    write_output(buf.getvalue(), out)
    return pages[0] if pages else 0


def _ctx(size: float = 9.5, width: float = A4_W - 2 * MARGIN) -> _Ctx:
    return _Ctx(make_styles(size), width)


def _bilingual_date_line(d: date, place: str = "") -> str:
    text = f"{long_date(d, 'kk')} / {long_date(d, 'ru')}"
    return f"{place}, {text}" if place else text


def _ru_hours(hours: Decimal | int) -> str:
    h = Decimal(hours)
    if h != h.to_integral_value():
        return "часа"
    n = int(h) % 100
    if 11 <= n <= 14:
        return "часов"
    return {1: "час", 2: "часа", 3: "часа", 4: "часа"}.get(n % 10, "часов")


def _num(v: Decimal | int) -> str:
    d = Decimal(v)
    if d == d.to_integral_value():
        return f"{int(d):,}".replace(",", "\u00a0")
    return f"{d.normalize():f}".replace(".", ",")


def _money(v: Decimal) -> str:
    return format_money(v, "kk", with_symbol=False)


# ------------------------------------------------------------------------- minutes


def render_minutes(data: MinutesData, out: Output) -> int:
    """Minutes of a gathering or meeting. Returns the number of pages."""
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    kind = KIND[data.kind]
    story: list[Flowable] = [
        *c.title("minutes", f"№ {data.number}" if data.number else ""),
        Paragraph(
            f"{esc(kind.kk[:1].upper() + kind.kk[1:])} / {esc(kind.ru[:1].upper() + kind.ru[1:])}",
            st.center,
        ),
        Spacer(1, 1.5 * MM),
        Paragraph(esc(_bilingual_date_line(data.held_on, data.settlement)), st.center),
        Spacer(1, 4 * MM),
    ]
    time = "–".join(t for t in (data.starts_at, data.ends_at) if t)
    quorum = L["quorum_yes"] if data.quorum_reached else L["quorum_no"]
    need = L["quorum_need"]
    quorum_text = Paragraph(
        f"<b>{esc(quorum.kk)} / {esc(quorum.ru)}</b> "
        f"({esc(need.text('kk', n=data.quorum_required))} / {esc(need.text('ru', n=data.quorum_required))})<br/>"
        f"<font size={st.size * 0.85}>{esc(data.quorum_source.kk)}<br/>{esc(data.quorum_source.ru)}</font>",
        st.body,
    )
    story.append(
        c.fields(
            [
                ("date", dmy(data.held_on)),
                ("time", time or None),
                ("place", data.place or None),
                ("settlement", data.settlement or None),
                ("convened_by", data.convened_by or None),
                ("chair", data.chair or None),
                ("secretary", data.secretary or None),
                ("eligible", str(data.members_eligible)),
                ("present", str(data.present)),
                ("quorum", quorum_text),
            ]
        )
    )
    if data.agenda:
        story += [Spacer(1, 4 * MM), c.section("agenda")]
        for i, item in enumerate(data.agenda, 1):
            story.append(Paragraph(f"{i}. {esc(item.title)}", st.body))
    if data.attendance:
        story += [Spacer(1, 3 * MM), c.section("attendance"), Spacer(1, 1.5 * MM)]
        story.append(_people_table(c, data.attendance))
    for i, item in enumerate(data.agenda, 1):
        story += [CondPageBreak(40 * MM), Spacer(1, 4 * MM)]
        head = Paragraph(f"{i}. {esc(item.title)}", st.h2)
        head.keepWithNext = True
        story.append(head)
        rows: list[tuple[str | Message | Paragraph, Flowable | str | None]] = []
        if item.speakers:
            rows.append(("speakers", item.speakers))
        if item.proposal:
            rows.append(("proposal", item.proposal))
        if rows:
            story.append(c.fields(rows, underline=False))
        if item.votes_for is not None or item.outcome is not None:
            story.append(Spacer(1, 2 * MM))
            story.append(
                _votes_table(
                    c, item.votes_for, item.votes_against, item.votes_abstain, item.outcome
                )
            )
        if item.decision:
            story.append(Spacer(1, 2 * MM))
            story.append(
                c.fields(
                    [
                        (
                            Paragraph(
                                f"<b>{esc(L['decided'].kk)}</b><br/><b>{esc(L['decided'].ru)}</b>",
                                st.label,
                            ),
                            item.decision,
                        )
                    ],
                    underline=False,
                )
            )
    if data.elected_representatives:
        story += [Spacer(1, 4 * MM), c.section("elected"), Spacer(1, 1.5 * MM)]
        story.append(_people_table(c, data.elected_representatives))
    story += [
        Spacer(1, 6 * MM),
        c.signature("chair_sign", data.chair),
        c.signature("secretary_sign", data.secretary),
    ]
    footer = f"{L['minutes'].kk} / {L['minutes'].ru} № {data.number} — {dmy(data.held_on)}"
    return _build(
        story,
        out,
        st,
        title=f"{L['minutes'].kk} / {L['minutes'].ru} № {data.number}",
        author=data.center_name,
        footer=footer,
    )


def _people_table(c: _Ctx, people: Sequence[MinutesAttendee]) -> Table:
    w = c.width
    widths = [10 * MM, w * 0.42, w * 0.3, w - 10 * MM - w * 0.72]
    rows: list[list[Any]] = [
        [c.head("no", True), c.head("full_name"), c.head("settlement"), c.head("note")]
    ]
    for i, p in enumerate(people, 1):
        rows.append(
            [c.cell(str(i), center=True), c.cell(p.name), c.cell(p.settlement), c.cell(p.note)]
        )
    return c.grid(rows, widths)


def _votes_table(
    c: _Ctx, yes: int | None, no: int | None, abstain: int | None, outcome: VoteOutcome | None
) -> Table:
    def n(v: int | None) -> str:
        return "" if v is None else str(v)

    result = OUTCOME[outcome] if outcome is not None else None
    w = c.width
    rows: list[list[Any]] = [
        [c.head("for", True), c.head("against", True), c.head("abstain", True), c.head("votes")],
        [
            c.cell(n(yes), center=True),
            c.cell(n(no), center=True),
            c.cell(n(abstain), center=True),
            Paragraph(f"<b>{esc(result.kk)}</b><br/><b>{esc(result.ru)}</b>", c.st.cell)
            if result
            else "",
        ],
    ]
    t = c.grid(rows, [25 * MM, 25 * MM, 25 * MM, w - 75 * MM])
    t.keepWithNext = False
    return t


# -------------------------------------------------------------------- attendance


def render_attendance_sheet(data: AttendanceSheetData, out: Output) -> int:
    """Sign-in sheet with the header row repeated on every page."""
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    story: list[Flowable] = [*c.title("attendance_title")]
    story.append(Paragraph(f"<b>{esc(data.title)}</b>", st.center) if data.title else Spacer(1, 1))
    if data.held_on is not None:
        story.append(Paragraph(esc(_bilingual_date_line(data.held_on)), st.center))
    story.append(Spacer(1, 3 * MM))
    story.append(
        c.fields(
            [
                ("date", dmy(data.held_on) or None),
                ("place", data.place or None),
                ("center", data.center_name or None),
            ]
        )
    )
    story.append(Spacer(1, 4 * MM))
    w = c.width
    widths = [10 * MM, w * 0.36, w * 0.22, w * 0.18, w - 10 * MM - w * 0.76]
    rows: list[list[Any]] = [
        [
            c.head("no", True),
            c.head("full_name"),
            c.head("settlement"),
            c.head("phone"),
            c.head("signature", True),
        ]
    ]
    for i, r in enumerate(data.rows, 1):
        rows.append(
            [c.cell(str(i), center=True), c.cell(r.name), c.cell(r.settlement), c.cell(r.phone), ""]
        )
    blanks = data.blank_rows or (0 if data.rows else 25)
    start = len(data.rows)
    for i in range(blanks):
        rows.append([c.cell(str(start + i + 1), center=True), "", "", "", ""])
    story.append(c.grid(rows, widths, row_height=9 * MM))
    return _build(
        story,
        out,
        st,
        title=f"{L['attendance_title'].kk} / {L['attendance_title'].ru}",
        author=data.center_name,
        footer=data.title[:90],
    )


# ------------------------------------------------------------------------- consent


def render_consent(data: ConsentFormData, out: Output) -> int:
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    body = L["consent_body"]
    story: list[Flowable] = [*c.title("consent_title"), Spacer(1, 2 * MM)]
    name_row = (
        c.fields([("full_name", data.resident_name)])
        if data.resident_name
        else c.fields([("full_name", None)])
    )
    story += [name_row, Spacer(1, 4 * MM)]
    story.append(
        c.parallel(
            body.text("kk", operator=data.center_name), body.text("ru", operator=data.center_name)
        )
    )
    for p in data.purposes:
        row = two_columns(
            Paragraph(esc(p.kk), st.bullet, bulletText="•"),
            Paragraph(esc(p.ru), st.bullet, bulletText="•"),
            c.width,
        )
        row.spaceAfter = st.size * 0.25
        story.append(row)
    story.append(Spacer(1, 2 * MM))
    story.append(c.parallel(L["consent_terms"].kk, L["consent_terms"].ru))
    story.append(Spacer(1, 2 * MM))
    story.append(c.parallel(L["consent_transfer"].kk, L["consent_transfer"].ru))
    story.append(Spacer(1, 3 * MM))
    story.append(
        c.fields(
            [
                (
                    "operator",
                    data.center_name + (f", {data.center_address}" if data.center_address else ""),
                ),
                ("date", dmy(data.signed_on) or None),
            ]
        )
    )
    story.append(c.signature("signature", data.resident_name or ""))
    footer = f"{L['form_version'].kk} / {L['form_version'].ru}: {data.form_version}"
    return _build(
        story,
        out,
        st,
        title=f"{L['consent_title'].kk} / {L['consent_title'].ru}",
        author=data.center_name,
        footer=footer,
    )


# -------------------------------------------------------------------- consultation


def _pairs(c: _Ctx, items: Sequence[KkRu]) -> Flowable | None:
    if not items:
        return None
    lines = "<br/>".join(f"{esc(x.kk)} / {esc(x.ru)}" for x in items)
    return Paragraph(lines, c.st.body)


def render_consultation_slip(data: ConsultationSlipData, out: Output) -> int:
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    story: list[Flowable] = [*c.title("slip_title")]
    story.append(Paragraph(esc(_bilingual_date_line(data.held_on)), st.center))
    story.append(Spacer(1, 3 * MM))
    center = data.center_name + (f", {data.center_phone}" if data.center_phone else "")
    story.append(
        c.fields(
            [
                ("center", center),
                ("date", dmy(data.held_on)),
                ("consultant", data.consultant),
                ("resident", data.resident_name),
                ("topics", _pairs(c, data.topics)),
                ("question", c.value(data.question, lines=3)),
                ("advice", c.value(data.advice, lines=5)),
                ("legal_refs", _pairs(c, data.legal_references)),
                ("referral", data.referral),
                ("follow_up", dmy(data.follow_up_on) or None),
            ],
            underline=True,
        )
    )
    story.append(c.signature("consultant", data.consultant))
    return _build(
        story,
        out,
        st,
        title=f"{L['slip_title'].kk} / {L['slip_title'].ru}",
        author=data.center_name,
        footer=data.center_name,
    )


# --------------------------------------------------------------------------- grants


def render_grant_application(data: GrantApplicationData | None, out: Output) -> int:
    """A filled application, or with ``None`` the blank form to fill in by hand."""
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    d = data
    blank = d is None
    story: list[Flowable] = [*c.title("grant_title")]
    if d is not None and d.call_title:
        story.append(Paragraph(esc(d.call_title), st.center))
    story.append(Spacer(1, 2 * MM))
    if d is not None:
        kind = APPLICANT_KIND[d.applicant_kind]
        kind_cell: Flowable | str | None = f"{kind.kk} / {kind.ru}"
    else:
        kind_cell = _kind_boxes(c)
    dates = None
    if d is not None and (d.starts_on or d.ends_on):
        dates = f"{dmy(d.starts_on)} – {dmy(d.ends_on)}"

    def g(attr: str) -> str | None:
        return None if d is None else (str(getattr(d, attr)) or None)

    story += [
        c.fields([("app_no", g("number")), ("call", None if d is None else d.call_title or None)]),
        Spacer(1, 3 * MM),
        c.section("s_org"),
        c.fields(
            [
                ("organisation", g("organisation")),
                ("kind", kind_cell),
                ("bin", g("bin")),
                ("leader", g("leader")),
                ("phone", g("phone")),
                ("email", g("email")),
                ("address", g("address")),
            ]
        ),
        Spacer(1, 3 * MM),
        c.section("s_project"),
        c.fields(
            [
                ("project_title", c.value(g("title"), lines=2)),
                ("region", g("region")),
                ("dates", dates),
                ("problem", c.value(g("problem"), lines=5)),
                ("goal", c.value(g("goal"), lines=3)),
                ("activities", _activities(c, None if d is None else d.activities)),
                ("target_group", c.value(g("target_group"), lines=2)),
                (
                    "beneficiaries",
                    None if d is None or d.beneficiaries is None else _num(d.beneficiaries),
                ),
            ]
        ),
        Spacer(1, 3 * MM),
        CondPageBreak(40 * MM),
        c.section("s_indicators"),
        Spacer(1, 1.5 * MM),
    ]
    w = c.width
    ind_rows: list[list[Any]] = [
        [c.head("no", True), c.head("indicator"), c.head("baseline"), c.head("target")]
    ]
    indicators = [] if d is None else list(d.indicators)
    for i, ind in enumerate(indicators, 1):
        ind_rows.append(
            [
                c.cell(str(i), center=True),
                c.cell(ind.name),
                c.cell(ind.baseline),
                c.cell(ind.target),
            ]
        )
    for i in range(len(indicators), len(indicators) + (4 if blank else 0)):
        ind_rows.append([c.cell(str(i + 1), center=True), "", "", ""])
    story.append(
        c.grid(
            ind_rows,
            [10 * MM, w * 0.5, (w * 0.5 - 10 * MM) / 2, (w * 0.5 - 10 * MM) / 2],
            row_height=None if not blank else 9 * MM,
        )
    )
    story += [
        CondPageBreak(60 * MM),
        Spacer(1, 4 * MM),
        c.section("s_budget"),
        Spacer(1, 1.5 * MM),
        _budget_table(c, d),
    ]
    story += [Spacer(1, 4 * MM), c.signature("applicant_sign", "" if d is None else d.leader)]
    title = f"{L['grant_title'].kk} / {L['grant_title'].ru}"
    if d is not None:
        title += f": {d.title}"
    return _build(
        story,
        out,
        st,
        title=title,
        author="" if d is None else d.organisation,
        footer="" if d is None else d.title[:90],
    )


def _kind_boxes(c: _Ctx) -> Table:
    cells: list[Any] = []
    for msg in (L["initiative_group"], L["ngo"]):
        cells += [TickBox(False), Paragraph(f"{esc(msg.kk)} / {esc(msg.ru)}", c.st.cell)]
    t = Table([cells], colWidths=[6 * MM, 50 * MM, 6 * MM, None], hAlign="LEFT")
    t.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return t


def _activities(c: _Ctx, items: Sequence[str] | None) -> Flowable:
    if not items:
        return RuledLines(5, pitch=7 * MM)
    return Paragraph("<br/>".join(f"{i}. {esc(a)}" for i, a in enumerate(items, 1)), c.st.body)


def _budget_table(c: _Ctx, d: GrantApplicationData | None) -> Table:
    w = c.width
    fixed = [8 * MM, 30 * MM, 0.0, 15 * MM, 15 * MM, 21 * MM, 24 * MM, 22 * MM]
    fixed[2] = w - sum(fixed)
    rows: list[list[Any]] = [
        [
            c.head("no", True),
            c.head("category"),
            c.head("item"),
            c.head("unit", True),
            c.head("qty", True),
            c.head("unit_cost", True),
            c.head("total", True),
            c.head("co_financing", True),
        ]
    ]
    lines = [] if d is None else list(d.budget)
    total = sum((ln.total for ln in lines), Decimal(0))
    co = sum((ln.co_financing for ln in lines), Decimal(0))
    for i, ln in enumerate(lines, 1):
        cat = CATEGORY[ln.category]
        rows.append(
            [
                c.cell(str(i), center=True),
                Paragraph(f"{esc(cat.kk)} /<br/>{esc(cat.ru)}", c.st.cell),
                c.cell(ln.item),
                c.cell(ln.unit, center=True),
                c.cell(_num(ln.quantity), right=True),
                c.cell(_money(ln.unit_cost), right=True),
                c.cell(_money(ln.total), right=True),
                c.cell(_money(ln.co_financing), right=True),
            ]
        )
    blank_rows = 8 if d is None else 0
    for i in range(blank_rows):
        rows.append([c.cell(str(len(lines) + i + 1), center=True), "", "", "", "", "", "", ""])
    totals = L["totals"]
    n = len(rows)
    rows.append(
        [
            "",
            Paragraph(f"<b>{esc(totals.kk)} / {esc(totals.ru)}</b>", c.st.cell),
            "",
            "",
            "",
            "",
            c.cell(_money(total) if d else "", right=True, bold=True),
            c.cell(_money(co) if d else "", right=True, bold=True),
        ]
    )
    share = ""
    if d is not None and total > 0:
        share = (
            f"{(co * 100 / total).quantize(Decimal('0.1'), ROUND_HALF_UP)}".replace(".", ",")
            + "\u00a0%"
        )
    requested = format_money(total - co, "kk") if d else ""
    rows.append(
        ["", c.label("requested"), "", "", "", "", c.cell(requested, right=True, bold=True), ""]
    )
    rows.append(["", c.label("co_share"), "", "", "", "", c.cell(share, right=True, bold=True), ""])
    extra = [
        ("SPAN", (1, n), (5, n)),
        ("SPAN", (1, n + 1), (5, n + 1)),
        ("SPAN", (1, n + 2), (5, n + 2)),
        ("SPAN", (6, n + 1), (7, n + 1)),
        ("SPAN", (6, n + 2), (7, n + 2)),
        ("BACKGROUND", (0, n), (-1, -1), ACCENT_LIGHT),
    ]
    return c.grid(rows, fixed, extra=extra, row_height=None if d else 8 * MM)


def render_review_sheet(data: ReviewSheetData, out: Output) -> int:
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    story: list[Flowable] = [*c.title("review_title"), Spacer(1, 2 * MM)]
    story.append(
        c.fields(
            [
                ("call", data.call_title or None),
                ("app_no", data.application_number or None),
                ("project_title", data.application_title or None),
                ("applicant", data.applicant or None),
                ("reviewer", data.reviewer or None),
            ]
        )
    )
    story.append(Spacer(1, 4 * MM))
    w = c.width
    widths = [8 * MM, 0.0, 19 * MM, 20 * MM, 16 * MM, 40 * MM]
    widths[1] = w - sum(widths)
    rows: list[list[Any]] = [
        [
            c.head("no", True),
            c.head("criterion"),
            c.head("weight", True),
            c.head("max_score", True),
            c.head("score", True),
            c.head("comment"),
        ]
    ]
    complete = all(cr.score is not None for cr in data.criteria)
    weighted = Decimal(0)
    weighted_max = Decimal(0)
    for i, cr in enumerate(data.criteria, 1):
        rows.append(
            [
                c.cell(str(i), center=True),
                Paragraph(f"{esc(cr.name.kk)}<br/>{esc(cr.name.ru)}", st.cell),
                c.cell(_num(cr.weight), center=True),
                c.cell(str(cr.max_score), center=True),
                Paragraph(f"<b>{cr.score}</b>" if cr.score is not None else "", st.cell_center),
                c.cell(cr.comment),
            ]
        )
        weighted_max += cr.weight * cr.max_score
        if cr.score is not None:
            weighted += cr.weight * cr.score
    n = len(rows)
    total = (
        f"{_num(weighted)} / {_num(weighted_max)}"
        if complete and data.criteria
        else f"      / {_num(weighted_max)}"
    )
    rows.append(["", c.label("weighted_total"), "", "", c.cell(total, center=True, bold=True), ""])
    extra = [
        ("SPAN", (1, n), (3, n)),
        ("SPAN", (4, n), (5, n)),
        ("BOX", (4, 1), (4, n - 1), 1.5, BLACK),
        ("BACKGROUND", (0, n), (-1, n), ACCENT_LIGHT),
    ]
    story.append(c.grid(rows, widths, extra=extra, row_height=12 * MM if not complete else None))
    story.append(Spacer(1, 4 * MM))
    story.append(c.fields([("remarks", c.value(data.remarks, lines=4))], underline=False))
    story.append(Spacer(1, 4 * MM))
    conflict = L["conflict"]
    half = (w - 8 * MM) / 2
    decl = Table(
        [
            [
                TickBox(data.no_conflict_declared),
                Paragraph(esc(conflict.kk), st.body),
                Paragraph(esc(conflict.ru), st.body),
            ]
        ],
        colWidths=[8 * MM, half, half],
        hAlign="LEFT",
    )
    decl.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (1, 0), (1, 0), 2.5 * MM),
                ("LEFTPADDING", (2, 0), (2, 0), 2.5 * MM),
                ("TOPPADDING", (0, 0), (0, 0), 0.8 * MM),
            ]
        )
    )
    story.append(
        KeepTogether(
            [
                decl,
                c.fields([("date", dmy(data.signed_on) or None)]),
                c.signature("reviewer", data.reviewer),
            ]
        )
    )
    return _build(
        story,
        out,
        st,
        title=f"{L['review_title'].kk} / {L['review_title'].ru}",
        author=data.reviewer,
        footer=data.application_number,
    )


# ---------------------------------------------------------------------- certificate


def render_certificate(data: CertificateData, out: Output) -> int:
    """A4 landscape certificate of attendance."""
    check_texts(data)
    page = landscape(A4)
    pw, ph = float(page[0]), float(page[1])
    margin = 22 * MM
    c = _ctx(12, pw - 2 * margin)
    st = c.st
    center = ParagraphStyle("c", parent=st.center, fontSize=13, leading=17)
    big = ParagraphStyle("big", parent=st.title_center, fontSize=26, leading=32, textColor=ACCENT)
    name = ParagraphStyle("name", parent=st.title_center, fontSize=22, leading=28)
    cert_for = L["cert_for"]
    hours = L["hours"]
    story: list[Flowable] = [
        Spacer(1, 14 * MM),
        Paragraph(esc(data.center_name), center),
        Spacer(1, 10 * MM),
        Paragraph(
            esc(L["certificate"].kk) + (f" № {esc(data.number)}" if data.number else ""), big
        ),
        Spacer(1, 6 * MM),
        Paragraph(f"{esc(L['cert_given'].kk)} / {esc(L['cert_given'].ru)}", center),
        Spacer(1, 4 * MM),
        Paragraph(esc(data.participant), name),
        Spacer(1, 5 * MM),
        Paragraph(esc(cert_for.text("kk", topic=data.topic)), center),
        Paragraph(esc(cert_for.text("ru", topic=data.topic)), center),
        Spacer(1, 4 * MM),
        Paragraph(esc(_bilingual_date_line(data.held_on, data.place)), center),
        Paragraph(
            esc(hours.text("kk", hours=_num(data.hours)))
            + " / "
            + esc(hours.text("ru", hours=_num(data.hours), word=_ru_hours(data.hours))),
            center,
        ),
    ]
    for line in data.extra:
        story.append(Paragraph(esc(line), center))
    story += [Spacer(1, 22 * MM), c.signature("trainer", data.trainer)]

    def frame_border(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(3)
        canvas.rect(10 * MM, 10 * MM, pw - 20 * MM, ph - 20 * MM)
        canvas.setLineWidth(0.8)
        canvas.rect(13 * MM, 13 * MM, pw - 26 * MM, ph - 26 * MM)
        canvas.restoreState()

    return _build(
        story,
        out,
        st,
        title=f"{L['certificate'].kk}: {data.participant}",
        author=data.center_name,
        pagesize=(pw, ph),
        numbered=False,
        on_page=frame_border,
        margin=margin,
    )

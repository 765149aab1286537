"""What the bilingual forms share: the fixed labels (Kazakh, Russian), the layout kit
(label above label, ruled values, grids, signatures) and the document builder."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
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
    ACCENT_LIGHT,
    BLACK,
    GREY,
    MM,
    PRODUCER,
    RULE,
    Output,
    RuledLines,
    Styles,
    esc,
    make_styles,
    numbered_canvas,
    official_date,
    two_columns,
    write_output,
)

M = Message

#: Fixed labels of the forms, Kazakh and Russian.
L: dict[str, Message] = {
    "center": M("Орталық", "Центр"),
    "operator": M("Оператор", "Оператор"),
    "date": M("Күні", "Дата"),
    "place": M("Өткізілген орны", "Место проведения"),
    "settlement": M("Елді мекен", "Населённый пункт"),
    "time": M("Басталуы – аяқталуы", "Начало – окончание"),
    "convened_by": M("Шақырған", "Созвал"),
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
            # whole rows only: a row split inside could leave the (repeated) header
            # row alone at a page foot
            splitInRow=0,
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
    """The date of a legal document in its official form: «2025 жылғы 18 сәуір» /
    «18 апреля 2025 года»."""
    text = f"{official_date(d, 'kk')} / {official_date(d, 'ru')}"
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



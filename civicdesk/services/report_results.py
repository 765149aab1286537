"""The results sections of the periodic report: awareness campaigns and learning gain.

Each campaign active in the period gets a table: per question and for "knows", the
baseline and endline shares with their 95 % Wilson intervals and sample sizes, the
change in percentage points with Newcombe's interval, and the relative growth; a row
under the small-sample rule is marked with an asterisk and the section's note says
what it means. The seminars of the period get their learning gain (mean paired
difference of test scores with a t interval, share improved) and who took part.
Cells hold numbers only, so the same table reads in both languages; the units are in
the bilingual column headers.
"""

from __future__ import annotations

from sqlalchemy import or_, select

from civicdesk.db.models import Campaign
from civicdesk.domain.errors import Message
from civicdesk.domain.periods import Period
from civicdesk.domain.result_text import number
from civicdesk.domain.statistics import Change, PairedGain, Reliability, Share
from civicdesk.printing.report import Figure, ReportColumn, ReportRow, ReportSection, ReportTable
from civicdesk.services.base import Context
from civicdesk.services.campaign_figures import AwarenessReport, awareness_report
from civicdesk.services.grant_results import IndicatorSum, beneficiary_sums, grant_indicator_sums
from civicdesk.services.report_participants import beneficiaries_section, series_section
from civicdesk.services.seminar_gain import SeminarResults, period_results, series_results

__all__ = ["awareness_section", "gain_section", "grant_section", "results_sections"]

M = Message
SECTION = M("Ақпараттық науқандардың нәтижесі: хабардарлық",
            "Результаты информационных кампаний: осведомлённость")
QUESTION = M("Сұрақ", "Вопрос")
KNOWS = M("Біледі ({k}/{n} дұрыс)", "Знают ({k} из {n} верно)")
COLUMNS = (
    ReportColumn(M("Бастапқы, % [95 % СА]; n", "Исходная, % [95 % ДИ]; n"), "text"),
    ReportColumn(M("Қорытынды, % [95 % СА]; n", "Итоговая, % [95 % ДИ]; n"), "text"),
    ReportColumn(M("Өзгеріс, пайыздық тармақ [95 % СА]",
                   "Изменение, процентные пункты [95 % ДИ]"), "text"),
    ReportColumn(M("Салыстырмалы өсу, %", "Относительный рост, %"), "text"),
)
NOTE = M(
    "Үлес — Уилсон аралығымен; өзгеріс — пайыздық тармақпен (Ньюкомб аралығы) және "
    "бастапқы үлеске қатысты салыстырмалы өсу ретінде, екеуі де көрсетілген. Бос жауап "
    "«білмейді» деп есептеледі. * — жауап 30-дан кем: қорытынды жасауға болмайды; "
    "«жауап жоқ» — кезеңде парақ жоқ.",
    "Доля — с интервалом Уилсона; изменение — в процентных пунктах (интервал Ньюкомба) и "
    "как относительный рост к исходной доле, показаны оба. Пустой ответ считается как "
    "«не знает». * — меньше 30 ответов: выводы делать нельзя; «нет ответов» — в волне "
    "нет листов.",
)
NO_ANSWERS = "—"
GAIN_SECTION = M("Семинарлар: білім өсімі", "Семинары: прирост знаний")
GAIN_NOTE = M(
    "Өсім — қатысқандардың кейінгі және алдын ала тест баллдарының айырмасының орташасы "
    "(екі тесті де барлар), Стьюдент аралығымен. Жастар — 14–35 жас (№ 285-V Заң).",
    "Прирост — среднее разностей баллов итогового и входного теста у присутствовавших "
    "(с обоими тестами), с интервалом Стьюдента. Молодёжь — 14–35 лет (Закон № 285-V).",
)


def _share(s: Share) -> str:
    if s.percent is None or s.interval is None:
        return NO_ANSWERS
    star = "*" if s.reliability is Reliability.SMALL else ""
    return (f"{number(s.percent)}{star} [{number(s.interval.low)}–{number(s.interval.high)}];"
            f" {s.n}")


def _points(c: Change) -> str:
    if c.points is None or c.interval is None:
        return NO_ANSWERS
    star = "*" if c.reliability is Reliability.SMALL else ""
    return (f"{number(c.points, signed=True)}{star} "
            f"[{number(c.interval.low, signed=True)}…{number(c.interval.high, signed=True)}]")


def _relative(c: Change) -> str:
    return NO_ANSWERS if c.relative is None else number(c.relative, signed=True)


def awareness_section(reports: list[AwarenessReport]) -> ReportSection | None:
    tables: list[ReportTable] = []
    for rep in reports:
        c = rep.campaign
        if rep.baseline is None or rep.endline is None or rep.comparison is None:
            continue
        before = next(f for w, f in rep.waves if w.id == rep.baseline.id)
        after = next(f for w, f in rep.waves if w.id == rep.endline.id)
        rows = [
            ReportRow(M(f"{i}. {q.text_kk}", f"{i}. {q.text_ru}"),
                      (_share(before.per_question[i - 1]), _share(after.per_question[i - 1]),
                       _points(rep.comparison.per_question[i - 1]),
                       _relative(rep.comparison.per_question[i - 1])))
            for i, q in enumerate(rep.questions, start=1)
        ]
        k, n = before.threshold, len(rep.questions)
        knows = ReportRow(M(KNOWS.kk.format(k=k, n=n), KNOWS.ru.format(k=k, n=n)),
                          (_share(before.knows), _share(after.knows),
                           _points(rep.comparison.knows), _relative(rep.comparison.knows)))
        tables.append(ReportTable(f"campaign-{c.id}", M(c.title_kk, c.title_ru), QUESTION,
                                  COLUMNS, tuple(rows), knows, f"Науқан {len(tables) + 1}"))
    if not tables:
        return None
    return ReportSection(SECTION, tables=tuple(tables), note=NOTE)


def gain_section(r: SeminarResults) -> ReportSection | None:
    if r.attended == 0:
        return None
    g: PairedGain = r.gain

    def dec(value: float | None) -> str:
        return NO_ANSWERS if value is None else number(value, signed=True)

    figures = (
        Figure(M("Семинарлар", "Семинары"), r.seminars),
        Figure(M("Қатысқандар", "Присутствовали"), r.attended),
        Figure(M("Екі тесті бар қатысушылар", "Участники с обоими тестами"), g.n),
        Figure(M("Орташа өсім, балл", "Средний прирост, баллов"), dec(g.mean_gain), "text"),
        Figure(M("Өсімнің 95 % СА", "95 % ДИ прироста"),
               NO_ANSWERS if g.interval is None else
               f"{dec(g.interval.low)}…{dec(g.interval.high)}", "text"),
        Figure(M("Нәтижесін жақсартқандар, %", "Улучшили результат, %"),
               _share(g.improved), "text"),
        Figure(M("Жастар (14–35) арасындағы орташа өсім", "Средний прирост у молодёжи (14–35)"),
               dec(r.youth_gain.mean_gain), "text"),
        Figure(M("Мүмкіндігі шектеулі қатысушылар", "Участники с инвалидностью"),
               r.with_disability),
    )
    groups = [
        (M("Әйелдер", "Женщины"), r.by_sex.get("f", 0)),
        (M("Ерлер", "Мужчины"), r.by_sex.get("m", 0)),
        (M("Жынысы көрсетілмеген", "Пол не указан"), r.by_sex.get(None, 0)),
        (M("Жастар (14–35)", "Молодёжь (14–35)"), r.youth.get("youth", 0)),
        (M("Басқа жастағылар", "Другие возрасты"), r.youth.get("other", 0)),
        (M("Жасы белгісіз", "Возраст неизвестен"), r.youth.get(None, 0)),
    ]
    table = ReportTable("seminar-participants", M("Қатысушылар", "Участники"),
                        M("Топ", "Группа"), (ReportColumn(M("Адам", "Человек")),),
                        tuple(ReportRow(label, (count,)) for label, count in groups),
                        sheet="Қатысушылар")
    return ReportSection(GAIN_SECTION, figures=figures, tables=(table,), note=GAIN_NOTE)


GRANT_SECTION = M("Гранттық жобалардың нәтижелері (қаржыландырылған өтінімдер, барлығы)",
                  "Результаты грантовых проектов (профинансированные заявки, всего)")
GRANT_NOTE = M("Көрсеткіштер өлшем бірлігі бірдей болғанда ғана қосылады; бірлігі жоқ "
               "көрсеткіштер қосылмайды.",
               "Показатели складываются, только когда совпадают единицы измерения; "
               "показатели без единицы не складываются.")


def grant_section(sums: list[IndicatorSum]) -> ReportSection | None:
    if not sums:
        return None
    columns = (ReportColumn(M("Бірлік", "Единица"), "text"),
               ReportColumn(M("Көрсеткіштер", "Показателей")),
               ReportColumn(M("Бастапқы", "Исходное"), "decimal"),
               ReportColumn(M("Мақсат", "Цель"), "decimal"),
               ReportColumn(M("Нақты", "Факт"), "decimal"))
    table = ReportTable(
        "grant-indicators", M("Облыстар бойынша", "По областям"), M("Облыс", "Область"),
        columns, tuple(ReportRow(M(x.group, x.group), (x.unit, x.indicators, x.baseline,
                                                         x.target, x.actual)) for x in sums),
        sheet="Грант нәтижелері")
    return ReportSection(GRANT_SECTION, tables=(table,), note=GRANT_NOTE)


def results_sections(ctx: Context, period: Period, center_id: str | None = None
                     ) -> tuple[ReportSection, ...]:
    """The results sections for the actor (a center's own, or all at head office)."""
    with ctx.db.session() as s:
        stmt = select(Campaign.id).where(
            Campaign.deleted.is_(False), Campaign.starts_on <= period.end,
            or_(Campaign.ends_on.is_(None), Campaign.ends_on >= period.start))
        center = center_id if ctx.actor.is_head_office else ctx.actor.center_id
        if center is not None:
            stmt = stmt.where(Campaign.center_id == center)
        ids = list(s.scalars(stmt.order_by(Campaign.starts_on, Campaign.id)))
    sections = [
        awareness_section([awareness_report(ctx, cid) for cid in ids]),
        gain_section(period_results(ctx, period, center)),
        series_section(series_results(ctx, center)),
        grant_section(grant_indicator_sums(ctx)),
        beneficiaries_section(beneficiary_sums(ctx)),
    ]
    return tuple(x for x in sections if x is not None)

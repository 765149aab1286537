"""Results sections of the periodic report for seminar series and grant beneficiaries.

A seminar series gets a row per audience (residents / local officials) and one for the
whole series: seminars held of those planned, participants present by sex, youth (14-35)
and disability, and the learning gain with its 95 % interval. Grant beneficiaries of
funded applications are summed per region by sex, age group, youth and disability.
Counts only: nothing here names a person.
"""

from __future__ import annotations

from civicdesk.domain.errors import Message
from civicdesk.domain.kato import REGIONS
from civicdesk.domain.result_text import number
from civicdesk.printing.report import ReportColumn, ReportRow, ReportSection, ReportTable
from civicdesk.services.grant_results import BeneficiarySum
from civicdesk.services.seminar_gain import SeminarResults, SeriesResults

__all__ = ["beneficiaries_section", "series_section"]

M = Message
NO_VALUE = "—"

SERIES_SECTION = M("Семинарлар топтамалары: өткізілгені, қатысушылар және білім өсімі",
                   "Серии семинаров: проведено, участники и прирост знаний")
SERIES_NOTE = M(
    "Қатысушылар — белгіленген қатысқандар; жынысы, жасы және мүгедектігі семинарда "
    "белгіленгені бойынша, әйтпесе тұрғын картасынан. Жастар — 14–35 жас (№ 285-V Заң, "
    "1-бап). Өсім — кейінгі мен алдын ала тест баллдарының айырмасының орташасы, 95 % СА.",
    "Участники — отмеченные как присутствовавшие; пол, возраст и инвалидность — как "
    "отмечено на семинаре, иначе из карточки жителя. Молодёжь — 14–35 лет (Закон "
    "№ 285-V, статья 1). Прирост — среднее разностей баллов итогового и входного теста, "
    "95 % ДИ.",
)
SERIES_COLUMNS = (
    ReportColumn(M("Семинарлар", "Семинаров")),
    ReportColumn(M("Қатысқандар", "Присутствовали")),
    ReportColumn(M("Әйелдер", "Женщин")),
    ReportColumn(M("Ерлер", "Мужчин")),
    ReportColumn(M("Жастар (14–35)", "Молодёжь (14–35)")),
    ReportColumn(M("Мүгедектігі барлар", "С инвалидностью")),
    ReportColumn(M("Өсім, балл [95 % СА]; n", "Прирост, баллов [95 % ДИ]; n"), "text"),
)
AUDIENCE_NAMES = {
    "residents": M("Тұрғындарға", "Для жителей"),
    "officials": M("Жергілікті лауазымды адамдарға", "Для местных должностных лиц"),
}
WHOLE = M("Барлығы ({held} / жоспар {planned})", "Всего ({held} из плана {planned})")

BEN_SECTION = M("Гранттық жобалардың пайда алушылары (қаржыландырылған өтінімдер)",
                "Благополучатели грантовых проектов (профинансированные заявки)")
BEN_NOTE = M(
    "Өтінімдерде көрсетілген сандар қосылған; аты-жөні жоқ. Жынысы мен жас топтары "
    "бойынша сандар жалпы саннан аспайды, көрсетілмегендері қосылмайды. Жастар — 14–35 жас.",
    "Сложены числа, указанные в заявках; без имён. Числа по полу и возрастным группам не "
    "превышают общего, не указанные не входят. Молодёжь — 14–35 лет.",
)
BEN_COLUMNS = (
    ReportColumn(M("Өтінімдер", "Заявок")),
    ReportColumn(M("Барлығы", "Всего")),
    ReportColumn(M("Әйелдер", "Женщин")),
    ReportColumn(M("Ерлер", "Мужчин")),
    ReportColumn(M("18-ге дейін", "До 18")),
    ReportColumn(M("18–29", "18–29")),
    ReportColumn(M("30–44", "30–44")),
    ReportColumn(M("45–59", "45–59")),
    ReportColumn(M("60 және одан жоғары", "60 и старше")),
    ReportColumn(M("Жастар (14–35)", "Молодёжь (14–35)")),
    ReportColumn(M("Мүгедектігі барлар", "С инвалидностью")),
)


def _gain(r: SeminarResults) -> str:
    g = r.gain
    if g.mean_gain is None:
        return NO_VALUE
    interval = ("" if g.interval is None else
                f" [{number(g.interval.low, signed=True)}…{number(g.interval.high, signed=True)}]")
    return f"{number(g.mean_gain, signed=True)}{interval}; {g.n}"


def _cells(r: SeminarResults) -> tuple[int | str, ...]:
    return (r.seminars, r.attended, r.by_sex.get("f", 0), r.by_sex.get("m", 0),
            r.youth.get("youth", 0), r.with_disability, _gain(r))


def series_section(series: list[SeriesResults]) -> ReportSection | None:
    tables = []
    for i, x in enumerate(series, start=1):
        rows = [ReportRow(AUDIENCE_NAMES[a], _cells(r))
                for a, r in x.by_audience.items() if r.seminars]
        total = ReportRow(M(WHOLE.kk.format(held=x.all.seminars, planned=x.planned),
                            WHOLE.ru.format(held=x.all.seminars, planned=x.planned)),
                          _cells(x.all))
        tables.append(ReportTable(f"series-{x.series_id}", M(x.name_kk, x.name_ru),
                                  M("Аудитория", "Аудитория"), SERIES_COLUMNS, tuple(rows),
                                  total, f"Топтама {i}"))
    if not tables:
        return None
    return ReportSection(SERIES_SECTION, tables=tuple(tables), note=SERIES_NOTE)


def beneficiaries_section(sums: list[BeneficiarySum]) -> ReportSection | None:
    rows = []
    for x in sums:
        if x.total <= 0:  # applications that state no beneficiaries say nothing here
            continue
        region = REGIONS.get(x.group)
        label = region if region is not None else M(x.group, x.group)
        b = x.breakdown
        rows.append(ReportRow(label, (x.applications, x.total, b.women or 0, b.men or 0,
                                      b.under_18 or 0, b.a18_29 or 0, b.a30_44 or 0,
                                      b.a45_59 or 0, b.a60_plus or 0, b.youth or 0,
                                      b.disability or 0)))
    if not rows:
        return None
    table = ReportTable("grant-beneficiaries", M("Облыстар бойынша", "По областям"),
                        M("Облыс", "Область"), BEN_COLUMNS, tuple(rows),
                        sheet="Пайда алушылар")
    return ReportSection(BEN_SECTION, tables=(table,), note=BEN_NOTE)

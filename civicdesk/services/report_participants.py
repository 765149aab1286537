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
AUDIENCE_NAMES = {
    "residents": M("Тұрғындарға", "Для жителей"),
    "officials": M("Жергілікті лауазымды адамдарға", "Для местных должностных лиц"),
}
#: the rows of a series table (one column per audience and one for the whole series)
SERIES_ROWS = (
    M("Өткізілген семинарлар", "Проведено семинаров"),
    M("Қатысқандар", "Присутствовали"),
    M("Әйелдер", "Женщины"),
    M("Ерлер", "Мужчины"),
    M("Жастар (14–35)", "Молодёжь (14–35)"),
    M("Мүгедектігі барлар", "С инвалидностью"),
    M("Білім өсімі, балл [95 % СА]; n", "Прирост знаний, баллов [95 % ДИ]; n"),
)
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
    ReportColumn(M("Әйелдер", "Женщины")),
    ReportColumn(M("Ерлер", "Мужчины")),
    ReportColumn(M("Жастар (14–35)", "Молодёжь (14–35)")),
    ReportColumn(M("Мүгедектігі барлар", "С инвалидностью")),
)
AGE_COLUMNS = (
    ReportColumn(M("18-ге дейін", "До 18")),
    ReportColumn(M("18–29", "18–29")),
    ReportColumn(M("30–44", "30–44")),
    ReportColumn(M("45–59", "45–59")),
    ReportColumn(M("60+", "60+")),
)


def _gain(r: SeminarResults) -> str:
    g = r.gain
    if g.mean_gain is None:
        return NO_VALUE
    interval = ("" if g.interval is None else
                f" [{number(g.interval.low, signed=True)}…{number(g.interval.high, signed=True)}]")
    return f"{number(g.mean_gain, signed=True)}{interval}; {g.n}"


def _cells(r: SeminarResults) -> tuple[str, ...]:
    return (str(r.seminars), str(r.attended), str(r.by_sex.get("f", 0)),
            str(r.by_sex.get("m", 0)), str(r.youth.get("youth", 0)), str(r.with_disability),
            _gain(r))


def series_section(series: list[SeriesResults]) -> ReportSection | None:
    """One table a series: a row a figure, a column an audience (those that held
    seminars) and one for the whole series."""
    tables = []
    for i, x in enumerate(series, start=1):
        parts = [(AUDIENCE_NAMES[a], r) for a, r in x.by_audience.items() if r.seminars]
        whole = M(WHOLE.kk.format(held=x.all.seminars, planned=x.planned),
                  WHOLE.ru.format(held=x.all.seminars, planned=x.planned))
        parts.append((whole, x.all))
        columns = tuple(ReportColumn(name, "text") for name, _ in parts)
        cells = [_cells(r) for _, r in parts]
        rows = tuple(ReportRow(label, tuple(c[k] for c in cells))
                     for k, label in enumerate(SERIES_ROWS))
        tables.append(ReportTable(f"series-{x.series_id}", M(x.name_kk, x.name_ru),
                                  M("Көрсеткіш", "Показатель"), columns, rows,
                                  sheet=f"Топтама {i}"))
    if not tables:
        return None
    return ReportSection(SERIES_SECTION, tables=tuple(tables), note=SERIES_NOTE)


def beneficiaries_section(sums: list[BeneficiarySum]) -> ReportSection | None:
    rows, ages = [], []
    for x in sums:
        if x.total <= 0:  # applications that state no beneficiaries say nothing here
            continue
        region = REGIONS.get(x.group)
        label = region if region is not None else M(x.group, x.group)
        b = x.breakdown
        rows.append(ReportRow(label, (x.applications, x.total, b.women or 0, b.men or 0,
                                      b.youth or 0, b.disability or 0)))
        ages.append(ReportRow(label, (b.under_18 or 0, b.a18_29 or 0, b.a30_44 or 0,
                                      b.a45_59 or 0, b.a60_plus or 0)))
    if not rows:
        return None
    region_header = M("Облыс", "Область")
    tables = (
        ReportTable("grant-beneficiaries", M("Облыстар бойынша", "По областям"),
                    region_header, BEN_COLUMNS, tuple(rows), sheet="Пайда алушылар"),
        ReportTable("grant-beneficiaries-age", M("Жас топтары бойынша", "По возрастным группам"),
                    region_header, AGE_COLUMNS, tuple(ages), sheet="Пайда алушылар жасы"),
    )
    return ReportSection(BEN_SECTION, tables=tables, note=BEN_NOTE)

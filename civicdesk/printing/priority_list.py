"""A district's priority list of problems (Kazakh first, then Russian) and a simple map
poster drawn from the settlements' coordinates: one point per settlement, its area
growing with how many raised its problems, coloured by whether any is still open; the
district outline when the caller has one, with the credit its source asks for. No tiles,
no network."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from civicdesk.domain.errors import Message

from .common import (
    ACCENT,
    ACCENT_LIGHT,
    GREY,
    MM,
    PRODUCER,
    RULE,
    Output,
    Styles,
    check_texts,
    dmy,
    esc,
    make_styles,
    write_output,
)

__all__ = ["MapPoint", "PriorityItem", "PriorityList", "render_priority_list"]

OPEN = CMYKColor(0, 0.75, 0.85, 0.05)
DONE = CMYKColor(0.7, 0, 0.6, 0.2)
M = Message


@dataclass(frozen=True)
class PriorityItem:
    rank: int
    title: Message
    settlements: Message
    raised: int
    state: Message
    overdue: bool


@dataclass(frozen=True)
class MapPoint:
    name: Message
    lat: float
    lon: float
    raised: int
    open_problems: int
    problems: int


@dataclass(frozen=True)
class PriorityList:
    district: Message
    center: Message
    made_on: date
    items: tuple[PriorityItem, ...]
    points: tuple[MapPoint, ...]
    unlocated: tuple[Message, ...] = ()
    #: the district's border: rings of (lat, lon) pairs (a district may have islands)
    outline: tuple[tuple[tuple[float, float], ...], ...] = ()
    #: (kk, ru) credit of the outline's and the places' sources, printed under the poster
    credit: Message | None = None


TITLE = M("Мәселелердің басымдық тізімі", "Приоритетный список проблем")
MAP_TITLE = M("Әлеуметтік инфрақұрылым картасы: мәселелер елді мекендер бойынша",
              "Карта социальной инфраструктуры: проблемы по населённым пунктам")
HEAD = (M("№", "№"), M("Мәселе", "Проблема"), M("Елді мекендер", "Населённые пункты"),
        M("Көтергендер", "Подняли"), M("Күйі", "Состояние"))
OVERDUE = M("жауап мерзімі өтті", "ответ просрочен")
LEGEND = M("Нүкте ауданы — мәселені көтергендер саны; қызыл — ашық мәселе бар, жасыл — "
           "бәрі шешілді. Атаудың астында: көтергендер · ашық мәселелер / барлық мәселелер. "
           "Координаттар — енгізілген немесе анықтамалықтағы; сұр сызық — аудан шекарасы.",
           "Площадь точки — сколько человек подняли проблемы; красный — есть открытые, "
           "зелёный — все решены. Под названием: подняли · открытых проблем / всего "
           "проблем. Координаты — введённые или из справочника; серая линия — граница "
           "района.")
NO_POINTS_OUTLINE = M("Елді мекендердің координаттары жоқ: тек аудан шекарасы көрсетілген.",
                      "Нет координат населённых пунктов: показана только граница района.")
UNLOCATED = M("Координатасы жоқ елді мекендер (картада жоқ)",
              "Населённые пункты без координат (нет на карте)")
NO_POINTS = M("Картаға түсіретін координаттар жоқ.", "Нет координат для карты.")


def _pair(m: Message, st: Styles, style: object | None = None) -> Paragraph:
    return Paragraph(f"{esc(m.kk)}<br/><font color='#555555'>{esc(m.ru)}</font>",
                     style or st.cell)


def _table(data: PriorityList, st: Styles, width: float) -> Table:
    rows: list[list[object]] = [[_pair(h, st, st.cell_bold) for h in HEAD]]
    for it in data.items:
        state = it.state
        if it.overdue:
            state = M(f"{state.kk}; {OVERDUE.kk}", f"{state.ru}; {OVERDUE.ru}")
        rows.append([Paragraph(str(it.rank), st.cell), _pair(it.title, st),
                     _pair(it.settlements, st), Paragraph(str(it.raised), st.cell),
                     _pair(state, st)])
    widths = [10 * MM, width * 0.40, width * 0.22, 27 * MM]
    widths.append(width - sum(widths))
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return t


class _Poster(Flowable):  # type: ignore[misc]
    """The points on an equirectangular projection corrected by the mean latitude."""

    def __init__(self, data: PriorityList, st: Styles, width: float, height: float) -> None:
        super().__init__()
        self.data, self.st, self.width, self.height = data, st, width, height

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return self.width, self.height

    def _projection(self) -> tuple[float, float, float, float, float]:
        pts = [(p.lat, p.lon) for p in self.data.points] + [
            pt for ring in self.data.outline for pt in ring]
        lats, lons = [a for a, _ in pts], [b for _, b in pts]
        k = math.cos(math.radians(sum(lats) / len(lats)))
        span_x = max((max(lons) - min(lons)) * k, 0.02)
        span_y = max(max(lats) - min(lats), 0.02)
        pad = 18 * MM
        scale = min((self.width - 2 * pad) / span_x, (self.height - 2 * pad) / span_y)
        cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
        return scale, k, cx, cy, pad

    def draw(self) -> None:
        c: Canvas = self.canv
        c.setStrokeColor(RULE)
        c.rect(0, 0, self.width, self.height)
        rings = [r for r in self.data.outline if len(r) >= 3]
        if not self.data.points:
            message = NO_POINTS_OUTLINE if rings else NO_POINTS
            c.setFont(self.st.fonts.regular, 11)
            y0 = 8 * MM + 14 if rings else self.height / 2
            c.drawCentredString(self.width / 2, y0, message.kk)
            c.drawCentredString(self.width / 2, y0 - 14, message.ru)
            if not rings:
                return
        scale, k, cx, cy, _pad = self._projection()

        def xy(lat: float, lon: float) -> tuple[float, float]:
            return (self.width / 2 + (lon - cx) * k * scale,
                    self.height / 2 + (lat - cy) * scale)

        if rings:
            path = c.beginPath()
            for ring in rings:
                path.moveTo(*xy(*ring[0]))
                for lat, lon in ring[1:]:
                    path.lineTo(*xy(lat, lon))
                path.close()
            c.setStrokeColor(GREY)
            c.setFillColor(ACCENT_LIGHT)
            c.setLineWidth(1)
            c.drawPath(path, stroke=1, fill=1)
        if not self.data.points:
            return
        top = max(p.raised for p in self.data.points) or 1
        for p in sorted(self.data.points, key=lambda p: -p.raised):
            x, y = xy(p.lat, p.lon)
            r = 3 * MM + 11 * MM * math.sqrt(p.raised / top)
            colour: Color = OPEN if p.open_problems else DONE
            c.setFillColor(colour, alpha=0.55)
            c.setStrokeColor(colour)
            c.circle(x, y, r, stroke=1, fill=1)
            c.setFillColor(CMYKColor(0, 0, 0, 1))
            c.setFont(self.st.fonts.bold, 8)
            c.drawString(x + r + 1.5 * MM, y + 1.5, p.name.kk)
            c.setFont(self.st.fonts.regular, 7)
            c.drawString(x + r + 1.5 * MM, y - 7, f"{p.name.ru} · {p.raised} · "
                         f"{p.open_problems}/{p.problems}")


def _texts(data: PriorityList) -> list[object]:
    return [data, TITLE, MAP_TITLE, HEAD, OVERDUE, LEGEND, UNLOCATED, NO_POINTS,
            NO_POINTS_OUTLINE]


def render_priority_list(data: PriorityList, out: Output) -> int:
    """The list on A4 portrait pages, then the poster on an A4 landscape page."""
    check_texts(*_texts(data))
    st = make_styles(9.0)
    a4w, a4h = A4
    lw, lh = landscape(A4)
    margin = 14 * MM
    width = a4w - 2 * margin
    story: list[Flowable] = [
        Paragraph(f"{esc(TITLE.kk)}: {esc(data.district.kk)}", st.title),
        Paragraph(f"{esc(TITLE.ru)}: {esc(data.district.ru)}", st.h2),
        Paragraph(f"{esc(data.center.kk)} / {esc(data.center.ru)} · {dmy(data.made_on)}",
                  st.small),
        Spacer(1, 4 * MM),
        _table(data, st, width),
    ]
    if data.unlocated:
        story += [Spacer(1, 3 * MM), _pair(UNLOCATED, st, st.bold),
                  Paragraph(esc(", ".join(f"{m.kk} / {m.ru}" for m in data.unlocated)),
                            st.small)]
    story += [NextPageTemplate("poster"), PageBreak(),
              Paragraph(f"{esc(MAP_TITLE.kk)} — {esc(data.district.kk)}", st.h2),
              Paragraph(f"{esc(MAP_TITLE.ru)} — {esc(data.district.ru)}", st.small),
              _Poster(data, st, lw - 2 * margin,
                      lh - 2 * margin - (38 if data.credit else 30) * MM),
              Spacer(1, 2 * MM), Paragraph(f"{esc(LEGEND.kk)}<br/>{esc(LEGEND.ru)}", st.small)]
    if data.credit is not None:
        story.append(Paragraph(f"{esc(data.credit.kk)}<br/>{esc(data.credit.ru)}", st.small))
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, title=f"{TITLE.kk} / {TITLE.ru}",
                          author=data.center.kk, creator=PRODUCER, producer=PRODUCER,
                          pageCompression=1, invariant=1)
    pages = [0]

    def count(canvas: Canvas, _doc: object) -> None:
        pages[0] += 1
        canvas.saveState()
        canvas.setFont(st.fonts.regular, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawRightString(canvas._pagesize[0] - margin, 8 * MM, str(pages[0]))
        canvas.setStrokeColor(ACCENT)
        canvas.restoreState()

    doc.addPageTemplates([
        PageTemplate("list", [Frame(margin, margin, width, a4h - 2 * margin)],
                     pagesize=A4, onPage=count),
        PageTemplate("poster", [Frame(margin, margin, lw - 2 * margin, lh - 2 * margin)],
                     pagesize=landscape(A4), onPage=count),
    ])
    doc.build(story)
    write_output(buf.getvalue(), out)
    return pages[0]


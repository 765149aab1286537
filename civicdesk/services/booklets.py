"""Information booklets in Kazakh and Russian: content, print runs, distribution.

Content is kept as JSON in the format of the shipped templates
(civicdesk/resources/templates/_schema.md), so a booklet made from a template prints the same
way as the template itself. Rendering is not done here.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.models import Booklet, Distribution, PrintRun, Settlement
from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import Message, UserError, ValidationError, ValidationErrors
from civicdesk.domain.ids import new_id
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.paths import resources_dir
from civicdesk.printing.templates import EDITIONS, FULL, edition_for, template_path
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    get_live,
    paged,
    record_change,
    scoped,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)
from civicdesk.services.permissions import authorize

__all__ = [
    "BLOCK_TYPES",
    "MAX_COPIES",
    "BookletFilters",
    "BookletInput",
    "BookletRow",
    "BookletView",
    "DistributionSummary",
    "DistributionView",
    "PrintRunView",
    "SettlementCopies",
    "TemplateRow",
    "create_booklet",
    "create_from_template",
    "delete_booklet",
    "distribute",
    "distribution_summary",
    "get_booklet",
    "list_booklets",
    "list_templates",
    "record_print_run",
    "remove_distribution",
    "template_content",
    "update_booklet",
]

BLOCK_TYPES: frozenset[str] = frozenset({"p", "bullets", "fill", "note", "image"})
MAX_COPIES = 100_000
MAX_FILL_LINES = 40

TITLE_REQUIRED = Message(
    kk="Кітапшаның атауын қазақша және орысша жазыңыз.",
    ru="Укажите название буклета на казахском и русском языках.",
)
TOO_LONG = Message(
    kk="Мәтін тым ұзын ({max} таңбадан аспауы керек).",
    ru="Текст слишком длинный (не более {max} символов).",
)
BAD_CONTENT = Message(
    kk="Кітапшаның мазмұны дұрыс емес: {where} — {detail_kk}.",
    ru="Содержание буклета неверно: {where} — {detail_ru}.",
)
BAD_LAYOUT = Message(kk="Беттеу түрін тізімнен таңдаңыз.", ru="Выберите макет из списка.")
BAD_ARRANGEMENT = Message(
    kk="Тілдердің орналасуын тізімнен таңдаңыз.", ru="Выберите расположение языков из списка."
)
EDITION = Message(
    kk="Басылым нөмірі 1-ден кем болмауы керек.", ru="Номер издания должен быть не меньше 1."
)
TEMPLATE_MISSING = Message(
    kk="«{name}» кітапша үлгісі табылмады.", ru="Шаблон буклета «{name}» не найден."
)
TEMPLATE_BROKEN = Message(
    kk="«{name}» кітапша үлгісі бүлінген (JSON оқылмады).",
    ru="Шаблон буклета «{name}» повреждён (JSON не читается).",
)
HAS_PRINT_RUNS = Message(
    kk="Таралымы басылған кітапшаны жоюға болмайды.",
    ru="Нельзя удалить буклет, тираж которого уже напечатан.",
)
COPIES = Message(
    kk="Дана саны 1-ден {max}-ға дейін болуы керек.",
    ru="Число экземпляров должно быть от 1 до {max}.",
)
DATE_FUTURE = Message(kk="Күні болашақта болмауы керек.", ru="Дата не может быть в будущем.")
BEFORE_PRINTED = Message(
    kk="Таралым басылғанға дейін таратылуы мүмкін емес ({printed}).",
    ru="Тираж не может быть распространён раньше, чем напечатан ({printed}).",
)
OVER_DISTRIBUTED = Message(
    kk="Таратылатын дана саны басылғаннан асады: басылды {printed}, таратылды "
    "{distributed}, қалды {left}.",
    ru="Распространяется больше экземпляров, чем напечатано: напечатано {printed}, "
    "распространено {distributed}, осталось {left}.",
)
NOT_OWNER = Message(
    kk="Бұл кітапшаны тек оны жасаған орталық өзгерте алады.",
    ru="Изменять этот буклет может только центр, который его подготовил.",
)


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class TemplateRow:
    name: str
    title_kk: str
    title_ru: str


@dataclass(frozen=True)
class BookletInput:
    title_kk: str
    title_ru: str
    # The template format: {"title": {"kk","ru"}, "subtitle": ..., "sections": [...],
    # "legal_basis": [...], "contacts": ...}. None: no sections yet. The title fields
    # above win over content["title"].
    content: dict[str, Any] | None = None
    layout: BookletLayout = BookletLayout.A5_BOOKLET
    arrangement: BilingualArrangement = BilingualArrangement.PARALLEL
    edition: int = 1
    edition_date: date | None = None
    template_name: str | None = None
    #: "full" or "trifold"; None: chosen from the layout when template_name is set.
    template_edition: str | None = None


@dataclass(frozen=True)
class PrintRunView:
    id: str
    booklet_id: str
    copies: int
    printed_on: date
    layout: BookletLayout
    note: str
    distributed: int
    left: int


@dataclass(frozen=True)
class DistributionView:
    id: str
    print_run_id: str
    settlement_id: str | None
    settlement_kk: str | None
    settlement_ru: str | None
    copies: int
    distributed_on: date


@dataclass(frozen=True)
class BookletView:
    id: str
    center_id: str
    template_name: str | None
    title_kk: str
    title_ru: str
    content: dict[str, Any]
    layout: BookletLayout
    arrangement: BilingualArrangement
    edition: int
    edition_date: date | None
    print_runs: list[PrintRunView]
    distributions: list[DistributionView]
    rev: int
    template_edition: str | None = None


@dataclass(frozen=True)
class BookletRow:
    id: str
    title_kk: str
    title_ru: str
    layout: BookletLayout
    edition: int
    edition_date: date | None
    printed: int
    distributed: int
    template_name: str | None = None
    template_edition: str | None = None


@dataclass(frozen=True)
class BookletFilters:
    layout: BookletLayout | None = None
    template_name: str | None = None


@dataclass(frozen=True)
class SettlementCopies:
    settlement_id: str | None  # None: handed out without a village (e.g. at the center)
    settlement_kk: str | None
    settlement_ru: str | None
    copies: int


@dataclass(frozen=True)
class DistributionSummary:
    printed: int
    distributed: int
    left: int
    by_settlement: list[SettlementCopies]


# --------------------------------------------------------------------------- content


class _BadContentError(Exception):
    def __init__(self, where: str, kk: str, ru: str) -> None:
        super().__init__(where)
        self.where, self.kk, self.ru = where, kk, ru


def _pair(value: Any, where: str, *, required: bool = True) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _BadContentError(where, "kk және ru мәтіндері керек", "нужны тексты kk и ru")
    out: dict[str, str] = {}
    for lang in ("kk", "ru"):
        text = value.get(lang)
        if not isinstance(text, str):
            raise _BadContentError(f"{where}.{lang}", "мәтін керек", "нужен текст")
        text = normalize_kk(text)
        if required and not text:
            raise _BadContentError(f"{where}.{lang}", "мәтін бос", "текст пуст")
        out[lang] = text
    return out


def _block(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _BadContentError(where, "блок күтілген", "ожидается блок")
    kind = value.get("type")
    if kind not in BLOCK_TYPES:
        raise _BadContentError(f"{where}.type", f"белгісіз блок түрі «{kind}»", f"неизвестный тип блока «{kind}»")
    if kind in ("p", "note"):
        return {"type": kind, **_pair(value, where)}
    if kind == "bullets":
        items = value.get("items")
        if not isinstance(items, list) or not items:
            raise _BadContentError(f"{where}.items", "тізім бос", "список пуст")
        return {"type": kind, "items": [_pair(it, f"{where}.items[{i}]") for i, it in enumerate(items)]}
    if kind == "fill":
        lines = value.get("lines", 1)
        if isinstance(lines, bool) or not isinstance(lines, int) or not 0 <= lines <= MAX_FILL_LINES:
            raise _BadContentError(f"{where}.lines", "0-ден 40-қа дейінгі сан керек", "нужно число от 0 до 40")
        return {"type": kind, **_pair(value, where, required=False), "lines": lines}
    path = value.get("path")
    if not isinstance(path, str) or not path.strip():
        raise _BadContentError(f"{where}.path", "сурет файлы керек", "нужен файл рисунка")
    out: dict[str, Any] = {"type": kind, "path": path.strip()}
    if value.get("caption") is not None:
        out["caption"] = _pair(value["caption"], f"{where}.caption")
    width = value.get("width_mm")
    if width is not None:
        if isinstance(width, bool) or not isinstance(width, int | float) or width <= 0:
            raise _BadContentError(f"{where}.width_mm", "оң сан керек", "нужно положительное число")
        out["width_mm"] = width
    return out


def _clean_content(content: dict[str, Any], name: str, title: dict[str, str]) -> dict[str, Any]:
    """The content in the template format, checked, with texts normalised."""
    sections = content.get("sections", [])
    if not isinstance(sections, list):
        raise _BadContentError("sections", "тізім күтілген", "ожидается список")
    out: dict[str, Any] = {"name": name, "title": title}
    if content.get("subtitle") is not None:
        out["subtitle"] = _pair(content["subtitle"], "subtitle", required=False)
    out["sections"] = []
    for i, section in enumerate(sections):
        where = f"sections[{i}]"
        if not isinstance(section, dict):
            raise _BadContentError(where, "бөлім күтілген", "ожидается раздел")
        blocks = section.get("blocks", [])
        if not isinstance(blocks, list):
            raise _BadContentError(f"{where}.blocks", "тізім күтілген", "ожидается список")
        out["sections"].append(
            {
                "heading": _pair(section.get("heading"), f"{where}.heading"),
                "blocks": [_block(b, f"{where}.blocks[{j}]") for j, b in enumerate(blocks)],
            }
        )
    legal = content.get("legal_basis", [])
    if not isinstance(legal, list):
        raise _BadContentError("legal_basis", "тізім күтілген", "ожидается список")
    if legal:
        out["legal_basis"] = [_pair(x, f"legal_basis[{i}]") for i, x in enumerate(legal)]
    codes = content.get("legal_acts")
    if codes:
        # codes of the reference data's acts: printed from it with an "as of" date
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise _BadContentError("legal_acts", "акт кодтарының тізімі керек",
                                   "нужен список кодов актов")
        out["legal_acts"] = list(codes)
    if content.get("contacts") is not None:
        out["contacts"] = _pair(content["contacts"], "contacts", required=False)
    return out


def _templates_dir() -> Path:
    return resources_dir() / "templates"


def list_templates() -> list[TemplateRow]:
    """The shipped booklet templates (files starting with ``_`` or ``test-`` skipped)."""
    rows: list[TemplateRow] = []
    for path in sorted(_templates_dir().glob("*.json")):
        if path.name.startswith(("_", "test-")):
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            title = data["title"]
            rows.append(TemplateRow(path.stem, str(title["kk"]), str(title["ru"])))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return rows


def template_content(name: str, edition: str = FULL) -> dict[str, Any]:
    """A template file read as it is (a dict in the template format); ``edition``
    "trifold" reads the short text written for the A4 tri-fold."""
    path = template_path(name, edition if edition in EDITIONS else FULL, _templates_dir())
    if "/" in name or "\\" in name or name.startswith(".") or not path.is_file():
        raise ValidationErrors(
            [ValidationError("booklet.template_missing", TEMPLATE_MISSING, field="template",
                             name=name)]
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ValidationErrors(
            [ValidationError("booklet.template_broken", TEMPLATE_BROKEN, field="template",
                             name=name)]
        ) from None
    if not isinstance(data, dict):
        raise ValidationErrors(
            [ValidationError("booklet.template_broken", TEMPLATE_BROKEN, field="template",
                             name=name)]
        )
    return data


# --------------------------------------------------------------------------- helpers


def _owner(ctx: Context, row: Booklet) -> None:
    if row.center_id != ctx.actor.center_id:
        raise UserError("access.denied", NOT_OWNER)


def _apply(ctx: Context, row: Booklet, data: BookletInput) -> None:
    c = Collector()
    title_kk, title_ru = normalize_kk(data.title_kk or ""), normalize_kk(data.title_ru or "")
    if not title_kk or not title_ru:
        c.add("booklet.title_required", TITLE_REQUIRED, field="title")
    if max(len(title_kk), len(title_ru)) > 300:
        c.add("booklet.too_long", TOO_LONG, field="title", max=300)
    try:
        layout: BookletLayout | None = BookletLayout(data.layout)
    except ValueError:
        layout = None
        c.add("booklet.layout", BAD_LAYOUT, field="layout")
    try:
        arrangement: BilingualArrangement | None = BilingualArrangement(data.arrangement)
    except ValueError:
        arrangement = None
        c.add("booklet.arrangement", BAD_ARRANGEMENT, field="arrangement")
    if isinstance(data.edition, bool) or data.edition < 1:
        c.add("booklet.edition", EDITION, field="edition")
    if data.edition_date is not None and data.edition_date > ctx.today():
        c.add("booklet.date_future", DATE_FUTURE, field="edition_date")
    content: dict[str, Any] = {}
    name = data.template_name or row.template_name or row.id
    try:
        content = _clean_content(
            copy.deepcopy(data.content or {}), name, {"kk": title_kk, "ru": title_ru}
        )
    except _BadContentError as e:
        c.add("booklet.content", BAD_CONTENT, field="content", where=e.where,
              detail_kk=e.kk, detail_ru=e.ru)
    c.raise_if_any()
    assert layout is not None and arrangement is not None
    row.title_kk, row.title_ru = title_kk, title_ru
    row.content = content
    row.layout, row.arrangement = layout.value, arrangement.value
    row.edition, row.edition_date = data.edition, data.edition_date
    if data.template_name:
        row.template_name = data.template_name
        row.template_edition = (
            data.template_edition if data.template_edition in EDITIONS else edition_for(layout)
        )


def _distributed(s: Session, print_run_id: str) -> int:
    return int(
        s.scalar(
            select(func.coalesce(func.sum(Distribution.copies), 0)).where(
                Distribution.print_run_id == print_run_id, Distribution.deleted.is_(False)
            )
        )
        or 0
    )


def _run_view(s: Session, r: PrintRun) -> PrintRunView:
    given = _distributed(s, r.id)
    return PrintRunView(
        r.id, r.booklet_id, r.copies, r.printed_on, BookletLayout(r.layout), r.note, given,
        r.copies - given,
    )


def _dist_view(s: Session, d: Distribution) -> DistributionView:
    settlement = s.get(Settlement, d.settlement_id) if d.settlement_id else None
    return DistributionView(
        d.id, d.print_run_id, d.settlement_id, settlement.name_kk if settlement else None,
        settlement.name_ru if settlement else None, d.copies, d.distributed_on,
    )


def _runs(s: Session, booklet_id: str) -> list[PrintRun]:
    return list(
        s.scalars(
            select(PrintRun)
            .where(PrintRun.booklet_id == booklet_id, PrintRun.deleted.is_(False))
            .order_by(PrintRun.printed_on, PrintRun.id)
        )
    )


def _view(s: Session, b: Booklet) -> BookletView:
    runs = _runs(s, b.id)
    dists = list(
        s.scalars(
            select(Distribution)
            .join(PrintRun, PrintRun.id == Distribution.print_run_id)
            .where(PrintRun.booklet_id == b.id, Distribution.deleted.is_(False))
            .order_by(Distribution.distributed_on, Distribution.id)
        )
    )
    return BookletView(
        id=b.id,
        center_id=b.center_id,
        template_name=b.template_name,
        title_kk=b.title_kk,
        title_ru=b.title_ru,
        content=copy.deepcopy(b.content or {}),
        layout=BookletLayout(b.layout),
        arrangement=BilingualArrangement(b.arrangement),
        edition=b.edition,
        edition_date=b.edition_date,
        print_runs=[_run_view(s, r) for r in runs],
        distributions=[_dist_view(s, d) for d in dists],
        rev=b.rev,
        template_edition=b.template_edition,
    )


# --------------------------------------------------------------------------- booklets


def create_booklet(ctx: Context, data: BookletInput) -> BookletView:
    with ctx.db.session() as s:
        row = Booklet(id=new_id(), template_name=None)
        _apply(ctx, row, data)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "booklet", row, None)
        return _view(s, row)


def create_from_template(
    ctx: Context,
    template_name: str,
    *,
    layout: BookletLayout = BookletLayout.A5_BOOKLET,
    arrangement: BilingualArrangement = BilingualArrangement.PARALLEL,
    edition_date: date | None = None,
) -> BookletView:
    """A new booklet whose content is a copy of a shipped template (edit it after):
    its tri-fold edition for the tri-fold layout, else the full text."""
    edition = edition_for(layout)
    content = template_content(template_name, edition)
    title = content.get("title") if isinstance(content.get("title"), dict) else {}
    assert isinstance(title, dict)
    return create_booklet(
        ctx,
        BookletInput(
            title_kk=str(title.get("kk", "")), title_ru=str(title.get("ru", "")),
            content=content, layout=layout, arrangement=arrangement,
            edition_date=edition_date, template_name=template_name, template_edition=edition,
        ),
    )


def update_booklet(ctx: Context, booklet_id: str, data: BookletInput) -> BookletView:
    with ctx.db.session() as s:
        row = get_live(s, Booklet, booklet_id, ctx)
        _owner(ctx, row)
        before = snapshot(row)
        _apply(ctx, row, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "booklet", row, before)
        return _view(s, row)


def get_booklet(ctx: Context, booklet_id: str) -> BookletView:
    with ctx.db.session() as s:
        return _view(s, get_live(s, Booklet, booklet_id, ctx))


def delete_booklet(ctx: Context, booklet_id: str) -> None:
    """Soft delete a booklet that was never printed (printed ones stay for reports)."""
    authorize(ctx.actor, "booklet.delete")
    with ctx.db.session() as s:
        row = get_live(s, Booklet, booklet_id, ctx)
        _owner(ctx, row)
        if _runs(s, row.id):
            raise ValidationErrors([ValidationError("booklet.has_print_runs", HAS_PRINT_RUNS)])
        soft_delete(ctx, s, row, "booklet", exclude=("content",))


SORTS: dict[str, Any] = {
    "title_kk": Booklet.title_kk,
    "title_ru": Booklet.title_ru,
    "layout": Booklet.layout,
    "edition": Booklet.edition,
    "edition_date": Booklet.edition_date,
    "created_at": Booklet.created_at,
    "updated_at": Booklet.updated_at,
}


def _list_select() -> Any:
    printed = (
        select(func.coalesce(func.sum(PrintRun.copies), 0))
        .where(PrintRun.booklet_id == Booklet.id, PrintRun.deleted.is_(False))
        .correlate(Booklet)
        .scalar_subquery()
    )
    given = (
        select(func.coalesce(func.sum(Distribution.copies), 0))
        .join(PrintRun, PrintRun.id == Distribution.print_run_id)
        .where(
            PrintRun.booklet_id == Booklet.id, PrintRun.deleted.is_(False),
            Distribution.deleted.is_(False),
        )
        .correlate(Booklet)
        .scalar_subquery()
    )
    return select(
        Booklet.id, Booklet.title_kk, Booklet.title_ru, Booklet.layout, Booklet.edition,
        Booklet.edition_date, printed, given, Booklet.template_name, Booklet.template_edition,
    )


def list_booklets(
    ctx: Context, query: ListQuery, filters: BookletFilters | None = None
) -> Page[BookletRow]:
    """Paged, sorted, filtered in SQL, with copies printed and distributed.

    Sorts: title_kk, title_ru, layout, edition, edition_date, created_at, updated_at,
    printed, distributed. ``query.search`` matches either title (LIKE)."""
    f = filters or BookletFilters()
    stmt = scoped(ctx, _list_select(), Booklet)
    if query.search.strip():
        like = f"%{normalize_kk(query.search)}%"
        stmt = stmt.where(or_(Booklet.title_kk.like(like), Booklet.title_ru.like(like)))
    if f.layout:
        stmt = stmt.where(Booklet.layout == BookletLayout(f.layout).value)
    if f.template_name:
        stmt = stmt.where(Booklet.template_name == f.template_name)
    cols = stmt.selected_columns
    sorts = {**SORTS, "printed": cols[6], "distributed": cols[7]}
    if query.sort is None:
        query = ListQuery(query.offset, query.limit, "updated_at", True, query.search)
    stmt = apply_sort(stmt, query, sorts, "updated_at", Booklet.id)
    with ctx.db.session() as s:
        rows, total = paged(s, stmt, query)
        out = [
            BookletRow(
                r[0], r[1], r[2], BookletLayout(r[3]), r[4], r[5], int(r[6]), int(r[7]),
                r[8], r[9],
            )
            for r in rows
        ]
    q = query.clamp()
    return Page(out, total, q.offset, q.limit)


# --------------------------------------------------------------------------- print runs


def record_print_run(
    ctx: Context,
    booklet_id: str,
    copies: int,
    printed_on: date,
    layout: BookletLayout | None = None,
    note: str = "",
) -> PrintRunView:
    """Record copies printed (by default in the booklet's own layout)."""
    with ctx.db.session() as s:
        booklet = get_live(s, Booklet, booklet_id, ctx)
        _owner(ctx, booklet)
        c = Collector()
        if isinstance(copies, bool) or not 1 <= copies <= MAX_COPIES:
            c.add("booklet.copies", COPIES, field="copies", max=MAX_COPIES)
        if printed_on > ctx.today():
            c.add("booklet.date_future", DATE_FUTURE, field="printed_on")
        chosen: BookletLayout | None = None
        try:
            chosen = BookletLayout(layout or booklet.layout)
        except ValueError:
            c.add("booklet.layout", BAD_LAYOUT, field="layout")
        c.raise_if_any()
        assert chosen is not None
        row = PrintRun(
            booklet_id=booklet.id, copies=copies, printed_on=printed_on, layout=chosen.value,
            note=(note or "").strip(),
        )
        stamp_new(ctx, row, center_id=booklet.center_id)
        s.add(row)
        s.flush()
        record_change(ctx, s, "print_run", row, None)
        return _run_view(s, row)


def distribute(
    ctx: Context, print_run_id: str, settlement_id: str | None, copies: int, on: date,
    *, handed_by: str = "staff", people_briefed: int = 0,
) -> DistributionView:
    """Hand out copies of a print run in a village; the total handed out never
    exceeds the copies printed (``booklet.over_distributed``). ``handed_by`` (staff or
    volunteers) and ``people_briefed`` are checked by the campaign service."""
    with ctx.db.session() as s:
        run = get_live(s, PrintRun, print_run_id, ctx)
        booklet = get_live(s, Booklet, run.booklet_id, ctx)
        _owner(ctx, booklet)
        c = Collector()
        if isinstance(copies, bool) or not 1 <= copies <= MAX_COPIES:
            c.add("booklet.copies", COPIES, field="copies", max=MAX_COPIES)
        if on > ctx.today():
            c.add("booklet.date_future", DATE_FUTURE, field="distributed_on")
        if on < run.printed_on:
            c.add("booklet.before_printed", BEFORE_PRINTED, field="distributed_on",
                  printed=run.printed_on.strftime("%d.%m.%Y"))
        if settlement_id:
            c.attempt(partial(get_live, s, Settlement, settlement_id))
        c.raise_if_any()
        row = Distribution(
            print_run_id=run.id, settlement_id=settlement_id or None, copies=copies,
            distributed_on=on, handed_by=handed_by, people_briefed=people_briefed,
        )
        stamp_new(ctx, row, center_id=run.center_id)
        s.add(row)
        # Written first, then summed in the same transaction: two hand-outs saved
        # at once cannot together pass the print run.
        s.flush()
        total = _distributed(s, run.id)
        if total > run.copies:
            before = total - copies
            raise ValidationErrors(
                [
                    ValidationError(
                        "booklet.over_distributed", OVER_DISTRIBUTED, field="copies",
                        printed=run.copies, distributed=before, left=run.copies - before,
                    )
                ]
            )
        record_change(ctx, s, "distribution", row, None)
        return _dist_view(s, row)


def remove_distribution(ctx: Context, distribution_id: str) -> None:
    """Undo a hand-out entered by mistake."""
    with ctx.db.session() as s:
        row = get_live(s, Distribution, distribution_id, ctx)
        run = get_live(s, PrintRun, row.print_run_id, ctx)
        _owner(ctx, get_live(s, Booklet, run.booklet_id, ctx))
        soft_delete(ctx, s, row, "distribution")


def distribution_summary(ctx: Context, booklet_id: str) -> DistributionSummary:
    """Copies printed, handed out and left, and copies by village (grouped in SQL)."""
    with ctx.db.session() as s:
        booklet = get_live(s, Booklet, booklet_id, ctx)
        printed = int(
            s.scalar(
                select(func.coalesce(func.sum(PrintRun.copies), 0)).where(
                    PrintRun.booklet_id == booklet.id, PrintRun.deleted.is_(False)
                )
            )
            or 0
        )
        copies = func.sum(Distribution.copies)
        rows = s.execute(
            select(Distribution.settlement_id, Settlement.name_kk, Settlement.name_ru, copies)
            .join(PrintRun, PrintRun.id == Distribution.print_run_id)
            .outerjoin(Settlement, Settlement.id == Distribution.settlement_id)
            .where(
                PrintRun.booklet_id == booklet.id, PrintRun.deleted.is_(False),
                Distribution.deleted.is_(False),
            )
            .group_by(Distribution.settlement_id, Settlement.name_kk, Settlement.name_ru)
            .order_by(copies.desc(), Settlement.sort_name)
        ).all()
        by_settlement = [SettlementCopies(r[0], r[1], r[2], int(r[3])) for r in rows]
        given = sum(r.copies for r in by_settlement)
        return DistributionSummary(printed, given, printed - given, by_settlement)

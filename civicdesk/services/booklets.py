"""Information booklets in Kazakh and Russian: content, print runs, distribution.

Content is kept as JSON in the format of the shipped templates
(civicdesk/resources/templates/_schema.md), so a booklet made from a template prints the same
way as the template itself. Rendering is not done here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, or_, select

from civicdesk.db.models import Booklet, Distribution, PrintRun
from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import ValidationError, ValidationErrors
from civicdesk.domain.ids import new_id
from civicdesk.domain.text import normalize_kk
from civicdesk.printing.templates import edition_for
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
from civicdesk.services.booklet_common import (
    BLOCK_TYPES,
    COPIES,
    HAS_PRINT_RUNS,
    MAX_COPIES,
    MAX_FILL_LINES,
    BookletFilters,
    BookletInput,
    BookletRow,
    BookletView,
    DistributionSummary,
    DistributionView,
    PrintRunView,
    SettlementCopies,
    TemplateRow,
    _apply,
    _owner,
    _runs,
    _view,
    list_templates,
    template_content,
)
from civicdesk.services.booklet_runs import (
    distribute,
    distribution_summary,
    record_print_run,
    remove_distribution,
)
from civicdesk.services.permissions import authorize

__all__ = [
    "BLOCK_TYPES",
    "COPIES",
    "MAX_COPIES",
    "MAX_FILL_LINES",
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

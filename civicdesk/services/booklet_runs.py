"""Booklets: print runs and their distribution to settlements. Re-exported by
:mod:`civicdesk.services.booklets`.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from sqlalchemy import func, select

from civicdesk.db.models import Booklet, Distribution, PrintRun, Settlement
from civicdesk.domain.enums import BookletLayout
from civicdesk.domain.errors import ValidationError, ValidationErrors
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    get_live,
    record_change,
    soft_delete,
    stamp_new,
)
from civicdesk.services.booklet_common import (
    BAD_LAYOUT,
    BEFORE_PRINTED,
    COPIES,
    DATE_FUTURE,
    MAX_COPIES,
    OVER_DISTRIBUTED,
    DistributionSummary,
    DistributionView,
    PrintRunView,
    SettlementCopies,
    _dist_view,
    _distributed,
    _owner,
    _run_view,
)

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

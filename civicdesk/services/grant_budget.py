"""An application's budget: lines replaced as a whole while the application is a draft."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from civicdesk.db.models import (
    BudgetLine as BudgetLineRow,
)
from civicdesk.db.models import (
    GrantApplication,
    GrantCall,
)
from civicdesk.domain.errors import UserError, ValidationError, ValidationErrors
from civicdesk.domain.grants import (
    BudgetLine,
    budget_totals,
    check_budget,
    validate_budget_line,
)
from civicdesk.domain.validation import field_errors
from civicdesk.services.base import (
    Context,
    audit,
    get_live,
    stamp_new,
    stamp_update,
)
from civicdesk.services.grant_applications import (
    _draft,
    _line_view,
    _live_lines,
)
from civicdesk.services.grant_types import (
    BudgetLineInput,
    BudgetResult,
)

# --------------------------------------------------------------------------- budget


def replace_budget(ctx: Context, app_id: str, lines: Sequence[BudgetLineInput]) -> BudgetResult:
    """Replace the budget of a draft; every line is checked (errors name the line as
    ``lines.<n>.<field>``, n from 1). Warnings (admin share, over the pool) do not stop
    saving a draft."""
    with ctx.db.session() as s:
        row = get_live(s, GrantApplication, app_id, ctx)
        _draft(row)
        call = get_live(s, GrantCall, row.call_id, ctx)
        clean: list[BudgetLine] = []
        errors: list[UserError] = []
        for n, line in enumerate(lines, start=1):
            try:
                clean.append(
                    validate_budget_line(
                        line.category, line.item, line.unit, line.qty, line.unit_cost,
                        line.cofinancing,
                    )
                )
            except UserError as e:
                errors.extend(
                    ValidationError(err.code, err.message, field=f"lines.{n}.{err.field or ''}",
                                    **err.params)
                    for err in field_errors(e)
                )
        if errors:
            raise ValidationErrors(errors)
        before = [_line_view(b).__dict__ for b in _live_lines(row)]
        existing = _live_lines(row)
        views: list[BudgetLineRow] = []
        for pos, ok in enumerate(clean, start=1):
            if pos <= len(existing):
                b = existing[pos - 1]
                old = (b.category, b.item, b.unit, b.qty, b.unit_cost, b.cofinancing, b.position)
            else:
                b = BudgetLineRow(application_id=row.id)
                stamp_new(ctx, b, center_id=row.center_id)
                row.budget_lines.append(b)
                old = None
            new = (ok.category.value, ok.item, ok.unit, ok.qty, ok.unit_cost, ok.cofinancing, pos)
            if old != new:
                (b.category, b.item, b.unit, b.qty, b.unit_cost, b.cofinancing,
                 b.position) = new
                if old is not None:
                    stamp_update(ctx, b)
            views.append(b)
        for b in existing[len(clean):]:
            b.deleted = True
            stamp_update(ctx, b)
        stamp_update(ctx, row)
        s.flush()
        after = [_line_view(b).__dict__ for b in views]
        audit(ctx, s, "budget", "grant_application", row.id,
              {"lines": _jsonable(before)}, {"lines": _jsonable(after)})
        return BudgetResult(
            lines=[_line_view(b) for b in views],
            totals=budget_totals(clean),
            warnings=check_budget(clean, requested_ceiling=call.pool),
        )


def _jsonable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {k: (str(v) if isinstance(v, Decimal) else v) for k, v in r.items()} for r in rows
    ]



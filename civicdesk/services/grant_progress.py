"""A funded project's progress: its indicators (baseline, target, actual) and its interim and
final reports."""

from __future__ import annotations

from civicdesk.db.models import (
    GrantApplication,
    GrantIndicator,
    GrantReport,
)
from civicdesk.domain.enums import ApplicationStatus
from civicdesk.domain.text import normalize_kk
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    get_live,
    record_change,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)
from civicdesk.services.grant_types import (
    _FROZEN,
    _S,
    DATE_FUTURE,
    INDICATOR_NAME,
    REPORT_KIND,
    REPORT_KINDS,
    REPORT_STATUS,
    RESULTS_FROZEN,
    SPENT_NEGATIVE,
    IndicatorInput,
    IndicatorView,
    ReportInput,
    ReportView,
    _fail,
)

# --------------------------------------------------------------------------- results


def _results_open(a: GrantApplication) -> None:
    if ApplicationStatus(a.status) in _FROZEN:
        _fail("grant.results_frozen", RESULTS_FROZEN, field="status")


def _apply_indicator(row: GrantIndicator, data: IndicatorInput) -> None:
    name = normalize_kk(data.name or "")
    if not name:
        _fail("grant.indicator_name", INDICATOR_NAME, field="name")
    row.name = name
    row.unit = normalize_kk(data.unit or "")
    row.baseline, row.target, row.actual = data.baseline, data.target, data.actual


def _indicator_view(i: GrantIndicator) -> IndicatorView:
    return IndicatorView(i.id, i.name, i.unit, i.baseline, i.target, i.actual)


def add_indicator(ctx: Context, app_id: str, data: IndicatorInput) -> IndicatorView:
    """An indicator with its baseline, target and (later) actual value."""
    with ctx.db.session() as s:
        app = get_live(s, GrantApplication, app_id, ctx)
        _results_open(app)
        row = GrantIndicator(application_id=app.id)
        _apply_indicator(row, data)
        stamp_new(ctx, row, center_id=app.center_id)
        s.add(row)
        s.flush()
        record_change(ctx, s, "grant_indicator", row, None)
        return _indicator_view(row)


def update_indicator(ctx: Context, indicator_id: str, data: IndicatorInput) -> IndicatorView:
    with ctx.db.session() as s:
        row = get_live(s, GrantIndicator, indicator_id, ctx)
        _results_open(get_live(s, GrantApplication, row.application_id, ctx))
        before = snapshot(row)
        _apply_indicator(row, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "grant_indicator", row, before)
        return _indicator_view(row)


def delete_indicator(ctx: Context, indicator_id: str) -> None:
    with ctx.db.session() as s:
        row = get_live(s, GrantIndicator, indicator_id, ctx)
        _results_open(get_live(s, GrantApplication, row.application_id, ctx))
        soft_delete(ctx, s, row, "grant_indicator")


def add_report(ctx: Context, app_id: str, data: ReportInput) -> ReportView:
    """An interim or final report of a project under way (or returned for changes)."""
    with ctx.db.session() as s:
        app = get_live(s, GrantApplication, app_id, ctx)
        c = Collector()
        if app.status not in (_S.IN_PROGRESS.value, _S.REPORTED.value):
            c.add("grant.report_status", REPORT_STATUS, field="status")
        if data.kind not in REPORT_KINDS:
            c.add("grant.report_kind", REPORT_KIND, field="kind")
        if data.submitted_on > ctx.today():
            c.add("grant.date_future", DATE_FUTURE, field="submitted_on")
        if data.spent_amount is not None and data.spent_amount < 0:
            c.add("grant.spent_negative", SPENT_NEGATIVE, field="spent_amount")
        c.raise_if_any()
        row = GrantReport(
            application_id=app.id, kind=data.kind, submitted_on=data.submitted_on,
            narrative=(data.narrative or "").strip(), spent_amount=data.spent_amount,
        )
        stamp_new(ctx, row, center_id=app.center_id)
        s.add(row)
        s.flush()
        record_change(ctx, s, "grant_report", row, None)
        return ReportView(row.id, row.kind, row.submitted_on, row.narrative, row.spent_amount)

"""Statistics for a period, for a center and (at head office) per center and per region.

Every number is a SQL aggregate (``COUNT``/``SUM`` with ``GROUP BY``) over live rows the
actor may see: a center sees its own rows, head office sees every center's (and may
narrow the report to one center). The result is a tree of frozen dataclasses; the
quarterly report PDF, the XLSX export and the Reports page all read the same tree.

What counts where:

* consultations: ``occurred_at`` within the period; sex and age group are those of
  the resident (a consultation without a resident counts as "not stated"); a
  follow-up is overdue when the consultation is not closed and its follow-up date is
  before the report date (``ctx.today()``);
* meetings: ``held_on`` within the period; quorum by the center rule the meeting
  recorded, else by the rule version in force on its date
  (``domain.quorum_settings.meeting_rule``), evaluated in SQL; decisions taken are
  agenda items with the outcome "adopted";
* grants: calls whose application window overlaps the period or that made an award in
  it; pool, awarded and left are the call's state on the report date (awards of every
  center, as ``grants.list_calls`` shows them); applications by status and
  beneficiaries (of funded applications) are the actor's;
* seminars: ``held_on`` within the period; booklets: print runs printed and copies
  handed out within the period.

``drill`` returns the consultations behind a number of the consultation tables.

The sections live in modules of their own (``report_consultations``,
``report_activities``, ``report_seminars``, ``report_units``; the types in
``report_types``); ``build_report`` puts them together.
"""

from __future__ import annotations

from sqlalchemy import select

from civicdesk.db.models import Center
from civicdesk.domain.enums import Role
from civicdesk.domain.periods import Period
from civicdesk.services.base import (
    Context,
    require_role,
)
from civicdesk.services.report_activities import (
    _booklet_stats,
    _grant_stats,
    _meeting_stats,
    quorum_clause,
)
from civicdesk.services.report_consultations import (
    _center_scope,
    _consultation_stats,
    consultation_stats,
    drill,
    drill_ids,
)
from civicdesk.services.report_seminars import _seminar_stats
from civicdesk.services.report_types import (
    _UNKNOWN_CENTER,
    DIMENSIONS,
    FUNDED_STATUSES,
    NOT_STATED,
    BookletStats,
    CallStats,
    ConsultationStats,
    Count,
    Dimension,
    GrantStats,
    MeetingStats,
    Report,
    SeminarRow,
    SeminarStats,
    UnitRow,
    percent,
)
from civicdesk.services.report_units import _units

__all__ = [
    "DIMENSIONS",
    "FUNDED_STATUSES",
    "NOT_STATED",
    "BookletStats",
    "CallStats",
    "ConsultationStats",
    "Count",
    "Dimension",
    "GrantStats",
    "MeetingStats",
    "Report",
    "SeminarRow",
    "SeminarStats",
    "UnitRow",
    "build_report",
    "consultation_stats",
    "drill",
    "drill_ids",
    "percent",
    "quorum_clause",
]


def build_report(ctx: Context, period: Period, *, center_id: str | None = None) -> Report:
    """Every statistic of the period for the actor's center, or at head office for
    every center (``center_id`` narrows it to one) with per-center and per-region rows."""
    require_role(ctx.actor, Role.CONSULTANT, Role.MANAGER, Role.HEAD_OFFICE)
    center = _center_scope(ctx, center_id)
    today = ctx.today()
    with ctx.db.session() as s:
        name_center = center if center is not None else ctx.actor.center_id
        names = s.execute(
            select(Center.name_kk, Center.name_ru).where(Center.id == name_center)
        ).first()
        if center is None:
            kk = "Барлық орталықтар"
            ru = "Все центры"
            if names is not None:
                kk, ru = f"{names[0]}: {kk.lower()}", f"{names[1]}: {ru.lower()}"
        elif names is not None:
            kk, ru = str(names[0]), str(names[1])
        else:
            kk, ru = _UNKNOWN_CENTER.kk, _UNKNOWN_CENTER.ru
        units: tuple[list[UnitRow], list[UnitRow]] = ([], [])
        if ctx.actor.is_head_office and center is None:
            units = _units(s, period, today)
        return Report(
            period=period,
            generated_on=today,
            center_id=center,
            center_kk=kk,
            center_ru=ru,
            head_office=ctx.actor.is_head_office,
            consultations=_consultation_stats(s, period, center, today),
            meetings=_meeting_stats(s, period, center),
            grants=_grant_stats(s, period, center),
            seminars=_seminar_stats(s, period, center),
            booklets=_booklet_stats(s, period, center),
            centers=units[0],
            regions=units[1],
        )



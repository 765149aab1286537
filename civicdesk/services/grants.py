"""The small-grants competition: calls, applications, budgets, reviews, awards, results.

Calls belong to head office (a manager may run one too). Applications are made at a
center or at head office; their status moves only through :func:`transition`, which
follows the domain's status machine. Awards of a call never exceed its pool: the
award is written first and the sum of the other awards is read in the same
transaction, so two awards saved at once cannot both slip under the ceiling.

The parts live in their own modules by what they do: the types and messages
(:mod:`grant_types`), calls (:mod:`grant_calls`), the application form
(:mod:`grant_applications`), the budget (:mod:`grant_budget`), review and award
(:mod:`grant_review`) and a funded project's progress (:mod:`grant_progress`); this module
gathers them under one name.
"""

from __future__ import annotations

from civicdesk.services.grant_applications import (
    check_call_open,
    create_application,
    delete_application,
    get_application,
    list_applications,
    update_application,
)
from civicdesk.services.grant_budget import replace_budget
from civicdesk.services.grant_calls import (
    create_call,
    get_call,
    list_calls,
    pool_usage,
    update_call,
)
from civicdesk.services.grant_progress import (
    add_indicator,
    add_report,
    delete_indicator,
    update_indicator,
)
from civicdesk.services.grant_review import (
    add_review,
    award,
    transition,
)
from civicdesk.services.grant_types import (
    CALL_STATUSES,
    REPORT_KINDS,
    ApplicationFilters,
    ApplicationInput,
    ApplicationRow,
    ApplicationView,
    BudgetLineInput,
    BudgetLineView,
    BudgetResult,
    CallFilters,
    GrantCallInput,
    GrantCallRow,
    GrantCallView,
    IndicatorInput,
    IndicatorView,
    PoolUsage,
    ReportInput,
    ReportView,
    ReviewView,
)

__all__ = [
    "CALL_STATUSES",
    "REPORT_KINDS",
    "ApplicationFilters",
    "ApplicationInput",
    "ApplicationRow",
    "ApplicationView",
    "BudgetLineInput",
    "BudgetLineView",
    "BudgetResult",
    "CallFilters",
    "GrantCallInput",
    "GrantCallRow",
    "GrantCallView",
    "IndicatorInput",
    "IndicatorView",
    "PoolUsage",
    "ReportInput",
    "ReportView",
    "ReviewView",
    "add_indicator",
    "add_report",
    "add_review",
    "award",
    "check_call_open",
    "create_application",
    "create_call",
    "delete_application",
    "delete_indicator",
    "get_application",
    "get_call",
    "list_applications",
    "list_calls",
    "pool_usage",
    "replace_budget",
    "transition",
    "update_application",
    "update_call",
    "update_indicator",
]

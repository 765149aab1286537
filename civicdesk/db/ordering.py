"""A join whose left side SQLite must take as the outer loop.

Sorting the journal by a resident's, consultant's or settlement's name is fast only if
SQLite walks that table's name index and looks consultations up by their foreign key;
left to itself the planner scans consultations and sorts them all. SQLite always keeps
the left table of a CROSS JOIN outer, so ``ordered_join`` renders as one. The join
condition goes in the WHERE clause.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.selectable import FromClause, Join


class OrderedJoin(Join):
    inherit_cache = True


@compiles(OrderedJoin, "sqlite")
def _compile_sqlite(element: OrderedJoin, compiler: Any, **kw: Any) -> str:
    kw["asfrom"] = True
    left = compiler.process(element.left, **kw)
    right = compiler.process(element.right, **kw)
    return f"{left} CROSS JOIN {right}"


@compiles(OrderedJoin)
def _compile_default(element: OrderedJoin, compiler: Any, **kw: Any) -> str:
    kw["asfrom"] = True
    left = compiler.process(element.left, **kw)
    right = compiler.process(element.right, **kw)
    return f"{left} JOIN {right} ON 1 = 1"


def ordered_join(left: FromClause, right: FromClause) -> OrderedJoin:
    return OrderedJoin(left, right, onclause=true())

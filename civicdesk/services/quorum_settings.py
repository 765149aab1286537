"""The center's quorum and decision thresholds (a manager's setting).

Stored in this installation's settings (``app_settings``, key ``quorum_rules``) as a
list of rule versions; each becomes a :class:`~civicdesk.domain.meetings.QuorumRule`
next to the defaults. Meetings record the version they were judged by, and a center
version names its figures, so head office judges each center's meetings by that
center's own rule without the setting being synced (``domain.quorum_settings``).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from civicdesk.domain.enums import MeetingKind
from civicdesk.domain.errors import UserError
from civicdesk.domain.meetings import DEFAULT_RULES, QuorumRule, rule_for
from civicdesk.domain.quorum_settings import CenterRule, center_rule, validate_center_rule
from civicdesk.services.base import Context, audit, get_setting, put_setting
from civicdesk.services.permissions import authorize_in

__all__ = [
    "SETTING_KEY",
    "current_rules",
    "load_rules",
    "rules_in",
    "save_center_rule",
]

SETTING_KEY = "quorum_rules"


def _to_json(r: CenterRule) -> dict[str, Any]:
    d = asdict(r)
    d["kind"] = r.kind.value
    d["valid_from"] = r.valid_from.isoformat()
    return d


def _from_json(d: dict[str, Any]) -> CenterRule | None:
    try:
        r = CenterRule(
            kind=MeetingKind(d["kind"]), valid_from=date.fromisoformat(d["valid_from"]),
            quorum_numerator=int(d["quorum_numerator"]),
            quorum_denominator=int(d["quorum_denominator"]), strict=bool(d["strict"]),
            decision_numerator=int(d["decision_numerator"]),
            decision_denominator=int(d["decision_denominator"]),
            decision_strict=bool(d["decision_strict"]),
        )
        validate_center_rule(r)
    except (KeyError, TypeError, ValueError, UserError):
        return None
    return r


def _stored(s: Session) -> list[CenterRule]:
    raw = get_setting(s, SETTING_KEY, [])
    out = [_from_json(d) for d in raw if isinstance(d, dict)] if isinstance(raw, list) else []
    return [r for r in out if r is not None]


def rules_in(s: Session) -> tuple[QuorumRule, ...]:
    """The defaults and this center's versions, inside the caller's transaction."""
    return (*DEFAULT_RULES, *(center_rule(r) for r in _stored(s)))


def load_rules(ctx: Context) -> tuple[QuorumRule, ...]:
    with ctx.db.session() as s:
        return rules_in(s)


def current_rules(ctx: Context, on: date | None = None) -> dict[MeetingKind, QuorumRule]:
    """Each kind's rule in force on ``on`` (today by default), for the settings screen."""
    rules = load_rules(ctx)
    day = on or ctx.today()
    return {kind: rule_for(kind, day, rules) for kind in MeetingKind}


def save_center_rule(ctx: Context, data: CenterRule) -> dict[MeetingKind, QuorumRule]:
    """Add (or, for the same kind and date, replace) a center rule version. Managers
    only (``access.denied``); codes of ``validate_center_rule``. Audited as
    ``quorum_rules``."""
    validate_center_rule(data)
    with ctx.db.session() as s:
        authorize_in(ctx, s, "quorum.settings")
        before = [_to_json(r) for r in _stored(s)]
        kept = [r for r in _stored(s)
                if not (r.kind == data.kind and r.valid_from == data.valid_from)]
        after = sorted([*(_to_json(r) for r in kept), _to_json(data)],
                       key=lambda d: (d["kind"], d["valid_from"]))
        put_setting(s, SETTING_KEY, after)
        audit(ctx, s, "update", "quorum_rules", None, {"rules": before}, {"rules": after})
    return current_rules(ctx, data.valid_from)

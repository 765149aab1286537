"""Meetings: agenda items and their votes (add, change, remove, move, record votes).
Re-exported by :mod:`civicdesk.services.meetings`.
"""

from __future__ import annotations

from civicdesk.db.models import (
    AgendaItem,
)
from civicdesk.domain.enums import VoteOutcome
from civicdesk.domain.errors import ValidationError, ValidationErrors
from civicdesk.domain.meetings import (
    check_quorum,
    vote_outcome,
)
from civicdesk.services.base import (
    Context,
    audit,
    record_change,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)
from civicdesk.services.meeting_common import (
    AGENDA_TITLE,
    BAD_POSITION,
    NO_QUORUM_VOTES,
    PENDING,
    AgendaItemInput,
    AgendaItemView,
    _clean,
    _editable,
    _fail,
    _item,
    _item_view,
    _live_agenda,
    _load,
    _renumber,
    _rule,
    _touch,
)

# --------------------------------------------------------------------------- agenda


def _validate_item(data: AgendaItemInput) -> tuple[str, str, str, str]:
    title = _clean(data.title)
    if not title:
        _fail("meeting.agenda_title", AGENDA_TITLE, field="title")
    return title, data.speakers.strip(), data.proposal.strip(), data.decision.strip()


def add_agenda_item(
    ctx: Context, meeting_id: str, data: AgendaItemInput, position: int | None = None
) -> AgendaItemView:
    """Add an item at ``position`` (1-based; default last); later items move down."""
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _editable(ctx, m)
        title, speakers, proposal, decision = _validate_item(data)
        items = _live_agenda(m)
        pos = len(items) + 1 if position is None else position
        if not 1 <= pos <= len(items) + 1:
            _fail("meeting.agenda_position", BAD_POSITION, field="position", max=len(items) + 1)
        row = AgendaItem(
            meeting_id=m.id, position=pos, title=title, speakers=speakers, proposal=proposal,
            decision=decision, votes_for=0, votes_against=0, votes_abstain=0, outcome=PENDING,
        )
        stamp_new(ctx, row, center_id=m.center_id)
        m.agenda.append(row)
        items.insert(pos - 1, row)
        _renumber(ctx, items)
        row.position = pos
        _touch(ctx, m)
        s.flush()
        record_change(ctx, s, "agenda_item", row, None)
        return _item_view(row)


def update_agenda_item(ctx: Context, item_id: str, data: AgendaItemInput) -> AgendaItemView:
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        title, speakers, proposal, decision = _validate_item(data)
        before = snapshot(row)
        row.title, row.speakers, row.proposal, row.decision = title, speakers, proposal, decision
        stamp_update(ctx, row)
        _touch(ctx, m)
        record_change(ctx, s, "agenda_item", row, before)
        return _item_view(row)


def remove_agenda_item(ctx: Context, item_id: str) -> None:
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        soft_delete(ctx, s, row, "agenda_item")
        _renumber(ctx, _live_agenda(m))
        _touch(ctx, m)


def move_agenda_item(ctx: Context, item_id: str, position: int) -> list[AgendaItemView]:
    """Move an item to ``position`` (1-based); returns the agenda in its new order."""
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        items = _live_agenda(m)
        if not 1 <= position <= len(items):
            _fail("meeting.agenda_position", BAD_POSITION, field="position", max=len(items))
        old = row.position
        items.remove(row)
        items.insert(position - 1, row)
        _renumber(ctx, items)
        if old != position:
            _touch(ctx, m)
            audit(ctx, s, "move", "agenda_item", row.id, {"position": old}, {"position": position})
        return [_item_view(i) for i in items]


def record_votes(
    ctx: Context,
    item_id: str,
    votes_for: int,
    votes_against: int,
    votes_abstain: int,
    decision: str | None = None,
) -> AgendaItemView:
    """Record the count of one vote; the outcome follows the rule in force on the
    meeting date (stored in ``meeting.quorum_rule_version``)."""
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        rule = _rule(m)
        try:
            quorum = check_quorum(m.members_eligible, m.members_present, rule)
            outcome = vote_outcome(
                votes_for, votes_against, votes_abstain, m.members_present, quorum.reached, rule
            )
        except ValidationError as e:
            raise ValidationErrors([e]) from None
        if not quorum.reached:
            raise ValidationErrors([ValidationError(
                "meeting.no_quorum_votes", NO_QUORUM_VOTES, field="votes_for",
                present=quorum.present, needed=quorum.needed,
            )])
        before = snapshot(row)
        row.votes_for, row.votes_against, row.votes_abstain = (
            votes_for, votes_against, votes_abstain,
        )
        row.outcome = outcome.value
        if decision is not None:
            row.decision = decision.strip()
        stamp_update(ctx, row)
        if m.quorum_rule_version != rule.version:
            m.quorum_rule_version = rule.version
        _touch(ctx, m)
        record_change(ctx, s, "agenda_item", row, before)
        return _item_view(row)


def mark_not_voted(ctx: Context, item_id: str) -> AgendaItemView:
    """Record that an item was heard without a vote (e.g. for information)."""
    with ctx.db.session() as s:
        row, m = _item(s, ctx, item_id)
        _editable(ctx, m)
        before = snapshot(row)
        row.votes_for = row.votes_against = row.votes_abstain = 0
        row.outcome = VoteOutcome.NOT_VOTED.value
        stamp_update(ctx, row)
        _touch(ctx, m)
        record_change(ctx, s, "agenda_item", row, before)
        return _item_view(row)

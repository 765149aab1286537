"""Meetings: finalizing, the steps towards the akim (sent, answered) and what the
minutes print. Re-exported by :mod:`civicdesk.services.meetings`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from civicdesk.db.models import (
    Center,
    Meeting,
)
from civicdesk.domain.enums import MeetingKind, MeetingStatus, VoteOutcome
from civicdesk.domain.errors import ValidationError, ValidationErrors
from civicdesk.domain.meetings import (
    MEETING_STATUS_NAMES,
    check_quorum,
    meeting_transition,
)
from civicdesk.domain.validation import Collector
from civicdesk.services.base import (
    Context,
    record_change,
    snapshot,
    stamp_update,
)
from civicdesk.services.meeting_common import (
    AGENDA_EMPTY,
    CHAIR_REQUIRED,
    COUNTED_ROLES,
    DATE_FUTURE,
    KIND_NAMES,
    LOCKED,
    MEETING_FUTURE,
    NO_QUORUM_CONFIRM,
    PENDING,
    RESPONSE_BEFORE_SENT,
    RESPONSE_REQUIRED,
    SECRETARY_REQUIRED,
    SENT_BEFORE_MEETING,
    VOTE_PENDING,
    MeetingView,
    MinutesData,
    _fail,
    _live_agenda,
    _load,
    _owner,
    _quorum,
    _rule,
    _view,
)

# --------------------------------------------------------------------------- status


def _change_status(ctx: Context, m: Meeting, target: MeetingStatus) -> dict[str, Any]:
    _owner(ctx, m)
    try:
        meeting_transition(MeetingStatus(m.status), target)
    except ValidationError as e:
        raise ValidationErrors([e]) from None
    before = snapshot(m)
    m.status = target.value
    return before


def finalize(ctx: Context, meeting_id: str, *, confirm_no_quorum: bool = False) -> MeetingView:
    """Check the minutes are complete and lock them.

    Needs chair and secretary, at least one agenda item, every item voted or marked
    not voted, consistent counts, and a meeting date not in the future.

    Without a quorum nothing can have been decided: the first call is refused with
    ``meeting.no_quorum_confirm`` (the question to ask); called again with
    ``confirm_no_quorum`` the meeting is recorded as not competent, every item as
    "no quorum" with its votes and decision cleared.
    """
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _owner(ctx, m)
        if m.status != MeetingStatus.DRAFT.value:
            _fail("meeting.locked", LOCKED)
        c = Collector()
        if not m.chair_name.strip():
            c.add("meeting.chair_required", CHAIR_REQUIRED, field="chair_name")
        if not m.secretary_name.strip():
            c.add("meeting.secretary_required", SECRETARY_REQUIRED, field="secretary_name")
        items = _live_agenda(m)
        if not items:
            c.add("meeting.agenda_empty", AGENDA_EMPTY, field="agenda")
        rule = _rule(m)
        quorum = _quorum(m)
        no_quorum = quorum is not None and not quorum.reached
        for item in items:
            if item.outcome == PENDING and not no_quorum:
                c.add("meeting.vote_pending", VOTE_PENDING, field="agenda", n=item.position)
        if m.held_on > ctx.today():
            c.add(
                "meeting.future", MEETING_FUTURE, field="held_on",
                date=m.held_on.strftime("%d.%m.%Y"),
            )
        c.attempt(lambda: check_quorum(m.members_eligible, m.members_present, rule))
        c.raise_if_any()
        if no_quorum and quorum is not None:
            if not confirm_no_quorum:
                _fail("meeting.no_quorum_confirm", NO_QUORUM_CONFIRM, field="present",
                      present=quorum.present, needed=quorum.needed)
            for item in items:
                item_before = snapshot(item)
                item.votes_for = item.votes_against = item.votes_abstain = 0
                item.outcome = VoteOutcome.NO_QUORUM.value
                item.decision = ""
                stamp_update(ctx, item)
                record_change(ctx, s, "agenda_item", item, item_before)
        before = _change_status(ctx, m, MeetingStatus.FINALIZED)
        m.not_competent = no_quorum
        m.finalized_at = ctx.now()
        m.quorum_rule_version = rule.version
        stamp_update(ctx, m)
        record_change(ctx, s, "meeting", m, before)
        return _view(s, m)


def mark_sent_to_akim(ctx: Context, meeting_id: str, sent_on: date) -> MeetingView:
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _owner(ctx, m)
        c = Collector()
        if sent_on < m.held_on:
            c.add("meeting.sent_before_meeting", SENT_BEFORE_MEETING, field="sent_on")
        if sent_on > ctx.today():
            c.add("meeting.date_future", DATE_FUTURE, field="sent_on")
        c.raise_if_any()
        before = _change_status(ctx, m, MeetingStatus.SENT_TO_AKIM)
        m.sent_to_akim_on = sent_on
        stamp_update(ctx, m)
        record_change(ctx, s, "meeting", m, before)
        return _view(s, m)


def record_akim_response(ctx: Context, meeting_id: str, on: date, text: str) -> MeetingView:
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        _owner(ctx, m)
        body = (text or "").strip()
        c = Collector()
        if not body:
            c.add("meeting.response_required", RESPONSE_REQUIRED, field="akim_response")
        if m.sent_to_akim_on is not None and on < m.sent_to_akim_on:
            c.add("meeting.response_before_sent", RESPONSE_BEFORE_SENT, field="akim_response_on")
        if on > ctx.today():
            c.add("meeting.date_future", DATE_FUTURE, field="akim_response_on")
        c.raise_if_any()
        before = _change_status(ctx, m, MeetingStatus.AKIM_RESPONDED)
        m.akim_response_on = on
        m.akim_response = body
        stamp_update(ctx, m)
        record_change(ctx, s, "meeting", m, before)
        return _view(s, m)


# --------------------------------------------------------------------------- printing


def minutes_data(ctx: Context, meeting_id: str) -> MinutesData:
    """What the minutes (хаттама / протокол) print, with the rule's legal source."""
    with ctx.db.session() as s:
        m = _load(s, ctx, meeting_id)
        view = _view(s, m)
        center = s.get(Center, m.center_id)
        kind = MeetingKind(m.kind)
        rule = _rule(m)
        attendees = view.attendees
        return MinutesData(
            meeting=view,
            center_name_kk=center.name_kk if center else "",
            center_name_ru=center.name_ru if center else "",
            kind_kk=KIND_NAMES[kind].kk,
            kind_ru=KIND_NAMES[kind].ru,
            status_kk=MEETING_STATUS_NAMES[view.status].kk,
            status_ru=MEETING_STATUS_NAMES[view.status].ru,
            rule_version=m.quorum_rule_version or rule.version,
            rule_source_kk=rule.legal_source.kk,
            rule_source_ru=rule.legal_source.ru,
            quorum=view.quorum,
            present=[a for a in attendees if a.present and a.role in COUNTED_ROLES],
            absent=[a for a in attendees if not a.present and a.role in COUNTED_ROLES],
            guests=[a for a in attendees if a.role not in COUNTED_ROLES],
            elected_representatives=[a for a in attendees if a.elected_representative],
            agenda=view.agenda,
            chair_name=m.chair_name,
            secretary_name=m.secretary_name,
        )

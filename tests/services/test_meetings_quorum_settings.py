"""The center's quorum setting: who may change it, what it refuses, the audit row,
and meetings judged before and after it (here, in the minutes data and in reports,
at the center and at head office)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, select

from civicdesk.db.models import AuditEntry, Setting
from civicdesk.domain.enums import MeetingKind, Role
from civicdesk.domain.errors import UserError
from civicdesk.domain.periods import parse_period
from civicdesk.domain.quorum_settings import CenterRule
from civicdesk.domain.validation import field_errors
from civicdesk.services import meetings as svc
from civicdesk.services.base import Actor, Context
from civicdesk.services.meetings import MeetingInput
from civicdesk.services.quorum_settings import (
    SETTING_KEY,
    current_rules,
    load_rules,
    save_center_rule,
)
from civicdesk.services.reports import build_report

CHANGE = date(2026, 6, 1)
TWO_THIRDS = CenterRule(MeetingKind.MEETING, CHANGE, 2, 3, False, 2, 3, False)


def meeting(ctx: Context, held: date, present: int = 6) -> svc.MeetingView:
    return svc.create_meeting(ctx, MeetingInput(
        kind=MeetingKind.MEETING, held_on=held, number="1", starts_at="10:00",
        ends_at="11:00", place="Клуб", convened_by="Әкім", chair_name="Серік",
        secretary_name="Айгүл", members_eligible=10, members_present=present,
    ))


def test_a_manager_sets_the_rule_and_it_is_audited(ctx: Context) -> None:
    now = save_center_rule(ctx, TWO_THIRDS)
    assert now[MeetingKind.MEETING].version == "center-2026-06-01-q2/3-d2/3"
    assert now[MeetingKind.GATHERING].version == "2017-295"
    assert current_rules(ctx, date(2026, 5, 31))[MeetingKind.MEETING].version == "2017-295"
    with ctx.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "quorum_rules")).one()
        after: Any = entry.after
        assert entry.user_id == ctx.actor.user_id and entry.action == "update"
        assert entry.before == {"rules": []}
        assert after["rules"][0]["valid_from"] == "2026-06-01"
        assert after["rules"][0]["quorum_numerator"] == 2
    # the same kind and date again replaces the version, another date adds one
    save_center_rule(ctx, CenterRule(MeetingKind.MEETING, CHANGE, 1, 2, True, 1, 2, True))
    save_center_rule(ctx, CenterRule(MeetingKind.MEETING, date(2027, 1, 1), 3, 4, False,
                                     1, 2, True))
    versions = [r.version for r in load_rules(ctx) if r.version.startswith("center-")]
    assert versions == ["center-2026-06-01-q1/2s-d1/2s", "center-2027-01-01-q3/4-d1/2s"]


def test_bad_figures_are_refused_with_messages_and_nothing_is_stored(ctx: Context) -> None:
    bad = CenterRule(MeetingKind.MEETING, date(2016, 1, 1), 3, 2, False, 1, 0, True)
    with pytest.raises(UserError) as exc:
        save_center_rule(ctx, bad)
    errors = field_errors(exc.value)
    assert [e.code for e in errors] == ["quorum.valid_from", "quorum.numerator",
                                        "quorum.denominator"]
    assert "07.08.2017" in errors[0].text("ru")
    assert errors[1].text("ru") == "Числитель должен быть от 0 до знаменателя (2)."
    assert errors[1].text("kk") == "Алым 0-ден бөлгішке (2) дейін болуы керек."
    with ctx.db.session() as s:
        assert s.get(Setting, SETTING_KEY) is None


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.HEAD_OFFICE])
def test_only_a_manager_may_change_it(ctx: Context, role: Role) -> None:
    other = ctx.with_actor(Actor(None, "Басқа", role, ctx.actor.center_id))
    with pytest.raises(UserError) as exc:
        save_center_rule(other, TWO_THIRDS)
    assert exc.value.code == "access.denied"
    with ctx.db.session() as s:
        assert s.get(Setting, SETTING_KEY) is None
        assert s.scalars(select(AuditEntry).where(AuditEntry.entity == "quorum_rules")).first() is None


def test_meetings_before_and_after_the_change(ctx: Context) -> None:
    early = meeting(ctx, date(2026, 5, 20))
    save_center_rule(ctx, TWO_THIRDS)
    late = meeting(ctx, date(2026, 6, 10))
    # 6 of 10: more than half before, short of 2/3 (7) after
    assert early.quorum_rule_version == "2017-295"
    assert svc.quorum_status(ctx, early.id).reached
    assert late.quorum_rule_version == "center-2026-06-01-q2/3-d2/3"
    q = svc.quorum_status(ctx, late.id)
    assert (q.reached, q.needed) == (False, 7)
    data = svc.minutes_data(ctx, late.id)
    assert data.rule_version == "center-2026-06-01-q2/3-d2/3"
    assert data.rule_source_ru.startswith("Настройка центра, действует с 01.06.2026")
    assert svc.minutes_data(ctx, early.id).rule_source_ru.startswith("Закон РК")
    report = build_report(ctx, parse_period("2026"))
    assert (report.meetings.held, report.meetings.with_quorum) == (2, 1)


def test_head_office_judges_each_meeting_by_the_rule_it_recorded(ctx: Context) -> None:
    save_center_rule(ctx, TWO_THIRDS)
    meeting(ctx, date(2026, 6, 10), present=6)  # short of 2/3
    meeting(ctx, date(2026, 7, 10), present=7)  # 2/3 reached
    # head office never has a center's local setting: only the meeting rows
    with ctx.db.session() as s:
        s.execute(delete(Setting).where(Setting.key == SETTING_KEY))
    head = ctx.with_actor(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE, ctx.actor.center_id))
    report = build_report(head, parse_period("2026"))
    assert (report.meetings.held, report.meetings.with_quorum) == (2, 1)
    by_center = {u.key: u for u in report.centers}
    assert by_center[ctx.actor.center_id].with_quorum == 1

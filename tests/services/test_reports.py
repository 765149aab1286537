"""Report statistics: every number checked against a count made another way.

The statistics are SQL GROUP BY aggregates; here the same figures are counted in
Python over rows fetched plainly (``SELECT`` of the raw columns, no aggregates), on a
demo database of 2 000 consultations plus rows of another center, deleted rows and
meetings built to sit on the quorum's edges.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from civicdesk.db.models import Meeting
from civicdesk.domain.enums import (
    ConsultationChannel,
    ConsultationStatus,
    MeetingKind,
    Role,
)
from civicdesk.domain.errors import UserError
from civicdesk.domain.meetings import check_quorum, rule_for
from civicdesk.domain.periods import Period, parse_period, quarter_of, range_period
from civicdesk.services import reports
from civicdesk.services.base import Actor, Context, ListQuery, stamp_new
from civicdesk.services.consultations import (
    ConsultationInput,
    create_consultation,
    delete_consultation,
    list_consultations,
)
from civicdesk.services.demo import generate_demo
from civicdesk.services.reports import NOT_STATED, Count, build_report, drill, drill_ids


def _rows(ctx: Context, sql: str, **params: Any) -> list[Any]:
    with ctx.db.session() as s:
        return list(s.execute(text(sql), params).all())


def _ts(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _d(value: Any) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


@pytest.fixture()
def demo(ctx: Context, other_center_ctx: Context) -> Context:
    generate_demo(ctx, consultations=2000, seed=7)
    # another center's work on the same database (as at head office)
    when = ctx.now().replace(microsecond=0) - timedelta(days=3)
    for i in range(5):
        create_consultation(other_center_ctx, ConsultationInput(
            occurred_at=when - timedelta(hours=i), channel=ConsultationChannel.PHONE,
            topic_codes=["grants"], question="Грант туралы сұрақ / Вопрос о гранте",
            consultant_id=ctx.actor.user_id,
            follow_up_on=(when + timedelta(days=1)).date() if i < 2 else None,
            status=ConsultationStatus.FOLLOW_UP if i < 2 else ConsultationStatus.CLOSED,
        ))
    # a deleted consultation counts nowhere
    victim = list_consultations(ctx, ListQuery(limit=1)).rows[0].id
    delete_consultation(ctx, victim)
    # meetings on the quorum's edges (10 members: 5 present is no quorum, 6 is)
    held = ctx.today() - timedelta(days=20)
    with ctx.db.session() as s:
        for kind, eligible, present in [
            (MeetingKind.MEETING, 10, 5), (MeetingKind.MEETING, 10, 6),
            (MeetingKind.GATHERING, 9, 4), (MeetingKind.GATHERING, 9, 5),
            (MeetingKind.SEPARATE_GATHERING, 0, 0), (MeetingKind.SEPARATE_GATHERING, 5, 1),
            (MeetingKind.MEETING, 1, 1),
        ]:
            m = Meeting(kind=kind.value, held_on=held, members_eligible=eligible,
                        members_present=present, place="Клуб")
            stamp_new(ctx, m)
            s.add(m)
        other = Meeting(kind=MeetingKind.MEETING.value, held_on=held, members_eligible=7,
                        members_present=7, place="Басқа орталық")
        stamp_new(other_center_ctx, other)
        s.add(other)
    return ctx


def _whole(ctx: Context) -> Period:
    """A range that holds every generated row."""
    return range_period(ctx.today() - timedelta(days=800), ctx.today())


def _periods(ctx: Context) -> list[Period]:
    today = ctx.today()
    return [_whole(ctx), quarter_of(today - timedelta(days=200)), quarter_of(today),
            parse_period(str(today.year - 1))]


def _plain_consultations(ctx: Context, period: Period, center: str | None) -> list[Any]:
    rows = _rows(ctx, """
        SELECT c.id, c.occurred_at, c.topic_code, c.channel, c.settlement_id, c.consultant_id,
               c.status, c.follow_up_on, c.resident_id, c.center_id, c.deleted,
               r.sex, r.age_group
        FROM consultations c LEFT JOIN residents r ON r.id = c.resident_id""")
    out = []
    for r in rows:
        if r.deleted or (center is not None and r.center_id != center):
            continue
        if period.start <= _ts(r.occurred_at).date() <= period.end:
            out.append(r)
    return out


def _as_dict(counts: list[Count]) -> dict[str, int]:
    return {c.key: c.count for c in counts if c.count}


def _counter(values: Any) -> dict[str, int]:
    return {(NOT_STATED if k is None else k): n for k, n in Counter(values).items()}


def test_consultation_figures_match_plain_counts(demo: Context) -> None:
    ctx = demo
    today = ctx.today()
    for period in _periods(ctx):
        r = build_report(ctx, period)
        c = r.consultations
        rows = _plain_consultations(ctx, period, ctx.actor.center_id)
        assert c.total == len(rows)
        assert c.residents == len({x.resident_id for x in rows if x.resident_id})
        overdue = [x for x in rows if x.follow_up_on is not None and x.status != "closed"
                   and _d(x.follow_up_on) < today]  # type: ignore[operator]
        assert c.overdue == len(overdue)
        assert _as_dict(c.by_topic) == _counter(x.topic_code for x in rows)
        assert _as_dict(c.by_channel) == _counter(x.channel for x in rows)
        assert _as_dict(c.by_settlement) == _counter(x.settlement_id for x in rows)
        assert _as_dict(c.by_consultant) == _counter(x.consultant_id for x in rows)
        assert _as_dict(c.by_status) == _counter(x.status for x in rows)
        assert _as_dict(c.by_sex) == _counter(x.sex for x in rows)
        assert _as_dict(c.by_age_group) == _counter(x.age_group for x in rows)
        cross = Counter((x.sex or NOT_STATED, x.age_group or NOT_STATED) for x in rows)
        assert {(s, a): n for s, v in c.sex_age.items() for a, n in v.items()} == dict(cross)
        for breakdown in (c.by_topic, c.by_channel, c.by_settlement, c.by_sex,
                          c.by_age_group, c.by_consultant, c.by_status):
            assert sum(x.count for x in breakdown) == c.total
    whole = build_report(ctx, _whole(ctx)).consultations
    assert whole.total == 1999  # 2 000 generated, one deleted, none of the other center's
    assert len(whole.by_channel) == 4 and len(whole.by_sex) == 2


def test_names_come_with_the_keys(demo: Context) -> None:
    c = build_report(demo, _whole(demo)).consultations
    topics = {r.code: (r.name_kk, r.name_ru) for r in _rows(
        demo, "SELECT code, name_kk, name_ru FROM topics")}
    for t in c.by_topic:
        assert (t.kk, t.ru) == topics[t.key]
    villages = {r.id: (r.name_kk, r.name_ru) for r in _rows(
        demo, "SELECT id, name_kk, name_ru FROM settlements")}
    for v in c.by_settlement:
        assert (v.kk, v.ru) == villages[v.key]
        assert "ауыл" in v.kk and "село" in v.ru
    assert {x.kk for x in c.by_sex} == {"Ер", "Әйел"}
    assert [x.key for x in c.by_channel] == [ch.value for ch in ConsultationChannel]
    # biggest first
    assert [t.count for t in c.by_topic] == sorted((t.count for t in c.by_topic), reverse=True)


def test_meeting_figures_match_the_domain_rules(demo: Context) -> None:
    ctx = demo
    for period in _periods(ctx):
        m = build_report(ctx, period).meetings
        rows = [
            r for r in _rows(ctx, "SELECT id, kind, held_on, members_eligible, members_present,"
                                  " center_id, deleted FROM meetings")
            if not r.deleted and r.center_id == ctx.actor.center_id
            and period.contains(_d(r.held_on))  # type: ignore[arg-type]
        ]
        quorum = [
            r for r in rows
            if check_quorum(r.members_eligible, r.members_present,
                            rule_for(MeetingKind(r.kind), _d(r.held_on))).reached  # type: ignore[arg-type]
        ]
        assert m.held == len(rows)
        assert m.with_quorum == len(quorum)
        assert m.quorum_share == reports.percent(len(quorum), len(rows))
        assert _as_dict(m.by_kind) == dict(Counter(r.kind for r in rows))
        assert m.members_present == sum(r.members_present for r in rows)
        ids = {r.id for r in rows}
        items = [i for i in _rows(ctx, "SELECT meeting_id, outcome, deleted FROM agenda_items")
                 if i.meeting_id in ids and not i.deleted]
        assert m.agenda_items == len(items)
        assert m.decisions == sum(1 for i in items if i.outcome == "adopted")
        assert m.rejected == sum(1 for i in items if i.outcome == "rejected")
    # the edge cases: 10/5 no, 10/6 yes, 9/4 no, 9/5 yes, 0/0 no, 5/1 yes, 1/1 yes
    month = build_report(ctx, range_period(ctx.today() - timedelta(days=20),
                                           ctx.today() - timedelta(days=20))).meetings
    demo_rows = [r for r in _rows(ctx, "SELECT held_on, members_eligible, members_present, kind,"
                                       " center_id FROM meetings")
                 if _d(r.held_on) == ctx.today() - timedelta(days=20)
                 and r.center_id == ctx.actor.center_id]
    extra = len([r for r in demo_rows if check_quorum(
        r.members_eligible, r.members_present, rule_for(MeetingKind(r.kind), _d(r.held_on))  # type: ignore[arg-type]
    ).reached])
    assert month.held == len(demo_rows) >= 7
    assert month.with_quorum == extra >= 4


def test_grant_figures_match_plain_sums(demo: Context) -> None:
    ctx = demo
    period = parse_period("2025Q1")  # the demo call is open Feb 1 - Mar 15, 2025
    g = build_report(ctx, period).grants
    apps = [a for a in _rows(ctx, "SELECT call_id, status, awarded_amount, beneficiaries,"
                                  " deleted FROM grant_applications") if not a.deleted]
    calls = {c.id: c for c in _rows(ctx, "SELECT id, pool FROM grant_calls")}
    assert len(g.calls) == len(calls) == 1
    call = g.calls[0]
    mine = [a for a in apps if a.call_id == call.call_id]
    awarded: Decimal = sum((Decimal(a.awarded_amount or 0) for a in mine), Decimal(0)) / 100
    assert call.pool == Decimal(calls[call.call_id].pool) / 100 == Decimal("1000000")
    assert call.awarded == awarded == Decimal("500000")
    assert call.left == call.pool - awarded
    assert call.applications == len(mine)
    assert _as_dict(call.by_status) == dict(Counter(a.status for a in mine))
    funded = [a for a in mine if a.status in {s.value for s in reports.FUNDED_STATUSES}]
    assert call.funded == len(funded)
    assert call.beneficiaries == sum(a.beneficiaries for a in funded)
    assert (g.pool, g.awarded, g.left) == (call.pool, call.awarded, call.left)
    # a quarter without the call or its awards shows none
    assert build_report(ctx, parse_period("2025Q3")).grants.calls == []


def test_seminar_and_booklet_figures_match_plain_counts(demo: Context) -> None:
    ctx = demo
    for period in [*_periods(ctx), parse_period("2025Q1")]:
        r = build_report(ctx, period)
        sems = {s.id: s for s in _rows(ctx, "SELECT id, held_on, deleted FROM seminars")
                if not s.deleted and period.contains(_d(s.held_on))}  # type: ignore[arg-type]
        parts = [p for p in _rows(ctx, "SELECT seminar_id, attended, pre_score, post_score,"
                                       " deleted FROM seminar_participants")
                 if p.seminar_id in sems and not p.deleted]
        assert r.seminars.seminars == len(sems)
        assert r.seminars.participants == len(parts)
        assert r.seminars.attended == sum(1 for p in parts if p.attended)
        came = [p for p in parts if p.attended and p.post_score is not None]
        if came:
            mean = Decimal(sum(p.post_score for p in came)) / len(came)
            assert r.seminars.avg_post == mean.quantize(Decimal("0.1"))
        assert sum(x.participants for x in r.seminars.rows) == len(parts)
        runs = [x for x in _rows(ctx, "SELECT copies, printed_on, deleted FROM print_runs")
                if not x.deleted and period.contains(_d(x.printed_on))]  # type: ignore[arg-type]
        dists = [x for x in _rows(ctx, "SELECT settlement_id, copies, distributed_on, deleted"
                                       " FROM distributions")
                 if not x.deleted and period.contains(_d(x.distributed_on))]  # type: ignore[arg-type]
        assert r.booklets.print_runs == len(runs)
        assert r.booklets.printed == sum(x.copies for x in runs)
        assert r.booklets.distributed == sum(x.copies for x in dists)
        by_village: Counter[str] = Counter()
        for x in dists:
            by_village[x.settlement_id or NOT_STATED] += x.copies
        assert _as_dict(r.booklets.by_settlement) == dict(by_village)
    q1 = build_report(ctx, parse_period("2025Q1")).booklets
    assert (q1.printed, q1.distributed) == (600, 600)


def test_scope_center_sees_its_own_head_office_sees_all(
    demo: Context, consultant_ctx: Context, other_center_ctx: Context
) -> None:
    period = _whole(demo)
    mine = build_report(demo, period)
    assert build_report(consultant_ctx, period).consultations == mine.consultations
    other = build_report(other_center_ctx, period)
    assert other.consultations.total == 5
    assert other.consultations.overdue == 2
    assert other.meetings.held == 1 and other.meetings.with_quorum == 1
    assert other.centers == [] and other.regions == []
    with pytest.raises(UserError):
        build_report(other_center_ctx, period, center_id=demo.actor.center_id)

    head = demo.with_actor(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE, demo.actor.center_id))
    everything = build_report(head, period)
    plain = _plain_consultations(demo, period, None)
    assert everything.consultations.total == len(plain) == mine.consultations.total + 5
    assert everything.meetings.held == mine.meetings.held + 1
    # per center: each row is that center's own report
    by_center = {u.key: u for u in everything.centers}
    assert by_center[demo.actor.center_id].consultations == mine.consultations.total
    assert by_center[demo.actor.center_id].overdue == mine.consultations.overdue
    assert by_center[demo.actor.center_id].meetings == mine.meetings.held
    assert by_center[demo.actor.center_id].with_quorum == mine.meetings.with_quorum
    assert by_center[demo.actor.center_id].decisions == mine.meetings.decisions
    assert by_center[demo.actor.center_id].participants == mine.seminars.participants
    assert by_center[demo.actor.center_id].distributed == mine.booklets.distributed
    assert by_center["other-center"].consultations == 5
    assert by_center[demo.actor.center_id].kk == "Ақсу ауылының ЖӨБ дамыту орталығы"
    assert sum(u.consultations for u in everything.centers) == everything.consultations.total
    # per region: the center's region (19, Almaty region) and "not stated" for the unknown
    regions = {u.key: u for u in everything.regions}
    assert regions["19"].consultations == mine.consultations.total
    assert regions["19"].ru == "Алматинская область"
    assert regions[NOT_STATED].consultations == 5
    assert sum(u.meetings for u in everything.regions) == everything.meetings.held
    # head office narrowed to one center gets that center's figures
    narrowed = build_report(head, period, center_id="other-center")
    assert narrowed.consultations == other.consultations
    assert narrowed.centers == []


def _check_drill(ctx: Context, period: Period, dimension: str, counts: list[Count],
                 **kw: Any) -> None:
    for cell in counts:
        ids = drill_ids(ctx, period, dimension, cell.key, **kw)
        assert len(ids) == len(set(ids)) == cell.count, (dimension, cell)
        page = drill(ctx, period, dimension, cell.key, ListQuery(limit=50), **kw)
        assert page.total == cell.count, (dimension, cell)
        assert [r.id for r in page.rows] == ids[:50]


def test_drill_down_opens_the_rows_behind_each_number(demo: Context) -> None:
    ctx = demo
    period = quarter_of(ctx.today() - timedelta(days=200))
    c = build_report(ctx, period).consultations
    plain = {r.id: r for r in _plain_consultations(ctx, period, ctx.actor.center_id)}
    assert set(drill_ids(ctx, period, "total")) == set(plain)
    for dimension, counts in [
        ("topic", c.by_topic), ("channel", c.by_channel), ("settlement", c.by_settlement),
        ("sex", c.by_sex), ("age_group", c.by_age_group), ("consultant", c.by_consultant),
        ("status", c.by_status),
    ]:
        _check_drill(ctx, period, dimension, [x for x in counts if x.count])
    for sex, ages in c.sex_age.items():
        for age, n in ages.items():
            assert len(drill_ids(ctx, period, "sex_age", f"{sex}|{age}")) == n
    overdue = drill_ids(ctx, period, "overdue")
    assert len(overdue) == c.overdue
    assert all(plain[i].status != "closed" for i in overdue)
    topic = c.by_topic[0]
    rows = drill(ctx, period, "topic", topic.key, ListQuery(limit=1000)).rows
    assert {r.topic_code for r in rows} == {topic.key}
    assert all(period.contains(r.occurred_at.date()) for r in rows)
    female = drill(ctx, period, "sex", "f", ListQuery(limit=1000)).rows
    assert all(plain[r.id].sex == "f" for r in female)
    with pytest.raises(UserError):
        drill(ctx, period, "centre", "x")
    with pytest.raises(UserError):  # a center cannot drill into centers
        drill_ids(ctx, period, "center", ctx.actor.center_id)


def test_drill_down_at_head_office(demo: Context) -> None:
    period = _whole(demo)
    head = demo.with_actor(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE, demo.actor.center_id))
    r = build_report(head, period)
    for unit in r.centers:
        assert len(drill_ids(head, period, "center", unit.key)) == unit.consultations
    for unit in r.regions:
        page = drill(head, period, "region", unit.key, ListQuery(limit=10))
        assert page.total == unit.consultations
    # narrowed to another center, a topic cell opens only that center's rows
    narrowed = build_report(head, period, center_id="other-center")
    _check_drill(head, period, "topic", narrowed.consultations.by_topic,
                 center_id="other-center")
    _check_drill(head, period, "channel", narrowed.consultations.by_channel[1:2],
                 center_id="other-center")


def test_empty_period(ctx: Context) -> None:
    r = build_report(ctx, parse_period("2001Q1"))
    assert r.consultations.total == 0
    assert r.meetings.quorum_share is None
    assert r.seminars.avg_post is None
    assert all(x.count == 0 for x in r.consultations.by_channel)
    assert r.center_kk == "Ақсу ауылының ЖӨБ дамыту орталығы"
    assert drill(ctx, r.period, "total").total == 0


# --------------------------------------------------------------------------- XLSX


def test_xlsx_holds_the_same_numbers_and_cyrillic(demo: Context, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from civicdesk.services.report_export import write_report

    period = _whole(demo)
    report = build_report(demo, period)
    out = tmp_path / "report.xlsx"
    sheets = write_report(demo, period, "xlsx", out)
    wb = load_workbook(out)
    assert sheets == len(wb.sheetnames) >= 10
    assert wb.sheetnames[0] == "Негізгі көрсеткіштер"
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert all(cell.font.bold for cell in ws[1] if cell.value is not None), ws.title
        assert ws.column_dimensions["A"].width >= 14
    summary = wb["Негізгі көрсеткіштер"]
    values = {row[0]: row[2] for row in summary.iter_rows(min_row=2, values_only=True)}
    assert values["Орталық"] == "Ақсу ауылының ЖӨБ дамыту орталығы / Центр развития МСУ села Аксу"
    assert values["Кеңес беру: Кеңестер саны"] == report.consultations.total
    assert values["Кеңес беру: Мерзімі өткен қайта байланыстар"] == report.consultations.overdue
    assert values["Шағын гранттар: Гранттық қор"] == 1_000_000
    topics = wb["Тақырыптар"]
    header = [c.value for c in topics[1]]
    assert header[:2] == ["Тақырып", "Тема"] and header[2] == "Саны / Количество"
    got = {row[0]: (row[1], row[2], row[3]) for row in topics.iter_rows(min_row=2,
                                                                      values_only=True)}
    for t in report.consultations.by_topic:
        assert got[t.kk][0] == t.ru and got[t.kk][1] == t.count
        assert got[t.kk][2] == pytest.approx(t.count / report.consultations.total, abs=0.0006)
    assert got["Барлығы"][1] == report.consultations.total
    assert topics["D2"].number_format == "0.0%" and topics["C2"].number_format == "#,##0"
    calls = wb["Конкурстар"]
    assert calls["C2"].value == 1_000_000 and "₸" in calls["C2"].number_format
    assert calls["D2"].value == 500_000 and calls["E2"].value == 500_000
    villages = {row[0]: row[2] for row in wb["Елді мекендер"].iter_rows(min_row=2,
                                                                      values_only=True)}
    for v in report.consultations.by_settlement:
        assert villages[v.kk] == v.count
    consultants = wb["Кеңесшілер"]
    assert next(c.value for c in consultants[1]) == "Кеңесші / Консультант"  # names: one column
    sex_age = wb["Жынысы мен жасы"]
    rows = list(sex_age.iter_rows(min_row=2, values_only=True))
    assert rows[-1][0] == "Барлығы" and rows[-1][-1] == report.consultations.total

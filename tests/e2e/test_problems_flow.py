"""From a focus group to decisions, end to end: a focus group in a village raises three
problems; one goes to the akim in an appeal that is not answered in time, one to a
meeting whose agenda item decides on it, one into a grant application that is awarded.
The register, the printed priority list and the GeoJSON export show where each stands;
head office, after both sync, counts them per district and holds no names."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.db.models import District
from civicdesk.domain.enums import MeetingKind, Role
from civicdesk.domain.periods import year_period
from civicdesk.domain.problems import Channel, ProblemState
from civicdesk.domain.workdays import appeal_due
from civicdesk.services import assessments as asv
from civicdesk.services import grants, sync
from civicdesk.services import problem_cycle as cycle
from civicdesk.services.base import Actor, ListQuery
from civicdesk.services.meetings import (
    AgendaItemInput,
    MeetingInput,
    add_agenda_item,
    create_meeting,
)
from civicdesk.services.problem_map import export_geojson, set_coordinates, write_priority_list
from civicdesk.services.problem_stats import district_counts
from civicdesk.services.problems import ProblemInput, create_problem, list_problems
from civicdesk.services.reference import add_settlement
from civicdesk.services.users import authenticate
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
from tests.services.test_grants import approved, call_input
from tests.sync.helpers import AppTransport, enroll_new, make_template, replica

MODERATOR = "Гүлнар Сейітқызы"
LEADER = "Дана Серікқызы"  # the grant application's leader (tests.services.test_grants)


def test_focus_group_to_appeal_meeting_and_grant_then_head_office(tmp_path: Path) -> None:
    center_tpl = make_template(tmp_path / "tpl-a", name="Ақсу", login="manager")
    office_tpl = make_template(tmp_path / "tpl-ho", name="Бас кеңсе", login="ho",
                               head_office=True)
    store = Store(f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}")
    transport = AppTransport(create_app(store=store))
    center, office = replica(center_tpl, tmp_path / "a"), replica(office_tpl, tmp_path / "ho")
    try:
        enroll_new(store, center, transport, name="Ақсу")
        enroll_new(store, office, transport, name="Бас кеңсе", head_office=True)
        ctx = center.context(authenticate(center, "manager", "secret-pass-1"))
        head = office.context(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE,
                                    office.state.center_id or "", "ru"))
        today = ctx.today()
        # head office opens the grant call; the center pulls it
        call = grants.create_call(head, call_input(head))
        assert sync.sync_now(office, transport=transport).errors == 0
        assert sync.sync_now(center, transport=transport).errors == 0

        # ---- the focus group in the village raises three problems
        with ctx.db.session() as s:
            district = str(s.scalar(select(District.id).where(District.kato == "1942")))
        village = add_settlement(ctx, "Ақсу", "Аксу", district_id=district).id
        set_coordinates(ctx, village, 43.35, 77.45)
        held = today - timedelta(days=60)
        titles = [("Көше жарығы жоқ", "Нет уличного света", "roads"),
                  ("Клубтың шатыры ағады", "Протекает крыша клуба", "youth_sport"),
                  ("Балалар алаңы жоқ", "Нет детской площадки", "youth_sport")]
        light, roof, playground = (
            create_problem(ctx, ProblemInput(kk, ru, cat, [village], held)).id
            for kk, ru, cat in titles)
        assessment = asv.create_assessment(ctx, asv.AssessmentInput(
            district, held - timedelta(days=5), ["focus_group"], held + timedelta(days=20)))
        asv.add_focus_group(ctx, assessment.id, asv.FocusGroupInput(
            held, village, 18, MODERATOR, {"m": 8, "f": 10}, {"18_29": 7, "45_59": 11},
            {"youth": 7, "parents": 6}, [(light, 15), (roof, 9), (playground, 12)]))

        # ---- one: an appeal to the akim, unanswered past its 15 working days
        appeal_on = today - timedelta(days=40)
        cycle.take_up(ctx, light, cycle.TakeUp(Channel.APPEAL, appeal_on, reference="01-14/77"))
        # ---- two: a meeting's agenda item decides on it
        meeting = create_meeting(ctx, MeetingInput(
            kind=MeetingKind.MEETING, held_on=today - timedelta(days=20), settlement_id=village))
        item = add_agenda_item(ctx, meeting.id, AgendaItemInput(
            title="Клуб шатырын жөндеу", decision="Жөндеуге 2027 жылғы бюджеттен қаражат сұрау")).id
        cycle.take_up(ctx, roof, cycle.TakeUp(Channel.AGENDA_ITEM, today - timedelta(days=20),
                                              record_id=item))
        cycle.answer(ctx, roof, today - timedelta(days=20),
                     "Жиналыс шешімі: 2027 жылғы бюджеттен қаражат сұрау")
        # ---- three: a grant application, awarded
        application = approved(ctx, call.id)
        cycle.take_up(ctx, playground, cycle.TakeUp(
            Channel.GRANT_APPLICATION, today - timedelta(days=10), record_id=application))
        grants.award(ctx, application, Decimal(600_000), today - timedelta(days=2))
        cycle.answer(ctx, playground, today - timedelta(days=2), "Грант берілді: 600 000 ₸")

        # ---- the register
        rows = {r.title_ru: r for r in list_problems(ctx, ListQuery(sort="raised_count",
                                                                    descending=True)).rows}
        assert [r.title_ru for r in list_problems(ctx, ListQuery(
            sort="raised_count", descending=True)).rows] == [
            "Нет уличного света", "Нет детской площадки", "Протекает крыша клуба"]
        assert rows["Нет уличного света"].state is ProblemState.TAKEN_UP
        assert rows["Нет уличного света"].overdue
        assert rows["Нет уличного света"].due_on == appeal_due(appeal_on) < today
        assert rows["Протекает крыша клуба"].state is ProblemState.ANSWERED
        assert rows["Нет детской площадки"].state is ProblemState.ANSWERED
        assert not rows["Нет детской площадки"].overdue
        overdue = list_problems(ctx, ListQuery(filters={"overdue": True})).rows
        assert [r.title_ru for r in overdue] == ["Нет уличного света"]

        # ---- the printed priority list, Kazakh first
        pdf = tmp_path / "priority.pdf"
        write_priority_list(ctx, district, pdf)
        text = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
        assert text.index("Мәселелердің басымдық тізімі") < text.index("Приоритетный список")
        assert text.index("Көше жарығы жоқ") < text.index("Балалар алаңы жоқ") < text.index(
            "Клубтың шатыры ағады")
        assert "жауап мерзімі өтті" in text and "ответ просрочен" in text
        assert text.count("жауап берілді") == 2
        # ---- the GeoJSON for head office's GIS
        out = tmp_path / "register.geojson"
        assert export_geojson(ctx, out) == 1
        feature, outline = json.loads(out.read_text(encoding="utf-8"))["features"]
        assert outline["properties"]["kind"] == "district_outline"
        assert outline["geometry"]["type"] == "MultiPolygon"
        props = feature["properties"]
        assert feature["geometry"]["coordinates"] == [77.45, 43.35]
        assert props["raised"] == 36 and props["overdue"] == 1
        assert props["states"] == {"raised": 0, "taken_up": 1, "answered": 2, "resolved": 0,
                                   "not_resolved": 0}

        # ---- head office after both sync: the counts, and no names
        assert sync.sync_now(center, transport=transport).errors == 0
        assert sync.sync_now(office, transport=transport).errors == 0
        [counts] = district_counts(head, year_period(today.year))
        assert (counts.name_ru, counts.raised, counts.taken_up, counts.answered,
                counts.answered_on_time, counts.overdue, counts.resolved) == (
            "Жамбылский район", 3, 3, 2, 2, 1, 0)
        assert [r.total for r in asv.ranking(head, assessment_id=assessment.id)] == [15, 12, 9]
    finally:
        center.close()
        office.close()
        store.dispose()
    con = sqlite3.connect(tmp_path / "ho" / DB_FILE_NAME)
    try:
        dump = "\n".join(con.iterdump())
    finally:
        con.close()
    assert "Клубтың шатыры ағады" in dump  # the problems are there
    for name in (MODERATOR, LEADER, "Грант берілді", "Жиналыс шешімі"):
        assert name not in dump, name

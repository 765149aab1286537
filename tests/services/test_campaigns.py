"""Measured campaigns: questionnaire, waves, sheets from the grid, hand-outs, figures."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from civicdesk.db.models import AuditEntry, SurveySheet, SurveyWave
from civicdesk.domain.awareness import AgeBand, Question, QuestionKind, WaveKind
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import UserError
from civicdesk.domain.statistics import Reliability
from civicdesk.domain.validation import field_errors
from civicdesk.services import campaigns as svc
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.booklets import BookletInput, create_booklet, record_print_run
from civicdesk.services.campaign_demo import DEMO_QUESTIONS, add_demo_campaign, fill_wave
from civicdesk.services.campaign_figures import awareness_report
from civicdesk.services.campaigns import CampaignInput, SheetInput
from civicdesk.services.reference import add_settlement

START = date(2025, 3, 1)


def codes(exc: pytest.ExceptionInfo[UserError]) -> list[str]:
    errors = field_errors(exc.value)
    for e in errors:
        assert e.text("kk").strip() and e.text("ru").strip()
    return [e.code for e in errors]


def new_campaign(ctx: Context, **kw: object) -> svc.CampaignView:
    data: dict[str, object] = dict(title_kk="Науқан", title_ru="Кампания", starts_on=START,
                                   questions=DEMO_QUESTIONS)
    data.update(kw)
    return svc.create_campaign(ctx, CampaignInput(**data))  # type: ignore[arg-type]


def test_campaign_starts_with_a_baseline_wave_and_audits(ctx: Context) -> None:
    c = new_campaign(ctx)
    assert [w.kind for w in c.waves] == [WaveKind.BASELINE] and c.questions == DEMO_QUESTIONS
    end = svc.add_wave(ctx, c.id, WaveKind.ENDLINE, START + timedelta(days=40))
    assert end.number == 2
    assert [w.kind for w in svc.get_campaign(ctx, c.id).waves] == [WaveKind.BASELINE,
                                                                   WaveKind.ENDLINE]
    with ctx.db.session() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "campaign", AuditEntry.entity_id == c.id)))
    assert actions == ["create"]
    page = svc.list_campaigns(ctx, ListQuery(search="Кампания"))
    assert page.total == 1 and page.rows[0].waves == 2


def test_bad_campaign_shows_every_problem(ctx: Context) -> None:
    with pytest.raises(UserError) as exc:
        new_campaign(ctx, title_kk=" ", questions=DEMO_QUESTIONS[:2], knows_threshold=9,
                     ends_on=START - timedelta(days=1))
    assert set(codes(exc)) == {"campaign.title", "campaign.dates", "questionnaire.count",
                               "campaign.threshold"}


def test_questions_lock_once_sheets_exist(ctx: Context) -> None:
    c = new_campaign(ctx)
    data = CampaignInput("Науқан", "Кампания", START, DEMO_QUESTIONS[:3])
    svc.update_campaign(ctx, c.id, data)  # no sheets yet: allowed
    svc.save_sheet(ctx, c.waves[0].id, SheetInput(cells=["1", "2", "13"]))
    with pytest.raises(UserError) as exc:
        svc.update_campaign(ctx, c.id, CampaignInput("Науқан", "Кампания", START,
                                                     DEMO_QUESTIONS))
    assert codes(exc) == ["campaign.locked"]
    renamed = svc.update_campaign(ctx, c.id, CampaignInput("Жаңа", "Новая", START,
                                                           DEMO_QUESTIONS[:3]))
    assert renamed.title_ru == "Новая" and renamed.locked


def test_sheets_from_grid_digits_numbered_and_checked(ctx: Context) -> None:
    c = new_campaign(ctx)
    wave = c.waves[0].id
    one = svc.save_sheet(ctx, wave, SheetInput(cells=["2", "2", "123", "1"], sex=Sex.FEMALE,
                                               age_band=AgeBand.A18_29))
    two = svc.save_sheet(ctx, wave, SheetInput(cells=["0", "", "31", "4"]))
    assert (one.number, two.number) == (1, 2)
    assert two.answers == (frozenset(), frozenset(), frozenset({1, 3}), frozenset({4}))
    assert svc.next_sheet_number(ctx, wave) == 3
    with pytest.raises(UserError) as exc:
        svc.save_sheet(ctx, wave, SheetInput(cells=["12", "7", "x", "1"]))
    assert codes(exc) == ["sheet.single", "sheet.option", "sheet.option"]
    with pytest.raises(UserError) as exc2:
        svc.save_sheet(ctx, wave, SheetInput(cells=["1", "1", "1", "1"], number=1))
    assert codes(exc2) == ["sheet.taken"]
    fixed = svc.save_sheet(ctx, wave, SheetInput(cells=["1", "1", "1", "1"]), one.id)
    assert fixed.number == 1 and fixed.answers[0] == {1}
    svc.delete_sheet(ctx, two.id)
    page = svc.list_sheets(ctx, wave)
    assert [r.number for r in page.rows] == [1] and page.total == 1


def test_hand_out_records_who_and_how_many_were_briefed(ctx: Context) -> None:
    b = create_booklet(ctx, BookletInput("Кітапша", "Буклет", {"blocks": []}))
    run = record_print_run(ctx, b.id, 300, START)
    village = add_settlement(ctx, "Ақтоғай", "Актогай")
    c = new_campaign(ctx, booklet_id=b.id)
    svc.hand_out(ctx, c.id, run.id, village.id, 100, START + timedelta(days=3), "volunteer", 40)
    svc.hand_out(ctx, c.id, run.id, None, 50, START + timedelta(days=4), "staff", 10)
    view = svc.get_campaign(ctx, c.id)
    assert (view.copies_printed, view.copies_distributed, view.people_briefed) == (300, 150, 50)
    assert (view.copies_by_staff, view.copies_by_volunteers) == (50, 100)
    with pytest.raises(UserError) as exc:
        svc.hand_out(ctx, c.id, run.id, None, 5, START, "neighbours", -1)
    assert set(codes(exc)) == {"campaign.handed_by", "campaign.briefed"}
    with pytest.raises(UserError) as exc2:
        svc.hand_out(ctx, c.id, run.id, None, 151, START + timedelta(days=5))
    assert codes(exc2) == ["booklet.over_distributed"]


def test_awareness_figures_change_and_breakdowns(ctx: Context) -> None:
    village = add_settlement(ctx, "Ақтоғай", "Актогай")
    c = new_campaign(ctx)
    rnd = random.Random(7)
    fill_wave(ctx, c.waves[0].id, 120, 0.4, rnd, [village.id])
    end = svc.add_wave(ctx, c.id, WaveKind.ENDLINE, START + timedelta(days=40))
    fill_wave(ctx, end.id, 120, 0.8, rnd, [village.id])
    report = awareness_report(ctx, c.id)
    assert [f.n for _, f in report.waves] == [120, 120]
    assert report.comparison is not None
    knows = report.comparison.knows
    assert knows.points is not None and knows.points > 20 and knows.significant
    assert knows.reliability is Reliability.OK and knows.relative is not None
    assert {r.key for r in report.breakdowns["sex"]} <= {"m", "f"}
    assert sum(r.before.n for r in report.breakdowns["sex"]) == 120
    assert {r.key for r in report.breakdowns["youth"]} == {"youth", "other"}
    assert [r.name.ru for r in report.breakdowns["settlement"]] == ["Актогай"]


def test_a_campaign_without_answers_says_no_answers(ctx: Context) -> None:
    c = new_campaign(ctx)
    svc.add_wave(ctx, c.id, WaveKind.ENDLINE, START + timedelta(days=40))
    report = awareness_report(ctx, c.id)
    assert report.comparison is not None
    assert report.comparison.knows.reliability is Reliability.EMPTY
    assert all(f.knows.empty for _, f in report.waves)


def test_new_tables_feed_the_outbox_and_delete_cascades(ctx: Context) -> None:
    c = new_campaign(ctx)
    sheet = svc.save_sheet(ctx, c.waves[0].id, SheetInput(cells=["1", "1", "1", "1"]))
    with ctx.db.engine.connect() as conn:
        queued = set(conn.execute(text("SELECT table_name, row_id FROM sync_outbox")).all())
    assert {("campaigns", c.id), ("survey_waves", c.waves[0].id),
            ("survey_sheets", sheet.id)} <= queued
    svc.delete_campaign(ctx, c.id)
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SurveySheet).where(
            SurveySheet.deleted.is_(False))) == 0
        assert s.scalar(select(func.count()).select_from(SurveyWave).where(
            SurveyWave.deleted.is_(False))) == 0


def test_sync_lists_the_campaign_tables_as_center_owned() -> None:
    from civicdesk.sync.tables import REFERENCE, SYNCED_TABLES

    for table in ("campaigns", "survey_waves", "survey_sheets"):
        assert table in SYNCED_TABLES and table not in REFERENCE


def test_other_center_cannot_touch_a_campaign(ctx: Context, other_center_ctx: Context) -> None:
    c = new_campaign(ctx)
    with pytest.raises(UserError):
        svc.save_sheet(other_center_ctx, c.waves[0].id, SheetInput(cells=["1"] * 4))


def test_demo_campaign(ctx: Context) -> None:
    b = create_booklet(ctx, BookletInput("Кітапша", "Буклет", {"blocks": []}))
    del b
    add_settlement(ctx, "Ақтоғай", "Актогай")
    view = add_demo_campaign(ctx, sheets=40)
    assert [w.sheets for w in view.waves] == [40, 40]
    assert view.copies_distributed > 0 and view.people_briefed > 0


def test_single_choice_question_kind_in_grid(ctx: Context) -> None:
    q = Question("С", "В", QuestionKind.SINGLE, (("а", "а"), ("б", "б")), frozenset({1}))
    c = new_campaign(ctx, questions=(q, q, q))
    with pytest.raises(UserError) as exc:
        svc.save_sheet(ctx, c.waves[0].id, SheetInput(cells=["1", "1"]))
    assert codes(exc) == ["sheet.count"]


def test_export_carries_anonymous_sheets(ctx: Context, tmp_path: object) -> None:
    import csv
    from pathlib import Path

    from civicdesk.services.admin import export_tables

    c = new_campaign(ctx)
    svc.save_sheet(ctx, c.waves[0].id, SheetInput(cells=["1", "2", "13", "1"], sex=Sex.MALE,
                                                  age_band=AgeBand.A30_35))
    out = Path(str(tmp_path)) / "export"
    counts = export_tables(ctx.db.path.parent, "csv", out)
    assert counts["campaigns"] == 1 and counts["survey_sheets"] == 1
    with (out / "survey_sheets.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["sex"] == "m" and rows[0]["age_band"] == "30_35"
    assert rows[0]["answers"] == "[[1], [2], [1, 3], [1]]"
    assert not {"full_name", "iin", "phone"} & set(rows[0])

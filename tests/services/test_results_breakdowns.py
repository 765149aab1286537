"""Seminar series (audience, participants by sex, age, youth and disability, gain per
series, programme targets) and grant beneficiaries broken down and summed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from civicdesk.db.models import GrantApplication
from civicdesk.domain.beneficiaries import Breakdown
from civicdesk.domain.enums import AgeGroup, ApplicantKind, Role, Sex
from civicdesk.domain.errors import UserError
from civicdesk.domain.periods import year_period
from civicdesk.domain.programmes import Indicator
from civicdesk.domain.validation import field_errors
from civicdesk.services import grants as svc
from civicdesk.services import printing
from civicdesk.services import programmes as prog
from civicdesk.services import seminars as sem
from civicdesk.services.admin import EXPORTS
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.services.grant_results import beneficiary_sums
from civicdesk.services.report_results import results_sections
from civicdesk.services.residents import ResidentInput, create_resident
from civicdesk.services.seminar_gain import series_results
from civicdesk.services.seminar_series import SeriesInput, create_series, list_series
from tests.services.test_grants import approved, call_input, head_office

HELD = date(2025, 4, 10)


@pytest.fixture()
def head(app: CivicApp, ctx: Context) -> Context:
    return app.context(Actor("ho-user", "Бас кеңсе", Role.HEAD_OFFICE, "ho-center", "ru"))


# --------------------------------------------------------------------------- grants


def _codes_and_texts(exc: pytest.ExceptionInfo[UserError]) -> dict[str, tuple[str, str]]:
    return {e.code: (e.text("kk"), e.text("ru")) for e in field_errors(exc.value)}


def test_breakdown_may_not_exceed_the_total(ctx: Context) -> None:
    call = svc.create_call(head_office(ctx), call_input(ctx))
    base = svc.ApplicationInput(call_id=call.id, applicant_kind=ApplicantKind.INITIATIVE_GROUP,
                                applicant_name="Ақсу", title="Саябақ", beneficiaries=100)
    wrong = Breakdown(women=70, men=40, under_18=50, a18_29=30, a30_44=30, youth=101,
                      disability=150)
    with pytest.raises(UserError) as exc:
        svc.create_application(ctx, svc.ApplicationInput(**{**base.__dict__, "breakdown": wrong}))
    errors = _codes_and_texts(exc)
    assert set(errors) == {"grant.breakdown_sex", "grant.breakdown_age",
                           "grant.breakdown_youth", "grant.breakdown_disability"}
    kk, ru = errors["grant.breakdown_sex"]
    assert "110" in kk and "100" in kk and "Әйелдер" in kk
    assert "110" in ru and "100" in ru and "Женщин" in ru
    with pytest.raises(UserError) as neg:
        svc.create_application(ctx, svc.ApplicationInput(
            **{**base.__dict__, "breakdown": Breakdown(women=-1)}))
    assert "grant.breakdown_negative" in _codes_and_texts(neg)

    ok = Breakdown(women=60, men=40, a18_29=50, youth=55, disability=3)
    view = svc.create_application(ctx, svc.ApplicationInput(**{**base.__dict__,
                                                                "breakdown": ok}))
    assert view.breakdown == ok
    assert svc.get_application(ctx, view.id).breakdown.under_18 is None  # not stated


def test_beneficiaries_summed_per_region_call_and_programme(ctx: Context, head: Context
                                                            ) -> None:
    call = svc.create_call(head_office(ctx), call_input(ctx))
    funded = [approved(ctx, call.id, beneficiaries=n, breakdown=b) for n, b in (
        (100, Breakdown(women=60, men=40, youth=30, disability=2)),
        (50, Breakdown(women=20, a60_plus=10, youth=5)),
    )]
    svc.create_application(ctx, svc.ApplicationInput(  # a draft: not counted
        call_id=call.id, applicant_kind=ApplicantKind.INITIATIVE_GROUP, beneficiaries=999,
        breakdown=Breakdown(women=999)))
    (region,) = beneficiary_sums(ctx)
    assert (region.group, region.applications, region.total) == ("19", 2, 150)
    assert region.breakdown == Breakdown(women=80, men=40, under_18=0, a18_29=0, a30_44=0,
                                         a45_59=0, a60_plus=10, youth=35, disability=2)
    assert [x.group for x in beneficiary_sums(ctx, by="call")] == [call.id]
    with ctx.db.session() as s:  # award both today, within the programme below
        for app_id in funded:
            row = s.get(GrantApplication, app_id)
            assert row is not None
            row.awarded_on = ctx.today()
    p = prog.create_programme(head, "Бағдарлама", "Программа", date(2000, 1, 1),
                              date(2100, 12, 31), ["19"])
    (by_programme,) = beneficiary_sums(ctx, by="programme")
    assert (by_programme.group, by_programme.total) == (p.id, 150)
    # the report section and the head-office export carry counts only
    sections = results_sections(ctx, year_period(ctx.today().year))
    table = next(t for sec in sections for t in sec.tables if t.key == "grant-beneficiaries")
    assert table.rows[0].values[:4] == (2, 150, 80, 40)
    ages = next(t for sec in sections for t in sec.tables if t.key == "grant-beneficiaries-age")
    assert ages.rows[0].values == (0, 0, 0, 0, 10)
    assert "leader_name" not in EXPORTS["grant_applications"]
    assert "ben_youth" in EXPORTS["grant_applications"]


# --------------------------------------------------------------------------- seminars


def test_series_by_audience_with_participants_and_gain(ctx: Context) -> None:
    series = create_series(ctx, SeriesInput("Құқықтық сауат", "Правовая грамотность",
                                            date(2025, 1, 1), date(2025, 12, 31), planned=16))
    assert [v.id for v in list_series(ctx)] == [series.id]
    residents = sem.create_seminar(ctx, sem.SeminarInput("Тұрғындарға", HELD,
                                                         series_id=series.id))
    officials = sem.create_seminar(ctx, sem.SeminarInput("Әкімдікке", HELD,
                                                         series_id=series.id,
                                                         audience="officials"))
    man = create_resident(ctx, ResidentInput(full_name="Болат Жұмабаев", sex=Sex.MALE,
                                             birth_year=1960, consent_date=HELD,
                                             consent_purposes=["events"]))
    for pre, post, sex, age, youth, disability in [
            (4, 8, "f", AgeGroup.A18_29.value, True, False),
            (5, 6, "f", None, None, True),
            (6, 5, None, None, False, None)]:
        sem.add_participant(ctx, residents.id, sem.ParticipantInput(
            "Қатысушы", pre_score=pre, post_score=post, sex=sex, age_group=age, youth=youth,
            disability=disability))
    sem.add_participant(ctx, residents.id, sem.ParticipantInput("Келмеді", attended=False,
                                                               sex="m"))
    sem.add_participant(ctx, officials.id, sem.ParticipantInput(resident_id=man.id,
                                                               pre_score=3, post_score=7))
    with pytest.raises(UserError) as exc:
        sem.add_participant(ctx, officials.id, sem.ParticipantInput("Х", sex="x",
                                                                   age_group="old"))
    assert {e.code for e in field_errors(exc.value)} == {"seminar.sex", "seminar.age_group"}
    with pytest.raises(UserError):
        sem.create_seminar(ctx, sem.SeminarInput("Х", HELD, audience="everyone"))

    (r,) = series_results(ctx)
    assert (r.planned, r.all.seminars, r.all.attended) == (16, 2, 4)
    assert r.all.by_sex == {"f": 2, None: 1, "m": 1}  # the resident's own sex is used
    assert r.all.youth == {"youth": 1, None: 1, "other": 2}
    assert r.all.with_disability == 1
    assert r.all.gain.n == 4 and r.all.gain.mean_gain == pytest.approx((4 + 1 - 1 + 4) / 4)
    assert r.by_audience["officials"].attended == 1
    assert r.by_audience["residents"].gain.improved.successes == 2

    (section,) = [x for x in results_sections(ctx, year_period(2025))
                  if x.title.ru.startswith("Серии семинаров")]
    table = section.tables[0]
    assert table.title.kk == "Құқықтық сауат"
    assert [c.header.ru for c in table.columns] == [
        "Для жителей", "Для местных должностных лиц", "Всего (2 из плана 16)"]
    assert [r.values[-1] for r in table.rows[:6]] == ["2", "4", "2", "1", "1", "1"]
    gain = table.rows[6].values[-1]
    assert isinstance(gain, str) and gain.startswith("+2") and gain.endswith("; 4"), gain


def test_seminars_of_another_programmes_series_do_not_count(ctx: Context, head: Context
                                                            ) -> None:
    start, end = date(2025, 1, 1), date(2025, 12, 31)
    mine = prog.create_programme(head, "Біздің", "Наша", start, end, ["19"])
    other = prog.create_programme(head, "Басқа", "Другая", start, end, ["19"])
    prog.add_target(head, mine.id, Indicator.SEMINARS_HELD, 16)
    prog.add_target(head, mine.id, Indicator.PARTICIPANTS, 100)
    s_mine = create_series(ctx, SeriesInput("Б", "Н", start, end, programme_id=mine.id))
    s_other = create_series(ctx, SeriesInput("Б2", "Д2", start, end, programme_id=other.id))
    for series_id in (s_mine.id, s_other.id, None):
        seminar = sem.create_seminar(ctx, sem.SeminarInput("С", HELD, series_id=series_id))
        sem.add_participant(ctx, seminar.id, sem.ParticipantInput("А"))
    rows = prog.target_vs_actual(ctx, mine.id)
    assert [r.actual for r in rows] == [Decimal(2), Decimal(2)]
    records = prog.target_records(ctx, rows[0].id)
    assert len(records) == 2
    with pytest.raises(UserError):
        create_series(ctx, SeriesInput("Б", "Н", start, end, programme_id="nope"))
    with pytest.raises(UserError) as exc:
        create_series(ctx, SeriesInput(" ", "Н", end, start, planned=-1))
    assert {e.code for e in field_errors(exc.value)} == {
        "series.name", "series.dates", "series.planned"}


def test_certificates_only_for_participants_marked_present(ctx: Context, tmp_path: Path
                                                           ) -> None:
    from pypdf import PdfReader

    seminar = sem.create_seminar(ctx, sem.SeminarInput("Семинар", HELD, hours=6))
    sem.add_participant(ctx, seminar.id, sem.ParticipantInput("Айгүл Бекова"))
    absent = sem.add_participant(ctx, seminar.id, sem.ParticipantInput("Ерлан Сейітов"))
    sem.update_participant(ctx, absent.id, sem.ParticipantInput("Ерлан Сейітов",
                                                                attended=False))
    data = printing.certificates_input(ctx, seminar.id)
    assert [c.participant for c in data] == ["Айгүл Бекова"]
    out = tmp_path / "cert.pdf"
    assert printing.print_certificates(ctx, seminar.id, out) == 1
    text = " ".join((p.extract_text() or "") for p in PdfReader(out).pages)
    assert "Сейітов" not in text


def test_series_syncs_as_a_center_table() -> None:
    from civicdesk.sync.tables import REFERENCE, SYNCED_TABLES

    assert "seminar_series" in SYNCED_TABLES and "seminar_series" not in REFERENCE
    with_columns = select(GrantApplication.ben_youth)
    assert "ben_youth" in str(with_columns)

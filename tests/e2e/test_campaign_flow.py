"""A measured campaign end to end: 120 baseline and 120 endline sheets typed into the
real entry grid, the change on screen and in the PDF report with its interval, synced
to head office, which sees the same figures."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import io
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from civicdesk.domain.awareness import QuestionKind, WaveKind
from civicdesk.domain.enums import Role
from civicdesk.domain.periods import year_period
from civicdesk.domain.programmes import Indicator
from civicdesk.services import campaigns as svc
from civicdesk.services import programmes, sync
from civicdesk.services.base import Actor
from civicdesk.services.campaign_demo import DEMO_QUESTIONS
from civicdesk.services.campaign_figures import awareness_report
from civicdesk.services.report_export import write_report
from civicdesk.services.users import authenticate
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
from civicdesk.ui import i18n
from civicdesk.ui.campaigns import CampaignsPage
from civicdesk.ui.env import UiEnv
from civicdesk.ui.tasks import TaskRunner
from tests.sync.helpers import AppTransport, enroll_new, make_template, replica

SHEETS = 120
START = date(2025, 3, 1)


def _type_wave(page: CampaignsPage, env: UiEnv, knows: float, rnd: random.Random) -> None:
    for _ in range(SHEETS):
        keys = [str(rnd.randint(1, 2)), str(rnd.randint(1, 6)), "0"]
        for q in DEMO_QUESTIONS:
            right = "".join(str(c) for c in sorted(q.correct))
            answer = right if rnd.random() < knows else str(rnd.randint(3, 4))
            keys.append(answer)
            if q.kind is QuestionKind.MULTIPLE:
                keys.append("\n")  # several digits: Enter moves on
        # the last question is single choice: its digit saves the row
        for k in keys:
            if k == "\n":
                QTest.keyClick(page.grid, Qt.Key.Key_Return)
            else:
                for ch in k:
                    QTest.keyClick(page.grid, ch)
    assert env.runner.wait_idle(30_000)


def test_measured_campaign_from_grid_to_report_and_head_office(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    center_tpl = make_template(tmp_path / "tpl-a", name="Ақсу", login="manager")
    office_tpl = make_template(tmp_path / "tpl-ho", name="Бас кеңсе", login="ho",
                               head_office=True)
    store = Store(f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}")
    transport = AppTransport(create_app(store=store))
    center, office = replica(center_tpl, tmp_path / "a"), replica(office_tpl, tmp_path / "ho")
    runner = TaskRunner()
    bugs: list[BaseException] = []
    runner.bug_handler = lambda exc, tb: bugs.append(exc)
    try:
        enroll_new(store, center, transport, name="Ақсу")
        enroll_new(store, office, transport, name="Бас кеңсе", head_office=True)
        actor = authenticate(center, "manager", "secret-pass-1")
        ctx = center.context(actor)
        campaign = svc.create_campaign(ctx, svc.CampaignInput(
            "Өтініш беру", "Обращения", START, DEMO_QUESTIONS,
            ends_on=START + timedelta(days=60)))
        env = UiEnv(app=center, runner=runner, actor=actor, lang="kk")
        i18n.ensure_compiled()
        i18n.install("kk")
        page = CampaignsPage(env)
        page.show_previews = False
        qtbot.addWidget(page)
        assert runner.wait_idle()
        page.open_campaign(campaign.id)
        assert runner.wait_idle()
        page.tabs.setCurrentIndex(1)
        rnd = random.Random(2025)
        _type_wave(page, env, 0.45, rnd)
        page.add_endline()
        assert runner.wait_idle()
        assert runner.wait_idle()
        assert page.view is not None and page.view.waves[-1].kind is WaveKind.ENDLINE
        assert page.wave.currentData() == page.view.waves[-1].id
        _type_wave(page, env, 0.75, rnd)
        page.load_figures()
        assert runner.wait_idle()

        waves = svc.get_campaign(ctx, campaign.id).waves
        assert [w.sheets for w in waves] == [SHEETS, SHEETS]
        # on screen: the change of "knows" with its interval, points and relative growth
        table = page.figures_panel.figures
        change = table.item(table.rowCount() - 1, table.columnCount() - 1)
        assert change is not None and "п.т." in change.text() and "95 % СА" in change.text()
        assert "салыстырмалы өсу" in change.text()
        report = awareness_report(ctx, campaign.id)
        assert report.comparison is not None and report.comparison.knows.significant
        # in the PDF report
        buf = io.BytesIO()
        write_report(ctx, year_period(2025), "pdf", buf)
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
        assert "Обращения" in text and "процентные пункты" in text and "; 120" in text
        # synced to head office, which computes the same figures
        assert sync.sync_now(center, transport=transport).errors == 0
        assert sync.sync_now(office, transport=transport).errors == 0
        head = office.context(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE,
                                    office.state.center_id or "", "ru"))
        there = awareness_report(head, campaign.id)
        assert there.comparison == report.comparison
        # summed for the region against head office's target
        p = programmes.create_programme(head, "Бағдарлама", "Программа", date(2025, 1, 1),
                                        date(2025, 12, 31), ["19"])
        programmes.add_target(head, p.id, Indicator.AWARENESS_CHANGE_PP, 35,
                              region_kato="19", campaign_id=campaign.id)
        (row,) = programmes.target_vs_actual(head, p.id)
        points = report.comparison.knows.points
        assert points is not None and row.actual == Decimal(str(round(points, 1)))
    finally:
        runner.wait_idle(5000)
        runner.shutdown()
        center.close()
        office.close()
        store.dispose()
    assert not bugs, bugs

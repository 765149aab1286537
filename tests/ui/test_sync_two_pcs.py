"""Two PCs of one center and head office, through the app, on one consultation
(issue: sync that never stalls). Different fields merge; the same field shows one
conflict on the Sync page in kk and ru, settled once; then all three nodes hold the
same record, the consultant it names, and ``civicdesk check`` is clean on each."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from civicdesk.cli import main as cli_main
from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.services.consultations import (
    ConsultationInput,
    create_consultation,
    get_consultation,
    update_consultation,
)
from civicdesk.sync.server.store import Store
from civicdesk.ui.env import UiEnv
from civicdesk.ui.status import SyncCoordinator
from tests.sync.helpers import URL, AppTransport, edit, make_template, replica, row_of
from tests.ui.test_sync_page import (  # noqa: F401  (fixtures)
    WAIT_MS,
    cell,
    center,
    code_for,
    coordinator,
    enrol_on_page,
    make_page,
    store,
    transport,
)

FIELDS = ("question", "advice", "status", "consultant_id", "deleted")


def _page_sync(qtbot: QtBot, page: object, ui_env: UiEnv) -> None:
    rows = page.history_table.rowCount()  # type: ignore[attr-defined]
    page.sync_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: page.history_table.rowCount() == rows + 1, timeout=WAIT_MS  # type: ignore[attr-defined]
    )
    assert ui_env.runner.wait_idle(WAIT_MS)


def test_two_pcs_of_one_center_and_head_office_through_the_app(
    qtbot: QtBot,
    ui_env: UiEnv,
    coordinator: SyncCoordinator,  # noqa: F811
    store: Store,  # noqa: F811
    center: str,  # noqa: F811
    transport: AppTransport,  # noqa: F811
    template_data_dir: Path,
    tmp_path: Path,
) -> None:
    pc1 = ui_env.app
    pc2: CivicApp = replica(template_data_dir, tmp_path / "second-pc")
    ho = CivicApp(
        make_template(tmp_path / "ho", name="Бас кеңсе", login="manager.ho", head_office=True)
    )
    try:
        page = make_page(qtbot, ui_env)
        enrol_on_page(qtbot, page, store.issue_code(center))
        sync.enroll(pc2, URL, code_for(store), transport=transport)
        sync.enroll(
            ho, URL, store.issue_code(store.create_center("Бас кеңсе", "75", head_office=True)),
            transport=transport,
        )
        ctx = pc1.context(ui_env.actor)
        data = ConsultationInput(
            occurred_at=datetime(2025, 2, 22, 10, 30),
            channel=ConsultationChannel.IN_PERSON,
            topic_codes=["land_utilities"],
            question="Жер учаскесін қалай алуға болады?",
            consultant_id=ui_env.actor.user_id,
        )
        cid = create_consultation(ctx, data).id
        _page_sync(qtbot, page, ui_env)
        sync.sync_now(pc2, transport=transport)

        # different fields: merged
        edit(pc2, "consultations", cid, advice="Әкімдікке өтініш беріңіз")
        sync.sync_now(pc2, transport=transport)
        view = get_consultation(ctx, cid)
        update_consultation(ctx, cid, replace(data, advice=view.advice,
                                              status=ConsultationStatus.CLOSED))
        _page_sync(qtbot, page, ui_env)
        merged = row_of(pc1, "consultations", cid)
        assert merged is not None
        assert (merged["advice"], merged["status"]) == ("Әкімдікке өтініш беріңіз", "closed")
        assert not sync.conflicts(pc1)

        # the same field: one conflict on the page, in kk and in ru
        edit(pc2, "consultations", cid, question="Екінші ДК сұрағы")
        sync.sync_now(pc2, transport=transport)
        update_consultation(ctx, cid, replace(
            data, advice="Әкімдікке өтініш беріңіз", status=ConsultationStatus.CLOSED,
            question="Бірінші ДК сұрағы",
        ))
        _page_sync(qtbot, page, ui_env)
        qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 1, timeout=WAIT_MS)
        assert page.tabs.tabText(1) == "Қайшылықтар (1)"
        assert cell(page.conflict_table, 0, 2) == "Бірінші ДК сұрағы"
        assert cell(page.conflict_table, 0, 3) == "Екінші ДК сұрағы"
        ui_env.set_language("ru")
        qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Конфликты (1)", timeout=WAIT_MS)
        page.conflict_table.selectRow(0)
        page.keep_mine.click()  # settled once, on the PC that saw it
        qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 0, timeout=WAIT_MS)
        assert ui_env.runner.wait_idle(WAIT_MS)

        for _ in range(2):
            _page_sync(qtbot, page, ui_env)
            sync.sync_now(pc2, transport=transport)
            sync.sync_now(ho, transport=transport)
        rows = [row_of(app, "consultations", cid) for app in (pc1, pc2, ho)]
        assert all(r is not None for r in rows)
        values = [tuple(r[f] for f in FIELDS) for r in rows if r is not None]
        assert values[0] == values[1] == values[2]
        assert values[0][:3] == ("Бірінші ДК сұрағы", "Әкімдікке өтініш беріңіз", "closed")
        assert row_of(ho, "users", str(ui_env.actor.user_id)) is not None
        assert not sync.conflicts(pc2) and not sync.conflicts(ho)
        assert store.open_conflicts() == 0
    finally:
        pc2.close()
        ho.close()
    for folder in (pc1.data_dir, tmp_path / "second-pc", tmp_path / "ho"):
        assert cli_main(["--data-dir", str(folder), "--lang", "ru", "check"]) == 0, folder

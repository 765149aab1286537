"""Enrolment input on the sync page: a short code or an address that is not a server
address gets a plain message in the user's language, never the crash dialog."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from pytestqt.qtbot import QtBot

from civicdesk.ui.env import UiEnv
from civicdesk.ui.status import SyncCoordinator, coordinator_for
from civicdesk.ui.sync_page import SyncPage

WAIT_MS = 10_000


class Recording(httpx.BaseTransport):
    """Counts requests; any request is a failure of the test (nothing should be sent)."""

    def __init__(self) -> None:
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        raise httpx.ConnectError("no route", request=request)


@pytest.fixture()
def transport() -> Recording:
    return Recording()


@pytest.fixture()
def coordinator(ui_env: UiEnv, transport: Recording) -> Iterator[SyncCoordinator]:
    c = coordinator_for(ui_env.app, ui_env.runner)
    c.transport = transport
    yield c
    c.stop()


def make_page(qtbot: QtBot, env: UiEnv) -> SyncPage:
    page = SyncPage(env)
    qtbot.addWidget(page)
    assert env.runner.wait_idle(WAIT_MS)
    return page


def test_short_code_is_refused_in_kazakh_and_russian(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, transport: Recording
) -> None:
    page = make_page(qtbot, ui_env)
    page.server_url.setText("https://civicdesk.example.kz")
    page.code.setText("123")
    page.enroll_button.click()
    assert ui_env.runner.wait_idle(WAIT_MS)
    assert page.error_label.isVisibleTo(page)
    kk = page.error_label.text()
    assert "код" in kk.lower() and "Traceback" not in kk
    assert "қысқа" in kk
    assert transport.requests == 0
    assert page.code.text() == "123"  # nothing typed is lost
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: "короткий" in page.error_label.text())


def test_address_without_scheme_is_not_a_server_address(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, transport: Recording
) -> None:
    page = make_page(qtbot, ui_env)
    page.server_url.setText("example")
    page.code.setText("ABCD-EFGH-JKLM-NPQR")
    page.enroll_button.click()
    assert ui_env.runner.wait_idle(WAIT_MS)
    text = page.error_label.text()
    assert "сервер мекенжайы емес" in text
    assert "байланыс" not in text.lower()
    assert transport.requests == 0
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: "не адрес сервера" in page.error_label.text())
    assert page.server_url.text() == "example"


@pytest.mark.parametrize("url", ["https://", "ftp://civicdesk.kz", "http://bad host.kz"])
def test_other_bad_addresses_are_refused_before_sending(
    qtbot: QtBot, ui_env: UiEnv, coordinator: SyncCoordinator, transport: Recording, url: str
) -> None:
    page = make_page(qtbot, ui_env)
    page.server_url.setText(url)
    page.code.setText("ABCD-EFGH-JKLM-NPQR")
    page.enroll_button.click()
    assert ui_env.runner.wait_idle(WAIT_MS)
    assert "сервер мекенжайы емес" in page.error_label.text()
    assert transport.requests == 0

"""A user whose account is deactivated while the window is open goes back to the
sign-in screen at their next action, told why in their language; nothing is saved."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from civicdesk.domain.errors import UserError
from civicdesk.services.base import SIGNED_OUT, Context, ListQuery
from civicdesk.services.consultations import list_consultations
from civicdesk.services.users import list_users, update_user
from civicdesk.ui.consultation_dialog import ConsultationDialog
from civicdesk.ui.env import UiEnv
from civicdesk.ui.journal import ConsultationsPage
from civicdesk.ui.session import Session
from tests.ui.conftest import BugCollector

WAIT = 10_000


def test_deactivated_consultant_returns_to_sign_in_and_nothing_is_saved(
    qtbot: QtBot, ui_env: UiEnv, ctx: Context, consultant_ctx: Context, bugs: BugCollector
) -> None:
    ui_env.actor = consultant_ctx.actor
    exits: list[int] = []
    session = Session(ui_env, on_exit=lambda: exits.append(1))
    w = session.open_window()
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    assert ui_env.runner.wait_idle(WAIT)
    page = w.show_page("consultations")
    assert isinstance(page, ConsultationsPage)
    assert ui_env.runner.wait_idle(WAIT)
    page.new_item()
    dialog = page.findChildren(ConsultationDialog)[0]
    qtbot.waitExposed(dialog)
    dialog.question.setPlainText("Жер учаскесін қалай рәсімдеуге болады?")
    dialog.topic.setCurrentIndex(1)

    # meanwhile the manager deactivates the consultant's account
    consultant = next(u for u in list_users(ctx) if u.login == "consultant")
    update_user(ctx, consultant.id, active=False)

    dialog.save()
    assert ui_env.runner.wait_idle(WAIT)
    assert not w.isVisible()
    assert not dialog.isVisible()
    login = session.login
    assert login is not None and login.isVisible()
    assert login.errors.general.text() == SIGNED_OUT.text("kk")
    assert not bugs.user_errors  # no error box over the sign-in screen
    assert not exits
    # the message follows the language chosen on the sign-in screen
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: login.errors.general.text() == SIGNED_OUT.text("ru"))
    assert list_consultations(ctx, ListQuery()).total == 0
    # a task of the closed window that is refused later changes nothing
    def refused() -> None:
        raise UserError("auth.signed_out", SIGNED_OUT)

    ui_env.runner.db(refused)
    assert ui_env.runner.wait_idle(WAIT)
    assert session.login is login and login.isVisible()
    assert not bugs.user_errors

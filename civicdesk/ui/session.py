"""Who works at the PC now: signing in, and signing out so that another user of a
shared PC can sign in without closing the program."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog

from civicdesk.domain.errors import UserError
from civicdesk.ui.env import UiEnv
from civicdesk.ui.login import LoginDialog
from civicdesk.ui.mainwindow import MainWindow
from civicdesk.ui.memory import UiMemory


def signed_in(env: UiEnv, dialog: LoginDialog) -> None:
    """Make the user of an accepted sign-in the actor: in the language they chose on
    the sign-in screen, else the one they last used in the window."""
    assert dialog.actor is not None
    env.actor = dialog.actor
    if not dialog.language_chosen:
        remembered = UiMemory(env.app.data_dir, dialog.actor.user_id).language()
        if remembered is not None and remembered != env.lang:
            env.set_language(remembered)
    env.set_language(env.lang)  # the actor takes the language too
    env.app.set_language(env.lang)
    env.signals.actor_changed.emit()


class Session(QObject):
    """The main window of the signed-in user; after "Sign out", the sign-in screen."""

    def __init__(self, env: UiEnv, on_exit: Callable[[], None] = QCoreApplication.quit) -> None:
        super().__init__()
        self.env = env
        self.on_exit = on_exit
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        # closed windows are kept, not deleted: their pages' handlers stay connected
        # to the app-wide signals and must find live widgets
        self.closed: list[MainWindow] = []
        self.logins: list[LoginDialog] = []

    def open_window(self, before_show: Callable[[MainWindow], None] | None = None
                    ) -> MainWindow:
        window = MainWindow(self.env)
        window.signed_out.connect(self.ask_sign_in)
        self.window = window
        self.env.runner.signed_out_handler = self.forced_out
        if before_show is not None:
            before_show(window)
        window.show()
        return window

    def ask_sign_in(self) -> LoginDialog:
        """The sign-in screen, shown before the window closes (so the program does not
        end with its last window); Exit there ends the program."""
        if self.window is not None:
            self.closed.append(self.window)
        self.window = None
        dialog = LoginDialog(self.env)
        self.logins.append(dialog)  # kept: it may still get the center's name
        dialog.finished.connect(lambda code: self._login_finished(dialog, code))
        self.login = dialog
        dialog.open()
        return dialog

    def forced_out(self, err: UserError) -> None:
        """A service refused the signed-in user (deactivated, deleted, another role):
        back to the sign-in screen, which says why in the user's language."""
        window = self.window
        if window is None:
            return  # already on the sign-in screen
        window.force_sign_out()
        if self.login is not None:
            self.login.errors.show(err, self.env.lang)

    def _login_finished(self, dialog: LoginDialog, code: int) -> None:
        self.login = None
        if code != QDialog.DialogCode.Accepted or dialog.actor is None:
            self.on_exit()
            return
        signed_in(self.env, dialog)
        self.open_window()

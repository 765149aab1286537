"""Signing in (with the language switch on the same screen)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.errors import Lang, UserError
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor
from civicdesk.services.users import CenterView, authenticate, current_center
from civicdesk.ui.common import ErrorLabel, FieldErrors, is_language_change
from civicdesk.ui.env import UiEnv


def _demo_sign_in(app: CivicApp) -> tuple[str, str] | None:
    """The demo's login and password (the demo module loads off the GUI thread)."""
    from civicdesk.services.demo import demo_sign_in

    return demo_sign_in(app)


class LanguageCombo(QComboBox):
    """Қазақша / Русский, each name in its own language."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.addItem("Қазақша", "kk")
        self.addItem("Русский", "ru")
        self.setCurrentIndex(0 if env.lang == "kk" else 1)
        self.currentIndexChanged.connect(self._changed)

    def _changed(self) -> None:
        lang: Lang = "ru" if self.currentData() == "ru" else "kk"
        if lang != self.env.lang:
            self.env.set_language(lang)

    def sync(self) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(0 if self.env.lang == "kk" else 1)
        self.blockSignals(False)


class LoginDialog(QDialog):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.actor: Actor | None = None
        #: the user picked a language on this screen (it then wins over their last one)
        self.language_chosen = False
        self.center: CenterView | None = None
        self._busy = False
        layout = QVBoxLayout(self)
        self.center_label = QLabel()
        self.center_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.center_label.setWordWrap(True)
        font = self.center_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.center_label.setFont(font)
        layout.addWidget(self.center_label)
        form = QFormLayout()
        self.language = LanguageCombo(env)
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.l_language = QLabel()
        self.l_login = QLabel()
        self.l_password = QLabel()
        self.errors = FieldErrors(ErrorLabel())
        form.addRow(self.l_login, self.login)
        form.addRow(self.l_password, self.password)
        form.addRow(self.l_language, self.language)
        self.language.activated.connect(self._language_picked)
        form.addRow("", self.errors.add(ErrorLabel(), "login", "password"))
        layout.addLayout(form)
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.hide()
        self.demo: tuple[str, str] | None = None
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.errors.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()
        env.runner.db(current_center, env.app, on_done=self._got_center)
        env.runner.db(_demo_sign_in, env.app, on_done=self._got_demo)

    def _got_demo(self, demo: tuple[str, str] | None) -> None:
        self.demo = demo
        self.retranslate()

    def _language_picked(self, _index: int) -> None:
        self.language_chosen = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # the first keys typed go to the login, not to the language box
        if not self.login.text():
            self.login.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _got_center(self, center: CenterView | None) -> None:
        self.center = center
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CivicDesk: sign in"))
        self.l_language.setText(self.tr("Language:"))
        self.l_login.setText(self.tr("Login:"))
        self.l_password.setText(self.tr("Password:"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Exit"))
        self.center_label.setText(self.center.name(self.env.lang) if self.center else "")
        if self.demo is not None:
            self.demo_hint.setText(self.tr("Demo database: login %1, password %2")
                                   .replace("%1", self.demo[0]).replace("%2", self.demo[1]))
        self.demo_hint.setVisible(self.demo is not None)
        self.language.sync()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
            self.errors.relocalize(self.env.lang)
        super().changeEvent(event)

    def accept(self) -> None:
        if self._busy:
            return
        self.errors.clear()
        self._busy = True
        self.buttons.setEnabled(False)
        self.env.runner.db(
            authenticate, self.env.app, self.login.text(), self.password.text(),
            on_done=self._signed_in, on_error=self._failed, on_finally=self._settle,
        )

    def _settle(self) -> None:
        self._busy = False
        self.buttons.setEnabled(True)

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, UserError):
            self.errors.show(err, self.env.lang)
            self.password.selectAll()
            self.password.setFocus()

    def _signed_in(self, actor: Actor) -> None:
        # the language chosen on this screen wins over the account's stored one
        self.actor = Actor(
            actor.user_id, actor.user_name, actor.role, actor.center_id, self.env.lang
        )
        super().accept()

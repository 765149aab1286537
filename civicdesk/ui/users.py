"""Accounts of the center (managers only): list, add, change role, deactivate, reset
password."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Lang
from civicdesk.domain.formatting import format_datetime
from civicdesk.services import users as svc
from civicdesk.services.users import UserView
from civicdesk.ui.common import ErrorLabel, FormDialog, fill_combo, is_language_change
from civicdesk.ui.env import UiEnv
from civicdesk.ui.texts import role_text, yes_no

ModelIndex = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    """A center has a handful of accounts: the whole list is held in memory."""

    def __init__(self, env: UiEnv, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.rows: list[UserView] = []

    def set_rows(self, rows: list[UserView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Full name"), self.tr("Login"), self.tr("Role"), self.tr("Active"),
                self.tr("Last sign-in")]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= index.row() < len(self.rows):
            return None
        u = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return u.full_name
        if col == 1:
            return u.login
        if col == 2:
            return role_text(u.role)
        if col == 3:
            return yes_no(u.active)
        if col == 4:
            return format_datetime(u.last_login_at, self.env.lang, "short") if u.last_login_at \
                else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            h = self.headers()
            return h[section] if 0 <= section < len(h) else None
        return str(section + 1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 4))


class UsersPage(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.model = UsersModel(env, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, w in enumerate((260, 160, 160, 90, 160)):
            if col:
                self.table.setColumnWidth(col, w)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        #: the center's details for the consent form (managers)
        self.operator_button = QPushButton()
        self.operator_button.setVisible(env.is_manager)
        buttons.addWidget(self.operator_button)
        # the quorum and decision thresholds: only the center's own manager
        self.quorum_button = QPushButton()
        self.quorum_button.setVisible(self._center_manager())
        buttons.addWidget(self.quorum_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.operator_button.clicked.connect(self.edit_operator)
        self.quorum_button.clicked.connect(self.edit_quorum)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        env.signals.data_changed.connect(lambda e: self.refresh() if e == "user" else None)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.env.runner.db(svc.list_users, self.env.ctx(), on_done=self.model.set_rows)

    def new_item(self) -> None:
        UserDialog(self.env, parent=self).open()

    def edit_selected(self) -> None:
        idx = self.table.currentIndex()
        if idx.isValid() and idx.row() < len(self.model.rows):
            UserDialog(self.env, self.model.rows[idx.row()], parent=self).open()

    def edit_operator(self) -> None:
        from civicdesk.ui.operator_form import OperatorDialog

        if self.env.is_manager:
            OperatorDialog(self.env, parent=self).open()

    def _center_manager(self) -> bool:
        actor = self.env.actor
        return actor is not None and actor.role is Role.MANAGER

    def edit_quorum(self) -> None:
        from civicdesk.ui.quorum_form import QuorumDialog

        if self._center_manager():
            QuorumDialog(self.env, parent=self).open()

    def retranslate(self) -> None:
        self.quorum_button.setText(
            QCoreApplication.translate("QuorumDialog", "Quorum and decision thresholds…"))
        self.operator_button.setText(
            QCoreApplication.translate("OperatorDialog", "Center details for the consent form…"))
        self.add_button.setText(self.tr("Add account"))
        self.edit_button.setText(self.tr("Edit"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


class UserDialog(FormDialog[UserView]):
    """New account, or edit: role, active, a new password (empty keeps the old one).

    Edits are not tracked, so closing the form never asks."""

    changed_entity = "user"

    def __init__(
        self, env: UiEnv, view: UserView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(env, parent)
        self.view = view
        self.full_name = QLineEdit(view.full_name if view else "")
        self.login = QLineEdit(view.login if view else "")
        self.login.setReadOnly(view is not None)
        self.role = QComboBox()
        self.active = QComboBox()
        self.language = QComboBox()
        self.language.addItem("Қазақша", "kk")
        self.language.addItem("Русский", "ru")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = {k: QLabel() for k in ("full_name", "login", "role", "active", "language",
                                             "password", "password2")}
        form = QFormLayout()
        e = self.errors
        form.addRow(self.labels["full_name"], self.full_name)
        form.addRow("", e.add(ErrorLabel(), "full_name"))
        form.addRow(self.labels["login"], self.login)
        form.addRow("", e.add(ErrorLabel(), "login"))
        form.addRow(self.labels["role"], self.role)
        form.addRow(self.labels["active"], self.active)
        form.addRow(self.labels["language"], self.language)
        form.addRow(self.labels["password"], self.password)
        form.addRow(self.labels["password2"], self.password2)
        form.addRow("", e.add(ErrorLabel(), "password"))
        self.finish_layout(form, save_shortcut=False)
        self.setMinimumWidth(480)
        self.retranslate()
        if view is not None:
            self.role.setCurrentIndex(max(self.role.findData(view.role.value), 0))
            self.active.setCurrentIndex(0 if view.active else 1)
            self.language.setCurrentIndex(0 if view.language == "kk" else 1)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New account") if self.view is None else self.tr("Account"))
        texts = {
            "full_name": self.tr("Full name:"), "login": self.tr("Login:"),
            "role": self.tr("Role:"), "active": self.tr("Status:"),
            "language": self.tr("Language:"),
            "password": self.tr("Password:") if self.view is None
            else self.tr("New password:"),
            "password2": self.tr("Password again:"),
        }
        for k, t in texts.items():
            self.labels[k].setText(t)
        if self.view is not None:
            self.password.setPlaceholderText(self.tr("leave empty to keep the password"))
        roles = [Role.CONSULTANT, Role.MANAGER]
        if self.env.actor is not None and self.env.actor.is_head_office:
            roles.append(Role.HEAD_OFFICE)
        fill_combo(self.role, ((role_text(r), r.value) for r in roles))
        fill_combo(self.active, [(self.tr("active"), True), (self.tr("deactivated"), False)])
        self.set_button_texts(self.tr("Save"), self.tr("Cancel"))
        self.errors.relocalize(self.env.lang)

    def save(self) -> None:
        if self._busy:
            return
        self.errors.clear()
        pw = self.password.text()
        if pw != self.password2.text():
            self.errors.labels["password"].show_text(self.tr("The two passwords differ."))
            return
        role = Role(self.role.currentData())
        lang: Lang = "ru" if self.language.currentData() == "ru" else "kk"
        ctx = self.env.ctx()
        if self.view is None:
            self.submit(
                svc.create_user, ctx, login=self.login.text(), full_name=self.full_name.text(),
                role=role, password=pw, language=lang,
            )
        else:
            v = self.view
            self.submit(
                svc.update_user, ctx, v.id,
                full_name=self.full_name.text(),
                role=role if role is not v.role else None,
                active=bool(self.active.currentData()) if bool(self.active.currentData())
                != v.active else None,
                password=pw or None, language=lang,
            )

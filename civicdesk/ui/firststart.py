"""First start: choose the language, describe the center, create the first manager."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from civicdesk.domain.collation import collation_key, sorted_by_name
from civicdesk.domain.errors import Lang, UserError
from civicdesk.domain.kato import REGIONS
from civicdesk.services import reference
from civicdesk.services.app import CivicApp
from civicdesk.services.reference import Named
from civicdesk.services.users import CenterView, UserView, setup_center
from civicdesk.ui.common import ErrorLabel, FieldErrors, fill_combo, is_language_change
from civicdesk.ui.env import UiEnv


def _districts(app: CivicApp, region_kato: str) -> list[Named]:
    """Load the shipped reference lists (idempotent) and the region's districts."""
    ctx = app.admin_context()
    reference.load_reference_data(ctx)
    return reference.districts(ctx, region_kato)


class LanguagePage(QWizardPage):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        layout = QVBoxLayout(self)
        # the language names are always shown in their own language
        self.kk = QRadioButton("Қазақша")
        self.ru = QRadioButton("Русский")
        (self.kk if env.lang == "kk" else self.ru).setChecked(True)
        layout.addWidget(self.kk)
        layout.addWidget(self.ru)
        layout.addStretch(1)
        self.kk.toggled.connect(self._changed)
        self.retranslate()

    def _changed(self) -> None:
        lang: Lang = "kk" if self.kk.isChecked() else "ru"
        if lang != self.env.lang:
            self.env.set_language(lang)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to CivicDesk"))
        self.setSubTitle(
            self.tr(
                "This computer has no center yet. Choose the language of the program; "
                "you can change it later at any time."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


class CenterPage(QWizardPage):
    def __init__(self, env: UiEnv, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        form = QFormLayout(self)
        self.name_kk = QLineEdit()
        self.name_ru = QLineEdit()
        self.region = QComboBox()
        self.district = QComboBox()
        self.name_error = errors.add(ErrorLabel(), "center_name")
        self.region_error = errors.add(ErrorLabel(), "region")
        self.district_error = errors.add(ErrorLabel(), "district_id")
        self.l_name_kk = QLabel()
        self.l_name_ru = QLabel()
        self.l_region = QLabel()
        self.l_district = QLabel()
        form.addRow(self.l_name_kk, self.name_kk)
        form.addRow(self.l_name_ru, self.name_ru)
        form.addRow("", self.name_error)
        form.addRow(self.l_region, self.region)
        form.addRow("", self.region_error)
        form.addRow(self.l_district, self.district)
        form.addRow("", self.district_error)
        self._districts: list[Named] = []
        self.region.currentIndexChanged.connect(self._load_districts)
        self.name_kk.textChanged.connect(self.completeChanged)
        self.name_ru.textChanged.connect(self.completeChanged)
        self.region.currentIndexChanged.connect(self.completeChanged)
        self.retranslate()

    def isComplete(self) -> bool:
        return bool(
            self.name_kk.text().strip() and self.name_ru.text().strip()
            and self.region.currentData()
        )

    def _load_districts(self) -> None:
        kato = self.region.currentData()
        if not kato:
            self._districts = []
            self._fill_districts()
            return
        self.district.setEnabled(False)

        def done(rows: list[Named]) -> None:
            if self.region.currentData() == kato:
                self._districts = rows
                self._fill_districts()

        self.env.runner.db(
            _districts, self.env.app, kato, on_done=done,
            on_finally=lambda: self.district.setEnabled(True),
        )

    def _fill_districts(self) -> None:
        fill_combo(
            self.district,
            ((d.name(self.env.lang), d.id)
             for d in sorted_by_name(self._districts, lambda d: d.name(self.env.lang))),
            blank=self.tr("(not listed / whole region)"),
        )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your center"))
        self.setSubTitle(self.tr("The name appears on printed forms in both languages."))
        self.l_name_kk.setText(self.tr("Name in Kazakh:"))
        self.l_name_ru.setText(self.tr("Name in Russian:"))
        self.l_region.setText(self.tr("Region:"))
        self.l_district.setText(self.tr("District:"))
        self.name_kk.setPlaceholderText(self.tr("e.g. «Жаңа ауыл» орталығы"))
        self.name_ru.setPlaceholderText(self.tr("e.g. центр «Жана аул»"))
        lang = self.env.lang
        fill_combo(
            self.region,
            sorted(((m.text(lang), code) for code, m in REGIONS.items()),
                   key=lambda p: collation_key(p[0])),
            blank=self.tr("— choose —"),
        )
        self._fill_districts()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


class ManagerPage(QWizardPage):
    def __init__(self, env: UiEnv, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        form = QFormLayout(self)
        self.full_name = QLineEdit()
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.l_name = QLabel()
        self.l_login = QLabel()
        self.l_password = QLabel()
        self.l_password2 = QLabel()
        self.general = errors.general
        self.name_error = errors.add(ErrorLabel(), "full_name")
        self.login_error = errors.add(ErrorLabel(), "login")
        self.password_error = errors.add(ErrorLabel(), "password", "password2")
        form.addRow(self.l_name, self.full_name)
        form.addRow("", self.name_error)
        form.addRow(self.l_login, self.login)
        form.addRow("", self.login_error)
        form.addRow(self.l_password, self.password)
        form.addRow(self.l_password2, self.password2)
        form.addRow("", self.password_error)
        form.addRow(self.general)
        for w in (self.full_name, self.login, self.password, self.password2):
            w.textChanged.connect(self.completeChanged)
        self.retranslate()

    def isComplete(self) -> bool:
        return all(
            w.text() for w in (self.full_name, self.login, self.password, self.password2)
        )

    def retranslate(self) -> None:
        self.setTitle(self.tr("The first manager"))
        self.setSubTitle(
            self.tr(
                "The manager signs in first and then adds the consultants' accounts. "
                "The password must have at least 8 characters."
            )
        )
        self.l_name.setText(self.tr("Full name:"))
        self.l_login.setText(self.tr("Login:"))
        self.l_password.setText(self.tr("Password:"))
        self.l_password2.setText(self.tr("Password again:"))
        self.login.setPlaceholderText(self.tr("Latin letters, digits, dot"))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


class FirstStartWizard(QWizard):
    """Creates the center and its first manager (``setup_center``) on the DB thread."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 460)
        self.errors = FieldErrors(ErrorLabel())
        self.language_page = LanguagePage(env)
        self.center_page = CenterPage(env, self.errors)
        self.manager_page = ManagerPage(env, self.errors)
        self.addPage(self.language_page)
        self.addPage(self.center_page)
        self.addPage(self.manager_page)
        self.result_views: tuple[CenterView, UserView] | None = None
        self._busy = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CivicDesk: first start"))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
            self.errors.relocalize(self.env.lang)
        super().changeEvent(event)

    def accept(self) -> None:
        if self._busy:
            return
        m = self.manager_page
        c = self.center_page
        self.errors.clear()
        if m.password.text() != m.password2.text():
            m.password_error.show_text(self.tr("The two passwords differ."))
            return
        self._busy = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        lang = self.env.lang
        self.env.runner.db(
            setup_center, self.env.app,
            name_kk=c.name_kk.text(), name_ru=c.name_ru.text(),
            region_kato=c.region.currentData() or "",
            district_id=c.district.currentData(),
            manager_login=m.login.text(), manager_name=m.full_name.text(),
            manager_password=m.password.text(), language=lang,
            on_done=self._done, on_error=self._failed, on_finally=self._settle,
        )

    def _settle(self) -> None:
        self._busy = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, UserError):
            self.errors.show(err, self.env.lang)
            for f in ("center_name", "region", "district_id"):
                if f in self._fields(err):
                    self.errors.general.show_text(
                        self.tr("Please correct the center's details on the previous page.")
                        + ("\n" + self.errors.general.text() if self.errors.general.text() else "")
                    )
                    break

    @staticmethod
    def _fields(err: UserError) -> set[str]:
        errors = getattr(err, "errors", [err])
        return {e.field or "" for e in errors}

    def _done(self, views: tuple[CenterView, UserView]) -> None:
        self.result_views = views
        super().accept()

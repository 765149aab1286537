"""A pilot day in Kazakh at a center of Turkistan region, through the real widgets.

A fresh data folder goes through the first start wizard (Turkistan region, one of its
districts) and the sign-in dialog, both run modally by ``start_session`` as in the app.
Then, in the main window: a resident with a Kazakh name is registered with consent, a
consultation is recorded for her (chosen in the resident picker), the journal finds it
by part of her name, a meeting with too few members present is finalized only after
the "no quorum" question and is recorded as not competent with no decisions, and the
journal list is exported to XLSX and read back. Every text looked at is Kazakh.
"""

from __future__ import annotations

import os
import sys

# offscreen, except on Windows (no fonts there: see tests/conftest.py)
os.environ["QT_QPA_PLATFORM"] = "windows" if sys.platform == "win32" else "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from civicdesk.domain.enums import MeetingKind, MeetingStatus
from civicdesk.services import consultations as consultation_svc
from civicdesk.services import meetings as meeting_svc
from civicdesk.services.app import CivicApp
from civicdesk.services.users import current_center, needs_setup
from civicdesk.ui import habits, i18n
from civicdesk.ui.env import UiEnv
from civicdesk.ui.tasks import TaskRunner

TURKISTAN = "61"  # KATO code of Turkistan region
PASSWORD = "sauran-center-2024"
LOGIN = "gulnar.manager"
MANAGER_NAME = "Гүлнар Әбдіқадырова"
CENTER_KK = "Сауран ауданының ЖӨБ дамыту орталығы"
CENTER_RU = "Центр развития МСУ Сауранского района"
RESIDENT = "Өмірзақ Құдайбергенұлы Әбішев"
QUESTION = "Ауыл жиынында сөз сөйлеу тәртібі қандай?"
ADVICE = "Жиынның регламенті мен сөз алу тәртібі түсіндірілді"
IDLE_MS = 10000
# the offscreen platform cannot raise a window or grab the keyboard for a popup menu
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CYRILLIC_KK = set("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")


def is_kazakh(text: str) -> bool:
    """Cyrillic words with at least one letter of the Kazakh alphabet only, no Latin
    (except the names of the programme and of Excel)."""
    for name in ("CivicDesk", "Excel", "XLSX"):
        text = text.replace(name, "")
    letters = [c for c in text.lower() if c.isalpha()]
    return (bool(letters) and all(c in CYRILLIC_KK for c in letters)
            and any(c in "әғқңөұүһі" for c in letters))


@pytest.fixture()
def fresh_env(qapp: object, tmp_path: Path) -> Iterator[UiEnv]:
    """A never-opened data folder, the real task runner, Kazakh UI; bugs fail the test."""
    bugs: list[str] = []
    runner = TaskRunner()
    runner.bug_handler = lambda exc, tb: bugs.append(tb)
    civic = CivicApp(tmp_path / "data")
    i18n.ensure_compiled()
    i18n.install(civic.state.language)
    env = UiEnv(app=civic, runner=runner, lang=civic.state.language)
    yield env
    runner.wait_idle(5000)
    runner.db(civic.close)
    runner.wait_idle(5000)
    runner.shutdown()
    i18n.install("kk")
    assert not bugs, "".join(bugs)


def idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(IDLE_MS), "background work did not finish"


def wait(qtbot: object, condition: Callable[[], bool], timeout: int = IDLE_MS) -> None:
    qtbot.waitUntil(condition, timeout=timeout)  # type: ignore[attr-defined]


def flush_db_thread(env: UiEnv) -> None:
    """Let the database thread drop the last task it ran (and the windows its callbacks
    hold), so that no window is freed on that thread (see tests/e2e/test_app_flow.py)."""
    env.runner.db(lambda: None)
    idle(env)


@dataclass
class ModalDriver:
    """Answers the modal windows that the app runs with ``exec``: a timer looks at the
    active modal window every few milliseconds and hands it to ``handle``, which does
    the next step once the window is ready for it (never blocking inside ``exec``)."""

    handle: Callable[[QWidget], None]
    failure: str | None = None
    #: every window driven, kept so that none is freed by the database thread
    seen: list[QWidget] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.step)
        self.watchdog = QTimer()
        self.watchdog.setSingleShot(True)
        self.watchdog.setInterval(20000)
        self.watchdog.timeout.connect(self.give_up)

    def start(self) -> None:
        self.timer.start()
        self.watchdog.start()

    def stop(self) -> None:
        self.timer.stop()
        self.watchdog.stop()

    def give_up(self) -> None:
        self.failure = "a modal window was stuck"
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.reject()  # type: ignore[attr-defined]

    def step(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        if not any(modal is w for w in self.seen):
            self.seen.append(modal)
        try:
            self.handle(modal)
        except AssertionError as exc:  # reported by the test, not lost in the event loop
            self.failure = f"{type(modal).__name__}: {exc!r}"
            self.stop()
            modal.reject()  # type: ignore[attr-defined]


@dataclass
class StartUp:
    """First start in Turkistan region, then sign-in, in Kazakh."""

    env: UiEnv
    steps: list[str] = field(default_factory=list)
    district_id: str | None = None
    district_name: str = ""

    def __call__(self, modal: QWidget) -> None:
        from civicdesk.ui.firststart import FirstStartWizard
        from civicdesk.ui.login import LoginDialog

        if isinstance(modal, FirstStartWizard):
            self.wizard(modal)
        elif isinstance(modal, LoginDialog):
            self.login(modal)

    def wizard(self, w: QWizard) -> None:
        from civicdesk.ui.firststart import FirstStartWizard

        assert isinstance(w, FirstStartWizard)
        done = self.steps.__contains__
        if not done("language"):
            w.language_page.kk.setChecked(True)
            assert self.env.lang == "kk"
            w.next()
            self.steps.append("language")
        elif not done("center"):
            c = w.center_page
            if w.currentPage() is not c:
                return
            assert is_kazakh(w.button(QWizard.WizardButton.NextButton).text().replace("&", ""))
            c.name_kk.setText(CENTER_KK)
            c.name_ru.setText(CENTER_RU)
            c.region.setCurrentIndex(c.region.findData(TURKISTAN))  # districts load later
            assert c.region.currentText() == "Түркістан облысы"
            self.steps.append("center")
        elif not done("district"):
            c = w.center_page
            if c.district.count() <= 1 or not c.district.isEnabled():
                return
            index = c.district.findText("Сауран ауданы")
            assert index > 0, [c.district.itemText(i) for i in range(c.district.count())]
            c.district.setCurrentIndex(index)
            self.district_id = c.district.currentData()
            self.district_name = c.district.currentText()
            assert c.isComplete()
            w.next()
            self.steps.append("district")
        elif not done("manager"):
            m = w.manager_page
            if w.currentPage() is not m:
                return
            m.full_name.setText(MANAGER_NAME)
            m.login.setText(LOGIN)
            m.password.setText(PASSWORD)
            m.password2.setText(PASSWORD)
            finish = w.button(QWizard.WizardButton.FinishButton)
            assert m.isComplete() and finish.isEnabled()
            finish.click()  # runs setup_center on the database thread
            self.steps.append("manager")

    def login(self, d: QWidget) -> None:
        from civicdesk.ui.login import LoginDialog

        assert isinstance(d, LoginDialog)
        if "login" in self.steps or d.center is None:
            return
        assert d.center_label.text() == CENTER_KK
        assert d.language.currentData() == "kk"
        assert is_kazakh(d.windowTitle()), d.windowTitle()
        d.login.setText(LOGIN)
        d.password.setText(PASSWORD)
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        self.steps.append("login")


def test_pilot_day_in_kazakh_in_turkistan_region(
    qtbot: QtBot, fresh_env: UiEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from civicdesk.ui.app import start_session
    from civicdesk.ui.consultation_dialog import ConsultationDialog
    from civicdesk.ui.journal import ConsultationsPage
    from civicdesk.ui.mainwindow import MainWindow
    from civicdesk.ui.meetings import MeetingsPage
    from civicdesk.ui.residents import ResidentDialog, ResidentPicker, ResidentsPage

    env = fresh_env
    app: CivicApp = env.app

    # ------------------------------------------ 1. first start in Turkistan, sign in
    assert needs_setup(app)
    start_up = StartUp(env)
    driver = ModalDriver(start_up)
    driver.start()
    try:
        signed_in = start_session(env)
    finally:
        driver.stop()
    flush_db_thread(env)
    assert driver.failure is None, driver.failure
    assert start_up.steps == ["language", "center", "district", "manager", "login"]
    assert signed_in and not needs_setup(app)
    center = current_center(app)
    assert center is not None
    assert (center.name_kk, center.name_ru) == (CENTER_KK, CENTER_RU)
    assert start_up.district_id and center.district_id == start_up.district_id
    assert start_up.district_name == "Сауран ауданы"
    actor = env.actor
    assert actor is not None and actor.is_manager and actor.lang == "kk"

    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    idle(env)
    wait(qtbot, lambda: window.center_status.text() == CENTER_KK)
    assert MANAGER_NAME in window.user_status.text()

    # ------------------------------------------------- 2. a resident, with consent
    residents = window.show_page("residents")
    assert isinstance(residents, ResidentsPage)
    idle(env)
    assert is_kazakh(residents.new_button.text().replace("&", "")), residents.new_button.text()
    residents.new_button.click()
    dialogs = residents.findChildren(ResidentDialog)
    assert len(dialogs) == 1
    rd = dialogs[0]
    wait(qtbot, rd.isVisible)
    idle(env)
    assert is_kazakh(rd.windowTitle()), rd.windowTitle()
    assert not rd.consent.isChecked()  # consent is an act of the resident
    rd.full_name.setText(RESIDENT)
    rd.birth_year.setValue(1961)
    rd.phone.setText("87251234567")
    rd.consent.setChecked(True)
    rd.purposes["consultation"].setChecked(True)
    rd.save()
    idle(env)
    idle(env)
    assert not rd.errors.has_errors(), [lb.text() for lb in rd.errors.labels.values()]
    assert rd.saved is not None and rd.saved.full_name == RESIDENT
    resident_id = rd.saved.id
    wait(qtbot, lambda: residents.model.total == 1 and not residents.model.loading)

    # --------------------------------- 3. a consultation for her, from the picker
    journal = window.show_page("consultations")
    assert isinstance(journal, ConsultationsPage)
    idle(env)
    assert journal.model.total == 0
    journal.new_button.click()
    forms = journal.findChildren(ConsultationDialog)
    assert len(forms) == 1
    form = forms[0]
    wait(qtbot, form.isVisible)
    idle(env)
    assert is_kazakh(form.windowTitle()), form.windowTitle()

    picked: list[str] = []

    def pick(modal: QWidget) -> None:
        if not isinstance(modal, ResidentPicker) or picked:
            return
        assert is_kazakh(modal.windowTitle()), modal.windowTitle()
        if modal.search.text() != "құдайберген":
            modal.search.setText("құдайберген")
            return
        if modal.timer.isActive() or modal.model.loading or modal.model.total != 1:
            return
        modal.table.selectRow(0)
        picked.append(modal.model.index(0, 0).data())
        modal.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    picker_driver = ModalDriver(pick)
    picker_driver.start()
    try:
        form.pick_resident.click()  # the picker runs modally until ``pick`` accepts it
    finally:
        picker_driver.stop()
    assert picker_driver.failure is None, picker_driver.failure
    assert picked == [RESIDENT]
    assert form.resident_id == resident_id and form.resident_name.text() == RESIDENT
    form.question.setPlainText(QUESTION)
    form.advice.setPlainText(ADVICE)
    form.topic.setCurrentIndex(1)
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    idle(env)
    assert not form.errors.has_errors(), [lb.text() for lb in form.errors.labels.values()]
    consultation = form.saved
    assert consultation is not None and consultation.resident_id == resident_id
    flush_db_thread(env)
    wait(qtbot, lambda: journal.model.total == 1 and not journal.model.loading)

    # --------------------------- 4. the journal finds it by part of her name (kk letters)
    for typed, found in (("әбішев", 1), ("ӨМІРЗАҚ", 1), ("құдайберг", 1), ("асқар", 0),
                         ("өмірзақ жиын", 1)):
        journal.search.setText(typed)
        def settled(n: int = found) -> bool:
            return (not journal.search_timer.isActive() and not journal.model.loading
                    and journal.model.total == n)

        wait(qtbot, settled)
    assert journal.model.row_at(0).id == consultation.id  # type: ignore[union-attr]
    assert journal.model.index(0, 1).data() == RESIDENT
    assert journal.model.index(0, 3).data() == QUESTION
    headers = [journal.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert all(is_kazakh(h) for h in headers if h), headers

    # ------------------------------- 5. a meeting without quorum is not competent
    meetings = window.show_page("meetings")
    assert isinstance(meetings, MeetingsPage)
    idle(env)
    meetings.new_button.click()
    held = date.today() - timedelta(days=1)
    meetings.kind.setCurrentIndex(meetings.kind.findData(MeetingKind.MEETING.value))
    meetings.number.setText("1")
    meetings.held_on.setDate(QDate(held.year, held.month, held.day))
    meetings.place.setText("Бабайқорған ауылы, мәдениет үйі")
    meetings.chair.setText("Серік Жолдасбеков")
    meetings.secretary.setText("Айгерім Тұрсынова")
    meetings.eligible.setValue(9)
    meetings.save_button.click()
    idle(env)
    assert meetings.view is not None, meetings.errors
    meeting_id = meetings.view.id
    meetings.tabs.setCurrentIndex(1)
    for name in ("Нұрлан Сыздықов", "Әлия Бекова", "Ғалым Үсенов"):
        meetings.new_attendee.setText(name)
        meetings.add_attendee_button.click()
    assert not meetings.quorum_ok  # 3 of 9: a meeting needs more than half
    assert meetings.quorum_label.text() == "9 мүшенің 3 қатысты, кворумға қажеті: 5 — кворум жоқ"
    meetings.save_attendance_button.click()
    idle(env)
    assert meetings.view is not None and meetings.view.members_present == 3
    meetings.tabs.setCurrentIndex(2)
    meetings.new_item_title.setText("Ауыл көшелерін жарықтандыру")
    meetings.add_item_button.click()
    idle(env)
    meetings.agenda_list.setCurrentRow(0)
    assert not meetings.votes_for.isEnabled()  # no votes on an item without quorum
    assert meetings.no_quorum_hint.isVisibleTo(meetings)
    assert "Кворум жоқ" in meetings.no_quorum_hint.text()

    asked: list[tuple[str, str, list[str]]] = []

    def answer(modal: QWidget) -> None:
        if not isinstance(modal, QMessageBox) or not modal.isVisible():
            return
        buttons = [b.text().replace("&", "") for b in modal.buttons()]
        asked.append((modal.windowTitle(), modal.text(), buttons))
        # first "No" (the draft stays), then "Yes"
        which = QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes
        modal.button(which).click()

    box_driver = ModalDriver(answer)
    box_driver.start()
    try:
        meetings.tabs.setCurrentIndex(3)
        assert meetings.finalize_button.isEnabled()
        meetings.finalize_button.click()
        wait(qtbot, lambda: len(asked) == 1)
        idle(env)
        assert meeting_svc.get_meeting(env.ctx(), meeting_id).status is MeetingStatus.DRAFT
        meetings.finalize_button.click()
        wait(qtbot, lambda: len(asked) == 2)
        idle(env)
        idle(env)
    finally:
        box_driver.stop()
    assert box_driver.failure is None, box_driver.failure
    title, text, buttons = asked[0]
    assert title == "Кворум жоқ" and "қатысқаны 3, кемінде 5 қажет" in text, asked[0]
    assert "заңды емес" in text and is_kazakh(text), text
    assert buttons == ["Иә", "Жоқ"] and asked[1] == asked[0], asked  # not Yes / No
    wait(qtbot, lambda: meetings.view is not None
         and meetings.view.status is MeetingStatus.FINALIZED)
    stored = meeting_svc.get_meeting(env.ctx(), meeting_id)
    assert stored.status is MeetingStatus.FINALIZED and stored.not_competent
    assert [(i.votes_for, i.votes_against, i.votes_abstain, i.decision or "")
            for i in stored.agenda] == [(0, 0, 0, "")]  # no votes, no decision
    assert stored.agenda[0].outcome is not None and stored.agenda[0].outcome.value == "no_quorum"
    assert "заңды емес" in meetings.status_label.text(), meetings.status_label.text()
    assert meetings.is_locked() and not meetings.finalize_button.isEnabled()

    # ---------------------------------- 6. the journal list, exported to XLSX
    assert window.show_page("consultations") is journal
    journal.search.setText("әбішев")
    wait(qtbot, lambda: not journal.search_timer.isActive() and not journal.model.loading
         and journal.model.total == 1)
    table = journal.table
    table.customContextMenuRequested.emit(table.visualRect(journal.model.index(0, 0)).center())
    menu = window.habits["consultations"].last_menu
    assert menu is not None
    names = [a.text() for a in menu.actions() if a.text()]
    # each item Cyrillic with no English word; the menu as a whole in Kazakh («Ашу» is
    # spelt the same in both alphabets, «Жолды көшіру» is not)
    assert all(is_kazakh(n + " ә") for n in names) and is_kazakh(" ".join(names)), names
    assert names[:3] == ["Ашу", "Жаңа…", "Жолды көшіру"], names
    suggested: list[Path] = []

    def ask(_parent: object, proposal: Path) -> Path:  # the file dialog is the OS's own
        suggested.append(proposal)
        return tmp_path / proposal.name

    monkeypatch.setattr(habits, "ask_save_path", ask)
    exported: list[Path] = []
    window.habits["consultations"].on_exported = exported.append
    next(a for a in menu.actions() if a.text() == "Excel-ге экспорттау…").trigger()
    wait(qtbot, lambda: bool(exported))
    menu.close()
    assert suggested[0].name.startswith("Кеңестер ") and suggested[0].suffix == ".xlsx"
    ws = load_workbook(exported[0]).active
    assert ws is not None
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header_row = next(i for i, r in enumerate(rows) if r[:len(headers)] == headers)
    data = [[v or "" for v in r] for r in rows[header_row + 1:] if any(r)]
    shown = [[journal.model.data(journal.model.index(0, c)) or "" for c in range(9)]]
    assert data == shown
    assert data[0][1] == RESIDENT and data[0][3] == QUESTION
    assert any("әбішев" in str(v) for r in rows[:header_row] for v in r), rows[:header_row]
    stored_c = consultation_svc.get_consultation(env.ctx(), consultation.id)
    assert stored_c.resident_id == resident_id and stored_c.question == QUESTION

    # ------------------------------------------------------------------ closing
    assert not window.has_unsaved_changes()
    window.close()
    idle(env)
    flush_db_thread(env)

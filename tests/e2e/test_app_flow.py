"""From the first start to real records, through the real widgets and task runner.

A fresh data folder goes through the first start wizard and the sign-in dialog (both
run modally by ``start_session``, as in the app), then the main window: a consultation
in the journal, the minutes of a meeting (attendance, quorum, votes, finalize) and a
grant application with its budget. The database and the audit log are checked last.
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
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget, QWizard
from sqlalchemy import select

from civicdesk.domain.enums import (
    ApplicationStatus,
    BudgetCategory,
    ConsultationChannel,
    MeetingKind,
    MeetingStatus,
    VoteOutcome,
)
from civicdesk.services import consultations as consultation_svc
from civicdesk.services import grants as grant_svc
from civicdesk.services import meetings as meeting_svc
from civicdesk.services.app import CivicApp
from civicdesk.services.users import current_center, needs_setup
from civicdesk.ui import i18n
from civicdesk.ui.env import UiEnv
from civicdesk.ui.tasks import TaskRunner

PASSWORD = "aqsu-center-2024"
LOGIN = "asel.manager"
MANAGER_NAME = "Әсел Нұрланқызы"
CENTER_KK = "Ақсу ауылының ЖӨБ дамыту орталығы"
CENTER_RU = "Центр развития МСУ села Аксу"
QUESTION = "Жергілікті қоғамдастық жиынын қалай өткізуге болады?"
OK_COLOR = "#1b7f3b"
BAD_COLOR = "#b00020"
IDLE_MS = 10000


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


@dataclass
class SessionDriver:
    """Answers the wizard and the sign-in dialog while ``start_session`` runs them
    modally: a timer looks at the modal window every few milliseconds and does the
    next step once the window is ready for it (never blocking inside ``exec``)."""

    env: UiEnv
    steps: list[str] = field(default_factory=list)
    failure: str | None = None
    #: every window driven, kept so that none is freed by the database thread (see
    #: ``flush_db_thread``)
    seen: list[QWidget] = field(default_factory=list)
    district_id: str | None = None

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
        self.failure = f"start-up dialogs stuck after steps {self.steps}"
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.reject()  # type: ignore[attr-defined]

    def done(self, name: str) -> bool:
        return name in self.steps

    def step(self) -> None:
        from civicdesk.ui.firststart import FirstStartWizard
        from civicdesk.ui.login import LoginDialog

        modal: QWidget | None = QApplication.activeModalWidget()
        if modal is not None and not any(modal is w for w in self.seen):
            self.seen.append(modal)
        if isinstance(modal, FirstStartWizard):
            self.drive_wizard(modal)
        elif isinstance(modal, LoginDialog):
            self.drive_login(modal)

    def drive_wizard(self, w: object) -> None:
        from civicdesk.ui.firststart import FirstStartWizard

        assert isinstance(w, FirstStartWizard)
        if not self.done("language"):
            w.language_page.kk.setChecked(True)
            assert self.env.lang == "kk"
            w.next()
            self.steps.append("language")
        elif not self.done("center"):
            c = w.center_page
            if w.currentPage() is not c:
                return
            c.name_kk.setText(CENTER_KK)
            c.name_ru.setText(CENTER_RU)
            c.region.setCurrentIndex(c.region.findData("19"))  # districts load in background
            self.steps.append("center")
        elif not self.done("district"):
            c = w.center_page
            if c.district.count() <= 1 or not c.district.isEnabled():
                return
            c.district.setCurrentIndex(1)
            self.district_id = c.district.currentData()
            assert c.isComplete()
            w.next()
            self.steps.append("district")
        elif not self.done("manager"):
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

    def drive_login(self, d: object) -> None:
        from civicdesk.ui.login import LoginDialog

        assert isinstance(d, LoginDialog)
        if self.done("login") or d.center is None:
            return
        assert d.center_label.text() == CENTER_KK
        assert d.language.currentData() == "kk"
        d.login.setText(LOGIN)
        d.password.setText(PASSWORD)
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        self.steps.append("login")


def flush_db_thread(env: UiEnv) -> None:
    """Let the database thread drop its reference to the last task it ran.

    The worker keeps the last finished task (and so its callbacks) until the next one
    arrives; a window whose only reference is such a callback would then be freed on
    that thread, which can deadlock PySide. The test keeps its windows referenced and
    runs one empty task before letting them go.
    """
    env.runner.db(lambda: None)
    idle(env)


def wait(qtbot: object, condition: Callable[[], bool], timeout: int = IDLE_MS) -> None:
    qtbot.waitUntil(condition, timeout=timeout)  # type: ignore[attr-defined]


def test_first_start_to_records(qtbot, fresh_env: UiEnv) -> None:
    from civicdesk.db.models import AuditEntry
    from civicdesk.ui.app import start_session
    from civicdesk.ui.consultation_dialog import ConsultationDialog
    from civicdesk.ui.grants import BudgetModel, GrantsPage
    from civicdesk.ui.journal import ConsultationsPage
    from civicdesk.ui.mainwindow import MainWindow
    from civicdesk.ui.meetings import MeetingsPage

    env = fresh_env
    app: CivicApp = env.app

    # ---------------------------------------------------- 1-2. first start, sign in
    assert needs_setup(app)
    driver = SessionDriver(env)
    driver.start()
    try:
        signed_in = start_session(env)
    finally:
        driver.stop()
    flush_db_thread(env)
    assert driver.failure is None, driver.failure
    assert driver.steps == ["language", "center", "district", "manager", "login"]
    assert signed_in
    assert not needs_setup(app)
    center = current_center(app)
    assert center is not None
    assert (center.name_kk, center.name_ru) == (CENTER_KK, CENTER_RU)
    assert driver.district_id is not None
    assert center.district_id == driver.district_id
    actor = env.actor
    assert actor is not None and actor.is_manager
    assert actor.user_name == MANAGER_NAME and actor.user_id
    assert actor.lang == "kk" and app.state.language == "kk"

    # ------------------------------------------------------------- 3. main window
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    idle(env)
    assert {"consultations", "meetings", "grants", "users"} <= set(window.nav_keys())
    wait(qtbot, lambda: window.center_status.text() == CENTER_KK)
    assert MANAGER_NAME in window.user_status.text()

    journal = window.show_page("consultations")
    assert isinstance(journal, ConsultationsPage)
    assert window.current_page() is journal
    idle(env)
    assert journal.model.total == 0
    assert journal.refs.topics, "the reference topics were not loaded on first start"
    journal.new_button.click()
    dialogs = journal.findChildren(ConsultationDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    wait(qtbot, dialog.isVisible)
    dialog.question.setPlainText(QUESTION)
    dialog.advice.setPlainText("Жиынның тәртібі түсіндірілді")
    dialog.topic.setCurrentIndex(1)
    topic_code = dialog.topic.currentData()
    assert topic_code
    dialog.channel.setCurrentIndex(dialog.channel.findData(ConsultationChannel.PHONE.value))
    assert dialog.channel.currentData() == ConsultationChannel.PHONE.value
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    idle(env)
    assert not dialog.errors.has_errors(), [lb.text() for lb in dialog.errors.labels.values()]
    consultation = dialog.saved
    assert consultation is not None
    assert not dialog.isVisible()
    idle(env)
    wait(qtbot, lambda: journal.model.total == 1 and not journal.model.loading)
    assert journal.model.index(0, 3).data() == QUESTION
    assert journal.model.row_at(0).id == consultation.id  # type: ignore[union-attr]
    assert journal.model.index(0, 4).data()  # channel shown in words

    # ---------------------------------------------------------------- 4. meetings
    meetings = window.show_page("meetings")
    assert isinstance(meetings, MeetingsPage)
    idle(env)
    assert meetings.model.rowCount() == 0
    meetings.new_button.click()
    held = date.today() - timedelta(days=1)
    meetings.kind.setCurrentIndex(meetings.kind.findData(MeetingKind.MEETING.value))
    meetings.number.setText("1")
    meetings.held_on.setDate(QDate(held.year, held.month, held.day))
    meetings.place.setText("Ақсу ауылы, мәдениет үйі")
    meetings.chair.setText("Серік Әлиев")
    meetings.secretary.setText("Гүлнар Оспанова")
    meetings.eligible.setValue(5)
    meetings.save_button.click()
    idle(env)
    assert meetings.view is not None, meetings.errors
    meeting_id = meetings.view.id
    assert meetings.view.held_on == held
    assert meetings.view.status is MeetingStatus.DRAFT
    assert meetings.model.rowCount() == 1

    meetings.tabs.setCurrentIndex(1)
    for name in ("Айгүл Сәрсенова", "Бауыржан Төлеуов"):
        meetings.new_attendee.setText(name)
        meetings.add_attendee_button.click()
    assert not meetings.quorum_ok  # 2 of 5: a meeting needs more than half
    assert BAD_COLOR in meetings.quorum_label.styleSheet()
    assert meetings.quorum_label.text() == "5 мүшенің 2 қатысты, кворумға қажеті: 3 — кворум жоқ"
    for name in ("Жанар Құлова", "Дәурен Қасымов"):
        meetings.new_attendee.setText(name)
        meetings.add_attendee_button.click()
    assert meetings.quorum_ok
    assert OK_COLOR in meetings.quorum_label.styleSheet()
    assert meetings.quorum_label.text() == "5 мүшенің 4 қатысты, кворумға қажеті: 3 — кворум бар"
    assert meetings.present_count() == 4
    meetings.save_attendance_button.click()
    idle(env)
    assert meetings.view is not None and meetings.view.members_present == 4
    assert meetings.quorum_ok

    meetings.tabs.setCurrentIndex(2)
    for title in ("Ауыл көшелерін жөндеу", "Су құбырын салу"):
        meetings.new_item_title.setText(title)
        meetings.add_item_button.click()
        idle(env)
    assert meetings.agenda_list.count() == 2
    votes = {0: (3, 1, 0), 1: (1, 2, 1)}  # of 4 present, 3 votes for are needed
    expected = {0: ("қабылданды", OK_COLOR), 1: ("қабылданбады", BAD_COLOR)}
    for row, (pro, con, abstain) in votes.items():
        meetings.agenda_list.setCurrentRow(row)
        assert meetings.current_item() is not None
        assert meetings.current_item().position == row + 1  # type: ignore[union-attr]
        meetings.votes_for.setValue(pro)
        meetings.votes_against.setValue(con)
        meetings.votes_abstain.setValue(abstain)
        word, color = expected[row]
        assert meetings.outcome_text().startswith(word), meetings.outcome_text()
        assert color in meetings.outcome_label.styleSheet()
        meetings.item_decision.setPlainText(f"Шешім {row + 1}")
        meetings.save_item_button.click()
        idle(env)
        assert not meetings.dirty
    assert meetings.view is not None
    assert [i.outcome for i in meetings.view.agenda] == [VoteOutcome.ADOPTED, VoteOutcome.REJECTED]

    meetings.tabs.setCurrentIndex(3)
    assert meetings.finalize_button.isEnabled()
    meetings.finalize_button.click()
    idle(env)
    assert meetings.view is not None and meetings.view.status is MeetingStatus.FINALIZED
    assert meetings.is_locked()
    assert meetings.chair.isReadOnly() and meetings.number.isReadOnly()
    assert meetings.item_title.isReadOnly()
    assert not meetings.kind.isEnabled() and not meetings.eligible.isEnabled()
    assert not meetings.votes_for.isEnabled()
    assert not meetings.save_button.isEnabled()
    assert not meetings.add_attendee_button.isEnabled()
    assert not meetings.add_item_button.isEnabled()
    assert not meetings.finalize_button.isEnabled()
    assert meetings.sent_button.isEnabled()
    assert meetings.deadline_label.text()  # when the minutes are due at the akim's

    # ------------------------------------------------------------------ 5. grants
    grants = window.show_page("grants")
    assert isinstance(grants, GrantsPage)
    idle(env)
    created_call = False
    if grants.call_combo.count() == 0:
        assert grants.new_call_button.isEnabled()
        grants.new_call_button.click()
        call_dialog = grants.call_dialog
        idle(env)  # regions
        call_dialog.title_kk.setText("Ақсу ауылының шағын гранттары")
        call_dialog.title_ru.setText("Малые гранты села Аксу")
        call_dialog.region.setCurrentIndex(call_dialog.region.findData("19"))
        assert call_dialog.region.currentData() == "19"
        call_dialog.pool.setText("1 000 000")
        call_dialog.save()
        idle(env)
        created_call = True
    wait(qtbot, lambda: grants.call_combo.count() >= 1 and grants.call is not None)
    idle(env)
    call_id = grants.current_call_id()
    assert call_id is not None
    assert grants.call is not None and grants.call.id == call_id

    grants.new_button.click()
    idle(env)  # the call is checked to be open before the form is emptied
    assert grants.view is None
    grants.applicant_name.setText("«Жасыл ауыл» бастамашыл тобы")
    grants.app_title.setText("Балалар алаңын абаттандыру")
    grants.leader.setText("Мәдина Есенова")
    grants.goal.setPlainText("Ауыл балаларына қауіпсіз ойын алаңы")
    assert grants.save_button.isEnabled()
    grants.save_button.click()
    idle(env)
    assert grants.view is not None, grants.errors
    application_id = grants.view.id
    assert grants.view.status is ApplicationStatus.DRAFT
    assert grants.model.rowCount() == 1

    grants.tabs.setCurrentIndex(1)
    assert grants.add_line_button.isEnabled()
    grants.add_line_button.click()
    grants.add_line_button.click()
    budget = grants.budget
    assert isinstance(budget, BudgetModel)
    assert budget.rowCount() == 3  # two lines and the totals row
    cells = [
        (0, BudgetModel.CATEGORY, BudgetCategory.MATERIALS.value),
        (0, BudgetModel.ITEM, "Құрылыс материалдары (тақтай, бояу)"),
        (0, BudgetModel.UNIT, "дана"),
        (0, BudgetModel.QTY, "10"),
        (0, BudgetModel.UNIT_COST, "15 000 ₸"),
        (1, BudgetModel.CATEGORY, BudgetCategory.SERVICES.value),
        (1, BudgetModel.ITEM, "Доставка материалов"),
        (1, BudgetModel.UNIT, "рейс"),
        (1, BudgetModel.QTY, "2,5"),
        (1, BudgetModel.UNIT_COST, "4000"),
        (1, BudgetModel.COFIN, "5 000"),
    ]
    for row, col, value in cells:
        assert budget.setData(budget.index(row, col), value), (row, col, value)
    assert not budget.setData(budget.index(1, BudgetModel.UNIT_COST), "көп")  # refused
    assert budget.data(budget.index(0, BudgetModel.TOTAL)) == "150\u00a0000\u00a0₸"
    assert budget.data(budget.index(1, BudgetModel.TOTAL)) == "10\u00a0000\u00a0₸"
    assert budget.data(budget.index(2, BudgetModel.TOTAL)) == "160\u00a0000\u00a0₸"
    assert budget.data(budget.index(2, BudgetModel.COFIN)) == "5\u00a0000\u00a0₸"
    grid = budget.totals()
    assert (grid.total, grid.cofinancing, grid.requested) == (
        Decimal(160000), Decimal(5000), Decimal(155000))
    assert "160\u00a0000\u00a0₸" in grants.budget_summary.text()
    assert grants.dirty
    grants.save_budget_button.click()
    idle(env)
    assert grants.view is not None and len(grants.view.budget) == 2
    # what the grid shows after the save is what was stored (the page's ``dirty`` flag
    # is not checked: showing a draft with budget lines sets it again at once)
    assert [(b.category, b.item, b.unit, b.qty, b.unit_cost, b.cofinancing)
            for b in grants.view.budget] == [
        (li.category, li.item, li.unit, li.qty, li.unit_cost, li.cofinancing) for li in budget.lines]
    assert budget.data(budget.index(2, BudgetModel.TOTAL)) == "160\u00a0000\u00a0₸"
    stored_app = grant_svc.get_application(env.ctx(), application_id)
    assert stored_app.totals.total == grid.total
    assert stored_app.totals.cofinancing == grid.cofinancing
    assert [(b.item, b.qty, b.unit_cost) for b in stored_app.budget] == [
        ("Құрылыс материалдары (тақтай, бояу)", Decimal(10), Decimal(15000)),
        ("Доставка материалов", Decimal("2.5"), Decimal(4000)),
    ]

    # ---------------------------------------------- 6. what the database now holds
    ctx = env.ctx()
    stored_consultation = consultation_svc.get_consultation(ctx, consultation.id)
    assert stored_consultation.question == QUESTION
    assert stored_consultation.channel is ConsultationChannel.PHONE
    assert stored_consultation.topic_codes == [topic_code]
    assert stored_consultation.consultant_id == actor.user_id
    stored_meeting = meeting_svc.get_meeting(ctx, meeting_id)
    assert stored_meeting.status is MeetingStatus.FINALIZED
    assert stored_meeting.members_eligible == 5 and stored_meeting.members_present == 4
    assert [(i.title, i.votes_for, i.votes_against, i.votes_abstain, i.outcome)
            for i in stored_meeting.agenda] == [
        ("Ауыл көшелерін жөндеу", 3, 1, 0, VoteOutcome.ADOPTED),
        ("Су құбырын салу", 1, 2, 1, VoteOutcome.REJECTED),
    ]
    assert stored_app.applicant_name == "«Жасыл ауыл» бастамашыл тобы"
    assert stored_app.call_id == call_id

    wanted = {
        ("consultation", consultation.id),
        ("meeting", meeting_id),
        ("grant_application", application_id),
    }
    if created_call:
        wanted.add(("grant_call", call_id))
    with app.db.session() as s:
        creates = s.execute(
            select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.user_id,
                   AuditEntry.user_name)
            .where(AuditEntry.action == "create")
        ).all()
    by_manager = {(e, i) for e, i, uid, name in creates
                  if uid == actor.user_id and name == MANAGER_NAME}
    assert wanted <= by_manager, sorted(wanted - by_manager)
    agenda_creates = {i for e, i, uid, _n in creates
                      if e == "agenda_item" and uid == actor.user_id}
    assert {i.id for i in stored_meeting.agenda} <= agenda_creates

    # ------------------------------------------------------------------ closing
    assert not meetings.dirty
    assert not window.has_unsaved_changes()
    window.close()
    assert not window.isVisible()
    idle(env)
    flush_db_thread(env)

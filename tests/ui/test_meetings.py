"""The meetings page: create and edit, attendance and the quorum indicator, votes, finalize."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from civicdesk.domain.enums import MeetingKind, MeetingStatus
from civicdesk.services import meetings as svc
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.ui import i18n
from civicdesk.ui.env import UiEnv
from civicdesk.ui.meetings import MeetingsPage
from civicdesk.ui.tasks import TaskRunner


@pytest.fixture()
def env(qtbot: object, app: CivicApp, manager: Actor) -> Iterator[UiEnv]:
    runner = TaskRunner()
    errors: list[BaseException] = []
    runner.bug_handler = lambda exc, tb: errors.append(exc)
    ui = UiEnv(app=app, runner=runner, actor=manager, lang="kk")
    i18n.ensure_compiled()
    i18n.install("kk")
    yield ui
    i18n.install("kk")
    runner.wait_idle(5000)
    runner.shutdown()
    assert not errors, errors


@pytest.fixture()
def page(qtbot, env: UiEnv) -> MeetingsPage:  # type: ignore[no-untyped-def]
    p = MeetingsPage(env)
    qtbot.addWidget(p)
    env.runner.wait_idle()
    return p


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(5000)


def _meeting(ctx: Context, eligible: int = 10) -> svc.MeetingView:
    return svc.create_meeting(
        ctx,
        svc.MeetingInput(
            kind=MeetingKind.MEETING, held_on=date.today() - timedelta(days=1), number="3",
            place="Ақсу ауылы, мәдениет үйі", chair_name="Серік Әлиев",
            secretary_name="Гүлнар Оспанова", members_eligible=eligible,
        ),
    )


def test_create_meeting_then_edit(page: MeetingsPage, env: UiEnv, ctx: Context) -> None:
    page.new_meeting()
    page.kind.setCurrentIndex(page.kind.findData(MeetingKind.GATHERING.value))
    page.number.setText("12")
    page.place.setText("Қарасу ауылы, мектеп")
    page.chair.setText("Әсел Нұрланқызы")
    page.secretary.setText("Дәурен Қасымов")
    page.eligible.setValue(9)
    page.save_details()
    _idle(env)
    assert page.view is not None
    assert page.view.place == "Қарасу ауылы, мектеп"
    assert page.view.kind is MeetingKind.GATHERING
    assert page.model.rowCount() == 1
    assert not page.dirty

    page.place.setText("Қарасу ауылы, әкімдік")
    page._mark_dirty()
    assert page.dirty
    page.save_details()
    _idle(env)
    assert svc.get_meeting(ctx, page.view.id).place == "Қарасу ауылы, әкімдік"


def test_invalid_time_is_shown_next_to_the_field(page: MeetingsPage, env: UiEnv) -> None:
    page.new_meeting()
    page.has_time.setChecked(True)
    page.starts_at.setTime(page.starts_at.time().fromString("15:00", "HH:mm"))
    page.ends_at.setTime(page.ends_at.time().fromString("09:00", "HH:mm"))
    page.save_details()
    _idle(env)
    assert page.view is None
    assert "ерте" in page.errors.text("ends_at")  # Kazakh message, inline


def test_attendance_and_live_quorum(page: MeetingsPage, env: UiEnv, ctx: Context) -> None:
    view = _meeting(ctx, eligible=5)
    page.reload()
    _idle(env)
    page.open_meeting(view.id)
    _idle(env)
    for name in ("Айгүл Сәрсенова", "Бауыржан Төлеуов"):
        page.new_attendee.setText(name)
        page._add_attendee()
    assert "2" in page.quorum_label.text()
    assert not page.quorum_ok
    assert "39-3" in page.quorum_label.toolTip()  # legal source of the rule
    page.new_attendee.setText("Жанар Құлова")
    page._add_attendee()
    assert page.quorum_ok  # 3 of 5 is more than half
    assert "#1b7f3b" in page.quorum_label.styleSheet()
    # unticking one drops below the quorum at once
    page.attendance.item(2, 2).setCheckState(Qt.CheckState.Unchecked)
    assert not page.quorum_ok
    page.attendance.item(2, 2).setCheckState(Qt.CheckState.Checked)
    page.save_attendance()
    _idle(env)
    saved = svc.get_meeting(ctx, view.id)
    assert saved.members_present == 3
    assert [a.full_name for a in saved.attendees][2] == "Жанар Құлова"


def _with_quorum(ctx: Context) -> svc.MeetingView:
    view = _meeting(ctx, eligible=5)
    svc.set_attendance(ctx, view.id, [svc.AttendeeInput(full_name=f"Қатысушы {i}") for i in range(4)])
    return view


def test_agenda_votes_and_outcome(page: MeetingsPage, env: UiEnv, ctx: Context) -> None:
    view = _with_quorum(ctx)
    page.open_meeting(view.id)
    _idle(env)
    for title in ("Жолды жөндеу", "Су құбыры"):
        page.new_item_title.setText(title)
        page.add_item()
        _idle(env)
    assert page.agenda_list.count() == 2
    page.agenda_list.setCurrentRow(1)
    page.move_item(-1)
    _idle(env)
    assert page.view is not None
    assert [i.title for i in page.view.agenda] == ["Су құбыры", "Жолды жөндеу"]

    page.agenda_list.setCurrentRow(0)
    page.votes_for.setValue(3)
    page.votes_against.setValue(1)
    assert page.outcome_text().startswith("қабылданды")
    page.votes_for.setValue(2)
    page.votes_against.setValue(2)
    assert page.outcome_text().startswith("қабылданбады")
    page.votes_for.setValue(3)
    page.votes_against.setValue(1)
    page.item_decision.setPlainText("Су құбырын 2026 жылы жөндеу")
    page.save_item()
    _idle(env)
    item = svc.get_meeting(ctx, view.id).agenda[0]
    assert (item.votes_for, item.votes_against, item.outcome.value if item.outcome else None) == (3, 1, "adopted")
    assert item.decision == "Су құбырын 2026 жылы жөндеу"

    page.agenda_list.setCurrentRow(1)
    page.remove_item()
    _idle(env)
    assert len(svc.get_meeting(ctx, view.id).agenda) == 1


def test_finalize_locks_the_editor(page: MeetingsPage, env: UiEnv, ctx: Context) -> None:
    view = _with_quorum(ctx)
    item = svc.add_agenda_item(ctx, view.id, svc.AgendaItemInput(title="Жолды жөндеу"))
    svc.record_votes(ctx, item.id, 4, 0, 0)
    page.open_meeting(view.id)
    _idle(env)
    assert not page.chair.isReadOnly()
    page.finalize()
    _idle(env)
    assert page.view is not None and page.view.status is MeetingStatus.FINALIZED
    assert page.chair.isReadOnly()
    assert page.item_title.isReadOnly()
    assert not page.kind.isEnabled()
    assert not page.votes_for.isEnabled()
    assert not page.save_button.isEnabled()
    assert not page.add_attendee_button.isEnabled()
    assert page.sent_button.isEnabled()
    page.mark_sent()
    _idle(env)
    assert page.view.status is MeetingStatus.SENT_TO_AKIM
    assert page.response_button.isEnabled()


def test_finalize_incomplete_reports_inline(page: MeetingsPage, env: UiEnv, ctx: Context,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    view = svc.create_meeting(ctx, svc.MeetingInput(kind=MeetingKind.MEETING,
                                                     held_on=date.today(), members_eligible=3))
    page.open_meeting(view.id)
    _idle(env)
    page.finalize()
    _idle(env)
    assert page.errors.text("chair_name")
    assert shown and "күн тәртібі" in shown[0].lower()
    assert svc.get_meeting(ctx, view.id).status is MeetingStatus.DRAFT


def test_language_switch_retranslates(page: MeetingsPage, env: UiEnv) -> None:
    env.set_language("ru")
    page.retranslate()
    assert page.kind.itemText(page.kind.findData(MeetingKind.MEETING.value)) == "Собрание местного сообщества"


def test_print_minutes_renders(page: MeetingsPage, env: UiEnv, ctx: Context, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _with_quorum(ctx)
    page.open_meeting(view.id)
    _idle(env)
    got: list[Path] = []
    page.show_previews = False
    page.on_rendered = lambda p: got.append(Path(str(p)))
    page.print_minutes()
    qtbot.waitUntil(lambda: bool(got), timeout=60000)
    assert got[0].read_bytes().startswith(b"%PDF")


def test_no_quorum_blocks_votes_and_finalize_asks(page: MeetingsPage, env: UiEnv, ctx: Context,
                                                  monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def exec_box(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(answers.pop(0))

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    view = _meeting(ctx, eligible=10)
    svc.set_attendance(ctx, view.id, [svc.AttendeeInput(full_name=f"Қатысушы {i}") for i in range(3)])
    svc.add_agenda_item(ctx, view.id, svc.AgendaItemInput(title="Жолды жөндеу"))
    page.open_meeting(view.id)
    _idle(env)
    page.tabs.setCurrentIndex(2)
    page.agenda_list.setCurrentRow(0)
    # votes cannot be entered on an item without a quorum
    assert not page.votes_for.isEnabled() and not page.votes_against.isEnabled()
    assert page.no_quorum_hint.isVisibleTo(page) and "Кворум жоқ" in page.no_quorum_hint.text()
    # finalizing asks; "No" leaves the draft as it was
    page.finalize()
    _idle(env)
    assert len(asked) == 1 and "заңды емес" in asked[0]
    assert svc.get_meeting(ctx, view.id).status is MeetingStatus.DRAFT
    # "Yes" records the meeting as not competent, with no decisions
    page.finalize()
    _idle(env)
    _idle(env)
    done = svc.get_meeting(ctx, view.id)
    assert done.status is MeetingStatus.FINALIZED and done.not_competent
    assert done.agenda[0].outcome is not None and done.agenda[0].outcome.value == "no_quorum"
    assert "заңды емес" in page.status_label.text()
    got: list[Path] = []
    page.show_previews = False
    page.on_rendered = lambda p: got.append(Path(str(p)))
    page.print_minutes()
    qtbot.waitUntil(lambda: bool(got), timeout=60000)
    from pypdf import PdfReader

    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(got[0]).pages)
    assert "собрание неправомочно" in text and "РЕШИЛИ" not in text


def test_live_quorum_follows_the_centers_own_setting(
    page: MeetingsPage, env: UiEnv, ctx: Context
) -> None:
    from civicdesk.domain.quorum_settings import CenterRule
    from civicdesk.services.quorum_settings import save_center_rule

    since = date.today() - timedelta(days=30)
    save_center_rule(ctx, CenterRule(MeetingKind.MEETING, since, 2, 3, False, 1, 2, True))
    env.notify_changed("quorum_rules")
    _idle(env)
    view = _meeting(ctx, eligible=9)
    page.reload()
    _idle(env)
    page.open_meeting(view.id)
    _idle(env)
    for name in ("Айгүл Сәрсенова", "Бауыржан Төлеуов", "Жанар Құлова", "Серік Әлиев",
                 "Гүлнар Оспанова"):
        page.new_attendee.setText(name)
        page._add_attendee()
    assert not page.quorum_ok  # 5 of 9: more than half, short of 2/3
    assert ": 6" in page.quorum_label.text()
    page.new_attendee.setText("Дәурен Қасымов")
    page._add_attendee()
    assert page.quorum_ok  # 6 of 9 is 2/3
    assert since.strftime("%d.%m.%Y") in page.quorum_label.toolTip()

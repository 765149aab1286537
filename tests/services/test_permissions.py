"""The operation x role table of docs/security.md is the program's table, and every
operation is refused to exactly the roles the table refuses it to."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.domain.enums import MeetingKind, Role
from civicdesk.domain.errors import UserError
from civicdesk.domain.periods import parse_period
from civicdesk.domain.quorum_settings import CenterRule
from civicdesk.services import admin_actions, throttle
from civicdesk.services.admin import make_backup
from civicdesk.services.app import CivicApp
from civicdesk.services.backups import BackupPolicy, save_policy
from civicdesk.services.base import Actor
from civicdesk.services.booklets import delete_booklet
from civicdesk.services.consultations import delete_consultation
from civicdesk.services.grants import delete_application
from civicdesk.services.meetings import delete_meeting
from civicdesk.services.permissions import PERMISSIONS
from civicdesk.services.quorum_settings import save_center_rule
from civicdesk.services.residents import delete_resident, erase_resident
from civicdesk.services.seminars import delete_seminar
from civicdesk.services.users import create_user

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
ROLE_COLUMNS = (Role.CONSULTANT, Role.MANAGER, Role.HEAD_OFFICE)


def doc_table() -> dict[str, frozenset[Role]]:
    table: dict[str, frozenset[Role]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        op = cells[0].strip("`")
        table[op] = frozenset(r for r, c in zip(ROLE_COLUMNS, cells[1:], strict=True) if c == "yes")
    return table


def test_the_docs_table_is_the_programs_table() -> None:
    assert doc_table() == PERMISSIONS


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory, template_data_dir: Path) -> Path:
    from civicdesk.services.demo import generate_demo

    folder = tmp_path_factory.mktemp("perm-demo")
    shutil.copyfile(template_data_dir / DB_FILE_NAME, folder / DB_FILE_NAME)
    app = CivicApp(folder)
    generate_demo(app.admin_context(), consultations=40, seed=7)
    app.close()
    con = sqlite3.connect(folder / DB_FILE_NAME)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return folder


def _first(app: CivicApp, sql: str) -> str:
    con = sqlite3.connect(app.db.path)
    try:
        row = con.execute(sql).fetchone()
    finally:
        con.close()
    assert row is not None, sql
    return str(row[0])


Probe = Callable[[CivicApp, Actor, Path], object]


def _restore(app: CivicApp, actor: Actor, tmp: Path) -> object:
    backup = make_backup(app.data_dir, tmp / "daily.sqlite3")
    app.close()
    return admin_actions.restore_as(app.data_dir, actor, backup)


PROBES: dict[str, Probe] = {
    "resident.delete": lambda app, a, tmp: delete_resident(
        app.context(a), _first(app, "SELECT id FROM residents WHERE deleted = 0")
    ),
    "resident.erase": lambda app, a, tmp: erase_resident(
        app.context(a),
        _first(app, "SELECT id FROM residents WHERE deleted = 0 AND erased_at IS NULL"),
    ),
    "consultation.delete": lambda app, a, tmp: delete_consultation(
        app.context(a), _first(app, "SELECT id FROM consultations WHERE deleted = 0")
    ),
    "meeting.delete": lambda app, a, tmp: delete_meeting(
        app.context(a), _first(app, "SELECT id FROM meetings WHERE deleted = 0")
    ),
    "seminar.delete": lambda app, a, tmp: delete_seminar(
        app.context(a), _first(app, "SELECT id FROM seminars WHERE deleted = 0")
    ),
    "booklet.delete": lambda app, a, tmp: delete_booklet(
        app.context(a), _first(app, "SELECT id FROM booklets WHERE deleted = 0")
    ),
    "grant.delete": lambda app, a, tmp: delete_application(
        app.context(a), _first(app, "SELECT id FROM grant_applications WHERE deleted = 0")
    ),
    "user.manage": lambda app, a, tmp: create_user(
        app.context(a), login="new.user", full_name="Жаңа қызметкер", role=Role.CONSULTANT,
        password="secret-pass-1",
    ),
    "user.unlock": lambda app, a, tmp: throttle.unlock(app.context(a), "manager"),
    "backup.policy": lambda app, a, tmp: save_policy(app, BackupPolicy(keep=1), a),
    "backup.make": lambda app, a, tmp: admin_actions.backup_as(app, a, tmp / "copy.sqlite3"),
    "quorum.settings": lambda app, a, tmp: save_center_rule(
        app.context(a),
        CenterRule(MeetingKind.MEETING, date(2026, 12, 3), 2, 3, False, 1, 2, True),
    ),
    "backup.restore": _restore,
    "export": lambda app, a, tmp: admin_actions.export_as(app, a, "csv", tmp / "export"),
    "report": lambda app, a, tmp: admin_actions.report_as(
        app.context(a), parse_period("2025"), "xlsx", tmp / "report.xlsx"
    ),
}


def test_every_operation_has_a_probe() -> None:
    assert set(PROBES) == set(PERMISSIONS)


@pytest.mark.parametrize("role", ROLE_COLUMNS, ids=lambda r: r.value)
@pytest.mark.parametrize("operation", sorted(PERMISSIONS))
def test_operation_is_refused_exactly_to_the_roles_the_table_refuses(
    operation: str, role: Role, demo_template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_template / DB_FILE_NAME, folder / DB_FILE_NAME)
    app = CivicApp(folder)
    try:
        assert app.state.center_id
        actor = Actor(None, f"probe {role.value}", role, app.state.center_id)
        refused: str | None = None
        try:
            PROBES[operation](app, actor, tmp_path)
        except UserError as err:
            refused = err.code
        if role in doc_table()[operation]:
            assert refused != "access.denied", (operation, role)
        else:
            assert refused == "access.denied", (operation, role)
    finally:
        app.close()


def test_every_test_the_security_page_names_exists() -> None:
    """docs/security.md says which test proves each protection: those tests exist."""
    import re

    text = DOC.read_text(encoding="utf-8")
    root = DOC.parents[1]
    files = set(re.findall(r"tests/[\w/]+\.py", text))
    for f in files:
        assert (root / f).is_file(), f
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (root / "tests").rglob("test_*.py"))
    names = set(re.findall(r"\b(test_\w+)\b", text)) - {Path(f).stem for f in files}
    missing = [n for n in names if f"def {n}(" not in sources]
    assert not missing, missing

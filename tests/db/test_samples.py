"""Every schema revision's sample database opens in this version of the app.

The samples in tests/db/samples/ were written at their own revision (see
make_samples.py) and are never regenerated; each test works on a copy.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from civicdesk.db.engine import DB_FILE_NAME, current_revision, head_revision, open_database
from tests.db.make_samples import MARKER_KEY, SAMPLES, SEARCH_NAME, counts, revisions

#: Tables whose rows a migration may legitimately add to or rebuild.
BOOKKEEPING = {"alembic_version", "sync_outbox", "sync_state", "sync_shadow",
               "sync_conflicts", "sync_history"}


def _copy(revision: str, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / DB_FILE_NAME
    shutil.copyfile(SAMPLES / f"{revision}.sqlite3", target)
    return target


def test_every_revision_has_a_sample() -> None:
    missing = [r for r in revisions() if not (SAMPLES / f"{r}.sqlite3").is_file()]
    assert not missing, f"run: python tests/db/make_samples.py  (missing {missing})"


@pytest.mark.parametrize("revision", revisions())
def test_sample_opens_at_head_after_a_backup(revision: str, tmp_path: Path) -> None:
    path = _copy(revision, tmp_path)
    before = counts(path)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision

    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision()
        backup = db.backup_made
    finally:
        db.close()

    if revision == head_revision():
        assert backup is None
    else:
        assert backup is not None and backup.is_file()
        assert backup.parent == path.parent / "backups"
        assert revision in backup.name
        with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as con:
            kept = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert kept == revision, "the backup must hold the database as it was"
        assert counts(backup) == before

    after = counts(path)
    for table, n in before.items():
        if table in BOOKKEEPING:
            continue
        assert after[table] == n, f"{table}: {n} rows before the upgrade, {after[table]} after"
    with sqlite3.connect(path) as con:
        marker = con.execute(
            "SELECT value FROM app_settings WHERE key = ?", (MARKER_KEY,)
        ).fetchone()[0]
    assert marker == f'"{revision}"'


@pytest.mark.parametrize("revision", revisions())
def test_sample_is_usable_and_clean_after_the_upgrade(
    revision: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from civicdesk.cli import main
    from civicdesk.services.app import CivicApp
    from civicdesk.services.base import ListQuery
    from civicdesk.services.residents import list_residents
    from civicdesk.services.users import authenticate

    path = _copy(revision, tmp_path)
    app = CivicApp(path.parent)
    try:
        ctx = app.context(authenticate(app, "manager", "sample-password"))
        found = list_residents(ctx, ListQuery(search="құдайберген"))
        names = [r.full_name for r in found.rows]
        assert SEARCH_NAME in names
        deleted = list_residents(ctx, ListQuery(search="жойылған"))
        assert not deleted.rows, "a deleted resident must not be found"
    finally:
        app.close()

    assert main(["--data-dir", str(path.parent), "--lang", "ru", "check"]) == 0, (
        capsys.readouterr().out
    )

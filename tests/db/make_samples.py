"""Make the sample databases in tests/db/samples/: one per schema revision.

    python tests/db/make_samples.py            # only the revisions without a sample
    python tests/db/make_samples.py --force 0006

For each revision an empty database is upgraded step by step with alembic (0001,
then 0002, ... up to that revision, never further) and then filled through the same
paths the app of that time used: the first-start set-up (reference data, the center,
its manager) and the demo generator (consultants, settlements, residents,
consultations, meetings with agenda items, grant calls and applications, seminars,
booklets), plus a few edge rows (a soft-deleted resident, an erased one, a Kazakh
name to search for).

The samples are committed and NOT regenerated when the code moves on: a later
migration is tested against files really written at the old revision.  Only a new
revision needs a new sample (``tests/db/test_samples.py`` fails until it exists).
Before writing, the script checks that every column the current code writes exists
at the target revision, and stops if not; a sample for such an old revision must then
be made with the code of its own time (``git worktree add`` at that commit).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402

from civicdesk.db.engine import (  # noqa: E402
    DB_FILE_NAME,
    alembic_config,
    current_revision,
    make_engine,
    open_database,
)
from civicdesk.db.models import Base  # noqa: E402

SAMPLES = Path(__file__).resolve().parent / "samples"
#: Written into app_settings so a test can tell which revision wrote the file.
MARKER_KEY = "sample_written_at_revision"
SEARCH_NAME = "Өмірзақ Құдайбергенов"
MAX_BYTES = 1_500_000  # the schema alone is ~300 KB; every district of the country ships


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def sample_path(revision: str) -> Path:
    return SAMPLES / f"{revision}.sqlite3"


def upgrade_step_by_step(path: Path, target: str) -> None:
    engine = make_engine(path, pool=False)
    try:
        for rev in revisions():
            cfg = alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, rev)
            if rev == target:
                break
        assert current_revision(engine) == target
    finally:
        engine.dispose()


def check_columns(path: Path) -> None:
    """Stop when the current models write a column the target revision lacks."""
    con = sqlite3.connect(path)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing: list[str] = []
        for table in Base.metadata.sorted_tables:
            if table.name not in tables:
                continue  # added by a later revision; the writers below never touch it
            have = {r[1] for r in con.execute(f'PRAGMA table_info("{table.name}")')}
            missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in have]
    finally:
        con.close()
    if missing:
        raise SystemExit(
            f"{path.name}: the current code writes columns this revision does not have: "
            f"{', '.join(missing)}; make this sample with the code of its own time"
        )


def fill(folder: Path, revision: str) -> dict[str, int]:
    from civicdesk.domain.residents import age_group
    from civicdesk.services.app import CivicApp
    from civicdesk.services.base import put_setting
    from civicdesk.services.demo import generate_demo
    from civicdesk.services.users import authenticate, setup_center

    db = open_database(folder / DB_FILE_NAME, migrate=False)
    app = CivicApp(folder, db=db)
    try:
        setup_center(
            app, name_kk="Бақанас ауылының ЖӨБ дамыту орталығы",
            name_ru="Центр развития МСУ села Баканас", region_kato="19", district_id=None,
            manager_login="manager", manager_name="Әсел Нұрланқызы",
            manager_password="sample-password", language="kk",
        )
        ctx = app.context(authenticate(app, "manager", "sample-password"))
        generate_demo(ctx, consultations=30, seed=int(revision[:4]))
        # Edge rows, written as raw SQL exactly as the tables stand at this revision.
        now = datetime(2025, 3, 14, 10, 30).strftime("%Y-%m-%d %H:%M:%S.%f")
        with db.engine.begin() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            center = ctx.actor.center_id
            user = ctx.actor.user_id
            for rid, name, deleted, erased in (
                (f"sample-{revision}-found", SEARCH_NAME, 0, None),
                (f"sample-{revision}-deleted", "Жойылған Тұрғын", 1, None),
                (f"sample-{revision}-erased", "", 0, now),
            ):
                raw.execute(
                    "INSERT INTO residents (id, center_id, created_at, updated_at, updated_by,"
                    " deleted, rev, server_seq, hlc, full_name, iin, sex, birth_year, age_group,"
                    " phone, settlement_id, disability, consent_date, consent_form_version,"
                    " consent_purposes, consent_withdrawn_on, erased_at, notes)"
                    " VALUES (?, ?, ?, ?, ?, ?, 1, NULL, '', ?, NULL, 'm', 1961, ?, NULL, NULL,"
                    " 0, ?, '2025-1', '[\"consultation\"]', NULL, ?, ?)",
                    (rid, center, now, now, user, deleted, name,
                     age_group(1961, date(2025, 3, 14)).value, "2025-03-14", erased,
                     "Ескертпе: «тексеру» — №1, 5 000 ₸"),
                )
        with db.session() as s:
            put_setting(s, MARKER_KEY, revision)
        app.save_clock()
    finally:
        db.close()
    return counts(folder / DB_FILE_NAME)


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%_fts%' ORDER BY name")]
        return {n: int(con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}
    finally:
        con.close()


def finish(path: Path, out: Path) -> None:
    """One self-contained file (no -wal), compacted.

    The schema has well over a hundred tables and indexes, each taking at least one
    page, so the pages are made 1 KB (instead of 4 KB) to keep each sample small in
    git; the page size changes nothing the app sees.
    """
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("PRAGMA page_size = 1024")
        con.execute("VACUUM")
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, out)


def make(revision: str) -> Path:
    with tempfile.TemporaryDirectory(prefix="civicdesk-sample-") as tmp:
        folder = Path(tmp)
        path = folder / DB_FILE_NAME
        upgrade_step_by_step(path, revision)
        check_columns(path)
        fill(folder, revision)
        engine = make_engine(path, pool=False)
        try:
            assert current_revision(engine) == revision, "the sample moved past its revision"
        finally:
            engine.dispose()
        out = sample_path(revision)
        finish(path, out)
    size = out.stat().st_size
    assert size <= MAX_BYTES, f"{out.name} is {size} bytes"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="*", help="only these (default: every missing one)")
    parser.add_argument("--force", action="store_true", help="overwrite existing samples")
    args = parser.parse_args(argv)
    os.environ.setdefault("CIVICDESK_CACHE_DIR", tempfile.mkdtemp(prefix="civicdesk-cache-"))
    wanted = args.revisions or revisions()
    unknown = set(wanted) - set(revisions())
    if unknown:
        parser.error(f"unknown revisions: {sorted(unknown)}")
    for rev in wanted:
        if sample_path(rev).exists() and not args.force:
            print(f"{rev}: kept {sample_path(rev).relative_to(ROOT)}")
            continue
        out = make(rev)
        print(f"{rev}: wrote {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

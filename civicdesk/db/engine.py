"""Opening a CivicDesk SQLite database: pragmas, checks, automatic migration.

``open_database(path)`` is the one way in. It
1. refuses a file that is not a SQLite database, or is truncated/corrupt, with a
   kk/ru message, without touching it;
2. refuses a database written by a newer CivicDesk (unknown schema revision);
3. backs the file up (online backup API) before applying any migration, then
   migrates to head;
4. sets WAL, foreign keys and a busy timeout on every connection.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, QueuePool

from civicdesk.db.changes import ensure_capture
from civicdesk.db.schema_version import HEAD
from civicdesk.domain.errors import Message, UserError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
DB_FILE_NAME = "civicdesk.sqlite3"
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(UserError):
    """A database the app cannot use as it is."""


NOT_SQLITE = Message(
    kk="«{path}» файлы CivicDesk дерекқоры емес немесе бүлінген. Файлға ешқандай өзгеріс "
    "енгізілген жоқ; сақтық көшірмеден қалпына келтіріңіз.",
    ru="Файл «{path}» не является базой данных CivicDesk или повреждён. Файл не изменён; "
    "восстановите данные из резервной копии.",
)
CORRUPT = Message(
    kk="«{path}» дерекқоры бүлінген ({detail}). Файлға өзгеріс енгізілген жоқ; "
    "сақтық көшірмеден қалпына келтіріңіз.",
    ru="База данных «{path}» повреждена ({detail}). Файл не изменён; восстановите "
    "данные из резервной копии.",
)
TOO_NEW = Message(
    kk="Бұл дерекқорды CivicDesk-тің жаңарақ нұсқасы жазған (схема {revision}). "
    "Бағдарламаны жаңартыңыз; дерекқор өзгертілген жоқ.",
    ru="Эта база данных создана более новой версией CivicDesk (схема {revision}). "
    "Обновите программу; база данных не изменена.",
)
READ_ONLY = Message(
    kk="«{path}» дерекқорына жазу мүмкін емес (тек оқуға арналған). Қалтаның "
    "рұқсаттарын тексеріңіз; енгізілген деректер сақталған жоқ.",
    ru="В базу данных «{path}» нельзя записать (только для чтения). Проверьте права "
    "на папку; введённые данные не сохранены.",
)
DISK_FULL = Message(
    kk="Дискіде орын қалмады. Соңғы өзгеріс сақталған жоқ, бұрын сақталғанның бәрі "
    "орнында. Орын босатып, қайталаңыз.",
    ru="На диске нет места. Последнее изменение не сохранено, всё сохранённое ранее "
    "на месте. Освободите место и повторите.",
)
LOCKED = Message(
    kk="Дерекқор басқа бағдарламамен бос емес. Біраздан соң қайталаңыз.",
    ru="База данных занята другой программой. Повторите попытку чуть позже.",
)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute("PRAGMA cache_size = -20000")
    cur.close()


def make_engine(path: Path, *, pool: bool = True) -> Engine:
    """An engine for the SQLite file at ``path`` with the house pragmas."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        poolclass=QueuePool if pool else NullPool,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _set_pragmas)
    return engine


def check_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database (before SQLite touches it)."""
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseError("db.unreadable", NOT_SQLITE, path=str(path)) from exc
    if len(header) == 0:
        return  # an empty file is treated as a new database
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DatabaseError("db.not_sqlite", NOT_SQLITE, path=str(path))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    size = path.stat().st_size
    if page_size and page_count and size < page_size * page_count:
        raise DatabaseError(
            "db.truncated", CORRUPT, path=str(path), detail=f"{size} < {page_size * page_count}"
        )


def _stored_revision(conn: Any) -> str | None:
    """The schema revision recorded in the database (plain SQL: no Alembic import)."""
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).scalar()
    if not has_table:
        return None
    value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return str(value) if value is not None else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _stored_revision(conn)


def translate_operational_error(exc: BaseException, path: Path | str) -> UserError | None:
    """Map SQLite's low-level failures to a message the user can act on."""
    msg = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return DatabaseError("db.disk_full", DISK_FULL)
    if "database or disk is full" in msg or "no space" in msg:
        return DatabaseError("db.disk_full", DISK_FULL)
    if "readonly" in msg or "read-only" in msg or "attempt to write a readonly" in msg:
        return DatabaseError("db.read_only", READ_ONLY, path=str(path))
    if "file is not a database" in msg or "malformed" in msg:
        return DatabaseError("db.corrupt", CORRUPT, path=str(path), detail=str(exc)[:120])
    if "database is locked" in msg:
        return DatabaseError("db.locked", LOCKED)
    return None


@dataclass
class Database:
    """An opened, migrated database with a session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_made: Path | None = None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session in its own transaction: commit on success, roll back on error.

        Low-level SQLite failures (disk full, read-only, corrupt) come out as
        ``DatabaseError`` with a kk/ru message; nothing half-written stays.
        """
        session = self.sessions()
        try:
            yield session
            session.commit()
        except (DBAPIError, sqlite3.DatabaseError, OSError) as exc:
            session.rollback()
            user_error = translate_operational_error(
                getattr(exc, "orig", None) or exc, self.path
            )
            if user_error is not None:
                raise user_error from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        """Refresh the planner's statistics where they are stale, then close."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
        except DBAPIError:
            pass
        self.engine.dispose()


def backup_file(src: Path, dest: Path) -> Path:
    """Consistent copy of a live database through SQLite's online backup API."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
        finally:
            target.close()
    except (sqlite3.OperationalError, OSError) as exc:
        tmp.unlink(missing_ok=True)
        user_error = translate_operational_error(exc, dest)
        if user_error is not None:
            raise user_error from exc
        raise
    finally:
        source.close()
    tmp.replace(dest)
    return dest


def _migrate(engine: Engine, path: Path, *, backup_dir: Path | None) -> Path | None:
    from alembic import command

    current = current_revision(engine)
    if current == HEAD:
        return None  # the usual case: no Alembic import, no script scan at start-up
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise DatabaseError("db.too_new", TOO_NEW, revision=current)
    backup: Path | None = None
    if current is not None and path.exists():
        folder = backup_dir or path.parent / "backups"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_file(path, folder / f"before-upgrade-{current}-{stamp}.sqlite3")
    cfg = alembic_config()
    with engine.connect() as conn:
        # SQLite alters a table by copy-and-rename; with foreign keys on, dropping the
        # old copy of a referenced table fails. Off for the migration, checked after.
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.commit()
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(
                        "db.corrupt", CORRUPT, path=str(path),
                        detail=f"foreign keys after upgrade: {broken[:3]}",
                    )
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
            conn.commit()
    return backup


def open_database(
    path: Path | str,
    *,
    migrate: bool = True,
    backup_dir: Path | None = None,
    create: bool = True,
) -> Database:
    """Open (creating if allowed) and migrate the database at ``path``."""
    path = Path(path)
    if not path.exists() and not create:
        raise DatabaseError("db.missing", NOT_SQLITE, path=str(path))
    check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError("db.read_only", READ_ONLY, path=str(path)) from exc
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            if mode != "wal":
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        backup = _migrate(engine, path, backup_dir=backup_dir) if migrate else None
        if migrate:
            with engine.begin() as conn:
                ensure_capture(conn)  # a missing sync trigger is recreated and logged
    except UserError:
        engine.dispose()
        raise
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        user_error = translate_operational_error(getattr(exc, "orig", None) or exc, path)
        if user_error is not None:
            raise user_error from exc
        raise DatabaseError(
            "db.corrupt", CORRUPT, path=str(path), detail=str(exc)[:120]
        ) from exc
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(path=path, engine=engine, sessions=sessions, backup_made=backup)


def integrity_problems(engine: Engine) -> list[str]:
    """SQLite's own integrity and foreign-key checks; empty when all is well."""
    problems: list[str] = []
    with engine.connect() as conn:
        for (row,) in conn.execute(text("PRAGMA integrity_check")):
            if row != "ok":
                problems.append(f"integrity: {row}")
        for row in conn.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"foreign key: table {row[0]} rowid {row[1]} -> {row[2]}")
    return problems


def copy_database_file(src: Path, dest: Path) -> None:
    """Plain file copy (for a closed database), via a temporary name."""
    tmp = dest.with_suffix(dest.suffix + ".part")
    shutil.copyfile(src, tmp)
    tmp.replace(dest)

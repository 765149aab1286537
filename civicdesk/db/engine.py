"""Opening a CivicDesk SQLite database: pragmas, checks, automatic migration.

``open_database(path)`` is the one way in. It
1. refuses a file that is not a SQLite database, or is truncated/corrupt, with a
   kk/ru message, without touching it;
2. takes the data folder for this process (an exclusive OS lock, see
   ``civicdesk.db.folderlock``): a second CivicDesk on the same folder is refused;
3. refuses a database written by a newer CivicDesk (unknown schema revision);
4. backs the file up (online backup API) before applying any migration, then
   migrates to head in one transaction (an interrupted upgrade leaves the old
   schema and data as they were);
5. sets WAL, ``synchronous = FULL`` (see docs/reliability.md for the measured
   cost), foreign keys and a busy timeout on every connection.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
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

from civicdesk.db import folderlock
from civicdesk.db.changes import ensure_capture
from civicdesk.db.schema_version import HEAD
from civicdesk.domain.collation import collation_key
from civicdesk.domain.errors import Message, UserError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
DB_FILE_NAME = "civicdesk.sqlite3"
BUSY_TIMEOUT_MS = 10_000
SYNCHRONOUS = "FULL"


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
IN_USE = Message(
    kk="CivicDesk «{folder}» қалтасында ашық тұр (басқа терезеде немесе басқа "
    "пайдаланушыда). Сол терезені пайдаланыңыз немесе оны жауып, қайталаңыз; "
    "ештеңе өзгертілген жоқ.",
    ru="CivicDesk уже открыт с папкой «{folder}» (в другом окне или у другого "
    "пользователя). Работайте в том окне или закройте его и повторите; ничего "
    "не изменено.",
)
EMPTY = Message(
    kk="«{path}» дерекқор файлы бос (0 байт): онда жазба жоқ. Файлға өзгеріс "
    "енгізілген жоқ; сақтық көшірмеден қалпына келтіріңіз.",
    ru="Файл базы данных «{path}» пуст (0 байт): в нём нет записей. Файл не изменён; "
    "восстановите данные из резервной копии.",
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
    # FULL: a transaction reported as saved survives a power cut (NORMAL in WAL mode
    # may lose the last ones). Measured in bench/bench_durability.py.
    cur.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute("PRAGMA cache_size = -20000")
    cur.close()
    # kk_key(text): Kazakh alphabetical order for short lists sorted by a name that
    # has no stored key column (civicdesk.db.collation.kk_order)
    dbapi_conn.create_function("kk_key", 1, collation_key, deterministic=True)


def _json_utf8(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def make_engine(path: Path, *, pool: bool = True) -> Engine:
    """An engine for the SQLite file at ``path`` with the house pragmas."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        poolclass=QueuePool if pool else NullPool,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        # JSON columns (audit before/after) keep Kazakh and Russian letters as UTF-8,
        # 2 bytes a letter instead of a 6-byte \u escape, on disk and on the wire
        json_serializer=_json_utf8,
    )
    event.listen(engine, "connect", _set_pragmas)
    return engine


def check_file(path: Path, *, allow_empty: bool = True) -> None:
    """Refuse a file that is not a SQLite database (before SQLite touches it).

    An empty file is a new database when ``allow_empty`` (the app creating its
    database), and damage otherwise (``check``, a backup, a restore).
    """
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseError("db.unreadable", NOT_SQLITE, path=str(path)) from exc
    if len(header) == 0:
        if allow_empty:
            return
        raise DatabaseError("db.empty", EMPTY, path=str(path))
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


def stored_revision(conn: Any) -> str | None:
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
        return stored_revision(conn)


def error_code(exc: BaseException) -> str:
    """A language-neutral name for a low-level failure, for the end of a kk/ru
    message (``ENOSPC``, ``SQLITE_CORRUPT``): never the English sentence."""
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str) and name:
        return name
    number = getattr(exc, "errno", None)
    if isinstance(number, int):
        return errno.errorcode.get(number, str(number))
    return type(exc).__name__


def translate_operational_error(exc: BaseException, path: Path | str) -> UserError | None:
    """Map SQLite's low-level failures to a message the user can act on."""
    msg = str(exc).lower()
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DatabaseError("db.disk_full", DISK_FULL)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return DatabaseError("db.read_only", READ_ONLY, path=str(path))
    if "database or disk is full" in msg or "no space" in msg:
        return DatabaseError("db.disk_full", DISK_FULL)
    if "readonly" in msg or "read-only" in msg or "attempt to write a readonly" in msg:
        return DatabaseError("db.read_only", READ_ONLY, path=str(path))
    if "file is not a database" in msg or "malformed" in msg:
        return DatabaseError("db.corrupt", CORRUPT, path=str(path), detail=error_code(exc))
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
    lock: folderlock.FolderLock | None = None

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
        """Refresh the planner's statistics where they are stale, close, and let the
        data folder go."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
        except DBAPIError:
            pass
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


BACKUP_EXISTS = Message(
    kk="«{path}» файлы бар. Оның үстіне жазу үшін --force қосыңыз; ештеңе өзгертілген жоқ.",
    ru="Файл «{path}» уже существует. Чтобы перезаписать его, добавьте --force; ничего "
    "не изменено.",
)
BACKUP_OVER_LIVE = Message(
    kk="«{path}» — жұмыс дерекқорының өзі; көшірмені оның үстіне жазуға болмайды. "
    "Басқа файл атын таңдаңыз.",
    ru="«{path}» — это сама рабочая база данных; записать копию поверх неё нельзя. "
    "Выберите другое имя файла.",
)
BACKUP_UNVERIFIED = Message(
    kk="«{path}» көшірмесі жазылғаннан кейін тексеруден өтпеді ({detail}); ол "
    "сақталған жоқ. Басқа дискіге көшірмені қайталаңыз.",
    ru="Копия «{path}» не прошла проверку после записи ({detail}) и не сохранена. "
    "Повторите копирование на другой диск.",
)


def ro_uri(path: Path, *, immutable: bool = False) -> str:
    """A read-only SQLite URI for ``path`` (``immutable``: not even a ``-shm`` is made
    beside it, for files on write-protected media)."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows has no directory handles to flush; the rename is journaled
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def backup_file(src: Path, dest: Path, *, force: bool = False) -> Path:
    """A consistent, self-contained copy of a live database (SQLite's online backup
    API), written under a temporary name, switched from WAL to a rollback journal
    (one file: restorable from a write-protected stick), checked with
    ``quick_check``, flushed to the device and only then given its name.

    Refuses to replace an existing file unless ``force``, and never the source
    itself. On any failure no ``.part`` file is left behind.
    """
    if same_file(src, dest) or dest.resolve() == src.resolve():
        raise UserError("backup.over_live", BACKUP_OVER_LIVE, path=str(dest))
    if dest.exists() and not force:
        raise UserError("backup.exists", BACKUP_EXISTS, path=str(dest))
    tmp = dest.with_name(dest.name + ".part")
    leftovers = [tmp, *(Path(str(tmp) + side) for side in ("-wal", "-shm", "-journal"))]
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        _remove_quietly(*leftovers)
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE").fetchone()
                verdict = str(target.execute("PRAGMA quick_check").fetchone()[0])
            finally:
                target.close()
        finally:
            source.close()
        if verdict != "ok":
            raise UserError(
                "backup.unverified", BACKUP_UNVERIFIED, path=str(dest), detail=verdict[:120]
            )
        _fsync_file(tmp)
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except UserError:
        _remove_quietly(*leftovers)
        raise
    except (sqlite3.Error, OSError) as exc:
        _remove_quietly(*leftovers)
        user_error = translate_operational_error(exc, dest)
        if user_error is not None:
            raise user_error from exc
        raise
    return dest


def _before_upgrade_copy(path: Path, folder: Path, current: str) -> Path:
    """One copy of the database before an upgrade from ``current``.  An upgrade that
    was interrupted and is tried again makes a fresh copy and drops the earlier
    copies of the same (unchanged, never-upgraded) revision, so they do not pile up."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    copy = backup_file(path, folder / f"before-upgrade-{current}-{stamp}.sqlite3")
    for older in folder.glob(f"before-upgrade-{current}-*.sqlite3"):
        if older != copy:
            _remove_quietly(older)
    return copy


def _migrate(engine: Engine, path: Path, *, backup_dir: Path | None,
             keep_copy: bool = True) -> Path | None:
    current = current_revision(engine)
    if current == HEAD:
        return None  # the usual case: no Alembic import, no script scan at start-up
    from alembic import command

    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise DatabaseError("db.too_new", TOO_NEW, revision=current)
    backup: Path | None = None
    if current is not None and path.exists() and keep_copy:
        backup = _before_upgrade_copy(path, backup_dir or path.parent / "backups", current)
    cfg = alembic_config()
    with engine.connect() as conn:
        # SQLite alters a table by copy-and-rename; with foreign keys on, dropping the
        # old copy of a referenced table fails. Off for the migration, checked after.
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.commit()
        # The driver would run DDL outside any transaction (each CREATE/ALTER commits
        # on its own). Take transaction control so the whole upgrade is one
        # transaction: a failure or a power cut half-way leaves the old schema.
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        previous = raw.isolation_level
        raw.isolation_level = None
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(
                        "db.corrupt", CORRUPT, path=str(path),
                        detail=f"foreign keys after upgrade: {broken[:3]}",
                    )
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            raw.isolation_level = previous
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
            conn.commit()
    return backup


def take_folder(path: Path) -> folderlock.FolderLock:
    """The data folder of ``path`` for this process, or a kk/ru refusal when another
    CivicDesk holds it (or the lock file cannot be made)."""
    try:
        return folderlock.acquire(path)
    except folderlock.FolderBusyError as exc:
        raise DatabaseError("db.in_use", IN_USE, folder=str(path.parent)) from exc
    except OSError as exc:
        user_error = translate_operational_error(exc, path)
        if user_error is not None:
            raise user_error from exc
        raise DatabaseError("db.read_only", READ_ONLY, path=str(path)) from exc


def open_database(
    path: Path | str,
    *,
    migrate: bool = True,
    backup_dir: Path | None = None,
    create: bool = True,
    lock: bool = True,
    keep_copy: bool = True,
) -> Database:
    """Open (creating if allowed) and migrate the database at ``path``.

    With ``lock`` (always, except for a scratch copy nobody else knows of) the data
    folder is taken for this process until ``Database.close()``.
    """
    path = Path(path)
    if not path.exists() and not create:
        raise DatabaseError("db.missing", NOT_SQLITE, path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError("db.read_only", READ_ONLY, path=str(path)) from exc
    held = take_folder(path) if lock else None
    try:
        check_file(path)
        engine = make_engine(path)
    except BaseException:
        if held is not None:
            held.release()
        raise
    try:
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            if mode != "wal":
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        backup = (
            _migrate(engine, path, backup_dir=backup_dir, keep_copy=keep_copy)
            if migrate else None
        )
        if migrate:
            with engine.begin() as conn:
                ensure_capture(conn)  # a missing sync trigger is recreated and logged
    except BaseException as exc:
        engine.dispose()
        if held is not None:
            held.release()
        if isinstance(exc, (DBAPIError, sqlite3.DatabaseError)):
            orig = getattr(exc, "orig", None) or exc
            user_error = translate_operational_error(orig, path)
            if user_error is not None:
                raise user_error from exc
            raise DatabaseError(
                "db.corrupt", CORRUPT, path=str(path), detail=error_code(orig)
            ) from exc
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(path=path, engine=engine, sessions=sessions, backup_made=backup, lock=held)


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


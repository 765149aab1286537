"""Backup and restore of a data folder's database.

A restore must work exactly when things have gone wrong: the current database may be
truncated or not a database at all, the backup may sit on a write-protected stick,
and another CivicDesk may still have the folder open.  So a restore

1. takes the data folder (refused with a kk/ru message while another process holds
   it: replacing the file under a running app loses what it saves next);
2. copies the backup, only reading it, to a scratch file in the data folder, checks
   it there, upgrades it to the current schema and rebuilds its search index — all
   before the live database is touched, so an interruption changes nothing;
3. keeps the current database: a sound one is copied to
   ``backups/before-restore-*.sqlite3``, a damaged one is moved there as
   ``before-restore-damaged-*`` (with its ``-wal``/``-shm``) instead of being read;
4. puts the prepared copy in place in one step: into a sound database through
   SQLite's backup API (one transaction, seen by every connection of this process),
   or by renaming it over the moved-away damaged file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from civicdesk.db.engine import (
    DB_FILE_NAME,
    DatabaseError,
    backup_file,
    check_file,
    error_code,
    known_revisions,
    open_database,
    ro_uri,
    take_folder,
    translate_operational_error,
)
from civicdesk.domain.errors import Message, UserError
from civicdesk.services.backup_guard import (
    check_backup_belongs,
    forget_sync_login,
    prepare_restored,
)

NO_DATABASE = Message(
    kk="«{path}» дерекқоры табылмады.",
    ru="База данных «{path}» не найдена.",
)
CANNOT_WRITE = Message(
    kk="«{path}» файлына жазу мүмкін болмады: {detail}",
    ru="Не удалось записать файл «{path}»: {detail}",
)
CANNOT_READ = Message(
    kk="«{path}» файлын оқу мүмкін болмады. Флешка немесе диск қосулы екенін тексеріңіз; "
    "ағымдағы деректер өзгертілген жоқ.",
    ru="Не удалось прочитать файл «{path}». Проверьте, подключены ли флешка или диск; "
    "текущие данные не изменены.",
)
BACKUP_MISSING = Message(
    kk="«{path}» файлы табылмады. Флешка қосулы ма, жолы дұрыс па — тексеріңіз; ағымдағы "
    "деректер өзгертілген жоқ.",
    ru="Файл «{path}» не найден. Проверьте, вставлена ли флешка и верен ли путь; текущие "
    "данные не изменены.",
)
NOT_OURS = Message(
    kk="«{path}» — CivicDesk дерекқоры емес; ағымдағы деректер өзгертілген жоқ.",
    ru="«{path}» — не база данных CivicDesk; текущие данные не изменены.",
)
RESTORE_TOO_NEW = Message(
    kk="«{path}» көшірмесін бағдарламаның жаңарақ нұсқасы жасаған; ағымдағы деректер "
    "өзгертілген жоқ. Алдымен бағдарламаны жаңартыңыз.",
    ru="Копия «{path}» создана более новой версией программы; текущие данные не изменены. "
    "Сначала обновите программу.",
)
RESTORE_DAMAGED = Message(
    kk="«{path}» көшірмесі бүлінген ({detail}); ағымдағы деректер өзгертілген жоқ.",
    ru="Копия «{path}» повреждена ({detail}); текущие данные не изменены.",
)

SUMMARY_TABLES = ("residents", "consultations", "meetings", "grant_applications", "seminars",
                  "booklets")
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    revision: str
    made_at: datetime | None
    counts: dict[str, int]


def _side(path: Path, suffix: str) -> Path:
    return Path(str(path) + suffix)


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def make_backup(data_dir: Path, out: Path, *, force: bool = False) -> Path:
    """A verified single-file copy of the data folder's database at ``out``."""
    src = data_dir / DB_FILE_NAME
    if not src.exists():
        raise DatabaseError("db.missing", NO_DATABASE, path=str(src))
    check_file(src, allow_empty=False)
    try:
        return backup_file(src, out, force=force)
    except OSError as exc:
        err = translate_operational_error(exc, out)
        if err is not None:
            raise err from exc
        raise UserError("backup.write", CANNOT_WRITE, path=str(out), detail=error_code(exc)) from exc


def _damaged(shown: Path, detail: str) -> UserError:
    """``detail``: SQLite's check result or error name (language-neutral)."""
    return UserError("restore.damaged", RESTORE_DAMAGED, path=str(shown), detail=detail[:120])


def inspect_backup(path: Path, *, shown: Path | None = None) -> BackupSummary:
    """What a backup holds and when it was made; refuses what is not ours or damaged.

    Only reads: a file on a write-protected stick is opened immutable (no journal,
    no ``-shm`` is written beside it) unless a ``-wal`` lies beside it.
    """
    shown = shown or path
    if not path.exists():
        raise UserError("restore.missing", BACKUP_MISSING, path=str(shown))
    try:
        check_file(path, allow_empty=False)
    except DatabaseError as err:
        if err.code in ("db.empty", "db.truncated"):
            raise _damaged(shown, err.code) from err
        raise UserError("restore.not_ours", NOT_OURS, path=str(shown)) from err
    if not path.is_file():
        raise UserError("restore.not_ours", NOT_OURS, path=str(shown))
    immutable = not _side(path, "-wal").exists()
    try:
        con = sqlite3.connect(ro_uri(path, immutable=immutable), uri=True)
    except sqlite3.Error as exc:
        raise UserError("restore.not_ours", NOT_OURS, path=str(shown)) from exc
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "consultations", "residents"} <= tables:
            raise UserError("restore.not_ours", NOT_OURS, path=str(shown))
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise UserError("restore.not_ours", NOT_OURS, path=str(shown))
        revision = str(row[0])
        if revision not in known_revisions():
            raise UserError("restore.too_new", RESTORE_TOO_NEW, path=str(shown))
        check = str(con.execute("PRAGMA quick_check").fetchone()[0])
        if check != "ok":
            raise _damaged(shown, check)
        counts = {
            t: int(con.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0])
            for t in SUMMARY_TABLES
            if t in tables
        }
        made = con.execute("SELECT max(updated_at) FROM audit_log").fetchone()[0]
        made_at = datetime.fromisoformat(made) if made else None
        return BackupSummary(shown, revision, made_at, counts)
    except sqlite3.Error as exc:
        raise _damaged(shown, error_code(exc)) from exc
    except ValueError as exc:
        raise _damaged(shown, type(exc).__name__) from exc
    finally:
        con.close()


def is_sound(path: Path) -> bool:
    """True when ``path`` is a readable SQLite database that passes ``quick_check``."""
    try:
        check_file(path, allow_empty=False)
        con = sqlite3.connect(ro_uri(path), uri=True)
    except (UserError, sqlite3.Error, OSError):
        return False
    try:
        return str(con.execute("PRAGMA quick_check").fetchone()[0]) == "ok"
    except sqlite3.Error:
        return False
    finally:
        con.close()


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _copy_in(backup: Path, staging: Path) -> None:
    """Copy the backup (and a ``-wal`` beside it) to the scratch file, reading only.
    A read failure names the backup; a write failure (disk full) is raised as is."""
    for suffix in ("", "-wal"):
        src = _side(backup, suffix)
        if suffix and not src.exists():
            continue
        try:
            fin = src.open("rb")
        except OSError as exc:
            raise UserError("restore.unreadable", CANNOT_READ, path=str(src)) from exc
        with fin, _side(staging, suffix).open("wb") as fout:
            while True:
                try:
                    chunk = fin.read(1024 * 1024)
                except OSError as exc:
                    raise UserError("restore.unreadable", CANNOT_READ, path=str(src)) from exc
                if not chunk:
                    break
                fout.write(chunk)
            fout.flush()
            os.fsync(fout.fileno())


def _prepare(staging: Path) -> None:
    """Upgrade the scratch copy and rebuild its search index (nobody else sees it)."""
    from civicdesk.db.search import SEARCH_TABLES, rebuild_fts

    db = open_database(staging, lock=False, keep_copy=False)
    try:
        with db.engine.begin() as conn:
            for table in SEARCH_TABLES:
                rebuild_fts(conn, table)
    finally:
        db.close()


def _move_aside(target: Path, folder: Path) -> Path:
    """A damaged database (and its side files) moved out of the way, never read."""
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"before-restore-damaged-{_stamp()}.sqlite3"
    os.replace(target, kept)
    for suffix in ("-wal", "-shm"):
        side = _side(target, suffix)
        if side.exists():
            os.replace(side, _side(kept, suffix))
    return kept


def _copy_into_live(staging: Path, target: Path) -> None:
    """Replace the live database's content in one transaction: connections open on
    it (this process's app) see the restored data, none keeps writing a lost file."""
    src = sqlite3.connect(staging)
    try:
        dst = sqlite3.connect(target, timeout=10)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


@contextlib.contextmanager
def _scratch(target: Path) -> Iterator[Path]:
    staging = target.with_name(target.name + ".restoring")
    files = [staging, *(_side(staging, s) for s in SIDE_FILES)]
    _remove_quietly(*files)
    try:
        yield staging
    finally:
        _remove_quietly(*files)


def restore_backup(
    data_dir: Path, backup: Path, *, move_center: bool = False
) -> tuple[BackupSummary, Path | None]:
    """Replace the current database with ``backup`` after checking it.

    A backup of another center or PC needs ``move_center`` (backup_guard), and after a
    restore the PC must be enrolled again before it syncs.

    Returns the summary and where the previous database was kept.  Any refusal
    (folder in use, backup unreadable, damaged or too new, disk full) leaves the
    current database as it was.
    """
    target = data_dir / DB_FILE_NAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise (translate_operational_error(exc, target)
               or UserError("backup.write", CANNOT_WRITE, path=str(data_dir),
                            detail=error_code(exc))) from exc
    lock = take_folder(target)
    try:
        in_place = not _side(backup, "-wal").exists()
        if in_place:
            # refuse early, before copying anything (a backup with a -wal beside it on
            # a write-protected stick can only be read once copied: checked below)
            inspect_backup(backup)
            check_backup_belongs(data_dir, backup, move_center=move_center)
        with _scratch(target) as staging:
            try:
                _copy_in(backup, staging)
                summary = inspect_backup(staging, shown=backup)
                if not in_place:
                    check_backup_belongs(data_dir, staging, move_center=move_center)
                _prepare(staging)
                prepare_restored(staging, moved=move_center)
                kept: Path | None = None
                folder = data_dir / "backups"
                if target.exists() and is_sound(target):
                    kept = backup_file(
                        target, folder / f"before-restore-{_stamp()}.sqlite3"
                    )
                    _copy_into_live(staging, target)
                else:
                    if target.exists():
                        kept = _move_aside(target, folder)
                    for suffix in ("-wal", "-shm"):
                        _side(target, suffix).unlink(missing_ok=True)
                    os.replace(staging, target)
            except (sqlite3.Error, OSError) as exc:
                err = translate_operational_error(exc, target)
                raise (err or UserError(
                    "backup.write", CANNOT_WRITE, path=str(target), detail=error_code(exc)
                )) from exc
    finally:
        lock.release()
    forget_sync_login(target)
    return summary, kept

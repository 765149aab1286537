"""Automatic daily backup with rotation, a copy to a second folder, and the list of
backups a restore can choose from.

A center PC is often the only place a center's records live, so once a day the
database is copied with SQLite's online backup API (safe while the app writes) to
``civicdesk-YYYY-MM-DD.sqlite3`` in the backup folder (``<data dir>/backups/daily``
unless configured), and that file is copied to a second folder — typically a USB
stick — when one is configured and plugged in.  A missing stick is reported in the
result, never raised: it must not stop the app.  Each folder keeps the newest
``keep`` daily files; rotation only ever deletes files whose name is exactly one
this module writes.

The policy lives in ``app_settings`` (key ``backup_policy``).  The UI calls these
functions through its task runner (they do file I/O and may take seconds).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.domain.errors import Message, UserError
from civicdesk.services.admin import BackupSummary, inspect_backup, make_backup
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, audit, get_setting, put_setting
from civicdesk.services.permissions import authorize

POLICY_KEY = "backup_policy"
DEFAULT_KEEP = 14
MAX_KEEP = 3650
DAILY_NAME = "civicdesk-{day}.sqlite3"
DAILY_RE = re.compile(r"^civicdesk-(\d{4}-\d{2}-\d{2})\.sqlite3$")
#: Backups made by other parts of the app, offered for a restore as well.
OTHER_RE = re.compile(r"^(before-upgrade|before-restore)-.*\.sqlite3$")

BAD_KEEP = Message(
    kk="Сақталатын көшірмелер саны 1-ден {max}-ге дейін болуы керек.",
    ru="Число хранимых копий должно быть от 1 до {max}.",
)
SECOND_MISSING = Message(
    kk="Екінші қалта «{path}» қолжетімсіз (флешка қосылмаған ба?). Көшірме тек "
    "негізгі қалтада жасалды.",
    ru="Вторая папка «{path}» недоступна (флешка не вставлена?). Копия сделана "
    "только в основной папке.",
)
SECOND_FAILED = Message(
    kk="Екінші қалтаға «{path}» көшіру мүмкін болмады: {detail}. Көшірме тек "
    "негізгі қалтада жасалды.",
    ru="Не удалось скопировать во вторую папку «{path}»: {detail}. Копия сделана "
    "только в основной папке.",
)
SAME_FOLDER = Message(
    kk="Екінші қалта негізгі қалтамен бірдей болмауы керек.",
    ru="Вторая папка не должна совпадать с основной.",
)


@dataclass(frozen=True)
class BackupPolicy:
    """Where and how many daily backups are kept.

    ``folder`` None means ``<data dir>/backups/daily``; ``second_folder`` None means
    no second copy.  The second folder must exist (created once by the administrator
    on the stick): a missing folder means the stick is not plugged in, and nothing is
    then written in its place on the local disk.
    """

    folder: Path | None = None
    keep: int = DEFAULT_KEEP
    second_folder: Path | None = None

    def main_folder(self, data_dir: Path) -> Path:
        return self.folder if self.folder is not None else default_folder(data_dir)

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": None if self.folder is None else str(self.folder),
            "keep": self.keep,
            "second_folder": None if self.second_folder is None else str(self.second_folder),
        }

    @classmethod
    def from_json(cls, value: Any) -> BackupPolicy:
        if not isinstance(value, dict):
            return cls()
        folder = value.get("folder")
        second = value.get("second_folder")
        keep = value.get("keep", DEFAULT_KEEP)
        return cls(
            folder=Path(folder) if isinstance(folder, str) and folder else None,
            keep=keep if isinstance(keep, int) and 1 <= keep <= MAX_KEEP else DEFAULT_KEEP,
            second_folder=Path(second) if isinstance(second, str) and second else None,
        )


@dataclass(frozen=True)
class DailyBackup:
    """What one run of the daily backup did."""

    path: Path
    """Today's backup in the main folder."""
    made: bool
    """False when today's backup existed already (only the second copy was made)."""
    second_copy: Path | None
    """The copy in the second folder, when one was made or already there."""
    second_problem: UserError | None
    """Why the second folder got no copy (``.text(lang)`` for the user), else None."""
    removed: tuple[Path, ...]
    """Old daily backups deleted by the rotation, in both folders."""


@dataclass(frozen=True)
class BackupEntry:
    """One backup file offered for a restore, with what it holds."""

    path: Path
    kind: str
    """``daily``, ``second`` (the daily copy in the second folder), ``before-upgrade``
    or ``before-restore``."""
    made_at: datetime
    """When the file was written (its modification time)."""
    size: int
    summary: BackupSummary | None
    """Schema revision, record counts and the last change it holds; None if unreadable."""
    problem: UserError | None

    @property
    def revision(self) -> str | None:
        return None if self.summary is None else self.summary.revision

    @property
    def counts(self) -> dict[str, int]:
        return {} if self.summary is None else self.summary.counts

    @property
    def last_change(self) -> datetime | None:
        return None if self.summary is None else self.summary.made_at


def default_folder(data_dir: Path) -> Path:
    return data_dir / "backups" / "daily"


def daily_name(day: date) -> str:
    return DAILY_NAME.format(day=day.isoformat())


def load_policy(app: CivicApp) -> BackupPolicy:
    with app.db.session() as s:
        return BackupPolicy.from_json(get_setting(s, POLICY_KEY))


def save_policy(app: CivicApp, policy: BackupPolicy, actor: Actor) -> BackupPolicy:
    """Managers only: a consultant could otherwise keep one copy, or none on the stick."""
    authorize(actor, "backup.policy")
    if not 1 <= policy.keep <= MAX_KEEP:
        raise UserError("backup.keep", BAD_KEEP, field="keep", max=MAX_KEEP)
    if policy.second_folder is not None and _same(
        policy.second_folder, policy.main_folder(app.data_dir)
    ):
        raise UserError("backup.same_folder", SAME_FOLDER, field="second_folder")
    with app.db.session() as s:
        before = get_setting(s, POLICY_KEY)
        put_setting(s, POLICY_KEY, policy.to_json())
        audit(app.context(actor), s, "update", "backup_policy", None, before, policy.to_json())
    return policy


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def daily_files(folder: Path) -> list[tuple[date, Path]]:
    """The daily backups this module wrote in ``folder``, oldest first."""
    found: list[tuple[date, Path]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return found
    for path in entries:
        match = DAILY_RE.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            continue
        found.append((day, path))
    found.sort()
    return found


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete the oldest daily backups beyond ``keep``; returns what was deleted."""
    files = daily_files(folder)
    removed: list[Path] = []
    for _day, path in files[: max(0, len(files) - keep)]:
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
        for side in ("-wal", "-shm", "-journal"):
            Path(str(path) + side).unlink(missing_ok=True)
    return removed


def _standalone(path: Path) -> None:
    """Make a fresh backup a single file: rollback journal instead of WAL, so that
    reading it later (list, restore, copy) leaves no -wal/-shm beside it."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = DELETE")
    finally:
        con.close()


def _copy_file(src: Path, dest: Path) -> Path:
    """Copy a closed backup through a temporary name, flushed to the device (a USB
    stick may be pulled out right after)."""
    tmp = dest.with_name(dest.name + ".part")
    try:
        with src.open("rb") as fin, tmp.open("wb") as fout:
            shutil.copyfileobj(fin, fout, 1024 * 1024)
            fout.flush()
            os.fsync(fout.fileno())
        tmp.replace(dest)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    return dest


def _copy_to_second(today: Path, second: Path) -> tuple[Path | None, UserError | None]:
    if not second.is_dir():
        return None, UserError("backup.second_missing", SECOND_MISSING, path=str(second))
    target = second / today.name
    if target.is_file() and target.stat().st_size > 0:
        return target, None
    try:
        return _copy_file(today, target), None
    except OSError as exc:
        detail = getattr(exc, "strerror", None) or str(exc)
        return None, UserError(
            "backup.second_failed", SECOND_FAILED, path=str(second), detail=detail
        )


def run_daily_backup(app: CivicApp, now: datetime | None = None) -> DailyBackup | None:
    """Make today's backup unless it exists, copy it to the second folder, rotate.

    Returns None when there was nothing to do (today's backup and its second copy
    exist, or no second folder is set); otherwise what was done and, if the second
    folder could not be written, why.  A failure to write the main folder (disk full,
    no permission) is raised as ``UserError``.
    """
    day = (now or datetime.now()).date()
    policy = load_policy(app)
    main = policy.main_folder(app.data_dir)
    path = main / daily_name(day)
    made = False
    if not path.is_file():
        make_backup(app.data_dir, path)
        _standalone(path)
        made = True
    removed = rotate(main, policy.keep)
    second_copy: Path | None = None
    problem: UserError | None = None
    if policy.second_folder is not None:
        already = (policy.second_folder / path.name).is_file()
        if not made and already:
            return None
        second_copy, problem = _copy_to_second(path, policy.second_folder)
        if second_copy is not None:
            removed += rotate(policy.second_folder, policy.keep)
    elif not made:
        return None
    return DailyBackup(
        path=path, made=made, second_copy=second_copy, second_problem=problem,
        removed=tuple(removed),
    )


def _entry(path: Path, kind: str) -> BackupEntry | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    summary: BackupSummary | None = None
    problem: UserError | None = None
    try:
        summary = inspect_backup(path)
    except UserError as err:
        problem = err
    return BackupEntry(
        path=path, kind=kind, made_at=datetime.fromtimestamp(stat.st_mtime),
        size=stat.st_size, summary=summary, problem=problem,
    )


def list_backups(app: CivicApp) -> list[BackupEntry]:
    """Every backup a restore can use, newest first: the daily ones in both folders
    (the second only when reachable) and those made before an upgrade or a restore."""
    policy = load_policy(app)
    candidates: list[tuple[Path, str]] = [
        (p, "daily") for _d, p in daily_files(policy.main_folder(app.data_dir))
    ]
    if policy.second_folder is not None:
        candidates += [(p, "second") for _d, p in daily_files(policy.second_folder)]
    other = app.data_dir / "backups"
    try:
        for p in other.iterdir():
            match = OTHER_RE.match(p.name)
            if match and p.is_file():
                candidates.append((p, match.group(1)))
    except OSError:
        pass
    live = app.data_dir / DB_FILE_NAME
    entries = [
        e for p, kind in candidates if not _same(p, live) and (e := _entry(p, kind)) is not None
    ]
    entries.sort(key=lambda e: (e.made_at, e.path.name), reverse=True)
    return entries

"""Automatic daily backup with rotation, a copy to a second folder, and the list of
backups a restore can choose from.

A center PC is often the only place a center's records live, so once a day the
database is copied with SQLite's online backup API (safe while the app writes) to the
backup folder (``<data dir>/backups/daily`` unless configured), and that file is
copied to a second folder — typically a USB stick — when one is configured and
plugged in.  A missing stick is reported in the result, never raised: it must not
stop the app.

File names carry the day, this PC's device and a sequence number:
``civicdesk-2025-03-14-1a2b3c4d-000042.sqlite3``.  The sequence only grows, so

- the rotation (keep the newest ``keep`` files) orders by sequence, not by the date
  of a clock that may have been set back after a power cut, and it never deletes
  the file made in the same run;
- a stick shared by two PCs holds both PCs' files side by side: one PC neither
  takes the other's file for its own copy nor rotates it away.

Every file is a single verified file (no ``-wal``), and the copy on the stick is
compared with the original after it is written.

The policy lives in ``app_settings`` (key ``backup_policy``).  The UI calls these
functions through its task runner (they do file I/O and may take seconds).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from civicdesk.db.engine import DB_FILE_NAME, error_code, translate_operational_error
from civicdesk.domain.errors import Message, UserError
from civicdesk.services.admin import BackupSummary, inspect_backup, make_backup
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, audit, get_setting, put_setting
from civicdesk.services.permissions import authorize

POLICY_KEY = "backup_policy"
DEFAULT_KEEP = 14
MAX_KEEP = 3650
SEQ_KEY = "backup_seq"
DAILY_NAME = "civicdesk-{day}-{device}-{seq:06d}.sqlite3"
#: This module's names: ``civicdesk-DAY-DEVICE-SEQ.sqlite3``, and the older
#: ``civicdesk-DAY.sqlite3`` (no device: rotated before any newer file).
DAILY_RE = re.compile(
    r"^civicdesk-(\d{4}-\d{2}-\d{2})(?:-([0-9a-z]{1,16})-(\d{1,9}))?\.sqlite3$"
)
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
COPY_MISMATCH = Message(
    kk="флешкадағы көшірме түпнұсқамен сәйкес келмеді", ru="копия на флешке не совпала с "
    "оригиналом",
)
NOT_MADE = Message(
    kk="Сақтық көшірмені «{path}» қалтасына жазу мүмкін болмады (қате коды {errcode}).",
    ru="Не удалось записать резервную копию в папку «{path}» (код ошибки {errcode}).",
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


def device_tag(app: CivicApp) -> str:
    """This PC in backup file names: the last 8 letters/digits of its device id."""
    return re.sub(r"[^0-9a-z]", "", app.state.device_id.lower())[-8:] or "device"


def daily_name(day: date, device: str, seq: int) -> str:
    return DAILY_NAME.format(day=day.isoformat(), device=device, seq=seq)


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


@dataclass(frozen=True)
class DailyFile:
    day: date
    device: str | None
    """None for the older names without a device."""
    seq: int
    path: Path


def daily_files(folder: Path) -> list[DailyFile]:
    """The daily backups this module wrote in ``folder`` (every PC's)."""
    found: list[DailyFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return found
    for path in entries:
        match = DAILY_RE.match(path.name)
        if not match:
            continue
        try:
            day = date.fromisoformat(match.group(1))
            if not path.is_file():
                continue
        except (ValueError, OSError):
            continue
        device, seq = match.group(2), match.group(3)
        found.append(DailyFile(day, device, int(seq) if seq else -1, path))
    found.sort(key=lambda f: (f.day, f.seq, f.path.name))
    return found


def _mine(folder: Path, device: str) -> list[DailyFile]:
    """This PC's files (and the older nameless ones), oldest first by sequence:
    the order the backups were made in, whatever the clock said."""
    files = [f for f in daily_files(folder) if f.device in (device, None)]
    files.sort(key=lambda f: (f.device is not None, f.seq if f.device else 0, f.day,
                              f.path.name))
    return files


def rotate(folder: Path, keep: int, device: str,
           protect: tuple[Path, ...] = ()) -> list[Path]:
    """Delete this PC's oldest daily backups beyond ``keep``; never another PC's file
    and never one in ``protect`` (those made in this run). Returns what was deleted."""
    files = _mine(folder, device)
    removed: list[Path] = []
    for f in files[: max(0, len(files) - keep)]:
        if any(_same(f.path, p) for p in protect):
            continue
        try:
            f.path.unlink()
            removed.append(f.path)
        except FileNotFoundError:
            pass
        except OSError:
            continue  # a write-protected stick: nothing to rotate there
        for side in ("-wal", "-shm", "-journal"):
            try:
                Path(str(f.path) + side).unlink(missing_ok=True)
            except OSError:
                pass
    return removed


def _next_seq(app: CivicApp, folders: list[Path], device: str) -> int:
    """One more than any sequence this PC used: the setting, or a file (a restore
    may have put back an older setting)."""
    with app.db.session() as s:
        stored = get_setting(s, SEQ_KEY, 0)
    used = [f.seq for folder in folders for f in daily_files(folder) if f.device == device]
    seq = max([stored if isinstance(stored, int) else 0, *used]) + 1
    with app.db.session() as s:
        put_setting(s, SEQ_KEY, seq)
    return seq


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            h.update(chunk)
    return h.hexdigest()


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _copy_file(src: Path, dest: Path) -> Path:
    """Copy a closed backup through a temporary name, flushed to the device (a USB
    stick may be pulled out right after) and compared with the original."""
    tmp = dest.with_name(dest.name + ".part")
    try:
        with src.open("rb") as fin, tmp.open("wb") as fout:
            for chunk in iter(lambda: fin.read(1024 * 1024), b""):
                fout.write(chunk)
            fout.flush()
            os.fsync(fout.fileno())
        if _digest(tmp) != _digest(src):
            raise OSError(errno.EIO, COPY_MISMATCH.ru)
        os.replace(tmp, dest)
    except OSError:
        _remove_quietly(tmp)
        raise
    return dest


def _problem_detail(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.text("ru") + " / " + exc.text("kk")
    return error_code(exc)


def _copy_to_second(made: Path, second: Path) -> tuple[Path | None, UserError | None]:
    if not second.is_dir():
        return None, UserError("backup.second_missing", SECOND_MISSING, path=str(second))
    target = second / made.name
    try:
        if target.is_file() and target.stat().st_size == made.stat().st_size:
            return target, None
        return _copy_file(made, target), None
    except OSError as exc:
        return None, UserError(
            "backup.second_failed", SECOND_FAILED, path=str(second),
            detail=_problem_detail(exc),
        )


def _make(app: CivicApp, policy: BackupPolicy, day: date) -> Path:
    """A new verified backup in the main folder; a kk/ru ``UserError`` on failure."""
    main = policy.main_folder(app.data_dir)
    device = device_tag(app)
    folders = [main] + ([policy.second_folder] if policy.second_folder else [])
    seq = _next_seq(app, folders, device)
    path = main / daily_name(day, device, seq)
    try:
        return make_backup(app.data_dir, path)
    except (OSError, sqlite3.Error) as exc:
        known = translate_operational_error(exc, main)
        if known is not None:
            raise known from exc
        raise UserError("backup.not_made", NOT_MADE, path=str(main),
                        errcode=error_code(exc)) from exc


def _second_and_rotate(
    app: CivicApp, policy: BackupPolicy, path: Path
) -> tuple[Path | None, UserError | None, list[Path]]:
    device = device_tag(app)
    removed = rotate(path.parent, policy.keep, device, protect=(path,))
    second_copy: Path | None = None
    problem: UserError | None = None
    if policy.second_folder is not None:
        second_copy, problem = _copy_to_second(path, policy.second_folder)
        if second_copy is not None:
            removed += rotate(policy.second_folder, policy.keep, device,
                              protect=(second_copy,))
    return second_copy, problem, removed


def run_daily_backup(app: CivicApp, now: datetime | None = None) -> DailyBackup | None:
    """Make today's backup unless this PC's newest one is from today, copy it to the
    second folder, rotate.

    Returns None when there was nothing to do (today's backup and its second copy
    exist, or no second folder is set); otherwise what was done and, if the second
    folder could not be written, why.  A failure to write the main folder (disk full,
    no permission) is raised as ``UserError``.
    """
    day = (now or datetime.now()).date()
    policy = load_policy(app)
    main = policy.main_folder(app.data_dir)
    mine = [f for f in _mine(main, device_tag(app)) if f.device is not None]
    newest = mine[-1] if mine else None
    made = newest is None or newest.day != day
    if made:
        path = _make(app, policy, day)
    else:
        assert newest is not None
        path = newest.path
        if policy.second_folder is None or (policy.second_folder / path.name).is_file():
            return None
    second_copy, problem, removed = _second_and_rotate(app, policy, path)
    return DailyBackup(
        path=path, made=made, second_copy=second_copy, second_problem=problem,
        removed=tuple(removed),
    )


def back_up_now(app: CivicApp, now: datetime | None = None) -> tuple[Path, UserError | None]:
    """A backup made now (the Backups page button), whatever was made earlier today;
    copied to the second folder when reachable, then both rotated.  Returns the file
    and, if the second folder could not be written, why."""
    policy = load_policy(app)
    path = _make(app, policy, (now or datetime.now()).date())
    _copy, problem, _removed = _second_and_rotate(app, policy, path)
    return path, problem


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
        problem = err  # listed, with why, never in the way of the other files
    return BackupEntry(
        path=path, kind=kind, made_at=datetime.fromtimestamp(stat.st_mtime),
        size=stat.st_size, summary=summary, problem=problem,
    )


def list_backups(app: CivicApp) -> list[BackupEntry]:
    """Every backup a restore can use, newest first: the daily ones in both folders
    (the second only when reachable) and those made before an upgrade or a restore."""
    policy = load_policy(app)
    candidates: list[tuple[Path, str]] = [
        (f.path, "daily") for f in daily_files(policy.main_folder(app.data_dir))
    ]
    if policy.second_folder is not None:
        candidates += [(f.path, "second") for f in daily_files(policy.second_folder)]
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

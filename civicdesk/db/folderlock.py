"""One CivicDesk per data folder: an exclusive operating-system lock.

Two programs writing one SQLite file through different paths (a second window, a
restore from the command line while the app is open) can lose records: a restore
replaces the file under connections that keep writing to the old one.  So every
process that writes a data folder first takes an exclusive lock on a small file
next to the database (``civicdesk.sqlite3.lock``).  The operating system releases
it when the process ends in any way (crash, kill, power cut), so a stale lock never
blocks a center.

- Windows: ``msvcrt.locking`` on the first byte of the lock file (non-blocking).
- Linux and other POSIX systems: ``fcntl.flock(LOCK_EX | LOCK_NB)``.

Within one process the lock is shared: the app and a restore started from its own
Backups page count as one holder (the lock is released when the last user lets go).
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

LOCK_SUFFIX = ".lock"


class FolderBusyError(Exception):
    """Another process holds the data folder."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


@dataclass
class _Held:
    fd: int
    count: int = 1


_registry: dict[str, _Held] = {}
_guard = threading.Lock()


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def _try_lock(fd: int) -> bool:
    """Take the OS lock without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            # Windows says EACCES or EDEADLOCK; Wine says errno 0. The file is open
            # for writing already, so a byte that cannot be locked is another holder's.
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass
class FolderLock:
    """A held lock; ``release()`` (or leaving a ``with`` block) lets it go once."""

    path: Path
    _released: bool = field(default=False, repr=False)

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        key = _key(self.path)
        with _guard:
            held = _registry.get(key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _registry[key]
            try:
                _unlock(held.fd)
            finally:
                os.close(held.fd)

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def acquire(db_path: Path) -> FolderLock:
    """Take the data folder of ``db_path`` for this process.

    Raises ``FolderBusyError`` when another process holds it and ``OSError`` when the lock
    file cannot be made (read-only folder, full disk): the caller turns both into a
    message for the user.
    """
    path = lock_path_for(Path(db_path))
    key = _key(path)
    with _guard:
        held = _registry.get(key)
        if held is not None:
            held.count += 1
            return FolderLock(path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        try:
            if os.fstat(fd).st_size == 0:
                # msvcrt locks a byte range; give it a byte to lock. (On Windows a
                # holder's locked byte refuses the write: that too means busy.)
                try:
                    os.write(fd, b"\n")
                except PermissionError as exc:
                    raise FolderBusyError(path) from exc
            if not _try_lock(fd):
                raise FolderBusyError(path)
        except BaseException:
            os.close(fd)
            raise
        _registry[key] = _Held(fd)
        return FolderLock(path)


def held_elsewhere(db_path: Path) -> bool:
    """True when another process holds the data folder right now (a probe)."""
    path = lock_path_for(Path(db_path))
    with _guard:
        if _key(path) in _registry:
            return False
    if not path.exists():
        return False
    try:
        lock = acquire(db_path)
    except FolderBusyError:
        return True
    except OSError:
        return False
    lock.release()
    return False

"""This PC's sync login, kept out of the database so that no backup carries it.

The bearer token and the enrolment's instance id live in the operating system's
credential store: Windows Credential Manager, or the Secret Service (GNOME Keyring,
KWallet) on Linux, through the ``keyring`` package.  Where neither works (a Linux
PC without a desktop session), a JSON file readable only by the user is used instead.

An entry is keyed by the database file's full path, and also holds a random
reference that the database keeps in ``sync_state`` (``credential_ref``).  So:

* a backup copied to another PC or restored into another folder finds no entry;
* a database restored over the enrolled one is not enrolled either: every restore
  forgets the entry (``forget``), and a file copied over by hand has another
  reference unless it was taken after the last enrolment;
* the PC must then be enrolled again with a new code from head office.

``CIVICDESK_CREDENTIALS_FILE`` forces the file store at that path (tests, or an
administrator who wants the secret in a known place).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

SERVICE = "CivicDesk"
FILE_ENV = "CIVICDESK_CREDENTIALS_FILE"
REF_KEY = "credential_ref"


@dataclass(frozen=True)
class SyncCredential:
    token: str
    instance_id: str
    ref: str

    def to_json(self) -> str:
        return json.dumps({"token": self.token, "instance_id": self.instance_id, "ref": self.ref})

    @classmethod
    def from_json(cls, raw: str | None) -> SyncCredential | None:
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return cls(str(data["token"]), str(data["instance_id"]), str(data["ref"]))
        except (ValueError, KeyError, TypeError):
            return None


class SecretStore(Protocol):
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...
    def delete(self, key: str) -> None: ...


class FileSecrets:
    """A JSON file of key -> secret, created with permissions for the user only."""

    _lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write(self, data: dict[str, str]) -> None:
        folder = self.path.parent
        if not folder.exists():
            # a folder of its own, made here: for the user only. A folder that already
            # exists (a shared one such as the temporary folder) keeps its permissions;
            # the file itself is created for the user only.
            folder.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                os.chmod(folder, 0o700)
        tmp = self.path.with_name(self.path.name + f".{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)

    def get(self, key: str) -> str | None:
        return self._read().get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock:
            data = self._read()
            data[key] = value
            self._write(data)

    def delete(self, key: str) -> None:
        with self._lock:
            data = self._read()
            if data.pop(key, None) is not None:
                self._write(data)


class KeyringSecrets:
    """The OS credential store, with the file as a fallback for what it refuses."""

    def __init__(self, fallback: FileSecrets) -> None:
        self.fallback = fallback

    def get(self, key: str) -> str | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            value = keyring.get_password(SERVICE, key)
        except KeyringError:
            value = None
        return value if value is not None else self.fallback.get(key)

    def set(self, key: str, value: str) -> None:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(SERVICE, key, value)
        except KeyringError:
            self.fallback.set(key, value)
            return
        self.fallback.delete(key)

    def delete(self, key: str) -> None:
        import keyring
        from keyring.errors import KeyringError

        with contextlib.suppress(KeyringError):
            keyring.delete_password(SERVICE, key)
        self.fallback.delete(key)


def default_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("CivicDesk", appauthor=False)) / "credentials.json"


def default_store() -> SecretStore:
    """The file named by ``CIVICDESK_CREDENTIALS_FILE``, else the OS store if it works."""
    env = os.environ.get(FILE_ENV)
    if env:
        return FileSecrets(Path(env))
    fallback = FileSecrets(default_file())
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:  # pragma: no cover - keyring is a dependency
        return fallback
    if sys.platform == "win32":
        # Credential Manager directly: a frozen build may lack keyring's entry points
        try:
            from keyring.backends.Windows import WinVaultKeyring

            keyring.set_keyring(WinVaultKeyring())
        except Exception:  # keyring then chooses as usual
            pass
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return fallback
    return KeyringSecrets(fallback)


def key_for(db_path: Path) -> str:
    """The entry's name: a hash of the database file's full path."""
    full = os.path.normcase(str(Path(db_path).resolve()))
    return "sync-" + hashlib.sha256(full.encode("utf-8")).hexdigest()[:32]


def new_ref() -> str:
    return secrets.token_hex(16)


def load(db_path: Path, ref: str | None, store: SecretStore | None = None) -> SyncCredential | None:
    """This database's credential, if its reference matches the database's own."""
    if not ref:
        return None
    cred = SyncCredential.from_json((store or default_store()).get(key_for(db_path)))
    if cred is None or not secrets.compare_digest(cred.ref, ref):
        return None
    return cred


def save(db_path: Path, cred: SyncCredential, store: SecretStore | None = None) -> None:
    (store or default_store()).set(key_for(db_path), cred.to_json())


def forget(db_path: Path, store: SecretStore | None = None) -> None:
    """Drop the credential of this database file (after a restore: enrol again)."""
    (store or default_store()).delete(key_for(db_path))

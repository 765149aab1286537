"""Attachment blobs: content-addressed files and their transfer (docs/sync.md §12).

A blob is stored once under ``<root>/ab/cdef…`` (its sha256, the first two hex digits
as a folder), written to a temporary file, fsynced and renamed into place, so a blob
that exists is always whole. The ``attachments`` rows travel with push/pull like any
other record; the bytes travel here, after each push and after each pull:

- up: ask the server which of our blobs it lacks (``POST …/attachments/missing``), then
  for each one ask how much it already has (``GET …/{sha256}/status``) and send the
  rest in chunks (``PUT …/{sha256}?offset=N&size=S``). A cut upload resumes where it
  stopped; the server checks size and hash after the last chunk.
- down: blobs named by local attachment rows but absent here are fetched with
  ``GET …/{sha256}`` (``Range: bytes=N-`` resumes a cut download) and kept only if
  their hash matches.

The helpers at the top (names, layout, messages) are shared with the server.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import httpx

from civicdesk.domain.errors import Message
from civicdesk.sync.protocol import API

if TYPE_CHECKING:
    from civicdesk.sync.client import SyncClient

MAX_BLOB_BYTES = 20 * 1024 * 1024
CHUNK_BYTES = 256 * 1024
MAX_CHUNK_BYTES = 1024 * 1024
MAX_ASK = 1000
ATTACHMENTS_TABLE = "attachments"
PARTIAL_DIR = ".partial"
TMP_DIR = ".tmp"

_SHA = re.compile(r"[0-9a-f]{64}")

BLOB_TOO_LARGE = Message(
    kk="Файл тым үлкен ({size} байт): шегі {limit} байт.",
    ru="Файл слишком большой ({size} байт): предел {limit} байт.",
)
BLOB_MISMATCH = Message(
    kk="Файл бүтін жетпеді (бақылау сомасы сәйкес емес). Ол келесі синхрондауда қайта жіберіледі.",
    ru="Файл дошёл повреждённым (контрольная сумма не совпадает). Он будет отправлен "
    "заново при следующей синхронизации.",
)
BLOB_OFFSET = Message(
    kk="Файлды жіберу басқа жерден жалғасты ({received} байт алынған). Қайталаңыз.",
    ru="Передача файла продолжилась не с того места (получено {received} байт). Повторите.",
)
BLOB_NOT_YOURS = Message(
    kk="Бұл файл сіздің орталығыңыздың жазбаларында жоқ.",
    ru="Этого файла нет в записях вашего центра.",
)
BLOB_NOT_FOUND = Message(
    kk="Файл серверде жоқ.",
    ru="Файла нет на сервере.",
)
BLOB_BAD_NAME = Message(
    kk="Файлдың атауы дұрыс емес (64 он алтылық таңба керек).",
    ru="Неверное имя файла (нужно 64 шестнадцатеричных знака).",
)
BLOB_BROKEN_HERE = Message(
    kk="Тіркелген файл зақымдалған немесе жоқ: {file_name}.",
    ru="Вложенный файл повреждён или отсутствует: {file_name}.",
)


def is_sha256(value: str) -> bool:
    """64 lowercase hex digits, nothing else (no path parts, no dots)."""
    return bool(_SHA.fullmatch(value))


def blob_path(root: Path, sha256: str) -> Path:
    if not is_sha256(sha256):
        raise ValueError("not a sha256")
    return root / sha256[:2] / sha256[2:]


def file_sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while block := f.read(CHUNK_BYTES):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def blob_ok(root: Path, sha256: str, size: int | None = None) -> bool:
    """The blob exists and its bytes hash to its name (and have ``size`` if given)."""
    path = blob_path(root, sha256)
    if not path.is_file():
        return False
    digest, got = file_sha256(path)
    return digest == sha256 and (size is None or got == size)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; rename is durable there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def place(root: Path, sha256: str, source: Path) -> Path:
    """Move a complete, verified file into its content-addressed place."""
    target = blob_path(root, sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    fsync_dir(target.parent)
    return target


class TooLargeError(ValueError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} > {limit}")
        self.size = size
        self.limit = limit


def store_stream(root: Path, source: IO[bytes], limit: int = MAX_BLOB_BYTES) -> tuple[str, int]:
    """Copy ``source`` into the store: temp file, fsync, rename. Returns (sha256, size)."""
    tmp_dir = root / TMP_DIR
    tmp_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, name = tempfile.mkstemp(dir=tmp_dir, suffix=".part")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            while block := source.read(CHUNK_BYTES):
                size += len(block)
                if size > limit:
                    raise TooLargeError(size, limit)
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        if blob_ok(root, sha, size):
            tmp.unlink()
        else:
            place(root, sha, tmp)
        return sha, size
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def attachments_root(client: SyncClient) -> Path:
    """The desktop's blob folder: ``attachments`` beside the database file."""
    return Path(client.db.path).parent / "attachments"


# --------------------------------------------------------------------------- client


def _send(
    client: httpx.Client,
    method: str,
    path: str,
    *,
    headers: dict[str, str],
    content: bytes | None = None,
    params: dict[str, Any] | None = None,
    json_body: Any = None,
) -> httpx.Response:
    from civicdesk.sync import messages as m
    from civicdesk.sync.client import SyncClient, SyncError

    try:
        resp = client.request(
            method, path, headers=headers, content=content, params=params, json=json_body
        )
    except httpx.HTTPError as exc:
        raise SyncError("network", "sync.offline", m.NO_CONNECTION) from exc
    if resp.status_code >= 400:
        raise SyncClient._error_from(resp)
    return resp


def _bad_answer(what: str) -> Exception:
    from civicdesk.sync import messages as m
    from civicdesk.sync.client import SyncError

    return SyncError("protocol", "sync.bad_answer", m.BAD_ANSWER, detail=what)


def _local_shas(client: SyncClient) -> list[str]:
    with client.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT DISTINCT sha256 FROM attachments WHERE deleted = 0 ORDER BY sha256"
        ).all()
    return [str(r[0]) for r in rows if isinstance(r[0], str) and is_sha256(r[0])]


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def upload_missing(client: SyncClient, http: httpx.Client, *, chunk: int = CHUNK_BYTES) -> int:
    """After a push: send the blobs the server lacks. Returns how many were completed."""
    root = attachments_root(client)
    have = [s for s in _local_shas(client) if blob_path(root, s).is_file()]
    if not have:
        return 0
    auth = client._auth_headers()
    missing: list[str] = []
    for part in _batches(have, MAX_ASK):
        resp = _send(
            http, "POST", f"{API}/attachments/missing", headers=auth, json_body={"sha256": part}
        )
        try:
            answer = resp.json()
            missing += [s for s in answer["missing"] if isinstance(s, str) and is_sha256(s)]
        except (ValueError, KeyError, TypeError) as exc:
            raise _bad_answer("attachments/missing") from exc
    done = 0
    for sha in missing:
        if _upload_one(http, auth, root, sha, chunk):
            done += 1
    return done


def _received(resp: httpx.Response) -> tuple[int, bool]:
    try:
        body = resp.json()
        return int(body["received"]), bool(body["complete"])
    except (ValueError, KeyError, TypeError) as exc:
        raise _bad_answer("attachments/status") from exc


def _upload_one(http: httpx.Client, auth: dict[str, str], root: Path, sha: str, chunk: int) -> bool:
    path = blob_path(root, sha)
    digest, size = file_sha256(path)
    if digest != sha:
        return False  # damaged here: never send it (open_attachment reports it)
    url = f"{API}/attachments/{sha}"
    received, complete = _received(_send(http, "GET", f"{url}/status", headers=auth))
    if complete:
        return True
    if received > size:
        received = 0
    headers = {**auth, "Content-Type": "application/octet-stream"}
    with path.open("rb") as f:
        f.seek(received)
        while True:
            block = f.read(chunk)
            resp = _send(
                http,
                "PUT",
                url,
                headers=headers,
                content=block,
                params={"offset": received, "size": size},
            )
            received, complete = _received(resp)
            if complete:
                return True
            if not block:
                raise _bad_answer("attachments/upload")
            f.seek(received)


def download_missing(client: SyncClient, http: httpx.Client) -> int:
    """After a pull: fetch blobs named by local rows and absent here. Returns how many.

    A blob the server does not have yet (its center has not uploaded it) is skipped
    and asked for again next time; one that arrives damaged is thrown away and the
    round fails with a kk/ru message after the other blobs were fetched.
    """
    from civicdesk.sync.client import SyncError

    root = attachments_root(client)
    wanted = [s for s in _local_shas(client) if not blob_path(root, s).is_file()]
    if not wanted:
        return 0
    auth = client._auth_headers()
    done = 0
    damaged: SyncError | None = None
    for sha in wanted:
        try:
            if _download_one(http, auth, root, sha):
                done += 1
        except SyncError as exc:
            if exc.code == "attachments.not_found":
                continue
            if exc.code != "attachments.mismatch":
                raise
            damaged = exc
    if damaged is not None:
        raise damaged
    return done


def _download_one(http: httpx.Client, auth: dict[str, str], root: Path, sha: str) -> bool:
    from civicdesk.sync import messages as m
    from civicdesk.sync.client import SyncClient, SyncError

    partial_dir = root / PARTIAL_DIR
    partial_dir.mkdir(parents=True, exist_ok=True)
    part = partial_dir / f"{sha}.part"
    have = part.stat().st_size if part.exists() else 0
    headers = dict(auth)
    if have:
        headers["Range"] = f"bytes={have}-"
    try:
        with http.stream("GET", f"{API}/attachments/{sha}", headers=headers) as resp:
            if resp.status_code >= 400:
                resp.read()
                if resp.status_code == 416:
                    # Nothing after what we hold: complete (cut before the rename) or bad.
                    return _keep_if_whole(root, sha, part)
                raise SyncClient._error_from(resp)
            mode = "ab" if resp.status_code == 206 and have else "wb"
            with part.open(mode) as out:
                for block in resp.iter_bytes(CHUNK_BYTES):
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
    except httpx.HTTPError as exc:
        raise SyncError("network", "sync.offline", m.NO_CONNECTION) from exc
    digest, _size = file_sha256(part)
    if digest != sha:
        part.unlink(missing_ok=True)
        raise SyncError("protocol", "attachments.mismatch", BLOB_MISMATCH)
    place(root, sha, part)
    return True


def _keep_if_whole(root: Path, sha: str, part: Path) -> bool:
    if file_sha256(part)[0] == sha:
        place(root, sha, part)
        return True
    part.unlink(missing_ok=True)
    return False
